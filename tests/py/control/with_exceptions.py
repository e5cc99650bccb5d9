# Context managers that inspect, suppress or replace exceptions.
class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            self.caught = exc
            return True
        return False
with Suppress(KeyError, IndexError) as s:
    [][1]
print("suppressed:", type(s.caught).__name__, s.caught)
with Suppress(ValueError) as s:
    pass
print("nothing caught:", s.caught)
try:
    with Suppress(KeyError):
        raise TypeError("not suppressed")
except TypeError as e:
    print("escaped:", e)
class Inspect:
    def __exit__(self, exc_type, exc, tb):
        print("exit args:", exc_type.__name__ if exc_type else None,
              repr(exc), tb is not None)
    def __enter__(self):
        return self
try:
    with Inspect():
        raise RuntimeError("look")
except RuntimeError:
    print("propagated after inspection")
with Inspect():
    pass
class Replace:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is ZeroDivisionError:
            raise ValueError("replaced") from exc
try:
    with Replace():
        1 / 0
except ValueError as e:
    print(e, "cause:", repr(e.__cause__))
class FailEnter:
    def __enter__(self):
        raise OSError("cannot open")
    def __exit__(self, *a):
        print("exit must not run")
try:
    with FailEnter():
        print("body must not run")
except OSError as e:
    print("enter failed:", e)
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return "non-empty string is truthy"
with Truthy():
    raise KeyError("swallowed by truthy return")
print("continued after truthy __exit__")
def transaction(log):
    class Tx:
        def __enter__(self):
            log.append("begin")
        def __exit__(self, et, e, tb):
            log.append("rollback" if et else "commit")
            return False
    return Tx()
for fail in (False, True):
    log = []
    try:
        with transaction(log):
            log.append("work")
            if fail:
                raise RuntimeError("fail")
    except RuntimeError:
        log.append("handled")
    print(log)
class Exits:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return self
    def __exit__(self, et, e, tb):
        print(f"exit {self.name} sees {et.__name__ if et else None}")
        return self.name == "inner-suppressor"
with Exits("outer"):
    with Exits("inner-suppressor"):
        raise ValueError
    print("after inner with")
