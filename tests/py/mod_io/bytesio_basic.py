import io

b = io.BytesIO(b'line1\nline2\nlast')
print(b.read(3), b.tell(), b.readline(), b.readlines())
print(b.read(), b.read(5), b.tell())
b.seek(0)
print(list(b))
b.seek(0)
print(b.write(b'XX'), b.getvalue())
b.seek(20)
b.write(b'Z')
print(b.getvalue(), b.tell())
print(b.truncate(3), b.getvalue(), b.tell())
print(b.seek(-1, 2), b.seek(1, 1), b.seek(100, 1))
b.seek(0)
buf = bytearray(2)
print(b.readinto(buf), buf)
print(b.read1(), b.readable(), b.writable(), b.seekable(), b.isatty())

mv = io.BytesIO(b'abcdef').getbuffer()
print(type(mv).__name__, bytes(mv[1:3]))
b = io.BytesIO(b'hello')
view = b.getbuffer()
view[0] = ord('J')
print(b.getvalue())
try:
    b.write(b'!')
except BufferError as e:
    print('BufferError:', e)
del view
b.seek(0, 2)
b.write(b'!')
print(b.getvalue())

state = io.BytesIO(b'state').__getstate__()
print(state)
c = io.BytesIO()
c.__setstate__((b'restored', 3, {'tag': 1}))
print(c.getvalue(), c.tell(), c.tag)

for bad in (lambda: io.BytesIO('text'), lambda: io.BytesIO().write('s'),
            lambda: io.BytesIO().seek(-1), lambda: io.BytesIO().seek(0, 3),
            lambda: io.BytesIO().truncate(-2), lambda: io.BytesIO().seek(1.5)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
b = io.BytesIO(b'x')
b.close()
print(b.closed)
for m in ('read', 'getvalue', 'tell', 'readable'):
    try:
        getattr(b, m)()
    except ValueError as e:
        print(m, e)
with io.BytesIO(b'ctx') as f:
    print(f.read())
print(f.closed)

class Upper(io.BytesIO):
    def write(self, data):
        return super().write(bytes(data).upper())
u = Upper()
u.write(b'abc')
u.writelines([b'de', b'f'])
print(u.getvalue(), isinstance(u, io.BufferedIOBase), isinstance(u, io.IOBase))
