# Conversions between built-in types via constructors, and their errors.
print(int("42"), int(" -7 "), int(3.99), int(True), int("0x1f", 16), int("z", 36))
print(float("3.5"), float(" 1e-3 "), float(7), float("-inf"), float(False))
print(str(42), str(-0.0), str([1, "a"]), str(None), str(b"raw"), str(1 + 2j))
print(bool(""), bool("0"), bool(0.0), bool([0]), bool(None), bool(range(0)))
print(list("ab"), list((1, 2)), list({"k": 1}), list(range(3)), tuple([1, 2]), tuple("xy"))
print(set("aab") == {"a", "b"}, frozenset([1, 1]), dict([("a", 1)]), dict(zip("ab", "12")))
print(complex("1+2j"), complex(3), complex(1, -1), bytes([65, 66]), bytes("é", "utf-8"), bytearray(b"ab"))
print(int(float("1e10")), float(int("123456789" * 3)), str(int("007")), int(str(2 ** 70)) == 2 ** 70)
print(list(map(int, "1 2 3".split())), [float(x) for x in ["1", "2.5", "-3e2"]])
errors = [
    ("int('4.5')", lambda: int("4.5")), ("int('')", lambda: int("")), ("int(None)", lambda: int(None)),
    ("int([1])", lambda: int([1])), ("float('x')", lambda: float("x")), ("float([])", lambda: float([])),
    ("complex('x')", lambda: complex("x")), ("list(1)", lambda: list(1)), ("dict([1])", lambda: dict([1])),
    ("tuple(None)", lambda: tuple(None)), ("bytes('x')", lambda: bytes("x")), ("int('1', 1)", lambda: int("1", 1)),
    ("float('nan') -> int", lambda: int(float("nan"))), ("bool(1, 2)", lambda: bool(1, 2)),
    ("str(b'\\xff', 'utf-8')", lambda: str(b"\xff", "utf-8")), ("set([[]])", lambda: set([[]])),
]
for label, fn in errors:
    try:
        print(label, fn())
    except (ValueError, TypeError) as e:
        print(f"{label:24} {type(e).__name__}: {e}")
