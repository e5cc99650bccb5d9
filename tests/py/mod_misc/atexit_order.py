# atexit: callbacks run at exit, newest first, after the main program.
import atexit

def show(*args, **kw):
    print("exit", args, kw)

def unused():
    print("never")

n0 = atexit._ncallbacks()
atexit.register(show, 1)
atexit.register(show, 2, key="v")
atexit.register(unused)
print(atexit.register(show, 3) is show)
atexit.unregister(unused)
try:
    atexit.register(5)
except TypeError as e:
    print("TypeError:", e)
atexit.register(print, "last registered, first run")
print("main done")
