# Very deep nesting (100000 levels) is built and freed without crashing.
depth = 100000
root = []
cur = root
for _ in range(depth):
    nxt = []
    cur.append(nxt)
    cur = nxt
n = 0
cur = root
while cur:
    cur = cur[0]
    n += 1
print("measured depth:", n)
del cur, nxt
root = None
print("freed nested lists")
t = ()
for i in range(depth):
    t = (t, i)
print(t[1], t[0][1])
del t
print("freed nested tuples")
d = {}
for i in range(depth):
    d = {"child": d}
print(len(d), "child" in d)
d = None
print("freed nested dicts")
root = []
for i in range(depth):
    root = [root, i]
import gc
gc.collect()
root = "replaced"
gc.collect()
print("freed again after gc", root)
