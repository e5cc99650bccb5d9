//! `bytes` and `bytearray` (`memoryview` is in memoryview.rs).
//!
//! `bytes` and `bytearray` share one set of native methods: each checks the
//! payload of `self` and returns results of the same kind (`bytes` methods
//! return bytes, `bytearray` methods a new bytearray). Character classes
//! are ASCII-only, as in CPython. A `memoryview` is a window
//! (`start`, `len`) on a bytes or bytearray object, one byte per item.

use crate::args::{bind, check_arity};
use crate::object::{NativeKind, Payload, PyObject};
use crate::text::strmethods::adjust_indices;
use crate::types::range::slice_indices;
use crate::types::str_methods::{cint_arg, noargs, ssize_arg};
use crate::types::{add_method, add_native, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::CmpOpKind;
use std::borrow::Cow;
use std::cell::RefCell;
use crate::types::memoryview::{ba_alloc, first};

pub struct MemoryViewData {
    pub obj: Value,
    pub start: usize,
    pub len: usize,
    pub released: bool,
    /// Item format after `cast` ('B' by default); `len` stays in bytes.
    pub fmt: u8,
    /// Address of the bytearray this view counts as an export of (0: none);
    /// a bytearray with exports cannot change size.
    pub export: usize,
}

impl Drop for MemoryViewData {
    fn drop(&mut self) {
        export_remove(std::mem::take(&mut self.export));
    }
}

/// Live export counts of bytearrays: (object address, count).
static EXPORTS: crate::gil::GilCell<RefCell<Vec<(usize, usize)>>> = crate::gil::GilCell::new(RefCell::new(Vec::new()));

/// Count a new view of `obj` if it is a bytearray; the key to give back.
pub(crate) fn export_add(obj: &Value) -> usize {
    let Some(o) = obj.as_obj() else { return 0 };
    if !matches!(o.payload, Payload::ByteArray(_)) {
        return 0;
    }
    let key = o as *const PyObject as usize;
    EXPORTS.with(|e| {
        let mut e = e.borrow_mut();
        match e.iter_mut().find(|x| x.0 == key) {
            Some(x) => x.1 += 1,
            None => e.push((key, 1)),
        }
    });
    key
}

/// Give back an export counted by `export_add`.
pub(crate) fn export_remove(key: usize) {
    if key == 0 {
        return;
    }
    EXPORTS.with(|e| {
        if let Ok(mut e) = e.try_borrow_mut() {
            if let Some(i) = e.iter().position(|x| x.0 == key) {
                e[i].1 -= 1;
                if e[i].1 == 0 {
                    e.swap_remove(i);
                }
            }
        }
    });
}

/// BufferError if the bytearray `v` has live memoryviews.
pub(crate) fn check_resizable(v: &Value) -> PyResult<()> {
    let Some(o) = v.as_obj() else { return Ok(()) };
    let key = o as *const PyObject as usize;
    let exported = EXPORTS.with(|e| e.borrow().iter().any(|x| x.0 == key));
    if exported {
        return Err(PyErr::new(&types().exc.buffer_error, "Existing exports of data: object cannot be re-sized"));
    }
    Ok(())
}

impl Value {
    pub fn bytes(b: Vec<u8>) -> Value {
        Value::from_obj(PyObject::new(types().bytes.as_obj().unwrap(), Payload::Bytes(b.into_boxed_slice())))
    }

    pub fn bytearray(b: Vec<u8>) -> Value {
        Value::from_obj(PyObject::new(types().bytearray.as_obj().unwrap(), Payload::ByteArray(RefCell::new(b))))
    }

    pub fn as_bytes(&self) -> Option<&[u8]> {
        match &self.as_obj()?.payload {
            Payload::Bytes(b) => Some(b),
            _ => None,
        }
    }
}

pub(crate) fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

pub(crate) fn notimpl() -> Value {
    types().not_implemented.clone()
}

/// Buffers of native-module objects: `array.array` and ctypes instances.
fn native_buffer(v: &Value) -> Option<Vec<u8>> {
    crate::modules::data::array::array_bytes(v).or_else(|| crate::modules::ctypes::cdata::cdata_bytes(v))
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview), copied.
pub fn buffer_bytes(v: &Value) -> Option<Vec<u8>> {
    match &v.as_obj()?.payload {
        Payload::Opaque(_) => native_buffer(v),
        Payload::Bytes(b) => Some(b.to_vec()),
        Payload::ByteArray(b) => Some(b.borrow().clone()),
        Payload::MemoryView(m) => {
            let m = m.borrow();
            if m.released {
                return None;
            }
            let all = buffer_bytes(&m.obj)?;
            let end = (m.start + m.len).min(all.len());
            Some(all[m.start.min(end)..end].to_vec())
        }
        _ => None,
    }
}

/// The bytes of a bytes-like object, borrowed when it is immutable bytes.
pub(crate) fn buffer_cow(v: &Value) -> Option<Cow<'_, [u8]>> {
    match &v.as_obj()?.payload {
        Payload::Bytes(b) => Some(Cow::Borrowed(b)),
        _ => buffer_bytes(v).map(Cow::Owned),
    }
}

pub(crate) fn is_bytearray(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::ByteArray(_)))
}

/// `self` of a bytes/bytearray method: its bytes and whether it is a bytearray.
pub(crate) fn this<'a>(args: &'a [Value], name: &str) -> PyResult<(Cow<'a, [u8]>, bool)> {
    let Some(v) = args.first() else {
        return Err(PyErr::type_error(format!("unbound method bytes.{name}() needs an argument")));
    };
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Ok((Cow::Borrowed(b), false)),
        Some(Payload::ByteArray(b)) => Ok((Cow::Owned(b.borrow().clone()), true)),
        _ => Err(PyErr::type_error(format!(
            "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
            tname(v)
        ))),
    }
}

/// A result of the same kind as `self`.
pub(crate) fn mk(ba: bool, v: Vec<u8>) -> Value {
    if ba {
        Value::bytearray(v)
    } else {
        Value::bytes(v)
    }
}

pub(crate) fn ba_cell(v: &Value) -> PyResult<&RefCell<Vec<u8>>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::ByteArray(b)) => Ok(b),
        _ => Err(PyErr::type_error(format!(
            "descriptor for 'bytearray' objects doesn't apply to a '{}' object",
            v.as_obj().map(|_| tname(v)).unwrap_or_else(|| tname(v))
        ))),
    }
}

pub(crate) fn need_buffer<'a>(v: &'a Value) -> PyResult<Cow<'a, [u8]>> {
    buffer_cow(v).ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", tname(v))))
}

pub(crate) fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    if v.is_int() && v.as_i64().is_none() {
        return Err(PyErr::value_error("byte must be in range(0, 256)"));
    }
    let i = vm.index_value(v)?;
    if !(0..256).contains(&i) {
        return Err(PyErr::value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

// ---------------------------------------------------------------------
// Byte-string algorithms
// ---------------------------------------------------------------------

pub fn find_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.is_empty() {
        return Some(0);
    }
    if n.len() > h.len() {
        return None;
    }
    if n.len() == 1 {
        return h.iter().position(|&b| b == n[0]);
    }
    let first = n[0];
    let last = h.len() - n.len();
    let mut i = 0;
    while i <= last {
        match h[i..=last].iter().position(|&b| b == first) {
            None => return None,
            Some(p) => {
                i += p;
                if &h[i..i + n.len()] == n {
                    return Some(i);
                }
                i += 1;
            }
        }
    }
    None
}

pub fn rfind_sub(h: &[u8], n: &[u8]) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).rev().find(|&i| &h[i..i + n.len()] == n)
}

pub(crate) fn count_sub(h: &[u8], n: &[u8]) -> usize {
    if n.is_empty() {
        return h.len() + 1;
    }
    let mut c = 0;
    let mut i = 0;
    while let Some(p) = find_sub(&h[i..], n) {
        c += 1;
        i += p + n.len();
    }
    c
}

pub(crate) fn split_ws(s: &[u8], maxsplit: i64) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = s.len();
    let mut splits = 0;
    loop {
        while i < n && is_space(s[i]) {
            i += 1;
        }
        if i >= n {
            break;
        }
        if maxsplit >= 0 && splits >= maxsplit {
            out.push(&s[i..n]);
            break;
        }
        let st = i;
        while i < n && !is_space(s[i]) {
            i += 1;
        }
        out.push(&s[st..i]);
        splits += 1;
    }
    out
}

pub(crate) fn rsplit_ws(s: &[u8], maxsplit: i64) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut i = s.len();
    let mut splits = 0;
    loop {
        while i > 0 && is_space(s[i - 1]) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        if maxsplit >= 0 && splits >= maxsplit {
            out.push(&s[..i]);
            break;
        }
        let e = i;
        while i > 0 && !is_space(s[i - 1]) {
            i -= 1;
        }
        out.push(&s[i..e]);
        splits += 1;
    }
    out.reverse();
    out
}

pub(crate) fn split_sep<'a>(s: &'a [u8], sep: &[u8], maxsplit: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut splits = 0;
    while maxsplit < 0 || splits < maxsplit {
        match find_sub(&s[i..], sep) {
            Some(p) => {
                out.push(&s[i..i + p]);
                i += p + sep.len();
                splits += 1;
            }
            None => break,
        }
    }
    out.push(&s[i..]);
    out
}

pub(crate) fn rsplit_sep<'a>(s: &'a [u8], sep: &[u8], maxsplit: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut end = s.len();
    let mut splits = 0;
    while maxsplit < 0 || splits < maxsplit {
        match rfind_sub(&s[..end], sep) {
            Some(p) => {
                out.push(&s[p + sep.len()..end]);
                end = p;
                splits += 1;
            }
            None => break,
        }
    }
    out.push(&s[..end]);
    out.reverse();
    out
}

pub(crate) fn replace_bytes(s: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(s.len());
    if old.is_empty() {
        let mut n = 0;
        for &c in s {
            if n < limit {
                out.extend_from_slice(new);
                n += 1;
            }
            out.push(c);
        }
        if n < limit {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut i = 0;
    let mut n = 0;
    while n < limit {
        match find_sub(&s[i..], old) {
            Some(p) => {
                out.extend_from_slice(&s[i..i + p]);
                out.extend_from_slice(new);
                i += p + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&s[i..]);
    out
}

pub(crate) fn is_lower_b(b: u8) -> bool {
    b.is_ascii_lowercase()
}
pub(crate) fn is_upper_b(b: u8) -> bool {
    b.is_ascii_uppercase()
}

pub(crate) fn title_bytes(s: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    s.iter()
        .map(|&b| {
            let r = if b.is_ascii_alphabetic() {
                if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            } else {
                b
            };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

pub(crate) fn istitle_bytes(s: &[u8]) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for &b in s {
        if is_upper_b(b) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower_b(b) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

pub(crate) fn expandtabs_bytes(s: &[u8], tabsize: i64) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut col: i64 = 0;
    for &c in s {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

pub(crate) fn splitlines_bytes(s: &[u8], keepends: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && i + 1 < s.len() && s[i + 1] == b'\n' {
                end += 1;
            }
            out.push(if keepends { &s[start..end] } else { &s[start..i] });
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

/// `bytes.hex(sep, bytes_per_sep)` text.
pub fn hex_with_sep(b: &[u8], sep: Option<u8>, per: i64) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(b.len() * 3);
    let n = b.len();
    let group = per.unsigned_abs() as usize;
    for (i, &c) in b.iter().enumerate() {
        if i > 0 {
            if let Some(s) = sep {
                if group > 0 {
                    let boundary = if per > 0 { (n - i) % group == 0 } else { i % group == 0 };
                    if boundary {
                        out.push(s as char);
                    }
                }
            }
        }
        out.push(HEX[(c >> 4) as usize] as char);
        out.push(HEX[(c & 15) as usize] as char);
    }
    out
}

/// `bytes.fromhex(s)`.
pub fn parse_fromhex(s: &str) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    let bad = |i: usize| PyErr::value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"));
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_whitespace() || c == '\x0b' {
            i += 1;
            continue;
        }
        let hi = c.to_digit(16).filter(|_| c.is_ascii()).ok_or_else(|| bad(i))?;
        i += 1;
        let lo = chars.get(i).and_then(|c| c.to_digit(16).filter(|_| c.is_ascii())).ok_or_else(|| bad(i))?;
        i += 1;
        out.push((hi * 16 + lo) as u8);
    }
    Ok(out)
}

// ---------------------------------------------------------------------
// Constructors
// ---------------------------------------------------------------------

/// The bytes for `bytes(x)` / `bytearray(x)` from a non-str source.
pub(crate) fn bytes_from_source(vm: &mut Vm, x: &Value, kind: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(x) {
        return Ok(b);
    }
    if x.is_int() || (crate::types::lookup(type_ref(x), "__index__").is_some() && x.as_pystr().is_none()) {
        let n = vm.index_value(x)?;
        if n < 0 {
            return Err(PyErr::value_error("negative count"));
        }
        if n > (1 << 40) {
            return Err(PyErr::memory_error());
        }
        return Ok(vec![0u8; n as usize]);
    }
    let tr = type_ref(x);
    if crate::types::lookup(tr, "__iter__").is_none() && crate::types::lookup(tr, "__getitem__").is_none() {
        return Err(PyErr::type_error(format!("cannot convert '{}' object to {kind}", tname(x))));
    }
    if let Some(l) = x.as_list() {
        // Read the list afresh at each step: `__index__` may change it.
        let mut out = Vec::with_capacity(l.borrow().len());
        let mut i = 0;
        loop {
            let item = l.borrow().get(i).cloned();
            let Some(item) = item else { break };
            out.push(item_byte(vm, &item)?);
            i += 1;
        }
        return Ok(out);
    }
    if let Some(t) = x.as_tuple() {
        let items = t.to_vec();
        return items_to_bytes(vm, &items);
    }
    let it = vm.iter(x)?;
    let mut out = Vec::new();
    while let Some(v) = vm.next(&it)? {
        out.push(item_byte(vm, &v)?);
    }
    Ok(out)
}

pub(crate) fn item_byte(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    if let Some(i) = v.as_small_int() {
        if (0..256).contains(&i) {
            return Ok(i as u8);
        }
        return Err(PyErr::value_error("bytes must be in range(0, 256)"));
    }
    if v.is_int() && v.as_i64().is_none() {
        return Err(PyErr::value_error("bytes must be in range(0, 256)"));
    }
    let i = vm.index_value(v)?;
    if !(0..256).contains(&i) {
        return Err(PyErr::value_error("bytes must be in range(0, 256)"));
    }
    Ok(i as u8)
}

pub(crate) fn items_to_bytes(vm: &mut Vm, items: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(items.len());
    for v in items {
        out.push(item_byte(vm, v)?);
    }
    Ok(out)
}

/// Shared argument handling of `bytes()` and `bytearray()`.
pub(crate) fn construct(vm: &mut Vm, args: &[Value], kw: &[Value], kind: &str) -> PyResult<Vec<u8>> {
    let [source, encoding, errors] = bind(kind, args, kw, &["source=", "encoding=", "errors="])?;
    let enc = match &encoding {
        None => None,
        Some(e) => Some(
            e.as_str()
                .ok_or_else(|| PyErr::type_error(format!("{kind}() argument 'encoding' must be str, not {}", tname(e))))?
                .to_string(),
        ),
    };
    let errs = match &errors {
        None => None,
        Some(e) => Some(
            e.as_str()
                .ok_or_else(|| PyErr::type_error(format!("{kind}() argument 'errors' must be str, not {}", tname(e))))?
                .to_string(),
        ),
    };
    let Some(x) = source else {
        if enc.is_some() {
            return Err(PyErr::type_error("encoding without a string argument"));
        }
        if errs.is_some() {
            return Err(PyErr::type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    if kind == "bytes" && enc.is_none() && errs.is_none() {
        if let Some(r) = call_dunder_bytes(vm, &x)? {
            return Ok(r.as_bytes().map(|b| b.to_vec()).unwrap_or_default());
        }
    }
    if let Some(s) = x.as_str() {
        let Some(enc) = enc else {
            return Err(PyErr::type_error("string argument without an encoding"));
        };
        let s = s.to_string();
        return crate::types::str_methods::codec::encode(vm, &s, &enc, errs.as_deref().unwrap_or("strict"));
    }
    if enc.is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if errs.is_some() {
        return Err(PyErr::type_error("errors without a string argument"));
    }
    bytes_from_source(vm, &x, kind)
}

/// `x.__bytes__()` when its type has one (for `bytes(x)`, asked before the
/// buffer and str checks; `__bytes__ = None` blocks the conversion).
fn call_dunder_bytes(vm: &mut Vm, x: &Value) -> PyResult<Option<Value>> {
    let exact_bytes = matches!(x.as_obj(), Some(o) if matches!(o.payload, Payload::Bytes(_)) && std::ptr::eq(o.ty(), types().bytes.as_obj().unwrap()));
    if exact_bytes {
        return Ok(Some(x.clone()));
    }
    match vm.call_special(x, "__bytes__", &[])? {
        Some(r) if r.as_bytes().is_some() => Ok(Some(r)),
        Some(r) => Err(PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", tname(&r)))),
        None => Ok(None),
    }
}

pub(crate) fn check_cls(cls: &Value, base: &Value, name: &str) -> PyResult<(&'static str, usize)> {
    let co = cls.as_obj().and_then(|o| o.as_type().map(|_| o));
    let Some(co) = co else {
        return Err(PyErr::type_error(format!("{name}.__new__(X): X is not a type object")));
    };
    if !crate::types::is_subtype(cls, base) {
        let n = co.type_name_str();
        return Err(PyErr::type_error(format!("{name}.__new__({n}): {n} is not a subtype of {name}")));
    }
    Ok(("", co.type_data().slot_names.borrow().len()))
}

pub(crate) fn bytes_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error("bytes.__new__(): not enough arguments"));
    }
    let cls = &args[0];
    let t = types();
    let (_, nslots) = check_cls(cls, &t.bytes, "bytes")?;
    // `bytes(b)` of an exact bytes returns it unchanged.
    if cls.is(&t.bytes) && args.len() == 2 && kw.is_empty() {
        if let Some(o) = args[1].as_obj() {
            if matches!(o.payload, Payload::Bytes(_)) && std::ptr::eq(o.ty(), t.bytes.as_obj().unwrap()) {
                return Ok(args[1].clone());
            }
        }
    }
    // `bytes(x)` returns what `x.__bytes__()` gave, even a subclass instance.
    if cls.is(&t.bytes) && args.len() == 2 && kw.is_empty() {
        if let Some(r) = call_dunder_bytes(vm, &args[1])? {
            return Ok(r);
        }
    }
    let data = construct(vm, &args[1..], kw, "bytes")?;
    if cls.is(&t.bytes) {
        return Ok(Value::bytes(data));
    }
    Ok(Value::from_obj(PyObject::new_with_slots(
        cls.as_obj().unwrap(),
        Payload::Bytes(data.into_boxed_slice()),
        nslots,
    )))
}

pub(crate) fn bytearray_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error("bytearray.__new__(): not enough arguments"));
    }
    let cls = &args[0];
    let (_, nslots) = check_cls(cls, &types().bytearray, "bytearray")?;
    Ok(Value::from_obj(PyObject::new_with_slots(
        cls.as_obj().unwrap(),
        Payload::ByteArray(RefCell::new(Vec::new())),
        nslots,
    )))
}

pub(crate) fn bytearray_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cell = ba_cell(first(args)?)?;
    if !cell.borrow().is_empty() {
        check_resizable(&args[0])?;
    }
    let data = construct(vm, &args[1..], kw, "bytearray")?;
    *cell.borrow_mut() = data;
    Ok(Value::NONE)
}

pub(crate) fn bytes_fromhex(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("fromhex", &args[1.min(args.len())..], kw, 1, 1)?;
    let cls = &args[0];
    let Some(s) = args[1].as_str() else {
        return Err(PyErr::type_error(format!("fromhex() argument must be str, not {}", tname(&args[1]))));
    };
    let data = parse_fromhex(s)?;
    let t = types();
    if cls.is(&t.bytes) {
        return Ok(Value::bytes(data));
    }
    if cls.is(&t.bytearray) {
        return Ok(Value::bytearray(data));
    }
    let _ = _vm;
    let base = if crate::types::is_subtype(cls, &t.bytearray) { Value::bytearray(data) } else { Value::bytes(data) };
    _vm.call(cls, &[base])
}

// ---------------------------------------------------------------------
// Dunders
// ---------------------------------------------------------------------

pub(crate) fn bytes_repr(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("bytes.__repr__", args, kw)?;
    let (b, ba) = this(args, "__repr__")?;
    let r = crate::text::strmethods::bytes_repr(&b);
    if ba {
        let name = args[0].as_obj().map(|o| o.type_name()).unwrap_or_default();
        return Ok(Value::string(format!("{name}({r})")));
    }
    Ok(Value::string(r))
}

pub(crate) fn bytes_len(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("bytes.__len__", args, kw)?;
    let (b, _) = this(args, "__len__")?;
    Ok(Value::int(b.len() as i64))
}

pub(crate) fn bytes_hash(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("bytes.__hash__", args, kw)?;
    let (b, _) = this(args, "__hash__")?;
    Ok(Value::int(crate::types::str::hash_bytes(&b)))
}

pub(crate) fn bytes_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__getitem__", &args[1.min(args.len())..], kw, 1, 1)?;
    let (b, ba) = this(args, "__getitem__")?;
    let key = &args[1];
    if key.as_slice().is_some() {
        let (s, _, st, cnt) = slice_indices(vm, key, b.len())?;
        let out = if st == 1 {
            b[s as usize..s as usize + cnt].to_vec()
        } else {
            crate::types::range::slice_pick(&b, s, st, cnt)
        };
        return Ok(mk(ba, out));
    }
    if key.is_int() || crate::types::lookup(type_ref(key), "__index__").is_some() {
        let i = vm.index_value(key)?;
        return match crate::ops::seq::norm_index(i, b.len()) {
            Some(j) => Ok(Value::int(b[j] as i64)),
            None => Err(PyErr::index_error(if ba { "bytearray index out of range" } else { "index out of range" })),
        };
    }
    Err(PyErr::type_error(format!(
        "{} indices must be integers or slices, not {}",
        if ba { "bytearray" } else { "byte" },
        tname(key)
    )))
}

pub(crate) fn bytes_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__contains__", &args[1.min(args.len())..], kw, 1, 1)?;
    let (b, _) = this(args, "__contains__")?;
    let x = &args[1];
    if x.is_int() || (crate::types::lookup(type_ref(x), "__index__").is_some() && buffer_bytes(x).is_none()) {
        let c = byte_value(vm, x)?;
        return Ok(Value::bool(b.contains(&c)));
    }
    let sub = need_buffer(x)?;
    Ok(Value::bool(find_sub(&b, &sub).is_some()))
}

pub(crate) fn bytes_iter(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("bytes.__iter__", args, kw)?;
    this(args, "__iter__")?;
    Ok(Value::from_obj(PyObject::new(
        types().bytes_iterator.as_obj().unwrap(),
        Payload::Iter(Box::new(RefCell::new(crate::types::iter::IterState::Bytes { b: args[0].clone(), i: 0 }))),
    )))
}

pub(crate) fn cmp(args: &[Value], name: &str, op: CmpOpKind) -> PyResult<Value> {
    let (a, _) = this(args, name)?;
    check_arity(name, &args[1..], &[], 1, 1)?;
    let Some(other) = args.get(1) else { return Ok(notimpl()) };
    let b = match other.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(_) | Payload::ByteArray(_) | Payload::MemoryView(_)) => buffer_bytes(other),
        _ => None,
    };
    let Some(b) = b else { return Ok(notimpl()) };
    Ok(Value::bool(crate::ops::arith::cmp_ord(a.as_ref().cmp(b.as_slice()), op)))
}
pub(crate) fn bytes_eq(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__eq__", CmpOpKind::Eq)
}
pub(crate) fn bytes_ne(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__ne__", CmpOpKind::Ne)
}
pub(crate) fn bytes_lt(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__lt__", CmpOpKind::Lt)
}
pub(crate) fn bytes_le(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__le__", CmpOpKind::Le)
}
pub(crate) fn bytes_gt(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__gt__", CmpOpKind::Gt)
}
pub(crate) fn bytes_ge(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__ge__", CmpOpKind::Ge)
}

pub(crate) fn user_defines(v: &Value, name: &str) -> bool {
    let t = type_ref(v);
    t.type_data().heap && crate::types::lookup(t, name).is_some()
}

pub(crate) fn bytes_add(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__add__", &args[1.min(args.len())..], kw, 1, 1)?;
    let (a, ba) = this(args, "__add__")?;
    let Some(b) = buffer_bytes(&args[1]) else {
        if user_defines(&args[1], "__radd__") {
            return Ok(notimpl());
        }
        return Err(PyErr::type_error(format!(
            "can't concat {} to {}",
            tname(&args[1]),
            if ba { "bytearray" } else { "bytes" }
        )));
    };
    let mut v = Vec::with_capacity(a.len() + b.len());
    v.extend_from_slice(&a);
    v.extend_from_slice(&b);
    Ok(mk(ba, v))
}

pub(crate) fn repeat_count(vm: &mut Vm, n: &Value, reflected: bool) -> PyResult<Option<i64>> {
    if !n.is_int() && crate::types::lookup(type_ref(n), "__index__").is_none() {
        if !reflected && user_defines(n, "__rmul__") {
            return Ok(None);
        }
        return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", tname(n))));
    }
    match n.as_i64() {
        Some(c) => Ok(Some(c)),
        None if n.is_int() => Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")),
        None => vm.index_value(n).map(Some),
    }
}

pub(crate) fn repeated(b: &[u8], count: i64) -> PyResult<Vec<u8>> {
    if count <= 0 || b.is_empty() {
        return Ok(Vec::new());
    }
    match b.len().checked_mul(count as usize) {
        Some(t) if t <= (1usize << 40) => Ok(b.repeat(count as usize)),
        _ => Err(PyErr::memory_error()),
    }
}

pub(crate) fn bytes_mul_impl(vm: &mut Vm, args: &[Value], kw: &[Value], reflected: bool) -> PyResult<Value> {
    check_arity("__mul__", &args[1.min(args.len())..], kw, 1, 1)?;
    let (a, ba) = this(args, "__mul__")?;
    let Some(n) = repeat_count(vm, &args[1], reflected)? else { return Ok(notimpl()) };
    Ok(mk(ba, repeated(&a, n)?))
}

pub(crate) fn bytes_mul(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    bytes_mul_impl(vm, args, kw, false)
}
pub(crate) fn bytes_rmul(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    bytes_mul_impl(vm, args, kw, true)
}

pub(crate) fn bytes_mod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__mod__", &args[1.min(args.len())..], kw, 1, 1)?;
    this(args, "__mod__")?;
    bytes_percent(vm, &args[0], &args[1])
}

pub(crate) fn bytes_rmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__rmod__", &args[1.min(args.len())..], kw, 1, 1)?;
    this(args, "__rmod__")?;
    let both_bytes = matches!(args[0].as_obj().map(|o| &o.payload), Some(Payload::Bytes(_)))
        && matches!(args[1].as_obj().map(|o| &o.payload), Some(Payload::Bytes(_)));
    if both_bytes {
        return bytes_percent(vm, &args[1], &args[0]);
    }
    Ok(notimpl())
}

/// `b'...' % args` (also for bytearray, which gives a bytearray).
pub fn bytes_percent(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let Some(fmt) = buffer_bytes(a) else {
        return Ok(notimpl());
    };
    let ba = is_bytearray(a);
    let f: String = fmt.iter().map(|&c| c as char).collect();
    let out = crate::types::str_methods::format::percent_core(vm, &f, b, true)?;
    let bytes: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
    Ok(mk(ba, bytes))
}

pub(crate) fn bytes_getnewargs(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("bytes.__getnewargs__", args, kw)?;
    let (b, _) = this(args, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::bytes(b.to_vec())]))
}

/// `bytearray.__reduce__` / `__reduce_ex__(proto)`: the class, its
/// contents (a latin-1 str before protocol 3), and `__getstate__()`.
fn ba_reduce_common(vm: &mut Vm, me: &Value, proto: i64) -> PyResult<Value> {
    let data = ba_cell(me)?.borrow().clone();
    let state = vm.call_method(me, "__getstate__", &[])?;
    let cls = crate::types::type_of(me);
    let args = if proto < 3 {
        let text: String = data.iter().map(|&b| b as char).collect();
        Value::tuple(vec![Value::string(text), Value::str("latin-1")])
    } else if data.is_empty() {
        Value::tuple(vec![])
    } else {
        Value::tuple(vec![Value::bytes(data)])
    };
    Ok(Value::tuple(vec![cls, args, state]))
}

fn ba_reduce(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("bytearray.__reduce__", args, kw)?;
    ba_reduce_common(vm, first(args)?, 2)
}

fn ba_reduce_ex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, proto] = bind("__reduce_ex__", args, kw, &["self", "proto=", "/"])?;
    let proto = match proto {
        Some(p) => vm.index_value(&p)?,
        None => 0,
    };
    ba_reduce_common(vm, &me.unwrap_or(Value::NONE), proto)
}

pub(crate) fn bytes_bytes(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("bytes.__bytes__", args, kw)?;
    let (b, _) = this(args, "__bytes__")?;
    if let Some(o) = args[0].as_obj() {
        if std::ptr::eq(o.ty(), types().bytes.as_obj().unwrap()) {
            return Ok(args[0].clone());
        }
    }
    Ok(Value::bytes(b.to_vec()))
}

// ---------------------------------------------------------------------
// Methods
// ---------------------------------------------------------------------

pub(crate) fn opt_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    crate::types::str_methods::opt_index(vm, &v.cloned())
}

/// The needle of find/count/index: an int byte or a bytes-like object.
pub(crate) fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_bytes(v) {
        return Ok(b);
    }
    if v.is_int() || crate::types::lookup(type_ref(v), "__index__").is_some() {
        return Ok(vec![byte_value(vm, v)?]);
    }
    Err(PyErr::type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        tname(v)
    )))
}

pub(crate) fn search_args(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<(Option<i64>, Option<i64>)> {
    crate::args::no_kwargs(name, kw)?;
    let n = args.len().saturating_sub(1);
    if n < 1 {
        return Err(PyErr::type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if n > 3 {
        return Err(PyErr::type_error(format!("{name}() takes at most 3 arguments ({n} given)")));
    }
    let st = opt_index(vm, args.get(2))?;
    let en = opt_index(vm, args.get(3))?;
    Ok((st, en))
}

/// find/rfind/index/rindex/count; `mode`: 0 find, 1 rfind, 2 count.
pub(crate) fn search(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, mode: u8) -> PyResult<Option<i64>> {
    let (b, _) = this(args, name)?;
    let (st, en) = search_args(vm, name, args, kw)?;
    let sub = needle(vm, &args[1])?;
    let (s, e) = adjust_indices(st, en, b.len());
    if s > e || (s > b.len()) {
        return Ok(if mode == 2 { Some(0) } else { None });
    }
    let region = &b[s..e];
    Ok(match mode {
        0 => find_sub(region, &sub).map(|p| (p + s) as i64),
        1 => rfind_sub(region, &sub).map(|p| (p + s) as i64),
        _ => Some(count_sub(region, &sub) as i64),
    })
}

pub(crate) fn bytes_find(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(search(vm, args, kw, "find", 0)?.unwrap_or(-1)))
}
pub(crate) fn bytes_rfind(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(search(vm, args, kw, "rfind", 1)?.unwrap_or(-1)))
}
pub(crate) fn bytes_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match search(vm, args, kw, "index", 0)? {
        Some(i) => Ok(Value::int(i)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}
pub(crate) fn bytes_rindex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    match search(vm, args, kw, "rindex", 1)? {
        Some(i) => Ok(Value::int(i)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}
pub(crate) fn bytes_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(search(vm, args, kw, "count", 2)?.unwrap_or(0)))
}

pub(crate) fn starts_ends(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, ends: bool) -> PyResult<Value> {
    let (b, _) = this(args, name)?;
    let (st, en) = search_args(vm, name, args, kw)?;
    let (s, e) = adjust_indices(st, en, b.len());
    let test = |p: &[u8]| -> bool {
        if s > e || s > b.len() {
            return false;
        }
        let r = &b[s..e];
        if ends {
            r.ends_with(p)
        } else {
            r.starts_with(p)
        }
    };
    let sub = &args[1];
    if let Some(p) = buffer_bytes(sub) {
        return Ok(Value::bool(test(&p)));
    }
    if let Some(t) = sub.as_tuple() {
        for x in t {
            match buffer_bytes(x) {
                Some(p) => {
                    if test(&p) {
                        return Ok(Value::TRUE);
                    }
                }
                None => {
                    return Err(PyErr::type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        tname(x)
                    )))
                }
            }
        }
        return Ok(Value::FALSE);
    }
    Err(PyErr::type_error(format!(
        "{name} first arg must be bytes or a tuple of bytes, not {}",
        tname(sub)
    )))
}

pub(crate) fn bytes_startswith(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    starts_ends(vm, args, kw, "startswith", false)
}
pub(crate) fn bytes_endswith(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    starts_ends(vm, args, kw, "endswith", true)
}

pub(crate) fn parts_list(ba: bool, parts: Vec<&[u8]>) -> Value {
    Value::list(parts.into_iter().map(|p| mk(ba, p.to_vec())).collect())
}

pub(crate) fn split_common(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, right: bool) -> PyResult<Value> {
    let (b, ba) = this(args, name)?;
    let [_, sep, maxsplit] = bind(name, args, kw, &["self", "sep=", "maxsplit="])?;
    let maxsplit = match &maxsplit {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let parts = match &sep {
        Some(s) if !s.is_none() => {
            let sep = need_buffer(s)?;
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            if right {
                rsplit_sep(&b, &sep, maxsplit)
                    .into_iter()
                    .map(|p| p.to_vec())
                    .collect::<Vec<_>>()
            } else {
                split_sep(&b, &sep, maxsplit).into_iter().map(|p| p.to_vec()).collect()
            }
        }
        _ => {
            if right {
                rsplit_ws(&b, maxsplit).into_iter().map(|p| p.to_vec()).collect()
            } else {
                split_ws(&b, maxsplit).into_iter().map(|p| p.to_vec()).collect()
            }
        }
    };
    Ok(Value::list(parts.into_iter().map(|p| mk(ba, p)).collect()))
}

pub(crate) fn bytes_split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_common(vm, args, kw, "split", false)
}
pub(crate) fn bytes_rsplit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_common(vm, args, kw, "rsplit", true)
}

pub(crate) fn bytes_splitlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = this(args, "splitlines")?;
    let [_, keepends] = bind("splitlines", args, kw, &["self", "keepends="])?;
    let keep = match &keepends {
        Some(v) => cint_arg(vm, v)? != 0,
        None => false,
    };
    Ok(parts_list(ba, splitlines_bytes(&b, keep)))
}

pub(crate) fn bytes_join(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (sep, ba) = this(args, "join")?;
    check_arity("join", &args[1..], kw, 1, 1)?;
    let it = &args[1];
    let tr = type_ref(it);
    if crate::types::lookup(tr, "__iter__").is_none() && crate::types::lookup(tr, "__getitem__").is_none() {
        return Err(PyErr::type_error("can only join an iterable"));
    }
    let items = vm.collect(it)?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(p) = buffer_cow(x) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                tname(x)
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&p);
    }
    Ok(mk(ba, out))
}

pub(crate) fn strip_common(args: &[Value], kw: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (b, ba) = this(args, name)?;
    check_arity(name, &args[1..], kw, 0, 1)?;
    let chars: Option<Vec<u8>> = match args.get(1) {
        Some(v) if !v.is_none() => Some(need_buffer(v)?.into_owned()),
        _ => None,
    };
    let strip = |c: u8| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && strip(b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(b[e - 1]) {
            e -= 1;
        }
    }
    if !ba && s == 0 && e == b.len() {
        if let Some(o) = args[0].as_obj() {
            if std::ptr::eq(o.ty(), types().bytes.as_obj().unwrap()) {
                return Ok(args[0].clone());
            }
        }
    }
    Ok(mk(ba, b[s..e].to_vec()))
}

pub(crate) fn bytes_strip(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "strip", true, true)
}
pub(crate) fn bytes_lstrip(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "lstrip", true, false)
}
pub(crate) fn bytes_rstrip(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "rstrip", false, true)
}

pub(crate) fn partition_common(args: &[Value], kw: &[Value], name: &str, right: bool) -> PyResult<Value> {
    let (b, ba) = this(args, name)?;
    check_arity(name, &args[1..], kw, 1, 1)?;
    let sep = need_buffer(&args[1])?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let pos = if right { rfind_sub(&b, &sep) } else { find_sub(&b, &sep) };
    let (x, y, z) = match pos {
        Some(i) => (b[..i].to_vec(), sep.to_vec(), b[i + sep.len()..].to_vec()),
        None if right => (Vec::new(), Vec::new(), b.to_vec()),
        None => (b.to_vec(), Vec::new(), Vec::new()),
    };
    Ok(Value::tuple(vec![mk(ba, x), mk(ba, y), mk(ba, z)]))
}

pub(crate) fn bytes_partition(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_common(args, kw, "partition", false)
}
pub(crate) fn bytes_rpartition(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_common(args, kw, "rpartition", true)
}

pub(crate) fn bytes_replace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = this(args, "replace")?;
    let [_, old, new, count] = bind("replace", args, kw, &["self", "old", "new", "count=", "/"])?;
    let old = need_buffer(old.as_ref().unwrap_or(&Value::NONE))?.into_owned();
    let new = need_buffer(new.as_ref().unwrap_or(&Value::NONE))?.into_owned();
    let count = match &count {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    Ok(mk(ba, replace_bytes(&b, &old, &new, count)))
}

pub(crate) fn bytes_removeprefix(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = this(args, "removeprefix")?;
    check_arity("removeprefix", &args[1..], kw, 1, 1)?;
    let p = need_buffer(&args[1])?;
    Ok(mk(ba, b.strip_prefix(p.as_ref()).unwrap_or(&b).to_vec()))
}

pub(crate) fn bytes_removesuffix(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = this(args, "removesuffix")?;
    check_arity("removesuffix", &args[1..], kw, 1, 1)?;
    let p = need_buffer(&args[1])?;
    Ok(mk(ba, b.strip_suffix(p.as_ref()).unwrap_or(&b).to_vec()))
}

macro_rules! bytes_map {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let (b, ba) = this(args, $name)?;
            check_arity($name, &args[1..], kw, 0, 0)?;
            let f: fn(&[u8]) -> Vec<u8> = $f;
            Ok(mk(ba, f(&b)))
        }
    };
}
bytes_map!(bytes_upper, "upper", |b| b.to_ascii_uppercase());
bytes_map!(bytes_lower, "lower", |b| b.to_ascii_lowercase());
bytes_map!(bytes_swapcase, "swapcase", |b| b
    .iter()
    .map(|&c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() })
    .collect());
bytes_map!(bytes_title, "title", title_bytes);
bytes_map!(bytes_capitalize, "capitalize", |b| b
    .iter()
    .enumerate()
    .map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() })
    .collect());

macro_rules! bytes_pred {
    ($fname:ident, $name:literal, $f:expr) => {
        fn $fname(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let (b, _) = this(args, $name)?;
            check_arity($name, &args[1..], kw, 0, 0)?;
            let f: fn(&[u8]) -> bool = $f;
            Ok(Value::bool(f(&b)))
        }
    };
}
bytes_pred!(bytes_isalpha, "isalpha", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_alphabetic()));
bytes_pred!(bytes_isdigit, "isdigit", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_digit()));
bytes_pred!(bytes_isalnum, "isalnum", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_alphanumeric()));
bytes_pred!(bytes_isspace, "isspace", |b| !b.is_empty() && b.iter().all(|&c| is_space(c)));
bytes_pred!(bytes_isascii, "isascii", |b| b.is_ascii());
bytes_pred!(bytes_isupper, "isupper", |b| b.iter().any(|&c| is_upper_b(c)) && !b.iter().any(|&c| is_lower_b(c)));
bytes_pred!(bytes_islower, "islower", |b| b.iter().any(|&c| is_lower_b(c)) && !b.iter().any(|&c| is_upper_b(c)));
bytes_pred!(bytes_istitle, "istitle", istitle_bytes);

pub(crate) fn fill_byte(v: Option<&Value>, name: &str) -> PyResult<u8> {
    match v {
        None => Ok(b' '),
        Some(v) => match buffer_bytes(v) {
            Some(b) if b.len() == 1 && matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Bytes(_) | Payload::ByteArray(_))) => Ok(b[0]),
            _ => Err(PyErr::type_error(format!(
                "{name}() argument 2 must be a byte string of length 1, not {}",
                tname(v)
            ))),
        },
    }
}

pub(crate) fn pad_common(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, kind: u8) -> PyResult<Value> {
    let (b, ba) = this(args, name)?;
    check_arity(name, &args[1..], kw, 1, 2)?;
    let w = ssize_arg(vm, &args[1])?;
    let fill = fill_byte(args.get(2), name)?;
    let n = b.len() as i64;
    if w <= n {
        return Ok(mk(ba, b.to_vec()));
    }
    if w > (1 << 40) {
        return Err(PyErr::memory_error());
    }
    let marg = w - n;
    let (left, right) = match kind {
        0 => {
            let left = marg / 2 + (marg & w & 1);
            (left, marg - left)
        }
        1 => (0, marg),
        _ => (marg, 0),
    };
    let mut out = Vec::with_capacity(w as usize);
    out.extend(std::iter::repeat_n(fill, left as usize));
    out.extend_from_slice(&b);
    out.extend(std::iter::repeat_n(fill, right as usize));
    Ok(mk(ba, out))
}

pub(crate) fn bytes_center(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kw, "center", 0)
}
pub(crate) fn bytes_ljust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kw, "ljust", 1)
}
pub(crate) fn bytes_rjust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kw, "rjust", 2)
}

pub(crate) fn bytes_zfill(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = this(args, "zfill")?;
    check_arity("zfill", &args[1..], kw, 1, 1)?;
    let w = ssize_arg(vm, &args[1])?;
    let n = b.len() as i64;
    if w <= n {
        return Ok(mk(ba, b.to_vec()));
    }
    if w > (1 << 40) {
        return Err(PyErr::memory_error());
    }
    let zeros = (w - n) as usize;
    let mut out = Vec::with_capacity(w as usize);
    let rest: &[u8] = match b.first() {
        Some(&c @ (b'+' | b'-')) => {
            out.push(c);
            &b[1..]
        }
        _ => &b,
    };
    out.extend(std::iter::repeat_n(b'0', zeros));
    out.extend_from_slice(rest);
    Ok(mk(ba, out))
}

pub(crate) fn bytes_expandtabs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = this(args, "expandtabs")?;
    let [_, tabsize] = bind("expandtabs", args, kw, &["self", "tabsize="])?;
    let t = match &tabsize {
        Some(v) => cint_arg(vm, v)?,
        None => 8,
    };
    Ok(mk(ba, expandtabs_bytes(&b, t)))
}

pub(crate) fn bytes_maketrans(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("maketrans", args, kw, 2, 2)?;
    let a = need_buffer(&args[0])?;
    let b = need_buffer(&args[1])?;
    if a.len() != b.len() {
        return Err(PyErr::value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (x, y) in a.iter().zip(b.iter()) {
        table[*x as usize] = *y;
    }
    Ok(Value::bytes(table))
}

pub(crate) fn bytes_translate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, ba) = this(args, "translate")?;
    let [_, table, delete] = bind("translate", args, kw, &["self", "table", "/", "delete="])?;
    let table = table.unwrap_or(Value::NONE);
    let table: Option<Vec<u8>> = if table.is_none() {
        None
    } else {
        let t = need_buffer(&table)?.into_owned();
        if t.len() != 256 {
            return Err(PyErr::value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let del: Vec<u8> = match &delete {
        Some(d) => need_buffer(d)?.into_owned(),
        None => Vec::new(),
    };
    let out: Vec<u8> = b
        .iter()
        .filter(|c| !del.contains(c))
        .map(|&c| match &table {
            Some(t) => t[c as usize],
            None => c,
        })
        .collect();
    Ok(mk(ba, out))
}

pub(crate) fn bytes_decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, _) = this(args, "decode")?;
    let [_, encoding, errors] = bind("decode", args, kw, &["self", "encoding=", "errors="])?;
    let enc = match &encoding {
        None => "utf-8",
        Some(e) => e.as_str().ok_or_else(|| {
            PyErr::type_error(format!("decode() argument 'encoding' must be str, not {}", tname(e)))
        })?,
    };
    let errs = match &errors {
        None => "strict",
        Some(e) => e.as_str().ok_or_else(|| {
            PyErr::type_error(format!("decode() argument 'errors' must be str, not {}", tname(e)))
        })?,
    };
    if b.is_empty() {
        return Ok(Value::str(""));
    }
    let s = crate::types::str_methods::codec::decode(vm, &b, enc, errs)?;
    Ok(Value::string(s))
}

/// `hex(sep=None, bytes_per_sep=1)` shared with memoryview.
pub(crate) fn hex_impl(vm: &mut Vm, b: &[u8], sep: Option<Value>, per: Option<Value>) -> PyResult<Value> {
    let per = match &per {
        Some(p) => cint_arg(vm, p)?,
        None => 1,
    };
    let sep_b = match &sep {
        None => None,
        Some(s) => {
            let n = vm.len(s)?;
            if n != 1 {
                return Err(PyErr::value_error("sep must be length 1."));
            }
            let bytes: Vec<u8> = if let Some(t) = s.as_str() {
                t.as_bytes().to_vec()
            } else if let Some(b) = s.as_bytes() {
                b.to_vec()
            } else {
                return Err(PyErr::type_error("sep must be str or bytes."));
            };
            if bytes.len() != 1 || bytes[0] >= 0x80 {
                return Err(PyErr::value_error("sep must be ASCII."));
            }
            Some(bytes[0])
        }
    };
    Ok(Value::string(hex_with_sep(b, sep_b, per)))
}

pub(crate) fn bytes_hex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (b, _) = this(args, "hex")?;
    let [_, sep, per] = bind("hex", args, kw, &["self", "sep=", "bytes_per_sep="])?;
    hex_impl(vm, &b, sep, per)
}

// ---------------------------------------------------------------------
// bytearray mutation
// ---------------------------------------------------------------------

pub(crate) fn ba_setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__setitem__", &args[1.min(args.len())..], kw, 2, 2)?;
    let cell = ba_cell(&args[0])?;
    let (key, value) = (&args[1], &args[2]);
    if key.as_slice().is_some() {
        let new: Vec<u8> = if let Some(b) = buffer_bytes(value) {
            b
        } else if value.is_int() || value.as_pystr().is_some() {
            return Err(PyErr::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
        } else {
            let items = vm.collect(value).map_err(|e| {
                if e.matches(&types().exc.type_error) {
                    PyErr::type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
                } else {
                    e
                }
            })?;
            items_to_bytes(vm, &items)?
        };
        let n = cell.borrow().len();
        let (s, e, st, cnt) = slice_indices(vm, key, n)?;
        if st == 1 {
            // (`__index__` of the slice bounds may have resized the array.)
            let len = cell.borrow().len();
            let s = (s.max(0) as usize).min(len);
            let e = (e.max(0) as usize).clamp(s, len);
            if new.len() != e - s {
                check_resizable(&args[0])?;
            }
            cell.borrow_mut().splice(s..e, new);
        } else if new.is_empty() {
            // Assigning nothing to an extended slice deletes its items.
            return ba_delitem(vm, &[args[0].clone(), key.clone()], &[]);
        } else {
            let mut v = cell.borrow_mut();
            if new.len() != cnt {
                return Err(PyErr::value_error(format!(
                    "attempt to assign bytes of size {} to extended slice of size {}",
                    new.len(),
                    cnt
                )));
            }
            let mut i = s;
            for x in new {
                if let Some(slot) = v.get_mut(i as usize) {
                    *slot = x;
                }
                i = i.wrapping_add(st);
            }
        }
        return Ok(Value::NONE);
    }
    if !key.is_int() && crate::types::lookup(type_ref(key), "__index__").is_none() {
        return Err(PyErr::type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            tname(key)
        )));
    }
    let i = vm.index_value(key)?;
    let b = byte_value(vm, value)?;
    let mut v = cell.borrow_mut();
    match crate::ops::seq::norm_index(i, v.len()) {
        Some(j) => {
            v[j] = b;
            Ok(Value::NONE)
        }
        None => Err(PyErr::index_error("bytearray index out of range")),
    }
}

pub(crate) fn ba_delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__delitem__", &args[1.min(args.len())..], kw, 1, 1)?;
    let cell = ba_cell(&args[0])?;
    let key = &args[1];
    if key.as_slice().is_some() {
        let n = cell.borrow().len();
        let (s, _, st, cnt) = slice_indices(vm, key, n)?;
        if cnt > 0 {
            check_resizable(&args[0])?;
        }
        let mut idx: Vec<usize> = (0..cnt).map(|k| (s + k as i64 * st) as usize).collect();
        idx.sort_unstable();
        let mut v = cell.borrow_mut();
        let mut keep = Vec::with_capacity(v.len() - cnt.min(v.len()));
        let mut di = 0;
        for (i, &x) in v.iter().enumerate() {
            if di < idx.len() && idx[di] == i {
                di += 1;
            } else {
                keep.push(x);
            }
        }
        *v = keep;
        return Ok(Value::NONE);
    }
    if !key.is_int() && crate::types::lookup(type_ref(key), "__index__").is_none() {
        return Err(PyErr::type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            tname(key)
        )));
    }
    let i = vm.index_value(key)?;
    check_resizable(&args[0])?;
    let mut v = cell.borrow_mut();
    match crate::ops::seq::norm_index(i, v.len()) {
        Some(j) => {
            v.remove(j);
            Ok(Value::NONE)
        }
        None => Err(PyErr::index_error("bytearray index out of range")),
    }
}

pub(crate) fn ba_append(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("append", &args[1.min(args.len())..], kw, 1, 1)?;
    let cell = ba_cell(&args[0])?;
    let b = byte_value(vm, &args[1])?;
    check_resizable(&args[0])?;
    cell.borrow_mut().push(b);
    Ok(Value::NONE)
}

pub(crate) fn ba_extend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("extend", &args[1.min(args.len())..], kw, 1, 1)?;
    let cell = ba_cell(&args[0])?;
    let x = &args[1];
    let new = if let Some(b) = buffer_bytes(x) {
        b
    } else {
        let tr = type_ref(x);
        if crate::types::lookup(tr, "__iter__").is_none() && crate::types::lookup(tr, "__getitem__").is_none() {
            return Err(PyErr::type_error(format!("can't extend bytearray with {}", tname(x))));
        }
        let items = vm.collect(x)?;
        items_to_bytes(vm, &items)?
    };
    check_resizable(&args[0])?;
    cell.borrow_mut().extend_from_slice(&new);
    Ok(Value::NONE)
}

pub(crate) fn ba_iadd(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__iadd__", &args[1.min(args.len())..], kw, 1, 1)?;
    let cell = ba_cell(&args[0])?;
    let Some(b) = buffer_bytes(&args[1]) else {
        return Err(PyErr::type_error(format!("can't concat {} to bytearray", tname(&args[1]))));
    };
    check_resizable(&args[0])?;
    cell.borrow_mut().extend_from_slice(&b);
    Ok(args[0].clone())
}

pub(crate) fn ba_imul(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__imul__", &args[1.min(args.len())..], kw, 1, 1)?;
    let cell = ba_cell(&args[0])?;
    let Some(n) = repeat_count(vm, &args[1], false)? else { return Ok(notimpl()) };
    check_resizable(&args[0])?;
    let cur = cell.borrow().clone();
    *cell.borrow_mut() = repeated(&cur, n)?;
    Ok(args[0].clone())
}

pub(crate) fn ba_pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("pop", &args[1.min(args.len())..], kw, 0, 1)?;
    let cell = ba_cell(&args[0])?;
    let i = if args.len() > 1 { ssize_arg(vm, &args[1])? } else { -1 };
    if cell.borrow().is_empty() {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    check_resizable(&args[0])?;
    let mut v = cell.borrow_mut();
    match crate::ops::seq::norm_index(i, v.len()) {
        Some(j) => Ok(Value::int(v.remove(j) as i64)),
        None => Err(PyErr::index_error("pop index out of range")),
    }
}

pub(crate) fn ba_insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("insert", &args[1.min(args.len())..], kw, 2, 2)?;
    let cell = ba_cell(&args[0])?;
    let i = ssize_arg(vm, &args[1])?;
    let b = byte_value(vm, &args[2])?;
    check_resizable(&args[0])?;
    let mut v = cell.borrow_mut();
    let n = v.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(j as usize, b);
    Ok(Value::NONE)
}

pub(crate) fn ba_remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("remove", &args[1.min(args.len())..], kw, 1, 1)?;
    let cell = ba_cell(&args[0])?;
    let b = byte_value(vm, &args[1])?;
    let v = cell.borrow_mut();
    match v.iter().position(|&x| x == b) {
        Some(j) => {
            drop(v);
            check_resizable(&args[0])?;
            cell.borrow_mut().remove(j);
            Ok(Value::NONE)
        }
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

pub(crate) fn ba_reverse(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("bytearray.reverse", args, kw)?;
    ba_cell(first(args)?)?.borrow_mut().reverse();
    Ok(Value::NONE)
}

pub(crate) fn ba_clear(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("bytearray.clear", args, kw)?;
    let cell = ba_cell(first(args)?)?;
    if !cell.borrow().is_empty() {
        check_resizable(&args[0])?;
    }
    cell.borrow_mut().clear();
    Ok(Value::NONE)
}

pub(crate) fn ba_copy(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("bytearray.copy", args, kw)?;
    let v = ba_cell(first(args)?)?.borrow().clone();
    Ok(Value::bytearray(v))
}

pub fn init(t: &Types) {
    for ty in [&t.bytes, &t.bytearray] {
        add_method(ty, "__repr__", bytes_repr);
        add_method(ty, "__len__", bytes_len);
        add_method(ty, "__getitem__", bytes_getitem);
        add_method(ty, "__contains__", bytes_contains);
        add_method(ty, "__iter__", bytes_iter);
        add_method(ty, "__eq__", bytes_eq);
        add_method(ty, "__ne__", bytes_ne);
        add_method(ty, "__lt__", bytes_lt);
        add_method(ty, "__le__", bytes_le);
        add_method(ty, "__gt__", bytes_gt);
        add_method(ty, "__ge__", bytes_ge);
        add_method(ty, "__add__", bytes_add);
        add_method(ty, "__mul__", bytes_mul);
        add_method(ty, "__rmul__", bytes_rmul);
        add_method(ty, "__mod__", bytes_mod);
        add_method(ty, "__rmod__", bytes_rmod);
        add_native(ty, "fromhex", bytes_fromhex, NativeKind::ClassMethod);
        add_native(ty, "maketrans", bytes_maketrans, NativeKind::StaticMethod);
        add_method(ty, "decode", bytes_decode);
        add_method(ty, "hex", bytes_hex);
        add_method(ty, "count", bytes_count);
        add_method(ty, "find", bytes_find);
        add_method(ty, "rfind", bytes_rfind);
        add_method(ty, "index", bytes_index);
        add_method(ty, "rindex", bytes_rindex);
        add_method(ty, "startswith", bytes_startswith);
        add_method(ty, "endswith", bytes_endswith);
        add_method(ty, "split", bytes_split);
        add_method(ty, "rsplit", bytes_rsplit);
        add_method(ty, "splitlines", bytes_splitlines);
        add_method(ty, "join", bytes_join);
        add_method(ty, "strip", bytes_strip);
        add_method(ty, "lstrip", bytes_lstrip);
        add_method(ty, "rstrip", bytes_rstrip);
        add_method(ty, "partition", bytes_partition);
        add_method(ty, "rpartition", bytes_rpartition);
        add_method(ty, "replace", bytes_replace);
        add_method(ty, "removeprefix", bytes_removeprefix);
        add_method(ty, "removesuffix", bytes_removesuffix);
        add_method(ty, "upper", bytes_upper);
        add_method(ty, "lower", bytes_lower);
        add_method(ty, "swapcase", bytes_swapcase);
        add_method(ty, "title", bytes_title);
        add_method(ty, "capitalize", bytes_capitalize);
        add_method(ty, "isalpha", bytes_isalpha);
        add_method(ty, "isdigit", bytes_isdigit);
        add_method(ty, "isalnum", bytes_isalnum);
        add_method(ty, "isspace", bytes_isspace);
        add_method(ty, "isascii", bytes_isascii);
        add_method(ty, "isupper", bytes_isupper);
        add_method(ty, "islower", bytes_islower);
        add_method(ty, "istitle", bytes_istitle);
        add_method(ty, "center", bytes_center);
        add_method(ty, "ljust", bytes_ljust);
        add_method(ty, "rjust", bytes_rjust);
        add_method(ty, "zfill", bytes_zfill);
        add_method(ty, "expandtabs", bytes_expandtabs);
        add_method(ty, "translate", bytes_translate);
    }
    let b = &t.bytes;
    add_native(b, "__new__", bytes_new, NativeKind::StaticMethod);
    add_method(b, "__hash__", bytes_hash);
    add_method(b, "__getnewargs__", bytes_getnewargs);
    add_method(b, "__bytes__", bytes_bytes);
    let ba = &t.bytearray;
    add_native(ba, "__new__", bytearray_new, NativeKind::StaticMethod);
    add_method(ba, "__init__", bytearray_init);
    crate::types::add_attr(ba, "__hash__", Value::NONE);
    add_method(ba, "__setitem__", ba_setitem);
    add_method(ba, "__delitem__", ba_delitem);
    add_method(ba, "__iadd__", ba_iadd);
    add_method(ba, "__imul__", ba_imul);
    add_method(ba, "append", ba_append);
    add_method(ba, "extend", ba_extend);
    add_method(ba, "pop", ba_pop);
    add_method(ba, "insert", ba_insert);
    add_method(ba, "remove", ba_remove);
    add_method(ba, "reverse", ba_reverse);
    add_method(ba, "clear", ba_clear);
    add_method(ba, "copy", ba_copy);
    add_method(ba, "__alloc__", ba_alloc);
    add_method(ba, "__reduce__", ba_reduce);
    add_method(ba, "__reduce_ex__", ba_reduce_ex);
    crate::types::add_attr(
        b,
        "__doc__",
        Value::str(
            "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\n\
             bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\n\
             bytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  \
             - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  \
             - any object implementing the buffer API.\n  - an integer",
        ),
    );
    crate::types::add_attr(
        ba,
        "__doc__",
        Value::str(
            "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n\
             bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n\
             bytearray() -> empty bytes array\n\nConstruct a mutable bytearray object from:\n  \
             - an iterable yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  \
             - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer",
        ),
    );
    crate::types::memoryview::init(t);
}
