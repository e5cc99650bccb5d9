# Hash and equality of complex numbers with ints and floats.
print(hash(complex(1, 0)) == hash(1), hash(complex(2.5, 0)) == hash(2.5), hash(0j) == 0)
print(hash(1j), hash(2 + 3j), hash(-1j), hash(complex(1, 1)) == hash(complex(1, 1)))
d = {1: "int one", 2j: "imag two"}
print(d[1 + 0j], d[complex(0, 2)], (1 + 0j) in {1}, 1.0 + 0j in {1: 0})
s = {1, 1.0, 1 + 0j, True, 2j, 2j}
print(len(s), sorted(s, key=lambda c: (complex(c).real, complex(c).imag)))
print(1j == 1j, 1j == complex(0, 1.0), 0j == 0, 0j == False, (1 + 1j) != 1)
print([1j, 2j].index(2j), [1 + 0j, 1].count(1), 1 in [1 + 0j])
