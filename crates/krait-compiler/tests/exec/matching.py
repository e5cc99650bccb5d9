def m(v):
    match v:
        case 0 | 1:
            return "small"
        case None:
            return "none"
        case True:
            return "true"
        case [x]:
            return ("one", x)
        case [1, *rest] if len(rest) > 1:
            return ("starts with 1", rest)
        case [a, b, *_, c]:
            return ("many", a, b, c)
        case (a, b):
            return ("pair", a, b)
        case {"k": [k1, k2], **others}:
            return ("mapping", k1, k2, others)
        case {"x": 1 | 2 as x}:
            return ("x", x)
        case "s" | "t" as letter:
            return ("letter", letter)
        case [[p, q], [r, s]] | [[p, q, r, s]]:
            return ("nested", p, q, r, s)
        case _:
            return "other"

for v in [0, 1, None, True, [7], [1, 2, 3], [1, 2], [5, 6, 7, 8], (3, 4), {"k": [1, 2], "z": 3},
          {"x": 2}, {"x": 5}, "t", [[1, 2], [3, 4]], [[1, 2, 3, 4]], 99]:
    print(m(v))

def guard_binds(v):
    match v:
        case [x] if x > 10:
            return "big"
        case _:
            pass
    return x
print(guard_binds([3]))
