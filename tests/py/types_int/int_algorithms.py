# Number-theory helpers using integers.
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(is_p) if p]
primes = sieve(200)
print(len(primes), primes[:15], primes[-3:])
def factorize(n):
    factors = {}
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors[d] = factors.get(d, 0) + 1
            n //= d
        d += 1
    if n > 1:
        factors[n] = factors.get(n, 0) + 1
    return factors
for n in [360, 97, 1001, 2 ** 20, 600851475143]:
    print(n, factorize(n))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a * b // gcd(a, b)
print(gcd(48, 180), gcd(-12, 18), gcd(0, 0), lcm(4, 6), lcm(21, 6))
total = 1
for i in range(1, 21):
    total = lcm(total, i)
print("lcm 1..20:", total)
def is_prime(n):
    if n < 2:
        return False
    small = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
    for p in small:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in small:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
print([n for n in range(100) if is_prime(n)] == sieve(99))
print(is_prime(2 ** 61 - 1), is_prime(2 ** 61 + 1), is_prime(1000000007), is_prime(561))
def digits_sum(n, base=10):
    s = 0
    while n:
        n, r = divmod(n, base)
        s += r
    return s
print(digits_sum(2 ** 1000), digits_sum(255, 2), digits_sum(255, 16))
def to_base(n, b):
    chars = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(chars[r])
    return sign + "".join(reversed(out))
print(to_base(255, 2), to_base(255, 16), to_base(-42, 7), to_base(10 ** 20, 36))
print(all(int(to_base(v, b), b) == v for v in (0, 1, 99, 12345, -777) for b in (2, 8, 16, 36)))
def collatz_len(n):
    steps = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best))
def perfect(limit):
    return [n for n in range(2, limit) if sum(d for d in range(1, n // 2 + 1) if n % d == 0) == n]
print(perfect(1000))
