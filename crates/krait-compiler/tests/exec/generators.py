def gen(n):
    for i in range(n):
        got = yield i
        if got:
            print("got", got)
    return "ret"

print(list(gen(3)))
g = gen(3)
print(next(g), g.send("hello"), next(g))

def delegate():
    r = yield from gen(2)
    print("delegate got", r)
    yield from [10, 20]
    yield "end"
print(list(delegate()))

def genexp():
    return sum_list(x * x for x in range(4) if x)
def sum_list(it):
    t = 0
    for v in it:
        t += v
    return t
print(genexp())

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(8)])

def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
print(list(gen_finally()))
lam = lambda: (yield 5)
print(list(lam()))
