# __slots__: restricted attributes, no __dict__, inheritance interaction.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
del p.x
try:
    p.x
except AttributeError as e:
    print(type(e).__name__, e)
p.x = 10
print(p.x)
print(type(Point.x).__name__, Point.__slots__)
class Point3D(Point):
    __slots__ = ("z",)
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
q = Point3D(1, 2, 3)
print(q.x, q.y, q.z, hasattr(q, "__dict__"))
class Loose(Point):
    pass
l = Loose(5, 6)
l.anything = "allowed"
print(l.anything, l.__dict__)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.__dict__)
class Single:
    __slots__ = "only"
s = Single()
s.only = "one"
print(s.only)
try:
    s.other = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 5
except ValueError as e:
    print(type(e).__name__, e)
class Empty:
    __slots__ = ()
try:
    Empty().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
class Record:
    __slots__ = ("name", "score")
    def __init__(self, name, score):
        self.name = name
        self.score = score
    def __repr__(self):
        return f"Record({self.name!r}, {self.score})"
    def __eq__(self, other):
        return (self.name, self.score) == (other.name, other.score)
records = [Record("a", 3), Record("b", 1), Record("c", 2)]
print(sorted(records, key=lambda r: r.score))
print(Record("x", 1) == Record("x", 1))
print(getattr(Record("n", 0), "score"), [getattr(records[0], s) for s in Record.__slots__])
setattr(records[1], "score", 99)
print(records[1])
