# Closures: captured variables, independent cells, late binding, shared cells.
def make_counter(start=0):
    count = start
    def increment():
        nonlocal count
        count += 1
        return count
    return increment
c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(), c2(), c1())
def make_accumulators():
    total = 0
    def add(x):
        nonlocal total
        total += x
        return total
    def reset():
        nonlocal total
        total = 0
    def get():
        return total
    return add, reset, get
add, reset, get = make_accumulators()
add(5); add(10)
print(get())
reset()
print(get(), add(1))
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print("late binding:", [f() for f in funcs])
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print("default capture:", [f() for f in funcs])
def make_funcs():
    return [lambda x, k=k: x * k for k in range(1, 4)]
print([f(10) for f in make_funcs()])
def outer():
    value = "first"
    def show():
        return value
    value = "second"
    return show
print(outer()())
def memoize(fn):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapped.cache = cache
    return wrapped
@memoize
def square(n):
    print(f"  computing {n}^2")
    return n * n
print(square(4), square(4), square(5), sorted(square.cache.items()))
def bank(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError(f"insufficient funds: balance {balance}, requested {amount}")
        balance -= amount
        return balance
    return deposit, withdraw
dep, wd = bank(50)
print(dep(25), wd(60))
try:
    wd(100)
except ValueError as e:
    print(type(e).__name__, e)
print(c1.__closure__ is not None, len(c1.__closure__), c1.__closure__[0].cell_contents)
def no_closure():
    return 1
print(no_closure.__closure__)
def nested_levels(a):
    def l2(b):
        def l3(c):
            return a + b + c
        return l3
    return l2
print(nested_levels(1)(10)(100))
def counter_class_like():
    state = {"n": 0}
    def inc():
        state["n"] += 1
        return state["n"]
    return inc
inc = counter_class_like()
inc(); inc()
print(inc())
x = "global"
def capture_global():
    def inner():
        return x
    return inner
f = capture_global()
x = "changed global"
print(f())
