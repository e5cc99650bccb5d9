# TypeError messages for bad calls.
def two(a, b):
    return a + b
def opt(a, b=2, c=3):
    return a + b + c
def star(a, *args):
    return a
def kw(*, x):
    return x
class C:
    def method(self, a):
        return a
    @staticmethod
    def smethod(a):
        return a
    @classmethod
    def cmethod(cls, a):
        return a
cases = [
    ("two()", lambda: two()),
    ("two(1)", lambda: two(1)),
    ("two(1, 2, 3)", lambda: two(1, 2, 3)),
    ("two(1, c=2)", lambda: two(1, c=2)),
    ("two(1, a=2)", lambda: two(1, a=2)),
    ("opt()", lambda: opt()),
    ("opt(1, 2, 3, 4)", lambda: opt(1, 2, 3, 4)),
    ("star()", lambda: star()),
    ("kw(1)", lambda: kw(1)),
    ("kw()", lambda: kw()),
    ("kw(y=1)", lambda: kw(y=1)),
    ("C().method()", lambda: C().method()),
    ("C().method(1, 2)", lambda: C().method(1, 2)),
    ("C.method(1)", lambda: C.method(1)),
    ("C.smethod()", lambda: C.smethod()),
    ("C.cmethod()", lambda: C.cmethod()),
    ("C(1)", lambda: C(1)),
    ("len()", lambda: len()),
    ("len(1, 2)", lambda: len(1, 2)),
    ("abs('x')", lambda: abs("x")),
    ("int('1', base=1)", lambda: int("1", base=1)),
    ("'x'.join(1)", lambda: "x".join(1)),
    ("[].append()", lambda: [].append()),
    ("{}.get()", lambda: {}.get()),
    ("5()", lambda: (lambda v: v)(5)()),
    ("None()", lambda: (lambda v: v)(None)()),
    ("'s'()", lambda: (lambda v: v)("s")()),
    ("divmod(1)", lambda: divmod(1)),
    ("isinstance(1, 2)", lambda: isinstance(1, 2)),
    ("sorted(1)", lambda: sorted(1)),
    ("max()", lambda: max()),
]
for label, fn in cases:
    try:
        fn()
        print(label, "-> no error")
    except (TypeError, ValueError) as e:
        print(f"{label:22} {type(e).__name__}: {e}")
