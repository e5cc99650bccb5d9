# Extended iterable unpacking and star expressions.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *middle, z = range(6)
print(a, middle, z)
a, *middle, z = (1, 2)
print(a, middle, z)
(p, q), *others = [(1, 2), (3, 4), (5, 6)]
print(p, q, others)
head, *tail = [10]
print(head, tail)
x, (y, *ys), w = 1, [2, 3, 4], 5
print(x, y, ys, w)
print([*range(3), *"ab", *(7, 8)])
print((*[1, 2], 3))
print({*[1, 2], *{2, 3}} == {1, 2, 3})
print({**{"a": 1}, "b": 2, **{"a": 3}})
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], 3, *(4,), k=1, **{"m": 2}))
for a, *b in [(1, 2, 3), (4,), (5, 6)]:
    print(a, b)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
s = "xyz"
c1, c2, c3 = s
print(c1, c2, c3)
k1, k2 = {"one": 1, "two": 2}
print(k1, k2)
*all_items, = range(4)
print(all_items)
nested = [[1, [2, 3]], [4, [5, 6]]]
for a, (b, c) in nested:
    print(a + b + c, end=" ")
print()
print(*[1, 2, 3], sep="-")
print(*"abc")
print(max(*[3, 9, 2]))
