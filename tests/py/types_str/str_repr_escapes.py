# repr() and ascii() escaping rules for str.
samples = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "cr\rret",
           "back\\slash", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xad", "é ñ ü", "日本", "😀", "\u200b", "\u2028",
           "\ufeff", "\U000e0001", "\ud800", "bell\a", "\x1b[0m", "", "'", '"', "\\", "'\"'"]
for s in samples:
    print(repr(s), ascii(s), len(s))
print(str(samples[:3]))
print(repr(repr("x")), repr(str(["a'b"])))
print(eval(repr("mixed ' \" \\ \n \t é 😀")) == "mixed ' \" \\ \n \t é 😀")
print(all(eval(repr(s)) == s for s in samples))
print("%r|%a|{!r}|{!a}".format("é", "é") % ("ü", "ü"))
