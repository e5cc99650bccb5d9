def loops():
    out = []
    for i in range(10):
        if i % 2:
            continue
        if i > 6:
            break
        out.append(i)
    else:
        out.append("no-break")
    n = 0
    while n < 3:
        n += 1
    else:
        out.append("while-else")
    return out
print(loops())

def chained(a, b, c):
    return a < b < c, a == b == c, 1 < a <= b
print(chained(1, 2, 3), chained(2, 2, 2))

def boolops(a, b):
    return a and b, a or b, not a, (a if b else "no")
print(boolops(0, 5), boolops(3, 0))

def unpack():
    a, *b, c = range(6)
    (d, e), f = [1, 2], 3
    *g, = "hi"
    return a, b, c, d, e, f, g
print(unpack())

def aug():
    xs = [1, 2, 3]
    d = {"k": 1}
    xs[1] += 10
    d["k"] *= 5
    s = "a"
    s += "b"
    return xs, d, s
print(aug())

def fstr(v):
    return f"<{v}> {v!r} {'lit'} {v}{v}"
print(fstr("q"))
print([i for i in range(3) if i != 1] + [j * k for j in range(2) for k in range(3) if k])
print({k: v for k, v in [("a", 1), ("b", 2)]})
total = 0
for i, j in [(1, 2), (3, 4)]:
    total += i * j
print(total)
print("x" in "xyz", 3 in [1, 2], 2 not in (1, 2), 1 in {1: 2})
del total
try:
    print(total)
except NameError:
    print("deleted")
def nones(v):
    out = []
    if v is None:
        out.append("is")
    if v is not None:
        out.append("is not")
    if not v is None and v:
        out.append("truthy")
    while v is not None:
        v = None
        out.append("loop")
    return out
print(nones(None), nones(1), nones(0))
