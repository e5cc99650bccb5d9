import unicodedata as ud

print(ud.unidata_version, ud.ucd_3_2_0.unidata_version, type(ud.ucd_3_2_0).__name__)
for c in 'aZ5½€é\u0301 \u2028\u00ad中\uac00\U0001f600':
    print(hex(ord(c)), ud.name(c, '?'), ud.category(c), ud.bidirectional(c), ud.combining(c),
          ud.east_asian_width(c), ud.mirrored(c), repr(ud.decomposition(c)),
          ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None))
print(ud.lookup('LATIN SMALL LETTER A'), ud.lookup('euro sign'), ud.lookup('HANGUL SYLLABLE GAG'),
      ud.lookup('CJK UNIFIED IDEOGRAPH-4E2D'), ud.lookup('BEL'))
for bad in ['NO SUCH NAME', 'x' * 300]:
    try:
        ud.lookup(bad)
    except KeyError as e:
        print('KeyError', e)
for f, arg in [(ud.decimal, 'a'), (ud.digit, 'a'), (ud.numeric, 'a'), (ud.name, '\x00')]:
    try:
        f(arg)
    except ValueError as e:
        print('ValueError', e)
for bad in ['ab', '', 5]:
    try:
        ud.category(bad)
    except TypeError as e:
        print('TypeError', e)
print(ud.numeric('⅓'), ud.numeric('\u0f33'), ud.digit('²'), ud.numeric('万'))
s = 'Ame\u0301lie ﬁ ①'
for form in ['NFC', 'NFD', 'NFKC', 'NFKD']:
    n = ud.normalize(form, s)
    print(form, ascii(n), len(n), ud.is_normalized(form, s), ud.is_normalized(form, n))
try:
    ud.normalize('NFX', 'a')
except ValueError as e:
    print('ValueError', e)
print(ud.ucd_3_2_0.category('\u0221'), ud.category('\u0221'), ud.ucd_3_2_0.name('a'))
print(ascii(ud.ucd_3_2_0.normalize('NFKC', 'ﬁ')))
print(sum(1 for i in range(0x3000) if ud.category(chr(i)) == 'Lu'))
print('\N{GREEK SMALL LETTER ALPHA}', '\N{LATIN CAPITAL LETTER A WITH RING ABOVE}'.encode('unicode_escape'))
