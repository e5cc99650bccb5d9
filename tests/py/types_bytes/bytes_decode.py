# Decoding bytes into str with codecs and error handlers.
raw = "Zürich – 東京 😀".encode("utf-8")
print(raw)
print(raw.decode(), raw.decode("utf-8"), raw.decode(encoding="utf-8", errors="strict"))
print(repr(raw.decode("latin-1")))
print(raw.decode("ascii", "replace"))
print(raw.decode("ascii", "ignore"))
print(repr(raw.decode("ascii", "backslashreplace")))
for cut in [2, 3, len(raw) - 1]:
    try:
        raw[:cut].decode("utf-8")
        print(cut, "ok")
    except UnicodeDecodeError as e:
        print(cut, type(e).__name__, e)
print(b"\xff\xfeh\x00i\x00".decode("utf-16"), b"\x00h\x00i".decode("utf-16-be"), "hi".encode("utf-16-le").decode("utf-16-le"))
print(bytearray(b"caf\xc3\xa9").decode(), memoryview(b"mv").tobytes().decode())
invalid = [b"\x80", b"\xc3\x28", b"\xe2\x28\xa1", b"\xf0\x90\x28\xbc", b"\xed\xa0\x80", b"\xc0\xaf"]
for b in invalid:
    try:
        b.decode("utf-8")
    except UnicodeDecodeError as e:
        print(b, e.reason, e.start, e.end)
print([b.decode("utf-8", "replace") for b in invalid])
