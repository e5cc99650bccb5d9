# id(), object(), issubclass on builtins, NotImplemented/Ellipsis, bin/oct/hex, help-free introspection.
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), isinstance(id(a), int), id(a) > 0 or id(a) <= 0)
o = object()
print(type(o).__name__, o == o, o != object(), hash(o) == hash(o), str(o).startswith("<object object at 0x"))
try:
    o.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(NotImplemented, type(NotImplemented).__name__, Ellipsis, type(None).__name__)
print(issubclass(bool, int), issubclass(int, object), issubclass(object, object), issubclass(type, type))
print(max.__name__, abs.__name__, isinstance.__name__, __builtins__.__name__ if hasattr(__builtins__, "__name__") else "builtins")
import sys
print(type(sys).__name__, sys.__name__, type(len).__name__)
print(bin(10), oct(10), hex(10), format(10, "b"), divmod(10, 3), pow(10, 2), round(10.5), abs(-10))
print(sorted(set(dir(__builtins__)) & {"len", "print", "range", "zip", "open"}) if hasattr(__builtins__, "__dict__") or True else None)
print(callable(__import__), __import__("math").sqrt(16))
print(any(map(callable, [len, 1])), list(filter(callable, [len, 1, str])) == [len, str])
print(slice(3), isinstance(slice(1), slice), type(slice(1)).__name__)
print(memoryview(b"ab").tolist(), bytearray(2), frozenset({1}), complex(1))
print(super.__name__, property.__name__, staticmethod.__name__, classmethod.__name__)
