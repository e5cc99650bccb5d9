# sys.exit(n) sets the process exit status; output before it is kept, code after it is skipped.
import sys
print("about to exit with status 3")
try:
    print("try block")
    sys.exit(3)
finally:
    print("finally still runs")
print("never printed")
