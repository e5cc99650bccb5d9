# dict methods: get, setdefault, pop, popitem, update, clear, copy, fromkeys, keys/values/items.
d = {"a": 1, "b": 2, "c": 3}
print(d.get("a"), d.get("z"), d.get("z", "default"), d.get("b", 99))
print(d.setdefault("a", 100), d.setdefault("d", 4), d.setdefault("e"), d)
print(d.pop("e"), d.pop("zzz", "missing"), d)
try:
    d.pop("zzz")
except KeyError as e:
    print(type(e).__name__, e)
print(d.popitem(), d.popitem(), d)
d.update({"x": 10, "a": -1})
d.update([("y", 20), ("z", 30)])
d.update(w=40, x=11)
d.update()
print(d)
c = d.copy()
c["a"] = "changed"
print(d["a"], c["a"], c is d, c == d)
print(dict.fromkeys("abc"), dict.fromkeys(["x", "y"], 0), dict.fromkeys(range(3), []))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared)
print(list(d.keys()), list(d.values()), list(d.items()))
d.clear()
print(d, len(d))
groups = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    d.update([("a", 1, 2)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    d.update(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.get()
except TypeError as e:
    print(type(e).__name__, e)
nested = {"k": [1]}
shallow = nested.copy()
shallow["k"].append(2)
print(nested)
print(sorted(m for m in dir({}) if not m.startswith("_")))
