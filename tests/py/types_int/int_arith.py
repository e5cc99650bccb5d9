# Integer arithmetic: floor division and modulo signs, true division, precedence.
pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (5, 17), (-1, 7)]
for a, b in pairs:
    print(f"{a:>4} {b:>3} | // {a // b:>3} | % {a % b:>3} | / {a / b:.4f} | divmod {divmod(a, b)}")
print(7 + 3, 7 - 10, 7 * -3, 2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(type(6 / 3).__name__, 6 / 3, 1 / 3, 10 / 4, -7 / 2)
print(type(2 ** -2).__name__, 2 ** -2, (-2) ** -3)
print(abs(-5), abs(5), abs(0), -(-5), +(-5))
x = 10
x += 1; x *= 3; x -= 3; x //= 4; x %= 5; x **= 2
print(x)
print(1 + 2 * 3 - 4 // 2 % 3, (1 + 2) * (3 - 4) // 2)
print(sum(range(1, 101)), max(3, 9, -2), min(3, 9, -2))
print(int.__add__(3, 4), (3).__mul__(5), (3).__rsub__(10), (7).__floordiv__(2))
print((5).__truediv__(2), (2).__pow__(8), (2).__pow__(8, 5))
print(3 * True, True + True, False - 1, True / 2)
big = 10 ** 18
print(big + 1, big * big, -big // 7, big % 7)
n = 12345
digits = []
while n:
    n, d = divmod(n, 10)
    digits.append(d)
print(digits[::-1])
print(round(7 / 2), round(5 / 2), 7 // 2 * 2 + 7 % 2)
print((-3) // 2, -3 // 2, -(3 // 2), int(-3 / 2))
print(0 * -1, -0, 0 == -0)
print(1_000 * 1_000, 0xff + 0o17 + 0b11)
print((2 ** 63 - 1) + 1, -(2 ** 63) - 1)
print(divmod(2 ** 64 + 5, 2 ** 32), (2 ** 64 + 5) % -7)
