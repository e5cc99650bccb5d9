# Processes: fork/wait, pipes, environment, system, exec through _posixsubprocess.
import os, sys, _posixsubprocess

r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r))
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b'from child')
    os._exit(3)
os.close(w)
data = os.read(r, 100)
os.close(r)
p, status = os.waitpid(pid, 0)
print(p == pid, data, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status),
      os.waitstatus_to_exitcode(status))

pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), 9)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.waitstatus_to_exitcode(status))

print(os.waitpid(-1, os.WNOHANG) if False else 'skip')
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print('ChildProcessError', e)

os.environ['KRAIT_TEST_VAR'] = 'value 1'
print(os.getenv('KRAIT_TEST_VAR'), os.environb[b'KRAIT_TEST_VAR'])
print(os.system('test "$KRAIT_TEST_VAR" = "value 1"'))
del os.environ['KRAIT_TEST_VAR']
print(os.system('test -z "$KRAIT_TEST_VAR"'), os.waitstatus_to_exitcode(os.system('exit 3')))


def run(args, exe, cwd=None, env=None):
    c2pread, c2pwrite = os.pipe()
    errr, errw = os.pipe()
    pid = _posixsubprocess.fork_exec(
        args, exe, True, (c2pwrite, errw), cwd, env,
        -1, -1, c2pread, c2pwrite, -1, -1, errr, errw,
        True, False, -1, None, None, None, -1, None, True)
    os.close(c2pwrite)
    os.close(errw)
    err = os.read(errr, 1000)
    os.close(errr)
    out = b''
    while True:
        part = os.read(c2pread, 1000)
        if not part:
            break
        out += part
    os.close(c2pread)
    _, st = os.waitpid(pid, 0)
    return out, err, os.waitstatus_to_exitcode(st)

print(run([b'echo', b'hi', b'there'], (b'/bin/echo',)))
print(run([b'sh', b'-c', b'echo $FOO; pwd'], (b'/bin/sh',), cwd='/', env=[b'FOO=bar']))
print(run([b'nope'], (b'/nonexistent/nope', b'/also/not/here')))
print(run([b'ls'], (b'/bin/ls',), cwd='/nonexistent'))
print(run([b'sh', b'-c', b'exit 5'], (b'/bin/sh',)))

print(os.getpid() != os.getppid(), os.getuid() == os.geteuid(), isinstance(os.getgroups(), list))
print(os.uname().sysname, len(os.uname()), os.cpu_count() >= 1, len(os.urandom(16)))
print(type(os.times()).__name__, len(os.times()), os.times().elapsed > 0)
old = os.umask(0o027)
print(oct(os.umask(old)))
print(os.sysconf('SC_PAGESIZE') > 0, os.sysconf_names['SC_OPEN_MAX'] == os.sysconf_names['SC_OPEN_MAX'])
print(os.confstr('CS_PATH').startswith('/'), len(os.getloadavg()))
hooks = []
os.register_at_fork(before=lambda: hooks.append('before'), after_in_parent=lambda: hooks.append('parent'),
                    after_in_child=lambda: hooks.append('child'))
pid = os.fork()
if pid == 0:
    os._exit(0 if hooks == ['before', 'child'] else 1)
_, st = os.waitpid(pid, 0)
print(hooks, os.waitstatus_to_exitcode(st))
try:
    os.register_at_fork()
except TypeError as e:
    print(e)
