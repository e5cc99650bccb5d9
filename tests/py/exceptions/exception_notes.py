# add_note() and __notes__ (3.11).
e = ValueError("base message")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, str(e), repr(e))
try:
    e.add_note(42)
except TypeError as err:
    print(type(err).__name__, err)
def parse_record(line, lineno):
    try:
        name, qty = line.split(",")
        return name, int(qty)
    except ValueError as err:
        err.add_note(f"line {lineno}: {line!r}")
        raise
results = []
for i, line in enumerate(["apple,3", "pear,x", "fig"], 1):
    try:
        results.append(parse_record(line, i))
    except ValueError as err:
        print(type(err).__name__, err, err.__notes__)
print(results)
e2 = KeyError("k")
e2.__notes__ = ["set directly"]
e2.add_note("added")
print(e2.__notes__)
