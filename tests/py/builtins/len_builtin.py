# len() on built-in containers and objects with __len__.
print(len(""), len("héllo"), len(b"\x00\x01"), len([1, 2]), len((1,)), len({1: 2, 3: 4}), len({1, 2, 3}))
print(len(range(10)), len(range(0, 10, 3)), len(frozenset("aab")), len(bytearray(5)), len(memoryview(b"abc")))
print(len({}.keys()), len({"a": 1}.items()), len([[]]), len("😀"), len("\r\n"))
class Box:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(Box(0)), len(Box(7)), len(Box(True)))
for bad in [Box(-1), Box(2 ** 64), Box(1.5), Box("3"), 5, None, iter([1]), (x for x in [])]:
    try:
        print(len(bad))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
class Idx:
    def __index__(self):
        return 3
print(len(Box(Idx())))
class Both:
    def __len__(self):
        return 0
    def __bool__(self):
        return True
print(len(Both()), bool(Both()))
