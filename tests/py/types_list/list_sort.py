# sort/sorted: keys, reverse, stability, mixed types, errors.
people = [("Ann", 31, "NY"), ("bob", 25, "LA"), ("Cid", 31, "SF"), ("dee", 25, "NY"), ("Eve", 40, "LA")]
print(sorted(people))
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (p[2], -p[1])))
print(sorted(people, key=lambda p: p[0].lower()))
by_city = sorted(people, key=lambda p: p[2])
by_age_then_city = sorted(by_city, key=lambda p: p[1])
print([p[0] for p in by_age_then_city])
print(sorted([3, 1, 2], reverse=True), sorted("hello"), sorted((5, 2)), sorted({3: "a", 1: "b"}))
print(sorted([2.5, 1, True, -3, 0.0]), sorted([[2, 1], [1, 5], [1, 2, 3], []]))
print(sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int), sorted(["b", "A", "a", "B"]))
data = [5, 2, 9, 1]
result = sorted(data)
print(result, data, result is data)
data.sort(key=lambda x: -x)
print(data)
stable = [("x", 1), ("y", 1), ("z", 0), ("w", 1)]
print(sorted(stable, key=lambda t: t[1]), sorted(stable, key=lambda t: t[1], reverse=True))
for bad in [[1, "a"], [None, 1], [1j, 2j], [{}, {}]]:
    try:
        sorted(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print(type(e).__name__, e)
lst = [3, 1, 2]
try:
    def bad_key(x):
        lst.append(x)
        return x
    lst.sort(key=bad_key)
except ValueError as e:
    print(type(e).__name__, e)
class Card:
    order = "23456789TJQKA"
    def __init__(self, s):
        self.rank, self.suit = s[0], s[1]
    def __lt__(self, other):
        return Card.order.index(self.rank) < Card.order.index(other.rank)
    def __repr__(self):
        return self.rank + self.suit
print(sorted([Card(c) for c in ["Ks", "2h", "Ad", "Tc", "2c"]]))
print(min([Card("9s"), Card("3d")]), max([Card("9s"), Card("Jd")]))
print(sorted(range(10), key=lambda n: (n % 3, -n)))
