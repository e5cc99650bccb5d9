//! Subjects of matching: a str or bytes-like object seen as a slice of
//! characters (`u8` when every character fits, `u32` otherwise).
//!
//! ASCII strs and bytes are matched in place; other strs are decoded once
//! (and the last few decodings are cached, so `pattern.match(s, pos)` in a
//! loop over the same long string does not decode it every time).

use crate::object::Payload;
use crate::types::bytes::buffer_bytes;
use crate::value::Value;
use std::cell::UnsafeCell;
use std::rc::Rc;

/// A decoded copy of a subject.
pub enum Owned {
    Narrow(Vec<u8>),
    Wide(Vec<u32>),
}

/// The characters of a subject.
pub enum View<'a> {
    N(&'a [u8]),
    W(&'a [u32]),
}

/// A subject: the object and, when it cannot be read in place, its decoding.
pub struct Text {
    pub src: Value,
    owned: Option<Rc<Owned>>,
    pub isbytes: bool,
    pub len: usize,
}

struct DecodeCache(UnsafeCell<Vec<(Value, Rc<Owned>)>>);

// SAFETY: only used by the thread holding the GIL (every caller has `&mut Vm`).
unsafe impl Sync for DecodeCache {}

static CACHE: DecodeCache = DecodeCache(UnsafeCell::new(Vec::new()));
const CACHE_SIZE: usize = 4;
/// Strings shorter than this are decoded every time (cheap; keeps the cache for big ones).
const CACHE_MIN_LEN: usize = 64;

fn decode(s: &str) -> Owned {
    if s.chars().all(|c| (c as u32) < 256) {
        Owned::Narrow(s.chars().map(|c| c as u32 as u8).collect())
    } else {
        Owned::Wide(s.chars().map(|c| c as u32).collect())
    }
}

fn decode_cached(v: &Value, s: &str) -> Rc<Owned> {
    if s.len() < CACHE_MIN_LEN {
        return Rc::new(decode(s));
    }
    // SAFETY: see DecodeCache; no Python code runs while the cache is borrowed.
    let cache = unsafe { &mut *CACHE.0.get() };
    if let Some(i) = cache.iter().position(|(k, _)| k.is(v)) {
        let e = cache.remove(i);
        let o = e.1.clone();
        cache.push(e);
        return o;
    }
    let o = Rc::new(decode(s));
    if cache.len() >= CACHE_SIZE {
        let old = cache.remove(0);
        // Dropping a str runs no Python code.
        drop(old);
    }
    cache.push((v.clone(), o.clone()));
    o
}

impl Text {
    /// The subject `v`, or None if it is neither a str nor bytes-like.
    pub fn new(v: &Value) -> Option<Text> {
        let o = v.as_obj()?;
        match &o.payload {
            Payload::Str(s) => {
                let len = s.char_len();
                let owned = if s.is_ascii() { None } else { Some(decode_cached(v, s.as_str())) };
                Some(Text { src: v.clone(), owned, isbytes: false, len })
            }
            Payload::Bytes(b) => Some(Text { src: v.clone(), owned: None, isbytes: true, len: b.len() }),
            Payload::ByteArray(_) | Payload::MemoryView(_) => {
                let b = buffer_bytes(v)?;
                let len = b.len();
                Some(Text { src: v.clone(), owned: Some(Rc::new(Owned::Narrow(b))), isbytes: true, len })
            }
            _ => None,
        }
    }

    pub fn view(&self) -> View<'_> {
        match &self.owned {
            Some(o) => match &**o {
                Owned::Narrow(v) => View::N(v),
                Owned::Wide(v) => View::W(v),
            },
            None => match self.src.as_obj().map(|o| &o.payload) {
                Some(Payload::Str(s)) => View::N(s.as_str().as_bytes()),
                Some(Payload::Bytes(b)) => View::N(b),
                _ => View::N(&[]),
            },
        }
    }

    /// `string[a:b]` as the engine's results give it (exact str or bytes).
    pub fn slice(&self, a: usize, b: usize) -> Value {
        slice_value(&self.src, a, b)
    }

    /// An empty str or bytes, like the subject.
    pub fn empty(&self) -> Value {
        if self.isbytes {
            Value::bytes(Vec::new())
        } else {
            Value::str("")
        }
    }
}

/// `string[a:b]` of a str or bytes-like object by character positions
/// (clamped), as an exact str or bytes; the object itself when it is an
/// exact str/bytes and the range covers it.
pub fn slice_value(v: &Value, a: usize, b: usize) -> Value {
    let t = crate::types::types();
    let Some(o) = v.as_obj() else { return Value::NONE };
    match &o.payload {
        Payload::Str(s) => {
            let n = s.char_len();
            let (a, b) = (a.min(n), b.min(n));
            let b = b.max(a);
            if a == 0 && b == n && std::ptr::eq(o.ty(), t.str.as_obj().unwrap_or(o)) {
                return v.clone();
            }
            Value::str(s.slice(a, b))
        }
        Payload::Bytes(bs) => {
            let n = bs.len();
            let (a, b) = (a.min(n), b.min(n));
            let b = b.max(a);
            if a == 0 && b == n && std::ptr::eq(o.ty(), t.bytes.as_obj().unwrap_or(o)) {
                return v.clone();
            }
            Value::bytes(bs[a..b].to_vec())
        }
        Payload::ByteArray(ba) => {
            let ba = ba.borrow();
            let n = ba.len();
            let (a, b) = (a.min(n), b.min(n));
            let b = b.max(a);
            Value::bytes(ba[a..b].to_vec())
        }
        _ => {
            let bs = buffer_bytes(v).unwrap_or_default();
            let n = bs.len();
            let (a, b) = (a.min(n), b.min(n));
            let b = b.max(a);
            Value::bytes(bs[a..b].to_vec())
        }
    }
}

/// Whether a replacement template contains a backslash (None: not a string).
pub fn has_backslash(v: &Value) -> Option<bool> {
    let o = v.as_obj()?;
    match &o.payload {
        Payload::Str(s) => Some(s.as_str().contains('\\')),
        Payload::Bytes(b) => Some(b.contains(&b'\\')),
        Payload::ByteArray(b) => Some(b.borrow().contains(&b'\\')),
        Payload::MemoryView(_) => buffer_bytes(v).map(|b| b.contains(&b'\\')),
        _ => None,
    }
}
