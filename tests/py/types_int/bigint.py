# Arbitrary precision integers.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f100 = fact(100)
print(f100)
print(len(str(f100)), sum(int(c) for c in str(f100)))
print(2 ** 256)
print(-(2 ** 255) + 1)
print(3 ** 200 // 7 ** 50, 3 ** 200 % 7 ** 50)
a = 123456789012345678901234567890
b = 987654321098765432109876543210
print(a + b, b - a, a - b, a * b)
print(b // a, b % a, divmod(-b, a), divmod(b, -a))
print(a ** 3)
print((a * b) // b == a, (a * b) % b)
fib = [0, 1]
for _ in range(300):
    fib.append(fib[-1] + fib[-2])
print(fib[300])
print(fib[300] // fib[299], fib[300] % 1000000007)
print(2 ** 100 == 1267650600228229401496703205376)
print((2 ** 100).bit_length(), (2 ** 100 - 1).bit_length(), (-(2 ** 100)).bit_length())
print(10 ** 50 > 10 ** 49, -10 ** 50 < -10 ** 49, 10 ** 30 == 10 ** 30)
print(hex(2 ** 128 - 1), oct(8 ** 30), bin(2 ** 70))
print(int("9" * 60) + 1)
print(pow(2, 1000) % 10 ** 20)
print(pow(3, 10 ** 18, 10 ** 9 + 7))
print(-(10 ** 40) // 3, -(10 ** 40) % 3, (10 ** 40) // -3)
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt(10 ** 60), isqrt(2 * 10 ** 40))
print(abs(-(7 ** 77)) == 7 ** 77, 7 ** 77 % 10)
print(fact(30) // fact(28), fact(25) / fact(23))
print(float(2 ** 100), float(-(3 ** 80)))
print(2 ** 64 * 1.0 == 18446744073709551616.0)
