# Iterating dicts: keys by default, items/values, sorted, reversed, enumerate.
stock = {"apples": 5, "pears": 0, "kiwis": 12, "figs": 3}
for k in stock:
    print(k, end=" ")
print()
for k, v in stock.items():
    print(f"{k}={v}", end=" ")
print()
print(list(stock.values()), sum(stock.values()), max(stock, key=stock.get), min(stock.items(), key=lambda kv: kv[1]))
for k in sorted(stock):
    print(k, stock[k])
for k in reversed(stock):
    print("rev", k)
for i, (k, v) in enumerate(stock.items()):
    print(i, k, v)
in_stock = [k for k, v in stock.items() if v]
print(in_stock)
inverted = {}
for k, v in stock.items():
    inverted.setdefault(v > 3, []).append(k)
print(inverted)
it = iter(stock)
print(next(it), next(it), list(it))
items_it = iter(stock.items())
print(next(items_it))
for k in list(stock):
    if stock[k] == 0:
        del stock[k]
print(stock)
print(dict(sorted(stock.items(), key=lambda kv: kv[1], reverse=True)))
print(list(zip(stock, stock.values())))
print(any(v > 10 for v in stock.values()), all(k.endswith("s") for k in stock))
