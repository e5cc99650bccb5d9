# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__.
class Defaults:
    def __init__(self):
        self.real = "real value"
    def __getattr__(self, name):
        if name.startswith("opt_"):
            return f"default for {name}"
        raise AttributeError(f"{type(self).__name__!r} has no attribute {name!r}")
d = Defaults()
print(d.real, d.opt_color)
try:
    d.missing
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(d, "missing", "fallback"), hasattr(d, "opt_x"), hasattr(d, "nope"))
class Logged:
    def __init__(self):
        object.__setattr__(self, "log", [])
        self.x = 1
    def __getattribute__(self, name):
        if name != "log":
            object.__getattribute__(self, "log").append(f"get {name}")
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(f"del {name}")
        object.__delattr__(self, name)
lg = Logged()
lg.y = lg.x + 1
del lg.x
print(lg.log)
class Both:
    def __getattribute__(self, name):
        if name == "broken":
            raise AttributeError("from getattribute")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"__getattr__ fallback for {name}"
print(Both().broken, Both().anything)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        attr = getattr(self._target, name)
        if callable(attr):
            def wrapper(*a, **kw):
                print(f"  proxy call {name}{a}")
                return attr(*a, **kw)
            return wrapper
        return attr
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
items = []
p = Proxy(items)
p.append(3)
p.append(1)
p.sort()
print(items, p.__class__.__name__)
class Record:
    pass
p2 = Proxy(Record())
p2.field = "through proxy"
print(p2._target.field, p2.field)
class Frozen:
    def __init__(self, **kw):
        for k, v in kw.items():
            object.__setattr__(self, k, v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot assign {name!r}: object is frozen")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}: object is frozen")
f = Frozen(a=1)
for action in (lambda: setattr(f, "a", 2), lambda: delattr(f, "a")):
    try:
        action()
    except AttributeError as e:
        print(type(e).__name__, e)
print(f.a)
class Dyn:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(Dyn()))
class Counter:
    def __init__(self):
        self.hits = {}
    def __getattr__(self, name):
        self.hits[name] = self.hits.get(name, 0) + 1
        return self.hits[name]
c = Counter()
c.a; c.a; c.b
print(c.hits, c.a)
class Attrs:
    x = 1
a = Attrs()
print(getattr(a, "x"), getattr(Attrs, "x"))
setattr(a, "y", 2)
print(vars(a))
delattr(a, "y")
print(vars(a))
try:
    getattr(a, 5)
except TypeError as e:
    print(type(e).__name__, e)
