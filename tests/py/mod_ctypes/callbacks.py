# Callbacks: Python functions called from C through CFUNCTYPE.
import sys
from ctypes import *

libc = CDLL("libc.so.6")


def hook(u):
    print("unraisable:", u.err_msg, "|", type(u.exc_value).__name__, u.exc_value, "|", getattr(u.object, "__name__", u.object))


sys.unraisablehook = hook

CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
print(CMP.__name__, CMP._restype_.__name__, [t.__name__ for t in CMP._argtypes_], CMP._flags_)
print(CMP is CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int)), type(CMP).__name__)

calls = []


def compare(a, b):
    calls.append(1)
    return a[0] - b[0]


qsort = libc.qsort
qsort.argtypes = [c_void_p, c_size_t, c_size_t, CMP]
qsort.restype = None
nums = (c_int * 8)(5, 3, 9, 1, 7, 2, 8, 0)
qsort(nums, len(nums), sizeof(c_int), CMP(compare))
print(list(nums), len(calls) > 0)


def reverse(a, b):
    return b.contents.value - a.contents.value


qsort(nums, len(nums), sizeof(c_int), CMP(reverse))
print(list(nums))

# Sorting structures by a field.
class Item(Structure):
    _fields_ = [("key", c_int), ("name", c_char * 8)]


ICMP = CFUNCTYPE(c_int, POINTER(Item), POINTER(Item))
items = (Item * 4)(Item(3, b"c"), Item(1, b"a"), Item(4, b"d"), Item(2, b"b"))
libc["qsort"](items, 4, sizeof(Item), ICMP(lambda a, b: a[0].key - b[0].key))
print([(i.key, i.name) for i in items])

# Calling a callback object from Python goes through C too.
add = CFUNCTYPE(c_int, c_int, c_int)(lambda a, b: a + b)
print(add(2, 3), add(-1, 1), add(2**31 - 1, 1))
fadd = CFUNCTYPE(c_double, c_double, c_float)(lambda a, b: a + b)
print(fadd(1.5, 0.25))
sarg = CFUNCTYPE(c_int, c_char_p, c_wchar_p)(lambda s, w: len(s) * 100 + len(w))
print(sarg(b"abc", "de"))
vcb = CFUNCTYPE(None, c_int)(lambda x: print("void callback got", x))
print(vcb(7))
big = CFUNCTYPE(c_longlong, c_longlong, c_ubyte, c_short, c_bool)(lambda a, b, c, d: a + b + c + (100 if d else 0))
print(big(2**40, 255, -3, True))
ptrcb = CFUNCTYPE(c_void_p, c_void_p)(lambda p: p)
print(ptrcb(None), ptrcb(1234))
char_cb = CFUNCTYPE(c_char, c_char)(lambda c: c.upper())
print(char_cb(b"q"))

# Exceptions inside callbacks are reported, the call goes on.
def failing(x):
    raise ValueError("bad %d" % x)


fail_cb = CFUNCTYPE(None, c_int)(failing)
print(fail_cb(3))


def wrong_result(x):
    return "not an int"


wr = CFUNCTYPE(c_int, c_int)(wrong_result)
wr(1)  # the result is undefined

# Callbacks keep working after other calls, and nest.
outer_seen = []


def outer(a, b):
    outer_seen.append(add(a[0], b[0]))
    return a[0] - b[0]


vals = (c_int * 3)(3, 1, 2)
libc["qsort"](vals, 3, sizeof(c_int), CMP(outer))
print(list(vals), len(outer_seen) > 0)

# Constructor forms and errors.
def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


show("CMP('x')", lambda: CMP("x"))
show("bool(CMP())", lambda: bool(CMP()))
show("bool(add)", lambda: bool(add))
show("invalid restype", lambda: CFUNCTYPE(POINTER(c_int))(lambda: None))
show("no argtypes", lambda: __import__("ctypes")._CFuncPtr(lambda: 0))
show("bad kw", lambda: CFUNCTYPE(c_int, foo=1))
show("restype attr", lambda: add.restype.__name__)
show("argtypes attr", lambda: [t.__name__ for t in add.argtypes])


try:
    class NoFlags(__import__("ctypes")._CFuncPtr):
        pass
except TypeError as e:
    print("TypeError", e)
try:
    class BadFlags(__import__("ctypes")._CFuncPtr):
        _flags_ = "x"
except TypeError as e:
    print("TypeError", e)
try:
    class BadRes(__import__("ctypes")._CFuncPtr):
        _flags_ = 1
        _restype_ = 5
except TypeError as e:
    print("TypeError", e)

# The callback's address can be cast and called again.
addr = cast(add, c_void_p).value
again = CFUNCTYPE(c_int, c_int, c_int)(addr)
print(again(20, 22))
