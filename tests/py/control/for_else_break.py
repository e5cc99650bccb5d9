# for loops with else, break and continue.
def find_first_negative(nums):
    for i, n in enumerate(nums):
        if n < 0:
            print(f"  found {n} at index {i}")
            break
    else:
        print("  no negative numbers")
        return None
    return i
print(find_first_negative([3, 1, -4, 1, -5]))
print(find_first_negative([1, 2, 3]))
print(find_first_negative([]))
primes = []
for n in range(2, 40):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
for c in "skip vowels":
    if c in "aeiou":
        continue
    print(c, end="")
print()
total = 0
for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    total += i
else:
    print("never printed")
print("total", total)
for x in []:
    print("never")
else:
    print("else runs for empty loop")
for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == j:
            continue
        print("pair", i, j)
    else:
        print("inner else never runs")
for i in range(3):
    pass
print("loop variable after loop:", i)
data = [1, 2, 3]
for item in data:
    if item == 2:
        data.append(4)
    print("item", item)
print(data)
for k, v in sorted({"b": 2, "a": 1}.items()):
    print(k, v)
for i, (a, b) in enumerate(zip("xyz", range(10, 13)), start=1):
    print(i, a, b)
it = iter(range(5))
for v in it:
    if v == 1:
        next(it)
    print("v", v)
for i in range(5):
    try:
        if i == 3:
            break
    finally:
        print("finally", i)
