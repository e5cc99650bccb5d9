# Format specs applied to strings: fill, align, width, precision.
s = "python"
for spec in ["", "10", "<10", ">10", "^10", "*<10", "->10", "_^11", ".3", "10.3", ">10.2", "^9.4", "s", "3", "0<8", "=^8"]:
    print(f"{spec!r:>8}: [{format(s, spec)}]")
print(f"[{'':^5}] [{'x':^4}] [{'ab':^5}] [{'é':*^5}] [{'日本':-^6}]")
for bad in ["=10", "+10", "010", ",", "d", "#10"]:
    try:
        print(repr(bad), "ok", repr(format(s, bad)))
    except ValueError as e:
        print(repr(bad), "ValueError", e)
names = ["Ann", "Bartholomew", "Cy"]
for n in names:
    print(f"|{n:<8.8}|{n:>8.8}|{n:^8.8}|")
print("{:{fill}^{width}.{prec}}".format("truncated text", fill="~", width=12, prec=9))
