# Dictionary views: dynamic, set-like keys/items, len, membership, reversed.
d = {"a": 1, "b": 2, "c": 3}
keys, values, items = d.keys(), d.values(), d.items()
print(keys, values, items)
print(type(keys).__name__, type(values).__name__, type(items).__name__)
d["d"] = 4
del d["a"]
print(list(keys), list(values), list(items), len(keys))
print("b" in keys, 2 in values, ("b", 2) in items, ("b", 3) in items, "z" in keys)
print(keys & {"b", "x"}, sorted(keys | {"x"}), sorted(keys - {"b"}), sorted(keys ^ {"b", "y"}))
print(items & {("c", 3), ("c", 4)}, keys <= {"b", "c", "d", "e"}, keys == {"b", "c", "d"}, keys.isdisjoint({"q"}))
print(list(reversed(keys)), list(reversed(values)), list(reversed(items)))
other = {"c": 0, "d": 0, "e": 0}
print(sorted(d.keys() & other.keys()), sorted(d.keys() - other.keys()))
try:
    values & {1}
except TypeError as e:
    print(type(e).__name__, e)
print(d.values() == d.values(), d.keys() == d.keys())
it = iter(keys)
print(next(it))
d["new"] = 5
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
print(keys.mapping if hasattr(keys, "mapping") else "no mapping attr")
print(len(d.items()), sum(d.values()), max(d.keys()), sorted(d.items(), key=lambda kv: -kv[1]))
for k, v in d.items():
    print(k, v, end="; ")
print()
ks = list(d)
for k in ks:
    if d[k] % 2 == 0:
        del d[k]
print(d)
