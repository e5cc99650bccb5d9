# repr of sets and frozensets (small ints give a stable order).
print(set(), frozenset(), {1}, {1, 2, 3}, frozenset({4, 5}), {(1, 2)}, {None}, {True})
print(repr({0}), str({7}), [set(), {1}], {"k": frozenset()}, (frozenset([1]),))
print({frozenset({1, 2}), frozenset()} == {frozenset(), frozenset({2, 1})})
print(f"{ {1, 2} }", "%s" % ({3},), "{}".format(frozenset({6})))
class MySet(set):
    pass
class MyFrozen(frozenset):
    pass
print(MySet([1, 2]), MyFrozen([3]), MySet(), MyFrozen())
s = {1}
print(repr(s) == str(s), len(repr({1, 2, 3})))
print(sorted({"b", "a", "c"}), sorted(frozenset("zyx")))
