# Ellipsis object and its use in subscripts.
print(..., Ellipsis, ... is Ellipsis, type(...).__name__, repr(...), str(Ellipsis), bool(...))
print(hash(...) == hash(Ellipsis), {...: "dots"}[Ellipsis])
def todo():
    ...
print(todo())
class NDArrayLike:
    def __init__(self, shape):
        self.shape = shape
    def __getitem__(self, key):
        if not isinstance(key, tuple):
            key = (key,)
        if key.count(...) > 1:
            raise IndexError("an index can only have a single ellipsis ('...')")
        if ... in key:
            i = key.index(...)
            fill = len(self.shape) - (len(key) - 1)
            key = key[:i] + (slice(None),) * fill + key[i + 1:]
        return key
a = NDArrayLike((2, 3, 4, 5))
print(a[..., 0])
print(a[1, ...])
print(a[0, ..., 1:3])
print(a[...])
try:
    a[..., 1, ...]
except IndexError as e:
    print(type(e).__name__, e)
try:
    Ellipsis()
except TypeError as e:
    print(type(e).__name__, e)
dots = ...
print(type(...)() is ..., "lists reject Ellipsis:", end=" ")
try:
    [1, 2, 3][dots]
except TypeError as e:
    print(type(e).__name__, e)
