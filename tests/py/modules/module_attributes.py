# Module attributes: __name__, __doc__, __dict__, dir(); the script runs as __main__.
"""Docstring of the main script."""
import sys
import pkgs.mathutil as mu
print(__name__, __doc__)
print(sys.modules["__main__"].__name__, sys.modules[__name__] is sys.modules["__main__"])
print(__file__.replace("\\", "/").endswith("/module_attributes.py"), sys.argv[0])
print(mu.__name__, mu.__doc__.strip())
print(sorted(k for k in vars(mu) if not k.startswith("__")))
print([n for n in dir(mu) if not n.startswith("_")])
print("square" in mu.__dict__, mu.__dict__ is vars(mu))
mu.added_later = "patched"
from pkgs.mathutil import added_later
print(added_later)
del mu.added_later
print(hasattr(mu, "added_later"))
this = sys.modules[__name__]
this.dynamic_global = 5
print(dynamic_global)
print(type(sys).__name__, type(mu) is type(sys))
