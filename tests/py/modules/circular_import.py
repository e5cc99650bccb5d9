# Circular imports see partially initialised modules.
from pkgs import cyc_a
print("main: cyc_a.A_VALUE =", cyc_a.A_VALUE)
print(cyc_a.from_a())
from pkgs import cyc_b
print(cyc_b.call_a(), cyc_b.cyc_a is cyc_a, cyc_a.cyc_b is cyc_b)
