# check-stderr
# Exceptions without arguments print just the class name.
import sys
print("stdout is flushed before the traceback")
sys.stdout.flush()


def fail():
    raise NotImplementedError


fail()
