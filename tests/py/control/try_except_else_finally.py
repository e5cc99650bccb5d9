# try / except / else / finally flow in all combinations.
def attempt(action):
    log = []
    try:
        log.append("try")
        if action == "value":
            raise ValueError("bad value")
        if action == "key":
            {}["missing"]
        if action == "zero":
            1 / 0
        log.append("try end")
    except ValueError as e:
        log.append(f"ValueError({e})")
    except (KeyError, IndexError) as e:
        log.append(f"lookup {type(e).__name__} {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for a in ["ok", "value", "key"]:
    print(a, attempt(a))
try:
    attempt("zero")
except ZeroDivisionError as e:
    print("propagated:", e)
def nested():
    try:
        try:
            raise TypeError("inner")
        except ValueError:
            print("wrong handler")
        finally:
            print("inner finally")
    except TypeError as e:
        print("outer caught", e)
    else:
        print("no else")
nested()
try:
    raise KeyError("k")
except LookupError as e:
    print("base class catches:", type(e).__name__, repr(e))
try:
    raise IndexError
except Exception as e:
    print("no-arg instance:", type(e).__name__, repr(e), str(e) == "")
def handler_order(exc):
    try:
        raise exc
    except ArithmeticError:
        return "ArithmeticError"
    except Exception:
        return "Exception"
    except BaseException:
        return "BaseException"
print(handler_order(OverflowError()), handler_order(RuntimeError()), handler_order(KeyboardInterrupt()))
try:
    pass
except Exception:
    print("never")
else:
    print("else without exception")
finally:
    print("finally always")
e = "outer binding"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("exception name unbound after handler:", err)
def raise_in_else():
    try:
        pass
    except ValueError:
        return "caught by own handler?"
    else:
        raise ValueError("from else")
try:
    raise_in_else()
except ValueError as err:
    print("else exception not caught by sibling handler:", err)
try:
    try:
        raise ValueError("original")
    except ValueError:
        raise RuntimeError("in handler")
except RuntimeError as err:
    print(type(err).__name__, err, type(err.__context__).__name__)
