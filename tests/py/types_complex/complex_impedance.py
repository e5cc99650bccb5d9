# AC circuit impedances with complex numbers (series/parallel combinations), rounded output.
import math
def resistor(r):
    return complex(r, 0)
def inductor(l, freq):
    return complex(0, 2 * math.pi * freq * l)
def capacitor(c, freq):
    return complex(0, -1 / (2 * math.pi * freq * c))
def series(*zs):
    return sum(zs, 0j)
def parallel(*zs):
    return 1 / sum(1 / z for z in zs)
def polar(z):
    return round(abs(z), 4), round(math.degrees(math.atan2(z.imag, z.real)), 3)
def fmt(z):
    return f"{z.real:.3f}{z.imag:+.3f}j"
for f in [50, 1000, 5033, 100000]:
    z = series(resistor(100), inductor(0.01, f), capacitor(1e-7, f))
    print(f"{f:>6} Hz  Z = {fmt(z):>22}  |Z|,phase = {polar(z)}")
zp = parallel(resistor(100), inductor(0.05, 1000), capacitor(2e-6, 1000))
print("parallel:", fmt(zp), polar(zp))
v = complex(230, 0)
i = v / series(resistor(50), inductor(0.1, 50))
print("current:", fmt(i), "power factor:", round(math.cos(math.atan2(i.imag, i.real)), 4))
s = v * i.conjugate()
print("apparent power:", fmt(s), round(abs(s), 3))
