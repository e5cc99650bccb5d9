# while loops with else, break, continue, and conditions.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps:", steps)
i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    print("i =", i)
else:
    print("while finished normally")
def search(target, items):
    idx = 0
    while idx < len(items):
        if items[idx] == target:
            print(f"  found {target!r} at {idx}")
            break
        idx += 1
    else:
        print(f"  {target!r} not found")
search("c", list("abcd"))
search("z", list("abcd"))
count = 0
while True:
    count += 1
    if count >= 4:
        break
print("count", count)
stack = [1, [2, [3, [4]]]]
depth = 0
while stack:
    depth += 1
    stack = stack[-1] if isinstance(stack[-1], list) else []
print("depth", depth)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
x = 10
while x:
    x -= 3
    if x < 0:
        print("went negative:", x)
        break
else:
    print("never: x hit exactly zero")
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(17, 5), gcd(0, 9))
queue = [1]
seen = []
while queue:
    v = queue.pop(0)
    seen.append(v)
    if v < 20:
        queue.extend([v * 2, v * 3])
print(seen)
k = 0
while k < 3:
    k += 1
    try:
        continue
    finally:
        print("finally on continue", k)
