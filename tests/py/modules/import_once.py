# A module's body runs once; later imports reuse the sys.modules entry.
import sys
print("pkgs.counter_mod" in sys.modules)
import pkgs.counter_mod
import pkgs.counter_mod
from pkgs import counter_mod
from pkgs.counter_mod import increment
print(pkgs.counter_mod.count, increment(), increment(), counter_mod.count)
import pkgs.counter_mod as again
print(again.count, again is sys.modules["pkgs.counter_mod"], "pkgs" in sys.modules)
def import_in_function():
    import pkgs.counter_mod as local_ref
    return local_ref.increment()
print(import_in_function(), import_in_function(), pkgs.counter_mod.count)
from pkgs.counter_mod import count
pkgs.counter_mod.increment()
print("from-import copies the binding:", count, pkgs.counter_mod.count)
