# Huge repeat counts fail cleanly instead of expanding; arrays are buffers.
import struct
import sys
from array import array

for fmt in ["{}b".format(sys.maxsize + 1), "{}b{}H".format(sys.maxsize // 2, sys.maxsize // 2), "{}q".format(sys.maxsize // 4)]:
    try:
        print(struct.calcsize(fmt))
    except struct.error as e:
        print("struct.error", e)

print(struct.calcsize("1000000000000b"))
try:
    struct.pack("1000000000000b", 1)
except struct.error as e:
    print("struct.error", e)
print(struct.calcsize("3i2h"), struct.unpack("<3i2h", bytes(range(16))))

for s in ["\0", "2\0i", b"\0"]:
    try:
        struct.calcsize(s)
    except struct.error as e:
        print("struct.error", e)

a = array("b", b" " * 12)
struct.pack_into("<2i", a, 2, 7, -1)
print(a.tobytes())
print(struct.unpack_from("<i", a, 2), struct.unpack("<3i", array("i", [1, 2, 3])))
m = memoryview(bytearray(8))
struct.pack_into(">h", m, 6, 258)
print(m.tobytes())

for off in [sys.maxsize, -sys.maxsize - 1]:
    try:
        struct.pack_into("<I", bytearray(10), off, 1)
    except struct.error as e:
        print("struct.error", e)
    try:
        struct.unpack_from("<I", bytes(10), off)
    except struct.error as e:
        print("struct.error", e)
