# Special methods looked up on the type and bound like CPython's slots;
# classmethod/staticmethod/property details; types.MethodType; cells.
import types


class A:
    pass


A.__call__ = A()
try:
    A()()
except RecursionError as e:
    print("RecursionError", e)


class P:
    @property
    def __getattr__(self):
        raise AttributeError("from property")


try:
    P().missing
except AttributeError as e:
    print("AttributeError", e)


class CN:
    @classmethod
    def __new__(cls, *args):
        print("new", cls.__name__, len(args))
        return object.__new__(cls)


CN()


class Wrapper:
    def __init__(self, f):
        self.f = f

    def __get__(self, obj, owner):
        return lambda *a: ("wrapped", self.f.__get__(obj, owner)(*a))


class K:
    @classmethod
    @Wrapper
    def outer(cls):
        return cls.__name__

    @classmethod
    @property
    def doc(cls):
        return "doc of " + cls.__name__


print(K.outer(), K.doc)


class E:
    __eq__ = property(lambda self: 1 / 0)


print(E() == E())


def f():
    "f docs"


print(staticmethod(f).__dict__ == {"__module__": "__main__", "__name__": "f", "__qualname__": "f", "__doc__": "f docs", "__annotations__": {}})
print(staticmethod(None).__dict__)
m = types.MethodType(f, 5)
print(m.__self__, m.__func__ is f, m.__doc__)
for bad in [(1, 2), (len, None)]:
    try:
        types.MethodType(*bad)
    except TypeError as e:
        print("TypeError", e)


class PropSub(property):
    "subclass doc"


class Q:
    @PropSub
    def spam(self):
        "spam doc"
        return 1

    @property
    def ham(self):
        "old"
        return 2

    @ham.getter
    def ham(self):
        "new"
        return 3


print(Q.__dict__["spam"].__doc__, Q.__dict__["ham"].__doc__, Q().ham)
p = property(doc="basic")
p.__doc__ = "changed"
print(p.__doc__)
try:
    p.fget = 1
except AttributeError as e:
    print("AttributeError", e)


class Outer:
    class Inner:
        x = property()


try:
    Outer.Inner().x
except AttributeError as e:
    print("AttributeError", e)

c1, c2, empty = types.CellType(1), types.CellType(2), types.CellType()
print(c1 < c2, empty < c1, empty == types.CellType(), c1.cell_contents)
try:
    empty.cell_contents
except ValueError as e:
    print("ValueError", e)
c1.cell_contents = 10
print(c1.cell_contents)

try:
    super(int, 1, 2)
except TypeError as e:
    print("TypeError", e)


class Base:
    def meth(self):
        return "Base"


class Derived(Base):
    def meth(self):
        return "Derived+" + self.__sup.meth()


Derived._Derived__sup = super(Derived)
print(Derived().meth())


class Rev(type):
    def mro(cls):
        return list(reversed(type.mro(cls)))


class X1:
    def who(self):
        return "X1"


class X2(X1):
    def who(self):
        return "X2"


class X3(X2, metaclass=Rev):
    pass


print([c.__name__ for c in X3.__mro__], X3().who())

for args in [(), (1,)]:
    for cls in [type(None), type(Ellipsis), type(NotImplemented)]:
        try:
            print(cls(*args))
        except TypeError as e:
            print("TypeError", e)


class S1:
    __slots__ = ["a", "b"]


class S2:
    __slots__ = ["b", "a"]


class S3:
    __slots__ = ["c", "b"]


s = S1()
s.a = 1
s.__class__ = S2
print(s.a)
try:
    s.__class__ = S3
except TypeError as e:
    print("TypeError", e)
print(type("C", (S1, int) if False else (dict,), {}).__base__)
