# Errors raised by math functions.
import math
cases = [
    ("sqrt(-1)", lambda: math.sqrt(-1)),
    ("log(0)", lambda: math.log(0)),
    ("log(-1)", lambda: math.log(-1)),
    ("log(10, 1)", lambda: math.log(10, 1)),
    ("log2(0)", lambda: math.log2(0)),
    ("acos(2)", lambda: math.acos(2)),
    ("asin(-1.5)", lambda: math.asin(-1.5)),
    ("exp(1000)", lambda: math.exp(1000)),
    ("pow(0, -1)", lambda: math.pow(0, -1)),
    ("pow(-1, 0.5)", lambda: math.pow(-1, 0.5)),
    ("factorial(-1)", lambda: math.factorial(-1)),
    ("factorial(2.5)", lambda: math.factorial(2.5)),
    ("factorial('5')", lambda: math.factorial("5")),
    ("isqrt(-1)", lambda: math.isqrt(-1)),
    ("isqrt(2.0)", lambda: math.isqrt(2.0)),
    ("comb(-1, 2)", lambda: math.comb(-1, 2)),
    ("comb(5, 1.0)", lambda: math.comb(5, 1.0)),
    ("floor('x')", lambda: math.floor("x")),
    ("floor(inf)", lambda: math.floor(math.inf)),
    ("ceil(nan)", lambda: math.ceil(math.nan)),
    ("fmod(inf, 1)", lambda: math.fmod(math.inf, 1)),
    ("atanh(1)", lambda: math.atanh(1)),
    ("cosh(1000)", lambda: math.cosh(1000)),
    ("gcd(1.5, 2)", lambda: math.gcd(1.5, 2)),
    ("sqrt('4')", lambda: math.sqrt("4")),
    ("dist((1,), (1, 2))", lambda: math.dist((1,), (1, 2))),
    ("ldexp(1.0, 2000)", lambda: math.ldexp(1.0, 2000)),
    ("sqrt(10**400)", lambda: math.sqrt(10 ** 400)),
    ("log(10**400)", lambda: round(math.log(10 ** 400), 6)),
    ("trunc(None)", lambda: math.trunc(None)),
]
for label, fn in cases:
    try:
        print(f"{label:20} = {fn()!r}")
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(f"{label:20} {type(e).__name__}: {e}")
