# re.error and the other exceptions the re module raises.
import re

for pat in ["(", ")", "[a", "a**", "a{3,2}", "(?P<1>x)", "(?P<a>x)(?P<a>y)", r"\1", "(?<=a+)b",
            "(?P=nope)", r"\p", "[z-a]", "(?i", "x(?#", "a|*", "(?<x", "[\\d-z]", "(?z)", "\\",
            "a{,3}{2}", "(?(1)a|b|c)", "x\n(", "abc)\ndef"]:
    try:
        re.compile(pat)
        print("compiled", repr(pat))
    except re.error as e:
        print(repr(pat), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)

def show(f, *a):
    try:
        print(repr(f(*a)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

m = re.match(r"(a)(?P<n>b)?", "a")
show(m.group, 3)
show(m.group, "zz")
show(m.group, -1)
show(m.start, 5)
show(m.group, "n")
show(m.span, "n")
show(re.compile("a").match, 12)
show(re.compile("a").search, b"a")
show(re.compile(b"a").search, "a")
show(re.sub, "(a)", r"\2", "a")
show(re.sub, "(a)", r"\g<x>", "a")
show(re.sub, "a", lambda m: 5, "a")
show(re.compile, 5)
show(re.compile(re.compile("a"), re.I).pattern if False else re.compile, re.compile("a"))
show(re.compile, re.compile("a"), re.I)
show(m.expand, r"\3")
show(re.Pattern)
show(re.purge)
