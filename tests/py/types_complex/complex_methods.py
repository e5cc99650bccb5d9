# complex attributes and methods; unsupported operations.
import math
z = complex(3, -4)
print(z.real, z.imag, z.conjugate(), abs(z), z.__abs__(), z.__neg__(), z.__pos__())
print(hasattr(z, "real"), hasattr(z, "__round__"), complex.__name__)
try:
    z.real = 5
except AttributeError as e:
    print(type(e).__name__, e)
for name, op in [("<", lambda: z < z), (">=", lambda: z >= 1), ("//", lambda: z // 2), ("%", lambda: z % 2),
                 ("divmod", lambda: divmod(z, 2)), ("int", lambda: int(z)), ("float", lambda: float(z)),
                 ("round", lambda: round(z)), ("math.floor", lambda: math.floor(z)),
                 ("z & 1", lambda: z & 1), ("~z", lambda: ~z), ("sorted", lambda: sorted([1j, 2j])),
                 ("max", lambda: max(1j, 2j))]:
    try:
        op()
        print(name, "ok")
    except TypeError as e:
        print(f"{name:10} TypeError: {e}")
print(sorted([3 + 4j, 1 - 1j, -2j, 5], key=abs))
print(sorted([1 + 2j, 1 - 2j, -1 + 0j], key=lambda c: (c.real, c.imag)))
print(bool(0j), bool(1j), bool(complex(0, 0.0)), bool(complex(-0.0, 0)), not 1e-300j)
print((1 + 2j).__eq__(1 + 2j), (1 + 2j).__eq__("x"), (1j).__ne__(2j))
