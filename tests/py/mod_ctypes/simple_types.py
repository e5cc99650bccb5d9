# Simple ctypes types: values, reprs, conversions and their errors.
import sys
from ctypes import *


def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


for t in (c_bool, c_byte, c_ubyte, c_short, c_ushort, c_int, c_uint, c_long, c_ulong,
          c_longlong, c_ulonglong, c_size_t, c_ssize_t, c_float, c_double, c_longdouble,
          c_char, c_wchar, c_char_p, c_wchar_p, c_void_p, py_object):
    print(t.__name__, sizeof(t), alignment(t), t._type_, type(t).__name__, t.__mro__[1].__name__)

print(c_int8 is c_byte, c_uint8 is c_ubyte, c_int16 is c_short, c_int32 is c_int, c_int64 is c_long, c_uint64 is c_ulong)

# Construction and values.
print(c_int(), c_int(42), c_int(-7).value, c_uint(-1).value, c_ubyte(256 + 3).value, c_byte(200).value)
print(c_short(70000).value, c_ushort(-2).value, c_longlong(2**63).value, c_ulonglong(-1).value)
print(c_int(2**40 + 5).value, c_int(True).value, c_long(-2**63).value)
print(c_float(1.1).value, c_double(1.1).value, c_longdouble(0.1).value, c_double(7).value)
print(c_float(1e40).value, c_double(float("inf")).value, c_longdouble(-2.5e300).value)
print(c_bool(0), c_bool(5), c_bool([]), c_bool("x").value)
print(c_char(b"A"), c_char(66), c_char(bytearray(b"z")).value, c_wchar("€"), c_wchar("x").value)
print(c_char_p(b"hello").value, c_char_p().value, c_wchar_p("wide").value, c_wchar_p(None).value)
print(c_void_p(), c_void_p(1234).value, c_void_p(None).value, c_void_p(-1).value)
print(py_object(), py_object([1, 2]), py_object("s").value)


class MyIndex:
    def __index__(self):
        return 77


class MyFloat:
    def __float__(self):
        return 2.25


print(c_int(MyIndex()).value, c_double(MyFloat()).value, c_double(MyIndex()).value)

x = c_int(5)
x.value = 9
print(x, x.value, bool(x), bool(c_int(0)), bool(c_double(0.0)), bool(c_char_p(b"")))
x.value += 1
print(x)

# Errors.
show("c_int('a')", lambda: c_int("a"))
show("c_int(1.5)", lambda: c_int(1.5))
show("c_int(1, 2)", lambda: c_int(1, 2))
show("c_double('x')", lambda: c_double("x"))
show("c_double(2**2000)", lambda: c_double(2 ** 2000))
show("c_char(b'ab')", lambda: c_char(b"ab"))
show("c_char('a')", lambda: c_char("a"))
show("c_char(300)", lambda: c_char(300))
show("c_wchar(b'a')", lambda: c_wchar(b"a"))
show("c_wchar('ab')", lambda: c_wchar("ab"))
show("c_char_p('x')", lambda: c_char_p("x"))
show("c_wchar_p(b'x')", lambda: c_wchar_p(b"x"))
show("c_void_p('x')", lambda: c_void_p("x"))
show("c_void_p(1.5)", lambda: c_void_p(1.5))
show("del value", lambda: delattr(c_int(1), "value"))
show("py_object().value", lambda: py_object().value)
show("hash", lambda: hash(c_int(1)))

# from_param.
show("c_int.from_param(5)", lambda: c_int.from_param(5))
show("c_int.from_param('x')", lambda: c_int.from_param("x"))
show("c_int.from_param(1.5)", lambda: c_int.from_param(1.5))
show("c_double.from_param(1)", lambda: c_double.from_param(1))
show("c_double.from_param(2.5)", lambda: c_double.from_param(2.5))
show("c_char.from_param(b'x')", lambda: c_char.from_param(b"x"))
show("c_byte.from_param(1000)", lambda: c_byte.from_param(1000))
show("c_char_p.from_param('x')", lambda: c_char_p.from_param("x"))
show("c_wchar_p.from_param(b'x')", lambda: c_wchar_p.from_param(b"x"))
show("c_void_p.from_param('x') type", lambda: type(c_void_p.from_param("x")).__name__)
show("c_void_p.from_param(1.5)", lambda: c_void_p.from_param(1.5))
show("c_int.from_param(c_int(3))", lambda: c_int.from_param(c_int(3)))


class AsParam:
    _as_parameter_ = 12


show("c_int.from_param(AsParam())", lambda: c_int.from_param(AsParam()))

# Subclasses of simple types keep their instances.
class MyInt(c_int):
    pass


m = MyInt(3)
print(type(m).__name__, m.value, m.__ctypes_from_outparam__() is m, c_int(4).__ctypes_from_outparam__())
print(repr(m).startswith("<MyInt object at "))

# Byte order variants.
be = c_int.__ctype_be__
print(be.__name__, be is not c_int, c_int.__ctype_le__ is c_int, be.__ctype_be__ is be, be.__ctype_le__ is c_int)
b = be(0x01020304)
print(b.value, hex(b.value), bytes(c_int.__ctype_be__(1)) if hasattr(b, "__bytes__") else "")
print(c_short.__ctype_be__(258).value, c_double.__ctype_be__(2.5).value, hasattr(c_char_p, "__ctype_be__"))

# sizeof / alignment errors.
show("sizeof(5)", lambda: sizeof(5))
show("alignment(5)", lambda: alignment(5))
show("sizeof(c_int(1))", lambda: sizeof(c_int(1)))
show("byref(5)", lambda: byref(5))
show("addressof(5)", lambda: addressof(5))
print(type(byref(c_int())).__name__, addressof(x) == addressof(x), addressof(x) > 0)

# Bad _type_.
for bad in ("ii", "y", 5):
    try:
        class Bad(c_int.__mro__[1]):
            _type_ = bad
    except Exception as e:
        print(type(e).__name__, e)
