# split/join/strip/partition on bytes.
line = b"  GET /index.html HTTP/1.1 \r\n"
print(line.split(), line.strip(), line.rstrip(b"\r\n"), line.lstrip(), line.strip(b" \r\nG"))
print(line.split(b" "), line.split(None, 1), line.rsplit(None, 1), line.split(b"/", 1))
headers = b"Host: example.com\r\nAccept: */*\r\nX-Empty:\r\n"
parsed = {}
for h in headers.split(b"\r\n"):
    if h:
        k, _, v = h.partition(b":")
        parsed[k.decode()] = v.strip()
print(parsed)
print(b"a\nb\r\nc\rd".splitlines(), b"a\nb\r\n".splitlines(keepends=True))
print(b", ".join([b"x", b"y", bytearray(b"z")]), b"".join([]), bytearray(b"-").join([b"a", b"b"]))
try:
    b",".join([b"a", "b"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    b",".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"none".partition(b"="))
print(b"xxabcxx".strip(b"x"), b"www.site.org".lstrip(b"w."), b"file...".rstrip(b"."))
print(b"abc".center(9, b"*"), b"abc".ljust(6, b"."), b"abc".rjust(6), b"42".zfill(6), b"-42".zfill(6))
print(b"a\tb".expandtabs(4), b"prefix_x".removeprefix(b"prefix_"), b"x.bin".removesuffix(b".bin"))
try:
    b"abc".split(b"")
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"abc".center(9, "*")
except TypeError as e:
    print(type(e).__name__, e)
