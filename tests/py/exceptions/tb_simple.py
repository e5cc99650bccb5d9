# check-stderr
# Uncaught exception at module level: binary operation carets.
numerator = 10
denominator = 0
print("computing ratio")
ratio = numerator / denominator
print("never printed", ratio)
