# dict subclasses: __missing__, defaultdict and counter written by hand.
class DefaultDict(dict):
    def __init__(self, factory, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.factory = factory
    def __missing__(self, key):
        value = self[key] = self.factory()
        return value
    def __repr__(self):
        return f"DefaultDict({self.factory.__name__}, {dict.__repr__(self)})"
graph = DefaultDict(list)
for a, b in [("a", "b"), ("a", "c"), ("b", "c"), ("d", "a")]:
    graph[a].append(b)
print(graph, graph["zzz"], "zzz" in graph)
print(graph.get("nope"), "nope" in graph, len(graph))
counts = DefaultDict(int)
for ch in "abracadabra":
    counts[ch] += 1
print(sorted(counts.items()))
class Counter(dict):
    def __init__(self, iterable=()):
        super().__init__()
        self.update_counts(iterable)
    def __missing__(self, key):
        return 0
    def update_counts(self, iterable):
        for x in iterable:
            self[x] += 1
    def most_common(self, n=None):
        items = sorted(self.items(), key=lambda kv: (-kv[1], kv[0]))
        return items if n is None else items[:n]
    def __add__(self, other):
        result = Counter()
        for c in (self, other):
            for k, v in c.items():
                result[k] += v
        return result
c = Counter("mississippi")
print(c.most_common(2), c["z"], "z" in c, c.most_common())
print(sorted((c + Counter("miss")).items()))
class Strict(dict):
    def __missing__(self, key):
        raise KeyError(f"no such setting: {key!r}")
s = Strict(debug=True)
print(s["debug"])
try:
    s["verbose"]
except KeyError as e:
    print(type(e).__name__, e)
class Lower(dict):
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
    def __missing__(self, k):
        return f"missing {k}"
lw = Lower(key="value")
print(lw["KEY"], lw["other"], lw.get("KEY"))
class Tracking(dict):
    def __setitem__(self, k, v):
        print(f"  set {k!r}")
        super().__setitem__(k, v)
t = Tracking()
t["a"] = 1
t.update(b=2)
t.setdefault("c", 3)
print(t)
