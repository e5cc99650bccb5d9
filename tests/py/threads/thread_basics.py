# Threads: start/join, results through shared state, Lock, RLock, current_thread.
import threading

results = []
lock = threading.Lock()

def worker(n):
    total = 0
    for i in range(n):
        total += i
    with lock:
        results.append((n, total))

threads = [threading.Thread(target=worker, args=(k * 1000,)) for k in range(1, 9)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results))
print(threading.current_thread().name, threading.main_thread() is threading.current_thread())
print(all(not t.is_alive() for t in threads))

counter = 0
rl = threading.RLock()
def bump():
    global counter
    for _ in range(2000):
        with rl:
            with rl:
                counter += 1
ts = [threading.Thread(target=bump) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(counter)

t = threading.Thread(target=lambda: None, name="named")
print(t.name, t.daemon, t.ident is None)
t.start(); t.join()
print(t.ident is not None, isinstance(t.native_id, int))
print(threading.active_count())
l = threading.Lock()
print(l.acquire(), l.acquire(False), l.locked())
l.release()
print(l.locked(), l.acquire(timeout=0.01))
try:
    threading.Lock().release()
except RuntimeError as e:
    print("RuntimeError:", e)
