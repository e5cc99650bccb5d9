# match: sequence patterns (fixed, star) and mapping patterns (**rest).
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a}, {b}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long {first}..{last} ({len(middle)} in middle)"
        case [0, *rest]:
            return f"starts with zero, rest={rest}"
        case (1, 2, 3):
            return "exactly 1,2,3"
        case [_, [x, y], *_]:
            return f"nested pair {x},{y}"
        case [*_, "end"]:
            return "ends with 'end'"
        case _:
            return "other sequence or not a sequence"
for v in [[], [7], (8, 9), [1, 2, 3, 4, 5, 6], [0, 5, 6], [1, 2, 3], (1, 2, 3),
          [9, [3, 4], 5], ["a", "b", "end"], "abc", b"ab", {"k": 1}, 42, range(2)]:
    print(repr(v), "->", seq(v))
def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as direction]:
            return f"going {direction}"
        case ["take", item]:
            return f"taking {item}"
        case ["drop", *items] if items:
            return f"dropping {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return f"unknown verb {verb!r}"
        case []:
            return "nothing to do"
for c in ["go north", "go up", "take lamp", "drop a b c", "drop", "exit", "", "dance now"]:
    print(repr(c), "->", command(c))
def mapping(m):
    match m:
        case {"type": "point", "x": x, "y": y}:
            return f"point({x}, {y})"
        case {"type": "circle", "r": r, **rest} if rest:
            return f"circle r={r} extra={rest}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"items": [first, *_]}:
            return f"items starting with {first}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for m in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5},
          {"type": "circle", "r": 5, "color": "red"}, {"items": [4, 5]}, {"items": []},
          {}, {"a": 1}, [("type", "point")], "str"]:
    print(m, "->", mapping(m))
class MyMap(dict):
    def __missing__(self, key):
        return "default"
match MyMap(a=1):
    case {"b": b}:
        print("matched b", b)
    case {"a": a}:
        print("missing not used; matched a", a)
match (1, [2, (3, 4)]):
    case (a, [b, (c, d)]):
        print(a + b + c + d)
