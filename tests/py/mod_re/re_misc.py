# Scanner, pattern objects as values, copying, caching.
import re, copy

scanner = re.Scanner([
    (r"[a-zA-Z_]\w*", lambda s, t: ("NAME", t)),
    (r"\d+\.\d*", lambda s, t: ("FLOAT", float(t))),
    (r"\d+", lambda s, t: ("INT", int(t))),
    (r"[+*/=-]", lambda s, t: ("OP", t)),
    (r"\s+", None),
])
print(scanner.scan("x1 = 3.5 * y + 42 ?rest"))

p = re.compile(r"\d")
sc = p.scanner("a1b22")
print(sc.pattern is p, sc.search(), sc.search(), sc.match(), sc.search(), sc.search())
sc = p.scanner("12a3")
print(sc.match(), sc.match(), sc.match(), sc.match())

a, b = re.compile("x+", re.I), re.compile("x+", re.I)
print(a == b, hash(a) == hash(b), a != re.compile("x+"), a == "x+", {a: 1}[b])
print(copy.copy(a) is a, copy.deepcopy(a) is a)
m = a.match("xx")
print(copy.copy(m) is m, copy.deepcopy(m) is m)
print(re.compile("abc") is re.compile("abc"))
print(type(a).__name__, type(m).__name__, isinstance(a, re.Pattern), isinstance(m, re.Match))

# Long strings and non-ASCII subjects
s = "añb" * 1000 + "END"
p = re.compile(r"ñ(b)")
pos, n = 0, 0
while True:
    m = p.search(s, pos)
    if not m:
        break
    n += 1
    pos = m.end()
print(n, re.search("END$", s).span(), len(re.findall("[^ñ]+", s)))
print(re.findall(r"[\u4e00-\u9fff]+", "汉字 and 漢字!"), re.sub(r"😀+", "<smile>", "hi 😀😀 there 😀"))
print(re.split(r"[–—]", "a–b—c"), re.match(r"\w+", "Ωμέγα").group())
words = re.findall(r"\w+", "the cat and the hat and the bat")
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))
