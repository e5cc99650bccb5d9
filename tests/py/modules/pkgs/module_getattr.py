"""Module-level __getattr__ and __dir__ (PEP 562)."""
_lazy = {"answer": 42, "greeting": "hello"}
real_attribute = "real"
def __getattr__(name):
    if name in _lazy:
        return _lazy[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
def __dir__():
    return sorted(list(_lazy) + ["real_attribute"])
