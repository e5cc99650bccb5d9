# int() construction from strings, floats, bases; errors.
print(int(), int(0), int(42), int(-42), int(True), int(False))
print(int(3.99), int(-3.99), int(1e20), int(-0.5), int(2.5))
print(int("123"), int("  -45  "), int("+7"), int("1_000_000"), int("\t\n8\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("Zz", 36), int("777", 8), int("-101", 2), int("10", 3))
print(int("0", 0), int("00", 0), int("0_0", 0), int("12", 0))
print(int(b"42"), int(bytearray(b" 7 ")), int("٣"))
class WithInt:
    def __int__(self):
        return 99
class WithIndex:
    def __index__(self):
        return 7
print(int(WithInt()), int(WithIndex()))
bad = ["", " ", "abc", "1.5", "1e3", "0x", "12a", "1__0", "_1", "1_", "--1", "0b2", "+-3", "١٢x"]
for s in bad:
    try:
        int(s)
        print(repr(s), "parsed?!")
    except ValueError as e:
        print(type(e).__name__, e)
for s, base in [("12", 2), ("9", 8), ("g", 16), ("010", 0), ("0x1g", 0)]:
    try:
        int(s, base)
    except ValueError as e:
        print(type(e).__name__, e)
for args in [(1.5, 10), (12, 10)]:
    try:
        int(*args)
    except TypeError as e:
        print(type(e).__name__, e)
for v in [float("inf"), float("-inf"), float("nan")]:
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
for v in [None, [1], 1j, object]:
    try:
        int(v)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    int("5", 37)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int("5", base=-1)
except ValueError as e:
    print(type(e).__name__, e)
print(int("11", base=2), int(x="11", base=2) if False else int("11", 2))
print(str(-0), str(12345678901234567890), repr(-17))
