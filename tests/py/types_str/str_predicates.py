# is* predicate methods across ASCII and Unicode.
samples = ["abc", "ABC", "Abc", "abc123", "123", "12.5", "", " ", "\t\n", "Hello World", "Hello world",
           "²", "½", "٣", "Ⅻ", "ⅻ", "é", "日本", "_id", "class", "2x", "x y", "\x00", "tab\t", "ǅ", "ß", "Σίσυφος"]
methods = ["isalpha", "isalnum", "isdigit", "isdecimal", "isnumeric", "isspace", "islower", "isupper",
           "istitle", "isidentifier", "isprintable", "isascii"]
print(" " * 15 + " ".join(m[2:6] for m in methods))
for s in samples:
    flags = " ".join(("T" if getattr(s, m)() else ".").center(4) for m in methods)
    print(f"{s!r:>14} {flags}")
import sys
def valid_name(name):
    keywords = {"class", "def", "if", "else", "return", "for", "while", "import", "None", "True"}
    return name.isidentifier() and name not in keywords
print([n for n in ["x", "_private", "2fast", "class", "my-var", "café", "None", "ok_1"] if valid_name(n)])
