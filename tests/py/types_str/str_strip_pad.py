# strip family, padding, zfill, expandtabs, removeprefix/removesuffix.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhelloxx".strip("x"), "abcHELLOcba".strip("abc"), "www.example.com".lstrip("w."), "file.txt...".rstrip("."))
print(repr("".strip()), repr("   ".strip()), "\u3000wide space\u3000".strip(), "\x1c\x1dsep".strip())
print(repr("hello".center(11)), repr("hello".center(11, "*")), repr("hello".center(10, "-")), repr("hello".center(3)))
print(repr("ab".center(5)), repr("ab".center(6)), repr("abc".center(6)), repr("abc".center(4)))
print(repr("left".ljust(8)), repr("right".rjust(8)), repr("x".ljust(4, "_")), repr("y".rjust(4, "0")))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "12345".zfill(3), "".zfill(2), "-".zfill(3))
print(repr("a\tb\tc".expandtabs()), repr("a\tb\tc".expandtabs(4)), repr("12345\t6".expandtabs(4)), repr("\t".expandtabs(0)))
print(repr("line1\n\tline2".expandtabs(2)))
print("prefix_name".removeprefix("prefix_"), "prefix_name".removeprefix("other"), "name.py".removesuffix(".py"), "name".removesuffix(""))
print("aaa".removeprefix("a"), "test_test".removesuffix("test"))
table = [("Item", "Qty", "Price"), ("apple", "3", "1.20"), ("watermelon", "1", "4.50")]
for name, qty, price in table:
    print(f"|{name.ljust(12)}|{qty.center(5)}|{price.rjust(7)}|")
print("#" + "title".center(20, "=") + "#")
