# getrecursionlimit / setrecursionlimit and their effect.
import sys
default = sys.getrecursionlimit()
print(default)
def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
sys.setrecursionlimit(150)
print(sys.getrecursionlimit(), 100 < depth() < 150)
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit(), 2500 < depth() < 3000)
def countdown(n):
    return 0 if n == 0 else 1 + countdown(n - 1)
print(countdown(2500))
sys.setrecursionlimit(default)
try:
    countdown(5000)
except RecursionError as e:
    print(type(e).__name__, e)
for bad in [0, -5]:
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setrecursionlimit("100")
except TypeError as e:
    print(type(e).__name__, e)
print(sys.getrecursionlimit() == default)
