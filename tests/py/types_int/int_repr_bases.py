# hex(), oct(), bin() and repr/str of ints.
for n in [0, 1, -1, 10, -10, 255, -256, 2 ** 40, -(2 ** 40) - 1]:
    print(n, repr(n), str(n), hex(n), oct(n), bin(n))
class Idx:
    def __index__(self):
        return 42
print(hex(Idx()), oct(Idx()), bin(Idx()))
for bad in [1.0, "10", None]:
    try:
        hex(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2))
print(int(hex(-12345), 0), int(bin(-5), 0))
print(f"{255:x}", format(255, "#X"), "%x" % 255, "%#o" % 8)
print(str(10 ** 25), len(str(2 ** 1000)), str(-0))
print(repr(1_000), repr(0x10), repr(0o10), repr(0b10))
print(int.__repr__(5), int.__str__(-5), (123).__format__("08,"))
