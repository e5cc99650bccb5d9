# min()/max(): iterables, multiple args, key, default, errors.
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max((4, 5)), min("hello"), max("hello"), min({3: "a", 1: "b"}))
print(max([1, 5, 3], key=lambda x: -x), min(["aaa", "b", "cc"], key=len), max(["aaa", "b", "cc"], key=len))
print(min([], default="empty"), max([], default=None), max([2], default=9), min((x for x in []), default=0))
print(max(["a", "B", "c"], key=str.lower), max([(1, "b"), (1, "a")]), min([[3], [1, 2]]))
print(max(1, 2.5, True), min(-0.0, 0.0), max(0.0, -0.0), min(0.0, -0.0))
print(max([3, 3.0]), max([3.0, 3]), min("b", "a", key=str.upper))
data = {"ann": 88, "bob": 95, "cid": 70}
print(max(data, key=data.get), min(data.items(), key=lambda kv: kv[1]))
print(max(range(10), key=lambda n: n % 4), min(range(10), key=lambda n: (n % 4, -n)))
for args, kwargs in [((), {}), (([],), {}), ((1, 2), {"default": 0}), ((1, "a"), {}), ((5,), {}), (([1, 2],), {"key": 5})]:
    try:
        print(min(*args, **kwargs))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    max([], key=len)
except ValueError as e:
    print(type(e).__name__, e)
n = float("nan")
print(max([n, 1]), max([1, n]), min([n, 1]))
