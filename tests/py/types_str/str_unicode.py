# Unicode strings: code points, lengths, encodings, ordering.
text = "naïve café – 日本語 – 😀👍"
print(len(text), len(text.encode("utf-8")), len(text.encode("utf-16-le")) // 2, len(text.encode("utf-32-le")) // 4)
print([hex(ord(c)) for c in "é日😀"], chr(0x1F600), chr(233), "\u00e9" == "é", "\U0001F600" == "😀")
print(ascii(text))
print(repr(text))
print(text.upper(), text.title())
print(sorted("éeèaz"), "é" > "z", min("日本語"), max("abc😀"))
print("é".encode("utf-8"), "日".encode("utf-8"), "😀".encode("utf-8"), "😀".encode("utf-16"), "A".encode("utf-32"))
print(b"\xc3\xa9".decode("utf-8"), b"\xe6\x97\xa5".decode(), bytes([0xF0, 0x9F, 0x98, 0x80]).decode())
combined = "e\u0301"
print(len(combined), combined == "é", repr(combined), ascii(combined))
print("ǅ".isupper(), "ǅ".islower(), "ǅ".istitle(), "Ⅷ".isnumeric(), "Ⅷ".lower())
print("ﬀ".upper(), "ŉ".upper(), "İ".lower(), len("İ".lower()))
print(ord("\n"), ord("\x00"), ord("\uffff"), ord("\U0010ffff"))
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord("")
except TypeError as e:
    print(type(e).__name__, e)
surrogate = "\ud800"
print(len(surrogate), repr(surrogate), surrogate.isprintable())
try:
    surrogate.encode("utf-8")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(surrogate.encode("utf-8", "surrogatepass"), surrogate.encode("utf-8", "replace"), surrogate.encode("utf-8", "ignore"))
print("😀".encode("utf-8", "strict"), "abc€".encode("ascii", "replace"), "abc€".encode("ascii", "xmlcharrefreplace"), "abc€".encode("ascii", "backslashreplace"))
print("straße"[4:], "日本語"[1], "😀😁😂"[1:], "😀😁😂"[::-1])
counts = {}
for ch in "mississippi 日日本":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print("\N{GREEK SMALL LETTER ALPHA}" if False else "\u03b1", "\u03b1".upper(), "Ω".lower())
