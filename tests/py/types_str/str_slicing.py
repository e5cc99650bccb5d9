# String indexing and slicing.
s = "Python Programming"
print(s[0], s[-1], s[7], s[-11])
print(s[0:6], s[7:], s[:6], s[-11:], s[:], s[::2], s[1::2], s[::-1], s[::-3])
print(s[100:], s[-100:3], s[5:2], s[5:2:-1], s[-1:-5:-1], s[3:3], repr(s[18:]))
print(s[0:100:5], s[None:None:None], s[slice(2, 10, 3)], s[slice(None, None, -4)])
for i in [-19, 18, 100]:
    try:
        s[i]
    except IndexError as e:
        print(i, type(e).__name__, e)
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    s["1"]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[1.5]
except TypeError as e:
    print(type(e).__name__, e)
def is_palindrome(t):
    t = "".join(c.lower() for c in t if c.isalnum())
    return t == t[::-1]
print([is_palindrome(x) for x in ["A man, a plan, a canal: Panama", "racecar", "hello", ""]])
word = "straße"
print(word[4], word[-2:], word[::-1], len(word))
emoji = "a😀b"
print(len(emoji), emoji[1], emoji[::-1], emoji[2])
print("abcdef"[1:-1][::-1][1:], "x"[0][0][0])
parts = ["abc"[i:j] for i in range(4) for j in range(i + 1, 4)]
print(parts)
print(s[len(s) // 2:], s[:len(s) // 2])
