# PEP 562 module-level __getattr__ and __dir__.
import pkgs.module_getattr as mg
print(mg.answer, mg.greeting, mg.real_attribute)
print(dir(mg))
try:
    mg.unknown
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(mg, "missing", "default"), hasattr(mg, "answer"))
from pkgs.module_getattr import greeting
print(greeting)
try:
    from pkgs.module_getattr import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
