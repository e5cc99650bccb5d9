# slice objects: attributes, repr, use in subscripts, indices().
s = slice(1, 10, 2)
print(s, repr(s), s.start, s.stop, s.step, slice(5), slice(None), slice(1, None))
print(slice(5).start, slice(5).stop, slice(5).step)
data = list(range(20))
print(data[s], data[slice(5)], data[slice(None, None, -5)], "abcdef"[slice(1, 4)], (1, 2, 3)[slice(1, None)])
print(s.indices(5), s.indices(100), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print(slice(-100, 100).indices(7), slice(None, -100, -1).indices(7), slice(10, 2, -3).indices(8))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 2, None), slice(1, 2) != slice(1, 3), slice(1, 2) < slice(1, 3))
for bad in [lambda: slice(1, 2, 0).indices(10), lambda: slice(1, 2).indices(-1), lambda: slice("a", "b").indices(5)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    slice()
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.start = 3
except AttributeError as e:
    print(type(e).__name__, e)
odd = slice(1, None, 2)
even = slice(0, None, 2)
word = "abcdefgh"
print(word[odd], word[even], [word[i] for i in range(*odd.indices(len(word)))])
print(slice("a", "z", [1]), slice(1.5, 2.5))
print(list(range(10))[slice(2, 8)][slice(None, None, 2)])
