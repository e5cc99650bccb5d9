"""Small math helpers used by the import tests."""
print("mathutil executing as", __name__)
PI_APPROX = 3.14159
_private_helper_value = 99
def square(x):
    return x * x
def cube(x):
    return x * x * x
def describe():
    return f"mathutil module named {__name__!r}"
class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
if __name__ == "__main__":
    print("mathutil run as a script")
