# encode/decode with codecs and error handlers.
s = "Grüße, 世界! €"
for enc in ["utf-8", "utf-16-le", "utf-16-be", "utf-32-be", "latin-1", "ascii"]:
    try:
        data = s.encode(enc)
        print(enc, len(data), data[:12], data.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, type(e).__name__, e)
for errors in ["replace", "ignore", "xmlcharrefreplace", "backslashreplace"]:
    print(errors, s.encode("ascii", errors))
bad = b"ok \xff\xfe bytes \xc3"
for errors in ["replace", "ignore", "backslashreplace", "surrogateescape"]:
    print(errors, repr(bad.decode("utf-8", errors)))
try:
    bad.decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
    print(e.encoding, e.start, e.end, e.reason, e.object[:5])
try:
    "naïve".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
    print(e.encoding, e.start, e.end, e.reason, repr(e.object))
try:
    b"\x80abc".decode("ascii")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(b"caf\xe9".decode("latin-1"), "café".encode("latin-1"))
print(str(b"abc", "ascii"), str(b"\xe2\x82\xac", encoding="utf-8"), str(b"x\xffy", "utf-8", "replace"))
print("abc".encode(), "abc".encode("UTF-8"), "abc".encode("utf8"), "€".encode(encoding="utf_8"))
roundtrip = "\udcff".encode("utf-8", "surrogateescape")
print(roundtrip, roundtrip.decode("utf-8", "surrogateescape") == "\udcff")
print(bytes("data", "utf-16"), "data".encode("utf-16"))
try:
    "x".encode("utf-8", "bogus-handler")
except LookupError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("utf-8", "bogus-handler")
except LookupError as e:
    print(type(e).__name__, e)
try:
    b"abc".decode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
