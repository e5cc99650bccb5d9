# Set comprehensions and set-based algorithms.
print({x * x for x in range(-4, 5)}, {c for c in "aabbcc"} == {"a", "b", "c"})
print(sorted({w.lower() for w in "The the THE tHe other".split()}))
print({(x, y) for x in range(3) for y in range(3) if x == y} == {(0, 0), (1, 1), (2, 2)})
sentence = "the quick brown fox jumps over the lazy dog"
print(sorted({ch for ch in sentence if ch.isalpha()}) == sorted(set("abcdefghijklmnopqrstuvwxyz")))
print(len({len(w) for w in sentence.split()}), sorted({len(w) for w in sentence.split()}))
primes = {n for n in range(2, 50) if all(n % d for d in range(2, int(n ** 0.5) + 1))}
print(sorted(primes), len(primes), 47 in primes)
composite = set(range(2, 50)) - primes
print(sorted(composite)[:10])
def sieve_set(n):
    candidates = set(range(2, n + 1))
    for p in range(2, int(n ** 0.5) + 1):
        if p in candidates:
            candidates -= set(range(p * p, n + 1, p))
    return candidates
print(sieve_set(49) == primes)
text1 = "apple banana cherry date".split()
text2 = "banana date fig grape".split()
print(sorted(set(text1) & set(text2)), sorted(set(text1) ^ set(text2)))
pairs = [(1, 2), (2, 1), (3, 4), (4, 3), (5, 5)]
print(sorted({tuple(sorted(p)) for p in pairs}))
print({x for x in []}, {x for x in range(3)} | {x for x in range(2, 5)})
