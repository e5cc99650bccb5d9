import atexit
calls = []
atexit.register(calls.append, 1)
atexit.register(calls.append, 2)
atexit._run_exitfuncs()
print(calls)
atexit.register(calls.append, 3)
atexit._clear()
atexit._run_exitfuncs()
print(calls)
