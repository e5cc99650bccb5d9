# Calling C library functions: argtypes, restype, errcheck, errno,
# variadic calls and pointers to output buffers.
import ctypes
import ctypes.util
from ctypes import *

libc = CDLL("libc.so.6", use_errno=True)
libm = CDLL(ctypes.util.find_library("m"))
print(ctypes.util.find_library("c"), ctypes.util.find_library("m"))


def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


# Default conversions: ints, bytes, None; default result int.
print(libc.strlen(b"hello"), libc.abs(-5), libc.strlen(b""), libc.abs(2**32 - 7))
print(libc.strlen is libc.strlen, libc["strlen"] is not libc.strlen, libc.strlen.__name__, libc["abs"].__name__)
show("abs(1.5)", lambda: libc.abs(1.5))
show("abs(2**70)", lambda: libc.abs(2**70))
show("abs([])", lambda: libc.abs([]))
show("missing", lambda: libc.no_such_function_here)
show("missing item", lambda: libc["no_such_function_here"])
show("dunder", lambda: libc.__foo__)

# argtypes and restype.
labs = libc.labs
labs.argtypes = [c_long]
labs.restype = c_long
print(labs(-(2**40)), labs.argtypes, labs.restype)
show("labs('x')", lambda: labs("x"))
show("labs()", lambda: labs())
show("labs extra", lambda: labs(-1, 2))
show("argtypes int", lambda: setattr(labs, "argtypes", 5))
show("argtypes item", lambda: setattr(labs, "argtypes", [5]))
show("restype bad", lambda: setattr(labs, "restype", 5))
labs.restype = None
print(labs(-3))
labs.restype = lambda v: ("wrapped", v)
print(labs(-3))
labs.restype = c_long
labs.errcheck = lambda result, func, args: (result, func is labs, args)
print(labs(-8))
show("errcheck bad", lambda: setattr(labs, "errcheck", 5))
del labs.errcheck
print(labs(-9), labs.errcheck)
labs.argtypes = None
print(labs.argtypes, labs(-10))

sqrt = libm.sqrt
sqrt.argtypes = (c_double,)
sqrt.restype = c_double
print(sqrt(2), sqrt(16.0), sqrt(c_double(9)), sqrt(True))
show("sqrt(c_int)", lambda: sqrt(c_int(4)))
show("sqrt('x')", lambda: sqrt("x"))
pow_ = libm.pow
pow_.argtypes = [c_double, c_double]
pow_.restype = c_double
print(pow_(2, 10), pow_(2.5, -1))
floorf = libm.floorf
floorf.argtypes = [c_float]
floorf.restype = c_float
print(floorf(2.75))

# Strings and output buffers.
strchr = libc.strchr
strchr.argtypes = [c_char_p, c_int]
strchr.restype = c_char_p
print(strchr(b"abcdef", ord("d")), strchr(b"abc", ord("z")))
buf = create_string_buffer(64)
n = libc.sprintf(buf, b"%d-%s-%.3f-%c", 42, b"str", c_double(3.14159), ord("Z"))
print(n, buf.value)
show("sprintf float", lambda: libc.sprintf(buf, b"%f", 3.5))
snprintf = libc.snprintf
snprintf.argtypes = [c_char_p, c_size_t, c_char_p]
snprintf.restype = c_int
print(snprintf(buf, 8, b"%s|%ld", b"truncated", c_long(123456789)), buf.value)
strtol = libc.strtol
strtol.argtypes = [c_char_p, POINTER(c_char_p), c_int]
strtol.restype = c_long
end = c_char_p()
print(strtol(b"123xyz", byref(end), 10), end.value)
print(strtol(b"ff", None, 16))
wcslen = libc.wcslen
wcslen.argtypes = [c_wchar_p]
wcslen.restype = c_size_t
print(wcslen("wide chars"), libc.wcslen("abc"))
toupper = libc.toupper
print(toupper(ord("q")), chr(toupper(ord("q"))))

# Structures by reference and by value.
class Div(Structure):
    _fields_ = [("quot", c_int), ("rem", c_int)]


div = libc.div
div.argtypes = [c_int, c_int]
div.restype = Div
d = div(17, 5)
print(type(d).__name__, d.quot, d.rem)


class LDiv(Structure):
    _fields_ = [("quot", c_long), ("rem", c_long)]


ldiv = libc.ldiv
ldiv.argtypes = [c_long, c_long]
ldiv.restype = LDiv
ld = ldiv(10**12 + 3, 10)
print(ld.quot, ld.rem)


class TM(Structure):
    _fields_ = [(n, c_int) for n in ("sec", "min", "hour", "mday", "mon", "year", "wday", "yday", "isdst")] + [("gmtoff", c_long), ("zone", c_char_p)]


gmtime_r = libc.gmtime_r
gmtime_r.argtypes = [POINTER(c_long), POINTER(TM)]
gmtime_r.restype = POINTER(TM)
t = c_long(86400 * 365 + 3600 * 5 + 61)
tm = TM()
res = gmtime_r(byref(t), byref(tm))
print(tm.year + 1900, tm.mon + 1, tm.mday, tm.hour, tm.min, tm.sec, res.contents.yday, tm.zone)

# errno (use_errno=True).
print(set_errno(0), get_errno())
libc.strtol(b"99999999999999999999999", None, 10)
print(get_errno() == 34)
set_errno(7)
print(get_errno())
close = libc.close
print(close(-1), get_errno() == 9)

# in_dll and function pointers from addresses.
print(type(c_void_p.in_dll(libc, "stdout")).__name__)
show("in_dll missing", lambda: c_int.in_dll(libc, "no_such_symbol_xyz"))
fp = CFUNCTYPE(c_int, c_int)(cast(libc.abs, c_void_p).value)
print(fp(-12))
memcpy_t = CFUNCTYPE(c_void_p, c_void_p, c_void_p, c_size_t)
print(type(memcpy_t(("memcpy", libc))).__name__)
show("bad func spec", lambda: memcpy_t(("memcpy", 5)))
