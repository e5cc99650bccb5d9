# Dict union operators | and |= (3.9+).
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
c = a
a |= b
print(a, c is a)
a |= [("w", 0)]
print(a)
a |= {}
print(a)
try:
    a | [("q", 1)]
except TypeError as e:
    print(type(e).__name__, e)
try:
    a |= 5
except TypeError as e:
    print(type(e).__name__, e)
defaults = {"color": "red", "size": "M", "qty": 1}
user = {"size": "L"}
config = defaults | user | {"qty": 3}
print(config)
class MyDict(dict):
    pass
m = MyDict(a=1) | {"b": 2}
print(type(m).__name__, m)
print({1: "a"} | {1.0: "b"}, {True: "t"} | {1: "one"})
print({**defaults, **user} == defaults | user)
