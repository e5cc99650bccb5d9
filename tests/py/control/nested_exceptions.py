# Nested try blocks, re-raising, handlers that raise.
def level3(x):
    if x == 0:
        raise ZeroDivisionError("level3 got zero")
    if x < 0:
        raise ValueError(f"negative: {x}")
    return 10 / x
def level2(x):
    try:
        return level3(x)
    except ZeroDivisionError:
        print("  level2 handles zero, re-raising as ArithmeticError")
        raise ArithmeticError("wrapped") from None
def level1(x):
    try:
        return level2(x)
    except ArithmeticError as e:
        return f"level1 caught {type(e).__name__}: {e}"
    except ValueError as e:
        return f"level1 caught ValueError: {e}"
for v in [5, 0, -1]:
    print(level1(v))
def reraise():
    try:
        int("nope")
    except ValueError:
        print("  logging and re-raising")
        raise
try:
    reraise()
except ValueError as e:
    print("outer:", e)
def handler_fails():
    try:
        [][0]
    except IndexError:
        {}["key"]
try:
    handler_fails()
except KeyError as e:
    print("KeyError with context", type(e.__context__).__name__, e.__context__)
try:
    try:
        raise ValueError("a")
    except ValueError as first:
        try:
            raise TypeError("b")
        except TypeError as second:
            print("inner handler", first, second)
            print("context of second is first:", second.__context__ is first)
        print("still in first handler:", first)
except Exception:
    print("never")
depth_log = []
def recurse(n):
    try:
        if n == 0:
            raise RuntimeError("bottom")
        recurse(n - 1)
    finally:
        depth_log.append(n)
try:
    recurse(4)
except RuntimeError as e:
    print(e, depth_log)
class CleanupError(Exception):
    pass
results = []
for i in range(4):
    try:
        try:
            if i % 2:
                raise CleanupError(i)
            results.append(f"ok {i}")
        finally:
            results.append(f"cleanup {i}")
    except CleanupError as e:
        results.append(f"caught {e}")
print(results)
def bare_raise_outside():
    raise
try:
    bare_raise_outside()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError("inner") 
except ValueError:
    try:
        bare_raise_outside()
    except ValueError as e:
        print("bare raise inside handler re-raises current:", e)
