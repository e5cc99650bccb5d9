import io

data = 'ab\r\nçd\ré\nfin\r\nxyz'.encode('utf-8')
for nl in (None, '', '\n', '\r', '\r\n'):
    t = io.TextIOWrapper(io.BytesIO(data), encoding='utf-8', newline=nl)
    t._CHUNK_SIZE = 4
    out = []
    while True:
        p = t.tell()
        line = t.readline()
        if not line:
            break
        out.append((p, line))
    print(repr(nl), out, t.newlines)
    for p, line in out:
        t.seek(p)
        assert t.readline() == line, (p, line)
    t.seek(0)
    chars = []
    while True:
        ch = t.read(1)
        if not ch:
            break
        chars.append((t.tell(), ch))
    print(chars)
    for i, (p, ch) in enumerate(chars[:-1]):
        t.seek(p)
        assert t.read(1) == chars[i + 1][1], (p, chars[i + 1])

t = io.TextIOWrapper(io.BytesIO('\ufeffhello'.encode('utf-8')), encoding='utf-8-sig')
print(repr(t.read()))
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding='utf-8-sig')
t.write('x')
t.flush()
print(b.getvalue())
t = io.TextIOWrapper(io.BytesIO(b'a\xffb'), encoding='utf-8', errors='replace')
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b'a\xffb'), encoding='utf-8')
try:
    t.read()
except UnicodeDecodeError as e:
    print(e)
t = io.TextIOWrapper(io.BytesIO(), encoding='ascii')
try:
    t.write('é')
    t.flush()
except UnicodeEncodeError as e:
    print(e)
t = io.TextIOWrapper(io.BytesIO(), encoding='ascii', errors='xmlcharrefreplace')
t.write('é')
t.flush()
print(t.buffer.getvalue())
t = io.TextIOWrapper(io.BytesIO(b'abc'), encoding='utf-8')
t.reconfigure(line_buffering=True)
print(t.line_buffering)
t.read(1)
try:
    t.reconfigure(encoding='latin-1')
except Exception as e:
    print(type(e).__name__, e)
t = io.TextIOWrapper(io.BytesIO(), encoding='utf-8')
t.reconfigure(encoding='latin-1')
print(t.encoding, t.errors)
t.write('é')
t.flush()
print(t.buffer.getvalue())
print(repr(t), type(t.detach()).__name__)
try:
    t.write('x')
except ValueError as e:
    print(e)

w = io.TextIOWrapper(io.BytesIO(), encoding='utf-8', newline='\r\n', line_buffering=True)
w.write('a\nb')
print(w.buffer.getvalue())
w.write('c\n')
print(w.buffer.getvalue())
r = io.TextIOWrapper(io.BytesIO(b'one\ntwo\nthree'), encoding='ascii')
print(r.readline(), r.read(2), r.readlines())
r.seek(0)
print(r.read(), r.tell())
for bad in (lambda: io.TextIOWrapper(io.BytesIO(), encoding=5),
            lambda: io.TextIOWrapper(io.BytesIO(), newline='x'),
            lambda: io.TextIOWrapper(io.BytesIO(), encoding='no-such-codec'),
            lambda: io.TextIOWrapper(io.BytesIO()).write(b'bytes'),
            lambda: io.TextIOWrapper(io.BytesIO()).seek(1, 1),
            lambda: io.TextIOWrapper(io.BytesIO()).seek(1, 2),
            lambda: io.TextIOWrapper(io.BytesIO()).seek(-1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
