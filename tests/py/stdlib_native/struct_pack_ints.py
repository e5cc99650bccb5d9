# struct.pack/unpack of integer formats with explicit byte orders.
import struct
for fmt, value in [("<b", -1), ("<B", 255), ("<h", -2), ("<H", 65535), (">h", 258), ("<i", -123456), (">I", 0xDEADBEEF),
                   ("<l", 2 ** 31 - 1), ("<q", -(2 ** 63)), (">Q", 2 ** 64 - 1), ("!H", 80), ("=i", 7), ("<?", True), ("<?", 0)]:
    data = struct.pack(fmt, value)
    print(f"{fmt:4} {value!r:>22} -> {data.hex():16} -> {struct.unpack(fmt, data)}")
print(struct.pack(">HHI", 1, 2, 3), struct.unpack(">HHI", b"\x00\x01\x00\x02\x00\x00\x00\x03"))
print(struct.pack("<3B", 1, 2, 3), struct.pack("<2h", -1, 1), struct.unpack("<4B", b"\x01\x02\x03\x04"))
print(struct.pack("<?", 5), struct.pack("<?", []), struct.unpack("<??", b"\x00\x07"))
header = struct.pack(">4sHHI", b"RIFF", 1, 2, 1024)
print(header, struct.unpack(">4sHHI", header))
print(struct.unpack("<i", struct.pack("<I", 0xFFFFFFFF)), struct.unpack(">q", b"\xff" * 8))
class Idx:
    def __index__(self):
        return 300
print(struct.pack("<H", Idx()))
