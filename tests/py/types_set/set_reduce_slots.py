# set/frozenset __reduce__ includes __slots__ state; set(dict) and
# set operations reuse the stored hashes.

class SS(set):
    __slots__ = ('x', '__dict__')

s = SS([1, 2])
s.x = 3
print(s.__reduce__()[1:], )
s.y = 4
print(s.__reduce__()[1:])
print(set([1]).__reduce__())

class HashCountingInt(int):
    def __init__(self, *args):
        self.hash_count = 0
    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)

d = dict.fromkeys(map(HashCountingInt, range(10)))
for thetype in (set, frozenset):
    s = thetype(d)
    s.difference(d)
    if hasattr(s, 'symmetric_difference_update'):
        s.symmetric_difference_update(d)
    dict.fromkeys(set(d))
print(sum(e.hash_count for e in d))
