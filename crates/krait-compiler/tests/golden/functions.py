@decorator(1)
@other
def f(a, /, b, c=1, *args, d, e=2, **kwargs) -> "ret":
    """Docstring."""
    return a + b

def closure(n):
    total = 0
    def add(k):
        nonlocal total
        total += k
        return total
    return add, lambda m=n: m * n

def gen(xs):
    for x in xs:
        y = yield x
    r = yield from xs
    return r

async def coro(aw):
    await aw
    async with aw as v:
        pass
    async for i in aw:
        yield i

def uses_global():
    global G
    G = 1
    return G
