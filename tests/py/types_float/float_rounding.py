# round() with floats: banker's rounding, ndigits, representation effects.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 0.125, 0.375]:
    print(repr(v), round(v), round(v, 0), round(v, 1), round(v, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__)
for nd in range(-3, 4):
    print(nd, round(1234.5678, nd), round(-1234.5678, nd))
print(round(1e300, -299), round(1.5e-10, 12), round(123.456, 400), round(0.1, -400))
print(round(float("inf"), 2), round(float("nan"), 2), round(-0.0, 1), round(0.05, 1), round(0.15, 1), round(0.25, 1))
try:
    round(1.5, 1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
class R:
    def __round__(self, nd=None):
        return f"custom round nd={nd}"
print(round(R()), round(R(), 3))
prices = [19.995, 4.445, 0.015, 100.0049]
print([round(p, 2) for p in prices], [f"{p:.2f}" for p in prices])
