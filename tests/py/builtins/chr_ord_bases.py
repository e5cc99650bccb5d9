# chr(), ord(), hex(), oct(), bin() builtins.
print(chr(65), chr(97), chr(48), chr(0x263A), chr(0x1F600), repr(chr(0)), repr(chr(127)), chr(0x10FFFF) == "\U0010ffff")
print(ord("A"), ord("a"), ord("€"), ord("😀"), ord("\n"), ord(b"A"), ord(bytearray(b"z")))
print("".join(chr(ord(c) + 1) for c in "HAL"), [ord(c) for c in "héllo"])
print(hex(0), hex(255), hex(-255), oct(8), oct(-8), bin(5), bin(-5), bin(0), hex(2 ** 64))
print(int(hex(1234), 16), int(oct(1234), 8), int(bin(1234), 2))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a"), lambda: chr(1.5), lambda: ord(""), lambda: ord("ab"), lambda: ord(5), lambda: hex(1.0), lambda: bin("1")]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
alphabet = "".join(chr(c) for c in range(ord("a"), ord("z") + 1))
print(alphabet, alphabet.upper() == "".join(map(chr, range(65, 91))))
print([f"{c}={ord(c):#06x}" for c in "Aé€"])
