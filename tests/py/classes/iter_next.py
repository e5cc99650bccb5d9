# __iter__/__next__: iterator classes, iterables returning fresh iterators.
class Range2:
    def __init__(self, start, stop, step=1):
        self.start, self.stop, self.step = start, stop, step
    def __iter__(self):
        return Range2Iterator(self)
    def __reversed__(self):
        cur = self.stop - self.step
        while cur >= self.start:
            yield cur
            cur -= self.step
class Range2Iterator:
    def __init__(self, r):
        self.r = r
        self.cur = r.start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur >= self.r.stop:
            raise StopIteration
        v = self.cur
        self.cur += self.r.step
        return v
r = Range2(0, 10, 3)
print(list(r), list(r), sum(r), list(reversed(r)))
it = iter(r)
print(next(it), next(it), list(it), next(it, "end"))
class Fib:
    def __init__(self, limit):
        self.limit = limit
        self.a, self.b = 0, 1
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
f = Fib(100)
print(list(f), list(f))
class LinkedList:
    class Node:
        def __init__(self, v, nxt=None):
            self.v, self.next = v, nxt
    def __init__(self, *values):
        self.head = None
        for v in reversed(values):
            self.head = LinkedList.Node(v, self.head)
    def __iter__(self):
        node = self.head
        while node:
            yield node.v
            node = node.next
    def __len__(self):
        return sum(1 for _ in self)
    def __repr__(self):
        return " -> ".join(map(str, self)) or "empty"
ll = LinkedList(3, 1, 4, 1, 5)
print(ll, len(ll), sorted(ll), 4 in ll, 9 in ll, list(enumerate(ll))[:2])
print(LinkedList())
class Cycle:
    def __init__(self, items):
        self.items = items
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if not self.items:
            raise StopIteration
        v = self.items[self.i % len(self.items)]
        self.i += 1
        return v
cyc = Cycle("ab")
print([next(cyc) for _ in range(5)], list(Cycle([])))
class BadNext:
    def __iter__(self):
        return self
try:
    for x in BadNext():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoIter:
    def __next__(self):
        return 1
try:
    iter(NoIter())
except TypeError as e:
    print(type(e).__name__, e)
class ManualStop:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n == 3:
            raise StopIteration("value ignored by for")
        return self.n
print(list(ManualStop()), tuple(ManualStop()), dict.fromkeys(ManualStop()))
a, b = Range2(5, 7)
print(a, b, *Range2(1, 4))
print(max(Range2(0, 50, 7)), min(Fib(50)), "".join(map(str, Range2(1, 6))))
