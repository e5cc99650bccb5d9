from .circle import Circle
from .square import Square
KINDS = {"circle": Circle, "square": Square}
