# List, set, dict comprehensions and generator expressions.
print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[r * 3 + c for c in range(3)] for r in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row])
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
print({n % 4 for n in range(10)})
print({k: len(k) for k in ["apple", "kiwi", "banana"]})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({i: i * i for i in range(5) if i != 2})
gen = (x * 10 for x in range(4))
print(type(gen).__name__, next(gen), list(gen), list(gen))
print(sum(x for x in range(101)))
print(["even" if x % 2 == 0 else "odd" for x in range(4)])
x = "outer"
print([x for x in "ab"], x)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
n = 3
print([[n * i for i in range(n)] for n in range(1, 3)], n)
class K:
    values = [1, 2, 3]
    doubled = [v * 2 for v in values]
    total = sum(v for v in values)
print(K.doubled, K.total)
words = ["apple", "avocado", "banana", "blueberry", "cherry"]
groups = {w[0]: [x for x in words if x[0] == w[0]] for w in words}
print(groups)
print([(i, c) for i, c in enumerate("xyz") if i != 1])
print([a + b for a, b in zip([1, 2, 3], [10, 20, 30])])
print(list(y for y in (z * 2 for z in range(5)) if y > 2))
print([[c for c in w if c in "aeiou"] for w in ["sky", "queue", "tree"]])
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print([i for i in range(5)][::-1], [*(i for i in range(3))])
try:
    [1 / v for v in [1, 0]]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print([undefined_name for _ in range(1)])
except NameError as e:
    print(type(e).__name__, e)
print(max(len(w) for w in words), min((len(w), w) for w in words))
