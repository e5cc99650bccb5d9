# find/rfind/index/rindex/count/startswith/endswith and `in`.
s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.rfind("o"), s.find(""))
print(s.find("o", 15, 20), s.find("o", -10), s.rfind("o", 0, 20), s.find("the", -3), s.rfind("", 5))
print(s.index("quick"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""), s.count("o", 20), s.count("zz"))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "abcabc".rindex("abc"), "".count(""), "abc".count("", 1, 2))
try:
    s.index("cat")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("the", 0, 5)
except ValueError as e:
    print(type(e).__name__, e)
print(s.startswith("the"), s.startswith("quick", 4), s.startswith(("a", "t")), s.startswith("the", 0, 2))
print(s.endswith("dog"), s.endswith("lazy", 0, -4), s.endswith(("cat", "dog")), "".startswith(""), "abc".endswith(""))
try:
    s.startswith(["the"])
except TypeError as e:
    print(type(e).__name__, e)
print("fox" in s, "cat" in s, "" in s, "" in "", "Fox" in s, "x j" in s)
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
def find_all(text, sub):
    positions = []
    i = text.find(sub)
    while i != -1:
        positions.append(i)
        i = text.find(sub, i + 1)
    return positions
print(find_all(s, "o"), find_all("banana", "ana"), find_all("abc", "z"))
print("日本語テキスト".find("テ"), "日本語".index("語"), "ééé".count("é"), "naïve".rfind("ï"))
print(s.find("the", 100), s.find("the", 5, 2), s[s.find("brown"):s.find("fox") + 3])
