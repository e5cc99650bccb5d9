# Exception attribute setters, constructors and str() of less common kinds.
import sys

e = Exception()
for name, value in [("__cause__", 1), ("__context__", 1)]:
    try:
        setattr(e, name, value)
    except TypeError as x:
        print("set", name, x)
    try:
        delattr(e, name)
    except TypeError as x:
        print("del", name, x)
for name in ("args", "__traceback__", "__suppress_context__"):
    try:
        delattr(e, name)
    except TypeError as x:
        print("del", name, x)

u = UnicodeTranslateError("xxxx", 1, 5, "foo")
print(u.args, u.encoding, u.object, u.start, u.end, u.reason)
print(str(u))
u.end = 2
print(str(u))
u.object = "\U00012345" * 5
print(str(u))
u.reason = 12
u.end = 5
print(str(u))
try:
    UnicodeTranslateError("x", 1)
except TypeError as x:
    print(x)

exc = ImportError("test", name="name", path="path")
print(exc.args, exc.msg, exc.name, exc.path)
exc.__init__()
print(exc.args, exc.msg, exc.name, exc.path)
print(ImportError("a", "b").msg)

for a in [("bad.py", 1, 2), ("bad.py", 1, 2, 4, 5, 6, 7), ("bad.py", 1, 2, "abcdefg", 1), 5]:
    try:
        SyntaxError("bad", a)
    except TypeError as x:
        print(x)
s = SyntaxError("bad", ["f.py", 3, 4, "text"])
print(s.filename, s.lineno, s.offset, s.text, s.end_lineno, s.end_offset)

e = Exception(1)
e.__setstate__({"a": 1, "b": 2})
print(e.a, e.b)
e.__setstate__(None)
try:
    e.__setstate__(5)
except TypeError as x:
    print(x)

# How sys.__excepthook__ draws a SyntaxError's text and carets.
cases = [
    ("abcdefg", 2, 7), ("abcdefg", 2, 3), ("abcdefg", 2, -2), ("abcdefg", 4, 2),
    ("abcdefg", -4, -2), ("abcdefg", 0, 0), ("abcdefg", 0, 5), ("abcdefg", 2, 100),
    ("  abcdefg  ", 4, 6), ("  abcdefg\n", 4, 6), ("ab\ncdefg\n", 5, 7), ("ab\ncdefg\n", 2, 7),
    ("  abc", 2, 3), ("  abc", 3, 3), ("abc", 2, None), ("abc", 5, 9), ("\tabc", 3, 4), ("", 1, 2),
]
class _Out:
    # Tracebacks name this file by its absolute path; print it relative.
    def write(self, s):
        return sys.stdout.write(s.replace(__file__, "exception_attrs_misc.py"))
    def flush(self):
        sys.stdout.flush()
sys.stderr = _Out()
for text, off, end in cases:
    try:
        raise SyntaxError("bad bad", ("bad.py", 1, off, text, 1, end))
    except SyntaxError:
        print(repr((text, off, end)))
        t, v, tb = sys.exc_info()
        sys.__excepthook__(t, v, None)
