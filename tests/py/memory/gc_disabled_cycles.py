# With automatic collection disabled, cycles survive until gc.collect() is called explicitly.
import gc
freed = []
class Res:
    def __init__(self, tag):
        self.tag = tag
        self.me = self
    def __del__(self):
        freed.append(self.tag)
gc.disable()
for i in range(50):
    Res(i)
print("freed while disabled:", len(freed))
gc.collect()
print("freed after explicit collect:", len(freed), sorted(freed)[:5])
gc.enable()
freed.clear()
a = Res("a")
b = Res("b")
a.peer = b
b.peer = a
del a
gc.collect()
print("b still reachable keeps a alive:", freed)
del b
gc.collect()
print(sorted(freed))
