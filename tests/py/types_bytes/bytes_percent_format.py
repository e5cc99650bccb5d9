# printf-style formatting with bytes.
print(b"%d items" % 5, b"%s and %s" % (b"x", bytearray(b"y")), b"%5d|%-5d|" % (42, 42))
print(b"%x %X %o %#x %c %c" % (255, 255, 8, 255, 65, b"B"), b"%%" % ())
print(b"%.2f %e %g" % (3.14159, 1234.5, 0.0001), b"%r" % "str", b"%a" % "é")
print(b"%(name)s=%(val)d" % {b"name": b"k", b"val": 3})
print(b"%s" % memoryview(b"mv"), b"%b" % b"bee")
for fmt, arg in [(b"%s", "text"), (b"%s", 5), (b"%d", b"1"), (b"%c", 256), (b"%c", b"ab"), (b"%y", 1)]:
    try:
        print(fmt % arg)
    except (TypeError, ValueError, OverflowError) as e:
        print(fmt, type(e).__name__, e)
print(bytearray(b"%d-%d") % (1, 2), type(bytearray(b"%d") % 1).__name__)
