# ExceptionGroup and except* (Python 3.11).
eg = ExceptionGroup("several failures", [ValueError("bad value"), TypeError("bad type"), ValueError("another")])
print(repr(eg))
print(str(eg), len(eg.exceptions), eg.message, [type(e).__name__ for e in eg.exceptions])
try:
    raise eg
except* ValueError as group:
    print("ValueErrors:", [str(e) for e in group.exceptions], type(group).__name__)
except* TypeError as group:
    print("TypeErrors:", [str(e) for e in group.exceptions])
try:
    try:
        raise ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [IndexError(1), ZeroDivisionError("z")])])
    except* LookupError as g:
        print("lookups:", repr(g))
except* ZeroDivisionError as rest:
    print("unhandled part re-raised:", repr(rest))
try:
    try:
        raise ExceptionGroup("mixed", [OSError("disk"), RuntimeError("rt")])
    except* OSError:
        print("handled OSError part")
except ExceptionGroup as remaining:
    print("remaining:", repr(remaining))
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
print(repr(eg.subgroup(lambda e: "another" in str(e))))
try:
    raise ValueError("plain exception")
except* ValueError as g:
    print("plain exception wrapped:", type(g).__name__, repr(g.exceptions[0]))
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, type(BaseExceptionGroup("x", [ValueError()])).__name__)
for bad in [lambda: ExceptionGroup("no list", ValueError()), lambda: ExceptionGroup("empty", []), lambda: ExceptionGroup("base in eg", [KeyboardInterrupt()])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
def collect(tasks):
    errors = []
    for name, fn in tasks:
        try:
            fn()
        except Exception as e:
            e.add_note(f"while running task {name!r}")
            errors.append(e)
    if errors:
        raise ExceptionGroup("task failures", errors)
try:
    collect([("a", lambda: 1), ("b", lambda: 1 / 0), ("c", lambda: int("x"))])
except* ZeroDivisionError as g:
    print([(str(e), e.__notes__) for e in g.exceptions])
except* ValueError as g:
    print([(str(e), e.__notes__) for e in g.exceptions])
