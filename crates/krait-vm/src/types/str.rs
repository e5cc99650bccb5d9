//! `str`: immutable text as UTF-8 with O(1) code-point indexing.
//!
//! `PyStr` keeps the text, its length in code points, an ASCII flag (ASCII
//! strings index by byte) and, for non-ASCII strings, a lazily built table of
//! byte offsets of every 16th code point, so `s[i]` costs at most 15 steps.
//! The hash is SipHash-1-3 of the UTF-8 bytes, keyed by `PYTHONHASHSEED`,
//! cached in the string.
//!
//! Not yet: lone surrogates (they are replaced by U+FFFD when a literal has them).

use crate::object::{Payload, PyObject};
use crate::types::{types, Types};
use crate::value::Value;
use std::cell::{Cell, OnceCell};
use std::hash::Hasher;

pub struct PyStr {
    s: Box<str>,
    char_len: usize,
    hash: Cell<i64>,
    /// Byte offset of every 16th char (non-ASCII only).
    index: OnceCell<Box<[u32]>>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_string())
    }

    pub fn from_string(s: String) -> PyStr {
        let char_len = if s.is_ascii() { s.len() } else { s.chars().count() };
        PyStr { s: s.into_boxed_str(), char_len, hash: Cell::new(-1), index: OnceCell::new() }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = hash_str(&self.s);
        self.hash.set(h);
        h
    }

    /// Byte offset of code point `i` (`i <= char_len`).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() || i == 0 {
            return i.min(self.s.len());
        }
        if i >= self.char_len {
            return self.s.len();
        }
        let idx = self.index.get_or_init(|| {
            self.s.char_indices().step_by(16).map(|(b, _)| b as u32).collect()
        });
        let start = idx[i / 16] as usize;
        let rest = i % 16;
        match self.s[start..].char_indices().nth(rest) {
            Some((b, _)) => start + b,
            None => self.s.len(),
        }
    }

    /// The code point at index `i` (`i < char_len`).
    pub fn char_at(&self, i: usize) -> char {
        if self.is_ascii() {
            return self.s.as_bytes()[i] as char;
        }
        let b = self.byte_offset(i);
        self.s[b..].chars().next().unwrap()
    }

    /// Substring by code-point range.
    pub fn slice(&self, start: usize, end: usize) -> &str {
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.s[a..b]
    }
}

/// Key of the string hash: from PYTHONHASHSEED when set, else random per process.
fn hash_key() -> (u64, u64) {
    use std::sync::OnceLock;
    static KEY: OnceLock<(u64, u64)> = OnceLock::new();
    *KEY.get_or_init(|| {
        match std::env::var("PYTHONHASHSEED").ok().and_then(|s| s.parse::<u64>().ok()) {
            Some(seed) => (seed, seed.wrapping_mul(0x9E37_79B9_7F4A_7C15)),
            None => {
                let t = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(0);
                let a = &t as *const u64 as u64;
                (t ^ 0x5851_F42D_4C95_7F2D, a.rotate_left(17) ^ std::process::id() as u64)
            }
        }
    })
}

/// The hash of text, as `hash(str)` gives it.
pub fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let (k0, k1) = hash_key();
    let mut h = siphasher::sip::SipHasher13::new_with_keys(k0, k1);
    h.write(s.as_bytes());
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

/// SipHash-1-3 of bytes (for `hash(bytes)`), equal to the str hash of ASCII text.
pub fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let (k0, k1) = hash_key();
    let mut h = siphasher::sip::SipHasher13::new_with_keys(k0, k1);
    h.write(b);
    let v = h.finish() as i64;
    if v == -1 {
        -2
    } else {
        v
    }
}

static INTERNED: crate::gil::GilLazy<std::cell::RefCell<std::collections::HashMap<Box<str>, Value>>> = crate::gil::GilLazy::new(|| std::cell::RefCell::new(std::collections::HashMap::new()));

/// The interned str for `s`: equal names share one object, so dict lookups
/// of identifiers succeed on the identity check. Interned strings live forever.
pub fn intern(s: &str) -> Value {
    if let Some(v) = INTERNED.with(|m| m.borrow().get(s).cloned()) {
        return v;
    }
    let v = Value::str(s);
    INTERNED.with(|m| m.borrow_mut().insert(s.into(), v.clone()));
    v
}

/// Whether `v` is the interned object for its text (`marshal` writes such
/// strings with the "interned" type codes).
pub fn is_interned(v: &Value) -> bool {
    match v.as_pystr_exact() {
        Some(s) => INTERNED.with(|m| m.borrow().get(s.as_str()).map_or(false, |c| c.is(v))),
        None => false,
    }
}

/// Intern an existing exact str value (returns the canonical object).
pub fn intern_value(v: &Value) -> Value {
    match v.as_pystr_exact() {
        Some(s) => {
            if let Some(c) = INTERNED.with(|m| m.borrow().get(s.as_str()).cloned()) {
                return c;
            }
            INTERNED.with(|m| m.borrow_mut().insert(s.as_str().into(), v.clone()));
            v.clone()
        }
        None => v.clone(),
    }
}

impl Value {
    /// A new str.
    pub fn str(s: &str) -> Value {
        if s.is_empty() {
            return types().empty_str.clone();
        }
        Value::from_obj(PyObject::new(types().str.as_obj().unwrap(), Payload::Str(PyStr::new(s))))
    }

    pub fn string(s: String) -> Value {
        if s.is_empty() {
            return types().empty_str.clone();
        }
        Value::from_obj(PyObject::new(types().str.as_obj().unwrap(), Payload::Str(PyStr::from_string(s))))
    }

    /// The string data of a str or str-subclass instance.
    #[inline]
    pub fn as_pystr(&self) -> Option<&PyStr> {
        match &self.as_obj()?.payload {
            Payload::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The string data of an exact `str` (not a subclass instance).
    #[inline]
    pub fn as_pystr_exact(&self) -> Option<&PyStr> {
        let o = self.as_obj()?;
        match &o.payload {
            Payload::Str(s) if std::ptr::eq(o.ty(), types().str.as_obj().unwrap()) => Some(s),
            _ => None,
        }
    }

    /// The text of a str (or subclass).
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        self.as_pystr().map(|s| s.as_str())
    }
}

struct CharCache(Box<[Value]>);
// SAFETY: the cached strs are immortal and only touched under the GIL.
unsafe impl Sync for CharCache {}
unsafe impl Send for CharCache {}
static CHAR_CACHE: std::sync::OnceLock<CharCache> = std::sync::OnceLock::new();

/// A one-character str; Latin-1 characters come from a shared cache (no allocation).
pub fn char_value(c: char) -> Value {
    let cp = c as u32;
    if cp < 256 {
        let cache = CHAR_CACHE.get_or_init(|| {
            CharCache(
                (0u32..256)
                    .map(|i| {
                        let ch = char::from_u32(i).unwrap_or('\0');
                        let mut buf = [0u8; 4];
                        Value::from_obj(PyObject::new(
                            types().str.as_obj().unwrap(),
                            Payload::Str(PyStr::new(ch.encode_utf8(&mut buf))),
                        ))
                    })
                    .collect(),
            )
        });
        return cache.0[cp as usize].clone();
    }
    let mut buf = [0u8; 4];
    Value::str(c.encode_utf8(&mut buf))
}

pub fn init(t: &Types) {
    crate::types::str_methods::init(t);
}
