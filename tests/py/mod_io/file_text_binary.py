import io, os

fn = 'file_text_binary_tmp.txt'
with open(fn, 'w') as f:
    print(type(f).__name__, f.name, f.mode, f.encoding, f.errors, f.line_buffering)
    print(f.write('héllo\nwörld\r\nthird\rfour'), f.tell())
    print(type(f.buffer).__name__, type(f.buffer.raw).__name__, f.buffer.raw.mode)
with open(fn) as f:
    print(f.readlines(), f.newlines)
with open(fn, newline='') as f:
    print(f.readlines())
with open(fn, newline='\r') as f:
    print(f.readlines())
with open(fn, 'rb') as f:
    print(f.read())
with open(fn) as f:
    print(repr(f.read(3)), f.tell(), repr(f.readline()), f.tell())
    pos = f.tell()
    print(repr(f.read()))
    f.seek(pos)
    print(repr(f.read(4)))
    f.seek(0)
    print(repr(f.readline()))
with open(fn, 'r+') as f:
    f.seek(0, 2)
    f.write('END')
    f.seek(0)
    print(repr(f.read()))
with open(fn, 'a') as f:
    print(f.tell(), f.mode)
    f.write('\nappended')
with open(fn, encoding='latin-1') as f:
    print(repr(f.read()))
with open(fn, 'rb', buffering=0) as f:
    print(type(f).__name__, f.mode, f.read(5), f.readall()[:10], f.closefd)
with open(fn, 'rb') as f:
    for line in f:
        print(line)
with open(fn) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
    try:
        f.tell()
    except OSError as e:
        print('OSError', e)
with open(fn, 'r+b') as f:
    print(type(f).__name__, f.mode, f.read(3), f.tell())
    f.write(b'__')
    f.seek(0)
    print(f.read(8), f.peek(2)[:2], f.tell())
    f.seek(-3, 2)
    print(f.read(), f.truncate(5), f.tell())
    f.seek(0)
    print(f.read())
with open(fn, 'wb') as f:
    f.write(b'abc')
    f.writelines([b'd', bytearray(b'e'), memoryview(b'f')])
with io.FileIO(fn) as raw:
    buf = bytearray(4)
    print(raw.readinto(buf), buf, raw.read(), raw.read(), raw.tell(), raw.seekable())
f = open(fn, 'w')
f.write('unflushed data')
del f
with open(fn) as f:
    print(f.read())
with open(fn, 'x' if not os.path.exists(fn) else 'w') as f:
    pass
try:
    open(fn, 'x')
except FileExistsError as e:
    print(type(e).__name__, e.errno)
os.remove(fn)
for bad in (lambda: open(fn), lambda: open('.'), lambda: open(fn, 'rw'), lambda: open(fn, 'rr'),
            lambda: open(fn, 'rb', encoding='utf-8'), lambda: open(fn, 'w', buffering=0),
            lambda: open(None), lambda: open(fn, 5), lambda: open(fn, 'w', closefd=False),
            lambda: open(fn, 'tb'), lambda: open(fn, 'w', newline='x')):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(os.path.exists(fn))
if os.path.exists(fn):
    os.remove(fn)
