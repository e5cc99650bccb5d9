# bytes literals and repr rules.
samples = [b"", b"abc", b"\x00\x01\x7f\x80\xff", b"tab\tnl\ncr\r", b"quote'", b'dq"', b"both'\"", b"\\",
           bytes(range(30, 40)), bytes([0x41, 0x42]), b"\x07\x08\x0b\x0c", rb"raw\n", b"%s"]
for b in samples:
    print(repr(b), len(b), list(b)[:6])
print(bytes(b"x"), bytearray(b"abc"), bytearray(), bytearray(b"\x00\xff"))
print(str(b"abc"), f"{b'xyz'}", "%s" % b"q", "%r" % bytearray(b"q"))
print(b"abc"[0], b"abc"[-1], b"abc"[1:], type(b"abc"[0]).__name__, type(b"abc"[:1]).__name__)
print(b"a" b"b" b"c", b"ab" + b"cd", b"ab" * 3, bytes(3), bytearray(2))
print(b"abc" == bytearray(b"abc"), b"abc" == "abc", b"" == bytearray())
print(repr(bytes(range(256)))[:80])
print(b"\xe2\x82\xac".decode(), "€".encode() == b"\xe2\x82\xac")
