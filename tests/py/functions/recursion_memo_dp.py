# Recursion with memoisation vs bottom-up dynamic programming.
calls = {"naive": 0, "memo": 0}
def fib_naive(n):
    calls["naive"] += 1
    return n if n < 2 else fib_naive(n - 1) + fib_naive(n - 2)
def fib_memo(n, cache={}):
    calls["memo"] += 1
    if n < 2:
        return n
    if n not in cache:
        cache[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return cache[n]
print(fib_naive(20), fib_memo(20), calls)
print(fib_memo(300))
def lcs(a, b):
    memo = {}
    def go(i, j):
        if i == len(a) or j == len(b):
            return ""
        if (i, j) not in memo:
            if a[i] == b[j]:
                memo[(i, j)] = a[i] + go(i + 1, j + 1)
            else:
                x, y = go(i + 1, j), go(i, j + 1)
                memo[(i, j)] = x if len(x) >= len(y) else y
        return memo[(i, j)]
    return go(0, 0)
print(lcs("AGGTAB", "GXTXAYB"), lcs("kitten", "sitting"), repr(lcs("abc", "xyz")))
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
print([edit_distance(x, y) for x, y in [("kitten", "sitting"), ("", "abc"), ("flaw", "lawn"), ("same", "same")]])
def knapsack(items, capacity):
    best = [0] * (capacity + 1)
    choice = [[] for _ in range(capacity + 1)]
    for name, weight, value in items:
        for c in range(capacity, weight - 1, -1):
            if best[c - weight] + value > best[c]:
                best[c] = best[c - weight] + value
                choice[c] = choice[c - weight] + [name]
    return best[capacity], choice[capacity]
print(knapsack([("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
                ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40)], 200))
def partitions(n, largest=None):
    largest = n if largest is None else largest
    if n == 0:
        return 1
    return sum(partitions(n - k, k) for k in range(1, min(n, largest) + 1))
print([partitions(n) for n in range(1, 16)])
def climb(n, steps=(1, 2, 3)):
    ways = [1] + [0] * n
    for i in range(1, n + 1):
        ways[i] = sum(ways[i - s] for s in steps if s <= i)
    return ways[n]
print(climb(10), climb(30), climb(10, (2, 5)))
