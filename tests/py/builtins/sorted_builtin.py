# sorted() with key/reverse; stability; keyword-only arguments.
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=str.lower, reverse=True))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(sorted([3, 1, 2], reverse=True), sorted([]), sorted("cba"), sorted((2, 1)), sorted({3, 1}), sorted({"b": 1, "a": 2}))
print(sorted([1.5, -2, 3, 0, True]), sorted([[2, "b"], [1, "z"], [2, "a"]]))
print(sorted(range(10), key=lambda x: x % 3), sorted(range(10), key=lambda x: x % 3, reverse=True))
students = [{"name": "ann", "grade": 90}, {"name": "bob", "grade": 85}, {"name": "cid", "grade": 90}]
print([s["name"] for s in sorted(students, key=lambda s: s["grade"], reverse=True)])
print(sorted(["10", "9", "2", "33"], key=int), sorted(["a1", "a10", "a2"], key=lambda s: int(s[1:])))
print(sorted([-3, 2, -1], key=abs), sorted("Hello World", key=str.isupper))
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, None])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1], key=lambda a, b: a)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([5, 2, 8], key=None), sorted(iter([3, 2, 1])), sorted(x * x for x in range(-3, 3)))
