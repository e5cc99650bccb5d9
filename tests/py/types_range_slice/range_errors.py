# Errors from range construction and use.
cases = [
    ("range()", lambda: range()),
    ("range(1, 2, 0)", lambda: range(1, 2, 0)),
    ("range(1.0)", lambda: range(1.0)),
    ("range('3')", lambda: range("3")),
    ("range(1, 2, 3, 4)", lambda: range(1, 2, 3, 4)),
    ("range(3)[3]", lambda: range(3)[3]),
    ("range(3).index(5)", lambda: range(3).index(5)),
    ("len(range(10**20))", lambda: len(range(10 ** 20))),
    ("range(3) + range(2)", lambda: range(3) + range(2)),
    ("range(3) * 2", lambda: range(3) * 2),
    ("range(3)[0] = 1", lambda: exec("r = range(3); r[0] = 1")),
    ("range(None)", lambda: range(None)),
    ("range(1, None)", lambda: range(1, None)),
    ("range(3) < range(4)", lambda: range(3) < range(4)),
    ("range(stop=3)", lambda: range(stop=3)),
]
for label, fn in cases:
    try:
        print(f"{label:24} ok {fn()!r}")
    except Exception as e:
        print(f"{label:24} {type(e).__name__}: {e}")
