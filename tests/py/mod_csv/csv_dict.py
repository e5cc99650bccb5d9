# DictReader / DictWriter via csv.py, and a file round trip.
import csv, io, os

buf = io.StringIO()
w = csv.DictWriter(buf, fieldnames=["id", "name", "note"], extrasaction="ignore")
w.writeheader()
w.writerow({"id": 1, "name": "Ann", "note": 'says "hi", twice', "extra": "dropped"})
w.writerow({"id": 2, "name": "Bob"})
w.writerows([{"id": 3, "name": "C,D", "note": "line\nbreak"}])
print(repr(buf.getvalue()))
try:
    csv.DictWriter(io.StringIO(), ["a"]).writerow({"a": 1, "b": 2})
except ValueError as e:
    print("ValueError:", e)

r = csv.DictReader(io.StringIO(buf.getvalue(), newline=""))
print(r.fieldnames)
for row in r:
    print(dict(row), r.line_num)

r = csv.DictReader(io.StringIO("a,b\n1,2,3,4\n5\n"), restkey="rest", restval="?")
print([dict(x) for x in r])

fn = "csv_dict_tmp.txt"
with open(fn, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["x", "y"])
    for i in range(5):
        w.writerow([i, "v%d,%d" % (i, i * i)])
with open(fn, newline="") as f:
    print(list(csv.reader(f)))
with open(fn, newline="") as f:
    print([row["y"] for row in csv.DictReader(f)])
os.remove(fn)
