# Subset/superset comparisons and disjointness.
a, b, c = {1, 2}, {1, 2, 3}, {4}
print(a <= b, a < b, b <= b, b < b, b >= a, b > a, a >= b)
print(a.issubset(b), a.issubset([1, 2, 9]), b.issuperset(a), b.issuperset(range(2)), a.isdisjoint(c), a.isdisjoint([2]))
print(a == {2, 1}, a != b, set() <= a, set() < set(), frozenset({1, 2}) == a, frozenset(a) <= b)
print(sorted([{1, 2, 3}, {1}, {1, 2}], key=len), min([{3}, {1, 2}], key=len))
print({1, 2} < {1, 3}, {1, 3} < {1, 2}, {1, 2} > {1, 3}, {1, 2} == {1, 3})
try:
    a < [1, 2, 3]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.issubset(5)
except TypeError as e:
    print(type(e).__name__, e)
print(a.__le__(b), a.__lt__([1]), a.__eq__([1, 2]))
required = {"read", "write"}
for perms in [{"read"}, {"read", "write"}, {"read", "write", "admin"}]:
    print(sorted(perms), required <= perms, perms >= required, not perms.isdisjoint({"admin"}))
