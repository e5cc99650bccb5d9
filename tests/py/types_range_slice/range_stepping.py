# Practical range usage: stepping, chunk offsets, reverse counting, 2-D index arithmetic.
width, height = 4, 3
cells = list(range(width * height))
print([cells[r * width:(r + 1) * width] for r in range(height)])
print([divmod(i, width) for i in range(0, width * height, 5)])
print([cells[c::width] for c in range(width)])
print(list(range(10, 0, -3)), list(range(0, -10, -4)), list(range(-3, 3)))
print([(start, min(start + 4, 10)) for start in range(0, 10, 4)])
print(sum(range(0, 101, 2)), sum(range(1, 101, 2)), len(range(3, 1000, 7)))
months = range(1, 13)
print(months[2::3], list(months[2::3]), months.index(12), 13 in months)
years = range(1896, 2025, 4)
print(len(years), years[0], years[-1], 2020 in years, 2021 in years, years.index(2000))
print([y for y in range(1890, 1920) if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)])
r = range(100)
print(r[10:20][::3], r[::-1][:3], r[-5:], r[::25])
for i in range(3, 0, -1):
    print("T-minus", i)
