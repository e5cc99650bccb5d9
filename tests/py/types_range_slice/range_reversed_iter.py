# Iterating ranges forwards and backwards; iterators are independent.
r = range(2, 12, 3)
print(list(reversed(r)), list(reversed(range(5))), list(reversed(range(0))), list(reversed(range(10, 0, -4))))
it1, it2 = iter(r), iter(r)
print(next(it1), next(it1), next(it2), list(it1), list(it2))
rev = reversed(range(3))
print(type(rev).__name__ in ("range_iterator", "longrange_iterator"), next(rev), list(rev), next(rev, "done"))
print(list(reversed(range(-3, 3, 2))), list(range(-3, 3, 2))[::-1])
for i in reversed(range(1, 4)):
    print("countdown", i)
big = range(10 ** 20, 10 ** 20 + 3)
print(list(big), list(reversed(big)))
print([(i, j) for i in range(3) for j in reversed(range(i))])
