# Bitwise operations on ints, including negatives and big values.
a, b = 0b1100_1010, 0b1010_0110
print(bin(a & b), bin(a | b), bin(a ^ b), bin(~a), ~a)
print(5 & -3, 5 | -3, 5 ^ -3, -5 & -3, -5 | -3, -5 ^ -3)
print(~0, ~-1, ~5, ~-6)
print(1 << 0, 1 << 10, 1 << 100, 3 << 65)
print(1024 >> 3, 1023 >> 3, -1024 >> 3, -1023 >> 3, -1 >> 100, 5 >> 100)
print((2 ** 100 + 5) & 0xFF, (2 ** 100) | 1, (2 ** 100) ^ (2 ** 100 - 1))
print(-(2 ** 100) >> 98, -(2 ** 100) & 0xFFFF, (-(2 ** 100) + 1) & 0xFFFF)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -2
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.5 & 1
except TypeError as e:
    print(type(e).__name__, e)
def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
print([popcount(v) for v in [0, 1, 255, 256, 2 ** 64 - 1]])
def bits(n, width=8):
    return format(n & ((1 << width) - 1), f"0{width}b")
print(bits(-1), bits(-128), bits(127), bits(-3, 16))
flags = 0
READ, WRITE, EXEC = 1, 2, 4
flags |= READ | EXEC
print(flags, bool(flags & WRITE), bool(flags & EXEC))
flags &= ~READ
print(flags)
flags ^= WRITE
print(flags, bin(flags))
def reverse_bits(n, width):
    r = 0
    for _ in range(width):
        r = (r << 1) | (n & 1)
        n >>= 1
    return r
print(reverse_bits(0b0001_0110, 8), bin(reverse_bits(1, 32)))
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
x = 0xDEADBEEF
print(hex((x >> 16) & 0xFFFF), hex(x & 0xFFFF), hex(((x << 8) | (x >> 24)) & 0xFFFFFFFF))
print(-17 >> 1, -17 // 2, 17 >> 1)
gray = [i ^ (i >> 1) for i in range(8)]
print(gray, [format(g, "03b") for g in gray])
