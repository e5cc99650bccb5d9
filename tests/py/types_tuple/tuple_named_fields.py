# Records as tuples: unpacking in loops, sorting by fields, grouping, converting to dicts.
rows = [
    ("2024-03-01", "alice", "login", 1),
    ("2024-03-01", "bob", "upload", 5),
    ("2024-03-02", "alice", "upload", 2),
    ("2024-03-02", "carol", "login", 1),
    ("2024-03-03", "bob", "upload", 7),
]
FIELDS = ("date", "user", "action", "count")
records = [dict(zip(FIELDS, r)) for r in rows]
print(records[1])
by_user = {}
for date, user, action, count in rows:
    by_user.setdefault(user, []).append((date, action, count))
for user, events in sorted(by_user.items()):
    print(user, events, sum(c for _, _, c in events))
print(sorted(rows, key=lambda r: (-r[3], r[1]))[:3])
idx = FIELDS.index("action")
print(sorted({r[idx] for r in rows}), max(rows, key=lambda r: r[3])[1])
uploads = tuple(r for r in rows if r[2] == "upload")
print(len(uploads), uploads[-1], uploads[0][1:3])
dates, users, actions, counts = zip(*rows)
print(dates[0], users, sum(counts), type(counts).__name__)
pairs = tuple(zip(users, counts))
print(pairs, dict(pairs))
first, *middle, last = rows
print(first[1], len(middle), last[1])
print(tuple(sorted(set(users))), (1, 2) + tuple("ab") + (None,))
