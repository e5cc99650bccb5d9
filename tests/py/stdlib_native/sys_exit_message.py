# check-stderr
# sys.exit("message") prints the message to stderr and exits with status 1.
import sys
print("validating input")
sys.exit("fatal: configuration file is missing")
