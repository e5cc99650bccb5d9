# Nested loops: flags, early exit from functions, loop-else for search.
grid = [
    "#########",
    "#..S....#",
    "#.####..#",
    "#....#E.#",
    "#########",
]
def find(ch):
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell == ch:
                return r, c
    return None
print("S at", find("S"), "E at", find("E"), "X at", find("X"))
def pythagorean(limit):
    triples = []
    for a in range(1, limit):
        for b in range(a, limit):
            for c in range(b, limit):
                if a * a + b * b == c * c:
                    triples.append((a, b, c))
    return triples
print(pythagorean(21))
def first_pair_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                break
        else:
            continue
        break
    else:
        return None
    return i, j
print(first_pair_sum([2, 7, 11, 15], 9), first_pair_sum([1, 2, 3], 7), first_pair_sum([3, 3, 4], 7))
for size in range(1, 5):
    print(" ".join("*" * i for i in range(1, size + 1)))
table = []
for i in range(1, 6):
    row = []
    for j in range(1, 6):
        if j > i:
            break
        row.append(f"{i * j:2d}")
    table.append(" ".join(row))
print("\n".join(table))
count = 0
for a in range(5):
    for b in range(5):
        if (a + b) % 3 == 0:
            continue
        if a * b > 6:
            break
        count += 1
print("count", count)
def spiral(n):
    m = [[0] * n for _ in range(n)]
    dr, dc = [0, 1, 0, -1], [1, 0, -1, 0]
    r = c = d = 0
    for k in range(1, n * n + 1):
        m[r][c] = k
        nr, nc = r + dr[d], c + dc[d]
        if not (0 <= nr < n and 0 <= nc < n and m[nr][nc] == 0):
            d = (d + 1) % 4
            nr, nc = r + dr[d], c + dc[d]
        r, c = nr, nc
    return m
for row in spiral(4):
    print(" ".join(f"{v:2}" for v in row))
