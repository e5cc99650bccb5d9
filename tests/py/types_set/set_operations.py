# Set algebra via operators and methods.
a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([10, 11], (12,)), a.intersection(range(3), [1, 2, 9]), a.difference([1], {2}))
print(a.symmetric_difference([5, 6]), a.union(), a.intersection())
print(a, b)
print(a | set(), a & set(), set() - a, a ^ a)
fs = frozenset({3, 4, 99})
print(a & fs, type(a & fs).__name__, type(fs & a).__name__, sorted(fs | {1}), fs - a)
try:
    a | [6]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a - "abc"
except TypeError as e:
    print(type(e).__name__, e)
try:
    a ^ 5
except TypeError as e:
    print(type(e).__name__, e)
evens = set(range(0, 20, 2))
threes = set(range(0, 20, 3))
print(sorted(evens & threes), sorted(evens - threes), len(evens | threes))
print({1, 2} | {2, 3} | {3, 4}, {1, 2, 3} & {2, 3, 4} & {3, 4, 5})
print(a.__or__(b), a.__and__([1]), a.__sub__({1}), a.__xor__(b) == a ^ b)
