# Graph algorithms on adjacency dicts: BFS, DFS, topological sort, Dijkstra with a hand-made heap.
graph = {
    "A": {"B": 4, "C": 2},
    "B": {"C": 5, "D": 10},
    "C": {"E": 3},
    "D": {"F": 11},
    "E": {"D": 4},
    "F": {},
}
def bfs(g, start):
    seen, order, frontier = {start}, [], [start]
    while frontier:
        node = frontier.pop(0)
        order.append(node)
        for n in g[node]:
            if n not in seen:
                seen.add(n)
                frontier.append(n)
    return order
def dfs(g, node, seen=None):
    seen = [] if seen is None else seen
    seen.append(node)
    for n in g[node]:
        if n not in seen:
            dfs(g, n, seen)
    return seen
def topo(g):
    indeg = {n: 0 for n in g}
    for n in g:
        for m in g[n]:
            indeg[m] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in sorted(g[n]):
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
        ready.sort()
    if len(out) != len(g):
        raise ValueError("graph has a cycle")
    return out
def heap_push(h, item):
    h.append(item)
    i = len(h) - 1
    while i > 0:
        p = (i - 1) // 2
        if h[p] <= h[i]:
            break
        h[p], h[i] = h[i], h[p]
        i = p
def heap_pop(h):
    last = h.pop()
    if not h:
        return last
    top, h[0] = h[0], last
    i = 0
    while True:
        l, r, small = 2 * i + 1, 2 * i + 2, i
        if l < len(h) and h[l] < h[small]:
            small = l
        if r < len(h) and h[r] < h[small]:
            small = r
        if small == i:
            return top
        h[i], h[small] = h[small], h[i]
        i = small
def dijkstra(g, src):
    dist = {src: 0}
    prev = {}
    heap = [(0, src)]
    while heap:
        d, node = heap_pop(heap)
        if d > dist.get(node, float("inf")):
            continue
        for n, w in g[node].items():
            nd = d + w
            if nd < dist.get(n, float("inf")):
                dist[n] = nd
                prev[n] = node
                heap_push(heap, (nd, n))
    return dist, prev
print("bfs", bfs(graph, "A"))
print("dfs", dfs(graph, "A"))
print("topo", topo(graph))
dist, prev = dijkstra(graph, "A")
print("dist", dict(sorted(dist.items())))
def path_to(prev, target):
    path = [target]
    while path[-1] in prev:
        path.append(prev[path[-1]])
    return "->".join(reversed(path))
print("path", path_to(prev, "F"))
cyclic = {"x": {"y": 1}, "y": {"z": 1}, "z": {"x": 1}}
try:
    topo(cyclic)
except ValueError as e:
    print(type(e).__name__, e)
undirected = {}
for a, b in [(1, 2), (2, 3), (4, 5), (6, 6)]:
    undirected.setdefault(a, set()).add(b)
    undirected.setdefault(b, set()).add(a)
components, seen = [], set()
for node in sorted(undirected):
    if node not in seen:
        comp = set()
        stack = [node]
        while stack:
            n = stack.pop()
            if n not in comp:
                comp.add(n)
                stack.extend(undirected[n] - comp)
        seen |= comp
        components.append(sorted(comp))
print("components", components)
