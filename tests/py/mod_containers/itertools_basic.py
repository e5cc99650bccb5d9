import itertools as I
from itertools import *
import operator

def take(n, it):
    return list(islice(it, n))

print(take(5, count()), take(3, count(10, 5)), take(3, count(1.5, 0.5)), take(3, count(2**64)))
print(repr(count()), repr(count(3, 2)), repr(count(1, 1.0)), repr(count(2.5)), count(7).__reduce__())
c = count(5); next(c); print(c, c.__reduce__())
print(take(7, cycle('abc')), list(cycle([])))
print(list(repeat('x', 3)), repr(repeat('a')), repr(repeat('a', 2)), repr(repeat(1, -5)), repeat(1, 4).__length_hint__())
r = repeat(0, 3); next(r); print(r, r.__reduce__(), operator.length_hint(r))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([1, 2], initial=100)), list(accumulate([], initial=5)))
print(list(accumulate(['a', 'b', 'c'])), list(accumulate([3, 1, 4, 1, 5], max)))
print(list(chain('ab', [1, 2], ())), list(chain.from_iterable(['xy', 'z'])), list(chain()))
print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress(data='abc', selectors=[0, 1])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None])))
print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
g = groupby('aabbc'); k1, g1 = next(g); k2, g2 = next(g); print(k1, list(g1), k2, list(g2))
print([k for k, _ in groupby('aabbbc')])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)), list(islice(count(), 3, 10, 3)))
it = iter(range(10)); print(list(islice(it, 3)), next(it))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, [[1, 2], (3, 4)])))
a, b = tee(iter([1, 2, 3])); print(list(a), list(b))
a, b, c = tee('abc', 3); next(a); print(list(a), list(b), next(c), list(c))
print(tee([], 0), len(tee('x', 5)))
a, = tee(range(3), 1); b = a.__copy__(); print(list(a), list(b), type(a).__name__)
t1, t2 = tee(range(200)); print(sum(t1), sum(t2))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest('ab', range(3))), list(zip_longest()))
print(list(product('ab', range(2))), list(product(range(2), repeat=3))[:4], list(product()), list(product('ab', [])))
print(list(permutations('ABC', 2)), list(permutations(range(3))), list(permutations('ab', 3)), list(permutations([], 0)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)), list(combinations('ab', 3)), list(combinations('abc', 0)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement('', 2)), list(combinations_with_replacement('', 0)))
print(list(pairwise('ABCDEFG')), list(pairwise('a')), list(pairwise([])))
# errors
for src in ["count('a')", "count(1,2,3)", "count(x=1)", "cycle()", "cycle(1)", "cycle([], x=1)", "repeat()", "repeat(1, 'a')",
            "repeat(1).__length_hint__()", "accumulate([], None, 3)", "accumulate(x=1)", "chain(x=1)", "list(chain(1))",
            "chain.from_iterable()", "compress([],[],3)", "dropwhile(1)", "list(dropwhile(1,[1]))", "groupby([],1,2)",
            "islice()", "islice([])", "islice([],1,2,3,4)", "islice([],-1)", "islice([],'a')", "islice([],1,-1)",
            "islice([],-1,2)", "islice([],1,2,0)", "islice([],1,2,'a')", "islice([],x=1)", "islice([], 2**64)",
            "list(starmap(pow,[1]))", "tee()", "tee([],-1)", "tee([],x=1)", "zip_longest(x=1)", "product(repeat=-1)",
            "product(x=1)", "permutations([],-1)", "permutations([],'a')", "combinations([])", "combinations([],-1)",
            "combinations_with_replacement([],-1)", "pairwise()", "pairwise([],x=1)", "I._grouper(1,2)", "I._tee()",
            "I._tee_dataobject(1,2,3)", "I._tee_dataobject(iter([]),[],3)", "count.__new__(int)", "next(I.tee([1]*3)[0].__class__(iter([])))"]:
    try:
        r = eval(src)
        print(src, '->', r)
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
class MyCount(count): pass
print(repr(MyCount(3)), MyCount(3, 2).__reduce__()[1], isinstance(MyCount(), count))
print(chain[int], type(chain[int]))
it = chain('a'); print(list(it), list(it))
def gen():
    yield 1
    raise ValueError('boom')
try:
    list(islice(gen(), 5))
except ValueError as e:
    print('ValueError', e)
print(I.tee.__name__, count.__module__, count.__name__, repr(count), repr(I._grouper))
