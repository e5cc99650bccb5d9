# OSError subclasses, errno, strerror and filenames, as raised by os calls.
import os, errno

base = os.path.join('/tmp', 'krait_os_errors_%d' % os.getpid())
os.mkdir(base)
os.chdir(base)
os.mkdir('d')
with open('f', 'w') as f:
    f.write('x')

def show(f, *args, **kw):
    try:
        f(*args, **kw)
    except Exception as e:
        extra = ''
        if isinstance(e, OSError):
            extra = ' errno=%s filename=%r filename2=%r' % (errno.errorcode.get(e.errno), e.filename, e.filename2)
        print('%s: %s: %s%s' % (f.__name__, type(e).__name__, e, extra))
    else:
        print(f.__name__, 'ok')

show(os.stat, 'nope')
show(os.stat, b'nope')
show(os.lstat, 'nope/x')
show(os.stat, 'f/x')
show(os.mkdir, 'd')
show(os.rmdir, 'f')
show(os.rmdir, 'nope')
show(os.unlink, 'd')
show(os.listdir, 'f')
show(os.listdir, 'nope')
show(os.open, 'nope', os.O_RDONLY)
show(os.open, 'f', os.O_RDONLY | os.O_DIRECTORY)
show(os.rename, 'nope', 'other')
show(os.link, 'nope', 'other')
show(os.symlink, 'f', 'd')
show(os.readlink, 'f')
show(os.chdir, 'nope')
show(os.read, 12345, 1)
show(os.close, 12345)
show(os.fstat, 12345)
show(os.stat, 12345)
show(os.stat, 1.5)
show(os.stat, None)
show(os.stat, [])
show(os.mkdir, None)
show(os.listdir, 1.5)
show(os.rename, 'a', 1)
show(os.rename, 'a', b'b')
show(os.stat, 'a\0b')
show(os.stat, b'a\0b')
show(os.open, 'f', 'r')
show(os.read, 'x', 1)
show(os.write, 1, 'text')
show(os.fspath, 3)
show(os.fspath, None)

class Bad:
    def __fspath__(self):
        return 3
show(os.fspath, Bad())
show(os.stat, Bad())

class Good:
    def __fspath__(self):
        return 'nope'
show(os.stat, Good())
print(os.fspath(Good()), os.fspath(b'b'), os.fspath('s'))

e = OSError(errno.ENOENT, 'No such file or directory', 'x')
print(type(e).__name__, e)
print(os.strerror(errno.EACCES), errno.errorcode[errno.EAGAIN], errno.EWOULDBLOCK == errno.EAGAIN)
print(issubclass(os.error, OSError), os.error is OSError)

os.unlink('f')
os.rmdir('d')
os.chdir('/')
os.rmdir(base)
