# Augmented assignment operators and evaluation order.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 5; print(x)
x **= 3; print(x)
x /= 2; print(x)
x = 0b1100
x &= 0b1010; print(bin(x))
x |= 0b0001; print(bin(x))
x ^= 0b1111; print(bin(x))
x <<= 3; print(x)
x >>= 2; print(x)
s = "ab"
s += "cd"; s *= 2
print(s)
lst = [1, 2]
alias = lst
lst += [3]
print(lst, alias, lst is alias)
lst *= 2
print(alias)
t = (1, 2)
t_alias = t
t += (3,)
print(t, t_alias, t is t_alias)
d = {"a": 1}
d["a"] += 10
d["b"] = d.get("b", 0) + 1
print(d)
class Box:
    def __init__(self):
        self.v = 1
b = Box()
b.v += 41
print(b.v)
log = []
def key(k):
    log.append(f"key {k}")
    return k
def container():
    log.append("container")
    return data
data = {"n": 1}
container()[key("n")] += 100
print(data, log)
m = [[0, 0], [0, 0]]
m[1][0] += 7
m[0][1] -= 2
print(m)
st = {1, 2}
st |= {3}; st &= {2, 3, 4}; st -= {4}
print(st)
st ^= {5, 2}
print(st)
import math
f = 2.0
f **= 0.5
print(f == math.sqrt(2))
a = b = 5
a += 1
print(a, b)
try:
    undefined_thing += 1
except NameError as e:
    print(type(e).__name__, e)
try:
    tt = (1, [2])
    tt[1] += [3]
except TypeError as e:
    print(type(e).__name__, e, tt)
n = 7
n = n if False else n + 0
print(n)
