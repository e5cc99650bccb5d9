import operator as op
from operator import itemgetter, attrgetter, methodcaller
import _operator

print(op.add(1, 2), op.sub(5, 3), op.mul('ab', 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(3), op.pos(-3), op.abs(-4.5), op.inv(5), op.invert(0), op.not_(0), op.truth('x'), op.index(7))
print(op.lshift(1, 4), op.rshift(256, 2), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.lt(1, 2), op.le(2, 2), op.eq('a', 'a'), op.ne(1, 1), op.gt(3, 2), op.ge(1, 2), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.concat('a', 'b'), op.contains('abc', 'b'), op.countOf([1, 2, 1, 1], 1), op.indexOf('abc', 'c'))
l = [1, 2, 3]; op.setitem(l, 0, 'x'); op.delitem(l, 1); print(l, op.getitem(l, -1), op.getitem('hello', slice(1, 3)))
x = [1]; y = op.iadd(x, [2]); print(x, y is x, op.iconcat(x, (3,)), op.imul([0], 3), op.isub(5, 2), op.ior({1}, {2}))
print(op.length_hint([1, 2, 3]), op.length_hint(iter(range(5))), op.length_hint(object(), 9), op.call(max, 3, 7))
print(op.__lt__ is op.lt, op.__add__(1, 1), op.__not__(1), op.__index__(3))
g = itemgetter(1); print(g([5, 6]), g('xy'), itemgetter(0, 2)('abc'), itemgetter('k')({'k': 'v'}), repr(itemgetter(1, 'a')), g.__reduce__())
print(sorted([('b', 2), ('a', 3), ('c', 1)], key=itemgetter(1)))
class P:
    def __init__(self):
        self.name = 'p'
        self.child = self
a = attrgetter('name'); print(a(P()), attrgetter('child.child.name')(P()), attrgetter('name', 'child.name')(P()))
print(repr(attrgetter('a.b', 'c')), attrgetter('x.y').__reduce__())
m = methodcaller('replace', 'a', 'b'); print(m('banana'), repr(m), m.__reduce__())
m2 = methodcaller('split', sep=','); print(m2('a,b'), repr(m2), type(m2.__reduce__()[0]).__name__, m2.__reduce__()[1])
print(_operator._compare_digest(b'abc', b'abc'), _operator._compare_digest('abc', 'abd'), _operator._compare_digest(bytearray(b'x'), b'x'))
for src in ["op.add(1)", "op.add(1,2,3)", "op.add(a=1,b=2)", "op.concat(1,2)", "op.concat({}, {})", "op.iconcat(1,2)", "op.countOf(1,1)",
            "op.indexOf([1,2],3)", "op.indexOf(1,1)", "op.index(1.5)", "op.length_hint(1, 'a')", "op.neg()", "op.neg('a')", "op.abs('a')",
            "itemgetter()", "itemgetter(1)()", "itemgetter(1, x=1)", "attrgetter()", "attrgetter(1)", "attrgetter('x')(1)",
            "methodcaller()", "methodcaller(1)", "methodcaller('x')(1)", "methodcaller('a')()",
            "_operator._compare_digest('a', b'a')", "_operator._compare_digest('\u00e9', '\u00e9')", "_operator._compare_digest(1, 2)",
            "op.call()", "op.lt(1, 'a')", "op.contains(1, 1)", "op.getitem([1], 5)", "op.truediv(1, 0)", "op.setitem(1)"]:
    try:
        print(src, '->', eval(src))
    except Exception as e:
        print(src, '!!', type(e).__name__, e)
class LH:
    def __init__(self, v): self.v = v
    def __length_hint__(self): return self.v
for v in ['a', -1, NotImplemented, 4]:
    try:
        print(op.length_hint(LH(v), 7))
    except Exception as e:
        print(type(e).__name__, e)
