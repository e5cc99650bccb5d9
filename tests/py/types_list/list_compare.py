# Lexicographic comparison and equality of lists.
print([1, 2, 3] == [1, 2, 3], [1, 2, 3] == [1, 2], [1, 2] < [1, 2, 0], [1, 3] > [1, 2, 9])
print([] < [0], [] == [], [0] > [], [1, [2, 3]] < [1, [2, 4]], [[1]] == [[1]])
print([1, 2.0] == [1.0, 2], [True] == [1], ["a"] < ["b"], ["a", 1] < ["a", 2])
print([float("nan")] == [float("nan")])
n = float("nan")
print([n] == [n], [n] < [n])
print(max([[1, 2], [1, 3], [0, 9]]), min([[2], [1, 5], [1]]))
print(sorted([[3, "c"], [1, "z"], [1, "a"]]))
class Noisy:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print(f"  eq {self.v} {o.v}")
        return self.v == o.v
    def __lt__(self, o):
        print(f"  lt {self.v} {o.v}")
        return self.v < o.v
print([Noisy(1), Noisy(2)] < [Noisy(1), Noisy(3)])
print([Noisy(5)] == [Noisy(5), Noisy(6)])
print([1, 2] != [1, 2], [1, 2] <= [1, 2], [1, 2] >= [1, 3])
a = [1]
a.append(a)
print(a == a, a[1] is a)
