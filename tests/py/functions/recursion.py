# Classic recursive algorithms.
def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)
print([factorial(i) for i in range(10)], factorial(30))
def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(90))
def hanoi(n, src, dst, via, moves):
    if n == 0:
        return moves
    hanoi(n - 1, src, via, dst, moves)
    moves.append(f"{src}->{dst}")
    hanoi(n - 1, via, dst, src, moves)
    return moves
m = hanoi(3, "A", "C", "B", [])
print(len(m), " ".join(m))
print(len(hanoi(10, "A", "C", "B", [])))
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print(ackermann(2, 3), ackermann(3, 3))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(7))
def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            result.append([items[i]] + p)
    return result
print(["".join(p) for p in permutations(list("abc"))])
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(sorted(power_set([1, 2, 3]), key=lambda x: (len(x), x)))
def binary_search(arr, target, lo=0, hi=None):
    if hi is None:
        hi = len(arr) - 1
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == target:
        return mid
    if arr[mid] < target:
        return binary_search(arr, target, mid + 1, hi)
    return binary_search(arr, target, lo, mid - 1)
data = list(range(0, 100, 3))
print(binary_search(data, 27), binary_search(data, 28), binary_search(data, 99))
def flatten(x):
    if not isinstance(x, (list, tuple)):
        return [x]
    out = []
    for item in x:
        out.extend(flatten(item))
    return out
print(flatten([1, (2, [3, [4, (5,)]]), [[[]]], 6]))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(462, 1071), gcd(2 ** 40, 6 ** 20))
def count_change(amount, coins):
    if amount == 0:
        return 1
    if amount < 0 or not coins:
        return 0
    return count_change(amount - coins[0], coins) + count_change(amount, coins[1:])
print(count_change(100, [50, 25, 10, 5, 1]))
def depth(tree):
    if not isinstance(tree, list) or not tree:
        return 0
    return 1 + max(depth(t) for t in tree)
print(depth([1, [2, [3, [4]]], [5]]), depth([]))
def sum_digits(n):
    return n if n < 10 else n % 10 + sum_digits(n // 10)
print(sum_digits(987654321), sum_digits(2 ** 100))
print(factorial(500) % 1000003)
