import marshal
vals = [None, True, False, 0, 1, -1, 255, 1000, 2**31 - 1, -2**31, 2**31, 2**40, -2**70, 2**200, 1.5, -0.0, float('inf'), 1e300,
        1j, complex(1.5, -2), 'abc', 'hello world', '', 'é€😀', 'a' * 300, b'', b'xy', bytearray(b'ba'), (), (1, 2), tuple(range(300)),
        [], [1, [2, [3]]], {}, {'a': 1, 2: [3]}, set(), {1, 2, 3}, frozenset(), frozenset({'x'}), ..., StopIteration]
for v in vals:
    d = marshal.dumps(v)
    back = marshal.loads(d)
    print(repr(v)[:40], back == v or (v != v), type(back).__name__)
for v in [None, True, 1, 1000, 2**40, -2**70, 1.5, 1j, b'xy', 'é', frozenset()]:
    print(marshal.dumps(v))
for version in range(5):
    print(version, marshal.dumps(1.5, version), marshal.dumps('abc', version)[:1], marshal.dumps((1,), version)[:1])
# Data written by CPython 3.11
cpy = b'\xdb\x03\x00\x00\x00\xe9\x01\x00\x00\x00\xda\x01ar\x00\x00\x00\x00'
print(marshal.loads(cpy))
print(marshal.loads(b'\xfb\xda\x01a\xe9\x01\x00\x00\x00\xda\x01b\xa9\x02r\x01\x00\x00\x00r\x01\x00\x00\x000'))
print(marshal.loads(b'\xec\xfb\xff\xff\xff\x00\x00\x00\x00\x00\x00\x00\x00\x00\x04'))
x = [1000, 1000]; print(marshal.loads(marshal.dumps(x)))
l = []; l.append(l) if False else None
for b in [b'', b'X', b'i\x01', b'(\x01\x00\x00\x00', b'r\x00\x00\x00\x00', b's\x05\x00\x00\x00ab', b'l\x01\x00\x00\x00\x00\x80']:
    try: print(marshal.loads(b))
    except Exception as e: print(type(e).__name__, e)
for v in [object(), [object()], {1: len}]:
    try: marshal.dumps(v)
    except Exception as e: print(type(e).__name__, e)
import io
f = io.BytesIO(); marshal.dump([1, 'two'], f); marshal.dump({3: 4}, f); f.seek(0)
print(marshal.load(f), marshal.load(f))
try: marshal.load(f)
except EOFError as e: print('EOFError', e)
def fn(a, b=2):
    return a * b + 1
code = marshal.loads(marshal.dumps(fn.__code__))
print(type(code).__name__, code.co_name, eval(code, {}) if False else '', code.co_argcount)
ns = {}
exec(marshal.loads(marshal.dumps(compile('y = 6 * 7', 's', 'exec'))), ns); print(ns['y'])
print(marshal.version)
