# tuple.count and tuple.index with ranges and errors.
t = ("a", "b", "a", "c", "a", [1], [1])
print(t.count("a"), t.count([1]), t.count("z"), t.count(1))
print(t.index("a"), t.index("a", 1), t.index("a", 3), t.index("c", -5), t.index([1]))
for args in [("z",), ("b", 2), ("a", 5, 6)]:
    try:
        t.index(*args)
    except ValueError as e:
        print(type(e).__name__, e)
print((1, 1.0, True).count(1), (0, False, 0.0, None).count(0), (float("nan"),).count(float("nan")))
n = float("nan")
print((n, n).count(n), (n,).index(n))
print(tuple.count((1, 2, 1), 1), tuple.index((5, 6), 6))
try:
    (1, 2).append(3)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1,).count()
except TypeError as e:
    print(type(e).__name__, e)
print([m for m in dir(()) if not m.startswith("_")])
