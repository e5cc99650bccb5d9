import faulthandler, sys
print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.is_enabled())
faulthandler.dump_traceback_later(10)
faulthandler.cancel_dump_traceback_later()
try:
    faulthandler.dump_traceback_later(0)
except ValueError as e:
    print("ValueError:", e)
import tracemalloc
print(tracemalloc.is_tracing())
import _imp
print(_imp.lock_held(), _imp.is_frozen("no_such_module"), _imp.is_builtin("sys"), _imp.is_builtin("no_such_module"))
_imp.acquire_lock(); _imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock(); _imp.release_lock()
try:
    _imp.release_lock()
except RuntimeError as e:
    print("RuntimeError:", e)
print(_imp.source_hash(key=123, source=b"hello world!"), _imp.check_hash_based_pycs)
import warnings
warnings.warn("x")
print("done")
