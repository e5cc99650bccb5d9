# RecursionError is raised on runaway recursion and can be caught.
import sys
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print(type(e).__name__, e)
    print(isinstance(e, RuntimeError))
depth = 0
def measure():
    global depth
    depth += 1
    measure()
try:
    measure()
except RecursionError:
    print("measured depth reasonable:", 500 < depth <= sys.getrecursionlimit())
def still_works(n):
    return 0 if n == 0 else 1 + still_works(n - 1)
print("recursion works after recovery:", still_works(200))
class Node:
    def __init__(self):
        self.child = self
    def __repr__(self):
        return f"Node({self.child!r})"
try:
    repr(Node())
except RecursionError as e:
    print("repr recursion:", type(e).__name__)
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)
class Weird:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Weird().attr
except RecursionError as e:
    print("getattr recursion:", type(e).__name__)
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
def count(n):
    try:
        return count(n + 1)
    except RecursionError:
        return n
reached = count(0)
print("with limit 200, depth below 200:", 100 < reached < 200)
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
def recurse_in_handler(n):
    try:
        return recurse_in_handler(n + 1)
    except RecursionError:
        return "caught at some depth"
print(recurse_in_handler(0))
def deep_ok(n):
    if n == 0:
        return 0
    return deep_ok(n - 1) + 1
print(deep_ok(900))
nested = []
cur = nested
for _ in range(5000):
    new = []
    cur.append(new)
    cur = new
try:
    s = str(nested)
    print("str of deep list succeeded?", len(s))
except RecursionError as e:
    print("str of 5000-deep list:", type(e).__name__, e)
