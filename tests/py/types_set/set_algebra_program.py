# Social network analysis with sets: mutual friends, suggestions, cliques.
friends = {
    "ann": {"bob", "cid", "dee"},
    "bob": {"ann", "cid", "eve"},
    "cid": {"ann", "bob", "dee", "fay"},
    "dee": {"ann", "cid"},
    "eve": {"bob"},
    "fay": {"cid"},
}
for person in sorted(friends):
    assert all(person in friends[f] for f in friends[person]), person
def mutual(a, b):
    return sorted(friends[a] & friends[b])
print("mutual ann/bob:", mutual("ann", "bob"), "ann/fay:", mutual("ann", "fay"))
def suggestions(p):
    fof = set()
    for f in friends[p]:
        fof |= friends[f]
    fof -= friends[p] | {p}
    return sorted(fof, key=lambda s: (-len(friends[s] & friends[p]), s))
for p in sorted(friends):
    print(p, "->", suggestions(p))
def triangles():
    found = set()
    for a in friends:
        for b in friends[a]:
            for c in friends[a] & friends[b]:
                found.add(frozenset((a, b, c)))
    return sorted(sorted(t) for t in found)
print("triangles:", triangles())
everyone = set(friends)
popular = {p for p in everyone if len(friends[p]) >= 3}
loners = everyone - {f for fs in friends.values() for f in fs if len(friends[f]) > 1}
print(sorted(popular), sorted(loners))
reach = {"ann"}
frontier = {"ann"}
hops = 0
while frontier:
    frontier = set().union(*(friends[p] for p in frontier)) - reach
    if frontier:
        hops += 1
        reach |= frontier
        print(f"hop {hops}: {sorted(frontier)}")
print(reach == everyone)
