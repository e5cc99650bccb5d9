# return/break/continue interacting with finally.
def return_override():
    try:
        return "try"
    finally:
        return "finally"
print(return_override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed exception"
print(swallow())
def finally_sees_value():
    x = "start"
    try:
        x = "in try"
        return x
    finally:
        x = "changed in finally"
        print("finally runs, x =", x)
print(finally_sees_value())
def mutable_return():
    data = []
    try:
        return data
    finally:
        data.append("appended in finally")
print(mutable_return())
def break_in_finally():
    for i in range(5):
        try:
            raise RuntimeError(f"error {i}")
        finally:
            break
    return f"loop stopped at {i}, exception discarded"
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise KeyError(i)
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def nested_finally():
    log = []
    try:
        try:
            log.append("inner try")
            return log
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
print(nested_finally())
def count_finally(n):
    runs = 0
    for i in range(n):
        try:
            if i == 2:
                continue
            if i == 4:
                break
        finally:
            runs += 1
    return runs
print(count_finally(10), count_finally(3))
def exception_in_finally():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")
try:
    exception_in_finally()
except TypeError as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
for v in gen_finally():
    print("got", v)
    break
print("after break")
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("iteration", n)
print(while_finally())
