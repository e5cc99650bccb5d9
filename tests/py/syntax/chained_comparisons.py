# Chained comparisons: semantics and single evaluation.
x = 5
print(1 < x < 10, 1 < x > 10, 10 > x >= 5, 5 == x == 5.0)
print(1 < 2 < 3 < 4 < 5, 1 < 2 < 3 > 4 < 5)
none = None
flag = False
print(1 == 1 != 2, none is not flag is not True)
print(2 in [1, 2] in [[1, 2]], "a" < "b" < "c")
calls = []
def val(n):
    calls.append(n)
    return n
print(val(1) < val(2) < val(3))
print(calls)
calls.clear()
print(val(3) < val(2) < val(1))
print(calls)
calls.clear()
print(val(1) < val(5) > val(2) == val(2))
print(calls)
def in_range(v, lo, hi):
    return lo <= v < hi
print([v for v in range(-2, 8) if in_range(v, 0, 5)])
a, b, c = 1, 1, 2
print(a == b < c, a < b == c, a <= b <= c)
print((1 < 2) < 3, 1 < (2 < 3))
print(0 < 0.5 < True)
print("abc" < "abd" <= "abd" != "abe")
print([1, 2] < [1, 3] < [2])
print((1, 2) == (1, 2) <= (1, 3))
res = 1 < 3 and 3 < 2
print(res)
class Loud:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print(f"  {self.v} < {other.v}?")
        return self.v < other.v
print(Loud(1) < Loud(2) < Loud(0) < Loud(5))
try:
    print(1 < "a" < 3)
except TypeError as e:
    print(type(e).__name__, e)
print(1 > 2 < "never compared")
