# Return values: implicit None, multiple values, early return, returning functions.
def nothing():
    pass
def bare_return():
    return
print(nothing(), bare_return())
def min_max(values):
    return min(values), max(values)
lo, hi = min_max([4, 1, 9, 3])
print(lo, hi, min_max("hello"))
def stats(nums):
    n = len(nums)
    if n == 0:
        return None
    mean = sum(nums) / n
    var = sum((x - mean) ** 2 for x in nums) / n
    return {"n": n, "mean": mean, "var": var}
print(stats([2, 4, 4, 4, 5, 5, 7, 9]), stats([]))
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            return i
    return -1
print(find("abcdef", "d"), find("abc", "z"))
def returns_function(kind):
    if kind == "square":
        return lambda x: x * x
    elif kind == "cube":
        def cube(x):
            return x ** 3
        return cube
print(returns_function("square")(4), returns_function("cube")(3), returns_function("other"))
def early(n):
    if n < 0:
        return "negative"
    result = []
    for i in range(n):
        if i > 3:
            return result
        result.append(i)
    return result
print(early(-1), early(2), early(10))
def returns_tuple_of_one():
    return 1,
print(returns_tuple_of_one())
def returns_star():
    rest = [2, 3]
    return 1, *rest
print(returns_star())
def generator_return():
    yield 1
    return "done"
print(list(generator_return()))
def divmod_like(a, b):
    return a // b, a % b
q, r = divmod_like(17, 5)
print(q, r, divmod_like(-17, 5))
def swap_case(pair):
    a, b = pair
    return b, a
print(swap_case(("x", "y")))
def recursive_sum(lst):
    if not lst:
        return 0
    return lst[0] + recursive_sum(lst[1:])
print(recursive_sum(list(range(50))))
def conditional_return(x):
    return "big" if x > 10 else "small" if x > 5 else None
print([conditional_return(v) for v in (20, 7, 1)])
def return_in_loop_else(items):
    for x in items:
        if x == "stop":
            break
    else:
        return "no stop"
    return "stopped"
print(return_in_loop_else(["a"]), return_in_loop_else(["stop"]))
