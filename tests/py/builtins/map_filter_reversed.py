# map(), filter(), reversed() builtins and their laziness.
print(list(map(str.upper, ["a", "b"])), list(map(pow, [2, 3], [3, 2])), list(map(lambda x, y, z: x + y + z, "ab", "cd", "ef")))
print(list(map(len, [])), list(map(int, "123")), list(map(max, [1, 5], [4, 2], [3, 3])), list(map(abs, (-1, 2, -3))))
print(list(map(lambda a, b: (a, b), [1, 2, 3], "xy")))
log = []
def tracked(x):
    log.append(x)
    return x * 10
m = map(tracked, [1, 2, 3])
print(log, next(m), log, list(m), log, list(m))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, 0.0])), list(filter(str.isdigit, "a1b2c3")))
print(list(filter(lambda n: n % 3 == 0, range(20))), list(filter(lambda s: s.startswith("b"), ["ab", "ba", "bb"])))
f = filter(lambda x: x > 1, [1, 2, 3])
print(type(f).__name__, next(f), list(f))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))), "".join(reversed("stressed")))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.values())), list(reversed({"a": 1}.items())))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return f"item{i}"
print(list(reversed(Seq())))
class Rev:
    def __reversed__(self):
        return iter(["custom", "reversed"])
print(list(reversed(Rev())))
for bad in [lambda: reversed(5), lambda: reversed({1, 2}), lambda: reversed(x for x in []), lambda: map(5, [1]).__next__(), lambda: filter(5, [1]).__next__(), lambda: map(len)]:
    try:
        print(bad())
    except TypeError as e:
        print(type(e).__name__, e)
r = reversed([1, 2, 3])
print(next(r), list(r))
print(sum(map(int, "12345")), max(map(len, ["a", "abc", "ab"])), sorted(filter(None, {0, 3, 1})))
