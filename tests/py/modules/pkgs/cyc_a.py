"""First half of a circular import pair."""
print("cyc_a start")
A_VALUE = "a"
from pkgs import cyc_b
print("cyc_a sees cyc_b.B_VALUE =", cyc_b.B_VALUE)
def from_a():
    return "from_a calls " + cyc_b.from_b_plain()
