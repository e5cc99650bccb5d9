# bytearray mutation: item/slice assignment, append/extend/insert/pop/remove/clear/reverse.
ba = bytearray(b"hello")
ba[0] = ord("H")
print(ba)
ba.append(33)
ba.extend(b" world")
ba.extend([33, 33])
print(ba, len(ba))
ba.insert(0, ord("<"))
ba.insert(len(ba), ord(">"))
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("!"))
print(ba)
ba[0:5] = b"HOWDY"
print(ba)
ba[5:] = b""
print(ba)
ba[1:1] = b"--"
print(ba)
del ba[0]
del ba[:2]
print(ba)
ba[::2] = b"xz"
print(ba)
ba.reverse()
print(ba)
ba += b"+tail"
ba *= 2
print(ba)
ba.clear()
print(ba, len(ba))
ba = bytearray(b"abc")
ba[1] = 0
print(ba)
for bad_action in [lambda: ba.__setitem__(0, 256), lambda: ba.__setitem__(0, -1), lambda: ba.append(1000),
                   lambda: ba.remove(ord("z")), lambda: bytearray().pop(), lambda: ba.__setitem__(10, 1),
                   lambda: ba.__setitem__(slice(0, 3, 2), b"xyz"), lambda: ba.__setitem__(0, b"x"),
                   lambda: ba.extend("str"), lambda: ba.insert(0, "a")]:
    try:
        bad_action()
        print("no error", ba)
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
alias = ba
ba += b"!"
print(alias is ba, alias)
