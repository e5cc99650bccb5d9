# Relative imports are not allowed in a top-level script (no parent package).
try:
    from . import pkgs
except ImportError as e:
    print(type(e).__name__, e)
try:
    from .pkgs import mathutil
except ImportError as e:
    print(type(e).__name__, e)
print(__package__, __spec__ is None)
import pkgs
print(pkgs.__package__, pkgs.__name__)
import pkgs.shapes.circle as circle
print(circle.__name__, circle.__package__)
