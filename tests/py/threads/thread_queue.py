# queue.Queue / LifoQueue / PriorityQueue / SimpleQueue between threads.
import queue, threading

q = queue.Queue(maxsize=4)
out = []
def producer():
    for i in range(100):
        q.put(i)
    q.put(None)
def consumer():
    while True:
        x = q.get()
        if x is None:
            q.task_done()
            break
        out.append(x * 2)
        q.task_done()
p = threading.Thread(target=producer); c = threading.Thread(target=consumer)
p.start(); c.start(); p.join(); c.join()
q.join()
print(len(out), sum(out), out[:5], q.empty(), q.qsize())

lq = queue.LifoQueue()
for i in range(3): lq.put(i)
print([lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for x in [5, 1, 3]: pq.put((x, str(x)))
print([pq.get() for _ in range(3)])
sq = queue.SimpleQueue()
sq.put("a"); sq.put("b")
print(sq.get(), sq.get_nowait(), sq.empty(), sq.qsize())
try:
    sq.get_nowait()
except queue.Empty:
    print("Empty")
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
fq = queue.Queue(1); fq.put(1)
try:
    fq.put(2, block=False)
except queue.Full:
    print("Full")
