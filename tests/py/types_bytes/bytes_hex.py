# hex()/fromhex() on bytes and bytearray, with separators.
data = bytes([0, 1, 15, 16, 127, 128, 254, 255])
print(data.hex(), data.hex(":"), data.hex("-", 2), data.hex(" ", -3), data.hex(b"|", 4))
print(bytes.fromhex("deadbeef"), bytes.fromhex("de ad  be ef"), bytes.fromhex(""), bytes.fromhex("0A0b"))
print(bytearray.fromhex("ff 00"), type(bytearray.fromhex("00")).__name__)
for bad in ["abc", "zz", "0x10", "a b"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
print(b"".hex(), bytearray(b"\x12\x34").hex(), memoryview(b"\xab\xcd").hex())
blob = "Hello, hex!".encode()
h = blob.hex()
print(h, bytes.fromhex(h) == blob, len(h))
def hexdump(b, width=8):
    for off in range(0, len(b), width):
        chunk = b[off:off + width]
        hexpart = " ".join(f"{x:02x}" for x in chunk)
        text = "".join(chr(x) if 32 <= x < 127 else "." for x in chunk)
        print(f"{off:04x}  {hexpart:<{width * 3}} {text}")
hexdump(b"The quick brown fox\x00\x01\x02 jumps\xff")
try:
    data.hex("::")
except ValueError as e:
    print(type(e).__name__, e)
