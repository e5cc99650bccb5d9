# Lambda expressions: defaults, closures, immediate calls, sorting keys.
square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), add(b=5, a=1))
print((lambda: "no args")())
print((lambda *args: sum(args))(1, 2, 3, 4))
print((lambda **kw: sorted(kw.items()))(b=2, a=1))
print((lambda a, /, b, *, c: (a, b, c))(1, 2, c=3))
print(square.__name__, (lambda: 0).__name__)
pairs = [(3, "c"), (1, "z"), (2, "a"), (1, "b")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: (-p[0], p[1])))
print(list(map(lambda x: x ** 2, range(6))))
print(list(filter(lambda s: len(s) > 2, ["a", "abc", "de", "fghi"])))
adders = [lambda x, n=n: x + n for n in range(4)]
print([f(10) for f in adders])
late = [lambda x: x + n for n in range(4)]
print([f(10) for f in late])
def make_multiplier(k):
    return lambda x: x * k
double, triple = make_multiplier(2), make_multiplier(3)
print(double(21), triple(7), make_multiplier("ab")(3))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(double, lambda x: x + 1)
print(inc_then_double(4))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print((lambda x: (lambda y: x + y))(3)(4))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b}
for sym in "+-*":
    print(sym, ops[sym](6, 3))
print((lambda x: "even" if x % 2 == 0 else "odd")(7))
cond = lambda x: x > 0 and "pos" or "non-pos"
print(cond(5), cond(-5))
try:
    square()
except TypeError as e:
    print(type(e).__name__, e)
try:
    add(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
print((lambda: (yield 1))().__class__.__name__)
print(list((lambda: (yield from [1, 2, 3]))()))
