# repr of lists including self-references and nested structures.
a = [1, 2]
a.append(a)
print(a, repr(a), str(a), len(a))
b = [a, [a]]
print(b)
c = []
d = [c]
c.append(d)
print(c, d)
e = {"list": []}
e["list"].append(e)
print(e)
print([[], [[]], [[], [[]]]])
print([1.0, -0.0, 1e100, float("inf")], ["s", 'q"', "it's"], [None, True, ...], [b"x", bytearray(b"y")])
print([(1,), (), {1}, set(), {}, frozenset({2})])
class R:
    def __repr__(self):
        return "R!"
print([R(), [R()]], str([R()]))
print(repr([1, [2, [3, [4, [5]]]]]))
