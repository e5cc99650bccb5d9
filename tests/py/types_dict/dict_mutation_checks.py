# Keys changed during iteration, update() of a mutating source, setdefault's
# single lookup, fromkeys reusing stored hashes.
d = {0: 0}
try:
    for k in d:
        del d[0]
        d[0] = 0
except RuntimeError as e:
    print(e)
d = {0: 0, 1: 1}
try:
    for v in d.values():
        d.pop(v)
        d[v + 10] = v
except RuntimeError as e:
    print(e)

class X:
    def __hash__(self):
        return 0
    def __eq__(self, o):
        other.clear()
        return False

other = dict((i, 0) for i in range(1, 50))
other[X()] = 0
d = {X(): 0, 1: 1}
try:
    d.update(other)
except RuntimeError as e:
    print(e)

class Hashed:
    def __init__(self):
        self.hash_count = 0
        self.eq_count = 0
    def __hash__(self):
        self.hash_count += 1
        return 42
    def __eq__(self, other):
        self.eq_count += 1
        return id(self) == id(other)

h1 = Hashed()
y = {h1: 5}
h2 = Hashed()
print(y.setdefault(h2, []), h1.hash_count, h2.hash_count, h1.eq_count + h2.eq_count)

class HashCountingInt(int):
    def __init__(self, *args):
        self.hash_count = 0
    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)

d = dict.fromkeys(map(HashCountingInt, range(10)))
s = set(d)
d2 = dict.fromkeys(s)
d3 = dict.fromkeys(frozenset(d), 123)
d4 = dict.fromkeys(d)
print(sum(e.hash_count for e in d), d3 == dict.fromkeys(d, 123))
it = iter({1: 2, 3: 4}); print(it.__length_hint__()); next(it); print(it.__length_hint__())
