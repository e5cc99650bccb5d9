def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise TypeError("one")
    return n

def handle(n):
    try:
        r = risky(n)
    except ValueError as e:
        print("value", e)
        return "v"
    except (TypeError, KeyError):
        print("type")
    else:
        print("ok", r)
    finally:
        print("finally", n)
    return "end"

for n in range(3):
    print(handle(n))

def ret_in_finally():
    try:
        return "try"
    finally:
        print("cleanup")
print(ret_in_finally())

def override():
    try:
        raise ValueError("x")
    finally:
        return "swallowed"
print(override())

def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i if False else "f" + str(i))
    return out
print(loop_finally())

def nested():
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            raise RuntimeError("outer")
    except RuntimeError as e:
        return str(e)
print(nested())

def reraise():
    try:
        try:
            risky(0)
        except ValueError:
            print("log")
            raise
    except ValueError as e:
        print("caught again", e)
reraise()

def name_deleted():
    try:
        risky(0)
    except ValueError as e:
        pass
    try:
        return e
    except NameError:
        return "e is unbound"
print(name_deleted())

def asserts(v):
    try:
        assert v, "bad value"
        return "fine"
    except AssertionError as e:
        return "assert: " + str(e)
print(asserts(1), asserts(0))

def with_test():
    with cm("a") as x, cm("b"):
        print("body", x)
    try:
        with cm("c"):
            raise ValueError("boom")
    except ValueError:
        print("propagated")
    with cm("suppress"):
        raise ValueError("hidden")
    print("after suppress")
    for i in range(3):
        with cm("loop"):
            if i == 1:
                break
    return "done"
print(with_test())

def ret_from_with():
    with cm("r"):
        return "from with"
print(ret_from_with())
