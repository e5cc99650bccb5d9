# Iterating lists: enumerate, reversed, zip, mutation during iteration patterns.
fruits = ["apple", "banana", "cherry"]
for i, f in enumerate(fruits):
    print(i, f)
for i, f in enumerate(fruits, 1):
    print(f"{i}. {f}")
print(list(reversed(fruits)), fruits[::-1] == list(reversed(fruits)))
for f, n in zip(fruits, [3, 6]):
    print(f, n)
nums = [1, 2, 3, 4, 5, 6]
for x in nums[:]:
    if x % 2 == 0:
        nums.remove(x)
print(nums)
nums = [1, 2, 3, 4, 5, 6]
nums = [x for x in nums if x % 2]
print(nums)
nums = [1, 2, 3, 4, 5, 6]
for i in range(len(nums) - 1, -1, -1):
    if nums[i] % 3 == 0:
        del nums[i]
print(nums)
it = iter([10, 20, 30])
print(next(it), list(it), list(it))
lst = [1, 2, 3]
r = reversed(lst)
lst.append(4)
print(list(r))
squares = []
for n in range(5):
    squares.append(n * n)
print(squares)
lst = [0]
for v in lst:
    if v < 5:
        lst.append(v + 1)
print(lst)
pairs = list(zip(*[iter(range(8))] * 2))
print(pairs)
for a, b in zip(fruits, fruits[1:]):
    print(a, "->", b)
running = []
total = 0
for v in [3, 1, 4, 1, 5]:
    total += v
    running.append(total)
print(running)
print(list(enumerate("ab", start=-1)), list(map(list, zip("ab", "cd"))))
