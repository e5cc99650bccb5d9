# split/rsplit/splitlines/partition/rpartition/join.
s = "  alpha  beta\tgamma\n delta  "
print(s.split(), s.split(None, 1), s.rsplit(None, 1), s.split(" "))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2), "".split(","), "".split())
print("a::b::c".split("::"), "abc".split("abc"), "aXbXc".split("X", 0), "a b c".split(maxsplit=1))
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
text = "line one\nline two\r\nline three\rline four\n\nlast"
print(text.splitlines())
print(text.splitlines(True))
print("no newline".splitlines(), "".splitlines(), "\n".splitlines(), "a\x0bb\x0cc\x1cd\u2028e".splitlines())
print("x\n".split("\n"), "x\n".splitlines())
print("key=value=more".partition("="), "key=value=more".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
try:
    "abc".partition("")
except ValueError as e:
    print(type(e).__name__, e)
print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join(str(n) for n in range(5)), "|".join([]))
print(" ".join(("single",)), "\n".join(["l1", "l2"]).split("\n"))
try:
    ", ".join(["a", 1, "b"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    ", ".join([b"bytes"])
except TypeError as e:
    print(type(e).__name__, e)
csv = "name,age,city\nAnn,30,Paris\nBob,25,Rome"
rows = [line.split(",") for line in csv.splitlines()]
header, *data = rows
print([dict(zip(header, r)) for r in data])
path = "/usr/local/lib/python3.11/site.py"
print(path.rsplit("/", 1), path.split("/")[1:], path.rpartition(".")[2], path.rpartition("/")[0])
print(" ".join(reversed("the quick brown fox".split())))
print("a  b".split(" "), "  leading".split(" "), "trailing  ".rsplit(" ", 1))
