# Dialects: registration, validation messages, attributes, Sniffer.
import csv, io

print(sorted(csv.list_dialects()))
d = csv.get_dialect("excel")
print(type(d).__name__, repr(d.delimiter), repr(d.quotechar), d.escapechar, repr(d.lineterminator),
      d.quoting, d.doublequote, d.skipinitialspace, d.strict)
t = csv.get_dialect("excel-tab")
print(repr(t.delimiter))

csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_ALL)
buf = io.StringIO()
csv.writer(buf, "pipes").writerow(["a", "b|c", 3])
print(repr(buf.getvalue()))
print(list(csv.reader(io.StringIO(buf.getvalue()), dialect="pipes")))
print(sorted(csv.list_dialects()))
csv.unregister_dialect("pipes")
for bad in ("pipes",):
    try:
        csv.get_dialect(bad)
    except csv.Error as e:
        print("Error:", e)
    try:
        csv.unregister_dialect(bad)
    except csv.Error as e:
        print("Error:", e)
try:
    csv.register_dialect(1)
except TypeError as e:
    print("TypeError:", e)

class Semi(csv.Dialect):
    delimiter = ";"
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL
csv.register_dialect("semi", Semi)
buf = io.StringIO()
csv.writer(buf, dialect="semi").writerow(["x;y", "z"])
print(repr(buf.getvalue()))

def make(**kw):
    try:
        class D(csv.Dialect):
            delimiter = ","
            quotechar = '"'
            doublequote = True
            skipinitialspace = False
            lineterminator = "\r\n"
            quoting = csv.QUOTE_MINIMAL
        for k, v in kw.items():
            setattr(D, k, v)
        D()
        print(kw, "ok")
    except csv.Error as e:
        print(kw, "csv.Error:", e)

make()
make(delimiter="")
make(delimiter="::")
make(delimiter=None)
make(delimiter=4)
make(quotechar="")
make(quotechar=4)
make(quoting=17)
make(quoting="1")
make(lineterminator=None)
make(lineterminator=5)
make(escapechar="ab")
make(quotechar=None)
make(quotechar=None, quoting=csv.QUOTE_NONE)

def direct(**kw):
    try:
        r = csv.reader([], **kw)
        d = r.dialect
        print(kw, "->", repr(d.delimiter), repr(d.quotechar), repr(d.escapechar), d.quoting)
    except (TypeError, csv.Error) as e:
        print(kw, type(e).__name__, e)

direct(quotechar=None)
direct(quoting=csv.QUOTE_ALL, quotechar=None)
direct(delimiter="ab")
direct(bogus=1)
direct(dialect="nope")
direct(quoting=True)

try:
    csv.get_dialect("excel").delimiter = ";"
except AttributeError as e:
    print("AttributeError:", e)

sn = csv.Sniffer()
sample = "name;age;city\nalice;30;paris\nbob;25;rome\n"
dia = sn.sniff(sample)
print(repr(dia.delimiter), sn.has_header(sample))
