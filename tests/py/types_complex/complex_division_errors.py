# Division by zero and other errors with complex numbers.
cases = [
    ("1j / 0", lambda: 1j / 0),
    ("(1+1j) / 0j", lambda: (1 + 1j) / 0j),
    ("1 / 0j", lambda: 1 / 0j),
    ("1.5 / complex(0, 0)", lambda: 1.5 / complex(0, 0)),
    ("0j ** -1", lambda: 0j ** -1),
    ("0j ** (1+1j)", lambda: 0j ** (1 + 1j)),
    ("0j ** 0", lambda: 0j ** 0),
    ("0j ** 0j", lambda: 0j ** 0j),
    ("10j ** 1000", lambda: 10j ** 1000),
    ("1j // 1", lambda: 1j // 1),
    ("abs(complex(1e308, 1e308))", lambda: abs(complex(1e308, 1e308))),
    ("complex('1') + '1'", lambda: complex("1") + "1"),
]
for label, fn in cases:
    try:
        print(f"{label:28} = {fn()!r}")
    except (ZeroDivisionError, OverflowError, TypeError, ValueError) as e:
        print(f"{label:28} {type(e).__name__}: {e}")
