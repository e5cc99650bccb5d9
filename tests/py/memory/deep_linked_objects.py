# A long chain of instances linked through attributes is freed without recursion problems.
class Link:
    __slots__ = ("value", "next")
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt
class Plain:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt
for cls in (Link, Plain):
    head = None
    for i in range(100000):
        head = cls(i, head)
    total = 0
    node = head
    while node is not None:
        total += node.value
        node = node.next
    print(cls.__name__, total)
    head = None
    print(cls.__name__, "chain freed")
deleted = [0]
class Counted:
    def __init__(self, nxt):
        self.next = nxt
    def __del__(self):
        deleted[0] += 1
head = None
for _ in range(20000):
    head = Counted(head)
head = None
print("counted deletions:", deleted[0])
