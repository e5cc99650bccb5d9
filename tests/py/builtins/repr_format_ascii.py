# repr(), format(), ascii(), str() builtins.
values = [42, -3.5, 1e-7, "text", "quote'\"", b"by\xfftes", [1, "a"], (1,), {"k": None}, {1}, frozenset(), None, True, 2j, range(3), slice(1, 2), ..., NotImplemented]
for v in values:
    print(repr(v), "|", str(v), "|", ascii(v))
print(format(3.14159, ".2f"), format(42, "08b"), format("s", "^5"), format(1234567, ","), format(0.5, "%"), format(True), format(None))
print(format(255, "x"), format(255, "#X"), format(-1.5e10, "e"), format("abc"), format([1, 2]), format(1 + 2j, ".1f"))
print(ascii("日本語"), ascii("café\n"), ascii(["é", b"\xe9"]), ascii("\U0001F600"))
class Custom:
    def __repr__(self):
        return "Custom(é)"
    def __format__(self, spec):
        return f"<Custom spec={spec!r}>"
print(repr(Custom()), ascii(Custom()), format(Custom(), "xyz"), f"{Custom():>5}", str(Custom()))
for bad in [lambda: format(1, "q"), lambda: format("s", "d"), lambda: format([], "x"), lambda: format(1.5, ","), lambda: format(object(), "s")]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(repr(repr("x")), str(str(5)), repr(str), repr(int), repr(ValueError))
print(type(repr(1)).__name__, len(repr("a\tb")))
