# csv reader/writer round trips with tricky quoting, through csv.py.
import csv, io

rows = [
    ["plain", "with,comma", 'with "quotes"', "multi\nline", "", " lead", "trail ", "tab\tchar"],
    [1, 2.5, -0.0, None, True, 10**20, "1e3"],
    ["", "", ""],
    [""],
    [],
    ["unicode é ü 漢字", "emoji \U0001F600", "nul\x00inside"],
    ['""', '"', "'", "\\", "\r", "\r\n"],
]

def show(label, s):
    print(label, repr(s))

for quoting in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC):
    buf = io.StringIO()
    w = csv.writer(buf, quoting=quoting)
    for r in rows:
        w.writerow(r)
    text = buf.getvalue()
    show("written q=%d" % quoting, text)
    back = list(csv.reader(io.StringIO(text, newline=""), quoting=quoting if quoting != csv.QUOTE_NONNUMERIC else csv.QUOTE_MINIMAL))
    print("read back", back)

# QUOTE_NONE with an escape character
buf = io.StringIO()
w = csv.writer(buf, quoting=csv.QUOTE_NONE, escapechar="\\")
w.writerows([["a,b", 'c"d', "e\\f", "g\nh"], ["x"]])
show("quote_none", buf.getvalue())
print(list(csv.reader(io.StringIO(buf.getvalue(), newline=""), quoting=csv.QUOTE_NONE, escapechar="\\")))

# doublequote=False needs escapechar
buf = io.StringIO()
w = csv.writer(buf, doublequote=False, escapechar="\\")
w.writerow(['say "hi"', "back\\slash", "com,ma"])
show("no doublequote", buf.getvalue())
print(list(csv.reader(io.StringIO(buf.getvalue()), doublequote=False, escapechar="\\")))
try:
    csv.writer(io.StringIO(), doublequote=False).writerow(['a"b'])
except csv.Error as e:
    print("Error:", e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow(["a,b"])
except csv.Error as e:
    print("Error:", e)
try:
    csv.writer(io.StringIO(), quoting=csv.QUOTE_NONE).writerow([""])
except csv.Error as e:
    print("Error:", e)

# custom delimiter, quotechar, lineterminator
buf = io.StringIO()
w = csv.writer(buf, delimiter=";", quotechar="'", lineterminator="\n")
w.writerow(["a;b", "it's", 'no "problem"', "x\ny"])
show("semicolon", buf.getvalue())
print(list(csv.reader(io.StringIO(buf.getvalue()), delimiter=";", quotechar="'")))

# writerow returns what write returns
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s) * 10
s = Sink()
print(csv.writer(s).writerow(["abc", "d"]), s.parts)
print(csv.writer(s).writerows([["1"], ["2"]]))

# writing objects: str() for most, repr() for floats
class Obj:
    def __str__(self):
        return "obj,str"
buf = io.StringIO()
csv.writer(buf).writerow([Obj(), 0.1, 1 / 3, float("inf")])
show("objects", buf.getvalue())
