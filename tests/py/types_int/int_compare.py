# Comparisons between ints, floats, bools and big values.
print(1 == 1.0, 1 == True, 0 == False, 2 == 2.0000000000000001, int("1") is True)
print(10 ** 20 == 1e20, 10 ** 23 == 1e23, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)
print(2 ** 1000 > 1e308, 2 ** 1025 > float("inf"), -(2 ** 1025) < float("-inf"), 2 ** 1025 < float("inf"))
print(1 < 1.5 < 2, -1 > -1.5, 0 == -0.0, 3 != 3.1)
print(float("nan") == 1, 1 < float("nan"), 1 >= float("nan"), 1 != float("nan"))
print(sorted([3, 1.5, True, -2, 2 ** 64, 0.0, False]))
print(max(1, 1.0), max(1.0, 1), min(0, False), min(False, 0))
print([x for x in [0, 0.0, False, -0.0] if x == 0])
print(5 > 3 > 1, 5 > 3 < 4, (5 > 3) > 1)
print(2 ** 64 == 2 ** 64, 2 ** 64 != 2 ** 64 + 1, 2 ** 64 < 2 ** 65, -(2 ** 64) < 2 ** 64)
print(9007199254740993 == 9007199254740992.0, 9007199254740993 > 9007199254740992.0)
print(int.__lt__(1, 2), (1).__gt__(0), (1).__ge__(1), (1).__le__(0), (1).__ne__(1))
for bad in ["1", None, [1], (1,)]:
    try:
        print(1 < bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(1 == "1", 1 != None, 0 == [], 1 == (1,))
print(sorted([10, 9, 100, -1, 55], reverse=True))
zero = 0
print(abs(-3) == 3 == abs(3), -0 == zero)
