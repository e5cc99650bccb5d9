# Very large ranges are lazy: huge lengths, indexing and membership without materialising.
big = range(10 ** 100)
print(big[-1] == 10 ** 100 - 1, big[10 ** 50] == 10 ** 50, 10 ** 99 in big, -1 in big)
try:
    len(big)
except OverflowError as e:
    print(type(e).__name__, e)
print(big.stop - big.start == 10 ** 100)
stepped = range(0, 10 ** 100, 10 ** 90)
print(stepped[5], stepped[-1], stepped.index(10 ** 95), stepped.count(123))
print(len(range(0, 10 ** 100, 10 ** 90)), bool(big), big == range(0, 10 ** 100))
print(list(range(10 ** 18, 10 ** 18 + 3)), range(2 ** 63 - 2, 2 ** 63 + 2)[1:3])
print(sum(range(0, 10 ** 6, 3)), len(range(-10 ** 9, 10 ** 9, 7)))
print(range(2 ** 64)[2 ** 63:], range(10 ** 30)[::10 ** 29])
