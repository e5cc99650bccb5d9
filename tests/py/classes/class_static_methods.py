# classmethod and staticmethod: alternative constructors, factories, utilities.
class Date:
    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day
    @classmethod
    def from_string(cls, text):
        y, m, d = map(int, text.split("-"))
        return cls(y, m, d)
    @classmethod
    def epoch(cls):
        return cls(1970, 1, 1)
    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.year}, {self.month}, {self.day})"
class USDate(Date):
    def __repr__(self):
        return f"{self.month}/{self.day}/{self.year}"
print(Date.from_string("2024-02-29"), USDate.from_string("2024-02-29"))
print(Date.epoch(), USDate.epoch())
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
d = Date(2020, 5, 17)
print(d.from_string("1999-12-31"), type(d.epoch()).__name__)
class Registry:
    _items = []
    @classmethod
    def register(cls, item):
        cls._items.append(item)
        return len(cls._items)
    @classmethod
    def count(cls):
        return len(cls._items)
print(Registry.register("a"), Registry.register("b"), Registry.count())
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
print(type(Date.from_string).__name__, type(Date.is_leap).__name__)
print(Date.from_string.__self__ is Date, USDate.from_string.__self__ is USDate)
class MathUtil:
    PI = 3.14159
    @staticmethod
    def square(x):
        return x * x
    @classmethod
    def circle_area(cls, r):
        return cls.PI * cls.square(r)
class Precise(MathUtil):
    PI = 3.141592653589793
print(MathUtil.circle_area(2), Precise.circle_area(2))
sm = staticmethod(lambda: "wrapped")
print(sm.__func__(), callable(sm))
cm = classmethod(lambda cls: cls.__name__)
class Holder:
    who = cm
print(Holder.who(), Holder().who())
class Shape:
    registry = {}
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Shape.registry[cls.__name__.lower()] = cls
    @classmethod
    def create(cls, kind, *args):
        return cls.registry[kind](*args)
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
print(Shape.create("sq", 3).area(), Shape.create("rect", 2, 5).area())
try:
    Shape.create("circle", 1)
except KeyError as e:
    print(type(e).__name__, e)
