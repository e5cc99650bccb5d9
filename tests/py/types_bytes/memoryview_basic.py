# memoryview basics over bytes and bytearray.
data = bytearray(b"hello world")
mv = memoryview(data)
print(len(mv), mv[0], mv[-1], bytes(mv[0:5]), mv[6:].tobytes(), mv.tolist()[:3])
mv[0] = ord("J")
print(data)
mv[6:11] = b"WORLD"
print(data, mv.readonly, memoryview(b"ro").readonly)
try:
    memoryview(b"ro")[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    mv[0:2] = b"abc"
except ValueError as e:
    print(type(e).__name__, e)
sub = mv[::2]
print(sub.tobytes(), len(sub), mv.nbytes, mv.itemsize, mv.format, mv.ndim, mv.shape)
print(mv == data, mv == b"Jello WORLD", mv.hex(), bytes(mv[::-1]))
with memoryview(b"ctx") as m:
    print(m.tobytes())
try:
    m.tobytes()
except ValueError as e:
    print(type(e).__name__, e)
print(b"abc" == memoryview(b"abc"), list(memoryview(b"\x01\x02")))
