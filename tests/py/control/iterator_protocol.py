# for loops driving custom iterators and iterables.
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)))
c = Countdown(3)
for v in c:
    print("v", v)
print("exhausted:", list(c))
class Deck:
    def __init__(self, cards):
        self.cards = cards
    def __iter__(self):
        return iter(self.cards)
d = Deck(["A", "K", "Q"])
print(list(d), list(d), "reiterable")
class Squares:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        for i in range(self.n):
            yield i * i
print(list(Squares(5)), sum(Squares(4)))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * 11
print(list(Seq()), 22 in Seq(), 5 in Seq())
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration:
    print("StopIteration from list iterator")
def manual_for(iterable):
    result = []
    iterator = iter(iterable)
    while True:
        try:
            item = next(iterator)
        except StopIteration:
            break
        result.append(item)
    return result
print(manual_for("abc"), manual_for(range(3)), manual_for({"x": 1}))
class NotIter:
    pass
try:
    for _ in NotIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
class Infinite:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        return self.n
for n in Infinite():
    if n > 4:
        break
print("stopped at", n)
a, b, c = Countdown(3)
print(a, b, c)
print(sorted(Countdown(4)), max(Countdown(6)), dict(zip(Countdown(2), "xy")))
it = iter(range(10))
print(list(zip(it, it)))
calls = iter(lambda: calls_list.pop(), "stop")
calls_list = ["stop", "c", "b", "a"]
print(list(calls))
