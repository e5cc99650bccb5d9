# Quadratic solver returning complex roots when the discriminant is negative.
import math
def solve(a, b, c):
    if a == 0:
        raise ValueError("not a quadratic equation (a == 0)")
    d = b * b - 4 * a * c
    if d >= 0:
        s = math.sqrt(d)
        return ((-b + s) / (2 * a), (-b - s) / (2 * a))
    s = complex(0, math.sqrt(-d))
    return ((-b + s) / (2 * a), (-b - s) / (2 * a))
def show(z):
    if isinstance(z, complex):
        return f"{z.real:+.4f}{z.imag:+.4f}i"
    return f"{z:+.4f}"
for coeffs in [(1, -3, 2), (1, 2, 5), (2, 0, 8), (1, 2, 1), (1, 0, -2), (3, 1, 1)]:
    roots = solve(*coeffs)
    print(coeffs, "->", ", ".join(show(r) for r in roots))
    a, b, c = coeffs
    for r in roots:
        residual = a * r * r + b * r + c
        assert abs(residual) < 1e-9, residual
try:
    solve(0, 1, 1)
except ValueError as e:
    print(type(e).__name__, e)
r1, r2 = solve(1, 2, 5)
print(r1 * r2, r1 + r2, r1.conjugate() == r2)
