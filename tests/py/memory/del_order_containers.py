# Destruction order when containers and their items are released (CPython refcounting semantics).
events = []
class Item:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        events.append(self.name)
items = [Item("a"), Item("b"), Item("c")]
del items
print("list:", sorted(events))
events.clear()
t = (Item("t1"), Item("t2"))
t = None
print("tuple:", sorted(events))
events.clear()
d = {"x": Item("dx"), "y": Item("dy")}
d.clear()
print("dict.clear:", sorted(events))
events.clear()
s = [Item("keep"), Item("drop")]
s.pop()
print("after pop:", events)
s = None
print("after release:", events)
events.clear()
def replace():
    holder = Item("old")
    holder = Item("new")
    events.append("end of function")
replace()
print(events)
events.clear()
class Owner:
    def __init__(self):
        self.part = Item("part")
    def __del__(self):
        events.append("owner")
o = Owner()
del o
print(events)
