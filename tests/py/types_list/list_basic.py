# List creation, indexing, len, concatenation, repetition, membership, identity.
empty = []
nums = [3, 1, 4, 1, 5, 9, 2, 6]
mixed = [1, "two", 3.0, None, [5], (6,), {"seven": 7}]
print(empty, nums, mixed, len(empty), len(nums), len(mixed))
print(nums[0], nums[-1], nums[3], mixed[4][0], mixed[6]["seven"])
print(nums + [0], [0] * 3, 2 * ["ab"], [] * 5, nums * 0)
print(4 in nums, 7 in nums, 7 not in nums, [5] in mixed, None in mixed)
a = [1, 2]
b = a
c = a[:]
b.append(3)
print(a, b, c, a is b, a is c, a == c + [3])
print(list(), list("abc"), list(range(4)), list((1, 2)), list({"k": 1}), list({3}))
print(nums.__len__(), nums.__getitem__(2), nums.__contains__(9))
nums[0] = 30
nums[-1] *= 10
print(nums)
matrix = [[0] * 3 for _ in range(3)]
for i in range(3):
    matrix[i][i] = 1
print(matrix)
print(sum(nums), max(nums), min(nums), sorted(nums), nums)
print([x for x in nums if x > 4], [x * 2 for x in nums[:3]])
print(bool([]), bool([0]), [] == [], [1, 2] != [2, 1])
print(type([]).__name__, isinstance([], list), list.__name__)
