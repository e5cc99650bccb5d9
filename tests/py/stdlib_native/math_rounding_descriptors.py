# math.floor/ceil/trunc look their dunders up on the type and honour descriptors.
import math


class BadDescr:
    def __get__(self, obj, objtype=None):
        raise ValueError("from descriptor")


class C:
    __ceil__ = BadDescr()
    __floor__ = BadDescr()
    __trunc__ = BadDescr()
    __float__ = BadDescr()


for f in (math.ceil, math.floor, math.trunc, math.sqrt):
    try:
        f(C())
    except ValueError as e:
        print(f.__name__, "ValueError", e)


class S:
    @staticmethod
    def __ceil__():
        return "static ceil"


print(math.ceil(S()))

t = type("T", (), {})()
t.__ceil__ = lambda *a: a
try:
    math.ceil(t)
except TypeError as e:
    print("TypeError", e)
print(math.floor(2.5), math.ceil(2.5), math.trunc(-2.5))
