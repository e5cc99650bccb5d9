# Foreign calls: output parameters (paramflags), structures passed by
# value, _as_parameter_, ArgumentError, threads and the GIL.
import sys
import time
import ctypes
from ctypes import *

libc = CDLL("libc.so.6")


def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


print(ArgumentError.__module__, ArgumentError.__mro__[1].__name__)

# Prototypes with paramflags: strtol(str, out endptr, base).
proto = CFUNCTYPE(c_long, c_char_p, POINTER(c_char_p), c_int)
strtol = proto(("strtol", libc), ((1, "s"), (2, "end"), (1, "base", 10)))
print(strtol(b"42rest"), strtol(b"ff!", base=16), strtol(s=b"7"))
show("missing arg", lambda: strtol())
show("too many", lambda: strtol(b"1", 10, 3))
show("bad flags", lambda: proto(("strtol", libc), ((1,), (2,))))
show("flag 8", lambda: type(proto(("strtol", libc), ((1,), (8,), (1,)))).__name__)
show("bad out type", lambda: CFUNCTYPE(c_int, c_int)(("abs", libc), ((2,),)))
div_proto = CFUNCTYPE(c_int, c_int, c_int)
print(div_proto(("abs", libc), ((1, "x"), (1, "y", 0)))(-3))

# Structures by value: inet_ntoa(struct in_addr).
class InAddr(Structure):
    _fields_ = [("s_addr", c_uint32)]


inet_ntoa = libc.inet_ntoa
inet_ntoa.argtypes = [InAddr]
inet_ntoa.restype = c_char_p
print(inet_ntoa(InAddr(0x0100007F)), inet_ntoa(InAddr(0x04030201)))
show("wrong struct", lambda: inet_ntoa(5))

# _as_parameter_ on arguments.
class Wrapped:
    def __init__(self, v):
        self._as_parameter_ = v


print(libc.abs(Wrapped(-9)), libc.strlen(Wrapped(b"four")))
absf = libc.abs
absf.argtypes = [c_int]
print(absf(Wrapped(-11)))


class Param:
    @classmethod
    def from_param(cls, obj):
        return obj * 2


twice = libc["abs"]
twice.argtypes = [Param]
print(twice(-21))


class BadParam:
    @classmethod
    def from_param(cls, obj):
        raise KeyError("nope")


bad = libc["abs"]
bad.argtypes = [BadParam]
show("converter raises", lambda: bad(1))
show("unconvertible", lambda: libc.abs(object()))
show("float arg", lambda: libc.abs(2.0))

# Function pointers as arguments and results.
abs_ptr = cast(libc.abs, c_void_p).value
call_it = CFUNCTYPE(c_int, c_int)(abs_ptr)
print(call_it(-5), call_it.__class__.__name__)

# A C function returning a pointer into our buffer.
memchr = libc.memchr
memchr.argtypes = [c_void_p, c_int, c_size_t]
memchr.restype = POINTER(c_char)
buf = create_string_buffer(b"find the x here")
hit = memchr(buf, ord("x"), len(buf))
print(hit[0], hit[1], addressof(hit.contents) - addressof(buf))
memchr.restype = c_void_p
print(memchr(buf, ord("Q"), len(buf)))

# Releasing the GIL: two threads calling a blocking C function.
import threading

usleep = libc.usleep
usleep.argtypes = [c_uint]
done = []


def worker(n):
    for _ in range(3):
        usleep(20000)
    done.append(n)


t0 = time.time()
threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - t0
print(sorted(done), elapsed < 0.2)

# Callbacks called from C while other threads run.
CMP = CFUNCTYPE(c_int, POINTER(c_int), POINTER(c_int))
results = []


def sorter(seed):
    arr = (c_int * 50)(*[(seed * 31 + i * 17) % 101 for i in range(50)])
    libc["qsort"](arr, 50, sizeof(c_int), CMP(lambda a, b: a[0] - b[0]))
    results.append(list(arr) == sorted(arr))


ts = [threading.Thread(target=sorter, args=(s,)) for s in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(results)

# PyDLL keeps the GIL; pythonapi exists.
print(type(ctypes.pythonapi).__name__, ctypes.pydll.__class__.__name__)
pylibc = PyDLL("libc.so.6")
print(pylibc.abs(-4))
print(repr(libc).startswith("<CDLL 'libc.so.6', handle "))
show("CDLL missing", lambda: CDLL("libdefinitely_missing_krait.so"))
print(ctypes.cdll.LoadLibrary("libc.so.6").abs(-1))
