# csv.reader: dialect options, errors, line numbers.
import csv, io

def read(text, **kw):
    r = csv.reader(io.StringIO(text, newline=""), **kw)
    out = []
    try:
        for row in r:
            out.append((r.line_num, row))
    except csv.Error as e:
        out.append(("Error", str(e), r.line_num))
    except ValueError as e:
        out.append(("ValueError", str(e), r.line_num))
    print(repr(text), kw, "->", out)

read('a,b,c\r\n1,2,3\r\n')
read('a,"b\r\nc",d\r\ne\r\n')
read('"unterminated\r\nfield')
read('"unterminated\r\nfield', strict=True)
read('a,"b"c,d')
read('a,"b"c,d', strict=True)
read(' a,  "b",c', skipinitialspace=True)
read(' a,  "b",c')
read('a\\,b,c\\\nd', escapechar="\\")
read('"a\\"b",c', escapechar="\\")
read('a\\', escapechar="\\")
read('a\\', escapechar="\\", strict=True)
read('1,2.5,"x",,-3e2\r\n', quoting=csv.QUOTE_NONNUMERIC)
read('1,abc\r\n', quoting=csv.QUOTE_NONNUMERIC)
read("a,'b,c',d", quotechar="'")
read('a,"b,c"', quoting=csv.QUOTE_NONE)
read('a\tb\t"c\td"', delimiter="\t")
read('\r\n\r\na\r\n\r\n')
read('a,b\rc,d\re')
read('a\x00b,c')
read('x,"a ""quoted"" word",y')
read('a,"b"\r\n', doublequote=False)

# a line iterator (not a file): embedded newline is an error
try:
    print(list(csv.reader(["a,b\nc,d"])))
except csv.Error as e:
    print("Error:", e)

# bytes are refused
try:
    list(csv.reader([b"a,b"]))
except csv.Error as e:
    print("Error:", e)

# field_size_limit
old = csv.field_size_limit()
print("limit", old, csv.field_size_limit(10), csv.field_size_limit())
read("0123456789,01234567890")
csv.field_size_limit(old)
try:
    csv.field_size_limit("x")
except TypeError as e:
    print("TypeError:", e)

r = csv.reader(["a,b", "c"])
print(type(r).__name__, r.line_num, next(r), r.line_num, r.dialect.delimiter)
try:
    csv.reader()
except TypeError as e:
    print("TypeError:", e)
try:
    csv.reader(5)
except TypeError as e:
    print("TypeError:", e)
