# _thread locks and RLocks, used single-threaded.
import _thread

lock = _thread.allocate_lock()
print(repr(lock).startswith("<unlocked _thread.lock object at 0x"))
print(lock.acquire(), lock.locked())
print(repr(lock).startswith("<locked _thread.lock object at 0x"))
print(lock.acquire(False), lock.acquire(True, 0.01), lock.acquire(timeout=0))
lock.release()
print(lock.locked())
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError:", e)
for args, kw in [((False, 1), {}), ((True, -2), {}), ((), {"timeout": "x"}), ((1, 2, 3), {})]:
    try:
        lock.acquire(*args, **kw)
    except Exception as e:
        print(type(e).__name__ + ":", e)
with lock:
    print("in with", lock.locked())
print("after with", lock.locked())
try:
    _thread.LockType()
except TypeError as e:
    print("TypeError:", e)
print(type(lock) is _thread.LockType, type(lock).__name__, type(lock).__module__)
lock._at_fork_reinit()
print(lock.acquire_lock(), lock.locked_lock(), lock.release_lock())

r = _thread.RLock()
print(repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0 at 0x"))
print(r.acquire(), r.acquire(), r._is_owned())
print("count=2" in repr(r), repr(r).startswith("<locked _thread.RLock object owner="))
state = r._release_save()
print(state[0], state[1] == _thread.get_ident(), r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
r._acquire_restore(state)
print(r._is_owned())
r.release()
r.release()
print(r._is_owned())
with r:
    with r:
        print("nested", r._is_owned())
print(r._is_owned())

class MyRLock(_thread.RLock):
    pass
m = MyRLock()
print(repr(m).startswith("<unlocked MyRLock object owner=0"))

print(isinstance(_thread.get_ident(), int), isinstance(_thread.get_native_id(), int))
print(_thread.TIMEOUT_MAX, _thread.error is RuntimeError, _thread._count())
print(_thread.stack_size())
try:
    _thread.stack_size(5)
except ValueError as e:
    print("ValueError:", e)
