# getattr/setattr/hasattr/delattr with defaults and error messages.
class Config:
    level = 1
    def __init__(self):
        self.name = "cfg"
c = Config()
print(getattr(c, "name"), getattr(c, "level"), getattr(c, "missing", "dflt"), getattr(Config, "level"))
setattr(c, "name", "renamed")
setattr(c, "new_attr", [1, 2])
print(c.name, c.new_attr, hasattr(c, "new_attr"), hasattr(c, "nope"), hasattr(Config, "name"))
delattr(c, "new_attr")
print(hasattr(c, "new_attr"), vars(c))
try:
    getattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, 123)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    setattr(c, None, 1)
except TypeError as e:
    print(type(e).__name__, e)
setattr(c, "with space", 1)
print(getattr(c, "with space"), "with space" in vars(c))
class Raises:
    @property
    def bad(self):
        raise ValueError("not an AttributeError")
    @property
    def gone(self):
        raise AttributeError("computed attribute missing")
r = Raises()
print(hasattr(r, "gone"), getattr(r, "gone", "fallback used"))
try:
    hasattr(r, "bad")
except ValueError as e:
    print(type(e).__name__, e)
fields = {"host": "localhost", "port": 8080, "debug": True}
obj = type("Obj", (), {})()
for k, v in fields.items():
    setattr(obj, k, v)
print([getattr(obj, k) for k in fields])
method = getattr("hello", "upper")
print(method(), getattr([3, 1, 2], "index")(2), getattr(Config, "__name__"))
print(getattr(1, "real"), getattr(1j, "imag"), hasattr(None, "__class__"))
