# Generator send(): coroutines, accumulators, two-way communication.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total
acc = accumulator()
print(acc.send(None))
for v in [5, 10, 20]:
    print("sent", v, "->", acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print("final", e.value)
g = accumulator()
try:
    g.send(5)
except TypeError as e:
    print(type(e).__name__, e)
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    finally:
        print("echo got", received)
e = echo()
next(e)
e.send("a")
e.send("b")
e.close()
def averager():
    total, count = 0.0, 0
    average = None
    while True:
        term = yield average
        total += term
        count += 1
        average = total / count
avg = averager()
next(avg)
for x in [10, 20, 60]:
    print("average", avg.send(x))
def parser():
    words = []
    while True:
        ch = yield
        if ch == " " or ch == ".":
            if words:
                print("word:", "".join(words))
                words = []
            if ch == ".":
                return "sentence done"
        else:
            words.append(ch)
p = parser()
next(p)
try:
    for c in "send me words.":
        p.send(c)
except StopIteration as stop:
    print(stop.value)
def gen_yield_expr():
    a = yield 1
    b = yield a * 2
    c = yield a + b
    print("  total", a + b + c)
g = gen_yield_expr()
print(next(g), g.send(10), g.send(5))
try:
    g.send(100)
except StopIteration:
    print("done")
def running():
    x = 0
    while True:
        x = (yield x) or x + 1
r = running()
print([next(r), next(r), r.send(10), next(r), next(r)])
def g2():
    yield 1
g = g2()
next(g)
try:
    g.send(1)
except StopIteration:
    print("send past the end raises StopIteration")
try:
    g.send(1)
except StopIteration:
    print("and again")
