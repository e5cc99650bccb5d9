# range objects: construction, iteration, repr, len, truthiness.
for r in [range(5), range(2, 8), range(0, 20, 5), range(10, 0, -3), range(0), range(5, 5), range(5, 0), range(-5, 5, 2)]:
    print(repr(r), list(r), len(r), bool(r))
print(range(3), str(range(1, 4)), repr(range(0, 10, 2)), range(-1))
print(list(range(3, -4, -1)), list(range(-10, -20, -4)), list(range(1, 2, 100)))
r = range(1, 10, 2)
print(r.start, r.stop, r.step, range(7).start, range(7).step)
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(5, 0, -1)))
print(type(range(1)).__name__, isinstance(range(1), range))
total = 0
for i in range(1, 11):
    total += i * i
print(total)
print(list(zip(range(3), range(10, 13))), dict(zip(range(3), "abc")))
print([i for i in range(20) if i % 7 == 3])
print(range(True, 3), list(range(False, True)))
class Idx:
    def __index__(self):
        return 4
print(range(Idx()), list(range(1, Idx())))
