# Packages using relative imports internally; names re-exported from __init__.
from pkgs.shapes import Circle, Square, make, Shape
import pkgs.shapes
c = Circle(2)
s = Square(3)
print(c.describe())
print(s.describe())
print(make("square", 4).area(), round(make("circle", 1).area(), 5))
print(isinstance(c, Shape), Circle.__module__, Square.__module__, Shape.__module__)
print(sorted(pkgs.shapes.__all__), pkgs.shapes.registry.KINDS["circle"] is Circle)
import sys
print(sorted(name for name in sys.modules if name.startswith("pkgs.shapes")))
try:
    Shape().area()
except NotImplementedError as e:
    print(type(e).__name__, e)
try:
    make("triangle", 1)
except KeyError as e:
    print(type(e).__name__, e)
