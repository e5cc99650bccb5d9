# Dict creation, access, assignment, deletion, membership, len.
d = {"name": "Ann", "age": 30}
print(d, len(d), d["name"], "age" in d, "Ann" in d, "city" not in d)
d["city"] = "Paris"
d["age"] += 1
print(d)
del d["name"]
print(d, list(d), len(d))
empty = {}
print(empty, len(empty), bool(empty), bool(d), type(empty).__name__)
keys = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?", frozenset({1}): "fs"}
print(keys)
print(keys[1], keys[(1, 2)], keys[None], keys[frozenset([1])])
nested = {"a": {"b": {"c": 42}}}
print(nested["a"]["b"]["c"])
nested["a"]["b"]["d"] = [1, 2]
print(nested)
inventory = {}
for item in ["apple", "pear", "apple", "fig", "apple"]:
    inventory[item] = inventory.get(item, 0) + 1
print(inventory)
d2 = d
d2["new"] = 1
print(d is d2, d)
print(dict(a=1, b=2) == {"b": 2, "a": 1}, {1: 2} == {1: 2.0}, {} == dict())
print(d.__len__(), d.__getitem__("city"), d.__contains__("new"))
d.__setitem__("x", 9)
d.__delitem__("new")
print(d)
