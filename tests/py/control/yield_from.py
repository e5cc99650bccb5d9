# yield from: delegation, return values, send/throw pass-through.
def inner():
    x = yield "inner 1"
    print("  inner got", x)
    y = yield "inner 2"
    print("  inner got", y)
    return "inner result"
def outer():
    result = yield from inner()
    print("  outer received", result)
    yield "outer done"
g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(3), (x * 2 for x in range(2)))))
def tree_walk(node, depth=0):
    name, children = node
    yield "  " * depth + name
    for c in children:
        yield from tree_walk(c, depth + 1)
tree = ("root", [("a", [("a1", []), ("a2", [])]), ("b", [("b1", [])])])
for line in tree_walk(tree):
    print(line)
def catcher():
    try:
        yield 1
    except KeyError as e:
        print("  inner caught", repr(e))
        yield "recovered"
def delegator():
    yield from catcher()
    yield "delegator continues"
g = delegator()
next(g)
print(g.throw(KeyError("via outer")))
print(next(g))
def closing_inner():
    try:
        yield 1
    finally:
        print("  inner closed")
def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("  outer closed")
g = closing_outer()
next(g)
g.close()
def returns_list():
    yield 0
    return [1, 2, 3]
def collect():
    values = yield from returns_list()
    yield sum(values)
print(list(collect()))
def from_iterator():
    r = yield from iter([10, 20])
    yield f"return value of plain iterator: {r}"
print(list(from_iterator()))
def depth(n):
    if n == 0:
        return 0
    got = yield from depth(n - 1)
    yield n
    return got + n
def run():
    total = yield from depth(4)
    yield f"total {total}"
print(list(run()))
def stopper():
    yield from ()
    return "nothing yielded"
def wrapper():
    r = yield from stopper()
    yield r
print(list(wrapper()))
