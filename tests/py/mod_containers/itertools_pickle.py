# Pickling and copying itertools objects whose state holds no builtin iterators.
import copy
import pickle
from itertools import *

def take(n, it):
    return list(islice(it, n))

for it in [count(3), count(1.5, 0.5), repeat(1, 3), repeat('x'), product('ab', 'cd'), product(range(2), repeat=2),
           permutations('abc', 2), combinations('abcd', 2), combinations_with_replacement('abc', 2)]:
    next(it)
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        it2 = pickle.loads(pickle.dumps(it, proto))
        a = take(6, it2)
        if proto == 0:
            print(type(it).__name__, a)
    c2 = copy.deepcopy(it)
    c3 = copy.copy(it)
    print(' copies', type(c2).__name__, take(2, c2), take(1, c3))
print(count(2**70).__reduce__(), repeat(None, 2).__reduce__(), product('ab').__reduce__())
p = permutations('abc'); next(p); next(p); print(p.__reduce__())
c = combinations('abcd', 3); print(c.__reduce__()); list(c); print(c.__reduce__())
p2 = product('ab', 'cd'); p2.__setstate__((1, 1)); print(list(p2))
p3 = permutations('abc', 2); next(p3); p3.__setstate__(((2, 1, 0), (1, 1))); print(list(p3))
c4 = combinations('abcd', 2); next(c4); c4.__setstate__((1, 2)); print(list(c4))
r = repeat('z', 5); next(r); print(list(pickle.loads(pickle.dumps(r))))
