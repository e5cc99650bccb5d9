# loads/dumps round trips through the native _json accelerators.
import json
import _json

print(json.scanner.make_scanner is _json.make_scanner)
print(json.decoder.scanstring is _json.scanstring)
print(json.encoder.c_make_encoder is _json.make_encoder)

docs = [
    '{"a": [1, 2.5, -3e2, true, false, null], "b": {}, "c": []}',
    '[1, [2, [3, [4, {"deep": "x"}]]]]',
    '"plain"',
    '  -0  ',
    '1.5E+10',
    '[0, -1, 123456789012345678901234567890, 1e400, -1e400, 2.5e-320]',
    '{"dup": 1, "dup": 2}',
    '{"k\\u00e9y": "v\\u00e1lue", "\\ud83d\\ude00": "emoji \\ud83d\\ude00"}',
    '{"esc": "\\" \\\\ \\/ \\b \\f \\n \\r \\t"}',
    '[NaN, Infinity, -Infinity]',
    '{"nested": {"list": [{"x": 1}, {"x": 2}], "s": "é😀"}}',
]
for d in docs:
    v = json.loads(d)
    print(repr(v))
    s = json.dumps(v)
    print(s)
    print(json.loads(s) == v or v != v or repr(json.loads(s)) == repr(v))

# shared keys come from the memo: equal keys are the same object
v = json.loads('[{"name": 1}, {"name": 2}]')
print(list(v[0])[0] is list(v[1])[0])

# dumps of Python-specific values
print(json.dumps([(1, 2), (), [], {}, "", 0, -0.0, 1e16, 1.1, 10**20]))
print(json.dumps({1: "int", 2.5: "float", True: "t", False: "f", None: "n"}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 1, "y": 2}}, sort_keys=True))
print(json.dumps({"a": [1, 2], "b": "x"}, separators=(",", ":")))
print(json.dumps({"a": [1, 2], "b": "x"}, separators=("; ", " = ")))
print(json.dumps({"a": [1, {"b": 2}]}, indent=2))
print(json.dumps([1, {"a": None}], indent="\t", sort_keys=True))

# subclasses
class MyInt(int):
    def __repr__(self):
        return "MyInt!"
class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"
class MyStr(str):
    pass
class MyList(list):
    pass
class MyDict(dict):
    pass
print(json.dumps([MyInt(5), MyFloat(2.5), MyStr("s"), MyList([1, 2]), MyDict(a=1)]))
print(json.dumps({MyInt(3): MyStr("x"), MyFloat(1.5): 0}))
import collections
print(json.dumps(collections.OrderedDict([("z", 1), ("a", 2)])))
Point = collections.namedtuple("Point", "x y")
print(json.dumps(Point(1, 2)))

# hooks
print(json.loads('[1.5, 2, 3]', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=list))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())))
print(json.loads('[NaN, 1]', parse_constant=lambda c: "const:" + c))
import decimal
print(json.loads('[1.10, 2.000]', parse_float=decimal.Decimal))
print(json.loads('"a\tb"', strict=False))

# raw_decode and scan positions
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'))
print(dec.raw_decode('[1, 2]   '))
print(_json.scanstring('"abc" rest', 1))
print(_json.scanstring('é"ab\\u00e9c" rest', 2))
print(_json.scanstring('"a\x01b"', 1, False))
scan = _json.make_scanner(dec)
print(scan('xx[1,2]', 2), scan('é"é"', 1))
try:
    scan('[1]', 3)
except StopIteration as e:
    print("StopIteration", e.value)

# default
class Thing:
    def __init__(self, n):
        self.n = n
print(json.dumps([Thing(1), {"t": Thing(2)}], default=lambda o: {"thing": o.n}))
def no_default(o):
    raise TypeError("nope: " + type(o).__name__)
try:
    json.dumps(Thing(3), default=no_default)
except TypeError as e:
    print("TypeError", e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print("TypeError", e)
