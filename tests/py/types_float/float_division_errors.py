# ZeroDivisionError and OverflowError messages for float operations.
import math
cases = [
    ("1.0 / 0", lambda: 1.0 / 0),
    ("1 / 0.0", lambda: 1 / 0.0),
    ("0.0 / 0.0", lambda: 0.0 / 0.0),
    ("1.0 // 0", lambda: 1.0 // 0),
    ("1.0 % 0", lambda: 1.0 % 0),
    ("divmod(1.0, 0)", lambda: divmod(1.0, 0)),
    ("divmod(1, 0.0)", lambda: divmod(1, 0.0)),
    ("0.0 ** -1", lambda: 0.0 ** -1),
    ("0.0 ** -1.5", lambda: 0.0 ** -1.5),
    ("10.0 ** 400", lambda: 10.0 ** 400),
    ("(-8.0) ** (1/3)", lambda: (-8.0) ** (1 / 3)),
    ("2.0 ** 10000", lambda: 2.0 ** 10000),
    ("math.exp(1000)", lambda: math.exp(1000)),
    ("math.sqrt(-1)", lambda: math.sqrt(-1)),
    ("math.log(0)", lambda: math.log(0)),
    ("float('1e500')", lambda: float("1e500")),
    ("1e308 * 10", lambda: 1e308 * 10),
    ("math.fmod(1, 0)", lambda: math.fmod(1, 0)),
    ("float(2**1024)", lambda: float(2 ** 1024)),
    ("2**1024 / 2", lambda: 2 ** 1024 / 2),
    ("2**1024 / 2**1020", lambda: 2 ** 1024 / 2 ** 1020),
    ("1 / 2**2000", lambda: 1 / 2 ** 2000),
    ("pow(0.0, -2)", lambda: pow(0.0, -2)),
    ("1.5 % float('inf')", lambda: 1.5 % float("inf")),
    ("-1.5 % float('inf')", lambda: -1.5 % float("inf")),
]
for label, fn in cases:
    try:
        print(f"{label:22} = {fn()!r}")
    except (ZeroDivisionError, OverflowError, ValueError) as e:
        print(f"{label:22} {type(e).__name__}: {e}")
def safe_div(a, b, default=float("nan")):
    try:
        return a / b
    except ZeroDivisionError:
        return default
print([safe_div(1, v) for v in [2, 0.0, -4, 0]])
