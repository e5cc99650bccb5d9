# A doubly linked list implementing the sequence protocol.
class Node:
    __slots__ = ("value", "prev", "next")
    def __init__(self, value):
        self.value = value
        self.prev = self.next = None
class LinkedList:
    def __init__(self, iterable=()):
        self.head = self.tail = None
        self.size = 0
        for v in iterable:
            self.append(v)
    def append(self, value):
        node = Node(value)
        if self.tail is None:
            self.head = self.tail = node
        else:
            node.prev, self.tail.next = self.tail, node
            self.tail = node
        self.size += 1
    def appendleft(self, value):
        node = Node(value)
        if self.head is None:
            self.head = self.tail = node
        else:
            node.next, self.head.prev = self.head, node
            self.head = node
        self.size += 1
    def _node(self, index):
        if index < 0:
            index += self.size
        if not 0 <= index < self.size:
            raise IndexError("LinkedList index out of range")
        node = self.head
        for _ in range(index):
            node = node.next
        return node
    def __getitem__(self, index):
        if isinstance(index, slice):
            return LinkedList(self[i] for i in range(*index.indices(self.size)))
        return self._node(index).value
    def __setitem__(self, index, value):
        self._node(index).value = value
    def __delitem__(self, index):
        node = self._node(index)
        if node.prev:
            node.prev.next = node.next
        else:
            self.head = node.next
        if node.next:
            node.next.prev = node.prev
        else:
            self.tail = node.prev
        self.size -= 1
    def __len__(self):
        return self.size
    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next
    def __reversed__(self):
        node = self.tail
        while node:
            yield node.value
            node = node.prev
    def __contains__(self, value):
        return any(v == value for v in self)
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"
    def __add__(self, other):
        return LinkedList([*self, *other])
    def pop(self):
        if not self.size:
            raise IndexError("pop from empty LinkedList")
        value = self.tail.value
        del self[-1]
        return value
    def reverse(self):
        node = self.head
        while node:
            node.prev, node.next = node.next, node.prev
            node = node.prev
        self.head, self.tail = self.tail, self.head
ll = LinkedList([3, 1, 4])
ll.append(1)
ll.appendleft(9)
print(ll, len(ll), ll[0], ll[-1], ll[1:4], ll[::-1])
ll[2] = 100
del ll[0]
print(ll, 100 in ll, 7 in ll, list(reversed(ll)))
ll.reverse()
print(ll, ll.pop(), ll, ll + LinkedList("ab"))
print(LinkedList([1, 2]) == LinkedList([1, 2]), LinkedList() == LinkedList([0]), sorted(LinkedList([5, 2, 8])))
for bad in [lambda: ll[10], lambda: LinkedList().pop(), lambda: ll.__delitem__(-10)]:
    try:
        bad()
    except IndexError as e:
        print("IndexError:", e)
empty = LinkedList()
empty.append("only")
del empty[0]
print(empty, empty.head, empty.tail, len(empty))
big = LinkedList(range(1000))
print(sum(big), big[500], len(big[::7]))
