# Complex arithmetic.
a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, -a, +a)
print(a + 1, 1 + a, a * 2, 2 * a, a / 2, 2 / a, a - 0.5, 0.5 - a)
print(a ** 2, a ** 0, a ** -1, 1j ** 2, 1j ** 3, (1 + 1j) ** 8, 2 ** (1j * 0))
print(abs(a), abs(b), abs(-5j), abs(complex(3e200, 4e200)))
print(a == 3 + 4j, a != b, (2 + 0j) == 2, (2 + 0j) == 2.0, 1j == 1)
z = 1 + 1j
z += 1; z *= 1j; z -= 2j; z /= 2
print(z)
print(a.conjugate(), (a * a.conjugate()).real, b.conjugate().imag)
print(sum([1j, 2, 3.5, 1 + 1j]), sum([], 0j))
print((1 + 2j) * (3 - 4j) == complex(1 * 3 + 2 * 4, 2 * 3 - 1 * 4))
print(1j * 1j == -1, (1j * 1j).real, (1j * 1j).imag)
print(complex(1, 2) * True, complex(1, 2) + False)
print(1e308j * 10, (1e308 + 1e308j) * 2)
def mag_sq(z):
    return z.real ** 2 + z.imag ** 2
print(mag_sq(3 - 4j), round(abs(1 + 1j) ** 2, 12))
print((2 + 3j) / (2 + 3j), (4 + 2j) / 2j, (1 + 1j) / (1 - 1j))
