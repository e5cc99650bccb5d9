# Insertion order guarantees.
d = {}
for k in ["zebra", "apple", "mango", "banana"]:
    d[k] = len(k)
print(list(d))
d["apple"] = 100
print(list(d), d["apple"])
del d["zebra"]
d["zebra"] = 0
print(list(d))
d.pop("mango")
d.setdefault("mango", 1)
print(list(d))
merged = {"b": 1, "a": 2}
merged.update({"c": 3, "b": 4})
print(merged)
print({**{"x": 1, "y": 2}, **{"y": 3, "w": 4}})
print(dict(zip("dcba", range(4))), dict([("z", 1), ("a", 2), ("z", 3)]))
print({k: None for k in "hello"})
e = {1: "a", 2: "b", 3: "c"}
print(e.popitem(), list(e), list(reversed(e)))
print(list({3: 0, 1: 0, 2: 0}), list({"b": 0, "a": 0}))
big = {}
for i in range(100, 0, -7):
    big[i] = i
for i in range(100, 0, -14):
    del big[i]
print(list(big))
for i in range(5):
    big[i * 1000] = i
print(list(big)[-6:])
print({1: 1, 2: 2} == {2: 2, 1: 1}, list({1: 1, 2: 2}) == list({2: 2, 1: 1}))
