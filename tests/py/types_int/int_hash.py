# hash() of integers: identity for small values, modulus reduction for big ones.
M = 2 ** 61 - 1
for n in [0, 1, -1, -2, 42, -42, 2 ** 32, 2 ** 60, M - 1, M, M + 1, 2 * M, -M, 2 ** 64, -(2 ** 64), 10 ** 30]:
    print(n, hash(n))
print(hash(-1) == hash(-2), hash(True), hash(False))
print(all(hash(n) == n for n in range(-1000, 1000) if n != -1))
print(hash(10 ** 30) == (10 ** 30) % M, hash(-(10 ** 30)) == -((10 ** 30) % M))
print(hash(1) == hash(1.0) == hash(True), hash(2 ** 70) == hash(float(2 ** 70)))
print(hash(0.5) == hash(0.5), hash(-0.0) == hash(0))
print(len({1, 1.0, True}), len({0, 0.0, False, -0.0}))
