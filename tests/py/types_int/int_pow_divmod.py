# pow() with and without modulus, divmod identities, modular inverses.
print(pow(2, 10), pow(2, -1), pow(-2, 3), pow(0, 0), pow(7, 0))
print(pow(2, 10, 1000), pow(3, 200, 13), pow(-3, 3, 7), pow(3, 3, -7), pow(5, 0, 1))
print(pow(3, -1, 7), pow(10, -2, 17), (3 * pow(3, -1, 7)) % 7)
print(pow(2, 10 ** 6, 10 ** 9 + 7))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
for a in [-7, 7, 0, 13, -13]:
    for b in [3, -3, 5]:
        q, r = divmod(a, b)
        assert q * b + r == a
        print(f"divmod({a}, {b}) = ({q}, {r})", end="; ")
    print()
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    5 // 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    5 % 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    5 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
def modexp(b, e, m):
    result = 1
    b %= m
    while e:
        if e & 1:
            result = result * b % m
        b = b * b % m
        e >>= 1
    return result
print(all(modexp(b, e, m) == pow(b, e, m) for b in range(2, 9) for e in range(0, 30, 7) for m in (7, 97, 1000)))
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
g, x, y = egcd(240, 46)
print(g, x, y, 240 * x + 46 * y)
print(2 ** 3 ** 2, (2 ** 3) ** 2, 2 ** -2 ** 2 if False else 2 ** (-(2 ** 2)))
print(10 ** 20 // 10 ** 19, (-10) ** 21 // 10 ** 20)
print(pow(2, 0.5) == 2 ** 0.5, type(pow(4, 1)).__name__, type(pow(4, -1)).__name__)
