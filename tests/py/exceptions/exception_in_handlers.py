# Exceptions raised inside except/else/finally and by __exit__; cleanup ordering.
log = []
def step(name, fail=False):
    log.append(name)
    if fail:
        raise RuntimeError(f"{name} failed")
def scenario(fail_try, fail_except, fail_else, fail_finally):
    log.clear()
    try:
        try:
            step("try", fail_try)
        except RuntimeError:
            step("except", fail_except)
        else:
            step("else", fail_else)
        finally:
            step("finally", fail_finally)
    except RuntimeError as e:
        ctx = type(e.__context__).__name__ if e.__context__ else None
        return f"{log} -> {e} (context: {ctx})"
    return f"{log} -> ok"
for flags in [(0, 0, 0, 0), (1, 0, 0, 0), (1, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1), (1, 1, 0, 1), (0, 0, 1, 1)]:
    print(flags, scenario(*map(bool, flags)))
class Fragile:
    def __enter__(self):
        return self
    def __exit__(self, et, e, tb):
        raise OSError("exit failed")
try:
    with Fragile():
        raise ValueError("body failed")
except OSError as e:
    print(e, "| context:", repr(e.__context__))
def gen():
    try:
        yield 1
    finally:
        raise KeyError("in generator finally")
g = gen()
next(g)
try:
    g.close()
except KeyError as e:
    print("close raised", repr(e))
