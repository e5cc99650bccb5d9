import socket

a, b = socket.socketpair()
print(a.family, a.type, repr(a.getsockname()))
a.sendall(b"hello world")
print(b.recv(5), b.recv(100))
buf = bytearray(4)
a.send(b"abcdef")
print(b.recv_into(buf), buf, b.recv(10))
b.settimeout(0.05)
try:
    b.recv(10)
except TimeoutError as e:
    print("TimeoutError:", e)
b.setblocking(False)
try:
    b.recv(10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
print(b.getblocking(), b.gettimeout())
b.setblocking(True)
with a, b:
    f = b.makefile("rb")
    a.sendall(b"line1\nline2\n")
    print(f.readline(), f.readline())
    f.close()
print(a.fileno(), repr(a).startswith("<socket.socket [closed] fd=-1"))
try:
    a.send(b"x")
except OSError as e:
    print("OSError", e.errno)
