# Generator functions as reusable building blocks: arguments, defaults, closures, recursion.
def countdown(start, step=1):
    while start > 0:
        yield start
        start -= step
print(list(countdown(5)), list(countdown(10, step=3)), list(countdown(0)))
def make_filter(predicate):
    def filtered(iterable):
        for item in iterable:
            if predicate(item):
                yield item
    return filtered
evens = make_filter(lambda n: n % 2 == 0)
print(list(evens(range(10))), list(evens([])))
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, head in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [head] + rest
print(["".join(p) for p in permutations("abc")], sum(1 for _ in permutations(list(range(5)))))
def combinations(items, k, start=0, prefix=()):
    if len(prefix) == k:
        yield prefix
        return
    for i in range(start, len(items)):
        yield from combinations(items, k, i + 1, prefix + (items[i],))
print(list(combinations("abcd", 2)), len(list(combinations(range(10), 3))))
def accumulate(iterable, func=lambda a, b: a + b, initial=None):
    it = iter(iterable)
    total = initial if initial is not None else next(it, None)
    if total is None:
        return
    yield total
    for v in it:
        total = func(total, v)
        yield total
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([], initial=None)))
print(list(accumulate([1, 2, 3], initial=100)))
gen_fn = countdown
g = gen_fn(3)
print(type(gen_fn).__name__, type(g).__name__, g.__name__, g.__qualname__)
def with_kwargs(*args, sep="-", **kw):
    for a in args:
        yield f"{a}{sep}{kw.get(a, '?')}"
print(list(with_kwargs("x", "y", sep=":", x=1)))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n
        n += 1
p = primes()
print([next(p) for _ in range(15)])
def tree_paths(tree, prefix=""):
    for name, sub in sorted(tree.items()):
        path = f"{prefix}/{name}"
        if sub:
            yield from tree_paths(sub, path)
        else:
            yield path
fs = {"usr": {"bin": {"python": {}, "krait": {}}, "lib": {}}, "etc": {"hosts": {}}}
print(list(tree_paths(fs)))
