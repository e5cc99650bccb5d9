# with statement: enter/exit ordering, `as` binding, multiple managers.
class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log
    def __enter__(self):
        self.log.append(f"enter {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"exit {self.name} ({exc_type.__name__ if exc_type else None})")
        return False
log = []
with Resource("a", log) as r:
    log.append(f"body uses {r.name}")
print(log)
log = []
with Resource("a", log) as a, Resource("b", log) as b:
    log.append(f"body {a.name}{b.name}")
print(log)
log = []
with (
    Resource("x", log) as x,
    Resource("y", log),
):
    log.append("parenthesized body")
print(log)
log = []
try:
    with Resource("outer", log), Resource("inner", log):
        raise ValueError("boom")
except ValueError as e:
    log.append(f"caught {e}")
print(log)
class Returns:
    def __enter__(self):
        return 42
    def __exit__(self, *args):
        pass
with Returns() as value:
    print("as binds __enter__ result:", value)
with Returns():
    print("no as clause")
def early_return():
    log = []
    with Resource("fn", log):
        return log
print(early_return())
log = []
for i in range(3):
    with Resource(f"loop{i}", log):
        if i == 1:
            continue
        if i == 2:
            break
        log.append(f"body{i}")
print(log)
class Timer:
    def __init__(self):
        self.entered = 0
    def __enter__(self):
        self.entered += 1
        return self
    def __exit__(self, *exc):
        self.entered -= 1
t = Timer()
with t:
    with t:
        print("nesting depth", t.entered)
print("after", t.entered)
with Resource("tuple-target", []) as (first_obj):
    print(first_obj.name)
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return None
with Pair() as (p, q):
    print(p, q)
try:
    with 42:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
