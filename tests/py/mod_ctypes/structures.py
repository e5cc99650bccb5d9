# Structures and unions: layout, field descriptors, bit fields, packing,
# anonymous fields, nesting, initialisation and errors.
from ctypes import *


def show(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)


class Point(Structure):
    _fields_ = [("x", c_int), ("y", c_int)]


class Rect(Structure):
    _fields_ = [("tl", Point), ("br", Point), ("name", c_char * 8), ("tag", c_wchar * 3)]


print(Point.x, Point.y, sizeof(Point), alignment(Point))
print(Rect.tl, Rect.br, Rect.name, Rect.tag, sizeof(Rect))
print(Point.x.offset, Point.y.offset, Point.y.size, type(Point.x).__name__)

p = Point(1, 2)
print(p.x, p.y)
p.x = 10
p.y += 5
print(p.x, p.y)
p2 = Point(y=7)
print(p2.x, p2.y)

r = Rect(Point(1, 2), (3, 4), b"box", "ab")
print(r.tl.x, r.tl.y, r.br.x, r.br.y, r.name, r.tag)
r.tl.x = 99                      # writes through to r
print(r.tl.x, type(r.tl).__name__)
r.name = b"hello"
print(r.name, r.tag)
r.br = Point(5, 6)
print(r.br.x, r.br.y)
show("bad name", lambda: setattr(r, "name", b"far too long"))
show("bad nested", lambda: setattr(r, "tl", 5))
show("bad nested type", lambda: setattr(r, "tl", c_int(3)))
show("too many", lambda: Point(1, 2, 3))
show("duplicate", lambda: Point(1, x=2))
show("bad value", lambda: Point("a"))
show("del field", lambda: delattr(p, "x"))
show("extra kw", lambda: Point(z=5).z)


# Inheritance appends fields.
class Point3(Point):
    _fields_ = [("z", c_int)]


q = Point3(1, 2, 3)
print(q.x, q.y, q.z, sizeof(Point3), Point3.z)
show("Point3 too many", lambda: Point3(1, 2, 3, 4))


# Alignment and padding.
class Mixed(Structure):
    _fields_ = [("a", c_char), ("b", c_double), ("c", c_short), ("d", c_char)]


print(sizeof(Mixed), alignment(Mixed), [getattr(Mixed, n).offset for n in "abcd"])


class Packed(Structure):
    _pack_ = 1
    _fields_ = [("a", c_char), ("b", c_double), ("c", c_short)]


print(sizeof(Packed), alignment(Packed), Packed.b, Packed.c)


class Packed2(Structure):
    _pack_ = 2
    _fields_ = [("a", c_char), ("b", c_int), ("c", c_longlong)]


print(sizeof(Packed2), alignment(Packed2), Packed2.b, Packed2.c)


# Bit fields.
class Flags(Structure):
    _fields_ = [("a", c_int, 3), ("b", c_int, 5), ("c", c_uint, 4), ("d", c_short, 4), ("e", c_longlong, 40), ("f", c_bool, 1)]


print(Flags.a, Flags.b, Flags.c, Flags.d, Flags.e, Flags.f, sizeof(Flags))
f = Flags()
f.a = -1
f.b = 7
f.c = 15
f.d = 5
f.e = 2**39 + 1
f.f = True
print(f.a, f.b, f.c, f.d, f.e, f.f)
f.a = 4        # 3 bits, signed: wraps to -4
f.c = 17       # 4 bits unsigned: 1
print(f.a, f.c, f.b)

# Unions.
class U(Union):
    _fields_ = [("i", c_int), ("d", c_double), ("s", c_char * 3), ("p", Point)]


print(sizeof(U), alignment(U), U.i, U.d, U.s, U.p)
u = U()
u.d = 1.0
print(u.i, hex(U.from_buffer_copy(u).i & 0xffffffff))
u.i = 0x414243
print(u.s, u.p.x)


# Anonymous fields.
class Inner(Union):
    _fields_ = [("lo", c_short), ("whole", c_int)]


class Outer(Structure):
    _anonymous_ = ("u",)
    _fields_ = [("kind", c_int), ("u", Inner)]


o = Outer()
o.whole = 0x10002
print(o.lo, o.u.whole, Outer.lo, Outer.whole, Outer.u)

try:
    class BadAnon(Structure):
        _anonymous_ = ["missing"]
        _fields_ = [("x", c_int)]
except Exception as e:
    print(type(e).__name__, e)


# _fields_ set later, and only once.
class Late(Structure):
    pass


print(sizeof(Late))
Late._fields_ = [("v", c_long)]
print(sizeof(Late), Late.v, Late._fields_)
show("set again", lambda: setattr(Late, "_fields_", [("w", c_int)]))


class Used(Structure):
    pass


Used()
show("final after instance", lambda: setattr(Used, "_fields_", [("w", c_int)]))

for bad in (5, [5], [("a",)], [("a", 5)], [(1, c_int)], [("a", c_int, 0)], [("a", c_double, 3)],
            [("a", c_int, 33)], [("a", c_char, 3)], [("a", c_char_p, 1)]):
    try:
        class G(Structure):
            _fields_ = bad
        print("ok", G.a)
    except Exception as e:
        print(type(e).__name__, e)

try:
    class Neg(Structure):
        _pack_ = -1
        _fields_ = []
except Exception as e:
    print(type(e).__name__, e)


class Self(Structure):
    pass


try:
    Self._fields_ = [("me", Self)]
except Exception as e:
    print(type(e).__name__, e)


class Node(Structure):
    pass


Node._fields_ = [("value", c_int), ("next", POINTER(Node))]
a = Node(1)
b = Node(2, pointer(a))
print(b.next.contents.value, bool(a.next), sizeof(Node))

show("Structure()", lambda: Structure())
show("Structure._fields_", lambda: Structure._fields_)

# Byte order.
class BE(BigEndianStructure):
    _fields_ = [("a", c_int), ("b", c_short), ("c", c_ubyte * 2)]


class LE(LittleEndianStructure):
    _fields_ = [("a", c_int), ("b", c_short)]


be = BE(0x01020304, 0x0506, (7, 8))
print(be.a, be.b, list(be.c), string_at(addressof(be), sizeof(be)))
le = LE(0x01020304, 0x0506)
print(string_at(addressof(le), 6))
try:
    class BadBE(BigEndianStructure):
        _fields_ = [("p", c_char_p)]
except TypeError as e:
    print("TypeError", e)

# Copies.
p3 = Point.from_buffer_copy(bytes([1, 0, 0, 0, 2, 0, 0, 0]))
print(p3.x, p3.y)
ba = bytearray(8)
p4 = Point.from_buffer(ba)
p4.x = 0x41
p4.y = 0x42
print(bytes(ba))
show("from_buffer bytes", lambda: Point.from_buffer(b"12345678"))
show("from_buffer small", lambda: Point.from_buffer(bytearray(4)))
show("from_buffer_copy small", lambda: Point.from_buffer_copy(b"123"))
show("from_buffer_copy neg", lambda: Point.from_buffer_copy(b"12345678", -1))
