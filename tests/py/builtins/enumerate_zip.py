# enumerate() and zip(), including zip(strict=True) errors.
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("abc", start=-2)), list(enumerate([])))
e = enumerate(["x", "y"])
print(next(e), next(e), next(e, "done"), type(e).__name__)
print(list(enumerate(range(3), 10 ** 20))[:2])
print(list(zip()), list(zip([1, 2, 3])), list(zip("ab", [1, 2, 3])), list(zip("abc", range(3), [True] * 3)))
print(dict(zip("abc", range(3))), list(zip(*[(1, "a"), (2, "b")])), list(zip(*zip("xy", "12"))))
print(list(zip([1, 2], [3, 4], strict=True)))
for args in [([1, 2], [3]), ([1], [2, 3]), ([1, 2], [3, 4], [5]), ([], [1]), ([1, 2, 3], "ab", "abc")]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print(type(e).__name__, e)
consumed = []
def gen(name, n):
    for i in range(n):
        consumed.append(f"{name}{i}")
        yield i
print(list(zip(gen("a", 3), gen("b", 2))), consumed)
z = zip([1, 2], "ab")
print(iter(z) is z, next(z), list(z), list(z))
try:
    zip(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    enumerate(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    enumerate([1], "1")
except TypeError as e:
    print(type(e).__name__, e)
names, scores = ["ann", "bob"], [90, 80]
for i, (n, s) in enumerate(zip(names, scores), 1):
    print(f"{i}. {n}: {s}")
