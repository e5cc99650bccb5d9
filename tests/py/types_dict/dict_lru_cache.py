# An LRU cache built on dict insertion order.
class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = self.misses = 0
    def get(self, key, default=None):
        if key in self.data:
            value = self.data.pop(key)
            self.data[key] = value
            self.hits += 1
            return value
        self.misses += 1
        return default
    def put(self, key, value):
        if key in self.data:
            del self.data[key]
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            print(f"  evict {oldest!r}")
            del self.data[oldest]
        self.data[key] = value
    def __repr__(self):
        return f"LRU({list(self.data.items())})"
cache = LRUCache(3)
for k in "abc":
    cache.put(k, k.upper())
print(cache)
print(cache.get("a"), cache)
cache.put("d", "D")
print(cache, cache.get("b"))
cache.put("c", "C2")
cache.put("e", "E")
print(cache, cache.hits, cache.misses)
def lru(capacity):
    def deco(fn):
        c = LRUCache(capacity)
        def wrapper(*args):
            sentinel = object()
            r = c.get(args, sentinel)
            if r is sentinel:
                r = fn(*args)
                c.put(args, r)
            return r
        wrapper.cache = c
        return wrapper
    return deco
@lru(2)
def slow_square(n):
    print(f"  computing {n}")
    return n * n
for n in [2, 3, 2, 4, 3, 2]:
    print(n, slow_square(n))
print(slow_square.cache.hits, slow_square.cache.misses)
