# bytes search methods: find, rfind, index, rindex, count, startswith, endswith, in.
data = b"the cat sat on the mat with the hat"
print(data.find(b"the"), data.find(b"the", 1), data.rfind(b"the"), data.find(b"dog"), data.find(b"at", 10, 20))
print(data.index(b"sat"), data.rindex(b"at"), data.count(b"at"), data.count(b"the", 5), data.count(b""))
print(data.find(116), data.count(ord("a")), data.rfind(ord("h")), data.index(32))
print(data.startswith(b"the"), data.startswith((b"a", b"the")), data.endswith(b"hat"), data.endswith(b"cat", 0, 7))
print(b"cat" in data, b"dog" in data, 99 in data, 300 in b"abc" if False else 0 in b"a\x00")
try:
    300 in data
except ValueError as e:
    print(type(e).__name__, e)
try:
    "cat" in data
except TypeError as e:
    print(type(e).__name__, e)
try:
    data.index(b"dog")
except ValueError as e:
    print(type(e).__name__, e)
try:
    data.find("the")
except TypeError as e:
    print(type(e).__name__, e)
ba = bytearray(data)
print(ba.find(b"mat"), ba.count(b"t"), ba.startswith(b"the"), b"sat" in ba, ba.rindex(b"the"))
print(data.find(bytearray(b"cat")), data.find(memoryview(b"sat")))
