# format() of complex numbers.
z = 3.14159 - 2.71828j
for spec in ["", ".2f", "10.2f", "<20.3f", ">25", "^25.1f", "+.1f", "e", ".2e", "g", ".3g", "*^30.2f", "+g", "_.1f"]:
    print(f"{spec!r:>9}: [{format(z, spec)}]")
print(format(1j, ""), format(1j, "g"), format(1 + 0j, ""), format(1 + 0j, "g"), format(-0j, ".1f"))
print(format(complex(1e20, 1e-20), ".3g"), format(complex(1234567, 7654321), ",.1f"))
print(f"{1 + 2j!r:>12}|{1 + 2j!s:<12}|")
for bad in ["d", "%", "=10", "010.2f", "x"]:
    try:
        format(z, bad)
    except ValueError as e:
        print(repr(bad), "ValueError", e)
print("{0.real} {0.imag} {0:.1f}".format(2 + 5j))
print("%s %r" % (1j, 2 - 1j))
