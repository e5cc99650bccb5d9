# struct.Struct objects, pack_into/unpack_from with offsets, iter_unpack over records.
import struct
Record = struct.Struct("<I8sdh")
print(Record.format, Record.size)
rows = [(1, b"alpha", 1.5, -1), (2, b"beta", 2.25, 7), (3, b"gamma-long", -0.5, 300)]
blob = b"".join(Record.pack(*r) for r in rows)
print(len(blob), blob[:16].hex())
for rec in Record.iter_unpack(blob):
    ident, name, value, delta = rec
    print(ident, name.rstrip(b"\x00"), value, delta)
print(Record.unpack_from(blob, Record.size)[0], struct.unpack_from("<I", blob, 2 * Record.size))
buf = bytearray(16)
struct.pack_into("<HH", buf, 0, 0xABCD, 1)
struct.pack_into(">I", buf, 4, 0x01020304)
struct.pack_into("<d", buf, 8, 1.0)
print(buf.hex())
print(struct.unpack_from("<HH", buf), struct.unpack_from(">I", buf, offset=4), struct.unpack_from("<d", buf, 8))
header = struct.Struct(">2sBB")
packet = header.pack(b"PK", 3, 4) + b"payload"
magic, major, minor = header.unpack_from(packet)
print(magic, major, minor, packet[header.size:])
print([v for (v,) in struct.iter_unpack("<h", struct.pack("<4h", 10, -20, 30, -40))])
s = struct.Struct("i")
print(s.size == struct.calcsize("i"), s.unpack(s.pack(-99)))
mv = memoryview(bytearray(8))
struct.pack_into("<q", mv, 0, -2)
print(mv.tobytes().hex(), struct.unpack("<q", mv))
