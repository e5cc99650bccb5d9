# __eq__ and __hash__: hashability rules, dict/set behaviour.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"
pts = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(pts), Point(1, 2) in pts, Point(3, 3) in pts)
d = {Point(0, 0): "origin"}
print(d[Point(0, 0)], hash(Point(1, 2)) == hash((1, 2)))
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
print(EqOnly.__hash__)
try:
    hash(EqOnly(1))
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqOnly(1)}
except TypeError as e:
    print(type(e).__name__, e)
class Default:
    pass
a, b = Default(), Default()
print(a == a, a == b, hash(a) == hash(a), {a: 1}[a])
class InheritsHash(Point):
    pass
print(hash(InheritsHash(1, 2)) == hash(Point(1, 2)), InheritsHash(1, 2) == Point(1, 2))
class OverridesEq(Point):
    def __eq__(self, other):
        return True
try:
    hash(OverridesEq(0, 0))
except TypeError as e:
    print("overriding __eq__ resets __hash__:", e)
class ExplicitNone:
    __hash__ = None
try:
    hash(ExplicitNone())
except TypeError as e:
    print(type(e).__name__, e)
class Bad:
    def __hash__(self):
        return "not an int"
try:
    hash(Bad())
except TypeError as e:
    print(type(e).__name__, e)
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100))
class Collide:
    def __init__(self, name):
        self.name = name
    def __hash__(self):
        return 42
    def __eq__(self, other):
        return self.name == other.name
    def __repr__(self):
        return self.name
s = {Collide("a"), Collide("b"), Collide("a")}
print(sorted(s, key=lambda c: c.name), len(s))
calls = []
class Tracked:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        calls.append(f"hash {self.k}")
        return hash(self.k)
    def __eq__(self, o):
        calls.append(f"eq {self.k}")
        return self.k == o.k
dd = {Tracked(1): "x"}
calls.clear()
print(dd[Tracked(1)], calls)
print(1 == 1.0 and hash(1) == hash(1.0), {1: "int", 1.0: "float"})
class Mutable:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return self.v == o.v
m = Mutable(1)
box = {m}
m.v = 2
print(m in box, Mutable(1) in box, Mutable(2) in box)
