# __getitem__/__setitem__/__delitem__ with ints, slices, tuples; __missing__; __index__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = [["."] * w for _ in range(h)]
    def __getitem__(self, key):
        if isinstance(key, tuple):
            r, c = key
            return self.cells[r][c]
        return "".join(self.cells[key])
    def __setitem__(self, key, value):
        r, c = key
        self.cells[r][c] = value
    def __delitem__(self, key):
        r, c = key
        self.cells[r][c] = "."
g = Grid(4, 3)
g[0, 0] = "#"
g[1, 2] = "@"
g[2, -1] = "$"
print(g[0], g[1], g[2], g[1, 2])
del g[1, 2]
print(g[1])
class Recorder:
    def __getitem__(self, key):
        return key
r = Recorder()
print(r[1], r[1:2], r[::3], r[1:2, 3], r[...], r["k"], r[:, None])
s = r[5:1:-1]
print(type(s).__name__, s.start, s.stop, s.step, s.indices(10))
class Sequence:
    def __init__(self, data):
        self.data = data
    def __len__(self):
        return len(self.data)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Sequence(self.data[i])
        return self.data[i]
    def __repr__(self):
        return f"Sequence({self.data})"
sq = Sequence([10, 20, 30, 40, 50])
print(sq[0], sq[-1], sq[1:4], sq[::-2], list(sq), list(reversed(sq)))
try:
    sq[10]
except IndexError as e:
    print(type(e).__name__, e)
class Defaulting(dict):
    def __missing__(self, key):
        value = f"<{key}>"
        self[key] = value
        return value
d = Defaulting(a=1)
print(d["a"], d["b"], d, d.get("c"), "c" in d)
class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
lst = ["a", "b", "c", "d"]
print(lst[Idx(2)], lst[Idx(1):Idx(3)], "xyz"[Idx(0)], range(10)[Idx(4)])
try:
    lst["1"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    lst[1.0]
except TypeError as e:
    print(type(e).__name__, e)
class ReadOnly:
    def __getitem__(self, k):
        return k * 2
ro = ReadOnly()
try:
    ro[1] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del ro[1]
except TypeError as e:
    print(type(e).__name__, e)
try:
    object()[0]
except TypeError as e:
    print(type(e).__name__, e)
class Sparse:
    def __init__(self):
        self.data = {}
    def __getitem__(self, i):
        return self.data.get(i, 0)
    def __setitem__(self, i, v):
        if v == 0:
            self.data.pop(i, None)
        else:
            self.data[i] = v
sp = Sparse()
sp[1000000] = 5
sp[3] = 1
sp[3] = 0
print(sp[1000000], sp[3], sp.data)
