# A slice bound whose __index__ empties the sequence: the length is read after it.
e = list(range(10))
class X:
    def __index__(self):
        e[:] = []
        return 1
try:
    e[0:10:X()] = []
except Exception as ex:
    print(type(ex).__name__, ex)
print(e)
e = list(range(10))
try:
    e[0:10:X()] = [1]
except Exception as ex:
    print(type(ex).__name__, ex)
print(e)
e = list(range(10))
del e[0:10:X()]
print(e)
import array, collections
def mk(seq):
    class X:
        def __index__(self):
            del seq[:]
            return 1
    return X()
for make in (lambda: bytearray(b"abcdefghij"), lambda: array.array('i', range(10))):
    for op in ("get", "set", "set1", "del"):
        e = make()
        x = mk(e)
        try:
            if op == "get": r = e[0:10:x]
            elif op == "set": e[0:10:x] = make()[:0]
            elif op == "set1": e[0:10:x] = make()[:1]
            else: del e[0:10:x]
            print(op, "ok", e)
        except Exception as ex:
            print(op, type(ex).__name__, ex)
