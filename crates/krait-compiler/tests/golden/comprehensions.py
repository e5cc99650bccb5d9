def comps(xs, ys):
    a = [x * y for x in xs for y in ys if x if y]
    b = {x for x in xs}
    c = {k: v for k, v in xs}
    d = (x for x in xs)
    e = [last := x for x in xs]
    return a, b, c, d, e, last

async def acomps(xs):
    return [x async for x in xs], [await x for x in xs]
