# repr/str of complex numbers, including signed zeros, inf and nan parts.
values = [1j, 2 + 3j, 2 - 3j, -1j, 0j, -0j, complex(0, -0.0), complex(-0.0, 0), complex(-0.0, -0.0),
          complex(1.5, 0), complex(0, 2.5), 1e20j, 1e-5 + 1e16j, complex(1, 1e300 * 10),
          complex(float("nan"), 1), complex(float("inf"), float("-inf")), 0.1 + 0.2j,
          complex(3), complex(-2.0), 1 + 0j, (1 + 2j) * 1j]
for v in values:
    print(repr(v), str(v), f"{v}")
print([1j, 2 + 0j], (3j,), {"z": -1j})
print(complex(1, 2).real, complex(1, 2).imag, type((1j).real).__name__)
print(repr(complex(123456789012, 0.000001)), repr(complex(1 / 3, 2 / 3)))
