# In-place operator dunders and fallback to binary operators.
class Acc:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Acc({self.v})"
    def __iadd__(self, o):
        print("  __iadd__")
        self.v += o
        return self
    def __isub__(self, o):
        self.v -= o
        return self
    def __imul__(self, o):
        self.v *= o
        return self
    def __itruediv__(self, o):
        self.v /= o
        return self
    def __ifloordiv__(self, o):
        self.v //= o
        return self
    def __imod__(self, o):
        self.v %= o
        return self
    def __ipow__(self, o):
        self.v **= o
        return self
    def __ilshift__(self, o):
        self.v <<= o
        return self
    def __irshift__(self, o):
        self.v >>= o
        return self
    def __iand__(self, o):
        self.v &= o
        return self
    def __ior__(self, o):
        self.v |= o
        return self
    def __ixor__(self, o):
        self.v ^= o
        return self
    def __imatmul__(self, o):
        self.v = self.v * 1000 + o
        return self
a = Acc(10)
alias = a
a += 5; print(a)
a -= 3; print(a)
a *= 4; print(a)
a //= 5; print(a)
a %= 7; print(a)
a **= 3; print(a)
a <<= 2; print(a)
a >>= 1; print(a)
a &= 0b110110; print(a)
a |= 1; print(a)
a ^= 0b11; print(a)
a @= 7; print(a)
a /= 4; print(a)
print(a is alias)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("  __add__ fallback")
        return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 1
print(x.v, y.v, x is y)
class ReturnsOther:
    def __iadd__(self, o):
        return "replaced by __iadd__ result"
r = ReturnsOther()
r += 1
print(r)
class NotImpl:
    def __iadd__(self, o):
        return NotImplemented
    def __add__(self, o):
        return "from __add__ after NotImplemented"
n = NotImpl()
n += 1
print(n)
class Radd:
    def __radd__(self, o):
        return f"Radd.__radd__({o!r})"
s = 5
s += Radd()
print(s)
try:
    class Nothing:
        pass
    z = Nothing()
    z += 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    q = Nothing()
    q -= 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    q = Nothing()
    q @= 1
except TypeError as e:
    print(type(e).__name__, e)
items = [Acc(1), Acc(2)]
items[0] += 10
print(items)
class Holder:
    pass
h = Holder()
h.acc = Acc(0)
h.acc += 3
print(h.acc)
