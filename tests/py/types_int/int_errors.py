# Error messages produced by integer operations.
cases = [
    ("1 / 0", lambda: 1 / 0),
    ("1 // 0", lambda: 1 // 0),
    ("1 % 0", lambda: 1 % 0),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("0 ** -1", lambda: 0 ** -1),
    ("1 << -1", lambda: 1 << -1),
    ("float(10**400)", lambda: float(10 ** 400)),
    ("10**400 / 1", lambda: 10 ** 400 / 1),
    ("10**400 * 1.0", lambda: 10 ** 400 * 1.0),
    ("1 + '1'", lambda: 1 + "1"),
    ("'1' + 1", lambda: "1" + 1),
    ("1 - None", lambda: 1 - None),
    ("[] * 2.0", lambda: [] * 2.0),
    ("2 ** 'x'", lambda: 2 ** "x"),
    ("-'x'", lambda: -"x"),
    ("~1.5", lambda: ~1.5),
    ("int('x')", lambda: int("x")),
    ("(1).foo", lambda: (1).foo),
    ("(5).bit_length(1)", lambda: (5).bit_length(1)),
    ("chr(-1)", lambda: chr(-1)),
    ("range(1.5)", lambda: range(1.5)),
    ("[1][2 ** 100]", lambda: [1][2 ** 100]),
    ("'abc' * (2 ** 100)", lambda: "abc" * (2 ** 100)),
    ("hex(1.5)", lambda: hex(1.5)),
    ("1 & 1.0", lambda: 1 & 1.0),
    ("int.from_bytes('ab', 'big')", lambda: int.from_bytes("ab", "big")),
]
for label, fn in cases:
    try:
        result = fn()
        print(f"{label:28} ok {result!r}")
    except Exception as e:
        print(f"{label:28} {type(e).__name__}: {e}")
print(isinstance(ZeroDivisionError(), ArithmeticError), issubclass(OverflowError, ArithmeticError))
