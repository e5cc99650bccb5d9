# Comparisons, hashing and container behaviour of bytes/bytearray.
print(b"abc" < b"abd", b"abc" < b"ab", b"" < b"\x00", b"Z" < b"a", b"\xff" > b"\x7f", bytearray(b"a") < b"b")
print(sorted([b"pear", b"Apple", b"apple", b"", b"\x00"]), max([b"a", b"b"]), min(bytearray(b"xyz")))
print(b"abc" == bytearray(b"abc"), b"abc" == "abc", b"a" == 97, b"\x61" == b"a")
print(hash(b"abc") == hash(b"abc"), len({b"x", b"x", b"y"}), {b"key": 1}[b"key"])
try:
    hash(bytearray(b"x"))
except TypeError as e:
    print(type(e).__name__, e)
try:
    {bytearray(b"x"): 1}
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"a" < "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"a" + "a"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "a" + b"a"
except TypeError as e:
    print(type(e).__name__, e)
print(b"ab" + bytearray(b"cd"), type(b"ab" + bytearray(b"cd")).__name__, type(bytearray(b"ab") + b"cd").__name__)
print(list(b"hi"), tuple(bytearray(b"hi")), set(b"aab") == {97, 98}, sum(b"\x01\x02\x03"))
print(b"abc".__eq__(b"abc"), b"abc".__eq__("abc"), bytes.__lt__(b"a", b"b"))
print(b"x" * 0, bytearray(b"ab") * 2, 2 * b"cd")
