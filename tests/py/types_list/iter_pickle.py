# __reduce__/__setstate__ of builtin iterators; pickling and copying them.

def rebuild(x):
    r = x.__reduce__()
    y = r[0](*r[1])
    if len(r) > 2:
        y.__setstate__(r[2])
    return y


l = [1, 2, 3]
it = iter(l); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
it = reversed(l); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
it = iter((1, 2)); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
it = iter('héllo'); next(it); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
it = iter(b'ab'); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
it = iter(range(2, 20, 3)); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
it = iter(range(2**70, 2**70 + 6, 2)); next(it); print(it.__reduce__())
d = {1: 2, 3: 4}
it = iter(d.items()); next(it); print(it.__reduce__()); list(it); print(it.__reduce__())
print(iter(d.values()).__reduce__(), reversed(d).__reduce__())
it = iter({1, 2, 3}); next(it); print(sorted(it.__reduce__()[1][0]))
print(iter(int, 1).__reduce__())

class S:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i
    def __len__(self):
        return 5

it = reversed(S()); next(it); print(it.__reduce__()[2]); list(it); print(it.__reduce__())
it = iter(S()); next(it); print(it.__reduce__()[2]); list(it); print(it.__reduce__())
it = iter(S()); it.__setstate__(-3); print(next(it))

for x in [iter([1, 2, 3]), reversed([1, 2, 3]), iter('abc'), iter(range(5)),
          iter(range(2**70, 2**70 + 3)), enumerate('abc', 7), zip('ab', 'cd'),
          map(str, [1, 2]), filter(None, [0, 1, 2]), reversed('abc'),
          iter({1: 2, 5: 6}), iter({5}), iter(b'xy'), reversed((1, 2))]:
    next(x)
    y = rebuild(x)
    print(list(y), list(x))

it = iter(range(2**32 + 2)); it.__setstate__(2**32 + 1); print(it.__reduce__()[2], next(it))
it = iter([1, 2, 3]); it.__setstate__(10); print(list(it))
it = reversed([1, 2, 3]); it.__setstate__(-5); print(list(it))
z = zip('ab', 'cd', strict=True); print(z.__reduce__()[2]); z.__setstate__(False); print(len(z.__reduce__()))
e = enumerate('ab'); print(e.__reduce__()[1][1])
