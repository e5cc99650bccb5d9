# __repr__, __str__, __format__ and their fallbacks.
class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "Both as str"
class ReprOnly:
    def __repr__(self):
        return "ReprOnly()"
class StrOnly:
    def __str__(self):
        return "just str"
b, r, s = Both(), ReprOnly(), StrOnly()
print(b, r, str(b), repr(b), str(r))
print([b, r], (b,), {"k": b})
print(f"{b} {b!r} {r} {s}")
print(repr(s).startswith("<__main__.StrOnly object at 0x"))
print(str(ReprOnly) , repr(Both))
class Money:
    def __init__(self, amount, currency="USD"):
        self.amount = amount
        self.currency = currency
    def __repr__(self):
        return f"Money({self.amount!r}, {self.currency!r})"
    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"
    def __format__(self, spec):
        if spec == "":
            return str(self)
        if spec == "short":
            return f"{self.amount:g}{self.currency[0]}"
        return format(self.amount, spec) + " " + self.currency
m = Money(12.5)
print(m, repr(m), f"{m}", f"{m:short}", f"{m:>10.3f}", format(m, ".1f"), "{:short}".format(m))
print([m], str([m]))
class NoFormat:
    def __str__(self):
        return "nf"
print(format(NoFormat()), f"{NoFormat()}", "{}".format(NoFormat()))
try:
    format(NoFormat(), "d")
except TypeError as e:
    print(type(e).__name__, e)
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __repr__(self):
        if not self.children:
            return f"Tree({self.value!r})"
        return f"Tree({self.value!r}, {self.children!r})"
    def __str__(self, indent=0):
        lines = ["  " * indent + str(self.value)]
        for c in self.children:
            lines.append(c.__str__(indent + 1))
        return "\n".join(lines)
t = Tree("root", [Tree("a", [Tree("a1")]), Tree("b")])
print(repr(t))
print(t)
class SubStr(str):
    def __repr__(self):
        return f"SubStr({str(self)!r})"
ss = SubStr("hello")
print(ss, repr(ss), [ss], ss.upper(), type(ss.upper()).__name__)
class SubInt(int):
    def __str__(self):
        return f"SubInt<{int(self)}>"
print(SubInt(5), repr(SubInt(5)), f"{SubInt(5)}", f"{SubInt(5):03d}")
print(str(None), repr(None), str(True), repr("q'uote"), ascii("é"))
