# globals() and locals() in module, function and class scopes.
g = globals()
print(g is globals(), "__name__" in g, g["__name__"], "g" in g)
g["injected"] = "via globals()"
print(injected)
def f(a, b=2):
    c = a + b
    snapshot = locals()
    return sorted(snapshot), snapshot["c"]
print(f(1))
def modifies_locals():
    x = 1
    locals()["x"] = 99
    return x
print(modifies_locals())
def nested():
    outer_var = "captured"
    def inner():
        return sorted(locals()), outer_var
    return inner()
print(nested())
class K:
    attr = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
    qual = locals()["__qualname__"]
print(K.names, K.qual)
print(locals() is globals())
def counter():
    globals()["calls"] = globals().get("calls", 0) + 1
counter(); counter()
print(calls)
print(sorted(k for k in globals() if k in ("f", "K", "nested", "zzz")))
print(type(globals()).__name__, type(locals()).__name__)
