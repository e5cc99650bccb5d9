# str.format and format_map.
print("{} and {}".format("first", "second"))
print("{1} before {0}, {0} again".format("a", "b"))
print("{name} is {age}".format(name="Cy", age=7))
print("{0[1]} {0[key]} {1.real} {1.imag}".format({1: "one", "key": "val"}, 3 + 4j))
print("{0!r} {0!s} {0!a}".format("né"))
print("{:>8}|{:<8}|{:^8}|{:*^8}".format("r", "l", "c", "s"))
print("{:{w}.{p}f}|{:{fill}{align}{w}}".format(3.14159, "x", w=10, p=3, fill="-", align=">"))
print("{{literal}} {{{}}}".format("inside"))
print("{0}{1}{0}".format("ab", "-"))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
print("Point({0.x}, {0.y}) / ({p.x}; {p.y})".format(p, p=p))
data = {"user": {"name": "Di", "langs": ["py", "rs"]}}
print("{d[user][name]} knows {d[user][langs][1]}".format(d=data))
print("{:,} {:_} {:.2%} {:e} {:08.3f} {:+d} {:#x} {:#b} {:c}".format(1234567, 1234567, 0.256, 1500.0, 3.14159, 5, 255, 5, 97))
print("{:10,.2f}|{:<+10.1f}|{:^10}".format(1234.5, 2.25, True))
print("{:s} {:s}".format("str", "spec"))
class Greeting:
    def __format__(self, spec):
        return "Hello" if spec == "en" else "Bonjour" if spec == "fr" else "?"
print("{:en} / {:fr} / {:xx} / {}".format(Greeting(), Greeting(), Greeting(), Greeting()))
class Default(dict):
    def __missing__(self, key):
        return f"<{key}?>"
print("{known} {unknown}".format_map(Default(known="yes")))
print("{a}-{b}".format_map({"a": 1, "b": 2}))
errors = [
    ("{} {}", ("one",), {}), ("{0} {}", ("a", "b"), {}), ("{missing}", (), {}), ("{0[5]}", ([1],), {}),
    ("{0.nope}", (1,), {}), ("{:d}", ("s",), {}), ("{", (), {}), ("}", (), {}), ("{0!x}", (1,), {}),
    ("{:>>>}", (1,), {}), ("{0:{1}}", (1, "q"), {}),
]
for fmt, args, kw in errors:
    try:
        print(fmt.format(*args, **kw))
    except (IndexError, KeyError, AttributeError, ValueError, TypeError) as e:
        print(f"{fmt!r}: {type(e).__name__}: {e}")
