# float() from strings, ints, objects; errors.
for s in ["3.14", "  -2.5  ", "+1e3", "1E-3", "1_000.5", "0.0", "-0", ".5", "5.", "1e+308",
          "1e309", "-1e309", "inf", "-INFINITY", "nan", "  NaN\n", "\t7\t", "0x10" if False else "10",
          "1_0e1_0", "٣.٥", "00012.50"]:
    print(repr(s), "->", repr(float(s)))
for bad in ["", "abc", "1.2.3", "1e", "e5", "1_", "_1", "1__0", "0x10", "inf inity", "1,5", "--1", " . "]:
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
print(float(), float(7), float(-3), float(True), float(2 ** 60), float(10 ** 20))
print(float(b"1.5"), float(bytearray(b" 2.5 ")))
class F:
    def __float__(self):
        return 2.75
class I:
    def __index__(self):
        return 9
print(float(F()), float(I()))
class BadFloat:
    def __float__(self):
        return "nope"
for v in [BadFloat(), None, [1.0], 1j, "x"]:
    try:
        float(v)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(int(2.9), int(-2.9), round(2.9), str(2.5), repr(2.5), bool(0.0), bool(-0.0), bool(1e-300))
print(float("1e-400"), float("-1e-400"), 1e-400 == 0)
print(float(123456789012345678901234567890), float(-(2 ** 63)))
print(float.__new__(float, "4.5"), type(float("1")).__name__)
