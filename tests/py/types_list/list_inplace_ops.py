# In-place list operators and their interaction with other iterables.
l = [1, 2]
l += (3, 4)
l += "ab"
l += range(2)
l += {"k": 1}
print(l)
l *= 2
print(l, len(l))
l *= 0
print(l)
m = [1]
m *= -3
print(m)
try:
    l = [1] + (2,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    l = [1]
    l += 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    l = [1]
    l *= 2.0
except TypeError as e:
    print(type(e).__name__, e)
acc = []
for i in range(3):
    acc += [i] * i
print(acc)
a = [1, 2]
b = a
a += [3]
print(b)
a = a + [4]
print(a, b)
nested = [[1]] * 2
nested[0] += [2]
print(nested)
count = [0]
def gen():
    for i in range(3):
        count[0] += 1
        yield i
z = []
z += gen()
print(z, count)
s = [1, 2, 3]
s += s
print(s)
s[:0] += ["never"] if False else []
print(s)
