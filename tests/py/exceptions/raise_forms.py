# Forms of the raise statement: class, instance, re-raise, from, and invalid raises.
def attempt(fn):
    try:
        fn()
    except BaseException as e:
        return f"{type(e).__name__}({', '.join(map(repr, e.args))})"
    return "no exception"
def raise_class():
    raise ValueError
def raise_instance():
    raise ValueError("instance", 1)
def raise_non_exception():
    raise 42
def raise_non_exception_class():
    raise int
def raise_none():
    raise None
def reraise_outside():
    raise
class NotAnException:
    pass
def raise_plain_object():
    raise NotAnException()
for f in [raise_class, raise_instance, raise_non_exception, raise_non_exception_class, raise_none, reraise_outside, raise_plain_object]:
    print(f.__name__, "->", attempt(f))
def reraise_inner():
    try:
        raise KeyError("inner")
    except KeyError:
        raise
print(attempt(reraise_inner))
def raise_caught_later():
    try:
        raise TypeError("first")
    except TypeError as e:
        saved = e
    raise saved
print(attempt(raise_caught_later))
def raise_in_except_from():
    try:
        {}["x"]
    except KeyError as e:
        raise RuntimeError("converted") from e
try:
    raise_in_except_from()
except RuntimeError as e:
    print(e, "<-", repr(e.__cause__))
class Factory:
    def __init__(self):
        self.count = 0
    def make(self):
        self.count += 1
        return ValueError(f"made #{self.count}")
fac = Factory()
for _ in range(2):
    try:
        raise fac.make()
    except ValueError as e:
        print(e)
try:
    raise ValueError("a") from None
except ValueError as e:
    print(e.__suppress_context__, e.__cause__)
try:
    raise KeyboardInterrupt
except BaseException as e:
    print("caught", type(e).__name__, isinstance(e, Exception))
