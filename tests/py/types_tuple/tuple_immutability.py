# Tuples are immutable, but may contain mutable objects.
t = (1, [2, 3], "s")
def assign():
    t[0] = 9
def delete():
    del t[0]
for action in [assign, delete]:
    try:
        action()
    except TypeError as e:
        print(action.__name__, "->", type(e).__name__, e)
try:
    exec("t[0] = 9", {"t": t})
except TypeError as e:
    print(type(e).__name__, e)
t[1].append(4)
print(t)
try:
    t[1] += [5]
except TypeError as e:
    print(type(e).__name__, e)
print("after failed += the list was still extended:", t)
try:
    t[2] += "x"
except TypeError as e:
    print(type(e).__name__, e)
print(t)
try:
    t.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
before = t
t += ("new",)
print(before, t, before is t)
frozen = tuple([1, 2, 3])
copy = tuple(frozen)
print(copy is frozen, frozen[:] is frozen)
try:
    del frozen[0:1]
except TypeError as e:
    print(type(e).__name__, e)
