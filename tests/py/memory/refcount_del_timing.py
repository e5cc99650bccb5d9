# Objects without cycles are destroyed as soon as their last reference disappears.
events = []
class Tracked:
    def __init__(self, name):
        self.name = name
        events.append(f"create {name}")
    def __del__(self):
        events.append(f"destroy {self.name}")
def log(msg):
    events.append(msg)
t = Tracked("a")
log("before del")
del t
log("after del")
t = Tracked("b")
t = Tracked("c")
log("after rebinding")
t = None
log("after None")
def scope():
    local = Tracked("local")
    log("leaving scope")
scope()
log("after scope")
items = [Tracked("l1"), Tracked("l2")]
items.pop()
log("after pop")
items.clear()
log("after clear")
d = {"k": Tracked("in dict")}
d["k"] = 0
log("after overwrite")
def make():
    return Tracked("temp")
make()
log("after discarded return value")
outer = Tracked("outer")
outer.child = Tracked("child")
del outer
log("after del outer")
print("\n".join(events))
