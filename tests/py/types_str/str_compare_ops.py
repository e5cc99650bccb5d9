# String comparisons, concatenation, repetition, membership, min/max.
print("apple" < "banana", "apple" < "Apple", "a" < "aa", "" < "a", "Z" < "a", "abc" == "abc", "abc" != "ABC")
print("10" < "9", "abc" <= "abc", "abd" > "abc", "é" > "e", "😀" > "z")
print(sorted(["banana", "Apple", "cherry", "apple", "10", "9", "", "B"]))
print(min("hello"), max("hello"), min(["pear", "fig", "apple"]), max(["pear", "fig", "apple"], key=len))
print("ab" + "cd", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -1, "" * 100, "-" * 10)
s = "x"
s += "y"
s *= 2
print(s)
print("a" in "abc", "abc" in "abc", "ac" in "abc", "" in "abc")
print("abc".__eq__("abc"), "abc".__lt__("abd"), "abc".__eq__(1), "a".__add__("b"), "a".__mul__(3), "a".__rmul__(2))
words = "the quick brown fox".split()
print(sorted(words), sorted(words, key=len), sorted(words, key=lambda w: w[-1]), sorted(words, reverse=True))
print(isinstance("abc", str), ("a" * 3) == "aaa", "Hello".lower() == "hello")
try:
    "a" < None
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc" * 1.5
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc" + None
except TypeError as e:
    print(type(e).__name__, e)
print(hash("abc") == hash("ab" + "c"), len({"a", "a", "b"}))
print(list(map(len, ["", "a", "ab"])), "".join(sorted("hello")), "".join(reversed("hello")))
