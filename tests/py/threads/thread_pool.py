# concurrent.futures.ThreadPoolExecutor: map, submit, as_completed, exceptions.
from concurrent.futures import ThreadPoolExecutor, as_completed, wait
import threading

def square(x):
    return x * x

with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    futs = [ex.submit(square, i) for i in range(5)]
    print(sorted(f.result() for f in as_completed(futs)))
    def fail():
        raise KeyError("nope")
    f = ex.submit(fail)
    try:
        f.result()
    except KeyError as e:
        print("KeyError", e)
    print(f.done(), type(f.exception()).__name__)
    done, not_done = wait([ex.submit(square, 3)])
    print(len(done), len(not_done))
names = set()
def who(_):
    names.add(threading.current_thread().name.split("_")[0])
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
    list(ex.map(who, range(20)))
print(names)
