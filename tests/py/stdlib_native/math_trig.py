# Trigonometric and hyperbolic functions (rounded to avoid last-ulp platform differences).
import math
def r(x):
    return round(x, 12) + 0.0
angles = [0, math.pi / 6, math.pi / 4, math.pi / 3, math.pi / 2, math.pi, 3 * math.pi / 2, 2 * math.pi, -math.pi / 4]
for a in angles:
    print(f"{r(math.degrees(a)):>7} sin={r(math.sin(a)):>15} cos={r(math.cos(a)):>15} tan={r(math.tan(a)) if abs(math.cos(a)) > 1e-9 else 'inf':>15}")
print(r(math.asin(1)), r(math.acos(0)), r(math.atan(1)), r(math.atan2(1, 1)), r(math.atan2(-1, -1)), r(math.atan2(0, -1)))
print(r(math.asin(0.5)), r(math.acos(-1)), r(math.atan(float("inf"))))
print(r(math.sinh(1)), r(math.cosh(1)), r(math.tanh(0.5)), r(math.asinh(1)), r(math.acosh(2)), r(math.atanh(0.5)))
print(math.sin(0), math.cos(0), math.tan(0), math.sinh(0), math.cosh(0), math.tanh(0))
print(r(math.degrees(1)), r(math.radians(90)), math.degrees(math.pi), math.radians(0))
for x in [0.1, 0.5, 1.0, 2.0]:
    assert abs(math.sin(x) ** 2 + math.cos(x) ** 2 - 1) < 1e-15
print("identities hold")
def rotate(point, degrees):
    a = math.radians(degrees)
    x, y = point
    return (r(x * math.cos(a) - y * math.sin(a)), r(x * math.sin(a) + y * math.cos(a)))
print([rotate((1, 0), d) for d in (0, 90, 180, 270, 45)])
