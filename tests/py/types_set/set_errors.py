# Errors raised by set operations.
cases = [
    ("{1}.remove(2)", lambda: {1}.remove(2)),
    ("set().pop()", lambda: set().pop()),
    ("{[1]}", lambda: {tuple(), (lambda: [1])()} if False else set([[1]])),
    ("{1} | [2]", lambda: {1} | [2]),
    ("{1} + {2}", lambda: {1} + {2}),
    ("{1}[0]", lambda: set([1])[0]),
    ("{1} * 2", lambda: {1} * 2),
    ("set(5)", lambda: set(5)),
    ("set(1, 2)", lambda: set(1, 2)),
    ("{1}.add({2})", lambda: {1}.add({2})),
    ("hash({1})", lambda: hash({1})),
    ("{{1}: 'v'}", lambda: {frozenset(): 0, (lambda: {1})(): "v"}),
    ("{1} < 1", lambda: {1} < 1),
    ("set().remove([])", lambda: set().remove([])),
    ("{1}.update(3)", lambda: {1}.update(3)),
    ("sorted({1, 'a'})", lambda: sorted({1, "a"})),
]
for label, fn in cases:
    try:
        print(f"{label:18} ok {fn()!r}")
    except Exception as e:
        print(f"{label:18} {type(e).__name__}: {e}")
print(set().discard([]) if False else "discard of unhashable:", end=" ")
try:
    set().discard([])
except TypeError as e:
    print(type(e).__name__, e)
print({1}.__contains__(1), end=" ")
try:
    [] in {1}
except TypeError as e:
    print(type(e).__name__, e)
print(frozenset([1]) in {frozenset([1])}, {1} in {frozenset([1])})
