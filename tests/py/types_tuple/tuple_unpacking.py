# Tuple packing/unpacking in assignments, loops, function returns and swaps.
point = (3, 4)
x, y = point
print(x, y)
x, y = y, x
print(x, y)
a, b, c = "abc"
print(a, b, c)
(a, b), c = (1, 2), 3
print(a, b, c)
first, *middle, last = (1, 2, 3, 4, 5)
print(first, middle, last, type(middle).__name__)
def stats(values):
    return min(values), max(values), sum(values) / len(values)
lo, hi, avg = stats((4, 8, 15, 16, 23, 42))
print(lo, hi, avg)
records = [("ann", 3), ("bob", 5)]
for name, score in records:
    print(f"{name}: {score}")
for i, (name, score) in enumerate(records):
    print(i, name, score)
coords = [(1, 2, 3), (4, 5, 6)]
print([x + y + z for x, y, z in coords])
a = b = (1, 2)
print(a is b)
t = 1,
print(t, len(t))
def swap(pair):
    a, b = pair
    return b, a
print(swap((1, "x")))
fib = (0, 1)
for _ in range(10):
    fib = (fib[1], fib[0] + fib[1])
print(fib)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c, d = (1, 2)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (a, b), c = (1, 2, 3), 4
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = None
except TypeError as e:
    print(type(e).__name__, e)
data = {"x": (1, 2)}
(k, (v1, v2)), = data.items()
print(k, v1, v2)
