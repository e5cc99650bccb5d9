# hash() of built-in hashable values (ints, floats, tuples, frozensets of ints, None-free cases).
print(hash(0), hash(1), hash(-1), hash(-2), hash(10 ** 20), hash(2 ** 61 - 1), hash(2 ** 61))
print(hash(1.0), hash(1.5), hash(-0.5), hash(float("inf")), hash(True), hash(False))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash((-1,)), hash((1.0, 2)) == hash((1, 2)))
print(hash(1 + 0j) == hash(1), hash(frozenset()) == hash(frozenset([])), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print(hash(range(3)) == hash(range(0, 3)), hash(slice) == hash(slice), hash(b"x") == hash(b"x"))
print(hash("text") == hash("te" + "xt"), hash(None) == hash(None), hash(...) == hash(Ellipsis))
for bad in [[], {}, set(), bytearray(), ([],), slice(1)]:
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
class H:
    def __hash__(self):
        return -1
print(hash(H()))
class Big:
    def __hash__(self):
        return 2 ** 70
print(hash(Big()) == hash(2 ** 70))
class Sub(int):
    pass
print(hash(Sub(5)), hash(Sub(-1)))
