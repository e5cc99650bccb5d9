//! The `_struct` module (also importable as `struct`): packing values into
//! C-layout bytes and back.
//!
//! A format string is parsed once into a list of items with their offsets
//! (`Fmt`); `Struct` objects keep the parsed form in an opaque payload.
//! Byte orders: `@` native order, sizes and alignment; `=` native order with
//! standard sizes; `<` little-endian; `>`/`!` big-endian (standard sizes, no
//! alignment).

use crate::object::{NativeKind, Payload, PyObject};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_method, add_native, dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::cell::RefCell;

static ERROR: crate::gil::GilCell<RefCell<Option<Value>>> = crate::gil::GilCell::new(RefCell::new(None));
static STRUCT_TYPE: crate::gil::GilCell<RefCell<Option<Value>>> = crate::gil::GilCell::new(RefCell::new(None));
static ITER_TYPE: crate::gil::GilCell<RefCell<Option<Value>>> = crate::gil::GilCell::new(RefCell::new(None));

fn error_class(vm: &mut Vm) -> Value {
    if let Some(v) = ERROR.with(|e| e.borrow().clone()) {
        return v;
    }
    let t = types();
    let d = dict::new_dict();
    dict::dict_set_str(&d, "__module__", Value::str("struct"));
    let bases = Value::tuple(vec![t.exc.exception.clone()]);
    let cls = vm.call(&t.type_, &[Value::str("error"), bases, d]).unwrap_or_else(|_| t.exc.exception.clone());
    ERROR.with(|e| *e.borrow_mut() = Some(cls.clone()));
    cls
}

fn err(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let cls = error_class(vm);
    PyErr::new(&cls, msg.into())
}

/// Failures that are not yet Python exceptions (the error class needs the VM).
enum FErr {
    Struct(String),
    Py(PyErr),
}

impl From<PyErr> for FErr {
    fn from(e: PyErr) -> FErr {
        FErr::Py(e)
    }
}

fn lift<T>(vm: &mut Vm, r: Result<T, FErr>) -> PyResult<T> {
    match r {
        Ok(v) => Ok(v),
        Err(FErr::Struct(m)) => Err(err(vm, m)),
        Err(FErr::Py(e)) => Err(e),
    }
}

#[derive(Clone, Copy)]
struct Item {
    code: u8,
    offset: usize,
    /// Byte size of the item (for `s`/`p`, the declared length).
    size: usize,
    /// How many consecutive values of this code (always 1 for `s`/`p`), so
    /// that a huge repeat count does not expand into a huge list.
    count: usize,
}

impl Fmt {
    /// The items one by one (runs expanded lazily).
    fn each(&self) -> impl Iterator<Item = Item> + '_ {
        self.items.iter().flat_map(|it| {
            (0..it.count).map(move |k| Item { code: it.code, offset: it.offset + k * it.size, size: it.size, count: 1 })
        })
    }
}

/// A parsed format.
#[derive(Clone)]
pub struct Fmt {
    items: Vec<Item>,
    size: usize,
    little: bool,
    #[allow(dead_code)]
    native: bool,
    format: String,
}

impl crate::object::NativeData for Fmt {}

fn native_size(c: u8) -> Option<(usize, usize)> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
        b'h' | b'H' | b'e' => (2, 2),
        b'i' | b'I' | b'f' => (4, 4),
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' | b'P' => (8, 8),
        _ => return None,
    })
}

fn std_size(c: u8) -> Option<usize> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'l' | b'L' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

fn too_long() -> FErr {
    FErr::Struct("total struct size too long".into())
}

fn parse(format: &str) -> Result<Fmt, FErr> {
    let b = format.as_bytes();
    let mut i = 0;
    let (little, native) = match b.first() {
        Some(b'@') => {
            i = 1;
            (cfg!(target_endian = "little"), true)
        }
        Some(b'=') => {
            i = 1;
            (cfg!(target_endian = "little"), false)
        }
        Some(b'<') => {
            i = 1;
            (true, false)
        }
        Some(b'>') | Some(b'!') => {
            i = 1;
            (false, false)
        }
        _ => (cfg!(target_endian = "little"), true),
    };
    let mut items = Vec::new();
    let mut offset: usize = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut num: usize = 1;
        let mut c = c;
        if c.is_ascii_digit() {
            num = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                num = num
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((b[i] - b'0') as usize))
                    .ok_or_else(too_long)?;
                i += 1;
            }
            if i >= b.len() {
                return Err(FErr::Struct("repeat count given without format specifier".into()));
            }
            c = b[i];
        }
        i += 1;
        let (size, align) = if native {
            native_size(c).ok_or_else(|| FErr::Struct("bad char in struct format".into()))?
        } else {
            let s = std_size(c).ok_or_else(|| FErr::Struct("bad char in struct format".into()))?;
            (s, 1)
        };
        if native && align > 1 {
            offset = offset.checked_add(align - 1).ok_or_else(too_long)? / align * align;
        }
        match c {
            b's' | b'p' => {
                items.push(Item { code: c, offset, size: num, count: 1 });
                offset = offset.checked_add(num).ok_or_else(too_long)?;
            }
            b'x' => {
                offset = offset.checked_add(num).ok_or_else(too_long)?;
            }
            _ => {
                let total = num.checked_mul(size).ok_or_else(too_long)?;
                if total > isize::MAX as usize {
                    return Err(too_long());
                }
                if num > 0 {
                    items.push(Item { code: c, offset, size, count: num });
                }
                offset = offset.checked_add(total).ok_or_else(too_long)?;
            }
        }
        if offset > isize::MAX as usize {
            return Err(too_long());
        }
    }
    Ok(Fmt { items, size: offset, little, native, format: format.to_string() })
}

/// The format argument: str or bytes.
fn format_text(v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = v.as_bytes() {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    Err(PyErr::type_error(format!(
        "Struct() argument 1 must be a str or bytes object, not {}",
        type_ref(v).type_name_str()
    )))
}

fn parse_value(vm: &mut Vm, v: &Value) -> PyResult<Fmt> {
    if let Some(f) = struct_fmt(v) {
        return Ok(f);
    }
    let s = format_text(v)?;
    if s.contains('\0') {
        return Err(err(vm, "embedded null character"));
    }
    let r = parse(&s);
    lift(vm, r)
}

// ---------------------------------------------------------------- buffers

use crate::modules::data::array::ArrayData;

/// The bytes of a bytes-like object.
fn read_buffer(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(Payload::MemoryView(m)) = v.as_obj().map(|o| &o.payload) {
        if m.borrow().released {
            return Err(PyErr::value_error("operation forbidden on released memoryview object"));
        }
    }
    crate::types::bytes::buffer_bytes(v).ok_or_else(|| {
        PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_ref(v).type_name_str()))
    })
}

/// Write `data` at `offset` into a writable buffer (bytearray, array, or a memoryview of one).
fn write_buffer(v: &Value, offset: usize, data: &[u8]) -> PyResult<()> {
    let end = offset.saturating_add(data.len());
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::ByteArray(b)) => {
            let mut b = b.borrow_mut();
            if end <= b.len() {
                b[offset..end].copy_from_slice(data);
            }
            Ok(())
        }
        Some(Payload::MemoryView(m)) => {
            let (obj, start) = {
                let m = m.borrow();
                (m.obj.clone(), m.start)
            };
            write_buffer(&obj, start.saturating_add(offset), data)
        }
        Some(Payload::Opaque(_)) => crate::object::with_opaque::<ArrayData, _>(v, |a| {
            if end <= a.data.len() {
                a.data[offset..end].copy_from_slice(data);
            }
        })
        .ok_or_else(|| PyErr::type_error("argument must be read-write bytes-like object")),
        _ => Err(PyErr::type_error("argument must be read-write bytes-like object")),
    }
}

/// Length of a writable buffer, or the TypeError for read-only ones.
fn writable_len(v: &Value) -> PyResult<usize> {
    let not_writable = || {
        PyErr::type_error(format!("argument must be read-write bytes-like object, not {}", type_ref(v).type_name_str()))
    };
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::ByteArray(b)) => Ok(b.borrow().len()),
        Some(Payload::MemoryView(m)) => {
            let m = m.borrow();
            if m.released {
                return Err(PyErr::value_error("operation forbidden on released memoryview object"));
            }
            match m.obj.as_obj().map(|o| &o.payload) {
                Some(Payload::ByteArray(_)) => Ok(m.len),
                Some(Payload::Opaque(_)) if crate::object::with_opaque::<ArrayData, _>(&m.obj, |_| ()).is_some() => {
                    Ok(m.len)
                }
                _ => Err(not_writable()),
            }
        }
        Some(Payload::Opaque(_)) => {
            crate::object::with_opaque::<ArrayData, _>(v, |a| a.data.len()).ok_or_else(not_writable)
        }
        _ => Err(not_writable()),
    }
}

// ---------------------------------------------------------------- packing

/// The integer value of an argument for an integer code.
fn int_arg(vm: &mut Vm, v: &Value) -> Result<BigInt, FErr> {
    if let Some(b) = v.to_bigint() {
        return Ok(b);
    }
    if v.is_float() || crate::types::lookup(type_ref(v), "__index__").is_none() {
        return Err(FErr::Struct("required argument is not an integer".into()));
    }
    let r = vm.call_method(v, "__index__", &[])?;
    match r.to_bigint() {
        Some(b) => Ok(b),
        None => Err(FErr::Py(PyErr::type_error(format!(
            "__index__ returned non-int (type {})",
            type_ref(&r).type_name_str()
        )))),
    }
}

fn float_arg(vm: &mut Vm, v: &Value) -> Result<f64, FErr> {
    if let Some(f) = v.as_float() {
        return Ok(f);
    }
    if let Some(Payload::Float(f)) = v.as_obj().map(|o| &o.payload) {
        return Ok(*f);
    }
    if let Some(b) = v.to_bigint() {
        return match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(FErr::Py(PyErr::overflow("int too large to convert to float"))),
        };
    }
    let tr = type_ref(v);
    if crate::types::lookup(tr, "__float__").is_some() {
        let r = vm.call_method(v, "__float__", &[])?;
        if let Some(f) = r.as_float() {
            return Ok(f);
        }
        if let Some(Payload::Float(f)) = r.as_obj().map(|o| &o.payload) {
            return Ok(*f);
        }
        return Err(FErr::Py(PyErr::type_error(format!(
            "{}.__float__ returned non-float (type {})",
            tr.type_name_str(),
            type_ref(&r).type_name_str()
        ))));
    }
    if crate::types::lookup(tr, "__index__").is_some() {
        let b = int_arg(vm, v)?;
        return b.to_f64().filter(|f| f.is_finite()).ok_or_else(|| FErr::Py(PyErr::overflow("int too large to convert to float")));
    }
    Err(FErr::Struct("required argument is not a float".into()))
}

fn put_uint(out: &mut [u8], x: u64, size: usize, little: bool) {
    for k in 0..size {
        let byte = (x >> (8 * k)) as u8;
        if little {
            out[k] = byte;
        } else {
            out[size - 1 - k] = byte;
        }
    }
}

fn get_uint(b: &[u8], size: usize, little: bool) -> u64 {
    let mut x: u64 = 0;
    for k in 0..size {
        let byte = if little { b[k] } else { b[size - 1 - k] } as u64;
        x |= byte << (8 * k);
    }
    x
}

/// Half-precision bits of `x`; None on overflow.
fn to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    let (m, e) = crate::types::float::frexp(a);
    if e > 16 {
        return None;
    }
    if e < -13 {
        // Subnormal (or rounds up to the smallest normal): units of 2^-24.
        let f = (a * 16777216.0).round_ties_even();
        return Some(sign | f as u16);
    }
    let mut f = ((m * 2.0 - 1.0) * 1024.0).round_ties_even() as u32;
    let mut eb = (e - 1 + 15) as u32;
    if f >= 1024 {
        f -= 1024;
        eb += 1;
    }
    if eb >= 31 {
        return None;
    }
    Some(sign | (eb << 10) as u16 | f as u16)
}

fn from_half(h: u16) -> f64 {
    let neg = h & 0x8000 != 0;
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    let v = if e == 0 {
        f * 2f64.powi(-24)
    } else if e == 31 {
        if f == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else {
        (1.0 + f / 1024.0) * 2f64.powi(e - 15)
    };
    if neg {
        -v
    } else {
        v
    }
}

fn range_msg(code: u8, size: usize, signed: bool) -> String {
    match (code, signed) {
        (b'b', _) => "byte format requires -128 <= number <= 127".into(),
        (b'B', _) => "ubyte format requires 0 <= number <= 255".into(),
        (b'h', _) => "short format requires -32768 <= number <= 32767".into(),
        (b'H', _) => "ushort format requires 0 <= number <= 65535".into(),
        (c, true) => {
            let max = (1i128 << (8 * size - 1)) - 1;
            format!("'{}' format requires {} <= number <= {}", c as char, -max - 1, max)
        }
        (c, false) => {
            let max = (1u128 << (8 * size)) - 1;
            format!("'{}' format requires 0 <= number <= {}", c as char, max)
        }
    }
}

fn pack_item(vm: &mut Vm, f: &Fmt, it: &Item, v: &Value, out: &mut [u8]) -> Result<(), FErr> {
    let dst = &mut out[it.offset..it.offset + it.size];
    let little = f.little;
    match it.code {
        b'c' => {
            let b = match v.as_obj().map(|o| &o.payload) {
                Some(Payload::Bytes(b)) if b.len() == 1 => b[0],
                Some(Payload::ByteArray(b)) if b.borrow().len() == 1 => b.borrow()[0],
                _ => return Err(FErr::Struct("char format requires a bytes object of length 1".into())),
            };
            dst[0] = b;
        }
        b's' | b'p' => {
            let data = match v.as_obj().map(|o| &o.payload) {
                Some(Payload::Bytes(b)) => b.to_vec(),
                Some(Payload::ByteArray(b)) => b.borrow().clone(),
                _ => {
                    return Err(FErr::Struct(format!("argument for '{}' must be a bytes object", it.code as char)))
                }
            };
            if it.code == b's' {
                let n = data.len().min(it.size);
                dst[..n].copy_from_slice(&data[..n]);
            } else if it.size > 0 {
                let n = data.len().min(it.size - 1);
                dst[1..1 + n].copy_from_slice(&data[..n]);
                dst[0] = n.min(255) as u8;
            }
        }
        b'?' => {
            let t = vm.truthy(v)?;
            dst[0] = t as u8;
        }
        b'e' => {
            let x = float_arg(vm, v)?;
            let h = to_half(x).ok_or_else(|| FErr::Py(PyErr::overflow("float too large to pack with e format")))?;
            put_uint(dst, h as u64, 2, little);
        }
        b'f' => {
            let x = float_arg(vm, v)?;
            let y = x as f32;
            if y.is_infinite() && x.is_finite() {
                return Err(FErr::Py(PyErr::overflow("float too large to pack with f format")));
            }
            put_uint(dst, y.to_bits() as u64, 4, little);
        }
        b'd' => {
            let x = float_arg(vm, v)?;
            put_uint(dst, x.to_bits(), 8, little);
        }
        b'P' => {
            let b = int_arg(vm, v)?;
            let x = match (b.to_u64(), b.to_i64()) {
                (Some(u), _) => u,
                (None, Some(i)) => i as u64,
                _ => return Err(FErr::Struct("int too large to convert".into())),
            };
            put_uint(dst, x, 8, little);
        }
        c => {
            let signed = matches!(c, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            let b = int_arg(vm, v)?;
            let size = it.size;
            let x: u64 = if signed {
                let Some(i) = b.to_i64() else { return Err(FErr::Struct("argument out of range".into())) };
                if size < 8 {
                    let max = (1i64 << (8 * size - 1)) - 1;
                    if i > max || i < -max - 1 {
                        return Err(FErr::Struct(range_msg(c, size, true)));
                    }
                }
                i as u64
            } else if c == b'B' || c == b'H' {
                let Some(i) = b.to_i64() else { return Err(FErr::Struct("argument out of range".into())) };
                if i < 0 || i >> (8 * size) != 0 {
                    return Err(FErr::Struct(range_msg(c, size, false)));
                }
                i as u64
            } else {
                if b.is_negative() {
                    return Err(FErr::Struct("argument out of range".into()));
                }
                let Some(u) = b.to_u64() else { return Err(FErr::Struct("argument out of range".into())) };
                if size < 8 && u >> (8 * size) != 0 {
                    return Err(FErr::Struct(range_msg(c, size, false)));
                }
                u
            };
            put_uint(dst, x, size, little);
        }
    }
    Ok(())
}

fn nitems(f: &Fmt) -> usize {
    f.items.iter().map(|it| it.count).sum()
}

/// A zeroed buffer of `n` bytes, or MemoryError.
fn zeroed(n: usize) -> PyResult<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| PyErr::memory_error())?;
    v.resize(n, 0);
    Ok(v)
}

fn pack_to(vm: &mut Vm, f: &Fmt, vals: &[Value], out: &mut [u8]) -> PyResult<()> {
    if vals.len() != nitems(f) {
        return Err(err(vm, format!("pack expected {} items for packing (got {})", nitems(f), vals.len())));
    }
    for (it, v) in f.each().zip(vals) {
        let r = pack_item(vm, f, &it, v, out);
        lift(vm, r)?;
    }
    Ok(())
}

fn unpack_item(f: &Fmt, it: &Item, b: &[u8]) -> Value {
    let src = &b[it.offset..it.offset + it.size];
    let little = f.little;
    match it.code {
        b'c' => Value::bytes(vec![src[0]]),
        b's' => Value::bytes(src.to_vec()),
        b'p' => {
            if it.size == 0 {
                return Value::bytes(vec![]);
            }
            let n = (src[0] as usize).min(it.size - 1);
            Value::bytes(src[1..1 + n].to_vec())
        }
        b'?' => Value::bool(src[0] != 0),
        b'e' => Value::float(from_half(get_uint(src, 2, little) as u16)),
        b'f' => Value::float(f32::from_bits(get_uint(src, 4, little) as u32) as f64),
        b'd' => Value::float(f64::from_bits(get_uint(src, 8, little))),
        c => {
            let u = get_uint(src, it.size, little);
            let signed = matches!(c, b'b' | b'h' | b'i' | b'l' | b'q' | b'n');
            if signed {
                let shift = 64 - 8 * it.size as u32;
                Value::int(((u << shift) as i64) >> shift)
            } else if u <= i64::MAX as u64 {
                Value::int(u as i64)
            } else {
                Value::bigint(BigInt::from(u))
            }
        }
    }
}

fn unpack_at(f: &Fmt, b: &[u8]) -> Value {
    Value::tuple(f.each().map(|it| unpack_item(f, &it, b)).collect())
}

// ---------------------------------------------------------------- operations

fn do_pack(vm: &mut Vm, f: &Fmt, vals: &[Value]) -> PyResult<Value> {
    if vals.len() != nitems(f) {
        return Err(err(vm, format!("pack expected {} items for packing (got {})", nitems(f), vals.len())));
    }
    let mut out = zeroed(f.size)?;
    pack_to(vm, f, vals, &mut out)?;
    Ok(Value::bytes(out))
}

fn do_unpack(vm: &mut Vm, f: &Fmt, buf: &Value) -> PyResult<Value> {
    let b = read_buffer(buf)?;
    if b.len() != f.size {
        return Err(err(vm, format!("unpack requires a buffer of {} bytes", f.size)));
    }
    Ok(unpack_at(f, &b))
}

fn do_unpack_from(vm: &mut Vm, f: &Fmt, buf: &Value, offset: &Option<Value>) -> PyResult<Value> {
    let b = read_buffer(buf)?;
    let mut off = match offset {
        Some(o) => vm.index_value(o)?,
        None => 0,
    };
    let n = b.len() as i64;
    if off < 0 {
        if off.saturating_add(n) < 0 {
            return Err(err(vm, format!("offset {off} out of range for {n}-byte buffer")));
        }
        if off.saturating_add(f.size as i64) > 0 {
            return Err(err(vm, format!("not enough data to unpack {} bytes at offset {off}", f.size)));
        }
        off += n;
    }
    if n.saturating_sub(off) < f.size as i64 {
        return Err(err(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                f.size as i128 + off as i128,
                f.size,
                off,
                n
            ),
        ));
    }
    Ok(unpack_at(f, &b[off as usize..]))
}

fn do_pack_into(vm: &mut Vm, f: &Fmt, buf: &Value, offset: &Value, vals: &[Value]) -> PyResult<Value> {
    let n = writable_len(buf)? as i64;
    if vals.len() != nitems(f) {
        return Err(err(vm, format!("pack expected {} items for packing (got {})", nitems(f), vals.len())));
    }
    let mut off = vm.index_value(offset)?;
    if off < 0 {
        if off.saturating_add(n) < 0 {
            return Err(err(vm, format!("offset {off} out of range for {n}-byte buffer")));
        }
        if off.saturating_add(f.size as i64) > 0 {
            return Err(err(vm, format!("no space to pack {} bytes at offset {off}", f.size)));
        }
        off += n;
    }
    if n.saturating_sub(off) < f.size as i64 {
        return Err(err(
            vm,
            format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
                f.size as i128 + off as i128,
                f.size,
                off,
                n
            ),
        ));
    }
    if vals.len() != nitems(f) {
        return Err(err(vm, format!("pack expected {} items for packing (got {})", nitems(f), vals.len())));
    }
    let mut out = zeroed(f.size)?;
    pack_to(vm, f, vals, &mut out)?;
    write_buffer(buf, off as usize, &out)?;
    Ok(Value::NONE)
}

fn do_iter_unpack(vm: &mut Vm, f: Fmt, buf: &Value) -> PyResult<Value> {
    if f.size == 0 {
        return Err(err(vm, "cannot iteratively unpack with a struct of length 0"));
    }
    let b = read_buffer(buf)?;
    if b.len() % f.size != 0 {
        return Err(err(vm, format!("iterative unpacking requires a buffer of a multiple of {} bytes", f.size)));
    }
    let ty = iter_type(vm);
    let st = IterUnpack { fmt: f, buf: b, pos: 0 };
    Ok(Value::from_obj(PyObject::new(ty.as_obj().unwrap(), Payload::Opaque(RefCell::new(Box::new(st))))))
}

// ---------------------------------------------------------------- module functions

fn need_format(args: &[Value], kw: &[Value], name: &str) -> PyResult<()> {
    crate::args::no_kwargs(name, kw)?;
    if args.is_empty() {
        return Err(PyErr::type_error("missing format argument"));
    }
    Ok(())
}

fn m_pack(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    need_format(args, kw, "pack")?;
    let f = parse_value(vm, &args[0])?;
    do_pack(vm, &f, &args[1..])
}

fn m_unpack(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("unpack", args, kw, 2, 2)?;
    let f = parse_value(vm, &args[0])?;
    do_unpack(vm, &f, &args[1])
}

fn m_calcsize(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("calcsize", args, kw, 1, 1)?;
    let f = parse_value(vm, &args[0])?;
    Ok(Value::int(f.size as i64))
}

fn m_pack_into(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    need_format(args, kw, "pack_into")?;
    if args.len() < 3 {
        let msg = if args.len() < 2 { "pack_into expected buffer argument" } else { "pack_into expected offset argument" };
        return Err(PyErr::type_error(msg));
    }
    let f = parse_value(vm, &args[0])?;
    do_pack_into(vm, &f, &args[1], &args[2], &args[3..])
}

fn m_unpack_from(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fmt, buffer, offset] = crate::args::bind("unpack_from", args, kw, &["format", "/", "buffer", "offset="])?;
    let f = parse_value(vm, &fmt.unwrap_or(Value::NONE))?;
    do_unpack_from(vm, &f, &buffer.unwrap_or(Value::NONE), &offset)
}

fn m_iter_unpack(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("iter_unpack", args, kw, 2, 2)?;
    let f = parse_value(vm, &args[0])?;
    do_iter_unpack(vm, f, &args[1])
}

fn m_clearcache(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- Struct objects

fn struct_fmt(v: &Value) -> Option<Fmt> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => b.borrow().downcast_ref::<Fmt>().cloned(),
        _ => None,
    }
}

fn this(v: &Value) -> PyResult<Fmt> {
    struct_fmt(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a '_struct.Struct' object but received '{}'",
            type_ref(v).type_name_str()
        ))
    })
}

fn s_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [cls, format] = crate::args::bind("Struct", args, kw, &["cls", "format"])?;
    let cls = cls.unwrap_or(Value::NONE);
    let f = parse_value(vm, &format.unwrap_or(Value::NONE))?;
    let co = cls.as_obj().filter(|o| o.as_type().is_some()).ok_or_else(|| PyErr::type_error("Struct.__new__(X): X is not a type object"))?;
    Ok(Value::from_obj(PyObject::new(co, Payload::Opaque(RefCell::new(Box::new(f))))))
}

fn s_init(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn s_pack(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("pack", kw)?;
    let f = this(&args[0])?;
    do_pack(vm, &f, &args[1..])
}

fn s_unpack(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("unpack", &args[1..], kw, 1, 1)?;
    let f = this(&args[0])?;
    do_unpack(vm, &f, &args[1])
}

fn s_pack_into(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("pack_into", kw)?;
    let f = this(&args[0])?;
    if args.len() < 3 {
        let msg = if args.len() < 2 { "pack_into expected buffer argument" } else { "pack_into expected offset argument" };
        return Err(PyErr::type_error(msg));
    }
    do_pack_into(vm, &f, &args[1], &args[2], &args[3..])
}

fn s_unpack_from(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, buffer, offset] = crate::args::bind("unpack_from", args, kw, &["self", "buffer", "offset="])?;
    let f = this(&me.unwrap_or(Value::NONE))?;
    do_unpack_from(vm, &f, &buffer.unwrap_or(Value::NONE), &offset)
}

fn s_iter_unpack(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("iter_unpack", &args[1..], kw, 1, 1)?;
    let f = this(&args[0])?;
    do_iter_unpack(vm, f, &args[1])
}

fn s_format(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::string(this(&args[0])?.format))
}

fn s_size(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(this(&args[0])?.size as i64))
}

fn s_sizeof(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(56 + 24 * nitems(&this(&args[0])?) as i64))
}

/// A heap class created for this module, with `__module__` set.
fn make_class(vm: &mut Vm, name: &str, module: &str) -> Value {
    let t = types();
    let d = dict::new_dict();
    dict::dict_set_str(&d, "__module__", Value::str(module));
    let bases = Value::tuple(vec![t.object.clone()]);
    vm.call(&t.type_, &[Value::str(name), bases, d]).unwrap_or_else(|_| t.object.clone())
}

fn struct_type(vm: &mut Vm) -> Value {
    if let Some(v) = STRUCT_TYPE.with(|e| e.borrow().clone()) {
        return v;
    }
    let cls = make_class(vm, "Struct", "_struct");
    add_native(&cls, "__new__", s_new, NativeKind::StaticMethod);
    add_method(&cls, "__init__", s_init);
    add_method(&cls, "pack", s_pack);
    add_method(&cls, "unpack", s_unpack);
    add_method(&cls, "pack_into", s_pack_into);
    add_method(&cls, "unpack_from", s_unpack_from);
    add_method(&cls, "iter_unpack", s_iter_unpack);
    add_method(&cls, "__sizeof__", s_sizeof);
    crate::types::add_getset(&cls, "format", s_format, None);
    crate::types::add_getset(&cls, "size", s_size, None);
    STRUCT_TYPE.with(|e| *e.borrow_mut() = Some(cls.clone()));
    cls
}

// ---------------------------------------------------------------- unpack_iterator

struct IterUnpack {
    fmt: Fmt,
    buf: Vec<u8>,
    pos: usize,
}

impl crate::object::NativeData for IterUnpack {}

fn iter_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = match args[0].as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => {
            let mut b = b.borrow_mut();
            match b.downcast_mut::<IterUnpack>() {
                Some(st) => {
                    if st.pos + st.fmt.size <= st.buf.len() {
                        let v = unpack_at(&st.fmt, &st.buf[st.pos..]);
                        st.pos += st.fmt.size;
                        Some(v)
                    } else {
                        None
                    }
                }
                None => None,
            }
        }
        _ => None,
    };
    r.ok_or_else(|| PyErr::bare(&types().exc.stop_iteration))
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn iter_length_hint(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = match args[0].as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => b
            .borrow()
            .downcast_ref::<IterUnpack>()
            .map_or(0, |st| (st.buf.len() - st.pos.min(st.buf.len())) / st.fmt.size.max(1)),
        _ => 0,
    };
    Ok(Value::int(n as i64))
}

fn iter_new(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create '_struct.unpack_iterator' instances"))
}

fn iter_type(vm: &mut Vm) -> Value {
    if let Some(v) = ITER_TYPE.with(|e| e.borrow().clone()) {
        return v;
    }
    let cls = make_class(vm, "unpack_iterator", "_struct");
    add_native(&cls, "__new__", iter_new, NativeKind::StaticMethod);
    add_method(&cls, "__next__", iter_next);
    add_method(&cls, "__iter__", iter_self);
    add_method(&cls, "__length_hint__", iter_length_hint);
    ITER_TYPE.with(|e| *e.borrow_mut() = Some(cls.clone()));
    cls
}

pub fn make_module(vm: &mut Vm) -> Value {
    let m = new_module("struct");
    let e = error_class(vm);
    set_attr(&m, "error", e);
    let st = struct_type(vm);
    set_attr(&m, "Struct", st);
    add_function(&m, "pack", m_pack);
    add_function(&m, "unpack", m_unpack);
    add_function(&m, "calcsize", m_calcsize);
    add_function(&m, "pack_into", m_pack_into);
    add_function(&m, "unpack_from", m_unpack_from);
    add_function(&m, "iter_unpack", m_iter_unpack);
    add_function(&m, "_clearcache", m_clearcache);
    m
}
