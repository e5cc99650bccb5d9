# Case conversion and classification methods of bytes (ASCII only).
samples = [b"hello", b"HELLO", b"Hello World", b"abc123", b"123", b"", b"  \t", b"caf\xc3\xa9", b"Title Case", b"mIxEd"]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(),
          s.isalpha(), s.isalnum(), s.isdigit(), s.isspace(), s.islower(), s.isupper(), s.istitle(), s.isascii())
ba = bytearray(b"Mutable Bytes")
print(ba.upper(), type(ba.upper()).__name__, ba.isalpha(), ba.lower().islower())
print(b"\xe9".upper(), b"\xc3\xa9".isalpha(), bytes([0xC9]).lower())
