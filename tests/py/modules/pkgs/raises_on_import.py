"""A module whose import fails part-way through."""
print("raises_on_import: before the error")
PARTIAL = True
raise RuntimeError("module initialisation failed")
