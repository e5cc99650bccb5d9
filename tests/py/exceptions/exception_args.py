# args, str() and repr() of exceptions with zero, one and many arguments.
samples = [Exception(), Exception("msg"), Exception("a", "b"), Exception(42), Exception(None), Exception(""),
           ValueError("bad", 1, [2]), KeyError("key"), KeyError(), KeyError("a", "b"), KeyError(("t", 1)),
           IndexError(3), OSError(2, "No such file"), OSError(2, "No such file", "f.txt"), OSError("just msg"),
           UnicodeError("u"), StopIteration(5), StopIteration(), SystemExit(3), SystemExit("text"), SystemExit()]
for e in samples:
    print(f"{type(e).__name__:16} args={e.args!r:34} str={str(e)!r:36} repr={e!r}")
e = ValueError("original")
e.args = ("replaced", 2)
print(str(e), repr(e))
print(StopIteration(7).value, StopIteration().value, SystemExit(4).code, SystemExit().code, SystemExit(1, 2).code)
os_err = OSError(13, "Permission denied", "secret.txt")
print(os_err.errno, os_err.strerror, os_err.filename, type(os_err).__name__)
print(type(OSError(2, "x")).__name__, type(OSError(13, "x")).__name__, type(OSError(17, "x")).__name__)
fnf = FileNotFoundError(2, "No such file or directory", "a.txt")
print(str(fnf), fnf.errno, isinstance(fnf, OSError))
try:
    raise ValueError("with", "several", "args")
except ValueError as err:
    print(err.args[1], len(err.args), err)
print(repr(Exception("quote's")), str(Exception(["list"])), repr(RuntimeError(1.5)))
