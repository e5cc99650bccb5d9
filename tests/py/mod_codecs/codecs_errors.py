# The error handler callback protocol: register_error/lookup_error.
import codecs

def show(exc):
    kind = type(exc).__name__
    obj = exc.object
    print('  handler got', kind, exc.encoding, repr(obj[exc.start:exc.end]), exc.start, exc.end, exc.reason)
    if isinstance(exc, UnicodeEncodeError):
        return ('<%s>' % ','.join('%x' % ord(c) for c in obj[exc.start:exc.end]), exc.end)
    return ('<%s>' % obj[exc.start:exc.end].hex(), exc.end)

codecs.register_error('show', show)
print(codecs.lookup_error('show') is show)
print('aé€b'.encode('ascii', 'show'))
print('aé€b'.encode('latin-1', 'show'))
print('a€\u0100b'.encode('cp1252', 'show'))
print(b'a\xffb\xc3'.decode('utf-8', 'show'))
print(b'a\x80\x81b'.decode('ascii', 'show'))
print(b'a\x81b'.decode('cp1252', 'show'))
print(b'\x00\xd8a\x00'.decode('utf-16-le', 'show'))

# Returning bytes from an encode handler, and jumping around.
codecs.register_error('bytes', lambda e: (b'##', e.end))
print('x€y€'.encode('ascii', 'bytes'))
codecs.register_error('skip2', lambda e: ('?', min(e.start + 2, len(e.object))))
print('a€€€b'.encode('latin-1', 'skip2'))
codecs.register_error('back', lambda e: ('!', e.end - len(e.object)))
print('ab€cd'.encode('ascii', 'back'))

# Bad handler results.
codecs.register_error('badresult', lambda e: 'nope')
try:
    'é'.encode('ascii', 'badresult')
except TypeError as e:
    print('TypeError:', e)
codecs.register_error('badpos', lambda e: ('', 100))
try:
    'é'.encode('ascii', 'badpos')
except IndexError as e:
    print('IndexError:', e)
# A replacement that is itself unencodable.
codecs.register_error('unenc', lambda e: ('€', e.end))
try:
    'é'.encode('ascii', 'unenc')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)

try:
    codecs.register_error('x', 42)
except TypeError as e:
    print('TypeError:', e)

# The builtin handlers as functions.
e = UnicodeEncodeError('ascii', 'aé€\U0001f600', 1, 4, 'ordinal not in range(128)')
for name in ['ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'namereplace']:
    print(name, codecs.lookup_error(name)(e))
d = UnicodeDecodeError('utf-8', b'a\xff\xfe', 1, 3, 'invalid start byte')
for name in ['ignore', 'replace', 'backslashreplace']:
    print(name, codecs.lookup_error(name)(d))
try:
    codecs.strict_errors(e)
except UnicodeEncodeError as x:
    print('strict raised', x is e)
try:
    codecs.xmlcharrefreplace_errors(d)
except TypeError as x:
    print('TypeError:', x)
try:
    codecs.replace_errors(ValueError('x'))
except TypeError as x:
    print('TypeError:', x)
print(codecs.lookup_error('strict'), codecs.lookup_error('ignore').__name__)
print(str(UnicodeEncodeError('ascii', 'abc', 0, 3, 'bad')), str(UnicodeDecodeError('ascii', b'\xff', 0, 1, 'bad')))
