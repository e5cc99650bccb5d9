# Float arithmetic: mixed with ints, accumulation error, precision.
print(1.5 + 2, 3 - 0.5, 2.5 * 4, 7.5 / 2.5, 7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(2 ** 0.5, 4 ** 0.5, 8 ** (1 / 3), 2.0 ** 10, 2 ** -1.0, (-8.0) ** 2)
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, round(0.1 + 0.2, 10) == 0.3)
total = 0.0
for _ in range(10):
    total += 0.1
print(total, total == 1.0)
print(sum([0.1] * 10), 0.1 * 10)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 1e308 + 1e308)
print(5e-324 / 2, 5e-324 * 0.5, 2.5e-324 == 5e-324)
print(type(3 * 1.0).__name__, type(True + 0.5).__name__, 3 / 1.0)
print(-0.0 + 0.0, -0.0 - 0.0, -0.0 * 5, 0.0 * -5, -(0.0), abs(-0.0))
print(divmod(7.5, 2), divmod(-7.5, 2), divmod(7.5, -2), divmod(1.0, 0.1))
print(5.0 % 3, -5.0 % 3, 5.0 % -3, 5.5 % 1, 1e20 % 3)
print(10.0 // 3, -10.0 // 3, 1.0 // 0.1, 0.9 // 0.3)
x = 1.0
x += 0.5; x *= 3; x -= 1; x /= 2; x **= 2; x //= 1.5; x %= 2.5
print(x)
print(3.0 == 3, hash(3.0) == hash(3))
print(float.__add__(1.5, 1), (2.5).__mul__(2), (2.0).__rsub__(10), (1.5).__pow__(2))
print((3.5).__floordiv__(1), (3.5).__mod__(1), (3.5).__neg__(), (3.5).__abs__(), (-3.5).__pos__())
print((1.5).__add__("x"), (1.5).__eq__(1.5), (1.5).__lt__(2))
print(0.1 * 0.1, 1.0 / 49 * 49, 100 * 1.1, 3.3 / 1.1)
mean = sum([2.5, 3.5, 4.0, 5.25]) / 4
print(mean, f"{mean:.3f}")
