# sys.exc_info() inside generators: the generator's own handled exception
# while it is in an except block, else its resumer's.
import sys


def gen():
    print("start", sys.exc_info()[0])
    try:
        yield 1
        raise TypeError()
    except TypeError as exc:
        print("inner", sys.exc_info()[0].__name__, type(exc.__context__).__name__)
    print("after", sys.exc_info()[0])
    yield 2
    print("end", sys.exc_info()[0])
    yield 3


g = gen()
next(g)
try:
    raise ValueError
except ValueError:
    next(g)
next(g)
print(sys.exc_info())


def keeps():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
    print("later", sys.exc_info())
    yield 2


g = keeps()
try:
    raise IndexError
except IndexError:
    next(g)
next(g)


def store():
    try:
        yield
    except Exception as exc:
        print("caught", type(exc).__name__, exc.__context__)
        yield
        print("still", sys.exc_info()[0].__name__)
        yield
        raise


m = store()
next(m)
try:
    raise ValueError("v")
except Exception as exc:
    m.throw(exc)
next(m)
try:
    next(m)
except ValueError as e:
    print("reraised", e, e.__context__)


# throw(): bad instances, bad tracebacks, just-started generators
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls


def boring():
    yield


b = boring()
try:
    b.throw(E)
except TypeError as e:
    print("TypeError:", e)
print(list(b))


def catcher():
    try:
        yield
    except TypeError as e:
        print("inside:", e)
        yield "ok"


c = catcher()
next(c)
print(c.throw(E))
try:
    c.throw(ValueError, "foo", 23)
except TypeError as e:
    print(e)


def opened():
    try:
        yield 1
    except ValueError:
        print("should not be caught")


try:
    opened().throw(ValueError, 7)
except ValueError as e:
    print("escaped", e)

# generator names are writable strings
g = opened()
g.__name__ = "name"
g.__qualname__ = "qual"
print(g.__name__, g.__qualname__)
for attr in ("__name__", "__qualname__"):
    try:
        setattr(g, attr, 1)
    except TypeError as e:
        print(e)


# throw into a delegating generator: the delegate runs "inside" it
def f2():
    print([sys._getframe().f_back.f_code.co_name])
    try:
        yield
    except Exception:
        print("f2 caught", [sys._getframe().f_back.f_code.co_name])


def g2():
    try:
        raise KeyError("a")
    except Exception:
        yield from f2()


x = g2()
x.send(None)
try:
    x.throw(RuntimeError)
except StopIteration:
    print("stopped")
