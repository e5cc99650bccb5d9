# Tuples as dict keys and set members; hashing requires hashable elements.
grid = {}
for r in range(3):
    for c in range(3):
        grid[(r, c)] = r * 3 + c
print(grid[(1, 2)], grid[2, 0], (0, 0) in grid, (5, 5) in grid)
visited = {(0, 0), (0, 1), (0, 0)}
print(sorted(visited), len(visited))
print(hash((1, 2, 3)) == hash((1, 2, 3)), hash(()) == hash(()), hash((1,)) != hash((1, 1)))
print(hash((1, 2)) == hash((1.0, 2)), hash((True,)) == hash((1,)))
for bad in [([1],), (1, {2: 3}), ((1, [2]),), (1, {3})]:
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    {(1, [2]): "x"}
except TypeError as e:
    print(type(e).__name__, e)
memo = {}
def paths(r, c):
    if (r, c) in memo:
        return memo[(r, c)]
    if r == 0 or c == 0:
        return 1
    memo[(r, c)] = paths(r - 1, c) + paths(r, c - 1)
    return memo[(r, c)]
print(paths(10, 10), len(memo))
edges = {("a", "b"): 4, ("b", "c"): 2, ("a", "c"): 7}
print(sorted(edges, key=edges.get), min(edges.items(), key=lambda kv: kv[1]))
pairs = {tuple(sorted(p)) for p in [("x", "y"), ("y", "x"), ("z", "x")]}
print(sorted(pairs))
print({(1, (2, (3,))): "deep"}[(1, (2, (3,)))])
