# check-stderr
# A failing import: the traceback points at the whole statement.
print("before")
import module_that_does_not_exist_anywhere
