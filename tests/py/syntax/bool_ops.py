# and/or/not short-circuiting and returned values; truthiness.
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default")
print("" and "x", "a" and "b", [] or {} or (), [0] or 1)
print(not 0, not 1, not "", not "x", not [], not None)
def t(label, value):
    print("eval", label)
    return value
print(t("a", 0) and t("b", 1))
print(t("a", 1) and t("b", 0) and t("c", 1))
print(t("a", 0) or t("b", "") or t("c", "found"))
print(t("a", 1) or t("never", 2))
for v in [0, 0.0, 0j, "", b"", [], (), {}, set(), range(0), None, False,
          1, -1, 0.1, "0", " ", [0], (None,), {0: 0}, {0}, range(1), True]:
    print(repr(v), bool(v))
class Falsy:
    def __bool__(self):
        return False
class Empty:
    def __len__(self):
        return 0
class Plain:
    pass
print(bool(Falsy()), bool(Empty()), bool(Plain()))
print(Falsy() or "fallback", Empty() and "unreached" or "empty is falsy")
x = None
name = x or "anonymous"
print(name)
values = [3, 0, None, "", "ok"]
print([v for v in values if v])
print(any(values), all(values), all([]), any([]))
print(1 if "x" else 2, 1 if "" else 2)
a, b = 5, 10
print(a < b and "less" or "not less")
print((a > b) + 0, (a < b) * 10)
class Bad:
    def __bool__(self):
        return 1
try:
    bool(Bad())
except TypeError as e:
    print(type(e).__name__, e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
print(not not "x", (not 1) == False)
