# bz2: one-shot and incremental round trips, files, errors.
import bz2, os

data = b"The quick brown fox jumps over the lazy dog. " * 500 + bytes(range(256)) * 4

c = bz2.compress(data)
print(len(data), c[:4], bz2.decompress(c) == data)
for level in (1, 5, 9):
    print(level, bz2.decompress(bz2.compress(data, level)) == data)
print(bz2.compress(b"")[:4], bz2.decompress(bz2.compress(b"")))
print(bz2.decompress(c + c) == data * 2)
print(bz2.decompress(b""))

# incremental compression
comp = bz2.BZ2Compressor(3)
parts = [comp.compress(data[i:i + 1000]) for i in range(0, len(data), 1000)]
parts.append(comp.flush())
print(bz2.decompress(b"".join(parts)) == data)
for f in (lambda: comp.compress(b"x"), comp.flush):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)

# incremental decompression, small pieces, max_length
d = bz2.BZ2Decompressor()
out = b"".join(d.decompress(c[i:i + 13]) for i in range(0, len(c), 13))
print(out == data, d.eof, d.unused_data, d.needs_input)
d = bz2.BZ2Decompressor()
first = d.decompress(c + b"trailing", max_length=100)
print(len(first), d.needs_input, d.eof)
chunks = [first]
while not d.eof:
    chunks.append(d.decompress(b"", max_length=5000))
print(b"".join(chunks) == data, d.unused_data, d.needs_input)
try:
    d.decompress(b"more")
except EOFError as e:
    print("EOFError:", e)

# errors
for bad in (b"not bzip2 data at all", b"BZh9" + b"\x00" * 40):
    try:
        bz2.decompress(bad)
    except OSError as e:
        print("OSError:", e)
try:
    bz2.decompress(c[:-20])
except ValueError as e:
    print("ValueError:", e)
for lvl in (0, 10):
    try:
        bz2.BZ2Compressor(lvl)
    except ValueError as e:
        print("ValueError:", e)
try:
    bz2.compress("text")
except TypeError as e:
    print("TypeError:", e)

# files
fn = "bz2_basic_tmp.bin"
with bz2.open(fn, "wb") as f:
    f.write(data)
    f.write(b"tail")
with bz2.open(fn, "rb") as f:
    print(f.read(10), len(f.read()))
with bz2.open(fn, "rt", encoding="latin-1") as f:
    print(repr(f.readline()[:20]))
with bz2.BZ2File(fn, "ab") as f:
    f.write(b"appended stream")
with bz2.BZ2File(fn) as f:
    whole = f.read()
print(whole.endswith(b"tailappended stream"), len(whole))
with bz2.open(fn, "wt", encoding="utf-8") as f:
    f.write("line one\nligne deux é\n")
with bz2.open(fn, "rt", encoding="utf-8") as f:
    print(f.readlines())
with bz2.open(fn, "rb") as f:
    f.seek(5)
    print(f.read(3), f.tell())
os.remove(fn)
