# Negative steps in slices of lists, strings, tuples, bytes and ranges.
seqs = [list(range(10)), "abcdefghij", tuple("ABCDEFGHIJ"), bytes(range(97, 107)), range(10)]
specs = [(None, None, -1), (None, None, -3), (8, 2, -2), (-1, -6, -1), (2, 8, -1), (None, 4, -1), (4, None, -1), (-100, None, -1), (100, None, -2)]
for seq in seqs:
    out = []
    for a, b, c in specs:
        v = seq[a:b:c]
        out.append(v if isinstance(v, str) else list(v) if not isinstance(v, bytes) else v.decode())
    print(type(seq).__name__, out)
lst = list(range(10))
lst[::-2] = ["a", "b", "c", "d", "e"]
print(lst)
del lst[::-3]
print(lst)
s = "racecar level noon"
print(" ".join(w[::-1] for w in s.split()), all(w == w[::-1] for w in s.split()))
print("hello"[-1:-6:-1], "hello"[-1::-2], "hello"[3::-1], "hello"[:-6:-1])
