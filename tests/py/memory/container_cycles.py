# Self-referential containers: repr works, and they are reclaimed by gc.collect().
import gc
lst = []
lst.append(lst)
d = {}
d["self"] = d
pair_a, pair_b = [], []
pair_a.append(pair_b)
pair_b.append(pair_a)
print(lst, d, pair_a)
print(lst[0] is lst, d["self"] is d, pair_a[0][0] is pair_a)
class Tracker:
    alive = 0
    def __init__(self):
        Tracker.alive += 1
    def __del__(self):
        Tracker.alive -= 1
for _ in range(10):
    holder = {"tracker": Tracker()}
    holder["me"] = holder
print("alive before collect (cycles pending):", Tracker.alive > 0)
del holder
gc.collect()
print("alive after collect:", Tracker.alive)
del lst, d, pair_a, pair_b
print("collected something:", gc.collect() >= 0)
