# int methods and attributes.
for n in [0, 1, 5, 255, 256, -256, 2 ** 64, -(2 ** 64) + 1]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.real, n.imag, n.numerator, n.denominator)
print((5).conjugate(), (-7).conjugate())
print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (1024).to_bytes(4, byteorder="big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print((0).to_bytes(0, "big"), (255).to_bytes(1, "big"), (2 ** 64 - 1).to_bytes(8, "little"))
print((5).to_bytes(), (2 ** 31).to_bytes(5))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    (1).to_bytes(1, "middle")
except ValueError as e:
    print(type(e).__name__, e)
print(int.from_bytes(b"\x04\x00", "big"), int.from_bytes(b"\x04\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes(b"\xff\xff", "big"))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x80"), "little", signed=True))
print(int.from_bytes(b"", "big"), int.from_bytes(b"\x01\x00"))
for v in [0, 1, 127, 128, -128, 2 ** 40 + 3]:
    length = (v.bit_length() + 8) // 8
    blob = v.to_bytes(length, "big", signed=True)
    print(v, blob.hex(), int.from_bytes(blob, "big", signed=True) == v)
print(int.__name__, (7).__class__.__name__, isinstance(7, int), int is type(7))
print((10).__index__(), (10).__int__(), (10).__float__(), (10).__abs__(), (-10).__neg__())
print((3).__trunc__(), (3).__floor__(), (3).__ceil__(), (3).__round__(), (1234).__round__(-2))
print((12).__bool__(), (0).__bool__(), (6).__eq__(6.0), (6).__eq__("6"))
print((2).__lt__(3), (2).__lt__(2.5), (2).__lt__("x"))
print(int.bit_length(1000), int.bit_count(-7))
