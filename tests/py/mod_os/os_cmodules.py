# The C modules behind os and friends: errno, _stat, pwd, grp, resource,
# select, fcntl, termios.
import os, errno, _stat, stat, pwd, grp, resource, select, fcntl, termios

print(errno.ENOENT, errno.errorcode[errno.ENOENT], errno.errorcode[11], len(errno.errorcode) > 100)
print(_stat.S_IFDIR, _stat.filemode(0o40755), _stat.filemode(0o104755), _stat.filemode(0o41777), _stat.filemode(0o777))
print(stat.S_ISDIR(0o40000), stat.S_ISREG(0o100644), stat.S_IMODE(0o100644), stat.S_IFMT(0o100644))
for bad in ['a', -1, 2 ** 40, 1.5]:
    try:
        _stat.S_ISDIR(bad)
    except Exception as e:
        print(type(e).__name__, e)

root = pwd.getpwuid(0)
print(root.pw_name, root.pw_uid, root[0], pwd.getpwnam('root').pw_dir, len(root), type(root).__name__)
print(any(p.pw_uid == 0 for p in pwd.getpwall()))
for f, a in [(pwd.getpwnam, 'no-such-user-krait'), (pwd.getpwuid, 4000000), (grp.getgrgid, 4000000),
             (grp.getgrnam, 'no-such-group-krait'), (pwd.getpwnam, 3)]:
    try:
        f(a)
    except Exception as e:
        print(type(e).__name__, e)
g = grp.getgrgid(0)
print(g.gr_name, g.gr_gid, type(g.gr_mem).__name__, grp.getgrnam(g.gr_name).gr_gid)

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(soft > 0, hard == resource.RLIM_INFINITY or hard >= soft)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
ru = resource.getrusage(resource.RUSAGE_SELF)
print(type(ru).__name__, len(ru), type(ru.ru_utime).__name__, ru.ru_maxrss > 0)
for f, a in [(resource.getrlimit, (99,)), (resource.getrusage, (99,)), (resource.setrlimit, (resource.RLIMIT_NOFILE, (1,)))]:
    try:
        f(*a)
    except Exception as e:
        print(type(e).__name__, e)
print(resource.getpagesize() > 0)

r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b'x')
print(select.select([r], [], [], 1.0)[0] == [r])
p = select.poll()
p.register(r, select.POLLIN)
print(p.poll(0) == [(r, select.POLLIN)], p.poll(10) == [(r, select.POLLIN)])
p.modify(r, select.POLLOUT)
print(p.poll(0))
p.unregister(r)
try:
    p.unregister(r)
except KeyError as e:
    print('KeyError', e == e, type(e.args[0]).__name__)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print(e)
print(select.error is OSError)

print(fcntl.fcntl(r, fcntl.F_GETFD) & fcntl.FD_CLOEXEC)
fl = fcntl.fcntl(r, fcntl.F_GETFL)
fcntl.fcntl(r, fcntl.F_SETFL, fl | os.O_NONBLOCK)
print(os.get_blocking(r))
print(os.read(r, 10))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print('BlockingIOError', errno.errorcode[e.errno])
os.set_blocking(r, True)
print(os.get_blocking(r))
os.close(r)
os.close(w)

path = '/tmp/krait_cmodules_%d' % os.getpid()
fd = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
fcntl.flock(fd, fcntl.LOCK_EX)
fcntl.flock(fd, fcntl.LOCK_UN)
fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
fcntl.lockf(fd, fcntl.LOCK_UN)
os.close(fd)
os.unlink(path)

m, s = os.openpty()
a = termios.tcgetattr(s)
print(len(a), len(a[6]), type(a[6][0]).__name__)
a[3] &= ~termios.ECHO
termios.tcsetattr(s, termios.TCSANOW, a)
print(termios.tcgetattr(s)[3] & termios.ECHO, os.isatty(s), os.isatty(r))
try:
    termios.tcgetattr(r)
except termios.error as e:
    print('termios.error', e.args[0] == errno.EBADF)
os.close(m)
os.close(s)
