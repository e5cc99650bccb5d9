# Import statements bind names in the current scope (function, class, conditional).
def f():
    from pkgs.mathutil import square
    return square(9), "square" in locals()
print(f())
print("square" in globals())
class Holder:
    import pkgs.mathutil as helper
    value = helper.cube(2)
print(Holder.value, Holder.helper.__name__)
if True:
    from pkgs.no_all import visible as v
print(v)
try:
    from pkgs.mathutil import *
    print("star import at module level ok", square(2))
except SyntaxError as e:
    print(e)
names = []
for modname in ["pkgs.with_all", "pkgs.no_all"]:
    mod = __import__(modname, fromlist=["x"])
    names.append(mod.__name__)
print(names)
