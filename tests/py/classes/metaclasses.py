# Metaclasses: __new__, __init__, __call__, __prepare__, registries, singletons.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        print(f"  Meta.__new__ {name} bases={[b.__name__ for b in bases]} kwargs={kwargs}")
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kwargs):
        print(f"  Meta.__init__ {name}")
        super().__init__(name, bases, ns)
class Base(metaclass=Meta):
    pass
class Child(Base, flag=True):
    pass
print(Base.created_by, Child.created_by, type(Child).__name__, type(Meta).__name__)
print(isinstance(Child, Meta), isinstance(Child, type))
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, value):
        print("  Config init", value)
        self.value = value
a = Config(1)
b = Config(2)
print(a is b, a.value)
class PluginMeta(type):
    registry = []
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            PluginMeta.registry.append(name)
class Plugin(metaclass=PluginMeta):
    pass
class CSVPlugin(Plugin):
    pass
class JSONPlugin(Plugin):
    pass
print(PluginMeta.registry)
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print(f"  __prepare__ for {name}")
        return {"injected": "from prepare"}
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.field_order = [k for k in ns if not k.startswith("__")]
        return cls
class Form(metaclass=OrderedMeta):
    username = "text"
    password = "secret"
    age = 0
print(Form.field_order, Form.injected)
Dynamic = type("Dynamic", (Base,), {"x": 5, "method": lambda self: self.x * 2})
print(Dynamic.__name__, Dynamic().method(), Dynamic.created_by)
class Upper(type):
    def __new__(mcls, name, bases, ns):
        ns = {(k.upper() if not k.startswith("__") else k): v for k, v in ns.items()}
        return super().__new__(mcls, name, bases, ns)
class Shouty(metaclass=Upper):
    greeting = "hi"
    def speak(self):
        return "speaking"
print(Shouty.GREETING, Shouty().SPEAK(), hasattr(Shouty, "greeting"))
class MetaWithMethod(type):
    def describe(cls):
        return f"class {cls.__name__} with {len(cls.__dict__)} entries"
    @property
    def upper_name(cls):
        return cls.__name__.upper()
class Thing(metaclass=MetaWithMethod):
    a = 1
print(Thing.upper_name, Thing.describe().startswith("class Thing"))
try:
    Thing().describe()
except AttributeError as e:
    print(type(e).__name__, e)
class M1(type): pass
class M2(type): pass
class P1(metaclass=M1): pass
class P2(metaclass=M2): pass
try:
    class Mixed(P1, P2):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(type(type), type(object), type(int).__name__)
