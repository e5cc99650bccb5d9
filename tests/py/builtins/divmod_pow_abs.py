# divmod(), pow() and abs() builtins across numeric types.
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 7))
print(divmod(17.5, 5), divmod(-17.5, 5), divmod(7, 0.5), divmod(True, 1), divmod(10 ** 20, 7))
print(pow(2, 8), pow(2, -2), pow(2.0, 3), pow(-8, 1 / 3) if False else pow(-8, 3), pow(4, 0.5), pow(0, 0))
print(pow(3, 4, 5), pow(2, 100, 10 ** 9 + 7), pow(7, -1, 13), pow(-2, 3, 5), pow(base=2, exp=5), pow(2, 5, mod=7))
print(abs(-7), abs(7), abs(-0.0), abs(-2.5), abs(3 - 4j), abs(True), abs(-(2 ** 100)), abs(float("-inf")))
class V:
    def __abs__(self):
        return "custom abs"
    def __divmod__(self, o):
        return ("divmod", o)
    def __rdivmod__(self, o):
        return ("rdivmod", o)
    def __pow__(self, e, m=None):
        return ("pow", e, m)
    def __rpow__(self, b):
        return ("rpow", b)
print(abs(V()), divmod(V(), 3), divmod(3, V()), pow(V(), 2), pow(V(), 2, 5), pow(2, V()), V() ** 3, 3 ** V())
for bad in [lambda: divmod(1, 0), lambda: divmod("a", 1), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 4), lambda: abs("x"),
            lambda: pow(2, -1, 4), lambda: divmod(1j, 1), lambda: pow(0.0, -1)]:
    try:
        print(bad())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
