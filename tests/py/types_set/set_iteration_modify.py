# Modifying a set while iterating over it is an error; iterate over a copy instead.
s = {1, 2, 3, 4}
try:
    for x in s:
        s.add(x * 10)
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3, 4}
try:
    for x in s:
        s.discard(x)
except RuntimeError as e:
    print(type(e).__name__, e)
s = {1, 2, 3, 4, 5, 6}
for x in set(s):
    if x % 2 == 0:
        s.discard(x)
print(s)
s = {1, 2, 3}
for x in s.copy():
    s.add(x + 100)
print(sorted(s))
s = {5, 6}
it = iter(s)
print(next(it) in {5, 6})
s.add(7)
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
fs = frozenset({1, 2})
print(sorted(x for x in fs), list(iter({42})))
