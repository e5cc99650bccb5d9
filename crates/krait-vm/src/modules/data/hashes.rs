//! The hash modules `_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3` and
//! `_blake2` (on the RustCrypto crates; BLAKE2 is implemented here because
//! Python exposes its whole parameter block: salt, person, tree parameters).

use super::tname;
use crate::args::bind;
use crate::modules::native::{new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_attr, add_getset, add_method, add_native};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use sha3::digest::{Digest, ExtendableOutput, Update, XofReader};

// ---------------------------------------------------------------- BLAKE2 (RFC 7693)

const SIGMA: [[usize; 16]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

/// The tunable parameters of a BLAKE2 instance.
#[derive(Clone, Default)]
pub struct Blake2Params {
    pub digest_size: usize,
    pub key: Vec<u8>,
    pub salt: Vec<u8>,
    pub person: Vec<u8>,
    pub fanout: u8,
    pub depth: u8,
    pub leaf_size: u32,
    pub node_offset: u64,
    pub node_depth: u8,
    pub inner_size: u8,
    pub last_node: bool,
}

macro_rules! blake2_impl {
    ($name:ident, $w:ty, $bb:expr, $rounds:expr, $r:expr, $iv:expr, $salt:expr, $offbytes:expr) => {
        #[derive(Clone)]
        pub struct $name {
            h: [$w; 8],
            t: u128,
            buf: Vec<u8>,
            out_len: usize,
            last_node: bool,
        }

        impl $name {
            const BLOCK: usize = $bb;
            const IV: [$w; 8] = $iv;

            pub fn new(p: &Blake2Params) -> Self {
                const WB: usize = std::mem::size_of::<$w>();
                let mut pb = [0u8; 8 * WB];
                pb[0] = p.digest_size as u8;
                pb[1] = p.key.len() as u8;
                pb[2] = p.fanout;
                pb[3] = p.depth;
                pb[4..8].copy_from_slice(&p.leaf_size.to_le_bytes());
                pb[8..8 + $offbytes].copy_from_slice(&p.node_offset.to_le_bytes()[..$offbytes]);
                pb[8 + $offbytes] = p.node_depth;
                pb[9 + $offbytes] = p.inner_size;
                let so = 4 * WB;
                pb[so..so + p.salt.len()].copy_from_slice(&p.salt);
                pb[so + $salt..so + $salt + p.person.len()].copy_from_slice(&p.person);
                let mut h = Self::IV;
                for i in 0..8 {
                    let mut b = [0u8; WB];
                    b.copy_from_slice(&pb[i * WB..(i + 1) * WB]);
                    h[i] ^= <$w>::from_le_bytes(b);
                }
                let mut s = $name { h, t: 0, buf: Vec::with_capacity(Self::BLOCK), out_len: p.digest_size, last_node: p.last_node };
                if !p.key.is_empty() {
                    let mut k = p.key.clone();
                    k.resize(Self::BLOCK, 0);
                    s.buf = k;
                }
                s
            }

            fn compress(&mut self, block: &[u8], last: bool) {
                const WB: usize = std::mem::size_of::<$w>();
                let mut m = [0 as $w; 16];
                for i in 0..16 {
                    let mut b = [0u8; WB];
                    b.copy_from_slice(&block[i * WB..(i + 1) * WB]);
                    m[i] = <$w>::from_le_bytes(b);
                }
                let mut v = [0 as $w; 16];
                v[..8].copy_from_slice(&self.h);
                v[8..].copy_from_slice(&Self::IV);
                v[12] ^= self.t as $w;
                v[13] ^= (self.t >> (8 * WB)) as $w;
                if last {
                    v[14] = !v[14];
                    if self.last_node {
                        v[15] = !v[15];
                    }
                }
                let r: [u32; 4] = $r;
                let g = |v: &mut [$w; 16], a: usize, b: usize, c: usize, d: usize, x: $w, y: $w| {
                    v[a] = v[a].wrapping_add(v[b]).wrapping_add(x);
                    v[d] = (v[d] ^ v[a]).rotate_right(r[0]);
                    v[c] = v[c].wrapping_add(v[d]);
                    v[b] = (v[b] ^ v[c]).rotate_right(r[1]);
                    v[a] = v[a].wrapping_add(v[b]).wrapping_add(y);
                    v[d] = (v[d] ^ v[a]).rotate_right(r[2]);
                    v[c] = v[c].wrapping_add(v[d]);
                    v[b] = (v[b] ^ v[c]).rotate_right(r[3]);
                };
                for round in 0..$rounds {
                    let s = &SIGMA[round % 10];
                    g(&mut v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
                    g(&mut v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
                    g(&mut v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
                    g(&mut v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
                    g(&mut v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
                    g(&mut v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
                    g(&mut v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
                    g(&mut v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
                }
                for i in 0..8 {
                    self.h[i] ^= v[i] ^ v[i + 8];
                }
            }

            pub fn update(&mut self, mut data: &[u8]) {
                while !data.is_empty() {
                    if self.buf.len() == Self::BLOCK {
                        let block = std::mem::take(&mut self.buf);
                        self.t = self.t.wrapping_add(Self::BLOCK as u128);
                        self.compress(&block, false);
                        self.buf = block;
                        self.buf.clear();
                    }
                    let take = (Self::BLOCK - self.buf.len()).min(data.len());
                    self.buf.extend_from_slice(&data[..take]);
                    data = &data[take..];
                }
            }

            pub fn finish(&self) -> Vec<u8> {
                let mut s = self.clone();
                s.t = s.t.wrapping_add(s.buf.len() as u128);
                let mut block = std::mem::take(&mut s.buf);
                block.resize(Self::BLOCK, 0);
                s.compress(&block, true);
                let mut out = Vec::with_capacity(8 * std::mem::size_of::<$w>());
                for w in s.h {
                    out.extend_from_slice(&w.to_le_bytes());
                }
                out.truncate(s.out_len);
                out
            }
        }
    };
}

blake2_impl!(
    Blake2b,
    u64,
    128,
    12,
    [32, 24, 16, 63],
    [
        0x6a09e667f3bcc908,
        0xbb67ae8584caa73b,
        0x3c6ef372fe94f82b,
        0xa54ff53a5f1d36f1,
        0x510e527fade682d1,
        0x9b05688c2b3e6c1f,
        0x1f83d9abfb41bd6b,
        0x5be0cd19137e2179
    ],
    16,
    8
);

blake2_impl!(
    Blake2s,
    u32,
    64,
    10,
    [16, 12, 8, 7],
    [0x6A09E667, 0xBB67AE85, 0x3C6EF372, 0xA54FF53A, 0x510E527F, 0x9B05688C, 0x1F83D9AB, 0x5BE0CD19],
    8,
    6
);

// ---------------------------------------------------------------- hash objects

#[derive(Clone)]
enum Engine {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(Blake2b),
    Blake2s(Blake2s),
}

#[derive(Clone)]
struct Hash {
    kind: Kind,
    engine: Engine,
    digest_size: usize,
}

impl NativeData for Hash {}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha3_224,
    Sha3_256,
    Sha3_384,
    Sha3_512,
    Shake128,
    Shake256,
    Blake2b,
    Blake2s,
}

const KINDS: [Kind; 14] = [
    Kind::Md5,
    Kind::Sha1,
    Kind::Sha224,
    Kind::Sha256,
    Kind::Sha384,
    Kind::Sha512,
    Kind::Sha3_224,
    Kind::Sha3_256,
    Kind::Sha3_384,
    Kind::Sha3_512,
    Kind::Shake128,
    Kind::Shake256,
    Kind::Blake2b,
    Kind::Blake2s,
];

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Md5 => "md5",
            Kind::Sha1 => "sha1",
            Kind::Sha224 => "sha224",
            Kind::Sha256 => "sha256",
            Kind::Sha384 => "sha384",
            Kind::Sha512 => "sha512",
            Kind::Sha3_224 => "sha3_224",
            Kind::Sha3_256 => "sha3_256",
            Kind::Sha3_384 => "sha3_384",
            Kind::Sha3_512 => "sha3_512",
            Kind::Shake128 => "shake_128",
            Kind::Shake256 => "shake_256",
            Kind::Blake2b => "blake2b",
            Kind::Blake2s => "blake2s",
        }
    }
    fn module(self) -> &'static str {
        match self {
            Kind::Md5 => "_md5",
            Kind::Sha1 => "_sha1",
            Kind::Sha224 | Kind::Sha256 => "_sha256",
            Kind::Sha384 | Kind::Sha512 => "_sha512",
            Kind::Blake2b | Kind::Blake2s => "_blake2",
            _ => "_sha3",
        }
    }
    fn block_size(self) -> usize {
        match self {
            Kind::Md5 | Kind::Sha1 | Kind::Sha224 | Kind::Sha256 | Kind::Blake2s => 64,
            Kind::Sha384 | Kind::Sha512 | Kind::Blake2b => 128,
            Kind::Sha3_224 => 144,
            Kind::Sha3_256 | Kind::Shake256 => 136,
            Kind::Sha3_384 => 104,
            Kind::Sha3_512 => 72,
            Kind::Shake128 => 168,
        }
    }
    fn digest_size(self) -> usize {
        match self {
            Kind::Md5 => 16,
            Kind::Sha1 => 20,
            Kind::Sha224 | Kind::Sha3_224 => 28,
            Kind::Sha256 | Kind::Sha3_256 | Kind::Blake2s => 32,
            Kind::Sha384 | Kind::Sha3_384 => 48,
            Kind::Sha512 | Kind::Sha3_512 | Kind::Blake2b => 64,
            Kind::Shake128 | Kind::Shake256 => 0,
        }
    }
    fn is_shake(self) -> bool {
        matches!(self, Kind::Shake128 | Kind::Shake256)
    }
    fn engine(self) -> Engine {
        match self {
            Kind::Md5 => Engine::Md5(Default::default()),
            Kind::Sha1 => Engine::Sha1(Default::default()),
            Kind::Sha224 => Engine::Sha224(Default::default()),
            Kind::Sha256 => Engine::Sha256(Default::default()),
            Kind::Sha384 => Engine::Sha384(Default::default()),
            Kind::Sha512 => Engine::Sha512(Default::default()),
            Kind::Sha3_224 => Engine::Sha3_224(Default::default()),
            Kind::Sha3_256 => Engine::Sha3_256(Default::default()),
            Kind::Sha3_384 => Engine::Sha3_384(Default::default()),
            Kind::Sha3_512 => Engine::Sha3_512(Default::default()),
            Kind::Shake128 => Engine::Shake128(Default::default()),
            Kind::Shake256 => Engine::Shake256(Default::default()),
            Kind::Blake2b => Engine::Blake2b(Blake2b::new(&Blake2Params { digest_size: 64, fanout: 1, depth: 1, ..Default::default() })),
            Kind::Blake2s => Engine::Blake2s(Blake2s::new(&Blake2Params { digest_size: 32, fanout: 1, depth: 1, ..Default::default() })),
        }
    }
    fn index(self) -> usize {
        KINDS.iter().position(|k| *k == self).unwrap_or(0)
    }
}

impl Engine {
    fn update(&mut self, d: &[u8]) {
        match self {
            Engine::Md5(h) => Digest::update(h, d),
            Engine::Sha1(h) => Digest::update(h, d),
            Engine::Sha224(h) => Digest::update(h, d),
            Engine::Sha256(h) => Digest::update(h, d),
            Engine::Sha384(h) => Digest::update(h, d),
            Engine::Sha512(h) => Digest::update(h, d),
            Engine::Sha3_224(h) => Digest::update(h, d),
            Engine::Sha3_256(h) => Digest::update(h, d),
            Engine::Sha3_384(h) => Digest::update(h, d),
            Engine::Sha3_512(h) => Digest::update(h, d),
            Engine::Shake128(h) => Update::update(h, d),
            Engine::Shake256(h) => Update::update(h, d),
            Engine::Blake2b(h) => h.update(d),
            Engine::Blake2s(h) => h.update(d),
        }
    }

    fn digest(&self, len: usize) -> Vec<u8> {
        match self {
            Engine::Md5(h) => h.clone().finalize().to_vec(),
            Engine::Sha1(h) => h.clone().finalize().to_vec(),
            Engine::Sha224(h) => h.clone().finalize().to_vec(),
            Engine::Sha256(h) => h.clone().finalize().to_vec(),
            Engine::Sha384(h) => h.clone().finalize().to_vec(),
            Engine::Sha512(h) => h.clone().finalize().to_vec(),
            Engine::Sha3_224(h) => h.clone().finalize().to_vec(),
            Engine::Sha3_256(h) => h.clone().finalize().to_vec(),
            Engine::Sha3_384(h) => h.clone().finalize().to_vec(),
            Engine::Sha3_512(h) => h.clone().finalize().to_vec(),
            Engine::Shake128(h) => {
                let mut out = vec![0u8; len];
                h.clone().finalize_xof().read(&mut out);
                out
            }
            Engine::Shake256(h) => {
                let mut out = vec![0u8; len];
                h.clone().finalize_xof().read(&mut out);
                out
            }
            Engine::Blake2b(h) => h.finish(),
            Engine::Blake2s(h) => h.finish(),
        }
    }
}

static TYPES: [GilSlot; 14] = [const { GilSlot::new() }; 14];

/// The data argument: a bytes-like object (str is refused with CPython's message).
fn hash_data(v: &Value) -> PyResult<Vec<u8>> {
    if v.as_str().is_some() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    super::bytes_like(v).ok_or_else(|| PyErr::type_error("object supporting the buffer API required"))
}

fn this<R>(v: &Value, f: impl FnOnce(&mut Hash) -> R) -> PyResult<R> {
    with_opaque::<Hash, R>(v, f)
        .ok_or_else(|| PyErr::type_error(format!("descriptor requires a hash object but received '{}'", tname(v))))
}

fn h_update(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("update", kw)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("update() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let d = hash_data(&args[1])?;
    this(&args[0], |h| h.engine.update(&d))?;
    Ok(Value::NONE)
}

/// The digest; for SHAKE the `length` argument.
fn digest_of(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<Vec<u8>> {
    let me = super::first(args)?;
    let kind = this(me, |h| h.kind)?;
    if kind.is_shake() {
        let [_, length] = bind(name, args, kw, &["self", "length"])
            .map_err(|_| PyErr::type_error(format!("{}.{name}() takes exactly one argument ({} given)", kind.name(), args.len() - 1)))?;
        let n = vm.index_value(&length.unwrap_or(Value::NONE))?;
        if n < 0 {
            return Err(PyErr::value_error("value must be positive"));
        }
        if n >= (1 << 29) {
            return Err(PyErr::value_error("length is too large"));
        }
        return this(me, |h| h.engine.digest(n as usize));
    }
    crate::args::method_arity(kind.name(), name, args, kw, 1)?;
    this(me, |h| h.engine.digest(h.digest_size))
}

fn h_digest(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bytes(digest_of(vm, "digest", args, kw)?))
}

fn h_hexdigest(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = digest_of(vm, "hexdigest", args, kw)?;
    Ok(Value::string(crate::types::bytes::hex_with_sep(&d, None, 1)))
}

fn h_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = super::first(args)?;
    let h = this(me, |h| h.clone())?;
    Ok(new_opaque(&super::type_of(me), h))
}

fn h_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str(this(super::first(args)?, |h| h.kind.name())?))
}

fn h_digest_size(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(super::first(args)?, |h| h.digest_size)? as i64))
}

fn h_block_size(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(super::first(args)?, |h| h.kind.block_size())? as i64))
}

fn h_capacity(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(1600 - 8 * this(super::first(args)?, |h| h.kind.block_size())? as i64))
}

fn h_rate(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(8 * this(super::first(args)?, |h| h.kind.block_size())? as i64))
}

fn h_suffix(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let shake = this(super::first(args)?, |h| h.kind.is_shake())?;
    Ok(Value::bytes(vec![if shake { 0x1f } else { 0x06 }]))
}

fn hash_type(kind: Kind) -> Value {
    TYPES[kind.index()].get_or_init(|| {
        let cls = new_type(kind.module(), kind.name(), None);
        add_method(&cls, "update", h_update);
        add_method(&cls, "digest", h_digest);
        add_method(&cls, "hexdigest", h_hexdigest);
        add_method(&cls, "copy", h_copy);
        add_method(&cls, "__reduce_ex__", super::zlib::no_pickle);
        add_getset(&cls, "name", h_name, None);
        add_getset(&cls, "digest_size", h_digest_size, None);
        add_getset(&cls, "block_size", h_block_size, None);
        match kind {
            Kind::Sha3_224 | Kind::Sha3_256 | Kind::Sha3_384 | Kind::Sha3_512 | Kind::Shake128 | Kind::Shake256 => {
                add_native(&cls, "__new__", sha3_new, NativeKind::StaticMethod);
                add_getset(&cls, "_capacity_bits", h_capacity, None);
                add_getset(&cls, "_rate_bits", h_rate, None);
                add_getset(&cls, "_suffix", h_suffix, None);
            }
            Kind::Blake2b | Kind::Blake2s => {
                add_native(&cls, "__new__", blake2_new, NativeKind::StaticMethod);
                let (salt, person, key, dig) = if kind == Kind::Blake2b { (16, 16, 64, 64) } else { (8, 8, 32, 32) };
                add_attr(&cls, "SALT_SIZE", Value::int(salt));
                add_attr(&cls, "PERSON_SIZE", Value::int(person));
                add_attr(&cls, "MAX_KEY_SIZE", Value::int(key));
                add_attr(&cls, "MAX_DIGEST_SIZE", Value::int(dig));
            }
            _ => {
                add_native(&cls, "__new__", no_new, NativeKind::StaticMethod);
            }
        }
        cls
    })
}

fn no_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args.first().and_then(kind_of_class).map(|k| format!("{}.{}", k.module(), k.name())).unwrap_or_default();
    Err(PyErr::type_error(format!("cannot create '{name}' instances")))
}

fn new_hash(kind: Kind, cls: Option<&Value>, data: Option<Value>) -> PyResult<Value> {
    let mut h = Hash { kind, engine: kind.engine(), digest_size: kind.digest_size() };
    if let Some(d) = data {
        let d = hash_data(&d)?;
        h.engine.update(&d);
    }
    let cls = match cls {
        Some(c) => c.clone(),
        None => hash_type(kind),
    };
    Ok(new_opaque(&cls, h))
}

/// `md5(string=b'', *, usedforsecurity=True)` and the SHA-1/SHA-2 functions.
fn classic(kind: Kind, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if npos > 1 {
        return Err(PyErr::type_error(format!("{}() takes at most 1 positional argument ({npos} given)", kind.name())));
    }
    let [data, _usedforsecurity] = bind(kind.name(), args, kw, &["string=", "*", "usedforsecurity="])
        .map_err(|e| fix_kw_message(e, kind.name()))?;
    new_hash(kind, None, data)
}

/// `bind` reports unknown keywords as "f() got an unexpected keyword
/// argument 'x'"; the hash constructors say "'x' is an invalid keyword argument for f()".
fn fix_kw_message(e: PyErr, fname: &str) -> PyErr {
    let s = super::exc_message(&e);
    if let Some(s) = s {
        if let Some(rest) = s.split("unexpected keyword argument ").nth(1) {
            return PyErr::type_error(format!("{rest} is an invalid keyword argument for {fname}()"));
        }
    }
    e
}

fn f_md5(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    classic(Kind::Md5, args, kw)
}
fn f_sha1(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    classic(Kind::Sha1, args, kw)
}
fn f_sha224(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    classic(Kind::Sha224, args, kw)
}
fn f_sha256(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    classic(Kind::Sha256, args, kw)
}
fn f_sha384(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    classic(Kind::Sha384, args, kw)
}
fn f_sha512(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    classic(Kind::Sha512, args, kw)
}

/// The kind a class (or one of its Python subclasses) was built for.
fn kind_of_class(cls: &Value) -> Option<Kind> {
    for k in KINDS {
        if let Some(t) = TYPES[k.index()].get() {
            if crate::types::is_subtype(cls, &t) {
                return Some(k);
            }
        }
    }
    None
}

fn sha3_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = super::first(args)?.clone();
    let kind = kind_of_class(&cls).ok_or_else(|| PyErr::type_error("bad sha3 class"))?;
    let [data, _usedforsecurity] = bind(kind.name(), &args[1..], kw, &["data=", "/", "*", "usedforsecurity="])
        .map_err(|e| fix_kw_message(e, kind.name()))?;
    new_hash(kind, Some(&cls), data)
}

fn key_bytes(v: &Option<Value>) -> PyResult<Vec<u8>> {
    match v {
        None => Ok(vec![]),
        Some(v) => super::bytes_like(v)
            .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", tname(v)))),
    }
}

fn blake2_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = super::first(args)?.clone();
    let kind = kind_of_class(&cls).ok_or_else(|| PyErr::type_error("bad blake2 class"))?;
    let big = kind == Kind::Blake2b;
    let (max_salt, max_person, max_key, max_dig) = if big { (16, 16, 64, 64) } else { (8, 8, 32, 32) };
    let [data, digest_size, key, salt, person, fanout, depth, leaf_size, node_offset, node_depth, inner_size, last_node, _ufs] =
        bind(
            kind.name(),
            &args[1..],
            kw,
            &[
                "data=",
                "/",
                "*",
                "digest_size=",
                "key=",
                "salt=",
                "person=",
                "fanout=",
                "depth=",
                "leaf_size=",
                "node_offset=",
                "node_depth=",
                "inner_size=",
                "last_node=",
                "usedforsecurity=",
            ],
        )
        .map_err(|e| fix_kw_message(e, kind.name()))?;
    let int = |vm: &mut Vm, v: &Option<Value>, d: i64| -> PyResult<i64> {
        match v {
            Some(v) => Ok(super::c_int(vm, v)? as i64),
            None => Ok(d),
        }
    };
    let ds = int(vm, &digest_size, max_dig)?;
    if !(1..=max_dig).contains(&ds) {
        return Err(PyErr::value_error(format!("digest_size must be between 1 and {max_dig} bytes")));
    }
    let salt = key_bytes(&salt)?;
    if salt.len() > max_salt {
        return Err(PyErr::value_error(format!("maximum salt length is {max_salt} bytes")));
    }
    let person = key_bytes(&person)?;
    if person.len() > max_person {
        return Err(PyErr::value_error(format!("maximum person length is {max_person} bytes")));
    }
    let fanout = int(vm, &fanout, 1)?;
    if !(0..=255).contains(&fanout) {
        return Err(PyErr::value_error("fanout must be between 0 and 255"));
    }
    let depth = int(vm, &depth, 1)?;
    if !(1..=255).contains(&depth) {
        return Err(PyErr::value_error("depth must be between 1 and 255"));
    }
    let leaf = match &leaf_size {
        Some(v) => {
            let b = super::index_bigint(vm, v)?;
            if b < num_bigint::BigInt::from(0) {
                return Err(PyErr::value_error("value must be positive"));
            }
            num_traits::ToPrimitive::to_u32(&b).ok_or_else(|| PyErr::overflow("leaf_size is too large"))?
        }
        None => 0,
    };
    let off = match &node_offset {
        Some(v) => {
            let b = super::index_bigint(vm, v)?;
            if b < num_bigint::BigInt::from(0) {
                return Err(PyErr::value_error("value must be positive"));
            }
            let o = num_traits::ToPrimitive::to_u64(&b).ok_or_else(|| PyErr::overflow("int too big to convert"))?;
            if !big && o >= (1u64 << 48) {
                return Err(PyErr::overflow("node_offset is too large"));
            }
            o
        }
        None => 0,
    };
    let node_depth = int(vm, &node_depth, 0)?;
    if !(0..=255).contains(&node_depth) {
        return Err(PyErr::value_error("node_depth must be between 0 and 255"));
    }
    let inner = int(vm, &inner_size, 0)?;
    if !(0..=max_dig).contains(&inner) {
        return Err(PyErr::value_error(format!("inner_size must be between 0 and is {max_dig}")));
    }
    let key = key_bytes(&key)?;
    if key.len() > max_key {
        return Err(PyErr::value_error(format!("maximum key length is {max_key} bytes")));
    }
    let last = super::truth(vm, &last_node, false)?;
    let p = Blake2Params {
        digest_size: ds as usize,
        key,
        salt,
        person,
        fanout: fanout as u8,
        depth: depth as u8,
        leaf_size: leaf,
        node_offset: off,
        node_depth: node_depth as u8,
        inner_size: inner as u8,
        last_node: last,
    };
    let engine = if big { Engine::Blake2b(Blake2b::new(&p)) } else { Engine::Blake2s(Blake2s::new(&p)) };
    let mut h = Hash { kind, engine, digest_size: ds as usize };
    if let Some(d) = data {
        let d = hash_data(&d)?;
        h.engine.update(&d);
    }
    Ok(new_opaque(&cls, h))
}

pub fn make_module(_vm: &mut Vm, name: &str) -> Value {
    let m = new_module(name);
    match name {
        "_md5" => {
            add_function(&m, "md5", f_md5);
            set_attr(&m, "MD5Type", hash_type(Kind::Md5));
        }
        "_sha1" => {
            add_function(&m, "sha1", f_sha1);
            set_attr(&m, "SHA1Type", hash_type(Kind::Sha1));
        }
        "_sha256" => {
            add_function(&m, "sha224", f_sha224);
            add_function(&m, "sha256", f_sha256);
            set_attr(&m, "SHA224Type", hash_type(Kind::Sha224));
            set_attr(&m, "SHA256Type", hash_type(Kind::Sha256));
        }
        "_sha512" => {
            add_function(&m, "sha384", f_sha384);
            add_function(&m, "sha512", f_sha512);
            set_attr(&m, "SHA384Type", hash_type(Kind::Sha384));
            set_attr(&m, "SHA512Type", hash_type(Kind::Sha512));
        }
        "_sha3" => {
            for k in [Kind::Sha3_224, Kind::Sha3_256, Kind::Sha3_384, Kind::Sha3_512, Kind::Shake128, Kind::Shake256] {
                set_attr(&m, k.name(), hash_type(k));
            }
            set_attr(&m, "implementation", Value::str("tiny_sha3"));
            set_attr(&m, "keccakopt", Value::int(0));
        }
        _ => {
            set_attr(&m, "blake2b", hash_type(Kind::Blake2b));
            set_attr(&m, "blake2s", hash_type(Kind::Blake2s));
            for (n, v) in [
                ("BLAKE2B_SALT_SIZE", 16),
                ("BLAKE2B_PERSON_SIZE", 16),
                ("BLAKE2B_MAX_KEY_SIZE", 64),
                ("BLAKE2B_MAX_DIGEST_SIZE", 64),
                ("BLAKE2S_SALT_SIZE", 8),
                ("BLAKE2S_PERSON_SIZE", 8),
                ("BLAKE2S_MAX_KEY_SIZE", 32),
                ("BLAKE2S_MAX_DIGEST_SIZE", 32),
            ] {
                set_attr(&m, n, Value::int(v));
            }
        }
    }
    m
}
