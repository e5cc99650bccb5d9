# Higher-order functions: compose, curry, partial application, reduce by hand.
def compose(*funcs):
    def composed(x):
        for f in reversed(funcs):
            x = f(x)
        return x
    return composed
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def partial(func, *fixed, **fixed_kw):
    def call(*args, **kw):
        return func(*fixed, *args, **{**fixed_kw, **kw})
    return call
def volume(l, w, h, unit="cm"):
    return f"{l * w * h}{unit}3"
box = partial(volume, 2, 3)
print(box(4), box(5, unit="m"), partial(volume, unit="mm")(1, 1, 1))
def curry(func, arity):
    def curried(*args):
        if len(args) >= arity:
            return func(*args)
        return lambda *more: curried(*args, *more)
    return curried
add3 = curry(lambda a, b, c: a + b + c, 3)
print(add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(1, 2, 3))
def reduce(func, iterable, initial=None):
    it = iter(iterable)
    acc = next(it) if initial is None else initial
    for v in it:
        acc = func(acc, v)
    return acc
print(reduce(lambda a, b: a * b, range(1, 8)), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + [b], "abc", []))
def apply_n(f, n):
    def run(x):
        for _ in range(n):
            x = f(x)
        return x
    return run
print(apply_n(dbl, 10)(1), apply_n(lambda s: s + "!", 3)("hi"))
def pipeline(data, *steps):
    for step in steps:
        data = step(data)
    return data
result = pipeline(range(20),
                  lambda xs: [x for x in xs if x % 3 == 0],
                  lambda xs: map(lambda v: v * v, xs),
                  sum)
print(result)
def group_by(items, key):
    groups = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups
print(group_by(["apple", "bob", "cat", "anna", "bee"], lambda s: s[0]))
print(group_by(range(10), lambda n: n % 3))
def zip_with(f, *seqs):
    return [f(*vals) for vals in zip(*seqs)]
print(zip_with(lambda a, b: a * b, [1, 2, 3], [4, 5, 6]), zip_with(max, [1, 9], [5, 2], [3, 3]))
def memo_by_args(f):
    cache = {}
    def inner(*args):
        if args not in cache:
            cache[args] = f(*args)
        return cache[args]
    inner.cache = cache
    return inner
@memo_by_args
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)
print(grid_paths(16, 16), len(grid_paths.cache))
def flip(f):
    return lambda a, b: f(b, a)
print(flip(pow)(2, 10), flip(lambda a, b: a - b)(1, 10))
print(sorted(["bb", "a", "ccc"], key=len), list(map(str.upper, ["x", "y"])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
