# open() in text mode on a temporary file created (and removed) in this folder.
PATH = "open_text_tmp.txt"
def cleanup(path):
    try:
        import os
    except ImportError:
        return
    os.remove(path)
with open(PATH, "w", encoding="utf-8") as f:
    print(type(f).__name__, f.mode, f.name, f.closed)
    n = f.write("first line\n")
    f.write("second line: café ✓\n")
    f.writelines(["third\n", "fourth"])
    print("write returned", n)
print("closed after with:", f.closed)
with open(PATH, encoding="utf-8") as f:
    content = f.read()
print(repr(content), len(content))
with open(PATH, "r", encoding="utf-8") as f:
    print(repr(f.readline()), repr(f.readline()))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
with open(PATH, encoding="utf-8") as f:
    for i, line in enumerate(f, 1):
        print(i, repr(line.rstrip("\n")))
with open(PATH, encoding="utf-8") as f:
    print(f.read(5), f.read(6), repr(f.read(0)))
with open(PATH, "a", encoding="utf-8") as f:
    f.write("\nappended")
with open(PATH, encoding="utf-8") as f:
    lines = f.read().splitlines()
print(lines[-2:], len(lines))
with open(PATH, "w", encoding="utf-8") as f:
    print("via print", 1, 2, sep="|", file=f)
    print("second print", file=f)
with open(PATH, encoding="utf-8") as f:
    print(f.read().splitlines())
f = open(PATH, encoding="utf-8")
print(f.readable(), f.writable(), f.closed)
f.close()
print(f.closed)
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
with open(PATH, "w", encoding="utf-8") as f:
    try:
        f.read()
    except OSError as e:
        print(type(e).__name__, e)
try:
    open("definitely_missing_file.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    open(PATH, "q")
except ValueError as e:
    print(type(e).__name__, e)
cleanup(PATH)
print("done")
