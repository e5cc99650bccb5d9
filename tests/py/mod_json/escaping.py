# String escaping in both modes.
import json
import _json

samples = [
    "", "plain", 'quote " backslash \\ slash /', "\x00\x01\x1f\x7f\x80",
    "\b\f\n\r\t", "é ñ ü", "\u2028\u2029", "€ \uffff", "😀 \U0010ffff",
    "mixed é\n😀\"end",
]
for s in samples:
    print(_json.encode_basestring_ascii(s))
    print(_json.encode_basestring(s))
    print(json.dumps(s), json.dumps(s, ensure_ascii=False))
    assert json.loads(json.dumps(s)) == s
    assert json.loads(json.dumps(s, ensure_ascii=False)) == s

class S(str):
    pass
print(_json.encode_basestring_ascii(S("sub\n")))
for f in (_json.encode_basestring_ascii, _json.encode_basestring):
    try:
        f(b"bytes")
    except TypeError as e:
        print("TypeError", e)
print(json.dumps({"é": "😀"}), json.dumps({"é": "😀"}, ensure_ascii=False))
print(json.loads('"\\u00e9\\u20AC\\ud83d\\ude00\\uD83D\\uDE00"'))
