"""Helper package for the module-system tests (not a test itself)."""
print("pkgs/__init__ executed, __name__ =", __name__)
PACKAGE_CONSTANT = "from pkgs/__init__"
