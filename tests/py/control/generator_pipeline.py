# Data processing pipeline built from chained generators.
LOG = """\
2024-01-01 10:00:01 INFO user=alice action=login
2024-01-01 10:00:05 ERROR user=bob action=upload size=120
2024-01-01 10:01:00 INFO user=alice action=upload size=300
garbage line
2024-01-01 10:02:30 WARN user=carol action=login
2024-01-01 10:03:00 ERROR user=alice action=delete
2024-01-01 10:04:10 INFO user=bob action=upload size=50
"""
def lines(text):
    for line in text.splitlines():
        yield line
def parse(lines):
    for line in lines:
        parts = line.split()
        if len(parts) < 4:
            print(f"  skipping malformed: {line!r}")
            continue
        date, time, level, *fields = parts
        record = {"time": time, "level": level}
        for f in fields:
            k, _, v = f.partition("=")
            record[k] = int(v) if v.isdigit() else v
        yield record
def where(records, **conditions):
    for r in records:
        if all(r.get(k) == v for k, v in conditions.items()):
            yield r
def pluck(records, key, default=None):
    for r in records:
        yield r.get(key, default)
records = list(parse(lines(LOG)))
print(len(records), "records")
print("errors:", [r["user"] for r in where(records, level="ERROR")])
print("uploads by size:", sum(pluck(where(records, action="upload"), "size", 0)))
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(pluck(records, "user"), 2)))
def count_by(records, key):
    counts = {}
    for r in records:
        counts[r[key]] = counts.get(r[key], 0) + 1
    return counts
print(count_by(records, "level"))
print(count_by(records, "user"))
def numbers():
    n = 0
    while True:
        n += 1
        yield n
def take_while(pred, it):
    for x in it:
        if not pred(x):
            return
        yield x
evens = (n for n in numbers() if n % 2 == 0)
squares = (n * n for n in evens)
print(list(take_while(lambda v: v < 200, squares)))
def batched(it, size):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch
for b in batched(pluck(records, "action"), 4):
    print("batch", b)
