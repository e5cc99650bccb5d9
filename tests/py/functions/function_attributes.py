# Function objects: __name__, __qualname__, __doc__, __module__, custom attributes.
def documented(a, b=1):
    """Add two numbers.

    Returns the sum."""
    return a + b
print(documented.__name__)
print(documented.__qualname__)
print(documented.__doc__.splitlines()[0])
print(documented.__module__)
print(documented.__defaults__)
def no_doc():
    pass
print(no_doc.__doc__)
class Outer:
    def method(self):
        def local():
            pass
        return local
    class Inner:
        def deep(self):
            pass
print(Outer.method.__qualname__)
print(Outer().method().__qualname__)
print(Outer.Inner.deep.__qualname__, Outer.Inner.__qualname__)
print((lambda: 0).__qualname__)
def factory():
    return lambda: 0
print(factory().__qualname__)
documented.version = "1.0"
documented.tags = ["math"]
print(documented.version, documented.tags, sorted(documented.__dict__))
def renamed():
    pass
renamed.__name__ = "new_name"
renamed.__qualname__ = "Some.new_name"
print(renamed.__name__, renamed.__qualname__)
try:
    renamed.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
print(callable(documented), type(documented).__name__)
def annotated(x: int, y: "str" = "s") -> bool:
    return True
print(annotated.__annotations__)
print(documented.__kwdefaults__, (lambda *, k=1: k).__kwdefaults__)
print(documented.__globals__ is globals())
def counter():
    counter.calls += 1
    return counter.calls
counter.calls = 0
counter(); counter()
print("calls via attribute:", counter())
m = Outer().method
print(m.__name__, m.__func__ is Outer.method, type(m).__name__)
print(m.__self__.__class__.__name__)
print(len.__name__, type(len).__name__, len.__module__ if hasattr(len, "__module__") else None)
print(str.upper.__name__, str.upper.__qualname__, "abc".upper.__name__)
try:
    documented.nonexistent
except AttributeError as e:
    print(type(e).__name__, e)
