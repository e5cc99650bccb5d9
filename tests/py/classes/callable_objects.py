# __call__: function-like objects, stateful callables, callable checks.
class Multiplier:
    def __init__(self, factor):
        self.factor = factor
    def __call__(self, x):
        return x * self.factor
triple = Multiplier(3)
print(triple(7), triple("ab"), list(map(triple, [1, 2, 3])), callable(triple))
class Counter:
    def __init__(self):
        self.count = 0
    def __call__(self, *args, **kwargs):
        self.count += 1
        return f"call #{self.count} args={args} kwargs={kwargs}"
c = Counter()
print(c())
print(c(1, key="v"))
print(c.count)
class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = coeffs
    def __call__(self, x):
        result = 0
        for c in self.coeffs:
            result = result * x + c
        return result
    def __repr__(self):
        terms = []
        n = len(self.coeffs) - 1
        for i, c in enumerate(self.coeffs):
            p = n - i
            if c == 0:
                continue
            terms.append(f"{c}" + ("" if p == 0 else "x" if p == 1 else f"x^{p}"))
        return " + ".join(terms) or "0"
poly = Polynomial(2, 0, -3, 1)
print(poly, [poly(x) for x in range(-2, 3)])
class Cached:
    def __init__(self, func):
        self.func = func
        self.cache = {}
    def __call__(self, *args):
        if args not in self.cache:
            self.cache[args] = self.func(*args)
        return self.cache[args]
@Cached
def binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)
print(binom(30, 15), len(binom.cache), type(binom).__name__)
class NotCallable:
    pass
print(callable(NotCallable), callable(NotCallable()), callable(len), callable(5), callable(lambda: 0))
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
class ClassCall:
    def __call__(self):
        return "instance call"
ClassCall.__call__ = lambda self: "patched call"
print(ClassCall()())
inst = ClassCall()
inst.__call__ = lambda: "instance attribute is ignored"
print(inst())
class Pipeline:
    def __init__(self, *steps):
        self.steps = steps
    def __call__(self, value):
        for s in self.steps:
            value = s(value)
        return value
    def __or__(self, step):
        return Pipeline(*self.steps, step)
pipe = Pipeline(str.strip) | str.lower | (lambda s: s.replace(" ", "_")) | Multiplier(2)
print(pipe("  Hello World  "))
class Adder:
    def __call__(self, a, b=10, *, c=100):
        return a + b + c
add = Adder()
print(add(1), add(1, 2), add(1, c=0))
try:
    add()
except TypeError as e:
    print(type(e).__name__, e)
