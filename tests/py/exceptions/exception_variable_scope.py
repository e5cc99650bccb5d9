# The `as` target is deleted at the end of the except block; __traceback__ exists.
e = "before"
try:
    1 / 0
except ZeroDivisionError as e:
    print("inside:", type(e).__name__)
print("e" in globals())
def keep_reference():
    saved = None
    try:
        raise ValueError("kept")
    except ValueError as err:
        saved = err
    return saved
k = keep_reference()
print(repr(k), k.__traceback__ is not None, type(k.__traceback__).__name__)
def lineno_of_raise():
    try:
        x = 1
        raise KeyError("where")
    except KeyError as err:
        tb = err.__traceback__
        return tb.tb_lineno - lineno_of_raise.__code__.co_firstlineno
print("raise is at function line offset", lineno_of_raise())
def in_loop():
    errors = []
    for i in range(3):
        try:
            if i != 1:
                raise ValueError(i)
        except ValueError as exc:
            errors.append(exc.args[0])
    try:
        exc
    except NameError as ne:
        errors.append(f"NameError: {ne}")
    return errors
print(in_loop())
try:
    raise TypeError("t")
except TypeError as err:
    err2 = err
    err = "rebinding inside handler"
print(repr(err2))
import sys
try:
    raise IndexError("current")
except IndexError:
    info = sys.exc_info()
    print(info[0].__name__, info[1], info[2] is not None, sys.exception() is info[1])
print(sys.exc_info(), sys.exception())
