# zip, enumerate and tuples for record processing.
names = ("ann", "bob", "cid", "dee")
ages = (31, 25, 47, 25)
cities = ("NY", "LA", "SF")
print(list(zip(names, ages)), list(zip(names, ages, cities)))
people = tuple(zip(names, ages))
print(people, dict(people))
unzipped = tuple(zip(*people))
print(unzipped, unzipped[0] == names)
oldest = max(people, key=lambda p: p[1])
youngest = min(people, key=lambda p: (p[1], p[0]))
print(oldest, youngest)
by_age = {}
for name, age in people:
    by_age[age] = by_age.get(age, ()) + (name,)
print(by_age)
totals = tuple(sum(col) for col in zip((1, 2, 3), (10, 20, 30), (100, 200, 300)))
print(totals)
matrix = ((1, 2, 3), (4, 5, 6))
print(tuple(zip(*matrix)))
print(tuple(enumerate(names, 1)))
pairs = tuple((a, b) for a in range(3) for b in range(a))
print(pairs, len(pairs))
try:
    list(zip(names, ages, cities, strict=True))
except ValueError as e:
    print(type(e).__name__, e)
