# Assignment targets: chained, tuple, nested, attributes, subscripts, slices.
a = b = c = [1]
a.append(2)
print(a, b, c, a is c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[m, n] = "mn"
print(m, n)
class Obj:
    pass
o = Obj()
o.a, o.b = 10, 20
print(o.a, o.b)
lst = [0] * 5
lst[0], lst[-1] = "first", "last"
print(lst)
lst[1:3] = ["x", "y", "z"]
print(lst)
i = 0
arr = [10, 20, 30]
i, arr[i] = 2, 99
print(i, arr)
d = {}
d["k"], d["j"] = d["j"], d["k"] = 1, 2
print(d)
first, second = third = (7, 8)
print(first, second, third)
for idx, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(idx, k, v)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 5
print(grid)
s = slice(1, None)
nums = [1, 2, 3, 4]
nums[s] = [9]
print(nums)
o.items = []
o.items += [1]
o.items[0:0] = [0]
print(o.items)
*a, = 1, 2
print(a)
k = [1, 2, 3]
k[::2] = ["a", "b"]
print(k)
try:
    k[::2] = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc"[0] = "z"
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).real = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    x, y = {"only": 1}
except ValueError as e:
    print(type(e).__name__, e)
