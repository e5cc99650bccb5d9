# Argument unpacking at call sites and evaluation order of arguments.
def f(a, b, c=0, *rest, **kw):
    return (a, b, c, rest, kw)
print(f(*[1, 2]))
print(f(*"xyz"))
print(f(*range(6)))
print(f(1, *[2, 3], *(4, 5), 6))
print(f(**{"a": 1, "b": 2}))
print(f(1, **{"b": 2, "z": 26}))
print(f(*[1], b=2, **{"c": 3, "d": 4}))
print(f(*(i * i for i in range(4))))
print(f(*{10: "a"}, *{20}))
order = []
def arg(label, value):
    order.append(label)
    return value
def g(*args, **kwargs):
    return args, kwargs
g(arg("p1", 1), *[arg("star", 2)], k=arg("kw", 3), **{"m": arg("dstar", 4)})
print(order)
def point(x, y):
    return f"({x}, {y})"
coords = [(1, 2), (3, 4)]
print([point(*c) for c in coords])
print([point(**{"x": c[0], "y": c[1]}) for c in coords])
try:
    point(*[1, 2, 3])
except TypeError as e:
    print(type(e).__name__, e)
try:
    point(**{"x": 1})
except TypeError as e:
    print(type(e).__name__, e)
try:
    point(1, **{"x": 2})
except TypeError as e:
    print(type(e).__name__, e)
class Config(dict):
    pass
print(point(**Config(x="cx", y="cy")))
class Mapping:
    def keys(self):
        return ["x", "y"]
    def __getitem__(self, k):
        return k.upper()
print(point(**Mapping()))
print(*[1, 2], *[3], sep=", ")
print(max(*[[1, 2], [3]], key=len))
args = (3,)
print(pow(2, *args), pow(*[2, 10, 1000]))
print("{}-{}".format(*"ab"), "{x}{y}".format(**{"x": 1, "y": 2}))
