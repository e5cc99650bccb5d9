import binascii as b
tests = [
 lambda: b.unhexlify('abc'),
 lambda: b.unhexlify('zz'),
 lambda: b.a2b_base64(b'abc'),
 lambda: b.a2b_base64(b'a'),
 lambda: b.a2b_base64(b'ab=c', strict_mode=True),
 lambda: b.a2b_base64(b'=abc', strict_mode=True),
 lambda: b.a2b_base64(b'ab!c', strict_mode=True),
 lambda: b.a2b_base64(b'abcd=', strict_mode=True),
 lambda: b.a2b_base64(b'YWJj==YWJj', strict_mode=True),
 lambda: b.a2b_base64(b'abcde'),
 lambda: b.a2b_base64(b'ab'),
 lambda: b.a2b_base64('\xe9'),
 lambda: b.a2b_base64(5),
 lambda: b.b2a_base64('x'),
 lambda: b.b2a_uu(b'x'*46),
 lambda: b.a2b_uu(b'!!!'),
 lambda: b.a2b_uu(b'"\x7f\x7f'),
 lambda: b.a2b_uu(b''),
 lambda: b.hexlify(b'abc', '::'),
 lambda: b.hexlify(b'abcdef', ':', 2),
 lambda: b.hexlify(b'abcdef', b':', -2),
 lambda: b.hexlify(b'abcdef', 5),
 lambda: b.crc32(b'hello'),
 lambda: b.crc32(b'hello', -1),
 lambda: b.crc_hqx(b'hello', 0),
 lambda: b.b2a_qp(b'hello = world\t\nfoo\r\n'),
 lambda: b.a2b_qp(b'hello=3D world=\nx_y', header=True),
 lambda: b.b2a_uu(b'hello', backtick=True),
 lambda: b.b2a_uu(b''),
 lambda: b.a2b_uu(b'%:&5L;&\\\n'),
 lambda: b.Error.__mro__, lambda: b.Incomplete.__mro__,
 lambda: b.a2b_base64(b'YWJj\nZA==\n'),
 lambda: b.b2a_base64(b'abcd', newline=False),
 lambda: b.unhexlify(b'0'),
]
for t in tests:
    try: print(repr(t()))
    except Exception as e: print(type(e).__name__, e)
data = bytes(range(256))
for f, g in [(b.b2a_base64, b.a2b_base64), (b.hexlify, b.unhexlify), (b.b2a_qp, b.a2b_qp)]:
    print(f.__name__, g(f(data)) == data)
lines = [b.b2a_uu(data[i:i+45]) for i in range(0, 256, 45)]
print(b''.join(b.a2b_uu(l) for l in lines) == data, lines[0])
print(b.b2a_qp(b'x' * 100))
print(b.b2a_qp(b'a b\tc\n.\nend ', quotetabs=True))
print(b.b2a_qp(b'line\r\nnext\r\n', istext=False))
print(b.b2a_qp(b'hi there_x', header=True))
print(b.a2b_qp('=41=4'), b.a2b_qp(b'a=\r\nb'), b.a2b_qp(b'==41'))
print(b.crc32(b'a' * 1000), b.crc32(b''), b.crc32(b'xyz', 2**32 + 5), b.crc_hqx(b'123456789', 0xffff))
print(b.b2a_hex(bytearray(b'\x01\xff')), b.unhexlify(memoryview(b'0aFF')), b.a2b_hex('DEAD'))
print(b.b2a_base64(b''), b.a2b_base64(''), b.a2b_base64(b'Y W J j\n'))
import base64
print(base64.b64encode(b'hello'), base64.b64decode('aGVsbG8='), base64.urlsafe_b64encode(b'\xff\xfe'))
print(base64.b32encode(b'abc'), base64.b16encode(b'abc'), base64.b85encode(b'abc'), base64.a85encode(b'abc'))
