# bytes() asks __bytes__ first; __bytes__ = None blocks; bytearray pickles.

class BytesSubclass(bytes):
    pass

class WithBytes:
    def __init__(self, v):
        self.v = v
    def __bytes__(self):
        return self.v

class StrWithBytes(str):
    def __new__(cls, value):
        self = str.__new__(cls, '\u20ac')
        self.value = value
        return self
    def __bytes__(self):
        return self.value

print(bytes(StrWithBytes(b'abc')), bytes(StrWithBytes(b'abc'), 'iso8859-15'))
r = bytes(WithBytes(BytesSubclass(b'abc')))
print(type(r).__name__, r)
r = BytesSubclass(WithBytes(b'xyz'))
print(type(r).__name__, r)

class IterationBlocked(list):
    __bytes__ = None

for v in (IterationBlocked([1, 2]),):
    try:
        bytes(v)
    except TypeError as e:
        print('TypeError')

class IntBlocked(int):
    __bytes__ = None

try:
    bytes(IntBlocked(3))
except TypeError:
    print('TypeError')
try:
    bytes(WithBytes('abc'))
except TypeError as e:
    print(e)

print(bytearray(b'ab').__reduce__(), bytearray(b'ab').__reduce_ex__(4), bytearray().__reduce_ex__(3))

class BA(bytearray):
    pass

a = BA(b'abcd')
a.x = 10
for proto in range(6):
    r = a.__reduce_ex__(proto)
    print(proto, r[0].__name__, r[1:])

class BAS(bytearray):
    __slots__ = ('y',)

v = BAS(b'q')
v.y = 5
print(v.__reduce_ex__(4)[1:], v.__reduce__()[1:])
print(bytes.__doc__.startswith('bytes('), bytearray.__doc__.startswith('bytearray('))
