import io

class Raw(io.RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
    def readable(self):
        return True
    def readinto(self, b):
        n = min(len(b), len(self.data) - self.pos, 3)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n

r = Raw(b'hello world\nsecond line\nthird')
print(r.read(4), r.read(), r.closed)
r = Raw(b'hello world\nsecond line\nthird')
print(r.readline(), r.readlines())
r = Raw(b'hello world\nsecond line\nthird')
b = io.BufferedReader(r, 4)
print(b.read(2), b.peek(1)[:1], b.read1(5), b.readline(), b.read())
t = io.TextIOWrapper(io.BufferedReader(Raw('héllo\nwörld\n'.encode())), encoding='utf-8')
print(list(t))

class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)

sink = Sink()
bw = io.BufferedWriter(sink, 8)
bw.write(b'abc')
print(sink.chunks)
bw.write(b'defghijkl')
print(sink.chunks)
bw.write(b'mn')
bw.flush()
print(sink.chunks)
bw.close()
print(sink.closed, bw.closed)

class Buf(io.BufferedIOBase):
    def __init__(self, d):
        self.d = d
    def readable(self):
        return True
    def read(self, n=-1):
        r = self.d[:n] if n >= 0 else self.d
        self.d = self.d[len(r):]
        return r
ba = bytearray(2)
print(Buf(b'xyz').readinto(ba), ba)
print(list(Buf(b'a\nb\n')))

x = io.IOBase()
print(x.closed, x.readable(), x.writable(), x.seekable())
with x:
    pass
print(x.closed)
try:
    x.fileno()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)

class Noisy(io.IOBase):
    def close(self):
        print('closing', self.closed)
        super().close()
n = Noisy()
del n
print('after del')

print([c.__name__ for c in io.BytesIO.__mro__])
print([c.__name__ for c in io.RawIOBase.__mro__])
print(issubclass(io.FileIO, io.RawIOBase), issubclass(io.TextIOWrapper, io.TextIOBase))

d = io.IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode('a\r')), repr(d.decode('\nb\r', final=True)), d.newlines, d.getstate())
pair = io.BufferedRWPair(io.BytesIO(b'input'), io.BytesIO())
print(pair.read(2), pair.peek()[:3], pair.write(b'out'), pair.readable(), pair.writable())
