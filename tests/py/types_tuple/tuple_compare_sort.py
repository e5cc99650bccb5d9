# Tuple comparisons are lexicographic; used as composite sort keys.
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), () < (0,), (1, "a") < (1, "b"))
print((1, 2) == (1, 2), (1, 2) == [1, 2], (1, 2.0) == (1.0, 2), (0,) == (False,))
print(max([(1, "z"), (2, "a"), (2, "b")]), min([(0, 5), (0, -5)]))
employees = [("Sales", "Zed", 50000), ("IT", "Amy", 72000), ("Sales", "Bea", 61000), ("IT", "Cal", 72000), ("HR", "Dan", 45000)]
for e in sorted(employees):
    print(e)
print([e[1] for e in sorted(employees, key=lambda e: (-e[2], e[1]))])
print([e[1] for e in sorted(employees, key=lambda e: (e[0], -e[2]))])
try:
    (1, 2) < (1, "a")
except TypeError as e:
    print(type(e).__name__, e)
print((1, "a") < (2, 3))
try:
    (1, 2) < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
versions = ["1.10.2", "1.2.10", "1.2.9", "0.9", "1.10"]
print(sorted(versions, key=lambda v: tuple(int(p) for p in v.split("."))))
n = float("nan")
t = (n,)
print(t == t, (n,) == (n,), [t] == [t])
