"""Module docstring."""
a = b = 1
x, *y, z = range(5)
a += 1
obj.attr += f(a)
seq[i] -= 2
t = (1, 2, (3, -4.5), "s", b"b", None, ...)
c = a < b <= c != d
d = not a and (b or c)
e = b if a else c
s = f"{a!r:>{width}} and {b}"
del a, obj.attr, seq[0]
lst = [1, 2, *y, 3]
st = {1, 2, 3}
dct = {"k": 1, **other, "j": 2}
sl = seq[1:2], seq[::2], seq[a:b:c]
print(*args, sep="", **kw)
x = -1 + 2j
if __debug__:
    assert x, "message"
