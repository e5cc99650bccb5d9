# Format specs for integers.
n = 1234567
for spec in ["", "d", "10d", "<10d", "^10d", ">10d", "010d", "+d", " d", "-d",
             ",", "_", "10,", "015,d", "x", "X", "#x", "#X", "o", "#o", "b", "#b",
             "_b", "_x", "#_x", "*^15,", "=+12", "e", ".2e", "f", ".1f", "%", "g", "n", "c"]:
    try:
        print(f"{spec!r:>8} -> [{format(n if spec != 'c' else 9731, spec)}]")
    except ValueError as e:
        print(f"{spec!r:>8} -> ValueError {e}")
for v in [0, -1, 255, -255]:
    print(f"[{v:+06d}] [{v:#06x}] [{v:^+8}] [{v:=8}] [{v:b}] [{v:#o}]")
print(format(-2 ** 70, ","), format(2 ** 70, "_x"))
print("%d %5d %-5d| %05d %+d %x %X %o %#x %#o %c" % (42, 42, 42, 42, 42, 255, 255, 8, 255, 8, 65))
print("%i %u %3.1d" % (7, 8, 9))
print("{:d} {:>6} {:<6}| {:^6} {:,} {:b}".format(5, 6, 7, 8, 1234567, 5))
for bad in ["s", ".2d", ",x", "z"]:
    try:
        format(10, bad)
    except ValueError as e:
        print(repr(bad), "ValueError", e)
try:
    format(-1, "c")
except (ValueError, OverflowError) as e:
    print(type(e).__name__, e)
print(f"{True:d} {True:>5} {True} {False:03}")
print(f"{10:{'>'}{8}}", f"{3:0{4}}", f"{-3:0>4}")
print(str(12).zfill(5), str(-12).zfill(5), f"{12:05}")
