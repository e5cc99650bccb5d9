# ImportError / ModuleNotFoundError details.
import sys
try:
    import nonexistent_module_for_tests
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import pkgs.not_there
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from pkgs.mathutil import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
try:
    from pkgs import no_such_submodule
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import pkgs.mathutil.square
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
try:
    __import__("")
except ValueError as e:
    print(type(e).__name__, e)
print("nonexistent_module_for_tests" in sys.modules)
