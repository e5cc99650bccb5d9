# global and nonlocal declarations.
counter = 0
def increment():
    global counter
    counter += 1
    return counter
for _ in range(3):
    increment()
print("counter", counter)
def define_global():
    global created_later
    created_later = "made inside function"
define_global()
print(created_later)
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "modified by inner"
    inner()
    return x
print(outer())
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get())
inc2, get2 = make_counter()
inc2()
print(get(), get2())
def three_levels():
    a = 1
    def middle():
        a = 2
        def innermost():
            nonlocal a
            a += 10
            return a
        r = innermost()
        return r, a
    return middle(), a
print(three_levels())
x = "global x"
def shadow():
    x = "local x"
    def show():
        return x
    return show()
print(shadow(), x)
def read_global():
    return x
print(read_global())
def unbound():
    print(x)
    x = 5
try:
    unbound()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def nonlocal_unbound():
    def inner():
        nonlocal v
        return v
    r = None
    try:
        r = inner()
    except NameError as e:
        r = f"{type(e).__name__}: {e}"
    v = 1
    return r
print(nonlocal_unbound())
def global_in_nested():
    def inner():
        global counter
        counter = 100
    inner()
global_in_nested()
print(counter)
class Config:
    level = 1
    def bump(self):
        global counter
        counter += self.level
Config().bump()
print(counter)
print("gl" in globals(), "created_later" in globals())
