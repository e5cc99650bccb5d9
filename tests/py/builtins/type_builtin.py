# type() for inspection and for dynamic class creation.
for v in [1, 1.0, "s", b"b", [], (), {}, set(), None, True, 1j, range(1), type, object(), len, lambda: 0, print]:
    print(type(v).__name__, end=" ")
print()
print(type(1) is int, type(True) is bool, type(True) == int, type(type) is type, type(object) is type)
Animal = type("Animal", (), {"sound": "...", "speak": lambda self: f"{type(self).__name__} says {self.sound}"})
Dog = type("Dog", (Animal,), {"sound": "woof"})
print(Animal().speak(), Dog().speak(), Dog.__mro__[1].__name__, Dog.__name__, Dog.__qualname__)
print(type(Dog()).__name__, isinstance(Dog(), Animal), Dog.__module__)
def init(self, n):
    self.n = n
Counter = type("Counter", (object,), {"__init__": init, "inc": lambda self: self.n + 1, "__repr__": lambda self: f"Counter({self.n})"})
c = Counter(5)
print(c, c.inc(), vars(c))
for args in [(), (1, 2), ("X", (), {}, 1), ("X", 5, {}), ("X", (), [])]:
    try:
        print(type(*args))
    except TypeError as e:
        print(type(e).__name__, e)
class Meta(type):
    pass
Made = Meta("Made", (), {})
print(type(Made).__name__, type(type(Made)).__name__)
print(type.__name__, type(int).__name__, int.__class__.__name__, (5).__class__.__class__.__name__)
