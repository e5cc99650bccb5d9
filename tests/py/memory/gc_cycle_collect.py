# gc.collect() reclaims reference cycles and runs __del__ on the objects involved.
import gc
collected = []
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        collected.append(self.name)
def make_cycle(prefix):
    a, b = Node(prefix + "-a"), Node(prefix + "-b")
    a.other, b.other = b, a
    return a
x = make_cycle("first")
del x
print("after del, before collect:", collected)
n = gc.collect()
print("collect returned an int:", isinstance(n, int), n >= 2)
print("after collect:", sorted(collected))
collected.clear()
for i in range(5):
    make_cycle(f"batch{i}")
gc.collect()
print(len(collected), sorted(collected)[:4])
collected.clear()
ring = [Node(f"ring{i}") for i in range(4)]
for i, node in enumerate(ring):
    node.other = ring[(i + 1) % 4]
del ring, node
gc.collect()
print(sorted(collected))
collected.clear()
self_ref = Node("self")
self_ref.other = self_ref
del self_ref
gc.collect()
print(collected)
