# KeyError and other dict errors with their messages.
d = {"a": 1, (1, 2): "t", 5: "five"}
for key in ["missing", (3, 4), 99, None, ("x",), "", 2.5]:
    try:
        d[key]
    except KeyError as e:
        print(type(e).__name__, repr(e), str(e), e.args)
try:
    d[[1]]
except TypeError as e:
    print(type(e).__name__, e)
try:
    d[{}] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    del d["nope"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    for k in d:
        d["new" + str(k)] = 1
except RuntimeError as e:
    print(type(e).__name__, e)
d = {"a": 1, "b": 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
d = {"a": 1}
for k in d:
    d[k] = 2
print("changing values during iteration is fine:", d)
try:
    dict([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(type(e).__name__, e)
try:
    dict(["ab", "cde"])
except ValueError as e:
    print(type(e).__name__, e)
try:
    {1: 2} + {3: 4}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {1: 2} < {3: 4}
except TypeError as e:
    print(type(e).__name__, e)
try:
    {"a": 1}.keys()[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    dict(1)
except TypeError as e:
    print(type(e).__name__, e)
print(KeyError("x").args, str(KeyError("x")), str(KeyError()), str(KeyError("a", "b")), repr(KeyError(1)))
