# calcsize and alignment for many format strings; floats, strings, padding.
import struct
formats = ["<b", "<h", "<i", "<q", "<f", "<d", "<e", "<?", "<c", "<5s", "<3x", "<bh", "<hb", "<bi", "<4p",
           ">bhiq", "=bhiq", "!bhiq", "<10c", "<2i3h", "<0s", "<", "@b", "@h", "@bh", "@bi", "@bq", "@hq", "@ib", "@iq0i"]
for f in formats:
    print(f"{f:8} {struct.calcsize(f)}")
print(struct.pack("<f", 1.5), struct.pack("<d", -2.25), struct.pack(">e", 0.5), struct.pack("<f", float("inf")))
print(struct.unpack("<f", struct.pack("<f", 0.1)), struct.unpack("<d", struct.pack("<d", 0.1)), struct.unpack("<e", struct.pack("<e", 0.1)))
print(struct.unpack(">d", bytes.fromhex("400921fb54442d18")), struct.pack(">d", 3.141592653589793).hex())
print(struct.pack("<5s", b"abc"), struct.pack("<2s", b"abcdef"), struct.pack("<c", b"z"), struct.unpack("<3c", b"xyz"))
print(struct.pack("<4p", b"hi"), struct.pack("<3p", b"toolong"), struct.unpack("<4p", b"\x02hiX"))
print(struct.pack("<b3xb", 1, 2), struct.unpack("<b3xb", b"\x01\x00\x00\x00\x02"))
print(struct.pack("<hd", 1, 2.0).hex(), len(struct.pack("@bd", 1, 2.0)))
nan = struct.unpack("<d", struct.pack("<d", float("nan")))[0]
print(nan != nan, struct.pack(">f", -0.0).hex(), struct.unpack("<f", b"\x00\x00\x80\x7f"))
