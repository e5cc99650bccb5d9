# check-stderr
# Deep but bounded recursion error inside a generator-free helper, caught and re-raised as a new error.
# Recursive frames in a traceback, then explicit chaining at module level.
    if n == 0:
        raise ArithmeticError("reached the bottom")
    return depth(n - 1)


try:
    depth(3)
except ArithmeticError as e:
    raise RuntimeError("wrapped") from e
