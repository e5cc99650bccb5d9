# bytes()/bytearray() constructors from different sources.
print(bytes(), bytes(4), bytes([65, 66, 67]), bytes((1, 2)), bytes(range(3)), bytes(b"copy"))
print(bytes("héllo", "utf-8"), bytes("abc", encoding="ascii"), bytes("x\u20ac", "utf-8", "strict"))
print(bytes(bytearray(b"ba")), bytes(memoryview(b"mv")), bytes(iter([1, 2, 3])))
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"x") == b"x")
class Idx:
    def __index__(self):
        return 66
print(bytes([Idx(), 67]))
class HasBytes:
    def __bytes__(self):
        return b"custom"
print(bytes(HasBytes()))
errors = [
    ("bytes('abc')", lambda: bytes("abc")),
    ("bytes([256])", lambda: bytes([256])),
    ("bytes([-1])", lambda: bytes([-1])),
    ("bytes(-1)", lambda: bytes(-1)),
    ("bytes([1.5])", lambda: bytes([1.5])),
    ("bytes(['a'])", lambda: bytes(["a"])),
    ("bytes(1.5)", lambda: bytes(1.5)),
    ("bytes(b'x', 'utf-8')", lambda: bytes(b"x", "utf-8")),
    ("bytes(None)", lambda: bytes(None)),
    ("bytes('é', 'ascii')", lambda: bytes("é", "ascii")),
    ("bytearray('x')", lambda: bytearray("x")),
    ("bytes(5, 'utf-8')", lambda: bytes(5, "utf-8")),
]
for label, fn in errors:
    try:
        print(label, fn())
    except (TypeError, ValueError) as e:
        print(f"{label:22} {type(e).__name__}: {e}")
print(bytes.fromhex("41 42"), bytes.maketrans(b"a", b"b")[97], len(bytes.maketrans(b"", b"")))
