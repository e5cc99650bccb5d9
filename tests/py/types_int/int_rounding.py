# round(), floor/ceil/trunc on ints and int-like results.
import math
for n in [1234, 1250, 1350, -1250, -1350, 5, 15, 25, 35, -5, -15]:
    print(n, round(n, -1), round(n, -2), round(n, 0), round(n), round(n, 2))
print(type(round(15, -1)).__name__, type(round(15)).__name__)
print(round(2 ** 70 + 5, -1), round(123456789, -9), round(987654321, -9))
print(math.floor(7), math.ceil(-7), math.trunc(7), type(math.floor(7)).__name__)
print(math.floor(-7.5), math.ceil(-7.5), math.trunc(-7.5), round(-7.5), round(-6.5))
print([round(x / 2) for x in range(-7, 8)])
def round_half_up(n, ndigits=0):
    m = 10 ** ndigits
    return math.floor(n * m + 0.5) / m
print([round_half_up(x / 2) for x in range(-7, 8)])
print(7 // 2, -(-7 // 2), (7 + 2 - 1) // 2)
def ceil_div(a, b):
    return -(-a // b)
print([ceil_div(a, 4) for a in range(-5, 10)])
