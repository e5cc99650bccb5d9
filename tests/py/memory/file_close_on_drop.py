# A file object is closed (and its buffer flushed) when its last reference is dropped.
PATH = "file_close_on_drop_tmp.txt"
def cleanup(path):
    try:
        import os
    except ImportError:
        return
    os.remove(path)
f = open(PATH, "w", encoding="utf-8")
f.write("written without explicit close\n")
f = None
with open(PATH, encoding="utf-8") as check:
    print(repr(check.read()))
def write_in_function():
    handle = open(PATH, "a", encoding="utf-8")
    handle.write("appended in a function\n")
write_in_function()
with open(PATH, encoding="utf-8") as check:
    print(check.read().splitlines())
open(PATH, "a", encoding="utf-8").write("temporary file object\n")
with open(PATH, encoding="utf-8") as check:
    print(len(check.read().splitlines()))
g = open(PATH, encoding="utf-8")
alias = g
del g
print("still open through alias:", not alias.closed, alias.readline().strip())
alias.close()
print(alias.closed)
cleanup(PATH)
