# complex() from numbers and strings; parse errors.
print(complex(), complex(1), complex(1.5), complex(1, 2), complex(real=3, imag=-1), complex(True, False))
print(complex(1j, 1j), complex(1 + 2j, 3), complex(2, 1 + 1j))
for s in ["1+2j", "  3-4j  ", "(5+6j)", " ( 7j ) ", "j", "-j", "+2J", "1e3+1e-3j", "inf+nanj", "-1.5", "1_000+2_0j", "1-0j", "-0j"]:
    print(repr(s), "->", complex(s))
for bad in ["", "1 + 2j", "1+", "j1", "(1+2j", "1+2i", "abc", "1+2j)", "++1j", "1e+j"]:
    try:
        complex(bad)
    except ValueError as e:
        print(repr(bad), type(e).__name__, e)
for args in [("1", 2), (1, "2"), (None,), ([1],)]:
    try:
        complex(*args)
    except TypeError as e:
        print(type(e).__name__, e)
class C:
    def __complex__(self):
        return 7 - 7j
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 4
print(complex(C()), complex(F()), complex(I()), complex(F(), F()))
class Bad:
    def __complex__(self):
        return "no"
try:
    complex(Bad())
except TypeError as e:
    print(type(e).__name__, e)
print(complex("1+2j") == 1 + 2j, type(complex(1)).__name__)
