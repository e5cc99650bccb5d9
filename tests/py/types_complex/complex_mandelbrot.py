# ASCII Mandelbrot set using complex arithmetic.
def mandel(c, max_iter=30):
    z = 0j
    for i in range(max_iter):
        z = z * z + c
        if abs(z) > 2:
            return i
    return max_iter
chars = " .:-=+*#%@"
rows = []
for y in range(-10, 11):
    line = ""
    for x in range(-40, 20):
        c = complex(x / 20, y / 10)
        n = mandel(c)
        line += chars[min(n, 29) * len(chars) // 30] if n < 30 else "@"
    rows.append(line.rstrip())
print("\n".join(rows))
inside = sum(1 for y in range(-20, 21) for x in range(-40, 21) if mandel(complex(x / 20, y / 20)) == 30)
print("points inside:", inside)
print(mandel(0j), mandel(1 + 0j), mandel(-1 + 0j), mandel(0.25 + 0.5j), mandel(-2 + 0j))
