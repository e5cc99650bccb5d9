# printf-style % formatting.
print("%s is %d years old" % ("Ann", 30))
print("%r %s %a" % ("quote'd", "plain", "é"))
print("%5s|%-5s|%.2s|%5.1s|" % ("ab", "ab", "abcdef", "xyz"))
print("%d %i %5d %-5d| %05d %+d % d" % (42, 42, 42, 42, 42, 42, 42))
print("%x %X %#x %#X %o %#o %08b" if False else "%x %X %#x %#X %o %#o" % (255, 255, 255, 255, 8, 8))
print("%f %.2f %10.3f %-10.1f| %e %.1E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 31415.9, 31415.9, 0.00001, 1e20))
print("%c%c%c" % (72, "i", 33))
print("100%% sure, %d%%" % 50)
print("%(name)s has %(count)d items, %(name)r" % {"name": "Bob", "count": 3})
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 2, 3.14159))
print("%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (1, 2), "%s" % {"k": 1})
print("%d" % 3.99, "%s" % 3.99, "%.0f" % 2.5, "%.0f" % 3.5, "%d" % True)
print("%5.1f%%" % 99.44, "[%-8s]" % "left", "[%8s]" % "right")
print("%s" % None, "%r" % None, "%s" % b"bytes", "%r" % 1j)
errors = [
    ("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", 1), ("%(key)s", (1,)),
    ("%c", 1114112), ("%c", "ab"), ("%", ()), ("%(a)s %s", {"a": 1}),
]
for fmt, args in errors:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(f"{fmt!r} % {args!r}: {type(e).__name__}: {e}")
print("no format" % ())
print("%s" % "only one")
print("%-6s|%6.2f|%+04d" % ("item", 2.5, 7))
