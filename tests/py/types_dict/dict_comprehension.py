# Dict comprehensions and building dicts from iterables.
squares = {n: n * n for n in range(6)}
print(squares)
print({k: v for k, v in squares.items() if v % 2 == 0})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
words = ["apple", "bob", "kayak", "level", "python"]
print({w: w == w[::-1] for w in words})
print({w[0]: w for w in words})
print({(i, j): i * j for i in range(1, 3) for j in range(1, 3)})
text = "hello world"
print({ch: text.count(ch) for ch in sorted(set(text)) if ch != " "})
matrix = [[1, 2], [3, 4]]
print({f"r{i}c{j}": v for i, row in enumerate(matrix) for j, v in enumerate(row)})
print(dict((k, len(k)) for k in ["a", "bb"]), dict(zip(range(3), "abc")), dict(enumerate("xy")))
nested = {outer: {inner: outer * inner for inner in range(1, 4)} for outer in range(1, 3)}
print(nested)
keys = ["a", "b", "c"]
print({k: i for i, k in enumerate(keys)}, {k: [] for k in keys})
print({x % 3: x for x in range(10)})
prices = {"apple": 1.2, "pear": 0.8, "fig": 2.5}
print({k: round(v * 1.1, 2) for k, v in prices.items() if v > 1})
print({k: v for k, v in sorted(prices.items(), key=lambda kv: kv[1])})
