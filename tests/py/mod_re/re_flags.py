# Flags, lookarounds, backreferences, conditionals, atomic groups.
import re

print(re.findall(r"hello", "Hello HELLO hello", re.IGNORECASE))
print(re.findall(r"(?i)[a-c]+", "AbCdEfabc"), re.findall(r"(?i)[^a-c]+", "AbCdEfabc"))
print(re.match(r"(?i)straße", "STRASSE"), re.match(r"(?i)ǅ", "ǆ"), re.findall(r"(?i)k", "kK\u212a"))
print(re.findall(r"(?i)\w+", "Ünïcödé WÖRDS"), re.findall(r"(?ai)\w+", "Ünïcödé WÖRDS"))
print(re.findall(r".", "a\nb"), re.findall(r".", "a\nb", re.DOTALL), re.findall(r"(?s:.)b", "a\nb"))
print(re.findall(r"^x", "x\nx", re.M), re.findall(r"x$", "x\nx", re.MULTILINE))
v = re.compile(r"""
    (\d+)   # number
    \s*     # space
    ([a-z]+)  # unit
""", re.VERBOSE)
print(v.findall("10 km, 5kg, 7 m"))
print(re.findall(r"\d+", "١٢٣ 456"), re.findall(r"\d+", "١٢٣ 456", re.ASCII), re.findall(rb"\w+", b"caf\xe9"))
print(re.findall(r"\s+", "a\u00a0b\u2003c d"), re.findall(r"(?a)\s+", "a\u00a0b\u2003c d"))
print(re.compile("a", re.I | re.M).flags & (re.I | re.M))

# Lookarounds
print(re.findall(r"\w+(?=!)", "hi! there! you"), re.findall(r"\b\w+\b(?!!)", "hi! there! you"))
print(re.findall(r"(?<=\$)\d+", "cost $30 or $45"), re.findall(r"(?<!\$)\b\d+", "cost $30 or 45"))
print(re.sub(r"(?<=\d)(?=(\d{3})+\b)", ",", "1234567 and 89"))
print(re.search(r"(?=(\w+))\w", "abc").groups(), re.match(r"(?!abc)\w+", "abd"))
print(re.search(r"(?<=ab)c", "xabc", 3), re.compile(r"(?<=a)b").search("ab", 1))

# Backreferences and conditionals
print(re.findall(r"(\w)\1", "aabbcdde"), re.search(r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now").group())
print(re.match(r"(?i)(a)\1", "aA"), re.match(r"(a)?b(?(1)c|d)", "abc"), re.match(r"(a)?b(?(1)c|d)", "bd"))
print(re.findall(r"(<)?\w+(?(1)>)", "<a> b <c"), re.match(r"(\w+) \1", "hello hello world").group())

# Atomic groups and possessive quantifiers (new in 3.11)
print(re.match(r"(?>a+)b", "aaab"), re.match(r"(?>a+)a", "aaa"), re.match(r"a++a", "aaa"))
print(re.match(r"(?:ab)*+ab", "ababab"), re.match(r"\d*+\.", "123."), re.findall(r"[ab]{1,2}+", "abababa"))
print(re.match(r"(?>x|xy)z", "xyz"), re.match(r"(?:x|xy)z", "xyz"))

# Deep and long subjects do not overflow
print(len(re.match(r"(?:a|b)*", "ab" * 50000).group()), re.match(r"(a)*", "a" * 100000).span())
print(re.search(r"(x+x+)+y", "x" * 18), re.match(r"((((((((((a))))))))))", "a").groups())
print(len(re.findall(r"(?:(\w)(\d))+", "a1b2c3" * 1000)))
