# Big-integer programs: toy RSA with modular inverse, and pi digits via a spigot algorithm.
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
def modinv(a, m):
    g, x, _ = egcd(a, m)
    if g != 1:
        raise ValueError(f"{a} has no inverse modulo {m}")
    return x % m
def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True
def next_prime(n):
    n += 1 - n % 2
    while not is_probable_prime(n):
        n += 2
    return n
p = next_prime(2 ** 127 + 12345)
q = next_prime(3 ** 80)
n, phi = p * q, (p - 1) * (q - 1)
e = 65537
d = modinv(e, phi)
print("p =", p)
print("q =", q)
print("n bits:", n.bit_length(), "d*e mod phi:", d * e % phi)
message = int.from_bytes("Krait says hello!".encode(), "big")
cipher = pow(message, e, n)
plain = pow(cipher, d, n)
print(cipher % 10 ** 12, plain == message, plain.to_bytes((plain.bit_length() + 7) // 8, "big").decode())
signature = pow(123456789, d, n)
print("signature verifies:", pow(signature, e, n) == 123456789)
try:
    modinv(6, 9)
except ValueError as err:
    print("ValueError:", err)
def pi_digits(count):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out
digits = pi_digits(120)
print(str(digits[0]) + "." + "".join(map(str, digits[1:])))
print("digit counts:", [digits.count(d) for d in range(10)])
def e_digits(n):
    scale = 10 ** (n + 5)
    total, term, k = 0, scale, 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10 ** 5)
print(e_digits(60)[0] + "." + e_digits(60)[1:])
print(sum(int(c) for c in str(2 ** 1000)), len(str(3 ** 1000)), str(7 ** 222)[-10:])
