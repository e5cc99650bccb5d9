# Rich comparison and bitwise operator dunders, reflection of comparisons.
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
    def __eq__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts == o.parts
    def __lt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts < o.parts
    def __le__(self, o):
        return self == o or self < o
    def __gt__(self, o):
        if not isinstance(o, Version):
            return NotImplemented
        return self.parts > o.parts
    def __ge__(self, o):
        return not self < o
    __hash__ = None
vs = [Version(v) for v in ["1.10.0", "1.2.3", "1.2", "2.0", "1.2.3"]]
print(sorted(vs), max(vs), min(vs))
print(vs[1] == vs[4], vs[1] != vs[2], vs[0] > vs[1], vs[2] <= vs[1], vs[3] >= vs[0])
print(Version("1.0") == "1.0", Version("1.0") != 1)
try:
    Version("1.0") < "2.0"
except TypeError as e:
    print(type(e).__name__, e)
class Left:
    def __lt__(self, o):
        print("  Left.__lt__")
        return NotImplemented
class Right:
    def __gt__(self, o):
        print("  Right.__gt__ (reflected)")
        return True
print(Left() < Right())
class Base:
    def __eq__(self, o):
        print(f"  {type(self).__name__}.__eq__")
        return NotImplemented
class Sub(Base):
    def __eq__(self, o):
        print(f"  Sub.__eq__ first because subclass")
        return True
print(Base() == Sub())
class Ident:
    pass
i = Ident()
print(i == i, i != i, i == Ident(), i != Ident())
class Flags:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Flags({self.v:#06b})"
    def __and__(self, o):
        return Flags(self.v & int(o))
    def __or__(self, o):
        return Flags(self.v | int(o))
    def __xor__(self, o):
        return Flags(self.v ^ int(o))
    def __rand__(self, o):
        return Flags(o & self.v)
    def __ror__(self, o):
        return Flags(o | self.v)
    def __rxor__(self, o):
        return Flags(o ^ self.v)
    def __lshift__(self, n):
        return Flags(self.v << n)
    def __rshift__(self, n):
        return Flags(self.v >> n)
    def __rlshift__(self, n):
        return n << self.v
    def __rrshift__(self, n):
        return n >> self.v
    def __int__(self):
        return self.v
    def __index__(self):
        return self.v
f = Flags(0b1010)
print(f & 0b0110, f | 0b0101, f ^ 0b1111, 3 & f, 1 | f, 15 ^ f)
print(f << 2, f >> 1, 1 << Flags(3), 64 >> Flags(2))
print(f & Flags(0b10), bin(f), hex(f), [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110][Flags(1)])
class OnlyEq:
    def __eq__(self, o):
        return True
print(OnlyEq() != 5, OnlyEq() == 5)
try:
    OnlyEq() < OnlyEq()
except TypeError as e:
    print(type(e).__name__, e)
class WeirdCmp:
    def __lt__(self, o):
        return "truthy string"
print(WeirdCmp() < 1, bool(WeirdCmp() < 1))
