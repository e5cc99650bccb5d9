# Generator throw() and close(): GeneratorExit, cleanup, resuming after handling.
def resilient():
    count = 0
    while True:
        try:
            yield count
        except ValueError as e:
            print("  generator handled", e)
            count = -1
        count += 1
g = resilient()
print(next(g), next(g))
print("throw ->", g.throw(ValueError("reset")))
print(next(g))
def not_handled():
    yield 1
    yield 2
g = not_handled()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(g)
except StopIteration:
    print("generator is finished after unhandled throw")
def cleanup():
    try:
        yield "working"
        yield "more"
    except GeneratorExit:
        print("  got GeneratorExit")
        raise
    finally:
        print("  cleanup done")
g = cleanup()
print(next(g))
g.close()
g.close()
print("closed twice fine")
g = cleanup()
g.close()
print("closing unstarted generator runs nothing")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def returns_in_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
g = returns_in_exit()
next(g)
print("close result:", g.close())
g = not_handled()
try:
    g.throw(ValueError("before start"))
except ValueError as e:
    print("throw before start:", e)
print(list(g))
def catch_type():
    while True:
        try:
            yield
        except TypeError:
            print("  TypeError inside")
            yield "after TypeError"
g = catch_type()
next(g)
print(g.throw(TypeError))
def nested_cleanup():
    try:
        try:
            yield 1
        finally:
            print("  inner finally")
    finally:
        print("  outer finally")
g = nested_cleanup()
next(g)
g.close()
g = resilient()
next(g)
try:
    print(g.throw(ValueError("instance form")))
except Exception as e:
    print("3-arg throw:", e)
