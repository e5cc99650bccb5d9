import array
print(array.typecodes, array.ArrayType is array.array)
for tc in 'bBuhHiIlLqQfd':
    a = array.array(tc) if tc != 'u' else array.array('u', 'hi')
    print(tc, a.itemsize, repr(a), a.typecode)
a = array.array('i', [1, 2, 3])
print(a, a[0], a[-1], a[1:], a[::-1], len(a), 2 in a, 5 in a, list(a))
a.append(4); a.extend([5, 6]); a.insert(0, 0); print(a)
print(a.pop(), a.pop(0), a, a.index(3), a.count(2))
a.remove(3); a.reverse(); print(a)
a[1:3] = array.array('i', [9, 9, 9]); print(a)
del a[0]; print(a)
a[0] = 7; print(a, a.tolist(), a.buffer_info()[1])
b = a.tobytes(); print(b, array.array('i', b))
c = array.array('h'); c.frombytes(b'\x01\x00\x02\x00'); print(c)
c.byteswap(); print(c)
c.fromlist([3, 4]); print(c)
print(a + array.array('i', [1]), a * 2, 2 * a)
print(a == array.array('i', a.tolist()), a < array.array('i', [100]), array.array('i',[1]) == array.array('d',[1.0]))
u = array.array('u', 'hello'); print(u, u.tounicode()); u.fromunicode('!'); print(u)
d = array.array('d', [1.5, 2.5]); print(d, d * 0, sum(d))
f = array.array('f', [0.1]); print(f, f[0])
print(array.array('b', b'\x01\x02'), array.array('B', bytearray(b'\xff')), array.array('i', range(3)), array.array('i', (x for x in [4, 5])))
print(array.array('i', array.array('h', [1, 2])))
print(a.__reduce_ex__(2)[0].__name__, a.__reduce_ex__(2)[1][:2])
import copy; print(copy.copy(a), copy.deepcopy(a))
x = array.array('l', [1, 2]); x += array.array('l', [3]); x *= 2; print(x)
print(bytes(array.array('h', [1, 2])), bytearray(array.array('B', [65, 66])))
for t in [lambda: array.array('z'), lambda: array.array('b', [200]), lambda: array.array('B', [-1]), lambda: array.array('i', ['x']),
          lambda: array.array('i', [1]) + array.array('d', [1]), lambda: array.array('i', [1])[5], lambda: array.array('i').pop(),
          lambda: array.array('i', [1]).remove(5), lambda: array.array('i', [1]).index(5), lambda: array.array('h', b'\x01'),
          lambda: array.array('u', [1]), lambda: array.array('i', 'abc'), lambda: array.array('i', [1]).tounicode(),
          lambda: array.array('H', [70000]), lambda: array.array('i', [2**31]), lambda: array.array('Q', [-1]), lambda: array.array('q', [2**63]),
          lambda: array.array('i', [1.5]), lambda: array.array('d', ['a']), lambda: array.array(), lambda: array.array('ii'),
          lambda: array.array('i', [1,2]).__setitem__(slice(0,2), [1]),
          lambda: array.array('i', [1,2]).__setitem__(slice(0,2), array.array('h', [1])),
          lambda: array.array('i', [1,2,3,4])[::2], lambda: array.array('b', [1,2,3,4]).__setitem__(slice(None,None,2), array.array('b',[7,8])),
          lambda: array.array('b', [1,2,3,4]).__setitem__(slice(None,None,2), array.array('b',[7])),
          lambda: array.array('i', [1]).extend([1, 'x']), lambda: array.array('i', [1]).extend(array.array('h')),
          lambda: array.array('i', [5, 6]).__delitem__(slice(None, None, -1)),
          ]:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
import pickle
for tc in 'bBuhHiIlLqQfd':
    a = array.array(tc, 'xyz') if tc == 'u' else array.array(tc, [1, 2, 3])
    for proto in (2, 4):
        b = pickle.loads(pickle.dumps(a, proto))
        print(tc, proto, b == a, type(b).__name__)
class A(array.array):
    pass
s = A('i', [1, 2]); s.extra = 5
t = pickle.loads(pickle.dumps(s, 4)); print(type(t).__name__, t, t.extra)
a = array.array('d', [0.5, -1.25]); print(list(iter(a)), [x * 2 for x in a])
import io
f = io.BytesIO(); array.array('h', [1, -2, 3]).tofile(f); f.seek(0)
h = array.array('h'); h.fromfile(f, 3); print(h)
try: h.fromfile(f, 1)
except EOFError as e: print('EOFError', e)
print(array.array('Q', [2**64 - 1]), array.array('q', [-2**63]), array.array('L', [2**64 - 1])[0])
