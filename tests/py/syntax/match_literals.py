# match: literal, capture, wildcard, value, or-patterns, guards, as.
import math
class Color:
    RED = "red"
    GREEN = "green"
def describe(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case True:
            return "true (not 1!)"
        case None:
            return "none"
        case Color.RED:
            return "the color red"
        case math.pi:
            return "pi"
        case -2j:
            return "complex"
        case 3 + 4j:
            return "complex sum"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case int(n) if n > 100:
            return f"big int {n}"
        case other:
            return f"other: {other!r}"
for v in [0, 2, -1, 1.5, "hello", b"raw", True, False, None, "red", math.pi, -2j,
          3 + 4j, "elephant", 1000, 50, "hi", 3.0]:
    print(repr(v), "->", describe(v))
def http(status):
    match status:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302 as code:
            return f"redirect {code}"
        case 404:
            return "not found"
        case _ if 500 <= status < 600:
            return "server error"
        case _:
            return "unknown"
for s in [200, 204, 302, 404, 503, 999]:
    print(s, http(s))
value = 5
match value:
    case 1:
        print("one")
print("no case matched, no error")
match [1, 2]:
    case _:
        print("wildcard matches everything")
x = 10
match x:
    case y if y > 5:
        print("captured", y)
print("capture leaks:", y)
