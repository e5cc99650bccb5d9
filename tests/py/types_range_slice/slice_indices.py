# slice.indices normalisation compared against manual list slicing for many combinations.
values = [None, -12, -5, -1, 0, 1, 3, 7, 12]
steps = [None, 1, 2, 3, -1, -2, -4]
length = 8
seq = list(range(length))
mismatches = 0
lines = []
for start in values:
    for stop in values:
        for step in steps:
            s = slice(start, stop, step)
            got = [seq[i] for i in range(*s.indices(length))]
            if got != seq[s]:
                mismatches += 1
            if start in (None, -5, 3) and stop in (None, 1, 12) and step in (None, -1, 3):
                lines.append(f"{start!s:>5} {stop!s:>5} {step!s:>5} -> {s.indices(length)} {seq[s]}")
print("mismatches:", mismatches)
print("\n".join(lines))
print(slice(None, None, None).indices(0), slice(5, None, -1).indices(0), slice(2 ** 100).indices(3))
print(slice(-2 ** 100, 2 ** 100, 2 ** 100).indices(10))
