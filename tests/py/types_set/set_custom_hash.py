# Custom objects in sets: __hash__/__eq__ contracts.
class Email:
    def __init__(self, addr):
        self.addr = addr
    def _key(self):
        local, _, domain = self.addr.partition("@")
        return local.split("+")[0].replace(".", "").lower(), domain.lower()
    def __eq__(self, other):
        return isinstance(other, Email) and self._key() == other._key()
    def __hash__(self):
        return hash(self._key())
    def __repr__(self):
        return f"Email({self.addr!r})"
addrs = ["John.Doe@Example.com", "johndoe+news@example.com", "jane@example.com", "j.a.n.e@EXAMPLE.COM", "bob@other.org"]
unique = set(map(Email, addrs))
print(len(unique), sorted(e.addr for e in unique if Email("bob@other.org") != e)[:1])
print(Email("JOHNDOE@example.com") in unique, Email("nobody@example.com") in unique)
class Cell:
    def __init__(self, r, c):
        self.r, self.c = r, c
    def __hash__(self):
        return hash((self.r, self.c))
    def __eq__(self, other):
        return (self.r, self.c) == (other.r, other.c)
    def __repr__(self):
        return f"({self.r},{self.c})"
live = {Cell(1, 0), Cell(1, 1), Cell(1, 2)}
def step(live):
    counts = {}
    for cell in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    n = Cell(cell.r + dr, cell.c + dc)
                    counts[n] = counts.get(n, 0) + 1
    return {c for c, n in counts.items() if n == 3 or (n == 2 and c in live)}
for _ in range(3):
    live = step(live)
    print(sorted(live, key=lambda c: (c.r, c.c)))
class Unhashable:
    __hash__ = None
try:
    {Unhashable()}
except TypeError as e:
    print(type(e).__name__, e)
class AlwaysEqual:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        return True
print(len({AlwaysEqual(), AlwaysEqual(), AlwaysEqual()}))
