# Case conversion methods.
samples = ["hello world", "Hello World", "HELLO", "hELLO wORLD", "they're bill's friends",
           "ß straße", "ǅemal", "123abc DEF", "", "İstanbul", "ﬁne", "ΣΊΣΥΦΟΣ", "mIxEd_CaSe-with.dots"]
for s in samples:
    print(repr(s), "|", s.upper(), "|", s.lower(), "|", s.capitalize(), "|", s.title(), "|", s.swapcase(), "|", s.casefold())
print("ß".upper(), len("ß".upper()), "ß".casefold() == "SS".casefold(), "Straße".casefold() == "strasse")
print("hello world".title(), "hello_world-foo bar".title(), "o'neil mc'donald".title())
print("ABC".lower() is not None, "abc".upper(), "ǆ".upper(), "ǆ".title(), "ǆ".capitalize())
print("σ".upper(), "ΣΑΣ".lower(), "Σ".lower())
words = ["apple", "Banana", "cherry", "Apple", "banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=str.casefold))
print(sorted(set(w.lower() for w in words)))
