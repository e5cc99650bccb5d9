# Floor division and modulo on floats vs math.fmod and math.remainder.
import math
pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.3, 0.1), (1e20, 7), (-1e-20, 1), (5, 0.5)]
for a, b in pairs:
    print(f"{a!r:>8} {b!r:>5} // {a // b!r:>22} % {a % b!r:>22} fmod {math.fmod(a, b)!r:>22} rem {math.remainder(a, b)!r}")
print(-0.0 % 5, 0.0 % -5, -5.0 % 5, 5.0 % -5, (-0.0) // 1)
print(divmod(-1e-20, 1.0), divmod(1.5, -0.5))
for x in [2.5, 3.5, -2.5, 1.0]:
    print(x, math.remainder(x, 2), math.fmod(x, 2), x % 2)
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.5), math.ceil(-2.5), math.trunc(-2.5))
print(type(math.floor(2.5)).__name__, math.floor(1e20), math.ceil(-1e20))
def wrap_angle(deg):
    return deg % 360.0
print([wrap_angle(d) for d in (370.5, -10.25, 720.0, -720.0, 359.9)])
