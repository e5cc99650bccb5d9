# check-stderr
# An uncaught exception in a thread is reported by threading.excepthook on
# stderr (CPython's format) and does not stop the program.
import threading

def boom():
    raise ValueError("from a thread")

t = threading.Thread(target=boom, name="worker-1")
t.start()
t.join()
print("main continues", t.is_alive())
