# Class vs instance attributes, __dict__, __class__, type(), dynamic classes.
class Counter:
    total = 0
    shared_list = []
    def __init__(self, name):
        self.name = name
        Counter.total += 1
        self.shared_list.append(name)
a, b = Counter("a"), Counter("b")
print(Counter.total, a.total, b.shared_list is Counter.shared_list, Counter.shared_list)
a.total = 100
print(a.total, b.total, Counter.total, "total" in a.__dict__)
del a.total
print(a.total)
print(sorted(a.__dict__), a.__class__.__name__, type(a) is Counter)
print([k for k in Counter.__dict__ if not k.startswith("__")])
Counter.new_attr = "added later"
print(b.new_attr)
def greet(self):
    return f"hello from {self.name}"
Counter.greet = greet
print(a.greet())
a.__dict__["dynamic"] = 7
print(a.dynamic)
Point = type("Point", (), {"x": 0, "y": 0, "norm": lambda self: abs(self.x) + abs(self.y)})
p = Point()
p.x, p.y = 3, -4
print(Point.__name__, p.norm(), type(p).__name__, Point.__bases__[0].__name__)
Point3 = type("Point3", (Point,), {"z": 0})
print(Point3().norm(), issubclass(Point3, Point))
class Empty:
    pass
e = Empty()
print(e.__dict__, Empty.__name__, Empty.__module__, Empty.__doc__)
class Documented:
    """Class docstring here."""
print(Documented.__doc__)
class WithClassRef:
    def who(self):
        return __class__.__name__
class SubRef(WithClassRef):
    pass
print(SubRef().who(), type(SubRef()).__name__)
e.__class__ = Counter
print(type(e).__name__, isinstance(e, Counter))
class A:
    x = "A.x"
class B:
    x = "B.x"
obj = A()
obj.__class__ = B
print(obj.x)
try:
    (1).__class__ = float
except TypeError as e:
    print(type(e).__name__, e)
class Config:
    debug = False
    level = 1
    @classmethod
    def settings(cls):
        return {k: v for k, v in vars(cls).items() if not k.startswith("_") and not callable(v) and not isinstance(v, classmethod)}
print(Config.settings())
class Outer:
    class Inner:
        value = 42
    ref = Inner
print(Outer.Inner.value, Outer.ref is Outer.Inner, Outer.Inner.__qualname__)
print(type(Counter.__dict__).__name__)
try:
    Counter.__dict__["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(Counter.__name__, Counter.__qualname__, Counter.__module__)
