# check-stderr
# Carets under a failing call nested in an expression.
def risky(n):
    if n > 2:
        raise ValueError(f"n too large: {n}")
    return n * 10


results = []
for i in range(5):
    results.append(risky(i) + 1)
    print("ok", i, results[-1])
