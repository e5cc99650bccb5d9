# JSONDecodeError messages and positions, encoder errors.
import json
import _json

bad = [
    '', ' ', '[', '[  ', '[1,]', '[1 2]', '{', '{"a"', '{"a" 1}', '{"a": }',
    '{"a":1 "b"}', '{"a":1,}', '{1: 2}', '"abc', '"\\u12', '"\\u12zz"', '"\\x"',
    '"a\nb"', '"\\ud800\\u"', '"\\ud800\\uzzzz"', '-', '--1', '1e', '01', '[1] x',
    'nul', 'tru', 'é[1,é]', '["é", "ab', '{"é": 1, "x"}', 'NaNa', '[-Inf]', '"\\',
    '\ufeff[1]', '{"a": [1, 2, {"b": }]}',
]
for s in bad:
    try:
        r = json.loads(s)
        print(repr(s), "->", repr(r))
    except json.JSONDecodeError as e:
        print(repr(s), "|", e.msg, "|", e.pos, e.lineno, e.colno)
    except ValueError as e:
        print(repr(s), "| ValueError", e)

try:
    json.loads('[\n  1,\n  2 3\n]')
except json.JSONDecodeError as e:
    print(e)

for args in [(b"x", 0), ("abc", 5), ("abc", -1)]:
    try:
        _json.scanstring(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

# circular references
a = []
a.append(a)
d = {}
d["self"] = d
for obj in (a, d, [d]):
    try:
        json.dumps(obj)
    except ValueError as e:
        print("ValueError", e)
class Loop:
    pass
try:
    json.dumps(Loop(), default=lambda o: [o])
except ValueError as e:
    print("ValueError", e)
print(json.dumps([[1], [1]]))
shared = [1]
print(json.dumps([shared, shared, {"x": shared}]))
try:
    json.dumps(a, check_circular=False)
except RecursionError:
    print("RecursionError")

# NaN handling
nan, inf = float("nan"), float("inf")
print(json.dumps([nan, inf, -inf]))
print(json.dumps({nan: 1, inf: 2}))
for obj in (nan, [inf], {"a": -inf}, {inf: 1}):
    try:
        json.dumps(obj, allow_nan=False)
    except ValueError as e:
        print("ValueError", e)

# keys
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({(1, 2): 3, "a": 1, b"x": 2}, skipkeys=True))
try:
    json.dumps({"a": 1, 1: "a"}, sort_keys=True)
except TypeError as e:
    print("TypeError", e)
print(json.dumps({2: "b", 1: "a"}, sort_keys=True))

# make_encoder argument checks
try:
    _json.make_encoder(1, None, None, None, ": ", ", ", False, False, False)
except TypeError as e:
    print("TypeError", e)
enc = _json.make_encoder(None, str, lambda s: None, None, ": ", ", ", False, False, False)
try:
    enc("spam", 0)
except TypeError as e:
    print("TypeError", e)
enc = _json.make_encoder({}, str, _json.encode_basestring, None, ":", ",", True, False, True)
print(enc({"b": [1.5, "é"], "a": None}, 0))

# deep nesting
try:
    json.loads("[" * 100000 + "]" * 100000)
except RecursionError:
    print("RecursionError loads")
deep = []
for i in range(100000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError:
    print("RecursionError dumps")
