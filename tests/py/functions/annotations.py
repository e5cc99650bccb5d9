# Annotations on functions, variables and classes (not enforced).
def scale(value: float, factor: "number" = 2) -> float:
    return value * factor
print(scale.__annotations__)
print(scale("ab", 3))
def no_annotations(a, b):
    return a
print(no_annotations.__annotations__)
def partial_ann(a, b: int, *args: str, c: bool = True, **kw: dict) -> None:
    pass
print(partial_ann.__annotations__)
count: int = 5
name: str
print(count, "name" in globals())
print(__annotations__)
class Point:
    x: int
    y: int = 0
    label: "str" = "origin"
    def __init__(self, x: int) -> None:
        self.x = x
print(Point.__annotations__)
print(Point.y, hasattr(Point, "x"), Point(3).x)
def f():
    local_var: list = []
    unassigned: int
    local_var.append(1)
    return local_var
print(f())
items: list[int] = [1, 2]
mapping: dict[str, list[int]] = {"a": [1]}
print(items, mapping, __annotations__["items"])
def uses_generic(x: list[int]) -> dict[str, int]:
    return {str(i): i for i in x}
print(uses_generic([1, 2]), uses_generic.__annotations__["return"])
print(list[int], dict[str, int], tuple[int, ...])
def evaluated_at_def():
    print("  annotation expression evaluated")
    return int
def g(a: evaluated_at_def()):
    pass
print(g.__annotations__["a"])
class Attr:
    pass
obj = Attr()
obj.field: int = 7
print(obj.field)
d = {}
d["key"]: str = "value"
print(d)
