# Generator expressions: laziness, early binding of the first iterable.
log = []
def source(n):
    for i in range(n):
        log.append(f"produce {i}")
        yield i
gen = (x * 10 for x in source(3))
print("created, log:", log)
print(next(gen), log)
print(list(gen))
print(log)
items = [1, 2, 3]
g = (x for x in items)
items = [100, 200]
print("first iterable bound early:", list(g))
y = 1
g = (x + y for x in range(3))
y = 10
print("other names bound late:", list(g))
print(sum(i * i for i in range(10)))
print(",".join(str(i) for i in range(5)))
print(any(x > 3 for x in [1, 5, 2]), all(x > 0 for x in [1, 2, -1]))
print(sorted((w for w in "the quick brown fox".split()), key=len))
def first(iterable, pred):
    return next((x for x in iterable if pred(x)), None)
print(first(range(100), lambda v: v * v > 50), first([], bool))
pairs = ((a, b) for a in range(3) for b in range(3) if a < b)
print(list(pairs))
nested = ((i, (j for j in range(i))) for i in range(3))
print([(i, list(inner)) for i, inner in nested])
g = (c.upper() for c in "abc")
print(list(g), list(g))
try:
    g = (1 / x for x in [1, 0])
    print(next(g))
    next(g)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)
g = (x for x in range(3))
print(type(g).__name__, iter(g) is g)
print(max((len(s), s) for s in ["aa", "b", "cccc", "dd"]))
matrix = [[1, 2], [3, 4], [5, 6]]
print(list(sum(row) for row in matrix), sum(v for row in matrix for v in row))
total = sum(1 for line in "a\nb\nc\n".splitlines() if line)
print(total)
print(dict((k, v) for k, v in zip("abc", range(3))))
print(tuple(str(x) for x in range(3)), set(x % 2 for x in range(5)))
