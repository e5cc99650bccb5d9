"""Module defining __all__ to control `from ... import *`."""
__all__ = ["public_one", "_explicitly_exported"]
def public_one():
    return "public_one"
def public_two():
    return "public_two (not in __all__)"
def _explicitly_exported():
    return "underscore name listed in __all__"
