# from module import * honours __all__ and skips underscore names otherwise.
from pkgs.with_all import *
print(public_one(), _explicitly_exported())
try:
    public_two()
except NameError as e:
    print(type(e).__name__, e)
from pkgs.no_all import *
print(visible, helper())
try:
    print(_hidden)
except NameError as e:
    print(type(e).__name__, e)
import pkgs.no_all
print(pkgs.no_all._hidden)
