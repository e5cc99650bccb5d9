# replace, translate and maketrans on bytes.
data = b"hello world, hello bytes"
print(data.replace(b"hello", b"bye"), data.replace(b"l", b"L", 2), data.replace(b"", b"."), data.replace(b"z", b"y"))
table = bytes.maketrans(b"abc", b"xyz")
print(b"aabbcc".translate(table), len(table), table[97:100])
print(b"remove vowels".translate(None, b"aeiou"), b"keep".translate(None), b"x-y-z".translate(table, b"-"))
upper = bytes.maketrans(bytes(range(97, 123)), bytes(range(65, 91)))
print(b"shout this".translate(upper))
try:
    bytes.maketrans(b"ab", b"x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"abc".translate(b"short")
except ValueError as e:
    print(type(e).__name__, e)
ba = bytearray(b"mutable")
print(ba.replace(b"t", b"T"), ba.translate(upper), ba)
def rle_encode(b):
    out = bytearray()
    i = 0
    while i < len(b):
        j = i
        while j < len(b) and b[j] == b[i] and j - i < 255:
            j += 1
        out += bytes([j - i, b[i]])
        i = j
    return bytes(out)
def rle_decode(b):
    out = bytearray()
    for k in range(0, len(b), 2):
        out += bytes([b[k + 1]]) * b[k]
    return bytes(out)
raw = b"aaaabbbccd" + b"\x00" * 300
enc = rle_encode(raw)
print(enc[:10], len(raw), len(enc), rle_decode(enc) == raw)
