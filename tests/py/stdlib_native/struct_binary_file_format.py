# A tiny binary file format (header + records + checksum) built and parsed with struct.
import struct
MAGIC = b"KRT1"
HEADER = struct.Struct("<4sHI")
ENTRY = struct.Struct("<HhI")
def encode(entries):
    body = bytearray()
    for name, temp, count in entries:
        raw = name.encode("utf-8")
        body += ENTRY.pack(len(raw), temp, count) + raw
    checksum = sum(body) & 0xFFFFFFFF
    return HEADER.pack(MAGIC, len(entries), checksum) + bytes(body)
def decode(blob):
    magic, n, checksum = HEADER.unpack_from(blob)
    if magic != MAGIC:
        raise ValueError(f"bad magic {magic!r}")
    body = blob[HEADER.size:]
    if sum(body) & 0xFFFFFFFF != checksum:
        raise ValueError("checksum mismatch")
    out, off = [], 0
    for _ in range(n):
        length, temp, count = ENTRY.unpack_from(body, off)
        off += ENTRY.size
        out.append((body[off:off + length].decode("utf-8"), temp, count))
        off += length
    return out
entries = [("Zürich", -5, 12), ("Cairo", 38, 7), ("Oslo", -20, 65535)]
blob = encode(entries)
print(len(blob), blob[:10].hex(), blob[-4:])
print(decode(blob) == entries, decode(blob))
corrupt = bytearray(blob)
corrupt[-1] ^= 0xFF
for bad in [bytes(corrupt), b"XXXX" + blob[4:]]:
    try:
        decode(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    decode(blob[:5])
except struct.error as e:
    print(type(e).__name__, e)
