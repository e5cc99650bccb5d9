import zlib
data = b"The quick brown fox jumps over the lazy dog. " * 50
for level in (0, 1, 6, 9, -1):
    print(level, zlib.decompress(zlib.compress(data, level)) == data)
c = zlib.compress(data)
print(c[:2], len(c) < len(data))
for wbits in (9, 15, -15, -9, 25, 31):
    co = zlib.compressobj(6, zlib.DEFLATED, wbits)
    comp = co.compress(data) + co.flush()
    print(wbits, zlib.decompress(comp, wbits) == data, zlib.decompress(comp, 47) == data if wbits > 0 else '')
# streaming with max_length
d = zlib.decompressobj()
out = d.decompress(c, 100)
print(len(out), len(d.unconsumed_tail) > 0, d.eof)
while d.unconsumed_tail:
    out += d.decompress(d.unconsumed_tail, 100)
print(out == data, d.eof, d.unused_data)
d = zlib.decompressobj()
print(d.decompress(c + b'extra') == data, d.unused_data, d.eof)
d = zlib.decompressobj()
r = b''.join(d.decompress(c[i:i+7]) for i in range(0, len(c), 7)) + d.flush()
print(r == data, d.eof)
# flush modes
co = zlib.compressobj()
parts = [co.compress(b'abc'), co.flush(zlib.Z_SYNC_FLUSH), co.compress(b'def'), co.flush(zlib.Z_FULL_FLUSH), co.flush()]
print(parts[1][-4:], zlib.decompress(b''.join(parts)))
print(co.flush(zlib.Z_NO_FLUSH) if False else '', zlib.Z_SYNC_FLUSH, zlib.Z_FINISH)
# copy
co = zlib.compressobj(); pre = co.compress(data[:500])
c2 = co.copy()
a = pre + co.compress(b'AAA') + co.flush()
b = pre + c2.compress(b'BBB') + c2.flush()
print(zlib.decompress(a)[-3:], zlib.decompress(b)[-3:])
d = zlib.decompressobj(); first = d.decompress(c[:20]); d2 = d.copy()
print(first + d.decompress(c[20:]) == data, first + d2.decompress(c[20:]) == data)
# zdict
zd = b'brown fox lazy dog'
co = zlib.compressobj(zdict=zd); comp = co.compress(data) + co.flush()
print(zlib.decompressobj(zdict=zd).decompress(comp) == data)
try: zlib.decompress(comp)
except zlib.error as e: print('error', e)
# checksums
print(zlib.crc32(data), zlib.adler32(data), zlib.crc32(b'abc', zlib.crc32(b'xyz')), zlib.adler32(b''), zlib.adler32(b'a', 0))
print(zlib.MAX_WBITS, zlib.DEFLATED, zlib.DEF_MEM_LEVEL, zlib.DEF_BUF_SIZE, zlib.Z_BEST_COMPRESSION, zlib.Z_DEFAULT_COMPRESSION)
print(zlib.ZLIB_VERSION[:2], type(zlib.compressobj()).__name__, type(zlib.decompressobj()).__name__)
for t in [lambda: zlib.decompress(b'garbage'), lambda: zlib.decompress(c[:-5]), lambda: zlib.compress(b'', 11),
          lambda: zlib.compressobj(wbits=3), lambda: zlib.decompressobj(wbits=99), lambda: zlib.compress('str'),
          lambda: zlib.decompressobj().decompress(b'', -1), lambda: zlib.decompressobj().flush(0),
          lambda: zlib.decompress(b'x', bufsize=-1)]:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
co = zlib.compressobj(); co.flush()
for t in [lambda: co.compress(b'x'), lambda: co.flush(), lambda: co.copy()]:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
