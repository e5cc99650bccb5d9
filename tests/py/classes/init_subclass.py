# __init_subclass__ hooks and __set_name__ on class creation.
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, priority=0, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        cls.priority = priority
        Plugin.registry[cls.plugin_name] = cls
        print(f"  registered {cls.plugin_name} (priority {priority})")
class Alpha(Plugin):
    pass
class Beta(Plugin, name="bee", priority=5):
    pass
class Gamma(Beta, priority=1):
    pass
print(sorted(Plugin.registry), Gamma.plugin_name, Gamma.priority, Beta.priority)
print([c.__name__ for c in sorted(Plugin.registry.values(), key=lambda c: -c.priority)])
try:
    class Broken(Plugin, unknown=True):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class RequiresMethods:
    required = ("run",)
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        missing = [m for m in cls.required if not callable(getattr(cls, m, None))]
        if missing:
            raise TypeError(f"{cls.__name__} must define {', '.join(missing)}")
class Good(RequiresMethods):
    def run(self):
        return "running"
print(Good().run())
try:
    class Bad(RequiresMethods):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Field:
    def __set_name__(self, owner, name):
        self.owner_name = owner.__name__
        self.name = name
    def __get__(self, obj, t=None):
        return f"<{self.owner_name}.{self.name}>"
class Model:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls.fields = [k for k, v in vars(cls).items() if isinstance(v, Field)]
class User(Model):
    id = Field()
    email = Field()
    not_field = 3
print(User.fields, User().email, User.id)
order = []
class Tracker:
    def __set_name__(self, owner, name):
        order.append(f"set_name {name}")
class Base:
    def __init_subclass__(cls, **kw):
        order.append(f"init_subclass {cls.__name__}")
class Derived(Base):
    a = Tracker()
    b = Tracker()
print(order)
class Parent:
    def __init_subclass__(cls):
        cls.depth = getattr(cls, "depth", -1) + 1
class L1(Parent): pass
class L2(L1): pass
class L3(L2): pass
print(L1.depth, L2.depth, L3.depth, hasattr(Parent, "depth"))
