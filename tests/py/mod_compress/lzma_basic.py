# lzma: formats, checks, filters, incremental use, files, errors.
import lzma, os

data = b"Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 400 + bytes(range(256)) * 8

for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
    c = lzma.compress(data, format=fmt)
    print(fmt, c[:6], lzma.decompress(c) == data, lzma.decompress(c, format=fmt) == data)
for preset in (0, 3, 6 | lzma.PRESET_EXTREME):
    print(preset, lzma.decompress(lzma.compress(data, preset=preset)) == data)
print(lzma.decompress(lzma.compress(b"")))
c = lzma.compress(data)
print(lzma.decompress(c + c) == data * 2)

for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(data, check=check)
    d = lzma.LZMADecompressor()
    print(check, d.check, d.decompress(c) == data, d.check, d.eof, lzma.is_check_supported(check))

# raw streams with filter chains
chains = [
    [{"id": lzma.FILTER_LZMA2, "preset": 1}],
    [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2}],
    [{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2, "dict_size": 1 << 20, "lc": 2, "pb": 1}],
    [{"id": lzma.FILTER_LZMA1, "mode": lzma.MODE_FAST, "mf": lzma.MF_HC4, "nice_len": 32}],
]
for ch in chains:
    c = lzma.compress(data, format=lzma.FORMAT_RAW, filters=ch)
    print(len(ch), lzma.decompress(c, format=lzma.FORMAT_RAW, filters=ch) == data)
c = lzma.compress(data, filters=chains[1])
print(lzma.decompress(c) == data)

# incremental
comp = lzma.LZMACompressor()
parts = [comp.compress(data[i:i + 777]) for i in range(0, len(data), 777)]
parts.append(comp.flush())
c = b"".join(parts)
print(lzma.decompress(c) == data)
try:
    comp.flush()
except ValueError as e:
    print("ValueError:", e)
d = lzma.LZMADecompressor()
out = d.decompress(c + b"junk", max_length=50)
print(len(out), d.needs_input, d.eof)
while not d.eof:
    out += d.decompress(b"", max_length=4096)
print(out == data, d.unused_data, d.needs_input)
try:
    d.decompress(b"x")
except EOFError as e:
    print("EOFError:", e)

# errors
def err(f):
    try:
        f()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)

err(lambda: lzma.decompress(b"definitely not xz data"))
err(lambda: lzma.decompress(lzma.compress(data)[:-12]))
bad = bytearray(lzma.compress(data))
bad[len(bad) // 2] ^= 0xFF
err(lambda: lzma.decompress(bytes(bad)))
err(lambda: lzma.LZMADecompressor(memlimit=1024).decompress(lzma.compress(data)))
err(lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW))
err(lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32))
err(lambda: lzma.LZMACompressor(preset=3, filters=chains[0]))
err(lambda: lzma.LZMACompressor(format=9))
err(lambda: lzma.LZMACompressor(filters=[{"id": 12345}]))
err(lambda: lzma.LZMACompressor(filters=[{"dist": 1}]))
err(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA2, "bogus": 1}]))
err(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA2, "preset": 42}]))
err(lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_DELTA}] * 5))
err(lambda: lzma.LZMACompressor(filters=["x"]))
err(lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, memlimit=1 << 20))
err(lambda: lzma.LZMADecompressor(filters=chains[0]))
err(lambda: lzma.LZMADecompressor(format=lzma.FORMAT_XZ).decompress(lzma.compress(data, format=lzma.FORMAT_ALONE)))
print(lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1, "lc": 2, "lp": 1, "pb": 1, "dict_size": 1 << 20}))
print(lzma._decode_filter_properties(lzma.FILTER_LZMA2, b"\x10"))
print(lzma._decode_filter_properties(lzma.FILTER_DELTA, b"\x03"))

# files
fn = "lzma_basic_tmp.xz"
with lzma.open(fn, "wb", preset=1) as f:
    f.write(data)
with lzma.open(fn) as f:
    print(f.read(11), len(f.read()))
with lzma.open(fn, "at", encoding="utf-8") as f:
    f.write("\nappended text é")
with lzma.open(fn, "rt", encoding="latin-1") as f:
    text = f.read()
print(len(text), repr(text[-18:]))
with lzma.LZMAFile(fn, "w", format=lzma.FORMAT_ALONE) as f:
    f.write(b"alone format")
with lzma.LZMAFile(fn) as f:
    print(f.read())
os.remove(fn)
