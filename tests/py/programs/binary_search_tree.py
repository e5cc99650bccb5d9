# Binary search tree with insert, delete, traversals, height and range queries.
class BST:
    class Node:
        __slots__ = ("key", "value", "left", "right")
        def __init__(self, key, value):
            self.key, self.value = key, value
            self.left = self.right = None
    def __init__(self):
        self.root = None
        self.count = 0
    def insert(self, key, value=None):
        def _ins(node):
            if node is None:
                self.count += 1
                return BST.Node(key, value)
            if key < node.key:
                node.left = _ins(node.left)
            elif key > node.key:
                node.right = _ins(node.right)
            else:
                node.value = value
            return node
        self.root = _ins(self.root)
    def get(self, key, default=None):
        node = self.root
        while node:
            if key == node.key:
                return node.value
            node = node.left if key < node.key else node.right
        return default
    def delete(self, key):
        def _del(node, key):
            if node is None:
                raise KeyError(key)
            if key < node.key:
                node.left = _del(node.left, key)
            elif key > node.key:
                node.right = _del(node.right, key)
            else:
                if node.left is None:
                    return node.right
                if node.right is None:
                    return node.left
                succ = node.right
                while succ.left:
                    succ = succ.left
                node.key, node.value = succ.key, succ.value
                node.right = _del(node.right, succ.key)
            return node
        self.root = _del(self.root, key)
        self.count -= 1
    def inorder(self):
        def walk(n):
            if n:
                yield from walk(n.left)
                yield n.key
                yield from walk(n.right)
        return list(walk(self.root))
    def preorder(self):
        out, stack = [], [self.root] if self.root else []
        while stack:
            n = stack.pop()
            out.append(n.key)
            stack.extend(c for c in (n.right, n.left) if c)
        return out
    def levels(self):
        out, level = [], [self.root] if self.root else []
        while level:
            out.append([n.key for n in level])
            level = [c for n in level for c in (n.left, n.right) if c]
        return out
    def height(self, node="root"):
        node = self.root if node == "root" else node
        return 0 if node is None else 1 + max(self.height(node.left), self.height(node.right))
    def range(self, lo, hi):
        return [k for k in self.inorder() if lo <= k <= hi]
    def __len__(self):
        return self.count
    def __contains__(self, key):
        return self.get(key, self) is not self
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k, f"v{k}")
print(len(t), t.inorder())
print(t.preorder())
print(t.levels(), t.height())
print(t.get(45), t.get(99, "missing"), 60 in t, 61 in t, t.range(33, 62))
for k in [20, 30, 50]:
    t.delete(k)
    print("deleted", k, "->", t.inorder(), "root", t.root.key, "height", t.height())
try:
    t.delete(999)
except KeyError as e:
    print("KeyError:", e)
t.insert(45, "updated")
print(t.get(45), len(t))
skewed = BST()
for k in range(1, 200):
    skewed.insert(k)
print(skewed.height(), len(skewed), skewed.range(195, 1000))
words = BST()
for w in "the quick brown fox jumps over the lazy dog".split():
    words.insert(w, words.get(w, 0) + 1)
print(words.inorder(), words.get("the"))
