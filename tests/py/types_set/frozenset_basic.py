# frozenset: immutable, hashable, usable as dict keys and set members.
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, frozenset(), frozenset("aab") == frozenset({"a", "b"}))
print(hash(f) == hash(frozenset({1, 2, 3})), hash(frozenset()) == hash(frozenset([])))
groups = {frozenset({"alice", "bob"}): "team A", frozenset({"carol"}): "team B"}
print(groups[frozenset({"bob", "alice"})], frozenset({"carol"}) in groups)
powerset = {frozenset()}
for x in [1, 2, 3]:
    powerset |= {s | {x} for s in powerset}
print(len(powerset), sorted(sorted(s) for s in powerset))
print(f | {4}, f & {1, 9}, f - {1}, f ^ {3, 4}, type(f | {4}).__name__)
print(f.union([7]), f.copy() is f, frozenset(f) is f)
print({frozenset({1}), frozenset([1]), frozenset({2})} == {frozenset({1}), frozenset({2})})
try:
    f.add(1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    f.discard(1)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    frozenset([[1]])
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(m for m in dir(f) if not m.startswith("_")))
nested = frozenset([frozenset([1]), frozenset([1, 2])])
print(len(nested), frozenset([1]) in nested)
print(set(f) == f, frozenset({1, 2}) == {1, 2}, {1, 2} == frozenset({1, 2}))
