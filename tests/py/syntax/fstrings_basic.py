# f-string basics: expressions, conversions, escaping.
name = "World"
n = 42
pi = 3.14159265
items = ["a", "b"]
print(f"Hello, {name}!")
print(f"{n} + 1 = {n + 1}")
print(f"{name.upper()} {name[::-1]} {len(name)}")
print(f"{items} {items[0]} {items!r}")
print(f"{name!r} {name!s} {name!a}")
print(f"{'café'!a} {'café'!r}")
print(f"{{literal braces}} {{{n}}}")
print(f"{n:5}|{n:<5}|{n:^5}|{n:>5}|")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {pi:.0f}")
print(f"{n:b} {n:o} {n:x} {n:X} {n:#x} {n:#b}")
print(f"{1234567:,} {1234567:_} {0.5:%} {0.125:.1%}")
d = {"key": "value", "n": 3}
print(f"{d['key']} {d['n'] * 2}")
print(f"{'nested quotes'} {'x' if False else 'y'}" if False else "no")
print(f"{3 if n > 10 else 4}")
print(f"{(lambda x: x * 2)(21)}")
print(f"{[i * i for i in range(5)]}")
print(F"capital F {n}")
print(rf"raw \n {n}", fr"\t{name}")
print(f"multi" f"part {n}" "plain")
x = 10
print(f"{x = }", f"{x=}", f"{x * 2 = }")
print(f"{name = !s}", f"{name=}", f"{pi=:.3f}")
print(f"{'':>3}|{'':-<4}|")
print(f"{None} {True} {False!r}")
print(f"{n!r:>6}|{name!r:^11}|")
print(f"""triple {
n
} quoted""")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
    def __str__(self):
        return "P-str"
    def __repr__(self):
        return "P-repr"
p = P()
print(f"{p} {p:abc} {p!s} {p!r} {p!r:>8}")
