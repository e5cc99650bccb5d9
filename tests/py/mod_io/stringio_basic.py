import io

s = io.StringIO()
print(s.write('abc\n'), s.write('déf\n'), s.tell())
print(repr(s.getvalue()))
s.seek(0)
print(repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(2)
s.write('ZZZZ')
print(repr(s.getvalue()), s.tell())
s.seek(12)
s.write('!')
print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.read(2)), repr(s.read()), repr(s.read()))

print(io.StringIO('a\nb\nc').readlines())
print(list(io.StringIO('x\ny')))
print([l for l in io.StringIO('ünï\ncødé\n')])

for nl in (None, '', '\n', '\r', '\r\n'):
    t = io.StringIO('a\r\nb\rc\nd', newline=nl)
    print(repr(nl), repr(t.getvalue()), t.readlines(), t.newlines)
w = io.StringIO(newline='\r\n')
w.write('1\n2\n')
print(repr(w.getvalue()))

print('printed', 42, file=s)
print(repr(s.getvalue()))
print(io.StringIO('init').__getstate__())
r = io.StringIO()
r.__setstate__(('abc', None, 1, {'k': 'v'}))
print(repr(r.read()), r.k, r.newlines)

for bad in (lambda: io.StringIO(5), lambda: io.StringIO().write(b'x'),
            lambda: io.StringIO(newline='x'), lambda: io.StringIO().seek(-1),
            lambda: io.StringIO().seek(1, 1), lambda: io.StringIO().seek(0, 5),
            lambda: io.StringIO().truncate(-1)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
c = io.StringIO('q')
c.close()
try:
    c.read()
except ValueError as e:
    print(e, c.closed)

class Log(io.StringIO):
    def write(self, text):
        return super().write(text.upper())
l = Log()
print('quiet', file=l)
print(repr(l.getvalue()), l.line_buffering, l.seekable())
