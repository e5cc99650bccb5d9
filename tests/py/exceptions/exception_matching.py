# How except clauses match: tuples, order, base classes, dynamic expressions.
def classify(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return f"lookup:{type(e).__name__}"
    except ArithmeticError as e:
        return f"arith:{type(e).__name__}"
    except (TypeError, ValueError):
        return "type-or-value"
    except Exception as e:
        return f"other:{type(e).__name__}"
for exc in [KeyError(), IndexError(), ZeroDivisionError(), OverflowError(), TypeError(), UnicodeDecodeError("utf-8", b"", 0, 1, "x"), RuntimeError(), NotImplementedError()]:
    print(classify(exc))
handlers = (OSError, EOFError)
try:
    raise EOFError("eof")
except handlers as e:
    print("dynamic tuple caught", repr(e))
def pick():
    return LookupError
try:
    {}["k"]
except pick() as e:
    print("handler from call:", type(e).__name__)
try:
    try:
        raise ValueError("inner")
    except TypeError:
        print("not reached")
except ValueError as e:
    print("propagated to outer:", e)
try:
    try:
        raise KeyError("x")
    except 42:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    try:
        raise KeyError("y")
    except (KeyError, 42):
        print("first tuple element matched before the invalid one")
except TypeError as e:
    print("TypeError:", e)
class Base(Exception): pass
class Child(Base): pass
try:
    raise Child("c")
except Base as e:
    print("base catches child:", type(e).__name__)
try:
    raise Base("b")
except Child:
    print("never")
except Base as e:
    print("child does not catch base:", e)
try:
    raise SystemExit(2)
except Exception:
    print("never: SystemExit is not an Exception")
except BaseException as e:
    print("BaseException catches", type(e).__name__, e.code)
def bare_except():
    try:
        raise GeneratorExit
    except:
        return "bare except catches everything"
print(bare_except())
