# Discrete Fourier transform with complex numbers (rounded for stable output).
import math
def dft(xs):
    n = len(xs)
    out = []
    for k in range(n):
        s = 0j
        for t, x in enumerate(xs):
            angle = -2 * math.pi * k * t / n
            s += x * complex(math.cos(angle), math.sin(angle))
        out.append(s)
    return out
def idft(Xs):
    n = len(Xs)
    out = []
    for t in range(n):
        s = 0j
        for k, X in enumerate(Xs):
            angle = 2 * math.pi * k * t / n
            s += X * complex(math.cos(angle), math.sin(angle))
        out.append(s / n)
    return out
def clean(z, nd=6):
    re, im = round(z.real, nd), round(z.imag, nd)
    return complex(re + 0.0, im + 0.0)
signal = [1, 2, 3, 4, 0, 0, 0, 0]
spectrum = dft(signal)
print([clean(z) for z in spectrum])
back = idft(spectrum)
print([round(z.real, 9) + 0.0 for z in back], all(abs(z.imag) < 1e-9 for z in back))
square = [1, 1, 1, 1, -1, -1, -1, -1]
mags = [round(abs(z), 6) for z in dft(square)]
print(mags)
cosine = [math.cos(2 * math.pi * 2 * t / 16) for t in range(16)]
peaks = [k for k, z in enumerate(dft(cosine)) if abs(z) > 1e-6]
print(peaks)
