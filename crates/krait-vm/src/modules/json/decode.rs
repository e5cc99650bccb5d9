//! JSON decoding: `scanstring` and the `Scanner` type (`make_scanner`).
//!
//! The parser walks the UTF-8 bytes of the document. Every structural
//! character is ASCII, so byte positions of structural characters are char
//! boundaries; only positions handed back to Python are converted to
//! code-point indices (`Doc::char_of`). Object keys are interned per call
//! through a memo keyed by the key text, so repeated keys share one str
//! object (and its cached hash), as CPython's memo dict does.

use super::tname;
use crate::args::bind;
use crate::modules::native::native_data;
use crate::object::{new_opaque, with_opaque};
use crate::types::dict::DictData;
use crate::types::{add_getset, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small fast hasher for the key memo (FxHash-style).
#[derive(Default)]
pub(super) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            h = (h.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
        self.0 = h;
    }
    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The document being decoded.
struct Doc<'a> {
    text: &'a str,
    b: &'a [u8],
    /// The str object (for JSONDecodeError's `doc`).
    obj: &'a Value,
    ascii: bool,
}

impl<'a> Doc<'a> {
    fn new(obj: &'a Value) -> Option<Doc<'a>> {
        let ps = obj.as_pystr()?;
        let text = ps.as_str();
        Some(Doc { text, b: text.as_bytes(), obj, ascii: ps.is_ascii() })
    }

    /// Code-point index of byte offset `byte`.
    fn char_of(&self, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let byte = byte.min(self.b.len());
        self.b[..byte].iter().filter(|&&c| (c & 0xC0) != 0x80).count()
    }

    /// Byte offset of code-point index `i` (`i <= char_len`).
    fn byte_of(&self, i: usize) -> usize {
        match self.obj.as_pystr() {
            Some(ps) => ps.byte_offset(i),
            None => i,
        }
    }

    fn err(&self, vm: &mut Vm, msg: &str, byte: usize) -> PyErr {
        let pos = self.char_of(byte) as i64;
        decode_error(vm, msg, self.obj, pos)
    }

    fn stop(&self, byte: usize) -> PyErr {
        PyErr::stop_iteration(Value::int(self.char_of(byte) as i64))
    }

    /// Decode the string whose body starts at byte `start` (just after the
    /// opening quote). Returns the text and the byte just after the closing quote.
    fn scan_string(&self, vm: &mut Vm, start: usize, strict: bool) -> PyResult<(Cow<'a, str>, usize)> {
        let b = self.b;
        let len = b.len();
        let mut i = start;
        // Fast path: no escapes.
        loop {
            if i >= len {
                return Err(self.unterminated(vm, start));
            }
            let c = b[i];
            if c == b'"' {
                return Ok((Cow::Borrowed(&self.text[start..i]), i + 1));
            }
            if c == b'\\' {
                break;
            }
            if c < 0x20 && strict {
                return Err(self.err(vm, "Invalid control character at", i));
            }
            i += 1;
        }
        let mut out = String::with_capacity(i - start + 16);
        out.push_str(&self.text[start..i]);
        loop {
            // b[i] is a backslash.
            i += 1;
            if i >= len {
                return Err(self.unterminated(vm, start));
            }
            let c = b[i];
            if c != b'u' {
                let ch = match c {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\x08',
                    b'f' => '\x0c',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => return Err(self.err(vm, "Invalid \\escape", i - 1)),
                };
                out.push(ch);
                i += 1;
            } else {
                let end = i + 5;
                if end >= len {
                    return Err(self.err(vm, "Invalid \\uXXXX escape", i));
                }
                let Some(mut cp) = hex4(&b[i + 1..end]) else {
                    return Err(self.err(vm, "Invalid \\uXXXX escape", i));
                };
                i = end;
                if (0xD800..0xDC00).contains(&cp) && end + 6 < len && b[end] == b'\\' && b[end + 1] == b'u' {
                    let Some(c2) = hex4(&b[end + 2..end + 6]) else {
                        return Err(self.err(vm, "Invalid \\uXXXX escape", end + 1));
                    };
                    if (0xDC00..0xE000).contains(&c2) {
                        cp = 0x10000 + (((cp - 0xD800) << 10) | (c2 - 0xDC00));
                        i = end + 6;
                    }
                }
                // Lone surrogates cannot be represented: U+FFFD stands in.
                out.push(char::from_u32(cp).unwrap_or('\u{FFFD}'));
            }
            let run = i;
            loop {
                if i >= len {
                    return Err(self.unterminated(vm, start));
                }
                let c = b[i];
                if c == b'"' {
                    out.push_str(&self.text[run..i]);
                    return Ok((Cow::Owned(out), i + 1));
                }
                if c == b'\\' {
                    out.push_str(&self.text[run..i]);
                    break;
                }
                if c < 0x20 && strict {
                    return Err(self.err(vm, "Invalid control character at", i));
                }
                i += 1;
            }
        }
    }

    fn unterminated(&self, vm: &mut Vm, start: usize) -> PyErr {
        let pos = self.char_of(start) as i64 - 1;
        decode_error(vm, "Unterminated string starting at", self.obj, pos)
    }
}

fn hex4(h: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &d in h {
        let x = match d {
            b'0'..=b'9' => d - b'0',
            b'a'..=b'f' => d - b'a' + 10,
            b'A'..=b'F' => d - b'A' + 10,
            _ => return None,
        };
        v = (v << 4) | x as u32;
    }
    Some(v)
}

/// `json.decoder.JSONDecodeError(msg, doc, pos)`.
fn decode_error(vm: &mut Vm, msg: &str, doc: &Value, pos: i64) -> PyErr {
    let m = match crate::import::import_module(vm, "json.decoder") {
        Ok(m) => m,
        Err(e) => return e,
    };
    let cls = match vm.getattr_str(&m, "JSONDecodeError") {
        Ok(c) => c,
        Err(e) => return e,
    };
    match vm.call(&cls, &[Value::str(msg), doc.clone(), Value::int(pos)]) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// `scanstring(string, end, strict=True)` -> (str, end).
pub fn scanstring(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("scanstring() takes no keyword arguments"));
    }
    if args.len() < 2 || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "scanstring() takes at {} 2 arguments ({} given)",
            if args.len() < 2 { "least" } else { "most" },
            args.len()
        )));
    }
    let end = vm.index_value(&args[1])?;
    let strict = if args.len() > 2 { vm.truthy(&args[2])? } else { true };
    let Some(doc) = Doc::new(&args[0]) else {
        return Err(PyErr::type_error(format!("first argument must be a string, not {:.80}", tname(&args[0]))));
    };
    let nchars = args[0].as_pystr().map_or(0, |p| p.char_len());
    if end < 0 || end as usize > nchars {
        return Err(PyErr::value_error("end is out of bounds"));
    }
    let start = doc.byte_of(end as usize);
    let (s, next) = doc.scan_string(vm, start, strict)?;
    let sv = match s {
        Cow::Borrowed(t) => Value::str(t),
        Cow::Owned(t) => Value::string(t),
    };
    Ok(Value::tuple(vec![sv, Value::int(doc.char_of(next) as i64)]))
}

// ------------------------------------------------------------------ Scanner

#[derive(Clone)]
struct ScannerState {
    strict: bool,
    object_hook: Value,
    pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
}

native_data!(ScannerState, object_hook, pairs_hook, parse_float, parse_int, parse_constant);

/// `make_scanner(context)`.
pub fn scanner_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [ctx] = bind("make_scanner", &args[1..], kw, &["context"])?;
    let ctx = ctx.unwrap_or(Value::NONE);
    let strict = vm.getattr_str(&ctx, "strict")?;
    let strict = vm.truthy(&strict)?;
    let object_hook = vm.getattr_str(&ctx, "object_hook")?;
    let pairs_hook = vm.getattr_str(&ctx, "object_pairs_hook")?;
    let parse_float = vm.getattr_str(&ctx, "parse_float")?;
    let parse_int = vm.getattr_str(&ctx, "parse_int")?;
    let parse_constant = vm.getattr_str(&ctx, "parse_constant")?;
    let st = ScannerState { strict, object_hook, pairs_hook, parse_float, parse_int, parse_constant };
    Ok(new_opaque(&args[0], st))
}

fn state(v: &Value) -> PyResult<ScannerState> {
    with_opaque::<ScannerState, _>(v, |s| s.clone())
        .ok_or_else(|| PyErr::type_error("descriptor requires a '_json.Scanner' object"))
}

macro_rules! scanner_member {
    ($f:ident, $field:ident) => {
        fn $f(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            Ok(state(&args[0])?.$field.clone())
        }
    };
}
scanner_member!(get_object_hook, object_hook);
scanner_member!(get_pairs_hook, pairs_hook);
scanner_member!(get_parse_float, parse_float);
scanner_member!(get_parse_int, parse_int);
scanner_member!(get_parse_constant, parse_constant);

fn get_strict(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(state(&args[0])?.strict))
}

pub fn add_members(cls: &Value) {
    add_getset(cls, "strict", get_strict, None);
    add_getset(cls, "object_hook", get_object_hook, None);
    add_getset(cls, "object_pairs_hook", get_pairs_hook, None);
    add_getset(cls, "parse_float", get_parse_float, None);
    add_getset(cls, "parse_int", get_parse_int, None);
    add_getset(cls, "parse_constant", get_parse_constant, None);
}

type Memo<'a> = HashMap<Cow<'a, str>, Value, BuildHasherDefault<FxHasher>>;

struct Parser<'a> {
    doc: Doc<'a>,
    strict: bool,
    object_hook: Option<Value>,
    pairs_hook: Option<Value>,
    /// None: the builtin `float`/`int` (parsed natively).
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Value,
    memo: Memo<'a>,
}

#[inline]
fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

impl<'a> Parser<'a> {
    /// Parse one value starting at byte `i`: (value, byte after it).
    fn scan(&mut self, vm: &mut Vm, i: usize) -> PyResult<(Value, usize)> {
        let b = self.doc.b;
        if i >= b.len() {
            return Err(self.doc.stop(i));
        }
        match b[i] {
            b'"' => {
                let (s, end) = self.doc.scan_string(vm, i + 1, self.strict)?;
                let v = match s {
                    Cow::Borrowed(t) => Value::str(t),
                    Cow::Owned(t) => Value::string(t),
                };
                return Ok((v, end));
            }
            b'{' => {
                vm.enter_call()?;
                let r = self.parse_object(vm, i + 1);
                vm.leave_call();
                return r;
            }
            b'[' => {
                vm.enter_call()?;
                let r = self.parse_array(vm, i + 1);
                vm.leave_call();
                return r;
            }
            b'n' if b[i..].starts_with(b"null") => return Ok((Value::NONE, i + 4)),
            b't' if b[i..].starts_with(b"true") => return Ok((Value::TRUE, i + 4)),
            b'f' if b[i..].starts_with(b"false") => return Ok((Value::FALSE, i + 5)),
            b'N' if b[i..].starts_with(b"NaN") => return self.constant(vm, "NaN", i),
            b'I' if b[i..].starts_with(b"Infinity") => return self.constant(vm, "Infinity", i),
            b'-' if b[i..].starts_with(b"-Infinity") => return self.constant(vm, "-Infinity", i),
            _ => {}
        }
        self.number(vm, i)
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, i: usize) -> PyResult<(Value, usize)> {
        let f = self.parse_constant.clone();
        let v = vm.call(&f, &[Value::str(name)])?;
        Ok((v, i + name.len()))
    }

    fn key(&mut self, k: Cow<'a, str>) -> Value {
        if let Some(v) = self.memo.get(&*k) {
            return v.clone();
        }
        let v = Value::str(&k);
        self.memo.insert(k, v.clone());
        v
    }

    fn parse_object(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let b = self.doc.b;
        let len = b.len();
        let mut i = skip_ws(b, start);
        let pairs_mode = self.pairs_hook.is_some();
        let mut dd = DictData::new();
        let mut pairs: Vec<Value> = Vec::new();
        if i >= len || b[i] != b'}' {
            loop {
                if i >= len || b[i] != b'"' {
                    return Err(self.doc.err(vm, "Expecting property name enclosed in double quotes", i));
                }
                let (k, next) = self.doc.scan_string(vm, i + 1, self.strict)?;
                let key = self.key(k);
                i = skip_ws(b, next);
                if i >= len || b[i] != b':' {
                    return Err(self.doc.err(vm, "Expecting ':' delimiter", i));
                }
                i = skip_ws(b, i + 1);
                let (val, next) = self.scan(vm, i)?;
                if pairs_mode {
                    pairs.push(Value::tuple(vec![key, val]));
                } else {
                    let h = key.as_pystr().map_or(0, |s| s.hash());
                    dd.set_native(key, h, val);
                }
                i = skip_ws(b, next);
                if i < len && b[i] == b'}' {
                    break;
                }
                if i >= len || b[i] != b',' {
                    return Err(self.doc.err(vm, "Expecting ',' delimiter", i));
                }
                i = skip_ws(b, i + 1);
            }
        }
        let end = i + 1;
        if let Some(h) = self.pairs_hook.clone() {
            return Ok((vm.call(&h, &[Value::list(pairs)])?, end));
        }
        let d = Value::new_dict_from(dd);
        if let Some(h) = self.object_hook.clone() {
            return Ok((vm.call(&h, &[d])?, end));
        }
        Ok((d, end))
    }

    fn parse_array(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let b = self.doc.b;
        let len = b.len();
        let mut i = skip_ws(b, start);
        let mut items: Vec<Value> = Vec::new();
        if i >= len || b[i] != b']' {
            loop {
                let (v, next) = self.scan(vm, i)?;
                items.push(v);
                i = skip_ws(b, next);
                if i < len && b[i] == b']' {
                    break;
                }
                if i >= len || b[i] != b',' {
                    return Err(self.doc.err(vm, "Expecting ',' delimiter", i));
                }
                i = skip_ws(b, i + 1);
            }
        }
        Ok((Value::list(items), i + 1))
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> PyResult<(Value, usize)> {
        let b = self.doc.b;
        let len = b.len();
        let mut i = start;
        if b[i] == b'-' {
            i += 1;
            if i >= len {
                return Err(self.doc.stop(start));
            }
        }
        if (b'1'..=b'9').contains(&b[i]) {
            i += 1;
            while i < len && b[i].is_ascii_digit() {
                i += 1;
            }
        } else if b[i] == b'0' {
            i += 1;
        } else {
            return Err(self.doc.stop(start));
        }
        let mut is_float = false;
        if i + 1 < len && b[i] == b'.' && b[i + 1].is_ascii_digit() {
            is_float = true;
            i += 2;
            while i < len && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i + 1 < len && (b[i] == b'e' || b[i] == b'E') {
            let e_start = i;
            i += 1;
            if i + 1 < len && (b[i] == b'-' || b[i] == b'+') {
                i += 1;
            }
            while i < len && b[i].is_ascii_digit() {
                i += 1;
            }
            if b[i - 1].is_ascii_digit() {
                is_float = true;
            } else {
                i = e_start;
            }
        }
        let text = &self.doc.text[start..i];
        let v = if is_float {
            match &self.parse_float {
                Some(f) => {
                    let f = f.clone();
                    vm.call(&f, &[Value::str(text)])?
                }
                None => match text.parse::<f64>() {
                    Ok(x) => Value::float(x),
                    Err(_) => vm.call(&types().float, &[Value::str(text)])?,
                },
            }
        } else {
            match &self.parse_int {
                Some(f) => {
                    let f = f.clone();
                    vm.call(&f, &[Value::str(text)])?
                }
                None => {
                    if text.len() <= 18 {
                        match text.parse::<i64>() {
                            Ok(n) => Value::int(n),
                            Err(_) => vm.call(&types().int, &[Value::str(text)])?,
                        }
                    } else {
                        vm.call(&types().int, &[Value::str(text)])?
                    }
                }
            }
        };
        Ok((v, i))
    }
}

/// `scanner(string, idx)` -> (value, end); StopIteration(idx) when no value starts there.
pub fn scanner_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, idx) = if kw.is_empty() && args.len() == 3 {
        (args[1].clone(), args[2].clone())
    } else {
        let [s, idx] = bind("scan_once", &args[1..], kw, &["string", "idx"])?;
        (s.unwrap_or(Value::NONE), idx.unwrap_or(Value::NONE))
    };
    let st = state(&args[0])?;
    let idx = vm.index_value(&idx)?;
    let Some(doc) = Doc::new(&s) else {
        return Err(PyErr::type_error(format!("first argument must be a string, not {:.80}", tname(&s))));
    };
    if idx < 0 {
        return Err(PyErr::value_error("idx cannot be negative"));
    }
    let nchars = s.as_pystr().map_or(0, |p| p.char_len());
    if idx as usize >= nchars {
        return Err(PyErr::stop_iteration(Value::int(idx)));
    }
    let start = doc.byte_of(idx as usize);
    let t = types();
    let mut p = Parser {
        doc,
        strict: st.strict,
        object_hook: if st.object_hook.is_none() { None } else { Some(st.object_hook) },
        pairs_hook: if st.pairs_hook.is_none() { None } else { Some(st.pairs_hook) },
        parse_float: if st.parse_float.is(&t.float) { None } else { Some(st.parse_float) },
        parse_int: if st.parse_int.is(&t.int) { None } else { Some(st.parse_int) },
        parse_constant: st.parse_constant,
        memo: Memo::default(),
    };
    let (v, end) = p.scan(vm, start)?;
    Ok(Value::tuple(vec![v, Value::int(p.doc.char_of(end) as i64)]))
}
