# Mutating sets: add, remove, discard, pop, clear, update family, in-place operators.
s = set()
s.add(3)
s.add(1)
s.add(3)
print(s)
s.update([5, 7], (9,), range(2))
print(s)
s.remove(7)
s.discard(7)
s.discard(100)
print(s)
try:
    s.remove(100)
except KeyError as e:
    print(type(e).__name__, e)
popped = []
t = {10, 20, 30}
while t:
    popped.append(t.pop())
print(sorted(popped), t)
try:
    t.pop()
except KeyError as e:
    print(type(e).__name__, e)
s = {1, 2, 3, 4, 5, 6}
s.intersection_update({1, 2, 3, 4}, [2, 3, 4, 5])
print(s)
s.difference_update([2], {9})
print(s)
s.symmetric_difference_update({4, 10})
print(sorted(s))
x = {1, 2}
alias = x
x |= {3}
x &= {2, 3, 4}
x -= {2}
x ^= {5, 3}
print(x, alias is x)
x.clear()
print(x, alias)
c = {1, 2}
d = c.copy()
d.add(3)
print(c, d)
try:
    {1}.add([2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    frozenset({1}).add(2)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    x |= [1]
except TypeError as e:
    print(type(e).__name__, e)
print(s.add(1) is None, s.update() is None, sorted(s))
