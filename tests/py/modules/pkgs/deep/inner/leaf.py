from .. import DEEP_NAME
from ...counter_mod import increment
from ...shapes.square import Square
def leaf_info():
    return {
        "module": __name__,
        "package": __package__,
        "parent": DEEP_NAME,
        "square_area": Square(3).area(),
        "counter": increment(),
    }
