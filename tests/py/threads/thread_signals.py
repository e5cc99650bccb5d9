# Ctrl-C (SIGINT) reaches the main thread while it waits on a lock, a join
# or a queue.
import os, signal, threading, time, queue, _thread

def poke(delay, how="kill"):
    def run():
        time.sleep(delay)
        if how == "kill":
            os.kill(os.getpid(), signal.SIGINT)
        else:
            _thread.interrupt_main()
    t = threading.Thread(target=run)
    t.start()
    return t

lock = threading.Lock()
lock.acquire()
t = poke(0.05)
try:
    lock.acquire()
    print("acquired?!")
except KeyboardInterrupt:
    print("KeyboardInterrupt while waiting on a lock")
t.join()

blocker = threading.Event()
worker = threading.Thread(target=blocker.wait)
worker.start()
t = poke(0.05)
try:
    worker.join()
except KeyboardInterrupt:
    print("KeyboardInterrupt while joining")
blocker.set()
worker.join()
t.join()

q = queue.Queue()
t = poke(0.05)
try:
    q.get()
except KeyboardInterrupt:
    print("KeyboardInterrupt while waiting on a queue")
t.join()
print("alive", threading.active_count())
