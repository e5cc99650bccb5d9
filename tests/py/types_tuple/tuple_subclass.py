# Subclassing tuple to build lightweight immutable records (no collections module).
class Point(tuple):
    __slots__ = ()
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    x = property(lambda self: self[0])
    y = property(lambda self: self[1])
    def __repr__(self):
        return f"Point(x={self.x}, y={self.y})"
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def distance(self, other):
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5
p, q = Point(1, 2), Point(4, 6)
print(p, q, p + q, p.distance(q), p[0], len(p), tuple(p), p == (1, 2))
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.z = 5
except AttributeError as e:
    print(type(e).__name__, e)
print(sorted([Point(3, 1), Point(1, 9), Point(1, 2)]))
print({p: "home"}[Point(1, 2)], hash(p) == hash((1, 2)))
def record(name, fields):
    fields = tuple(fields.split())
    def __new__(cls, *args):
        if len(args) != len(fields):
            raise TypeError(f"{name} expects {len(fields)} fields, got {len(args)}")
        return tuple.__new__(cls, args)
    def __repr__(self):
        return f"{name}(" + ", ".join(f"{f}={v!r}" for f, v in zip(fields, self)) + ")"
    ns = {"__new__": __new__, "__repr__": __repr__, "__slots__": (), "_fields": fields}
    for i, f in enumerate(fields):
        ns[f] = property(lambda self, i=i: self[i])
    return type(name, (tuple,), ns)
Employee = record("Employee", "name dept salary")
e = Employee("Ann", "IT", 5000)
print(e, e.dept, e[2], Employee._fields, isinstance(e, tuple))
try:
    Employee("Bob")
except TypeError as err:
    print(type(err).__name__, err)
a, b, c = e
print(a, b, c)
print(type(e + ("x",)).__name__, e[:2], type(e[:2]).__name__)
