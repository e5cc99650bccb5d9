# symtable over _symtable: scopes, symbol flags, namespaces, errors.
import symtable

src = '''
import os, sys as y
from collections import deque
counter = 0

def outer(p, *args, k=1, **kw):
    global counter
    v = 1
    def inner():
        nonlocal v
        v += p
        return lambda z: z + v + counter
    return inner

class Box:
    size: int = 3
    twice = size * 2
    def get(self):
        return __class__, self.size
    items = [i for i in range(size)]

async def co(a):
    await a
    return [j async for j in a]
'''

top = symtable.symtable(src, "example.py", "exec")
print(repr(top), top.get_type(), top.get_lineno(), top.is_nested(), top.has_children())
print(sorted(top.get_identifiers()))

def walk(t, depth=0):
    pad = "  " * depth
    print(pad + t.get_type(), t.get_name(), t.get_lineno(), t.is_optimized(), t.is_nested())
    for name in sorted(t.get_identifiers()):
        s = t.lookup(name)
        print(pad + "  ", name, "param" if s.is_parameter() else "", "global" if s.is_global() else "",
              "local" if s.is_local() else "", "free" if s.is_free() else "", "ref" if s.is_referenced() else "",
              "assigned" if s.is_assigned() else "", "imported" if s.is_imported() else "",
              "nonlocal" if s.is_nonlocal() else "", "annotated" if s.is_annotated() else "",
              "decl_global" if s.is_declared_global() else "", "ns" if s.is_namespace() else "")
    for c in t.get_children():
        walk(c, depth + 1)

walk(top)
f = top.lookup("outer").get_namespace()
print(f.get_parameters(), f.get_locals(), f.get_globals(), f.get_frees(), f.get_nonlocals())
inner = f.lookup("inner").get_namespace()
print(inner.get_frees(), inner.get_nonlocals())
box = top.lookup("Box").get_namespace()
print(box.get_methods())

ev = symtable.symtable("x + (lambda y: y * x)(2)", "<expr>", "eval")
print(ev.get_identifiers(), [c.get_name() for c in ev.get_children()])
print(symtable.symtable("a = 1", "<single>", "single").lookup("a").is_assigned())

for code in ["def f(x):\n    global x\n", "def f(:\n", "nonlocal q\n", "def g():\n    x = 1\n    global x\n"]:
    try:
        symtable.symtable(code, "bad.py", "exec")
        print("no error")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno)
try:
    symtable.symtable("x", "f.py", "nope")
except ValueError as e:
    print("ValueError:", e)
