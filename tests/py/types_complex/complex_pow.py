# Complex powers and roots; results rounded to avoid last-digit platform noise.
def r(z, nd=10):
    return complex(round(z.real, nd) + 0.0, round(z.imag, nd) + 0.0)
print(r((1 + 1j) ** 2), r((1 + 1j) ** 0.5), r((-1) ** 0.5), r((-4) ** 0.5))
print(r(1j ** 1j), r(2 ** 1j), r((1 + 2j) ** (3 - 1j)))
print((2 + 0j) ** 10, (1j) ** 4, (1j) ** 100, (1 + 1j) ** 16, (0.5 + 0.5j) ** 3)
print(pow(1 + 1j, 3), pow(2j, -2), r(pow(-8 + 0j, 1 / 3)))
try:
    pow(1j, 2, 3)
except ValueError as e:
    print(type(e).__name__, e)
roots = [r(complex(-1, 0) ** (k / 4), 8) for k in range(1, 5)]
print(roots)
import math
def cis(theta):
    return complex(math.cos(theta), math.sin(theta))
unity = [r(cis(2 * math.pi * k / 6), 9) for k in range(6)]
print(unity)
print(r(sum(cis(2 * math.pi * k / 6) for k in range(6)), 9))
prod = 1
for u in [cis(2 * math.pi * k / 4) for k in range(4)]:
    prod *= u
print(r(prod, 9))
