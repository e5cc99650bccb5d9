# Default argument values: evaluation time, mutable defaults, None sentinel.
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
counter = 10
def snapshot(value=counter):
    return value
counter = 99
print("default evaluated at def time:", snapshot())
def append_bad(item, target=[]):
    target.append(item)
    return target
print(append_bad(1), append_bad(2), append_bad(3, []), append_bad(4))
def append_good(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(append_good(1), append_good(2))
print(append_bad.__defaults__, greet.__defaults__)
def calls():
    print("  default expression evaluated")
    return 5
def uses(x=calls()):
    return x
print(uses(), uses(), uses(7))
_missing = object()
def get(d, key, default=_missing):
    if key in d:
        return d[key]
    if default is _missing:
        raise KeyError(key)
    return default
print(get({"a": 1}, "a"), get({}, "b", None))
try:
    get({}, "c")
except KeyError as e:
    print(type(e).__name__, e)
def power(base, exp=2, *, mod=None):
    r = base ** exp
    return r % mod if mod else r
print(power(3), power(3, 3), power(3, 3, mod=5))
def f(a, b=2, c=3):
    return a, b, c
print(f(1), f(1, c=30), f(*[1, 20]), f(**{"a": 1, "c": 9}))
f.__defaults__ = (200, 300)
print("changed defaults:", f(1))
def g(x, y=[1, 2]):
    y = y + [x]
    return y
print(g(3), g(4), g.__defaults__)
def kw_default(*, level=0, tag="t"):
    return level, tag
print(kw_default(), kw_default(tag="x"), kw_default.__kwdefaults__)
try:
    exec("def bad(a=1, b): pass")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
