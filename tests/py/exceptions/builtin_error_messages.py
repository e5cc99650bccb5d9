# Assorted error messages produced by the runtime.
class Empty:
    pass
def f(a):
    return a
cases = [
    ("undefined", lambda: undefined_variable),
    ("None.attr", lambda: None.attr),
    ("int attr", lambda: (5).nonexistent),
    ("class attr", lambda: Empty.missing),
    ("instance attr", lambda: Empty().missing),
    ("module attr", lambda: __import__("math").nosuchthing),
    ("call int", lambda: int(5)()),
    ("index str", lambda: "abc"[10]),
    ("index tuple", lambda: (1,)[1]),
    ("key dict", lambda: {"a": 1}["b"]),
    ("unpack", lambda: [a for a, b in [(1, 2, 3)]]),
    ("add types", lambda: [] + {}),
    ("mul types", lambda: {} * 2),
    ("compare", lambda: [] < {}),
    ("unary", lambda: -[]),
    ("not iterable", lambda: [x for x in 5]),
    ("not subscriptable", lambda: int(5)[0]),
    ("no len", lambda: len(5)),
    ("not callable obj", lambda: Empty()()),
    ("args", lambda: f()),
    ("kwarg", lambda: f(b=1)),
    ("hash list", lambda: {[1]: 2}),
    ("int parse", lambda: int("12x")),
    ("float parse", lambda: float("1.2.3")),
    ("division", lambda: 1 % 0),
    ("assert", lambda: exec("assert 1 == 2, 'numbers differ'")),
    ("import", lambda: __import__("no_such_module_xyz")),
    ("str method", lambda: "x".nomethod()),
    ("set attr builtin", lambda: setattr([], "x", 1)),
    ("del attr", lambda: delattr(Empty(), "x")),
    ("iter next", lambda: next(iter([]))),
    ("unbound", lambda: exec("def g():\n    print(v)\n    v = 1\ng()")),
    ("free var", lambda: exec("def outer():\n    def inner():\n        return w\n    inner()\n    w = 1\nouter()")),
    ("recursion", lambda: exec("def r():\n    r()\nr()", {})),
    ("bad format", lambda: "{:d}".format("s")),
]
for label, fn in cases:
    try:
        fn()
        print(f"{label:18} no error")
    except BaseException as e:
        print(f"{label:18} {type(e).__name__}: {e}")
