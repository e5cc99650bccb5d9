# sum(): start values, floats, non-numbers, errors.
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10), sum((0.1,) * 10), sum([1, 2.5, 3j]))
print(sum([[1], [2, 3], []], []), sum([(1,), (2,)], ()), sum([True, True, False]), sum(x * x for x in range(4)))
print(sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]), sum([2 ** 64, 2 ** 64]))
print(sum([1, 2], start=5), sum(iter([4, 5])), sum({1: "a", 2: "b"}), sum({3, 4}))
for args, kw in [((["a", "b"], ""), {}), (([b"a"], b""), {}), (([bytearray(b"a")], bytearray()), {}), ((["a", "b"],), {}), (([1, "a"],), {}), ((5,), {}), (([1], 2, 3), {})]:
    try:
        print(sum(*args, **kw))
    except TypeError as e:
        print(type(e).__name__, e)
class Money:
    def __init__(self, c):
        self.c = c
    def __add__(self, o):
        return Money(self.c + (o.c if isinstance(o, Money) else o))
    __radd__ = __add__
    def __repr__(self):
        return f"Money({self.c})"
print(sum([Money(5), Money(7)]), sum([Money(1)], Money(100)))
print(sum([1, 2, 3], -6), sum(range(10 ** 6)))
