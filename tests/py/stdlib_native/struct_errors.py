# struct.error messages and other failures.
import struct
cases = [
    ("pack('<b', 200)", lambda: struct.pack("<b", 200)),
    ("pack('<B', -1)", lambda: struct.pack("<B", -1)),
    ("pack('<h', 40000)", lambda: struct.pack("<h", 40000)),
    ("pack('<I', -5)", lambda: struct.pack("<I", -5)),
    ("pack('<Q', 2**64)", lambda: struct.pack("<Q", 2 ** 64)),
    ("pack('<i', 1.5)", lambda: struct.pack("<i", 1.5)),
    ("pack('<i', '1')", lambda: struct.pack("<i", "1")),
    ("pack('<f', 'x')", lambda: struct.pack("<f", "x")),
    ("pack('<f', 1e300)", lambda: struct.pack("<f", 1e300)),
    ("pack('<e', 1e6)", lambda: struct.pack("<e", 1e6)),
    ("pack('<ii', 1)", lambda: struct.pack("<ii", 1)),
    ("pack('<i', 1, 2)", lambda: struct.pack("<i", 1, 2)),
    ("pack('<c', b'ab')", lambda: struct.pack("<c", b"ab")),
    ("pack('<s', 'str')", lambda: struct.pack("<s", "str")),
    ("pack('<z', 1)", lambda: struct.pack("<z", 1)),
    ("unpack('<i', b'abc')", lambda: struct.unpack("<i", b"abc")),
    ("unpack('<h', b'abcd')", lambda: struct.unpack("<h", b"abcd")),
    ("unpack('<i', 'abcd')", lambda: struct.unpack("<i", "abcd")),
    ("calcsize('<y')", lambda: struct.calcsize("<y")),
    ("calcsize('<2')", lambda: struct.calcsize("<2")),
    ("unpack_from('<i', b'ab', 0)", lambda: struct.unpack_from("<i", b"ab", 0)),
    ("iter_unpack('<i', b'abcde')", lambda: list(struct.iter_unpack("<i", b"abcde"))),
    ("pack_into full", lambda: struct.pack_into("<i", bytearray(2), 0, 1)),
]
for label, fn in cases:
    try:
        print(f"{label:30} ok {fn()!r}")
    except (struct.error, TypeError, OverflowError) as e:
        print(f"{label:30} {type(e).__name__}: {e}")
print(struct.error.__name__, issubclass(struct.error, Exception))
