# all(), any(), callable() and their short-circuiting.
print(all([]), any([]), all([1, 2, 3]), all([1, 0, 3]), any([0, 0, 1]), any([0, "", None]))
print(all("abc"), any(""), all([[]]), any([[]]), all(x > 0 for x in range(1, 5)), any(x > 3 for x in range(5)))
seen = []
def check(x):
    seen.append(x)
    return x > 2
print(any(check(x) for x in [1, 2, 3, 4, 5]), seen)
seen.clear()
print(all(check(x) for x in [3, 4, 1, 5]), seen)
print(any({0: "a", 1: "b"}), all({0: "a"}), any(set()), all(iter([True, True])))
class Truthy:
    def __bool__(self):
        print("  __bool__ called")
        return True
print(all([Truthy(), Truthy()]))
try:
    all(5)
except TypeError as e:
    print(type(e).__name__, e)
def f():
    pass
class C:
    def __call__(self):
        pass
    def method(self):
        pass
print(callable(f), callable(lambda: 0), callable(C), callable(C()), callable(C().method), callable(print))
print(callable(5), callable("str"), callable(None), callable([]), callable(type), callable(int), callable(str.upper))
class NoCall:
    pass
nc = NoCall()
nc.__call__ = lambda: 1
print(callable(nc))
