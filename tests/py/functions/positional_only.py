# Positional-only parameters (before /).
def divide(a, b, /):
    return a / b
print(divide(10, 4))
try:
    divide(a=10, b=4)
except TypeError as e:
    print(type(e).__name__, e)
def clamp(value, /, lo=0, hi=100, *, strict=False):
    if strict and not lo <= value <= hi:
        raise ValueError(f"{value} out of range [{lo}, {hi}]")
    return max(lo, min(hi, value))
print(clamp(150), clamp(-5), clamp(50, 60), clamp(50, hi=40), clamp(5, lo=1, hi=3))
try:
    clamp(500, strict=True)
except ValueError as e:
    print(type(e).__name__, e)
try:
    clamp(value=5)
except TypeError as e:
    print(type(e).__name__, e)
def kwargs_collision(name, /, **kwargs):
    return name, kwargs
print(kwargs_collision("positional", name="keyword"))
def pos_defaults(a, b=2, /, c=3):
    return a, b, c
print(pos_defaults(1), pos_defaults(1, 20), pos_defaults(1, 20, 30), pos_defaults(1, c=300))
try:
    pos_defaults(1, b=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pos_defaults()
except TypeError as e:
    print(type(e).__name__, e)
def all_kinds(p1, p2, /, pk, *args, k1, k2=None, **kw):
    return (p1, p2, pk, args, k1, k2, kw)
print(all_kinds(1, 2, 3, k1=4))
print(all_kinds(1, 2, pk=3, k1=4, extra=5))
print(all_kinds(1, 2, 3, 4, 5, k1=6, k2=7, p1="goes to kw"))
try:
    all_kinds(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    all_kinds(1, p2=2, pk=3, k1=4)
except TypeError as e:
    print(type(e).__name__, e)
print(len("abc"), divmod(7, 2))
try:
    len(obj="abc")
except TypeError as e:
    print(type(e).__name__, e)
