# Assignment expressions (:=).
data = [5, 12, 7, 20, 3, 18]
if (n := len(data)) > 5:
    print(f"list is long ({n} elements)")
print(n)
big = [y for x in data if (y := x * 2) > 20]
print(big, y)
lines = ["alpha", "beta", "", "gamma"]
i = 0
while (line := lines[i]) != "":
    print("line:", line)
    i += 1
print("stopped at", i, repr(line))
def chunks(seq, size):
    it = iter(seq)
    result = []
    while chunk := [x for _, x in zip(range(size), it)]:
        result.append(chunk)
    return result
print(chunks(range(10), 3))
print([last := v for v in range(4)], last)
values = {"a": 1, "b": None, "c": 3}
found = [(k, v) for k in "abc" if (v := values[k]) is not None]
print(found)
print((z := 10) + z)
def f(x):
    return (r := x * x) + r
print(f(3))
total = 0
print([total := total + v for v in [1, 2, 3, 4]], total)
if any((hit := v) > 10 for v in data):
    print("first > 10:", hit)
if all((miss := v) < 15 for v in data):
    pass
else:
    print("first not < 15:", miss)
counter = 0
def tick():
    global counter
    counter += 1
    return counter
while (t := tick()) < 4:
    print("tick", t)
print(counter)
print(sum(x for x in [1, 2, 3] if (w := x) != 2), w)
