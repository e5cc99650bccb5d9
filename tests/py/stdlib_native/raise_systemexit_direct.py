# Raising SystemExit directly with an integer code exits with that status.
print("raising SystemExit(42)")
raise SystemExit(42)
