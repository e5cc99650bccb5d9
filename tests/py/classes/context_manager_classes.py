# Context manager classes: reusable, reentrant, nested resource stacks.
class Indenter:
    def __init__(self):
        self.level = 0
        self.lines = []
    def __enter__(self):
        self.level += 1
        return self
    def __exit__(self, *exc):
        self.level -= 1
    def print(self, text):
        self.lines.append("    " * self.level + text)
ind = Indenter()
with ind:
    ind.print("level one")
    with ind:
        ind.print("level two")
        with ind:
            ind.print("level three")
    ind.print("back to one")
print("\n".join(ind.lines))
class ExitStack:
    def __init__(self):
        self.callbacks = []
    def enter(self, cm):
        result = cm.__enter__()
        self.callbacks.append(cm.__exit__)
        return result
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        suppressed = False
        while self.callbacks:
            cb = self.callbacks.pop()
            if cb(et, ev, tb):
                suppressed = True
                et = ev = tb = None
        return suppressed
class Named:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("  open", self.name)
        return self.name
    def __exit__(self, et, ev, tb):
        print("  close", self.name, "exc" if et else "clean")
        return self.suppress
with ExitStack() as stack:
    names = [stack.enter(Named(n)) for n in "abc"]
    print("  using", names)
with ExitStack() as stack:
    stack.enter(Named("outer", suppress=True))
    stack.enter(Named("inner"))
    raise ValueError("handled by outer")
print("continued")
class Lock:
    def __init__(self):
        self.held = False
    def __enter__(self):
        if self.held:
            raise RuntimeError("lock already held")
        self.held = True
        return self
    def __exit__(self, *a):
        self.held = False
lock = Lock()
with lock:
    try:
        with lock:
            pass
    except RuntimeError as e:
        print(type(e).__name__, e)
    print("held inside:", lock.held)
print("held after:", lock.held)
class Capture:
    def __enter__(self):
        self.items = []
        return self.items
    def __exit__(self, et, ev, tb):
        self.items.append("closed")
cap = Capture()
with cap as items:
    items.append("work")
print(items)
class ChangeDir:
    stack = ["/"]
    def __init__(self, d):
        self.d = d
    def __enter__(self):
        ChangeDir.stack.append(self.d)
        return "/".join(ChangeDir.stack[1:])
    def __exit__(self, *a):
        ChangeDir.stack.pop()
with ChangeDir("home") as p1:
    with ChangeDir("user") as p2:
        print(p1, p2)
print(ChangeDir.stack)
class ExitReceivesTraceback:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.info = (et.__name__, str(ev), type(tb).__name__)
        return True
with ExitReceivesTraceback() as erc:
    {}["zz"]
print(erc.info)
