# open() in binary mode: write/read bytes, seek/tell, partial reads.
PATH = "open_binary_tmp.bin"
def cleanup(path):
    try:
        import os
    except ImportError:
        return
    os.remove(path)
payload = bytes(range(256)) + b"\r\n\x00end"
with open(PATH, "wb") as f:
    print(f.mode, f.write(payload), f.tell())
with open(PATH, "rb") as f:
    data = f.read()
print(len(data), data == payload, type(data).__name__, data[-5:])
with open(PATH, "rb") as f:
    print(f.read(4), f.tell())
    f.seek(250)
    print(f.read(8), f.tell())
    f.seek(-3, 2)
    print(f.read(), f.tell())
    f.seek(10)
    f.seek(5, 1)
    print(f.tell(), f.read(1))
    print(f.read(1000)[-3:], f.read(), f.read(10))
with open(PATH, "r+b") as f:
    f.seek(0)
    f.write(b"HEAD")
    f.seek(0)
    print(f.read(6))
with open(PATH, "ab") as f:
    f.write(b"++tail")
with open(PATH, "rb") as f:
    whole = f.read()
print(len(whole), whole[:6], whole[-10:])
with open(PATH, "wb") as f:
    f.write(bytearray(b"line1\nline2\r\nline3"))
with open(PATH, "rb") as f:
    print(f.readlines())
with open(PATH, "rb") as f:
    print([line for line in f])
with open(PATH, "r", encoding="utf-8", newline="") as f:
    print(repr(f.read()))
with open(PATH, "r", encoding="utf-8") as f:
    print(repr(f.read()))
try:
    with open(PATH, "wb") as f:
        f.write("text")
except TypeError as e:
    print(type(e).__name__, e)
try:
    open(PATH, "rb", encoding="utf-8")
except ValueError as e:
    print(type(e).__name__, e)
cleanup(PATH)
print("done")
