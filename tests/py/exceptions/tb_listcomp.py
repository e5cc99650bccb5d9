# check-stderr
# Tracebacks through comprehension frames and lambdas.
scale = lambda v: 100 // v
values = [5, 4, 0, 2]
print([scale(v) for v in values])
