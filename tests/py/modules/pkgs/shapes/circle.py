from .base import Shape
from ..mathutil import PI_APPROX
class Circle(Shape):
    name = "circle"
    def __init__(self, r):
        self.r = r
    def area(self):
        return PI_APPROX * self.r ** 2
