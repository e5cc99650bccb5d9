# repr of dicts, nested and self-referential.
print({}, {1: 2}, {"a": [1, {"b": (2,)}]}, {None: None}, {(1, 2): {3}})
print({"q'": 'd"', "both'\"": 1}, {1.5: -0.0, 1e20: float("inf")})
d = {"self": None}
d["self"] = d
print(d)
a = {"x": []}
a["x"].append(a)
print(a)
b = {1: {2: {3: {}}}}
print(b, str(b), repr(b) == str(b))
class K:
    def __repr__(self):
        return "K"
print({K(): K()}, {"k": K()})
print(dict(a=1).keys(), {}.values(), {"z": 0}.items())
print(f"{ {'f': 1} }", "%s" % {"p": 2}, "{}".format({"q": 3}))
