# Name resolution: local, enclosing, global, builtin.
x = "global"
def local_scope():
    x = "local"
    return x
def enclosing_scope():
    x = "enclosing"
    def inner():
        return x
    return inner()
def global_scope():
    return x
print(local_scope(), enclosing_scope(), global_scope())
def shadow_builtin():
    len = lambda obj: "shadowed len"
    return len([1, 2, 3])
print(shadow_builtin(), len([1, 2, 3]))
print = print
def uses_builtin_after_global_shadow():
    return max([1, 5, 2])
max = lambda *a: "global max shadows builtin"
print(uses_builtin_after_global_shadow())
del max
print(uses_builtin_after_global_shadow())
def class_scope_not_enclosing():
    y = "function y"
    class Inner:
        y = "class y"
        def method(self):
            return y
        from_class = y
    return Inner().method(), Inner.from_class
print(class_scope_not_enclosing())
class Counter:
    count = 5
    doubled = [count * 2 for _ in range(1)] if False else None
    def get(self):
        try:
            return count
        except NameError as e:
            return f"NameError: {e}"
print(Counter().get())
def comprehension_scope():
    n = 10
    return [n + i for i in range(3)]
print(comprehension_scope())
def loop_var_leak():
    for k in range(3):
        pass
    return k
print(loop_var_leak())
def conditional_assignment(flag):
    if flag:
        value = "set"
    try:
        return value
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(conditional_assignment(True))
print(conditional_assignment(False))
def make():
    items = []
    def add(v):
        items.append(v)
        return items
    return add
a = make()
a(1)
print(a(2))
def outer():
    v = 1
    def middle():
        def inner():
            return v
        return inner()
    v = 2
    return middle()
print(outer())
import math as m
def uses_module():
    return m.floor(2.7)
print(uses_module())
z = 0
def read_then_global():
    global z
    z = z + 1
    return z
print(read_then_global(), read_then_global())
print(sorted(k for k in locals() if k in ("x", "z", "outer")))
