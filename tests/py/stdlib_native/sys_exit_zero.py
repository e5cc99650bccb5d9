# check-stderr
# sys.exit() / sys.exit(0) / sys.exit(None) mean success; nothing goes to stderr.
import sys
print("exiting cleanly")
sys.exit(None)
