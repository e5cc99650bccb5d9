# check-stderr
# Carets pointing at the failing operator in a chained expression.
def combine(a, b, c):
    return a * 2 + b - c


print(combine(1, 2, 3))
print(combine(1, "two", 3))
