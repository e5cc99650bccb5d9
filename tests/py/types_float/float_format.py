# Float format mini-language: f, e, g, %, widths, signs, grouping, alternate form.
x = 1234.5678
for spec in ["", "f", ".2f", ".0f", "#.0f", "10.2f", "<10.2f", "^10.2f", "010.2f", "+.2f",
             " .2f", ",.2f", "_.3f", "e", ".3e", "E", "10.1e", "g", ".3g", ".10g", "#g",
             "G", "%", ".1%", "n", "*>12,.1f", "=+12.2f", ".2", "15", ".0e", ".0%"]:
    print(f"{spec!r:>11}: [{format(x, spec)}] [{format(-x, spec)}]")
for v in [0.0, -0.0, 1e-5, 123456789.0, 1e16, 1.5e-10, 0.5, 2.5, 1e100, 12.0]:
    print(f"{v!r:>14} | {v:g} | {v:.3g} | {v:e} | {v:.2f} | {v:10.4} | {v} | {v:#g}")
for v in [0.125, 0.375, 2.675, 1.005, 0.5, 1.5, 2.5, -0.5]:
    print(v, f"{v:.2f} {v:.1f} {v:.0f}")
print(f"{1e300 * 1e10:f} {-1e300 * 1e10:e} {float('nan'):g} {float('inf'):>8} {float('-inf'):+.2f}")
print(f"{float('nan'):08.2f} {float('inf'):08.2f} {float('nan'):F} {float('inf'):E}")
print(f"{-0.0:.1f} {-0.0:g} {-0.0:z.1f} {-0.0001:.2f} {-0.0001:z.2f}")
print("%.2f %5.1f %-8.3f| %e %.3E %g %G %10.4g" % (3.14159, 2.5, 1.5, 12345.678, 0.00012, 1e-5, 1e20, 123.456))
print("%f %.0f %#.0f %+f % f" % (1.0, 2.5, 2.5, 1.0, 1.0))
print("{:.3f} {:>10.2e} {:,.1f} {:_.2f}".format(2 / 3, 123456.0, 9876543.21, 1234567.891))
print(format(1e23, ".17g"), format(0.1, ".20f"), format(1 / 3, ".30f"))
print(format(123.456, ".1e"), format(9.999, ".2f"), format(9.995, ".2f"), format(99.95, ".1f"))
for bad in ["d", "x", "c", "s", ",d"]:
    try:
        format(1.5, bad)
    except ValueError as e:
        print(repr(bad), "ValueError", e)
