import asyncio, contextvars
cv = contextvars.ContextVar("cv", default="main")
async def work(n):
    cv.set(f"task{n}")
    await asyncio.sleep(0.01)
    return n * 2, cv.get()
async def main():
    r = await asyncio.gather(*(work(i) for i in range(3)))
    print(r, cv.get())
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
asyncio.run(main())
import concurrent.futures
with concurrent.futures.ThreadPoolExecutor(4) as ex:
    print(list(ex.map(lambda x: x * x, range(8))))
import threading
t = threading.Timer(0.01, lambda: print("timer"))
t.start(); t.join()
