# importlib on top of Krait's importer: import_module, reload, specs and
# loaders, find_spec, meta_path hooks, pkgutil, and a custom finder.
import importlib, importlib.util, importlib.abc, importlib.machinery
import sys, os, tempfile, pkgutil

m = importlib.import_module("json.decoder")
print(m.__name__, m.__spec__.name, m.__spec__.parent, type(m.__loader__).__name__)
print(m.__spec__.origin == m.__file__, m.__spec__.has_location, m.__spec__.submodule_search_locations)
pkg = importlib.import_module("json")
print(pkg.__spec__.submodule_search_locations == pkg.__path__, pkg.__package__)
print(importlib.import_module(".encoder", "json").__name__)
print(importlib.util.find_spec("email.mime") is not None, importlib.util.find_spec("no_such_mod_xyz"))
print(type(sys.modules["sys"].__spec__.loader).__name__, sys.__spec__.origin)

with tempfile.TemporaryDirectory() as d:
    sys.path.insert(0, d)
    with open(os.path.join(d, "reloadme.py"), "w") as f:
        f.write("X = 1\n")
    import reloadme
    print("X", reloadme.X)
    with open(os.path.join(d, "reloadme.py"), "w") as f:
        f.write("X = 2  # longer source so size differs\n")
    importlib.invalidate_caches()
    importlib.reload(reloadme)
    print("X after reload", reloadme.X)
    os.mkdir(os.path.join(d, "nspkg"))
    with open(os.path.join(d, "nspkg", "mod.py"), "w") as f:
        f.write("Y = 'ns'\n")
    import nspkg.mod
    print(nspkg.mod.Y, nspkg.__file__, type(nspkg.__path__).__name__)
    os.mkdir(os.path.join(d, "regpkg"))
    for name in ("__init__", "a", "b"):
        open(os.path.join(d, "regpkg", name + ".py"), "w").close()
    import regpkg
    print(sorted(m.name for m in pkgutil.iter_modules(regpkg.__path__)))
    with open(os.path.join(d, "broken.py"), "w") as f:
        f.write("import sys\nraise ValueError('half-way')\n")
    try:
        import broken
    except ValueError as e:
        print("ValueError", e, "broken" in sys.modules)
    sys.path.remove(d)

class Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, name, path, target=None):
        if name == "virtual_mod":
            return importlib.machinery.ModuleSpec(name, self)
        return None
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.VALUE = 42

sys.meta_path.insert(0, Finder())
import virtual_mod
print(virtual_mod.VALUE, virtual_mod.__spec__.name, type(virtual_mod.__loader__).__name__)
sys.meta_path.pop(0)
try:
    importlib.import_module("no_such_mod_xyz")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
