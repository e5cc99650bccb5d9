# float methods: is_integer, as_integer_ratio, hex, fromhex, conjugate, real/imag.
for v in [0.0, 1.0, 0.5, -2.25, 0.1, 3.0e20, 1e-3, 5e-324]:
    print(repr(v), v.is_integer(), v.as_integer_ratio(), v.hex(), v.real, v.imag, v.conjugate())
for s in ["0x1.8p1", "0x1p-1", "-0x1.fffffffffffffp+1023", "0x.8", "0x10", "  0x1.0p0  ", "inf", "-nan", "0x1p-1074"]:
    print(s.strip(), "->", float.fromhex(s))
for v in [1.5, -0.1, 1e300, 2.0 ** -1030]:
    print(repr(v), float.fromhex(v.hex()) == v)
for bad in ["0xg", "", "1.5.5", "0x1p"]:
    try:
        float.fromhex(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
for v in [float("inf"), float("nan")]:
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
    print(v.is_integer(), v.hex())
print(float.__name__, (1.5).__class__.__name__, float.fromhex.__name__)
print((2.5).__trunc__(), (2.5).__floor__(), (2.5).__ceil__(), (2.5).__round__(), (2.55).__round__(1))
print((-2.5).__int__(), (1e10).__int__(), (3.7).__float__())
print(float(1).__repr__(), (0.1).__str__(), (7.0).__hash__(), (0.5).__hash__())
import math
print(math.trunc(-2.7), math.floor(-2.7), math.ceil(-2.7), round(-2.7))
