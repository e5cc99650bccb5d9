# check-stderr
# Recursive frames in a traceback, then explicit chaining at module level.
def depth(n):
    if n == 0:
        raise ArithmeticError("reached the bottom")
    return depth(n - 1)


try:
    depth(3)
except ArithmeticError as e:
    raise RuntimeError("wrapped") from e
