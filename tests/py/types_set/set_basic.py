# Set creation, membership, len, dedup; int sets print in a stable order.
s = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3}
print(s, len(s), 4 in s, 7 in s, 7 not in s)
print(set(), set([1, 2, 2]), set(range(5)), set("hello") == {"h", "e", "l", "o"}, set((1, 1)))
print(sorted(set("mississippi")), len(set("mississippi")))
print(type(set()).__name__, type({1}).__name__, type({}).__name__)
e = set()
print(e, len(e), bool(e), bool({0}))
words = ["b", "a", "b", "c", "a"]
print(sorted(set(words)), list(dict.fromkeys(words)))
print({1, 2} == {2, 1}, {1, 2} == {1, 2, 3}, {1} == [1], set() == frozenset())
print({x % 5 for x in range(20)}, {(1, 2), (1, 2)}, {None, None})
print(sum({1, 2, 3}), max({4, 8, 1}), min({4, 8, 1}), sorted({3, 1, 2}, reverse=True))
print(set([-1, -2, 0, 5]) == {0, 5, -1, -2}, sorted({-5, 10, -3}))
