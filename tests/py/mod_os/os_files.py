# Everyday os file operations in a scratch directory.
import os, stat

base = os.path.join('/tmp', 'krait_os_files_%d' % os.getpid())
os.mkdir(base)
os.chdir(base)

fd = os.open('a.txt', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b'hello world\n'), os.get_inheritable(fd))
os.close(fd)
fd = os.open('a.txt', os.O_RDONLY)
print(os.read(fd, 5), os.lseek(fd, 0, os.SEEK_CUR), os.fstat(fd).st_size)
print(os.pread(fd, 5, 6), os.lseek(fd, 0, os.SEEK_END))
os.close(fd)

with open('a.txt', 'a') as f:
    f.write('more\n')
print(os.path.getsize('a.txt'), os.path.isfile('a.txt'), os.path.isdir('a.txt'))

os.mkdir('sub')
os.makedirs('sub/deep/er', exist_ok=True)
os.symlink('a.txt', 'lnk')
print(os.readlink('lnk'), os.readlink(b'lnk'), os.path.islink('lnk'))
print(sorted(os.listdir('.')), sorted(os.listdir(b'.')))
for e in sorted(os.scandir('.'), key=lambda e: e.name):
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_file(follow_symlinks=False), stat.filemode(e.stat(follow_symlinks=False).st_mode)[0],
          e.inode() == os.lstat(e.name).st_ino)
with os.scandir(b'.') as it:
    print(sorted(e.name for e in it))
with os.scandir() as it:
    print(sorted(e.path for e in it))

st = os.stat('a.txt')
print(type(st).__name__, len(st), st[stat.ST_SIZE], st.st_size, type(st.st_mtime).__name__, type(st[8]).__name__)
print(stat.S_ISLNK(os.lstat('lnk').st_mode), stat.S_ISREG(os.stat('lnk').st_mode), stat.S_ISDIR(os.stat('sub').st_mode))
os.chmod('a.txt', 0o600)
print(oct(stat.S_IMODE(os.stat('a.txt').st_mode)), stat.filemode(os.stat('a.txt').st_mode))
os.utime('a.txt', (1000000000, 1000000000.5))
st = os.stat('a.txt')
print(st.st_atime, st.st_mtime, st.st_mtime_ns, st[8])
os.utime('a.txt', ns=(5, 1500000000))
print(os.stat('a.txt').st_mtime_ns, os.path.getmtime('a.txt'))

os.rename('a.txt', 'b.txt')
print(os.path.exists('a.txt'), os.path.exists('b.txt'), os.path.lexists('lnk'), os.path.exists('lnk'))
os.link('b.txt', 'c.txt')
print(os.stat('c.txt').st_nlink, os.path.samefile('b.txt', 'c.txt'))
os.truncate('c.txt', 3)
print(os.stat('b.txt').st_size)
os.replace('c.txt', 'd.txt')
print(sorted(os.listdir('.')))

# dir_fd and fd based calls
dfd = os.open('sub', os.O_RDONLY | os.O_DIRECTORY)
fd = os.open('in_sub.txt', os.O_CREAT | os.O_WRONLY, 0o600, dir_fd=dfd)
os.write(fd, b'xyz')
os.close(fd)
print(sorted(os.listdir(dfd)), os.stat('in_sub.txt', dir_fd=dfd).st_size)
print(sorted((e.name, e.path, e.is_dir()) for e in os.scandir(dfd)))
os.rename('in_sub.txt', 'moved.txt', src_dir_fd=dfd, dst_dir_fd=dfd)
os.unlink('moved.txt', dir_fd=dfd)
os.close(dfd)

for root, dirs, files in sorted(os.walk('.')):
    print(root, sorted(dirs), sorted(files))
for root, dirs, files, rootfd in os.fwalk('sub'):
    print(root, sorted(dirs), sorted(files), type(rootfd).__name__)

print(os.access('b.txt', os.R_OK), os.access('nope', os.F_OK))
os.removedirs('sub/deep/er')
for n in ['lnk', 'b.txt', 'd.txt']:
    os.remove(n)
print(os.listdir('.'))
os.chdir('/')
os.rmdir(base)
print(os.path.exists(base))
