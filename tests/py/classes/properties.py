# property: getters, setters, deleters, validation, computed attributes.
class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius
    @property
    def celsius(self):
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"temperature below absolute zero: {value}")
        self._celsius = value
    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius, round(t.fahrenheit, 6))
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
class Circle:
    def __init__(self, r):
        self.r = r
    @property
    def area(self):
        return round(3.14159 * self.r ** 2, 3)
c = Circle(2)
print(c.area)
try:
    c.area = 10
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del c.area
except AttributeError as e:
    print(type(e).__name__, e)
class Managed:
    def __init__(self):
        self._v = "initial"
        self.log = []
    def _get(self):
        self.log.append("get")
        return self._v
    def _set(self, v):
        self.log.append(f"set {v}")
        self._v = v
    def _del(self):
        self.log.append("del")
        del self._v
    value = property(_get, _set, _del, "A managed value")
m = Managed()
m.value = 5
_ = m.value
del m.value
print(m.log, hasattr(m, "_v"))
print(Managed.value.__doc__, type(Managed.value).__name__)
print(Temperature.celsius.fget.__name__, Managed.value.fset.__name__, Circle.area.fset)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def expensive(self):
        if not hasattr(self, "_cache"):
            self.computed += 1
            self._cache = sum(range(1000))
        return self._cache
lz = Lazy()
print(lz.expensive, lz.expensive, lz.computed)
class Base:
    @property
    def name(self):
        return "base"
class Child(Base):
    @property
    def name(self):
        return "child of " + super().name
print(Child().name)
class Shadow:
    @property
    def x(self):
        return "property wins"
s = Shadow()
s.__dict__["x"] = "instance dict"
print(s.x)
class WithDoc:
    @property
    def p(self):
        "docstring from getter"
        return 1
print(WithDoc.p.__doc__)
class OnlyDeleter:
    p = property(None, None, lambda self: print("  deleting"))
o = OnlyDeleter()
del o.p
try:
    o.p
except AttributeError as e:
    print(type(e).__name__, e)
