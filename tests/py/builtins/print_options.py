# print(): sep, end, file, flush, multiple args, objects with __str__.
import sys
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=" | ")
print("no newline", end="")
print(" <- continued", end="!\n")
print(1, 2.5, None, True, [1], (2,), {"k": 3}, sep=",")
print("x", sep=None, end=None)
print(*range(5))
print(*range(5), sep="-", end=".\n")
print("to stdout explicitly", file=sys.stdout)
print("to stderr (not checked)", file=sys.stderr)
print("flushed", flush=True)
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, text):
        self.parts.append(text)
        return len(text)
c = Collector()
print("captured", 42, sep="=", end=";", file=c)
print("second", file=c)
print(c.parts)
print("".join(c.parts))
print(file=c)
print(repr(c.parts[-1]))
print("", end="")
print("multi\nline\ntext")
print("tab\tseparated", "unicode: é ✓ 日本")
class Obj:
    def __str__(self):
        return "Obj.__str__"
print(Obj(), [Obj()] if False else "ok")
for bad in [dict(sep=5), dict(end=[]), dict(file=42)]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(None, sep="", end="\n\n")
print("after blank line")
