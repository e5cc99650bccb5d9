# Arrays, pointers, casts, buffers and the memory functions.
from ctypes import *


def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


IntArr5 = c_int * 5
print(IntArr5.__name__, IntArr5._length_, IntArr5._type_.__name__, sizeof(IntArr5), IntArr5 is c_int * 5, 5 * c_int is IntArr5)
print(type(IntArr5).__name__, IntArr5.__mro__[1].__name__)
a = IntArr5(1, 2, 3)
print(list(a), len(a), a[0], a[-1], a[1:4], a[::2], a[::-1], a[10:])
a[3] = 40
a[-1] = 50
a[0:2] = [7, 8]
print(list(a), sum(a), 40 in a)
show("index", lambda: a[5])
show("neg index", lambda: a[-6])
show("str index", lambda: a["x"])
show("too many", lambda: IntArr5(1, 2, 3, 4, 5, 6))
show("bad item", lambda: IntArr5(1, "x"))
show("slice size", lambda: a.__setitem__(slice(0, 2), [1]))
show("del", lambda: a.__delitem__(0))
show("neg length", lambda: c_int * -1)
show("float length", lambda: c_int * 1.5)
for it in a:
    print(it, end=" ")
print()

# Arrays of arrays and of structures.
Grid = (c_short * 3) * 2
g = Grid((1, 2, 3), (4, 5, 6))
print(Grid.__name__, sizeof(Grid), [list(row) for row in g], g[1][2])


class P(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]


ps = (P * 3)(P(1, 2), (3, 4))
print(ps[0].x, ps[1].y, ps[2].x)
ps[2].x = 9                       # item views share the array's memory
print(ps[2].x)

# Character arrays.
buf = create_string_buffer(b"hello", 10)
print(sizeof(buf), buf.value, buf.raw, buf[0], buf[1:3], type(buf).__name__)
buf.value = b"hi"
print(buf.value, buf.raw)
buf.raw = b"abcdefghij"
print(buf.value)
show("value too long", lambda: setattr(buf, "value", b"x" * 11))
show("value str", lambda: setattr(buf, "value", "x"))
show("del raw", lambda: delattr(buf, "raw"))
b2 = create_string_buffer(4)
print(b2.raw, create_string_buffer(b"ab").raw)
show("create_string_buffer('x')", lambda: create_string_buffer("x"))
u = create_unicode_buffer("wide€")
print(sizeof(u) // sizeof(c_wchar), u.value, u[:], u[4])
u.value = "ok"
print(u.value, len(u))
show("unicode too long", lambda: setattr(u, "value", "x" * 10))
print(hasattr(IntArr5(), "value"), hasattr(buf, "raw"), hasattr(u, "raw"))

# Pointers.
i = c_int(42)
pi = pointer(i)
print(type(pi).__name__, pi.contents.value, pi[0], bool(pi), type(pi) is POINTER(c_int))
pi[0] = 43
print(i.value)
pi.contents.value = 44
print(i.value, pi.contents is pi.contents, pi.contents == pi.contents)
j = c_int(7)
pi.contents = j
print(pi[0])
null = POINTER(c_int)()
print(bool(null))
show("null contents", lambda: null.contents)
show("null index", lambda: null[0])
show("bad contents", lambda: setattr(pi, "contents", 5))
show("other ctypes contents", lambda: setattr(pi, "contents", c_long(1)))
show("pointer(5)", lambda: pointer(5))
show("POINTER(5)", lambda: POINTER(5))
show("pointer str index", lambda: pi["a"])
show("del item", lambda: pi.__delitem__(0))
show("_Pointer()", lambda: POINTER.__module__ and __import__("ctypes")._Pointer())

arr = (c_int * 4)(10, 20, 30, 40)
pa = cast(arr, POINTER(c_int))
print(pa[0], pa[3], pa[1:3], pa[3:0:-1])
show("slice no stop", lambda: pa[1:])
show("slice no start neg", lambda: pa[:2:-1])
pp = pointer(pa)
print(pp[0][2], type(pp).__name__)

# Incomplete pointer types.
class Cell(Structure):
    pass


LP = POINTER(Cell)
Cell._fields_ = [("v", c_int), ("next", LP)]
c1 = Cell(1)
c2 = Cell(2, pointer(c1))
print(c2.next[0].v, c2.next.contents.v)

# cast and c_void_p.
vp = cast(pointer(i), c_void_p)
print(type(vp).__name__, vp.value == addressof(i))
back = cast(vp, POINTER(c_int))
print(back[0])
print(cast(c_char_p(b"text"), c_void_p).value != 0)
s = cast(create_string_buffer(b"via cast"), c_char_p)
print(s.value)
show("cast to int", lambda: cast(pointer(i), c_int))
show("cast bad source", lambda: cast(1.5, c_void_p))

# Memory functions.
src = create_string_buffer(b"0123456789")
dst = create_string_buffer(10)
memmove(dst, src, 5)
print(dst.raw)
memset(dst, ord("z"), 3)
print(dst.raw)
print(string_at(src), string_at(src, 4), string_at(addressof(src) + 2, 3))
w = create_unicode_buffer("abcdef")
print(wstring_at(w), wstring_at(w, 2))

# resize.
r = create_string_buffer(4)
resize(r, 16)
print(sizeof(r), len(r))
show("resize small", lambda: resize(r, 2))
show("resize foreign", lambda: resize(c_int.from_address(addressof(r)), 32))
show("resize non-ctypes", lambda: resize(5, 32))

# from_address and keep-alive.
k = c_int(5)
alias = c_int.from_address(addressof(k))
alias.value = 6
print(k.value, alias._b_needsfree_, k._b_needsfree_, alias._b_base_)
item = arr[1]
print(type(item).__name__)
print(ps[0]._b_base_ is ps, ps._b_base_)
cp = c_char_p(b"kept")
print(cp._objects, c_int(1)._objects)


class WithPtr(Structure):
    _fields_ = [("s", c_char_p), ("n", c_int)]


wp = WithPtr(b"abc", 3)
print(wp._objects, wp.s)
pk = pointer(c_int(9))
print(sorted(pk._objects), type(pk._objects["1"]).__name__)
