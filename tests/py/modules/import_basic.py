# import, import-as, from-import of a helper module inside the pkgs package.
import pkgs.mathutil
print(pkgs.mathutil.square(7), pkgs.mathutil.PI_APPROX, pkgs.mathutil.describe())
import pkgs.mathutil as mu
print(mu is pkgs.mathutil, mu.cube(3), mu.Vector(1, 2))
from pkgs.mathutil import square, cube as cubed, Vector
print(square(5), cubed(2), Vector(3, 4))
from pkgs import mathutil
print(mathutil is mu, mathutil.__name__, pkgs.__name__)
print(type(mu).__name__, mu.__doc__)
print(pkgs.PACKAGE_CONSTANT, hasattr(pkgs, "mathutil"))
print(mu.__file__.replace("\\", "/").endswith("pkgs/mathutil.py"), pkgs.__file__.replace("\\", "/").endswith("pkgs/__init__.py"))
print(mu.__package__, pkgs.__package__, [p.replace("\\", "/").endswith("/pkgs") for p in pkgs.__path__])
import math, sys as system
print(math.floor(2.5), system.maxsize > 0)
