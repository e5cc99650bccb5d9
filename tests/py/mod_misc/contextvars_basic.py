import contextvars

v = contextvars.ContextVar("v", default=1)
w = contextvars.ContextVar("w")
print(v.name, v.get(), v.get(5), w.get("d"))
print(repr(v).startswith("<ContextVar name='v' default=1 at 0x"))
try:
    w.get()
except LookupError:
    print("LookupError")
t = w.set(10)
print(w.get(), t.var is w, t.old_value is contextvars.Token.MISSING, repr(contextvars.Token.MISSING))
print(repr(t).startswith("<Token var=<ContextVar name='w' at 0x"))
w.reset(t)
try:
    w.get()
except LookupError:
    print("reset to missing")
try:
    w.reset(t)
except RuntimeError as e:
    print("RuntimeError:", "has already been used once" in str(e))
try:
    v.reset(w.set(1))
except ValueError as e:
    print("ValueError:", "was created by a different ContextVar" in str(e))

def inside(a, b=0):
    v.set(a + b)
    return v.get()

ctx = contextvars.copy_context()
print(ctx.run(inside, 5, b=2), ctx[v], v.get())
print(v in ctx, w in ctx, len(ctx), ctx.get(v), ctx.get(w, "none"))
print(sorted(var.name for var in ctx), list(ctx.values()))
print(ctx == ctx.copy())
ctx2 = contextvars.Context()
print(len(ctx2), ctx2.get(v))
tok = ctx2.run(v.set, 9)
try:
    v.reset(tok)
except ValueError as e:
    print("ValueError:", "was created in a different Context" in str(e))

def reenter():
    try:
        ctx.run(reenter)
    except RuntimeError as e:
        print("RuntimeError:", "is already entered" in str(e))
ctx.run(reenter)
for bad in (lambda: ctx[1], lambda: contextvars.Context(1), lambda: contextvars.ContextVar(1), lambda: contextvars.Token()):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(contextvars.ContextVar[int])

import decimal
print(decimal.getcontext().prec, decimal.Decimal(1) / decimal.Decimal(7))
with decimal.localcontext() as c:
    c.prec = 5
    print(decimal.Decimal(1) / decimal.Decimal(7))
print(decimal.Decimal(1) / decimal.Decimal(7))
