# Async generators driven by a tiny event loop: async for, asend, aclose, comprehensions.
class Sleep:
    def __await__(self):
        yield "tick"
        return "slept"

async def agen(n):
    try:
        for i in range(n):
            r = await Sleep()
            yield i, r
    finally:
        print("agen cleanup")

async def main():
    out = []
    async for x in agen(3):
        out.append(x)
    g = agen(5)
    first = await g.__anext__()
    second = await g.asend(None)
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        out.append("stopped")
    out.append((first, second))
    out.append([v async for v in agen(2)])
    return out

def run(coro):
    ticks = 0
    while True:
        try:
            y = coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks

print(run(main()))
