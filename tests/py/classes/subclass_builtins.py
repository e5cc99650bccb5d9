# Subclassing built-in types: list, dict, str, int, tuple, exceptions.
class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), len(s), type(s).__name__, isinstance(s, list), s == [1, 2, 3])
print(type(s + [4]).__name__, type(s[:1]).__name__, type(s * 2).__name__)
class CaseInsensitiveDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
    def __getitem__(self, key):
        return super().__getitem__(key.lower())
    def __contains__(self, key):
        return super().__contains__(key.lower())
d = CaseInsensitiveDict()
d["Name"] = "Ann"
d["AGE"] = 3
print(d["NAME"], d["age"], "nAmE" in d, dict(d), d.get("Name"))
class Celsius(float):
    def __new__(cls, value):
        if value < -273.15:
            raise ValueError("too cold")
        return super().__new__(cls, value)
    def __repr__(self):
        return f"{float(self)}°C"
c = Celsius(21.5)
print(c, repr(c), c + 1, type(c + 1).__name__, isinstance(c, float))
try:
    Celsius(-500)
except ValueError as e:
    print(type(e).__name__, e)
class Even(int):
    def __new__(cls, v):
        return super().__new__(cls, v - v % 2)
print(Even(7), Even(8), Even(7) + 1, type(Even(3) * 2).__name__)
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def shout(self):
        return self + "!"
u = Upper("hey")
print(u, u.shout(), type(u.shout()).__name__, u.lower(), len(u), u == "HEY")
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
    def __repr__(self):
        return f"Pair{tuple.__repr__(self)}"
p = Pair(1, 2)
print(p, p.first, p[1], len(p), p == (1, 2), hash(p) == hash((1, 2)))
a, b = p
print(a, b)
class Histogram(dict):
    def __missing__(self, k):
        return 0
    def add(self, k):
        self[k] += 1
h = Histogram()
for ch in "mississippi":
    h.add(ch)
print(sorted(h.items()), h["z"])
class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(f"[{code}] {message}")
        self.code = code
try:
    raise AppError(404, "not found")
except AppError as e:
    print(e, e.code, e.args, repr(e))
class MySet(set):
    pass
ms = MySet([1, 2])
print(type(ms | {3}).__name__, sorted(ms | {3}), isinstance(ms, set))
class Frozen(frozenset):
    pass
print(sorted(Frozen("aab")), type(Frozen("x")).__name__, hash(Frozen([1])) == hash(frozenset([1])))
class ListWithLen(list):
    def __len__(self):
        return 42
lw = ListWithLen([1])
print(len(lw), bool(lw), list(lw))
class NewAttrs(int):
    pass
n = NewAttrs(5)
n.label = "five"
print(n, n.label, n + n)
