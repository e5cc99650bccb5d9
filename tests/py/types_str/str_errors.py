# Common str errors and their messages.
cases = [
    ("'abc'[5]", lambda: "abc"[5]),
    ("'abc'[0] = 'x'", lambda: exec("s = 'abc'; s[0] = 'x'")),
    ("'a' + 1", lambda: "a" + 1),
    ("1 + 'a'", lambda: 1 + "a"),
    ("'a' * 'b'", lambda: "a" * "b"),
    ("'a' * 2.0", lambda: "a" * 2.0),
    ("'a' - 'b'", lambda: "a" - "b"),
    ("'abc'.index('z')", lambda: "abc".index("z")),
    ("'abc'.foo()", lambda: "abc".foo()),
    ("'a'.join([1])", lambda: "a".join([1])),
    ("'x'.center('5')", lambda: "x".center("5")),
    ("'x'.split(1)", lambda: "x".split(1)),
    ("'x'.replace(1, 2)", lambda: "x".replace(1, 2)),
    ("'{}'.format()", lambda: "{}".format()),
    ("'%d' % 'x'", lambda: "%d" % "x"),
    ("str(b'x', 'nope')", lambda: str(b"x", "nope")),
    ("b'\\xff'.decode()", lambda: b"\xff".decode()),
    ("'é'.encode('ascii')", lambda: "é".encode("ascii")),
    ("'abc' < 1", lambda: "abc" < 1),
    ("len(5)", lambda: len(5)),
    ("'abc'.startswith(1)", lambda: "abc".startswith(1)),
    ("'abc'.count()", lambda: "abc".count()),
    ("str.upper(5)", lambda: str.upper(5)),
    ("'a'.zfill('3')", lambda: "a".zfill("3")),
    ("int('4' * 5000)", lambda: int("4" * 5000)),
    ("'x'.encode('bogus-codec')", lambda: "x".encode("bogus-codec")),
    ("del 'abc'[0]", lambda: exec("s = 'abc'; del s[0]")),
    ("'abc'.strip(5)", lambda: "abc".strip(5)),
    ("ord('ab')", lambda: ord("ab")),
]
for label, fn in cases:
    try:
        r = fn()
        print(f"{label:28} -> {r!r}")
    except Exception as e:
        print(f"{label:28} {type(e).__name__}: {e}")
