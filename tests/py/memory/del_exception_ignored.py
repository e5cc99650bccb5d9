# Exceptions raised in __del__ are ignored (reported on stderr) and execution continues.
class Bad:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        raise RuntimeError(f"error while deleting {self.name}")
b = Bad("first")
del b
print("continued after __del__ raised")
def scope():
    Bad("temporary")
    return "scope returned normally"
print(scope())
class Resurrect:
    saved = []
    def __del__(self):
        Resurrect.saved.append(self)
r = Resurrect()
del r
print("resurrected objects:", len(Resurrect.saved))
Resurrect.saved.clear()
print("cleared")
