# A bytearray with live memoryviews cannot change size.
b = bytearray(range(10))
v = memoryview(b)
def resize(n):
    b[1:-1] = range(n + 1, 2*n - 1)
resize(10)
for f in (lambda: resize(11), lambda: b.append(1), lambda: b.pop(), lambda: b.clear(), lambda: b.extend(b'x'), lambda: b.__init__(b'')):
    try:
        f(); print("no error")
    except BufferError as e:
        print(e)
v.release()
b.append(1); print(len(b))
with memoryview(b) as m:
    try: b.pop()
    except BufferError: print("busy")
b.pop(); print(len(b))
m2 = memoryview(b); del m2
b.pop(); print(len(b))
c = bytearray(range(10))
c[1:9:2] = b''
print(c)
with memoryview(c):
    try:
        c[1:-1:2] = b''
    except BufferError as e:
        print(e)
print(c)
