# Descriptor protocol: data vs non-data descriptors, __set_name__, lookup precedence.
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
        self.storage = "_" + name
        print(f"  __set_name__({owner.__name__}, {name!r})")
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.storage, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.storage, value)
class Product:
    name = Typed(str)
    price = Typed(float)
    def __init__(self, name, price):
        self.name = name
        self.price = price
p = Product("pen", 1.5)
print(p.name, p.price, sorted(vars(p)))
try:
    p.price = "cheap"
except TypeError as e:
    print(type(e).__name__, e)
print(type(Product.name).__name__, Product.name.name)
class NonData:
    def __get__(self, obj, objtype=None):
        return f"non-data for {objtype.__name__}"
class Data:
    def __get__(self, obj, objtype=None):
        return "data descriptor"
    def __set__(self, obj, value):
        print("  data __set__ intercepts", value)
class Holder:
    nd = NonData()
    d = Data()
h = Holder()
print(h.nd, Holder.nd)
h.__dict__["nd"] = "instance wins over non-data"
print(h.nd)
h.d = 5
h.__dict__["d"] = "instance loses to data"
print(h.d)
class Counted:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, objtype=None):
        self.reads += 1
        return self.reads
class UsesCounted:
    c = Counted()
u = UsesCounted()
print(u.c, u.c, UsesCounted.c)
class Method:
    def __init__(self, func):
        self.func = func
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self.func
        return lambda *a: self.func(obj, *a)
class Calc:
    def __init__(self, base):
        self.base = base
    @Method
    def add(self, x):
        return self.base + x
print(Calc(10).add(5), Calc.add(Calc(1), 1))
def plain(self):
    return "bound"
bound = plain.__get__(Calc(0), Calc)
print(bound(), type(bound).__name__)
class Deleter:
    def __get__(self, obj, t=None):
        return "present"
    def __delete__(self, obj):
        print("  __delete__ called")
class HasDeleter:
    attr = Deleter()
hd = HasDeleter()
del hd.attr
print(hd.attr)
class ReadOnly:
    def __get__(self, obj, t=None):
        return 42
    def __set__(self, obj, v):
        raise AttributeError("read-only attribute")
class R:
    answer = ReadOnly()
r = R()
try:
    r.answer = 1
except AttributeError as e:
    print(type(e).__name__, e, r.answer)
class Late:
    pass
desc = Typed(int)
Late.num = desc
print(hasattr(desc, "name"))
desc.__set_name__(Late, "num")
ln = Late()
ln.num = 3
print(ln.num)
