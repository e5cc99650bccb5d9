# Implicit exception chaining: __context__ and __suppress_context__.
def chain_info(e):
    parts = []
    while e is not None:
        parts.append(f"{type(e).__name__}({e})")
        e = e.__context__
    return " <- ".join(parts)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        int("x")
except ValueError as e:
    print(chain_info(e))
    print(e.__cause__, e.__suppress_context__)
try:
    try:
        try:
            raise KeyError("one")
        except KeyError:
            raise IndexError("two")
    except IndexError:
        raise TypeError("three")
except TypeError as e:
    print(chain_info(e))
try:
    try:
        raise ValueError("original")
    finally:
        raise RuntimeError("from finally")
except RuntimeError as e:
    print(chain_info(e))
try:
    try:
        raise ValueError("v")
    except ValueError as v:
        raise v
except ValueError as e:
    print("re-raising same object keeps no self-context:", e.__context__)
err = None
try:
    try:
        raise OSError("disk")
    except OSError:
        raise LookupError("lookup") from None
except LookupError as e:
    err = e
print(err.__suppress_context__, err.__cause__, type(err.__context__).__name__)
def cleanup():
    try:
        raise ValueError("cleanup failed")
    except ValueError:
        pass
try:
    try:
        raise KeyError("main")
    except KeyError:
        cleanup()
        raise
except KeyError as e:
    print("handled inner exception does not leak:", repr(e), e.__context__)
e1 = ValueError("manual")
e1.__context__ = TypeError("set by hand")
print(chain_info(e1))
try:
    raise e1
except ValueError as e:
    print(chain_info(e))
def gen():
    try:
        yield 1
    except GeneratorExit:
        raise
g = gen()
next(g)
try:
    try:
        raise NameError("outer")
    except NameError:
        g.throw(ValueError("thrown in"))
except ValueError as e:
    print(chain_info(e))
