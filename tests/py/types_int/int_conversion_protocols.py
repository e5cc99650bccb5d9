# int()/float()/complex() conversion protocols: dunder lookup on the type
# (descriptors honoured), int-subclass results (deprecated), buffers.
import warnings
from array import array


def show(f, *a):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            r = f(*a)
            out = f"{type(r).__name__} {r!r}"
        except Exception as e:
            out = f"{type(e).__name__}: {e}"
    cats = [x.category.__name__ for x in w]
    print(out, cats)


class BadIndex:
    def __index__(self):
        return True

class BadIndex2(int):
    def __index__(self):
        return True

class BadInt:
    def __int__(self):
        return True

class BadInt2(int):
    def __int__(self):
        return True

class MyInt(int):
    def __int__(self):
        return 42

class FloatInt(int):
    def __int__(self):
        return 42.0

class TruncIdx:
    def __trunc__(self):
        return BadIndex()

class TruncInt:
    def __trunc__(self):
        return BadInt()

class TruncSub:
    def __trunc__(self):
        return True

for x in [BadIndex(), BadIndex2(), BadInt(), BadInt2(), MyInt(7), FloatInt(7), TruncIdx(), TruncInt(), TruncSub()]:
    show(int, x)

# buffers
show(int, memoryview(b"123")[1:3])
show(int, memoryview(b"1234")[1:3])
show(int, array("B", b"100"))
show(int, memoryview(b"A" * 16))
show(int, bytearray(b"AB"))
show(int, b"12\x00")
show(int, memoryview(b"100"), 2)
show(float, memoryview(b"1.5 "))
show(float, array("B", b"2.5"))
show(float, bytearray(b"x"))
show(float, b"1\x00")


class FloatSub(float):
    pass

class F:
    def __float__(self):
        return FloatSub(4.5)

class G:
    def __float__(self):
        return 3

class H:
    def __index__(self):
        return 7

show(float, F())
show(float, G())
show(float, H())
show(float, BadIndex())


class ComplexSub(complex):
    pass

class CC:
    def __complex__(self):
        return ComplexSub(1, 2)

class CD:
    def __complex__(self):
        return 1.5

show(complex, CC())
show(complex, CD())


# float subclasses with their own __init__ may take keywords
class WithInit(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg

class Plain(float):
    pass

u = WithInit(2.5, newarg=3)
print(type(u).__name__, float(u), u.newarg)
show(Plain, 1.0)
try:
    Plain(x=0)
except TypeError as e:
    print("TypeError", e)
try:
    float(x=0)
except TypeError as e:
    print("TypeError", e)


# int.from_bytes with __bytes__ and buffers
class VB:
    def __bytes__(self):
        return b"\x01\x02"

class IB:
    def __bytes__(self):
        return "abc"

show(int.from_bytes, VB(), "big")
show(int.from_bytes, IB(), "big")
show(int.from_bytes, array("h", [1]), "little")
show(int.from_bytes, memoryview(b"\x01\x00"), "little")
show(int.from_bytes, [1, 2], "big")
