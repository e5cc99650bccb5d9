# bool: a subclass of int with two instances.
print(True, False, repr(True), str(False), type(True), True.__class__.__name__)
print(isinstance(True, int), issubclass(bool, int), bool.__bases__[0].__name__)
print(True + True, True * 10, False - True, True / 2, True // 2, -True, ~True, ~False)
print(True == 1, False == 0, True is (1 == 1), hash(True) == hash(1), True == 1.0)
print({True: "a", 1: "b", 1.0: "c"})
print(sum([True, False, True, True]), [1, 2, 3][True], "ab"[False])
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool("False"), bool([]), bool(None))
print(True and 3, False or 0, not True, True ^ True, True | False, True & False)
print(type(True & True).__name__, type(True + 0).__name__, type(True ^ False).__name__)
print(f"{True}", f"{True:d}", f"{True!r}", f"{False:5}|", "%d %s" % (True, False))
print(int(True), float(False), complex(True), str(True).lower())
print(True.real, True.imag, True.numerator, True.bit_length(), (True).conjugate())
print(max(True, 0), min(False, -1), sorted([True, False, 2, -1, 0.5]))
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(bool.__name__, bool(bool), callable(bool))
print([x for x in range(5) if bool(x % 2)], list(map(bool, [0, 1, "", "0"])))
print(True.__and__(False), True.__or__(1), True.__xor__(1), (True).__add__(True))
print(round(True), abs(False), pow(True, 5), divmod(True, True))
counts = {"yes": 0, "no": 0}
for answer in [True, False, True]:
    counts["yes" if answer else "no"] += 1
print(counts)
