# Functions as values: dispatch tables, callbacks, sorting keys, storage in structures.
def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def div(a, b):
    if b == 0:
        raise ZeroDivisionError("cannot divide by zero in calculator")
    return a / b
OPS = {"+": add, "-": sub, "*": mul, "/": div}
def calc(expr):
    a, op, b = expr.split()
    try:
        return OPS[op](float(a), float(b))
    except KeyError:
        return f"unknown operator {op!r}"
    except ZeroDivisionError as e:
        return f"error: {e}"
for e in ["3 + 4", "10 / 4", "2 * 8", "1 / 0", "2 ^ 3", "9 - 12"]:
    print(e, "=", calc(e))
events = {}
def on(name):
    def register(handler):
        events.setdefault(name, []).append(handler)
        return handler
    return register
@on("save")
def log_save(data):
    return f"logged {data}"
@on("save")
def backup(data):
    return f"backed up {data}"
@on("load")
def announce(data):
    return f"loading {data}"
def emit(name, data):
    return [h(data) for h in events.get(name, [])]
print(emit("save", "doc.txt"), emit("load", "x"), emit("nothing", 1))
students = [("Ann", 88, 21), ("Bob", 95, 19), ("Cid", 88, 20), ("Dee", 70, 22)]
by = {"name": lambda s: s[0], "score": lambda s: (-s[1], s[0]), "age": lambda s: s[2]}
for key_name, key_func in by.items():
    print(key_name, [s[0] for s in sorted(students, key=key_func)])
funcs = [len, str.upper, lambda s: s[::-1], sorted]
print([f("hello") for f in funcs])
def apply_all(value, *functions):
    return [f(value) for f in functions]
print(apply_all(-3.7, abs, round, int, str))
print(list(map(add, [1, 2, 3], [10, 20, 30])))
handlers = [(lambda x: x > 100, "huge"), (lambda x: x > 10, "big"), (lambda x: True, "small")]
def label(x):
    for pred, name in handlers:
        if pred(x):
            return name
print([label(v) for v in (500, 50, 5)])
print(add is OPS["+"], add == add, add != sub)
print(sorted(OPS, key=lambda k: OPS[k].__name__))
def counter_factory():
    count = [0]
    def call():
        count[0] += 1
        return count[0]
    return call
counters = [counter_factory() for _ in range(3)]
counters[0](); counters[0](); counters[2]()
print([c() for c in counters])
