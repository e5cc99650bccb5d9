# replace, maketrans, translate.
s = "one fish two fish red fish blue fish"
print(s.replace("fish", "cat"), s.replace("fish", "cat", 2), s.replace("fish", ""), s.replace("x", "y"))
print("aaa".replace("a", "b", 0), "aaa".replace("a", "b", -1), "abc".replace("", "-"), "abc".replace("", "-", 2))
print("".replace("", "x"), "banana".replace("ana", "ANA"), "ab".replace("ab", "abab"))
table = str.maketrans("abc", "xyz")
print("aabbcc abc".translate(table), table)
table2 = str.maketrans("aeiou", "AEIOU", "xyz")
print("the xylophone is lazy".translate(table2))
table3 = str.maketrans({"a": "1", "b": None, "c": "cc", ord("d"): "D"})
print("abcd abcd".translate(table3), sorted(table3.items()))
print("hello".translate({ord("l"): ord("L")}), "hello".translate({}))
rot13 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                      "NOPQRSTUVWXYZABCDEFGHIJKLMnopqrstuvwxyzabcdefghijklm")
msg = "Hello, World!"
enc = msg.translate(rot13)
print(enc, enc.translate(rot13))
try:
    str.maketrans("abc", "xy")
except ValueError as e:
    print(type(e).__name__, e)
try:
    str.maketrans({"ab": "x"})
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc".translate({ord("a"): 3.5})
except TypeError as e:
    print(type(e).__name__, e)
class Mapper:
    def __getitem__(self, code):
        if chr(code).isdigit():
            return "#"
        raise LookupError
print("a1b22c333".translate(Mapper()))
strip_punct = str.maketrans("", "", ",.!?;:")
print("Hello, world! How are you? Fine; thanks.".translate(strip_punct))
print("tab\tsep\tvalues".replace("\t", " | "), "CRLF\r\nline".replace("\r\n", "\n").splitlines())
