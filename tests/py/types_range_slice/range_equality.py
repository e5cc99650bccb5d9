# range equality compares the sequences, not the arguments; hashing is consistent.
print(range(0) == range(5, 5), range(0) == range(3, 1), range(0, 3, 2) == range(0, 4, 2))
print(range(1, 2) == range(1, 100, 50), range(3) == range(0, 3, 1), range(3) == [0, 1, 2], range(3) != range(4))
print(hash(range(0)) == hash(range(2, 2)), hash(range(0, 3, 2)) == hash(range(0, 4, 2)))
print({range(0, 5): "a"}[range(5)], len({range(0), range(1, 1), range(9, 2)}))
print(range(5, 0, -1) == range(5, 0, -1), range(5, 0, -1) == range(1, 6), list(range(5, 0, -1)) == list(reversed(range(1, 6))))
print(range(0, 10, 3) == range(0, 11, 3), range(0, 10, 3) == range(0, 9, 3))
print(range(2) in [range(0, 2)], range(1).__eq__(range(0, 1)), range(1).__eq__(5))
