# Generator functions: laziness, state, return values, StopIteration.
def countdown(n):
    print("  starting countdown")
    while n > 0:
        yield n
        n -= 1
    print("  countdown done")
g = countdown(3)
print(type(g).__name__)
print(next(g))
print(next(g))
print(list(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def with_return():
    yield 1
    return "the result"
g = with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("return value:", e.value, e.args)
def squares(limit):
    for i in range(limit):
        yield i * i
print(sum(squares(10)), list(squares(5)), max(squares(4)))
def gen_state():
    x = yield "first"
    print("  received", x)
    yield "second"
g = gen_state()
print(next(g), next(g))
def empty():
    return
    yield
print(list(empty()))
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(5, fib())))
g = countdown(2)
print(iter(g) is g)
def running_average():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
def flatten(items):
    for x in items:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4, 5]], 6], [[7]]])))
def reader(lines):
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        yield line.split("=", 1)
print(dict(reader(["# comment", "a=1", "", "  b = two=2 "])))
g = countdown(1)
print(g.__name__, g.gi_running if hasattr(g, "gi_running") else "n/a")
def raises():
    yield 1
    raise ValueError("inside generator")
g = raises()
print(next(g))
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
try:
    next(g)
except StopIteration:
    print("exhausted after exception")
def bad_stop():
    yield 1
    raise StopIteration("explicit")
try:
    list(bad_stop())
except RuntimeError as e:
    print(type(e).__name__, e, "| cause:", repr(e.__cause__))
