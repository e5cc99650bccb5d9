# The built-in exception hierarchy.
def chain(cls):
    return " -> ".join(c.__name__ for c in cls.__mro__)
for cls in [ZeroDivisionError, OverflowError, FloatingPointError, KeyError, IndexError, ModuleNotFoundError,
            FileNotFoundError, PermissionError, TimeoutError, ConnectionRefusedError, UnicodeDecodeError,
            UnicodeEncodeError, RecursionError, NotImplementedError, UnboundLocalError, IndentationError,
            TabError, StopIteration, StopAsyncIteration, GeneratorExit, KeyboardInterrupt, SystemExit,
            AssertionError, AttributeError, EOFError, MemoryError, BufferError, LookupError,
            DeprecationWarning, UserWarning, ExceptionGroup, BaseExceptionGroup]:
    print(chain(cls))
print(issubclass(Exception, BaseException), issubclass(SystemExit, Exception), issubclass(GeneratorExit, Exception))
print(issubclass(OSError, Exception), IOError is OSError, EnvironmentError is OSError)
print(issubclass(Warning, Exception), issubclass(BytesWarning, Warning))
def catches(exc, handler):
    try:
        raise exc
    except handler:
        return True
    except BaseException:
        return False
print(catches(KeyError("k"), LookupError), catches(IndexError(), LookupError), catches(ValueError(), LookupError))
print(catches(FileNotFoundError(), OSError), catches(UnicodeError(), ValueError), catches(KeyboardInterrupt(), Exception))
print(catches(RecursionError(), RuntimeError), catches(ModuleNotFoundError(), ImportError), catches(TabError(), SyntaxError))
print(sorted(c.__name__ for c in ArithmeticError.__subclasses__()))
print(sorted(c.__name__ for c in LookupError.__subclasses__() if c.__module__ == "builtins"))
