# Function and class decorators, with arguments, stacking, order.
def trace(func):
    def wrapper(*args, **kwargs):
        print(f"-> {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"<- {func.__name__} = {result!r}")
        return result
    wrapper.__name__ = func.__name__
    wrapper.__wrapped__ = func
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
print(add.__name__, add.__wrapped__(1, 1))
def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def greet(name):
    return f"hi {name}"
print(greet("bob"))
order = []
def mark(label):
    order.append(f"factory {label}")
    def deco(f):
        order.append(f"apply {label}")
        return f
    return deco
@mark("outer")
@mark("inner")
def target():
    pass
print(order)
def bold(f):
    return lambda: "<b>" + f() + "</b>"
def italic(f):
    return lambda: "<i>" + f() + "</i>"
@bold
@italic
def text():
    return "hello"
print(text())
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
@register
class Alpha:
    pass
@register
class Beta:
    pass
print(sorted(registry))
def add_method(cls):
    cls.describe = lambda self: f"I am {type(self).__name__}"
    return cls
@add_method
class Thing:
    pass
print(Thing().describe())
calls = {}
def count_calls(f):
    calls[f.__name__] = 0
    def wrapper(*a):
        calls[f.__name__] += 1
        return f(*a)
    return wrapper
@count_calls
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(10), calls)
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper
@memo
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(80))
@(lambda f: f())
def evaluated_immediately():
    return "value not function"
print(evaluated_immediately)
decos = [bold, italic]
@decos[1]
def item():
    return "x"
print(item())
class Validator:
    def __init__(self, func):
        self.func = func
    def __call__(self, x):
        if x < 0:
            raise ValueError(f"negative input: {x}")
        return self.func(x)
@Validator
def root(x):
    return x ** 0.5
print(root(16.0))
try:
    root(-1)
except ValueError as e:
    print(type(e).__name__, e)
