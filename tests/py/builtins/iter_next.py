# iter() and next() builtins, including the sentinel form and default values.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
print(list(iter("abc")), list(iter((1, 2))), list(iter({"k": 1})), list(iter(range(3))))
data = [5, 3, 0, 7]
pos = -1
def reader():
    global pos
    pos += 1
    return data[pos]
print(list(iter(reader, 0)))
lines = iter(["first", "second", "", "never"])
print(list(iter(lambda: next(lines), "")))
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(Counter(), 4)))
it = iter([10, 20])
print(iter(it) is it, next(iter(it)))
for bad in [lambda: iter(5), lambda: next([1]), lambda: iter(5, 0), lambda: next(5, 1), lambda: iter()]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
gen = (x * 2 for x in range(2))
print(next(gen), next(gen), next(gen, "exhausted"))
d = {"a": 1, "b": 2}
di = iter(d.items())
print(next(di), next(di), next(di, ("end", 0)))
s = iter({1})
print(next(s), next(s, "no more"))
print(next(iter([]), "empty"), next(iter(""), "empty str"))
