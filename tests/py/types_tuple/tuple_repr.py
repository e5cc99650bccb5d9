# repr of tuples of various shapes.
print((), (1,), (1, 2), ((),), ((1,),), (None, True), ("a", 'b"', "c'"), (1.5, -0.0, 1e100))
print(((1, 2), [3, (4,)], {"k": (5,)}), (b"x", bytearray(b"y")), (1j, range(2)))
print(repr(()), str((1,)), repr(tuple("xy")))
l = [1]
t = (l,)
l.append(t)
print(t, l)
class P:
    def __repr__(self):
        return "P()"
print((P(), (P(),)), f"{(1, 2)}", "%s" % ((1, 2),), "{}".format((3,)))
print(str(tuple(range(15))))
