def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, d=8, e=9))
print(f(*[1, 2, 3], **{"c": 0}))
args = (10, 20)
print(f(*args, 30, *args, c=1, **dict(x=1), y=2))

def pos(a, /, b):
    return a - b
print(pos(5, b=3))

def counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc
c = counter()
c(); c(5)
print(c())

def deco(tag):
    def wrap(fn):
        def inner(*a):
            return tag + ":" + str(fn(*a))
        return inner
    return wrap

@deco("x")
@deco("y")
def g(v):
    return v * 2
print(g(21))

fs = [lambda i=i: i * i for i in range(4)]
print([h() for h in fs])
adders = [(lambda x: lambda y: x + y)(i) for i in range(3)]
print([a(10) for a in adders])
x = 5
def shadow():
    x = 1
    def inner():
        return x
    x = 2
    return inner()
print(shadow(), x)
