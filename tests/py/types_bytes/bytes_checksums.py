# Checksums and binary encodings implemented over bytes.
def adler32(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
def crc32(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0xEDB88320 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF
def fletcher16(data):
    s1 = s2 = 0
    for byte in data:
        s1 = (s1 + byte) % 255
        s2 = (s2 + s1) % 255
    return (s2 << 8) | s1
for msg in [b"", b"a", b"abc", b"Wikipedia", b"The quick brown fox jumps over the lazy dog"]:
    print(f"{msg[:20]!r:24} adler={adler32(msg):08x} crc={crc32(msg):08x} fletcher={fletcher16(msg):04x}")
B64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
def b64encode(data):
    out = bytearray()
    for i in range(0, len(data), 3):
        chunk = data[i:i + 3]
        n = int.from_bytes(chunk + b"\x00" * (3 - len(chunk)), "big")
        for j in range(4):
            out.append(B64[(n >> (18 - 6 * j)) & 63])
        if len(chunk) < 3:
            out[-(3 - len(chunk)):] = b"=" * (3 - len(chunk))
    return bytes(out)
def b64decode(text):
    lookup = {c: i for i, c in enumerate(B64)}
    out = bytearray()
    text = text.rstrip(b"=")
    bits = nbits = 0
    for c in text:
        bits = (bits << 6) | lookup[c]
        nbits += 6
        if nbits >= 8:
            nbits -= 8
            out.append((bits >> nbits) & 0xFF)
    return bytes(out)
for msg in [b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", bytes(range(250, 256))]:
    enc = b64encode(msg)
    print(msg, enc, b64decode(enc) == msg)
def xor_cipher(data, key):
    return bytes(b ^ key[i % len(key)] for i, b in enumerate(data))
secret = xor_cipher(b"attack at dawn", b"key")
print(secret.hex(), xor_cipher(secret, b"key"))
