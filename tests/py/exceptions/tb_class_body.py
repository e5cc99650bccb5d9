# check-stderr
# An exception raised while executing a class body.
DEFAULTS = {"color": "red"}


class Widget:
    color = DEFAULTS["color"]
    size = DEFAULTS["size"]


print(Widget.color)
