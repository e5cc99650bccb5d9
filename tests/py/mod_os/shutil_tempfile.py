# tempfile + shutil + glob + pathlib on a scratch tree.
import os, shutil, tempfile, glob, pathlib, stat

with tempfile.TemporaryDirectory() as tmp:
    os.chdir(tmp)
    os.makedirs('src/a/b')
    for name, text in [('src/one.txt', 'one\n'), ('src/a/two.txt', 'two\n'), ('src/a/b/three.py', 'print(3)\n')]:
        with open(name, 'w') as f:
            f.write(text)
    os.chmod('src/one.txt', 0o640)
    print(sorted(glob.glob('src/*')))
    print(sorted(glob.glob('src/**/*.txt', recursive=True)))
    print(sorted(glob.glob('**/*.py', recursive=True)), glob.glob('nothing*'))
    print(sorted(glob.iglob(os.path.join('src', 'a', '*'))))

    shutil.copy('src/one.txt', 'copy.txt')
    print(open('copy.txt').read(), oct(stat.S_IMODE(os.stat('copy.txt').st_mode)))
    shutil.copy2('src/one.txt', 'copy2.txt')
    print(os.stat('copy2.txt').st_mtime_ns == os.stat('src/one.txt').st_mtime_ns)
    shutil.copyfile('src/a/two.txt', 'two.txt')
    shutil.copytree('src', 'dst')
    print(sorted(os.path.relpath(os.path.join(r, f), 'dst') for r, _, fs in os.walk('dst') for f in fs))
    shutil.move('two.txt', 'dst/moved.txt')
    print(os.path.exists('two.txt'), os.path.exists('dst/moved.txt'))
    shutil.rmtree('dst')
    print(os.path.exists('dst'))
    try:
        shutil.rmtree('nope')
    except FileNotFoundError as e:
        print('FileNotFoundError', e.filename)
    usage = shutil.disk_usage('.')
    print(usage.total >= usage.used, usage.free > 0)
    print(shutil.which('sh') is not None, shutil.which('no-such-program-krait'))
    print(tuple(shutil.get_terminal_size((81, 25))) != ())

    p = pathlib.Path('src')
    print(p, repr(p), p / 'a' / 'two.txt', p.is_dir(), (p / 'one.txt').is_file())
    print(sorted(str(x) for x in p.iterdir()))
    print(sorted(str(x) for x in p.glob('**/*.txt')))
    print(sorted(str(x) for x in p.rglob('*.py')))
    q = p / 'new.txt'
    q.write_text('hello\n')
    print(q.read_text(), q.stat().st_size, q.suffix, q.stem, q.name, q.parent)
    q.rename(p / 'renamed.txt')
    print(q.exists(), (p / 'renamed.txt').exists())
    (p / 'renamed.txt').unlink()
    (p / 'x' / 'y').mkdir(parents=True)
    print((p / 'x' / 'y').is_dir(), pathlib.Path('src/a/../one.txt').resolve() == pathlib.Path(tmp, 'src/one.txt').resolve())
    print(pathlib.PurePosixPath('/a/b/c.tar.gz').suffixes, pathlib.Path('a/b').parts)

    with tempfile.NamedTemporaryFile('w+', dir='.', suffix='.log', delete=False) as f:
        f.write('log line\n')
        name = os.path.basename(f.name)
    print(name.endswith('.log'), os.path.exists(name))
    os.unlink(name)
    with tempfile.TemporaryFile() as f:
        f.write(b'abc')
        f.seek(0)
        print(f.read())
    fd, path = tempfile.mkstemp(prefix='pre', dir='.')
    os.write(fd, b'data')
    os.close(fd)
    print(os.path.basename(path).startswith('pre'), os.path.getsize(path))
    d = tempfile.mkdtemp(dir='.')
    print(os.path.isdir(d))
    os.chdir('/')
print(os.path.exists(tmp))
