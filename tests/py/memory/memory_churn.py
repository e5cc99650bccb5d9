# Allocating and dropping many objects repeatedly; results must stay correct.
total = 0
for round_no in range(20):
    data = [list(range(50)) for _ in range(200)]
    total += sum(len(x) for x in data)
    data = None
print(total)
strings = []
for i in range(5000):
    strings.append(str(i) * 3)
    if len(strings) > 100:
        strings = strings[-10:]
print(len(strings), strings[-1])
d = {}
for i in range(20000):
    d[i] = i * i
    if i % 3 == 0:
        del d[i]
print(len(d), sum(d.values()) % 1000003)
big = "x" * 1000000
pieces = [big[i:i + 1000] for i in range(0, len(big), 1000)]
print(len(pieces), len("".join(pieces)))
del big, pieces
acc = 0
for i in range(100000):
    t = (i, str(i), [i])
    acc += t[0] + len(t[1]) + t[2][0]
print(acc)
class Small:
    __slots__ = ("v",)
    def __init__(self, v):
        self.v = v
objs = [Small(i) for i in range(100000)]
print(sum(o.v for o in objs))
objs = None
print("done")
