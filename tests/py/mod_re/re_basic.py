# Everyday use of re: matching, searching, groups, iteration.
import re

m = re.search(r"(\d{4})-(\d{2})-(\d{2})", "Released on 2023-10-02, patched 2024-01-15.")
print(m)
print(m.group(), m.group(1), m.group(2, 3), m.groups())
print(m.span(), m.start(1), m.end(3), m.regs)
print(m.pos, m.endpos, m.lastindex, m.lastgroup, m.re.pattern, m.string[:8])
print(m[0], m[1], m[3])

print(re.match(r"\w+", "hello world"))
print(re.match(r"world", "hello world"))
print(re.fullmatch(r"[a-z]+", "hello"), re.fullmatch(r"[a-z]+", "hello!"))
print(re.search(r"o", "hello world", ) .start())

# Named groups
m = re.match(r"(?P<first>\w+) (?P<last>\w+)(?: (?P<suffix>Jr\.|Sr\.))?", "Jane Doe")
print(m.groupdict(), m.groupdict("-"), m["first"], m.group("last"), m.lastgroup)
print(m.groups(), m.groups("?"), m.span("suffix"))
print(re.compile(r"(?P<a>x)(?P<b>y)").groupindex)

# findall / finditer
text = "The year 1999 followed 1998; 2000 came next. Call 555-1234 or 555-9876."
print(re.findall(r"\d+", text))
print(re.findall(r"(\d{3})-(\d{4})", text))
print(re.findall(r"(\d{3})-\d{4}", text))
print(re.findall(r"\b[A-Z]\w*", text))
for m in re.finditer(r"\b(\w)(\w*)\b", "alpha beta gamma"):
    print(m.span(), m.group(1).upper() + m.group(2))
print([m.group() for m in re.finditer(r"a*", "baaac")])
print(re.findall(r"", "abc"), re.findall(r"x*", "axxb"))

# Compiled patterns, pos and endpos
p = re.compile(r"[aeiou]")
print(p.search("xyzabc", 4), p.search("xyzabc", 0, 3), p.match("xyzabc", 3))
print(p.findall("education", 2, 7), list(p.finditer("queue", 1)))
print(p.pattern, p.flags, p.groups, re.compile(r"(a)(b(c))").groups)

# Alternation, repeats, greedy vs lazy
print(re.match(r"(a|ab)(c|bcd)(d*)", "abcd").groups())
print(re.findall(r"<.*>", "<a><b>"), re.findall(r"<.*?>", "<a><b>"))
print(re.match(r"(a{2,3})(a*)", "aaaaa").groups(), re.match(r"(a{2,3}?)(a*)", "aaaaa").groups())
print(re.match(r"(?:ab)+", "ababab"), re.match(r"(ab)*c", "ababc").group(1))
print(re.match(r"(a+)+b", "aaab").groups(), re.match(r"(a*)*", "b").groups())
print(re.search(r"^\s*(#.*)?$", "   # comment").group(1))

# Anchors and boundaries
print(re.findall(r"^\w+", "one two\nthree four"), re.findall(r"(?m)^\w+", "one two\nthree four"))
print(re.findall(r"\w+$", "one two\nthree four\n"), re.findall(r"(?m)\w+$", "one two\nthree four\n"))
print(re.search(r"\bcat\b", "concat cat catalog").span(), re.findall(r"\Bcat\B", "concatenate"))
print(re.search(r"\Aab", "ab"), re.search(r"ab\Z", "ab\n"), re.search(r"ab$", "ab\n"))

# Bytes
print(re.findall(rb"[a-f0-9]{2}", b"de:ad:be:ef"))
print(re.match(rb"(\w+)=(\w+)", b"key=value").groups())
print(re.search(b"x", bytearray(b"abxd")), re.search(b"b.", memoryview(b"abc")).group())

# Match object reprs
print(re.search(r".+", "x" * 80))
print(re.search(r"é+", "caféé!"), re.search(rb"\x00+", b"a\x00\x00b"))
print(repr(re.compile(r"\d+\s*")), repr(re.compile(rb"[\x00-\x1f]")))
print(bool(re.match("", "")), re.match("", "abc").span())
