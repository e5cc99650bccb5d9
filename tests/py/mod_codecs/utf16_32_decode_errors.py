# bytes.decode for UTF-16/32 with error handlers (one decoder serves bytes.decode and _codecs).
cases = [b'\xff\xfea\x00', b'\xfe\xff\x00a', b'a\x00b', b'\x00\xd8a\x00', b'\x00\xdc', b'\x3d\xd8\x00\xde', b'\x3d\xd8', b'']
for enc in ('utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be'):
    for c in cases + [b'\xff\xfe\x00\x00a\x00\x00\x00', b'\x00\x00\x11\x00', b'a\x00\x00']:
        for err in ('strict', 'ignore', 'replace', 'backslashreplace'):
            try:
                print(enc, c, err, ascii(c.decode(enc, err)))
            except UnicodeDecodeError as e:
                print(enc, c, err, 'UDE', e)
