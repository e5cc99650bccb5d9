import sys, io
print(type(sys.stdout).__name__, sys.stdout.name, sys.stdout.mode, sys.stdout.encoding)
print(sys.stderr.errors, sys.stdin.mode, sys.stdin.name, sys.stdin.errors == sys.stdout.errors)
print(sys.stdout.buffer.name, sys.stdin.buffer.name, sys.stdin.buffer.raw.closefd, type(sys.stdin.buffer).__name__)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno(), sys.stdout.writable(), sys.stdin.readable())
print(sys.__stdout__ is sys.stdout, isinstance(sys.stdout, io.TextIOBase))
sys.stdout.write('direct write\n')
sys.stdout.flush()
sys.stdout.buffer.write(b'via buffer\n')
sys.stdout.buffer.flush()
print('after buffer', flush=True)
print('a', 'b', sep='', end='!\n')
old = sys.stdout
sys.stdout = io.StringIO()
print('captured', 1, 2)
captured = sys.stdout.getvalue()
sys.stdout = old
print(repr(captured))
print('to stderr', file=sys.stderr)
sys.stdout = None
print('nothing')
sys.stdout = old
print(repr(sys.stdin.read()))
print(sys.stdout.newlines)
