# codecs: lookup, encode/decode with many codecs, error handlers, aliases.
import codecs

print(codecs.lookup('UTF-8').name, codecs.lookup('latin1').name, codecs.lookup('L1').name,
      codecs.lookup(' utf_16 ').name, codecs.lookup('cp1252').name, codecs.lookup('US-ASCII').name)
ci = codecs.lookup('utf-8')
print(type(ci).__name__, isinstance(ci, tuple), len(ci), ci.encode('hé'), ci.decode(b'h\xc3\xa9'))

text = 'Hello, wörld! ¡€ Ω Ж'
for enc in ['utf-8', 'utf-8-sig', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-be',
            'utf-7', 'latin-1', 'ascii', 'cp1252', 'cp437', 'iso8859_5', 'koi8_r', 'mac_roman',
            'cp850', 'iso8859_15', 'unicode_escape', 'raw_unicode_escape']:
    b = text.encode(enc, 'replace')
    back = b.decode(enc, 'replace')
    print(enc.ljust(18), b, back)

# Error handlers on encode.
for errors in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    print(errors, 'aé€😀b'.encode('ascii', errors), 'aé€b'.encode('latin-1', errors),
          'aé€b'.encode('cp437', errors))

# Error handlers on decode.
for errors in ['ignore', 'replace', 'backslashreplace']:
    print(errors, repr(b'a\xff\xfeb\xc3'.decode('utf-8', errors)), repr(b'a\x80b'.decode('ascii', errors)),
          repr(b'a\x81b'.decode('cp1252', errors)))

# Strict errors carry the details.
try:
    'abc€'.encode('ascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, e.encoding, repr(e.object), e.start, e.end, e.reason)
    print(e)
try:
    b'ab\xe2\x82'.decode('utf-8')
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
    print(e)
try:
    b'\x81'.decode('cp1252')
except UnicodeDecodeError as e:
    print(e)
try:
    'Ω'.encode('koi8_u')
except UnicodeEncodeError as e:
    print(e)

# Unknown names and non-text codecs.
try:
    codecs.lookup('no-such-codec')
except LookupError as e:
    print('LookupError:', e)
try:
    'abc'.encode('no-such-codec')
except LookupError as e:
    print('LookupError:', e)
try:
    'abc'.encode('rot13')
except LookupError as e:
    print('LookupError:', e)
try:
    codecs.lookup_error('no-such-handler')
except LookupError as e:
    print('LookupError:', e)

# Bytes-to-bytes and str-to-str codecs through codecs.encode/decode.
print(codecs.encode('Hello', 'rot13'), codecs.decode('Uryyb', 'rot_13'))
print(codecs.encode(b'hi there', 'hex'), codecs.decode(b'6869', 'hex_codec'))
print(codecs.encode(b'hi there', 'base64'), codecs.decode(b'aGk=\n', 'base64'))
print(codecs.decode(codecs.encode(b'zzzzzzzzzz', 'zlib'), 'zlib'))
try:
    codecs.decode(b'abc', 'hex')
except Exception as e:
    print(type(e).__name__, e)

# BOMs and the UTF-16/32 byte-order handling.
print(codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)
print(b'\xfe\xff\x00a\x00b'.decode('utf-16'), b'\xff\xfea\x00b\x00'.decode('utf-16'),
      b'\x00\x00\xfe\xff\x00\x00\x00a'.decode('utf-32'))
print('\U0001f600'.encode('utf-16-le'), b'=\xd8\x00\xde'.decode('utf-16-le'))
print(codecs.encode('x', 'utf-8-sig'), codecs.decode(b'\xef\xbb\xbfx', 'utf-8-sig'))

# IDNA and punycode.
print('bücher.example'.encode('idna'), b'xn--bcher-kva.example'.decode('idna'))
print('münchen'.encode('punycode'), b'mnchen-3ya'.decode('punycode'))
