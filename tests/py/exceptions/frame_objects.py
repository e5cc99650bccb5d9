# Frame objects: identity, f_locals, f_back, f_lineno after exit, tracebacks.
import sys
import types


def f(a, b=2):
    c = a + b
    fr = sys._getframe()
    print(fr is sys._getframe(), fr.f_code is f.__code__, fr.f_back.f_code.co_name)
    print(sorted(fr.f_locals), fr.f_locals["c"])
    return fr


fr = f(1)
print(fr.f_lineno - f.__code__.co_firstlineno, fr.f_back is sys._getframe(), sorted(fr.f_locals))
print(f.__code__ is f.__code__)


def raiser():
    x = 42
    raise ValueError("boom")


try:
    raiser()
except ValueError as e:
    tb = e.__traceback__
print(tb.tb_frame is sys._getframe(), tb.tb_next.tb_frame.f_locals)
print(tb.tb_next.tb_frame.f_back is sys._getframe(), tb.tb_next.tb_next)


def outer():
    z = 5

    def inner():
        return sys._getframe(1).f_locals

    return inner()


print(sorted(outer()))


class C:
    q = 1
    loc = sys._getframe().f_locals


print(sorted(C.loc))
print(sys._getframe().f_locals is globals())

# tb_next is writable, without loops
t2 = types.TracebackType(None, sys._getframe(), 6, 7)
print(t2.tb_lineno, t2.tb_lasti, t2.tb_next, t2.tb_frame is sys._getframe())
try:
    t2.tb_next = t2
except ValueError as e:
    print("ValueError", e)
try:
    del t2.tb_next
except TypeError as e:
    print("TypeError", e)


# f_lineno of a frame that was left by an exception: where it stopped
def lineno_after_raise(func):
    try:
        func()
    except Exception as ex:
        t = ex.__traceback__.tb_next
    fr = t.tb_frame
    return fr.f_lineno - fr.f_code.co_firstlineno


def in_try():
    try:
        1 / 0
    finally:
        pass


def other_except():
    try:
        1 / 0
    except TypeError:
        pass


def in_except():
    try:
        1 / 0
    except:
        1 / 0
        pass


print(lineno_after_raise(in_try), lineno_after_raise(other_except), lineno_after_raise(in_except))


# generator frames
def g():
    y = 1
    yield sys._getframe()
    y = 2
    yield 2


gen = g()
a = next(gen)
print(a is gen.gi_frame, a.f_locals, a.f_back, gen.gi_code is g.__code__)
next(gen)
print(gen.gi_frame.f_locals)
