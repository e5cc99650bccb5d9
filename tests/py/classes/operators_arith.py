# Arithmetic operator dunders, reflected operands and NotImplemented.
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return Vec(self.x - o.x, self.y - o.y)
    def __rsub__(self, o):
        return Vec(o - self.x, o - self.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        print("  __rmul__ used")
        return self * k
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __rtruediv__(self, k):
        return Vec(k / self.x, k / self.y)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __rfloordiv__(self, k):
        return Vec(k // self.x, k // self.y)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __rmod__(self, k):
        return Vec(k % self.x, k % self.y)
    def __divmod__(self, k):
        return (self // k, self % k)
    def __rdivmod__(self, k):
        return (k // self, k % self)
    def __pow__(self, n, mod=None):
        if mod is None:
            return Vec(self.x ** n, self.y ** n)
        return Vec(pow(self.x, n, mod), pow(self.y, n, mod))
    def __rpow__(self, base):
        return Vec(base ** self.x, base ** self.y)
    def __matmul__(self, o):
        return self.x * o.y - self.y * o.x
    def __rmatmul__(self, o):
        return f"rmatmul with {o!r}"
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return Vec(+self.x, +self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
a, b = Vec(3, 4), Vec(1, 2)
print(a + b, a + 1, 1 + a, a - b, 10 - a)
print(a * 2, 2 * a, a * b)
print(a / 2, 12 / a, a // 2, 7 // a)
print(a % 2, 7 % a, divmod(a, 2), divmod(7, a))
print(a ** 2, pow(a, 3, 5), 2 ** a)
print(a @ b, "str" @ a if False else [1] @ a)
print(-a, +a, abs(a), ~a)
try:
    a - "text"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "text" - a
except TypeError as e:
    print(type(e).__name__, e)
try:
    a + None
except TypeError as e:
    print(type(e).__name__, e)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, o):
        print(f"  Money.__add__({type(o).__name__})")
        return NotImplemented if not isinstance(o, Money) else Money(self.cents + o.cents)
    def __radd__(self, o):
        print(f"  Money.__radd__({type(o).__name__})")
        if o == 0:
            return self
        return NotImplemented
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
print(sum([Money(150), Money(275), Money(5)]))
class SubMoney(Money):
    def __radd__(self, o):
        print("  SubMoney.__radd__ tried first")
        return Money(o.cents + self.cents + 1)
print(Money(100) + SubMoney(100))
class Neither:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return NotImplemented
try:
    Neither() + Neither()
except TypeError as e:
    print(type(e).__name__, e)
