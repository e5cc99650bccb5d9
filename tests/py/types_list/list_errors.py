# Errors raised by list operations.
cases = [
    ("[][0]", lambda: [][0]),
    ("[1, 2][5]", lambda: [1, 2][5]),
    ("[1][-2]", lambda: [1][-2]),
    ("[].pop()", lambda: [].pop()),
    ("[1].pop(3)", lambda: [1].pop(3)),
    ("[1].remove(2)", lambda: [1].remove(2)),
    ("[1].index(2)", lambda: [1].index(2)),
    ("[1, 2].index(1, 1)", lambda: [1, 2].index(1, 1)),
    ("l[5] = 1", lambda: [0].__setitem__(5, 1)),
    ("del l[5]", lambda: [0].__delitem__(5)),
    ("[1] + (2,)", lambda: [1] + (2,)),
    ("[1] + 'a'", lambda: [1] + "a"),
    ("[1] * 'a'", lambda: [1] * "a"),
    ("[1] * 2.0", lambda: [1] * 2.0),
    ("[1] - [1]", lambda: [1] - [1]),
    ("[1]['a']", lambda: [1][str("a")]),
    ("[1] < [1, 'a'] ok", lambda: [1] < [1, "a"]),
    ("[1, 2] < [1, 'a']", lambda: [1, 2] < [1, "a"]),
    ("hash([])", lambda: hash([])),
    ("{[]: 1}", lambda: {[]: 1}),
    ("[].foo", lambda: [].foo),
    ("list(5)", lambda: list(5)),
    ("list(1, 2)", lambda: list(1, 2)),
    ("[].insert(0)", lambda: [].insert(0)),
    ("[].extend(3)", lambda: [].extend(3)),
    ("[].sort(key=1)", lambda: [1, 2].sort(key=1)),
    ("[3, 'a'].sort()", lambda: [3, "a"].sort()),
    ("[].append(1, 2)", lambda: [].append(1, 2)),
    ("[1].pop('0')", lambda: [1].pop("0")),
]
for label, fn in cases:
    try:
        print(f"{label:22} ok -> {fn()!r}")
    except Exception as e:
        print(f"{label:22} {type(e).__name__}: {e}")
