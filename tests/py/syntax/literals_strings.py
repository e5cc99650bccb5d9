# String and bytes literal forms and escapes.
print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("tab:\t|newline escaped:\\n|backslash:\\")
print(repr("a\tb\nc\rd\x00e\x7f"))
print("\x41\x42\x43", "\101\102\103", "\u00e9\u4e2d", "\U0001F600")
print(len("\U0001F600"), len("\u00e9"), len("\x00"))
print(r"raw \n stays", R"C:\path\to\file", r'\d+\.\d*')
print(len(r"\n"), len("\n"))
print("implicit " "concatenation " 'of' " literals")
s = ("one "
     "two "
     "three")
print(s)
print("""line1
line2
    indented""")
print('''a\
b''')
print(b"bytes", b'\x00\xff', rb"\x00", br"raw\t", B"upper")
print(repr(b"\n\t\\"), len(b"\xff\xfe"))
print("\a\b\f\v" == "\x07\x08\x0c\x0b")
print("octal:", repr("\0"), repr("\12"))
print(u"unicode prefix", U"UPPER")
print("a" "b" == "ab", "x" * 3 + "y")
print(repr('''single ' and double " quotes'''))
print(repr("only 'single'"), repr('only "double"'))
print(repr("both ' and \""))
