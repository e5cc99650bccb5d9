# check-stderr
# NameError tracebacks suggest similar names (3.10+).
counter = 0
for step in range(3):
    counter += step
print(countr)
