# Sets with mixed numeric types: equal values collapse (1 == 1.0 == True).
s = {1, 1.0, True}
print(s, len(s), type(next(iter(s))).__name__)
t = {True, 1, 1.0}
print(t, type(next(iter(t))).__name__)
u = {0, False, 0.0, -0.0, 0j}
print(u, len(u))
print({1, 2} == {1.0, 2.0}, 2.0 in {2}, 2 in {2.0}, True in {1}, 1j in {1j, 0})
v = {1.5, 2, "2", (2,), None}
print(len(v), 2 in v, "2" in v, (2,) in v, None in v)
w = set()
w.add(2)
w.add(2.0)
w.add(complex(2, 0))
print(w, len(w))
print({10 ** 20, 1e20}, len({2 ** 53, 2.0 ** 53, 2 ** 53 + 1}))
print(sorted({3, 1.5, True, -2}), sorted({0.1, 0.01, 1e-5}))
