# threading primitives, single-threaded and with a few threads.
import threading, queue

print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
lock = threading.Lock()
rlock = threading.RLock()
with lock, rlock, rlock:
    print(lock.locked())
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
ev.set()
print(ev.is_set(), ev.wait())
sem = threading.BoundedSemaphore(2)
print(sem.acquire(), sem.acquire(), sem.acquire(timeout=0.01))
sem.release()
cond = threading.Condition()
with cond:
    print(cond.wait(0.01))

local = threading.local()
local.x = 1
print(local.x, local.__dict__)

class Counter(threading.local):
    def __init__(self, start):
        self.n = start

c = Counter(10)
c.n += 1
seen = []
def worker():
    seen.append(c.n)   # a fresh per-thread copy, re-initialised
    c.n = 99
t = threading.Thread(target=worker)
t.start()
t.join()
print(seen, c.n)

q = queue.Queue()
q.put(1)
print(q.get(), q.empty())

results = queue.Queue()
def produce(i):
    results.put(i * i)
threads = [threading.Thread(target=produce, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.get() for _ in range(5)))

total = 0
tl = threading.Lock()
def add():
    global total
    for _ in range(1000):
        with tl:
            total += 1
threads = [threading.Thread(target=add) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(total, threading.active_count())
