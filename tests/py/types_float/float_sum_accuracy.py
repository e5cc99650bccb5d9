# Summation accuracy: naive sum vs math.fsum vs Kahan summation.
import math
values = [0.1] * 10 + [1e100, 1.0, -1e100] + [0.01] * 100
print(sum(values), math.fsum(values))
def kahan(xs):
    total = 0.0
    c = 0.0
    for x in xs:
        y = x - c
        t = total + y
        c = (t - total) - y
        total = t
    return total
small = [0.1] * 1000
print(sum(small), kahan(small), math.fsum(small))
print(math.fsum([1e308, -1e308, 1.0]), math.fsum([]), math.fsum([1, 2, 3]))
print(sum([1, 2.5, 3]), sum((0.5, 0.25), 10), sum([], 0.0))
print(math.fsum([0.3, 0.3, 0.3]), 0.3 + 0.3 + 0.3)
try:
    math.fsum([float("inf"), float("-inf")])
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.fsum([1e308, 1e308])
except OverflowError as e:
    print(type(e).__name__, e)
data = [2.5, 3.75, 1.125, 9.0, 4.5]
mean = math.fsum(data) / len(data)
var = math.fsum((x - mean) ** 2 for x in data) / (len(data) - 1)
print(mean, round(var, 12), round(math.sqrt(var), 12))
print(math.prod([0.5, 4, 2.5]), math.prod([]), math.prod(range(1, 6), start=0.5))
