# Exact rational arithmetic (hand-written Fraction) used for matrix inversion.
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
class Fraction:
    __slots__ = ("n", "d")
    def __init__(self, n, d=1):
        if d == 0:
            raise ZeroDivisionError("Fraction(%d, 0)" % n)
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g
    @staticmethod
    def of(x):
        return x if isinstance(x, Fraction) else Fraction(x)
    def __add__(self, o):
        o = Fraction.of(o)
        return Fraction(self.n * o.d + o.n * self.d, self.d * o.d)
    __radd__ = __add__
    def __sub__(self, o):
        o = Fraction.of(o)
        return Fraction(self.n * o.d - o.n * self.d, self.d * o.d)
    def __rsub__(self, o):
        return Fraction.of(o) - self
    def __mul__(self, o):
        o = Fraction.of(o)
        return Fraction(self.n * o.n, self.d * o.d)
    __rmul__ = __mul__
    def __truediv__(self, o):
        o = Fraction.of(o)
        return Fraction(self.n * o.d, self.d * o.n)
    def __neg__(self):
        return Fraction(-self.n, self.d)
    def __eq__(self, o):
        o = Fraction.of(o)
        return self.n == o.n and self.d == o.d
    def __lt__(self, o):
        o = Fraction.of(o)
        return self.n * o.d < o.n * self.d
    def __hash__(self):
        return hash((self.n, self.d))
    def __float__(self):
        return self.n / self.d
    def __repr__(self):
        return str(self.n) if self.d == 1 else f"{self.n}/{self.d}"
half, third = Fraction(1, 2), Fraction(1, 3)
print(half + third, half - third, half * third, half / third, 1 - half, 2 * third, -half, float(third))
print(Fraction(6, -8), Fraction(0, 5), sum([Fraction(1, n) for n in range(1, 7)], Fraction(0)))
print(sorted([Fraction(2, 3), Fraction(1, 2), Fraction(3, 4), Fraction(-1, 5)]), Fraction(2, 4) == half, {half: "h"}[Fraction(3, 6)])
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
def identity(n):
    return [[Fraction(int(i == j)) for j in range(n)] for i in range(n)]
def inverse(m):
    n = len(m)
    a = [[Fraction.of(v) for v in row] + ident for row, ident in zip(m, identity(n))]
    for col in range(n):
        pivot = next((r for r in range(col, n) if a[r][col] != 0), None)
        if pivot is None:
            raise ValueError("matrix is singular")
        a[col], a[pivot] = a[pivot], a[col]
        p = a[col][col]
        a[col] = [v / p for v in a[col]]
        for r in range(n):
            if r != col and a[r][col] != 0:
                f = a[r][col]
                a[r] = [x - f * y for x, y in zip(a[r], a[col])]
    return [row[n:] for row in a]
def matmul(x, y):
    return [[sum((x[i][k] * y[k][j] for k in range(len(y))), Fraction(0)) for j in range(len(y[0]))] for i in range(len(x))]
M = [[2, 1, 1], [1, 3, 2], [1, 0, 0]]
inv = inverse(M)
for row in inv:
    print(row)
print(matmul([[Fraction(v) for v in r] for r in M], inv) == identity(3))
H = [[Fraction(1, i + j + 1) for j in range(4)] for i in range(4)]
Hinv = inverse(H)
print(Hinv[0], Hinv[3][3])
try:
    inverse([[1, 2], [2, 4]])
except ValueError as e:
    print("ValueError:", e)
