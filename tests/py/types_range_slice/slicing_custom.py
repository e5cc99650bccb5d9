# Custom containers receiving slice objects and tuples of slices (2-D slicing).
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __getitem__(self, key):
        if isinstance(key, tuple):
            rsel, csel = key
            rows = self.rows[rsel] if isinstance(rsel, slice) else [self.rows[rsel]]
            out = [r[csel] if isinstance(csel, slice) else [r[csel]] for r in rows]
            if not isinstance(rsel, slice) and not isinstance(csel, slice):
                return out[0][0]
            return Matrix(out)
        if isinstance(key, slice):
            return Matrix(self.rows[key])
        return self.rows[key]
    def __setitem__(self, key, value):
        r, c = key
        self.rows[r][c] = value
    def __repr__(self):
        return "Matrix(" + "; ".join(" ".join(map(str, r)) for r in self.rows) + ")"
m = Matrix([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])
print(m[1], m[1, 2], m[0:2], m[:, 1:3], m[::2, ::3], m[1, :], m[:, -1], m[::-1, ::-1])
m[0, 0] = 100
print(m[0])
class Logger:
    def __getitem__(self, key):
        return f"getitem({key!r})"
    def __setitem__(self, key, value):
        print(f"  setitem({key!r}, {value!r})")
    def __delitem__(self, key):
        print(f"  delitem({key!r})")
lg = Logger()
print(lg[1:2], lg[::], lg[:, :], lg[1:2:3, ..., None], lg[()], lg[-1:])
lg[5:] = [1]
lg[1:2, 3] = "x"
del lg[::2]
class Reverser:
    def __init__(self, s):
        self.s = s
    def __len__(self):
        return len(self.s)
    def __getitem__(self, i):
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            return "".join(self[j] for j in range(start, stop, step))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("Reverser index out of range")
        return self.s[len(self.s) - 1 - i]
r = Reverser("abcdef")
print(r[0], r[-1], r[1:4], r[::2], r[::-1], list(r))
try:
    r[10]
except IndexError as e:
    print(type(e).__name__, e)
