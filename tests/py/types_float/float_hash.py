# hash() of floats matches hash of equal ints; special values.
for v in [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, -2.5, 2.0 ** 64, 1e100, 3.0, 1e-10, 0.1]:
    print(repr(v), hash(v))
print(hash(float("inf")), hash(float("-inf")))
print(hash(1.0) == hash(1), hash(2.0 ** 64) == hash(2 ** 64), hash(-1.0) == hash(-1))
print(hash(0.5) == hash(0.5), hash(1e100) == hash(int(1e100)))
d = {1: "one", 2.0: "two"}
print(d[1.0], d[2], 2 in d, 2.5 in d)
s = {1.0, 1, 2.0, 2, 3.5}
print(sorted(s), len(s))
print({0.0: "a", -0.0: "b"}, {x: None for x in [1, 1.0, True]})
