# dict() constructor forms.
print(dict(), dict(a=1, b=2), dict([("a", 1), ("b", 2)]), dict((("x", 1),)), dict({"k": "v"}))
print(dict({"a": 1}, b=2), dict([("a", 1)], a=3), dict(zip("abc", [1, 2, 3])))
print(dict(["ab", "cd"]), dict([[1, 2], (3, 4)]), dict({1: 2}.items()), dict(iter([("i", 0)])))
class Pairs:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k * 2
print(dict(Pairs()))
orig = {"list": [1]}
copy = dict(orig)
copy["list"].append(2)
copy["new"] = 0
print(orig, copy)
for bad in [lambda: dict(5), lambda: dict([1]), lambda: dict([(1,)]), lambda: dict(["abc"]),
            lambda: dict({1: 2}, {3: 4}), lambda: dict(**{1: 2})]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(dict.fromkeys(["a", "b"], 0), dict.fromkeys("xy"), type(dict.fromkeys([])).__name__)
class D(dict):
    pass
print(type(D.fromkeys("ab")).__name__, D(a=1), isinstance(D(), dict))
print(dict(sorted({"b": 1, "a": 2}.items())), dict(reversed(list({"x": 1, "y": 2}.items()))))
