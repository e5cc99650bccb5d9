# 32 threads hammering shared Queues, Locks, Conditions and a dict; the final
# counts must be exact (no lost item, no deadlock).
import threading, queue

N_THREADS = 32
OPS = 1000
work = queue.Queue()
done = queue.Queue()
lock = threading.Lock()
cond = threading.Condition()
shared = {}
counter = [0]
ready = [0]

def worker(tid):
    with cond:
        ready[0] += 1
        cond.notify_all()
        while ready[0] < N_THREADS:
            cond.wait()
    for i in range(OPS):
        work.put((tid, i))
        item = work.get()
        with lock:
            counter[0] += 1
            shared[item] = shared.get(item, 0) + 1
        done.put(item)

threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for t in threads: t.start()
for t in threads: t.join()
total = 0
while not done.empty():
    done.get_nowait()
    total += 1
print(counter[0], total, len(shared), sum(shared.values()), work.qsize())
print(all(v == 1 for v in shared.values()))
