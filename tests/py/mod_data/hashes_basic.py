import _md5, _sha1, _sha256, _sha512, _sha3, _blake2
for mod, names in [(_md5,['md5']),(_sha1,['sha1']),(_sha256,['sha224','sha256']),(_sha512,['sha384','sha512']),(_sha3,['sha3_224','sha3_256','sha3_384','sha3_512']),(_blake2,['blake2b','blake2s'])]:
    for n in names:
        c = getattr(mod, n)
        h = c(b'abc')
        print(n, type(h), type(h).__name__, h.name, h.digest_size, h.block_size, h.hexdigest())
        h2 = h.copy(); h2.update(b'def'); print(h2.hexdigest(), h.hexdigest()[:8])
        print(c(b'x', usedforsecurity=False).hexdigest()[:8], (c(string=b'x').hexdigest()[:8] if mod not in (_sha3,_blake2) else ''))
for n in ['shake_128','shake_256']:
    h = getattr(_sha3, n)(b'abc')
    print(n, h.name, h.digest_size, h.block_size, h.hexdigest(10), h.digest(5))
    try: h.hexdigest()
    except Exception as e: print(type(e).__name__, e)
b = _blake2.blake2b(b'hi', digest_size=20, key=b'k', salt=b's', person=b'p')
print(b.hexdigest(), b.name, b.digest_size)
s = _blake2.blake2s(b'hi', digest_size=16, key=b'key', salt=b'salt', person=b'me')
print(s.hexdigest())
print(_blake2.BLAKE2B_SALT_SIZE, _blake2.BLAKE2B_PERSON_SIZE, _blake2.BLAKE2B_MAX_KEY_SIZE, _blake2.BLAKE2B_MAX_DIGEST_SIZE)
print(_blake2.BLAKE2S_SALT_SIZE, _blake2.BLAKE2S_PERSON_SIZE, _blake2.BLAKE2S_MAX_KEY_SIZE, _blake2.BLAKE2S_MAX_DIGEST_SIZE)
for t in [lambda: _md5.md5('x'), lambda: _md5.md5().update('x'), lambda: _blake2.blake2b(digest_size=65), lambda: _blake2.blake2b(key=b'x'*65),
          lambda: _blake2.blake2b(salt=b'x'*17), lambda: _blake2.blake2s(person=b'x'*9), lambda: _sha256.sha256(1), lambda: _md5.md5(b'a', b'b'),
          lambda: _sha3.shake_128(b'').digest(-1), lambda: _md5.md5(data=b'x'), lambda: _blake2.blake2b(b'x', fanout=2, depth=3).hexdigest()[:8]]:
    try: print(t())
    except Exception as e: print(type(e).__name__, e)
import hashlib, hmac
print(hashlib.sha256(b'x').hexdigest(), hashlib.new('md5', b'y').hexdigest(), hashlib.algorithms_available >= {'md5'})
print(hmac.new(b'key', b'msg', 'sha256').hexdigest())
print(hmac.digest(b'key', b'msg', 'sha1').hex())
print(hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 10).hex())
print(repr(_md5.md5())[:18], _sha3.sha3_256().name)
import hashlib
for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_256', 'blake2b', 'blake2s']:
    h = hashlib.new(n); h.update(b'a' * 1000); h.update(b'b' * 129)
    print(n, h.hexdigest(), h.name, h.digest_size, h.block_size)
print(hashlib.shake_128(b'x' * 200).hexdigest(40))
print(hashlib.blake2b(b'x' * 129, key=b'secret', digest_size=32).hexdigest())
print(hashlib.sha256(memoryview(b'mv')).hexdigest(), hashlib.md5(bytearray(b'ba')).hexdigest())
print(sorted(hashlib.algorithms_guaranteed))
