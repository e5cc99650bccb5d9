# Python-level signal handlers.
import os, signal

got = []
def handler(signum, frame):
    got.append(signal.Signals(signum).name)

old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(got)
os.kill(os.getpid(), signal.SIGUSR1)
i = 0
while i < 10:
    i += 1
print(got)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR2)
print("ignored", signal.getsignal(signal.SIGUSR2))
print(signal.signal(signal.SIGUSR2, signal.SIG_DFL))
print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(2), signal.Handlers.SIG_IGN)
print(signal.strsignal(signal.SIGTERM), signal.NSIG, len(signal.valid_signals()))
print(signal.setitimer(signal.ITIMER_REAL, 0), signal.getitimer(signal.ITIMER_REAL))

def on_alarm(signum, frame):
    raise TimeoutError("alarm")
signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    n = 0
    while n >= 0:
        n += 1
except TimeoutError as e:
    print("interrupted loop:", e)

import threading
lock = threading.Lock()
lock.acquire()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    lock.acquire()
except TimeoutError as e:
    print("interrupted acquire:", e)

for args in [(100, signal.SIG_DFL), (signal.SIGKILL, signal.SIG_DFL), (signal.SIGINT, 5)]:
    try:
        signal.signal(*args)
    except Exception as e:
        print(type(e).__name__ + ":", e)
try:
    signal.setitimer(5, 0)
except signal.ItimerError as e:
    print("ItimerError:", e)
print(signal.pthread_sigmask(signal.SIG_BLOCK, []) == set())
