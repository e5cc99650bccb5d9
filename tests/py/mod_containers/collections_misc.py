from collections import defaultdict, Counter, namedtuple, OrderedDict, ChainMap
import collections, copy, pickle

d = defaultdict(list)
d['a'].append(1); d['b'].append(2); d['a'].append(3)
print(d, d['a'], len(d), 'c' in d, d.get('c'), isinstance(d, dict), type(d).__name__)
print(dict(d), d == {'a': [1, 3], 'b': [2]})
c = defaultdict(int)
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()), c.default_factory)
print(repr(defaultdict()), repr(defaultdict(int, {1: 2})), repr(defaultdict(None, a=1)))
n = defaultdict(); print(n.default_factory)
try:
    n['x']
except KeyError as e:
    print('KeyError', e)
d2 = d.copy(); print(type(d2).__name__, d2 == d, d2 is d, d2.default_factory)
d3 = copy.copy(d); d4 = copy.deepcopy(d); print(d3, d4, d4['a'] is d['a'])
print(d.__reduce__()[:4], list(d.__reduce__()[4]))
print(pickle.loads(pickle.dumps(d)))
print(d | {'z': 0}, {'z': 0} | d, type(d | {}).__name__)
d |= {'q': 9}; print(d)
d.default_factory = set; d['s'].add(1); print(d['s'])
print(d.__missing__('m'), 'm' in d)
del d.default_factory; print(d.default_factory)
class DD(defaultdict):
    def __missing__(self, key):
        return key * 2
dd = DD(None, {1: 2}); print(dd[1], dd[5], repr(dd), 5 in dd)
rec = defaultdict(list); rec.default_factory = rec; print(repr(rec))
tree = lambda: defaultdict(tree)
t = tree(); t['a']['b']['c'] = 1; print(t['a']['b']['c'], type(t['x']).__name__)
print(defaultdict[int, str])
for src in ["defaultdict(1)", "defaultdict(list, 1)", "defaultdict().__missing__(1)"]:
    try:
        print(src, '->', eval(src))
    except Exception as e:
        print(src, '!!', type(e).__name__, e)

cnt = Counter('abracadabra'); print(cnt.most_common(3), cnt['z'], sorted(cnt.elements())[:5])
cnt.update('aaa'); print(cnt['a'], Counter(a=3, b=1) - Counter(a=1), Counter([1, 1, 2]) + Counter([2]))
Point = namedtuple('Point', 'x y')
p = Point(1, 2); print(p, p.x, p.y, p._asdict(), p._replace(x=5), Point._fields, Point.x.__doc__)
print(type(Point.x).__name__, Point.x.__get__(p), Point.x.__get__(None, Point) is Point.x)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError', e)
try:
    Point.x.__get__(5)
except TypeError as e:
    print('TypeError', e)
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0]); print(P3(1, 2), P3._field_defaults)
print(pickle.loads(pickle.dumps(p)), copy.copy(p))
od = OrderedDict(); od['b'] = 1; od['a'] = 2; od.move_to_end('b'); print(od, list(od), od.popitem(last=False))
print(OrderedDict.fromkeys('xyz'), OrderedDict(a=1) == OrderedDict(a=1))
cm = ChainMap({'a': 1}, {'a': 2, 'b': 3}); print(cm['a'], cm['b'], len(cm), dict(cm))
m = {}
collections._count_elements(m, 'hello'); print(m)
from _collections import _count_elements, _tuplegetter
class MyMap(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
mm = MyMap(); _count_elements(mm, 'aab'); print(mm)
tg = _tuplegetter(1, 'doc'); print(tg.__doc__, tg.__reduce__()[1], tg.__get__((5, 6)))
try:
    tg.__get__((5,))
except IndexError as e:
    print('IndexError', e)
