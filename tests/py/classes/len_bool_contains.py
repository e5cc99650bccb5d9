# __len__, __bool__, __contains__ and their fallbacks.
class Bag:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __contains__(self, item):
        print(f"  __contains__({item!r})")
        return item in self.items
b = Bag(1, 2, 3)
print(len(b), bool(b), bool(Bag()), 2 in b, 5 not in b)
if not Bag():
    print("empty bag is falsy via __len__")
class Account:
    def __init__(self, balance):
        self.balance = balance
    def __bool__(self):
        return self.balance > 0
    def __len__(self):
        return 99
print(bool(Account(10)), bool(Account(0)), len(Account(0)))
print("yes" if Account(5) else "no", "yes" if Account(-5) else "no")
class IterOnly:
    def __iter__(self):
        print("  iterating for membership")
        return iter([10, 20, 30])
print(20 in IterOnly(), 25 in IterOnly())
class GetItemOnly:
    def __getitem__(self, i):
        if i > 5:
            raise IndexError(i)
        return i * i
print(16 in GetItemOnly(), 17 in GetItemOnly())
class ContainsTruthy:
    def __contains__(self, item):
        return "non-empty"
print(1 in ContainsTruthy(), 1 not in ContainsTruthy())
class NoSupport:
    pass
try:
    1 in NoSupport()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(NoSupport())
except TypeError as e:
    print(type(e).__name__, e)
print(bool(NoSupport()))
class BigLen:
    def __len__(self):
        return 2 ** 70
try:
    len(BigLen())
except OverflowError as e:
    print(type(e).__name__, e)
class FloatLen:
    def __len__(self):
        return 3.0
try:
    len(FloatLen())
except TypeError as e:
    print(type(e).__name__, e)
class IndexLen:
    def __init__(self, n):
        self.n = n
    def __index__(self):
        return self.n
class LenViaIndex:
    def __len__(self):
        return IndexLen(7)
print(len(LenViaIndex()))
class BoolNone:
    def __bool__(self):
        return None
try:
    if BoolNone():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __len__(self):
        return len(self.rows)
    def __contains__(self, v):
        return any(v in row for row in self.rows)
m = Matrix([[1, 2], [3, 4]])
print(len(m), 3 in m, 5 in m, bool(Matrix([])))
print(any([Bag(), Bag(1)]), all([Account(1), Account(0)]))
