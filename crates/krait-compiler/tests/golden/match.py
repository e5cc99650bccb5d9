def m(cmd):
    match cmd:
        case 0 | 1 | -2:
            return "small"
        case None:
            return "none"
        case [first, *rest] if first:
            return rest
        case (a, b, *_, c):
            return a, b, c
        case {"key": value, **others}:
            return value, others
        case Point(x=0, y=yy) | Point(yy, 0):
            return yy
        case Color.RED as red:
            return red
        case str() | bytes():
            return "text"
        case [1, [2, inner]]:
            return inner
        case _:
            return "other"
