# vars() and dir() on modules, classes and instances (only sorted, filtered subsets printed).
class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return abs(self.x) + abs(self.y)
p = Point(3, 4)
print(vars(p), p.__dict__ is vars(p))
vars(p)["z"] = 5
print(p.z, sorted(vars(p)))
print(sorted(k for k in vars(Point) if not k.startswith("__")))
print([n for n in dir(p) if not n.startswith("_")])
print([n for n in dir(Point) if not n.startswith("_")])
print("__init__" in dir(p), "__class__" in dir(p), "x" in dir(Point))
print(dir(p) == sorted(dir(p)))
class Slotted:
    __slots__ = ("a",)
try:
    vars(Slotted())
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
def f():
    local_a = 1
    local_b = "two"
    return sorted(vars()), sorted(dir())
print(f())
import math
print([n for n in dir(math) if n.startswith("is")])
print(sorted(k for k in vars(math) if k in ("pi", "e", "tau", "sqrt")))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir("") if n.startswith("is")])
print([n for n in dir({}) if not n.startswith("_")])
class Custom:
    def __dir__(self):
        return ["b", "a", "c"]
print(dir(Custom()))
x_global = 1
print("x_global" in dir(), "Point" in vars())
