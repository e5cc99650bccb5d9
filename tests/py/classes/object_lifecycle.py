# __new__ vs __init__, object creation flow, instance caching, immutability.
class Tracer:
    def __new__(cls, *args, **kwargs):
        print(f"  __new__({cls.__name__}, {args}, {kwargs})")
        instance = super().__new__(cls)
        instance.created = True
        return instance
    def __init__(self, value, flag=False):
        print(f"  __init__(value={value}, flag={flag})")
        self.value = value
t = Tracer(5, flag=True)
print(t.value, t.created)
class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("  never called because __new__ returned non-instance")
print(ReturnsOther())
class Interned:
    _cache = {}
    def __new__(cls, name):
        if name not in cls._cache:
            obj = super().__new__(cls)
            obj.name = name
            cls._cache[name] = obj
        return cls._cache[name]
    def __init__(self, name):
        print(f"  __init__ runs each time for {name}")
a = Interned("x")
b = Interned("x")
c = Interned("y")
print(a is b, a is c, len(Interned._cache))
class Point:
    __slots__ = ("x", "y")
    def __new__(cls, x, y):
        self = super().__new__(cls)
        object.__setattr__(self, "x", x)
        object.__setattr__(self, "y", y)
        return self
    def __setattr__(self, name, value):
        raise AttributeError(f"Point is immutable (tried to set {name})")
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
p = Point(1, 2)
print(p)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
class Base:
    def __init__(self):
        print("  Base.__init__")
        self.base_ready = True
class Forgot(Base):
    def __init__(self):
        print("  Forgot.__init__ (no super call)")
f = Forgot()
print(hasattr(f, "base_ready"))
class Sub(Tracer):
    pass
s = Sub("sub")
print(type(s).__name__, s.value)
obj = object.__new__(Tracer)
print(hasattr(obj, "value"), hasattr(obj, "created"))
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object()
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
class Factory:
    def __init__(self, kind):
        self.kind = kind
    @classmethod
    def make(cls, kind):
        inst = cls.__new__(cls)
        inst.kind = kind.upper()
        return inst
print(Factory("a").kind, Factory.make("b").kind)
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)
