# Functions and closures that form reference cycles are collected by gc.
import gc
deleted = []
class Marker:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        deleted.append(self.name)
def make_recursive():
    m = Marker("closure")
    def rec(n):
        return m.name if n == 0 else rec(n - 1)
    return rec
r = make_recursive()
print(r(3))
del r
gc.collect()
print(deleted)
deleted.clear()
class Holder:
    def __init__(self):
        self.marker = Marker("bound-method-cycle")
        self.callback = self.method
    def method(self):
        return 1
h = Holder()
del h
gc.collect()
print(deleted)
deleted.clear()
def frame_cycle():
    m = Marker("exception-traceback")
    try:
        raise ValueError("x")
    except ValueError as e:
        saved = e
    return saved
err = frame_cycle()
print(type(err.__traceback__).__name__)
del err
gc.collect()
print(deleted)
