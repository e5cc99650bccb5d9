# range.count, range.index, membership (fast for ints).
r = range(3, 50, 4)
print(r.count(7), r.count(8), r.count(7.0), r.index(11), r.index(47))
print(7 in r, 8 in r, 7.0 in r, "7" in r, 51 in r, -1 in r, 3 in r, 50 in r)
for bad in [8, 100, 7.5, "x"]:
    try:
        r.index(bad)
    except ValueError as e:
        print(type(e).__name__, e)
neg = range(10, -10, -3)
print(list(neg), 1 in neg, 4 in neg, neg.index(-8), neg.count(10))
huge = range(-10 ** 20, 10 ** 20, 7)
print(10 ** 19 in huge, 10 ** 19 + 3 in huge, huge.index(-10 ** 20 + 14))
class Eq:
    def __eq__(self, other):
        return other == 5
print(Eq() in range(10), Eq() in range(6, 10), range(10).count(Eq()))
print(True in range(2), range(3).count(True))
