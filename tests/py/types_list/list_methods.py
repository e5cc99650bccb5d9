# list methods.
items = ["b", "a"]
items.append("c")
items.extend(["d", "e"])
items.extend("fg")
items.extend(range(2))
print(items)
items.insert(0, "start")
items.insert(100, "end")
items.insert(-1, "before-end")
items.insert(-100, "very-start")
print(items)
print(items.pop(), items.pop(0), items.pop(-2), items)
items.remove("a")
print(items, items.index("c"), items.index("d", 2), items.count("b"), items.count("zzz"))
items.reverse()
print(items)
cp = items.copy()
cp.append("only in copy")
print(len(items), len(cp))
items.clear()
print(items)
nums = [5, 3, 8, 1]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
print(nums.sort() is None, nums.append(1) is None, nums)
words = ["banana", "Apple", "cherry"]
words.sort(key=str.lower)
print(words)
l = [1, 2, 3, 2, 1]
print(l.index(2), l.index(2, 2), l.index(1, -1), l.count(2))
l2 = [[1], [1]]
l2[0].append(2)
print(l2, l2.count([1]), l2.index([1]))
stack = []
for v in range(3):
    stack.append(v)
print(stack.pop(), stack.pop(), stack)
queue = [1, 2, 3]
print(queue.pop(0), queue)
print(list.append.__name__, [].append.__qualname__ if hasattr([].append, "__qualname__") else "list.append")
