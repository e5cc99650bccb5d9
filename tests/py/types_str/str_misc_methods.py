# Remaining str methods and behaviours: count edge cases, str() constructor, methods on subclasses.
print("abc".isascii(), "hello"[1:3].upper(), "a-b-c".split("-", maxsplit=1), "x".join("123"))
print(str.join("+", ["1", "2"]), str.upper("abc"), str.__len__("four"), str.__contains__("abc", "b"))
print("Hello".startswith("He") and "Hello".endswith("lo"), "  x ".isspace(), "\u00a0".isspace())
print("ab".__getitem__(1), "abc".__iter__().__next__(), list(iter("xyz")), list(reversed("xyz")))
print(str(12.0), str(-0.5), str(1e100), str(True), str([None]), str(()), str(frozenset()))
print(str(b"caf\xc3\xa9", "utf-8"), str(bytearray(b"xyz"), "ascii"))
print("%s|%s" % ("a".ljust(3, "."), "b".rjust(3, ".")))
s = "The Zen of Python"
print(s.lower().count("o"), s.index("Zen"), s.find("zen"), s.casefold().find("zen"))
print(s.split(" ", 2), s.rsplit(" ", 2), s.partition(" of "), s.swapcase())
print("-".join(s.split()), s.replace(" ", ""), len(s), s.encode()[:7])
print("a,b;c d".replace(",", " ").replace(";", " ").split())
print(sorted("Mississippi".lower()), "".join(sorted(set("mississippi"))))
print("ABC".lower().upper().capitalize().swapcase().title())
dedup = []
for ch in "bookkeeper":
    if ch not in dedup:
        dedup.append(ch)
print("".join(dedup))
print("{:-^20}".format(" centred "), "centred".center(20, "-"))
print(max("apple", "apricot", key=lambda w: w[2]), min("zz", "a", key=len))
print("3" * 3, "ab" * 2 + "c", ("x" + "y") * 2)
print("tab\there".expandtabs(12).index("here"))
print(" ".join(w[::-1] for w in "reverse each word".split()))
print(all(c.isdigit() for c in "12345"), any(c.isupper() for c in "abcDef"))
print(int("".join(filter(str.isdigit, "a1b2c3"))), "".join(map(str.upper, ["a", "b"])))
