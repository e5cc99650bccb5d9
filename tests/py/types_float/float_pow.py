# Powers and roots with floats.
import math
print(2.0 ** 3, 2 ** 3.0, 9 ** 0.5, 27 ** (1 / 3), 2 ** -2.0, 0.5 ** 2)
print(math.pow(2, 0.5), math.sqrt(2), 2 ** 0.5 == math.sqrt(2))
print((-8) ** (1 / 3))
print((-2.0) ** 2, (-2.0) ** 3, (-2.0) ** -1, (-1.0) ** 0.5)
print(0.0 ** 0, 0.0 ** 0.0, 0.0 ** 2, 1.0 ** 1e308, (-1.0) ** 1e308)
print(pow(2.5, 2), pow(4, 0.5), pow(2, -1), type(pow(2, 2.0)).__name__)
try:
    math.pow(-8, 1 / 3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.pow(0, -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.pow(10, 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** -400 if False else 10.0 ** -400, 1e-200 * 1e-200)
print([round(2 ** (k / 12), 6) for k in range(0, 13, 3)])
def nth_root(x, n, iterations=60):
    guess = x / n if x > 1 else 1.0
    for _ in range(iterations):
        guess = ((n - 1) * guess + x / guess ** (n - 1)) / n
    return guess
print(round(nth_root(1000, 3), 10), round(nth_root(2, 2), 12), round(nth_root(32, 5), 10))
compound = 1000 * (1 + 0.05 / 12) ** (12 * 10)
print(round(compound, 2), f"{compound:,.2f}")
print(math.exp(1) == math.e, round(math.e ** 2, 12), math.log(math.e ** 3))
