# Aliasing pitfalls: repetition of nested lists, default args, copies.
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid, grid[0] is grid[1])
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid, grid[0] is grid[1])
row = [0, 0]
table = [row, row]
table[1][1] = 5
print(table, row)
a = [1, [2, 3]]
b = list(a)
c = a.copy()
d = a[:]
b[1].append(4)
print(a, b, c, d, b is a, b[1] is a[1])
def deep_copy(x):
    if isinstance(x, list):
        return [deep_copy(v) for v in x]
    if isinstance(x, dict):
        return {k: deep_copy(v) for k, v in x.items()}
    return x
e = deep_copy(a)
e[1].append(5)
print(a, e)
x = [1, 2, 3]
y = x
x = x + [4]
print(x, y)
x = y
x += [4]
print(x, y, x is y)
def modify(lst):
    lst.append("modified")
    lst = ["rebound"]
    return lst
orig = ["orig"]
print(modify(orig), orig)
lists = [[]] * 2
lists[0].append("shared")
print(lists)
m = [[1, 2], [3, 4]]
t = [list(r) for r in zip(*m)]
t[0][0] = 99
print(m, t)
