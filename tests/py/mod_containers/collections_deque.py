from collections import deque
import copy

d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft('xy'); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d); d.rotate(0); d.rotate(100); print(d)
print(d.count(1), d.count('z'), d.index(2), 'a' in d, 'q' in d)
d.insert(1, 'ins'); print(d); d.remove('ins'); print(d)
d.reverse(); print(d)
d[0] = 'first'; del d[1]; print(d)
c = d.copy(); print(c == d, c is d, copy.copy(d) == d, copy.deepcopy(d) == d)
d.clear(); print(d, bool(d), len(d))
m = deque(range(10), maxlen=3); print(m, m.maxlen)
m.append(10); print(m); m.appendleft(-1); print(m); m.extend([20, 21]); print(m)
m.extendleft([30]); print(m)
z = deque([1, 2], maxlen=0); z.append(3); print(z, len(z))
print(deque('abc') + deque('de'), deque([1, 2]) * 3, 2 * deque([0]), deque([1]) * 0)
x = deque([1, 2]); x += [3, 4]; print(x); x *= 2; print(x)
b = deque([1, 2, 3], maxlen=4); b *= 3; print(b)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) >= deque([1, 0]), deque([1]) == [1], deque([1]) != [1])
print(list(reversed(deque('abc'))), list(iter(deque('abc'))))
s = deque([1]); s.append(s); print(s)
r = deque(); r.extend(r); r.append(1); r.extend(r); print(r)
print(repr(deque()), repr(deque(maxlen=2)), deque([1], 2).__reduce__()[:2], type(deque().__reduce__()[3]).__name__)
class D(deque):
    pass
dd = D([1, 2], 5); print(dd, type(dd.copy()).__name__, dd.copy().maxlen, type(dd + deque([3])).__name__)
print(deque[int], hash is not None)
it = iter(deque([1, 2, 3])); print(it.__length_hint__(), next(it), it.__length_hint__(), type(it).__name__)
print(type(reversed(deque())).__name__)
for src in ["deque().pop()", "deque().popleft()", "deque([1])[5]", "deque([1])[-2]", "deque([1]).index(2)", "deque([1]).remove(2)",
            "deque([1],1).insert(0,2)", "deque([],-1)", "deque([],'a')", "deque(1)", "deque([],None,3)", "deque(x=1)", "deque([1])[1:2]",
            "deque([1])+[2]", "deque([1]).rotate('a')", "deque([1]).index(1, 'a')", "deque([1])['a']",
            "deque([1]).count()", "deque([1]).append()", "deque([1]).append(1,2)", "deque([1]).extend(1)",
            "deque([1]).__setitem__(3, 1)", "deque([1,2,3]).index(3, 0, 2)",
            "deque([1,2,3]).index(3, -1)", "deque([1,2,3]).index(1, -10, 10)"]:
    try:
        print(src, '->', eval(src))
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(1)
except RuntimeError as e:
    print('RuntimeError', e)
d = deque([1, 2, 3]); it = iter(d); next(it); d.rotate(1)
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError', e)
d = deque([1, 2, 3]); it = iter(d); next(it); d.reverse(); d[0] = 9; print(list(it))
class Bad:
    def __eq__(self, o):
        d.clear()
        return False
d = deque([1, Bad(), 3])
try:
    d.remove(5)
except Exception as e:
    print(type(e).__name__, e)
import collections.abc
print(isinstance(deque(), collections.abc.MutableSequence), issubclass(deque, collections.abc.Sequence))
# queue-like usage
q = deque()
for i in range(5):
    q.append(i)
out = []
while q:
    out.append(q.popleft())
print(out)
# sliding window
def window(seq, n):
    w = deque(maxlen=n)
    for x in seq:
        w.append(x)
        if len(w) == n:
            yield tuple(w)
print(list(window(range(6), 3)))
