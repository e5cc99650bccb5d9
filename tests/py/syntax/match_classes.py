# match: class patterns, __match_args__, keyword patterns, builtin types.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
class Circle:
    __match_args__ = ("center", "radius")
    def __init__(self, center, radius):
        self.center = center
        self.radius = radius
class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h
def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return f"on diagonal at {x}"
        case Point(x, y=yy):
            return f"somewhere ({x}, {yy})"
        case Circle(Point(0, 0), r):
            return f"circle at origin r={r}"
        case Circle(center=Point(x=cx), radius=r) if r > 10:
            return f"big circle, center x={cx}"
        case Circle():
            return "some circle"
        case Rect(w=w, h=h) if w == h:
            return f"square {w}"
        case Rect(w=w):
            return f"rect width {w}"
        case _:
            return "unknown"
for s in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 7),
          Circle(Point(0, 0), 3), Circle(Point(4, 1), 20), Circle(Point(4, 1), 2),
          Rect(3, 3), Rect(3, 4), "nothing"]:
    print(where(s))
def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case list([x, *_]):
            return f"list starting {x}"
        case tuple():
            return "tuple"
        case dict({"k": k}):
            return f"dict with k={k}"
        case _:
            return type(v).__name__
for v in [True, 3, 2.5, "s", [9, 8], [], (1,), {"k": 0}, {"j": 1}, None]:
    print(kind(v))
class Bad:
    __match_args__ = ("a",)
    def __init__(self):
        self.a = 1
try:
    match Bad():
        case Bad(x, y):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match Rect(1, 2):
        case Rect(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
match Point(1, 2):
    case Point(x=1, z=3):
        print("no")
    case Point(x=1) as p:
        print("as binds the subject:", p.x, p.y)
class Sub(Point):
    pass
match Sub(5, 6):
    case Point(a, b):
        print("subclass matched", a, b)
