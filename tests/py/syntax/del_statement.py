# del on names, items, slices and attributes.
x = 5
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[2:4]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zzz"]
except KeyError as e:
    print(type(e).__name__, e)
class P:
    cls_attr = "class"
    def __init__(self):
        self.a = 1
        self.b = 2
p = P()
del p.a
print(vars(p))
try:
    del p.a
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del p.cls_attr
except AttributeError as e:
    print(type(e).__name__, e)
del P.cls_attr
print(hasattr(p, "cls_attr"))
a, b, c = 1, 2, 3
del a, b
print("a" in dir(), "c" in dir())
m = [[1, 2], [3, 4]]
del m[0][1], m[1]
print(m)
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(f())
try:
    del lst[5]
except IndexError as e:
    print(type(e).__name__, e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
s = "str"
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
for i in range(3):
    pass
del i
print("i" in dir())
