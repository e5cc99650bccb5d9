def trace(tag, v):
    print("eval", tag)
    return v

xs = [1, 2, 3]
xs[trace("index", 0)] += trace("rhs", 10)
print(xs)
print(trace("a", 1) < trace("b", 2) < trace("c", 0) < trace("d", 5))
d = {trace("k1", "a"): trace("v1", 1), trace("k2", "b"): trace("v2", 2)}
print(d)

def param_cell(p, q=3):
    def get():
        return p + q
    p = p * 10
    return get()
print(param_cell(1))

def orders(v):
    match v:
        case {"x": a, "y": b} | [b, a]:
            return (a, b)
        case _:
            return "none"
print(orders({"x": 1, "y": 2}), orders([3, 4]))

def unwinding():
    out = []
    for i in range(3):
        try:
            with cm("w" + str(i)):
                try:
                    if i == 0:
                        continue
                    if i == 2:
                        return out
                finally:
                    out.append("inner" + str(i))
        finally:
            out.append("outer" + str(i))
    return "unreachable"
print(unwinding())

def finally_break():
    for i in range(5):
        try:
            raise ValueError("x")
        finally:
            break
    return i
print(finally_break())

def return_override():
    try:
        return "first"
    finally:
        print("in finally")

def nested_return():
    try:
        try:
            return trace("ret", "value")
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(return_override(), nested_return())

G = 0
def set_global():
    global G
    G += 5
    return G
set_global()
print(G)

def star_calls(*a, **k):
    return a, k
a = [2, 3]
b = (5,)
print(star_calls(1, *a, 4, *b, x=1, **{"y": 2}, z=3))
try:
    star_calls(**{"x": 1}, **{"x": 2})
except TypeError:
    print("dup kw")
print([y := 5, y ** 2])
print([last := i for i in range(4)], last)
def walrus_fn(vals):
    return [w for v in vals if (w := v * 2) > 2], w
print(walrus_fn([1, 2, 3]))
s = "abc"
print(f"{s!r}{len(s)}" + "!" * 2)
e = [1, [2, 3]]
del e[1][0]
print(e)
print(not 1 == 2, -(-3), 7 // 2, -7 // 2, 7 % -3, 2 ** 10)
def gen_ret():
    x = yield 1
    return x
def outer_gen():
    v = yield from gen_ret()
    yield ("inner returned", v)
og = outer_gen()
print(next(og), og.send("sent"))
def kwonly(*, a, b=2):
    return a + b
print(kwonly(a=1), kwonly(b=5, a=1))
def many(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, d0, d1):
    return a0 + d1
print(many(*range(32)))
print(many(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31))
big = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, s]
print(len(big), big[-1])
bigd = {"a0": 0, "a1": 1, "a2": 2, "a3": 3, "a4": 4, "a5": 5, "a6": 6, "a7": 7, "a8": 8, "a9": 9, "b0": 10, "b1": 11, "b2": 12, "b3": 13, "b4": 14, "b5": 15, "b6": 16, "b7": 17, "x": s}
print(len(bigd), bigd["x"])
