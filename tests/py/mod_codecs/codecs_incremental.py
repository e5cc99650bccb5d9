# Incremental encoders/decoders and the low-level (result, consumed) functions.
import codecs

data = 'a€\U0001f600é'
for enc in ['utf-8', 'utf-16', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-7', 'utf-8-sig', 'cp1252', 'latin-1', 'unicode_escape']:
    b = data.encode(enc, 'ignore')
    dec = codecs.getincrementaldecoder(enc)()
    parts = [dec.decode(b[i:i + 1]) for i in range(len(b))]
    parts.append(dec.decode(b'', final=True))
    enc_ = codecs.getincrementalencoder(enc)('ignore')
    eparts = [enc_.encode(c) for c in data] + [enc_.encode('', final=True)]
    print(enc.ljust(15), parts, b''.join(eparts) == b)

print(codecs.utf_8_decode(b'ab\xe2\x82', 'strict', False))
print(codecs.utf_8_decode(b'ab\xe2\x82', 'replace', True))
print(codecs.utf_8_decode(b'\xf0\x9f\x98', 'strict', False))
print(codecs.utf_8_encode('hé'), codecs.latin_1_encode('hé'), codecs.ascii_decode(b'abc'))
print(codecs.utf_16_le_decode(b'a\x00b', 'strict', False))
print(codecs.utf_16_le_decode(b'a\x00=\xd8', 'strict', False))
print(codecs.utf_16_decode(b'\xff', 'strict', False))
print(codecs.utf_16_ex_decode(b'\xfe\xff\x00a\x00', 'strict', 0, False))
print(codecs.utf_16_ex_decode(b'\xfe', 'strict', 0, False))
print(codecs.utf_16_encode('a'), codecs.utf_16_encode('a', 'strict', 1), codecs.utf_16_be_encode('a'))
print(codecs.utf_32_decode(b'\xff\xfe\x00\x00a\x00\x00', 'strict', False))
print(codecs.utf_32_ex_decode(b'\x00\x00\xfe\xff\x00\x00\x00a', 'strict', 0, True))
print(codecs.utf_7_decode(b'+AGEA', 'strict', False), codecs.utf_7_decode(b'+AGE-x', 'strict', True))
print(codecs.utf_7_encode('Hi Mom -\u263a-!'))
print(codecs.unicode_escape_decode(b'a\\u12', 'strict', False))
print(codecs.unicode_escape_decode(b'\\N{EURO SIGN}\\x41\\101\\t'))
print(codecs.raw_unicode_escape_decode(b'\\u20ac\\x41'), codecs.raw_unicode_escape_encode('\u20ac\xe9'))
print(codecs.escape_encode(b"a'\n\x00\xff"), codecs.escape_decode(b"a\\'\\n\\x00\\377"))
print(codecs.readbuffer_encode(b'abc'), codecs.readbuffer_encode('é'))

# charmap codecs with explicit tables.
table = 'abc' + '\ufffe' * 253
print(codecs.charmap_decode(b'\x00\x02\x01', 'strict', table))
print(codecs.charmap_decode(b'\x00\x05', 'replace', table))
print(codecs.charmap_decode(b'\x00\x01', 'strict', {0: 'x', 1: 0x263a}))
print(codecs.charmap_decode(b'\x00\x01', 'ignore', {0: 'xy'}))
m = codecs.charmap_build('\x00' + 'abc')
print(type(m).__name__, codecs.charmap_encode('cab', 'strict', m))
print(codecs.charmap_encode('abz', 'replace', {ord('a'): 1, ord('b'): b'BB', ord('?'): ord('?')}))
try:
    codecs.charmap_encode('z', 'strict', m)
except UnicodeEncodeError as e:
    print(e)

# iterencode / iterdecode, StreamReader via a BytesIO-like object.
print(list(codecs.iterdecode([b'\xe2', b'\x82\xac', b'x'], 'utf-8')))
print(list(codecs.iterencode(['a', 'é'], 'utf-16')))
