# A small program to try Krait on: primes, a class, a generator and an f-string.
def primes(limit):
    sieve = [True] * (limit + 1)
    for n in range(2, limit + 1):
        if sieve[n]:
            yield n
            for m in range(n * n, limit + 1, n):
                sieve[m] = False


class Counter:
    def __init__(self):
        self.counts = {}

    def add(self, word):
        self.counts[word] = self.counts.get(word, 0) + 1


c = Counter()
for word in "the quick brown fox jumps over the lazy dog the end".split():
    c.add(word)
found = list(primes(50))
print(f"{len(found)} primes below 50: {found}")
print(sorted(c.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
