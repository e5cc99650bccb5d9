# Key equality semantics: 1 == 1.0 == True share a slot; order-insensitive dict equality.
d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
d2 = {True: "first"}
d2[1] = "second"
print(d2)
d3 = {0: "zero", False: "false", 0.0: "float", -0.0: "neg"}
print(d3)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {"a": [1]} == {"a": [1]})
print({1: "x"} == {1.0: "x"}, {(1, 2): 0} == {(1.0, 2.0): 0}, {"a": 1} != {"a": 2})
n = float("nan")
dn = {n: 1}
print(dn[n], float("nan") in dn, n in dn)
print({frozenset([1, 2]): "fs"}[frozenset([2, 1])])
print({2 ** 64: "big"}[2.0 ** 64], {-1: "m"}.get(-1.0), {"é": 1}.get("e\u0301"))
class Key:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v % 10)
    def __eq__(self, o):
        return isinstance(o, Key) and self.v == o.v
    def __repr__(self):
        return f"Key({self.v})"
dk = {Key(1): "a", Key(11): "b", Key(1): "c"}
print(dk, len(dk))
print(Key(11) in dk, Key(21) in dk)
