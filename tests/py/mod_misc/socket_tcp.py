import socket, threading

srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]

def serve():
    conn, addr = srv.accept()
    with conn:
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.upper())

t = threading.Thread(target=serve)
t.start()
with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
    print(c.getpeername() == ("127.0.0.1", port), c.gettimeout())
    for msg in (b"ping", b"hello there"):
        c.sendall(msg)
        print(c.recv(1024))
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print(c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
    c.shutdown(socket.SHUT_WR)
t.join()
srv.close()

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"dgram", u1.getsockname())
data, frm = u1.recvfrom(100)
print(data, frm[0])
u1.close()
u2.close()

print(socket.inet_aton("127.1"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(16777216))
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.gethostbyname("127.0.0.1"), isinstance(socket.gethostname(), str))
for f, args in [(socket.htons, (70000,)), (socket.inet_aton, ("x",)), (socket.inet_ntoa, (b"12",))]:
    try:
        f(*args)
    except Exception as e:
        print(type(e).__name__ + ":", e)
s = socket.socket()
for addr in [("127.0.0.1", 70000), ("127.0.0.1",), "x"]:
    try:
        s.bind(addr)
    except Exception as e:
        print(type(e).__name__ + ":", e)
s.close()
