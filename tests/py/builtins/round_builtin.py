# round(): banker's rounding for ints and floats, ndigits, return types.
print([round(x) for x in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 2.4999, 2.5001]])
print(round(3.14159, 2), round(3.14159, 0), round(3.14159, -1), round(2.675, 2), round(-2.675, 2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, -1), round(15, -1), round(25, -1))
print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__, type(round(7, 1)).__name__, type(round(7)).__name__)
print(round(True), round(False, 2), round(10 ** 20 + 0.0), round(1e300, -300))
print(round(0.5, 20), round(123.456, -5), round(-0.0), round(-0.4, 0), round(1e-10, 5))
print(round(2 ** 100 + 50, -2) == 2 ** 100 + 100 - (2 ** 100 + 50) % 100 if False else round(12345678901234567890, -5))
class C:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(C()), round(C(), 2), round(C(), ndigits=None))
for bad in [lambda: round("1"), lambda: round(1.5, "1"), lambda: round(None), lambda: round(float("inf")), lambda: round(float("nan")), lambda: round(1, 2, 3)]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
prices = [9.995, 0.125, 0.375, 2.345, 1.005]
print([round(p, 2) for p in prices])
