import functools
from functools import partial, reduce, cmp_to_key, lru_cache, wraps, total_ordering, cached_property, singledispatch
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6), 10), reduce(lambda a, b: a + b, ['x'], 'y'))
p = partial(int, base=2); print(p('101'), p.func, p.args, p.keywords)
p2 = partial(max, 1, 2); print(p2(3), p2(), repr(p2))
p3 = partial(p2, 7, key=None); print(p3.func, p3.args, p3.keywords, repr(p3))
def f(a, b, c=0, *, d=1):
    return (a, b, c, d)
q = partial(f, 1, d=5); print(q(2), q(2, 3, d=9), q(b=4))
print(repr(partial(print, 'x', y=[1])))
class C:
    m = partial(f, 'cls')
print(C.m(2), C().m(3))
q.attr = 'hello'; print(q.attr, q.__dict__)
print(q.__reduce__()[0].__name__, q.__reduce__()[2][1:3])
r = partial(f, 0); r.__setstate__((f, (9, 8), {'d': 7}, None)); print(r(), r.args)
class MyPartial(partial):
    pass
mp = MyPartial(f, 1); print(repr(MyPartial(print, 1)), mp(2), type(partial(mp, 2)).__name__, partial(mp, 2).args)
print(sorted([5, 2, 8, 1], key=cmp_to_key(lambda a, b: b - a)))
K = cmp_to_key(lambda a, b: (a > b) - (a < b)); print(K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(1).obj)

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
fib.cache_clear(); print(fib.cache_info())

@lru_cache(maxsize=2)
def sq(x):
    print('  computing', x)
    return x * x
for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(sq.cache_info(), sq.cache_parameters(), sq.__name__, sq.__wrapped__.__name__)

@lru_cache(maxsize=0)
def z(x):
    return x
z(1); z(1); print(z.cache_info())

@lru_cache(typed=True)
def t(x):
    return type(x).__name__
print(t(1), t(1.0), t(True), t.cache_info())

@lru_cache
def kw(a, b=2, *, c=3):
    return a + b + c
print(kw(1), kw(1, c=10), kw(1, b=2), kw(a=1), kw.cache_info())

class A:
    @lru_cache
    def meth(self, x):
        return x * 2
a = A(); print(a.meth(4), a.meth(4), A.meth.cache_info().hits)

@functools.cache
def cached(x):
    return [x]
print(cached(1) is cached(1))

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@deco
def documented(x):
    "Docstring here."
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)

@total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) <= V(2), V(3) > V(2), V(2) >= V(3))

class Lazy:
    @cached_property
    def val(self):
        print('  computing val')
        return 42
l = Lazy(); print(l.val, l.val)

pm = functools.partialmethod
class PM:
    def set(self, v, w=0):
        return (v, w)
    setone = pm(set, 1)
print(PM().setone(w=2))
print(functools.reduce.__module__, functools.partial.__module__, type(functools.cmp_to_key(max)).__name__)
for src in ["reduce()", "reduce(max)", "reduce(max, 1)", "reduce(max, [])", "reduce(max, [1,2], x=1)", "reduce(max,[],1,2)",
            "partial()", "partial(1)", "partial(func=max)", "partial(max).__setstate__(1)", "partial(max).__setstate__((1,(),None,None))",
            "cmp_to_key()", "cmp_to_key(lambda a,b:a-b)(1) < 2", "cmp_to_key(lambda a,b:a-b)()", "cmp_to_key(lambda a,b:a-b)(1,2)",
            "functools._lru_cache_wrapper(1, 1, False, None)", "functools._lru_cache_wrapper(max, 'a', False, None)", "lru_cache(maxsize='a')",
            "fib([])"]:
    try:
        print(src, '->', eval(src))
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
