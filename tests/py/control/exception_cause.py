# Explicit chaining with raise ... from.
class ConfigError(Exception):
    pass
def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError(f"invalid port {text!r}") from e
try:
    parse_port("eighty")
except ConfigError as e:
    print(type(e).__name__, e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
    print("suppress:", e.__suppress_context__, "context is cause:", e.__context__ is e.__cause__)
print(parse_port("8080"))
try:
    raise RuntimeError("no chain") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, e.__context__)
try:
    raise ValueError("with class cause") from KeyError
except ValueError as e:
    print(type(e.__cause__).__name__, repr(e.__cause__))
try:
    try:
        raise IndexError("ctx")
    except IndexError:
        raise ValueError("explicit") from TypeError("other")
except ValueError as e:
    print("cause:", repr(e.__cause__), "context:", repr(e.__context__))
try:
    raise ValueError("bad") from 42
except TypeError as e:
    print(type(e).__name__, e)
e = ValueError("x")
e.__cause__ = KeyError("y")
print(e.__suppress_context__, repr(e.__cause__))
try:
    e.__cause__ = "not an exception"
except TypeError as err:
    print(type(err).__name__, err)
def layered():
    try:
        try:
            {}["a"]
        except KeyError as k:
            raise LookupError("layer 1") from k
    except LookupError as l:
        raise RuntimeError("layer 2") from l
try:
    layered()
except RuntimeError as e:
    chain = []
    while e:
        chain.append(f"{type(e).__name__}: {e}")
        e = e.__cause__
    print(" -> ".join(chain))
