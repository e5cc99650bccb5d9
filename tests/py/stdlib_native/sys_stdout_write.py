# Writing directly to sys.stdout; print and write interleave in order.
import sys
n = sys.stdout.write("written with sys.stdout.write\n")
print("write returned", n)
sys.stdout.write("no newline;")
sys.stdout.write(" continued\n")
print("print after write")
sys.stdout.writelines(["line A\n", "line B\n"])
sys.stderr.write("stderr is not compared\n")
print(sys.stdout.writable(), sys.stdout.isatty() in (True, False))
sys.stdout.flush()
try:
    sys.stdout.write(42)
except TypeError as e:
    print(type(e).__name__, e)
class Upper:
    def __init__(self, stream):
        self.stream = stream
    def write(self, text):
        return self.stream.write(text.upper())
    def flush(self):
        self.stream.flush()
original = sys.stdout
sys.stdout = Upper(original)
print("redirected through a wrapper")
sys.stdout = original
print("restored")
print("unicode: ünïcödé ✓ 😀")
