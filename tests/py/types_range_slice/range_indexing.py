# Indexing and slicing range objects returns ints and ranges.
r = range(0, 100, 7)
print(r[0], r[1], r[-1], r[-2], len(r), r[len(r) - 1])
print(r[2:5], r[::2], r[::-1], r[-3:], r[:0], r[5:2], r[1::3])
print(list(r[2:5]), list(r[::-1])[:3], r[::-1][0])
rr = range(10, 0, -2)
print(rr[1], rr[-1], rr[1:3], rr[::-1], list(rr[::-1]))
print(range(5)[slice(1, None)], range(5)[10:], range(5)[-10:2])
for bad in [100, -100, 15]:
    try:
        r[bad]
    except IndexError as e:
        print(bad, type(e).__name__, e)
try:
    r["1"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    r[1.5]
except TypeError as e:
    print(type(e).__name__, e)
try:
    r[::0]
except ValueError as e:
    print(type(e).__name__, e)
big = range(0, 10 ** 30, 3)
print(big[10 ** 20], big[-1], big[5:8], len(range(0, 10 ** 18, 7)))
