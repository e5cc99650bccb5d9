# Event, Condition, Semaphore, Barrier, Timer, local, excepthook.
import threading

ev = threading.Event()
seen = []
def waiter(i):
    ev.wait()
    seen.append(i)
ws = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for w in ws: w.start()
print("before set", seen)
ev.set()
for w in ws: w.join()
print("after set", sorted(seen), ev.is_set())

cond = threading.Condition()
items = []
def consumer(out):
    with cond:
        while not items:
            cond.wait()
        out.append(items.pop(0))
got = []
cs = [threading.Thread(target=consumer, args=(got,)) for _ in range(3)]
for c in cs: c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify()
for c in cs: c.join()
print("condition", sorted(got))

sem = threading.BoundedSemaphore(2)
active = [0]
peak = [0]
mlock = threading.Lock()
def limited():
    with sem:
        with mlock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        for _ in range(1000):
            pass
        with mlock:
            active[0] -= 1
ts = [threading.Thread(target=limited) for _ in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("semaphore peak <= 2:", peak[0] <= 2)
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)

barrier = threading.Barrier(4)
order = []
def at_barrier(i):
    r = barrier.wait()
    with mlock:
        order.append(r)
bs = [threading.Thread(target=at_barrier, args=(i,)) for i in range(4)]
for b in bs: b.start()
for b in bs: b.join()
print("barrier", sorted(order), barrier.broken)

fired = threading.Event()
tm = threading.Timer(0.01, fired.set)
tm.start(); tm.join()
print("timer fired", fired.is_set())
tm2 = threading.Timer(10, fired.set)
tm2.start(); tm2.cancel(); tm2.join()
print("cancelled timer alive", tm2.is_alive())

loc = threading.local()
loc.x = "main"
vals = []
def use_local(i):
    loc.x = i
    vals.append((i, loc.x))
ls = [threading.Thread(target=use_local, args=(i,)) for i in range(3)]
for t in ls: t.start()
for t in ls: t.join()
print("local", sorted(vals), loc.x)

caught = []
def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook
def boom():
    raise ValueError("bad thing")
t = threading.Thread(target=boom, name="boomer")
t.start(); t.join()
print("excepthook", caught)
threading.excepthook = threading.__excepthook__
