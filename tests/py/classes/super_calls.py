# super(): cooperative multiple inheritance, kwargs passing, explicit forms.
class Base:
    def __init__(self, **kwargs):
        print(f"  Base init leftover={kwargs}")
        super().__init__()
class Named(Base):
    def __init__(self, name, **kwargs):
        print(f"  Named init name={name}")
        self.name = name
        super().__init__(**kwargs)
class Aged(Base):
    def __init__(self, age, **kwargs):
        print(f"  Aged init age={age}")
        self.age = age
        super().__init__(**kwargs)
class Person(Named, Aged):
    def __init__(self, **kwargs):
        print("  Person init")
        super().__init__(**kwargs)
p = Person(name="Ann", age=30, extra="x")
print(p.name, p.age)
class Shape:
    def area(self):
        return 0
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"
class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Cube(Square):
    def area(self):
        return 6 * super().area()
    def face(self):
        return super(Cube, self).area()
    def grand(self):
        return super(Square, self).area()
c = Cube(3)
print(c.describe(), c.face(), c.grand())
class Counter:
    instances = 0
    @classmethod
    def create(cls):
        cls.instances += 1
        return cls()
class SubCounter(Counter):
    @classmethod
    def create(cls):
        obj = super().create()
        obj.tag = "sub"
        return obj
s = SubCounter.create()
print(s.tag, SubCounter.instances, Counter.instances)
class Loud(str):
    def upper(self):
        return super().upper() + "!"
print(Loud("hey").upper())
class ListWithLog(list):
    def append(self, item):
        print(f"  appending {item!r}")
        super().append(item)
l = ListWithLog([1])
l.append(2)
print(l, len(l))
sup = super(Cube, c)
print(type(sup).__name__, sup.area())
class NoBase:
    def m(self):
        return super().__repr__ is not None
print(NoBase().m())
def outside():
    try:
        super()
    except RuntimeError as e:
        return f"{type(e).__name__}: {e}"
print(outside())
class StaticUser:
    @staticmethod
    def s():
        try:
            return super()
        except RuntimeError as e:
            return f"{type(e).__name__}: {e}"
print(StaticUser.s())
class Sneaky(Square):
    def area(self):
        inner = lambda: super(Sneaky, self).area()
        return inner() + 1
print(Sneaky(2).area())
class A:
    def go(self):
        return ["A"]
class B(A):
    def go(self):
        return ["B"] + super().go()
class C(A):
    def go(self):
        return ["C"] + super().go()
class D(B, C):
    def go(self):
        return ["D"] + super().go()
print(D().go(), super(B, D()).go())
