"""Second half of a circular import pair."""
print("cyc_b start")
from pkgs import cyc_a
print("cyc_b sees partially initialised cyc_a, has A_VALUE:", hasattr(cyc_a, "A_VALUE"), "has from_a:", hasattr(cyc_a, "from_a"))
B_VALUE = "b"
def from_b_plain():
    return "from_b"
def call_a():
    return cyc_a.from_a()
