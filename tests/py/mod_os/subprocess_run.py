# subprocess: run, check_output, Popen, pipes, errors.
import subprocess, sys, os

r = subprocess.run(['echo', 'hi'], capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(subprocess.check_output(['printf', 'a\\nb\\n']))
print(subprocess.check_output('echo $((6*7))', shell=True, text=True))
print(subprocess.run(['cat'], input=b'piped input', capture_output=True).stdout)
print(subprocess.run(['sh', '-c', 'echo err >&2; exit 3'], capture_output=True))
print(subprocess.run(['sh', '-c', 'echo out; echo err >&2'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout)
print(subprocess.call(['true']), subprocess.call(['false']))
print(subprocess.run(['pwd'], cwd='/', capture_output=True, text=True).stdout)
print(subprocess.run(['sh', '-c', 'echo $KRAIT_X'], env={'KRAIT_X': 'from env', 'PATH': os.environ['PATH']},
                     capture_output=True, text=True).stdout)
try:
    subprocess.check_call(['sh', '-c', 'exit 2'])
except subprocess.CalledProcessError as e:
    print('CalledProcessError', e.returncode, e)
try:
    subprocess.run(['no-such-program-krait'])
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno, e.filename, e)
try:
    subprocess.run(['ls'], cwd='/nonexistent-krait')
except FileNotFoundError as e:
    print('FileNotFoundError', e.filename)
try:
    subprocess.run(['/etc/passwd'])
except PermissionError as e:
    print('PermissionError', e.errno)

p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b'line 1\nline 2\n')
print(out, err, p.returncode, p.poll(), p.wait())
p = subprocess.Popen(['sh', '-c', 'read x; echo got $x'], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
p.stdin.write('value\n')
p.stdin.close()
print(p.stdout.read(), p.wait())
p.stdout.close()
with subprocess.Popen(['sleep', '10']) as p:
    p.terminate()
print(p.wait())
try:
    subprocess.run(['sleep', '5'], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print('TimeoutExpired', e.cmd)
print(subprocess.getoutput('echo hello; exit 1'), subprocess.getstatusoutput('exit 4'))
r = subprocess.run([sys.executable, '-c', 'import sys; print(len(sys.argv))', 'a', 'b'], capture_output=True, text=True)
print(r.stdout.strip(), r.returncode)
