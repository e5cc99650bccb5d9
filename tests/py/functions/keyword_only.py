# Keyword-only parameters (after * or *args).
def connect(host, port=80, *, timeout=10, secure=False):
    return f"{host}:{port} timeout={timeout} secure={secure}"
print(connect("a.com"))
print(connect("a.com", 443, secure=True))
print(connect("a.com", timeout=1, port=8080))
try:
    connect("a.com", 443, 5)
except TypeError as e:
    print(type(e).__name__, e)
def required_kw(*, name, age):
    return f"{name} is {age}"
print(required_kw(age=30, name="Zed"))
try:
    required_kw("Zed", 30)
except TypeError as e:
    print(type(e).__name__, e)
try:
    required_kw(name="Zed")
except TypeError as e:
    print(type(e).__name__, e)
try:
    required_kw()
except TypeError as e:
    print(type(e).__name__, e)
def log(*messages, sep=" | ", level="INFO"):
    return f"[{level}] " + sep.join(messages)
print(log("a", "b", "c"))
print(log("x", "y", sep="/", level="WARN"))
print(log())
def mixed(a, b=1, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs
print(mixed(1, c=3))
print(mixed(1, 2, 3, 4, c=5, e=6))
print(mixed(a=0, c=0, z=9))
try:
    mixed(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    connect("h", secure=True, bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    connect("h", host="again")
except TypeError as e:
    print(type(e).__name__, e)
print(connect.__kwdefaults__, connect.__defaults__)
def only_kw(*, a=1, b):
    return a + b
print(only_kw(b=10), only_kw(a=5, b=5))
class Widget:
    def __init__(self, *, width=100, height=50):
        self.size = (width, height)
print(Widget().size, Widget(height=7).size)
try:
    Widget(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
