//! `array`: typed arrays of numbers (and 'u' characters) stored as raw
//! native-endian bytes.

use super::{first, tname};
use crate::args::bind;
use crate::modules::native::{native_data, new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind, Payload};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::range::slice_indices;
use crate::types::{add_getset, add_method, add_native, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::CmpOpKind;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

pub const TYPECODES: &str = "bBuhHiIlLqQfd";

static ARRAY_TYPE: GilSlot = GilSlot::new();
static ITER_TYPE: GilSlot = GilSlot::new();
static RECONSTRUCTOR: GilSlot = GilSlot::new();

pub struct ArrayData {
    pub tc: u8,
    pub data: Vec<u8>,
}

impl NativeData for ArrayData {}

pub fn itemsize(tc: u8) -> usize {
    match tc {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' => 4,
        _ => 8,
    }
}

/// The bytes of `v` if it is an array (the buffer protocol for `bytes(a)`).
pub fn array_bytes(v: &Value) -> Option<Vec<u8>> {
    with_opaque::<ArrayData, _>(v, |a| a.data.clone())
}

fn is_array(v: &Value) -> bool {
    with_opaque::<ArrayData, _>(v, |_| ()).is_some()
}

fn with<R>(v: &Value, f: impl FnOnce(&mut ArrayData) -> R) -> PyResult<R> {
    with_opaque::<ArrayData, R>(v, f).ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a 'array.array' object but received '{}'", tname(v)))
    })
}

/// Typecode and a copy of the bytes.
fn snapshot(v: &Value) -> PyResult<(u8, Vec<u8>)> {
    with(v, |a| (a.tc, a.data.clone()))
}

fn decode(tc: u8, b: &[u8]) -> Value {
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    let u = u64::from_ne_bytes(w);
    match tc {
        b'b' => Value::int(b[0] as i8 as i64),
        b'B' => Value::int(b[0] as i64),
        b'h' => Value::int(i16::from_ne_bytes([b[0], b[1]]) as i64),
        b'H' => Value::int(u16::from_ne_bytes([b[0], b[1]]) as i64),
        b'i' => Value::int(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'I' => Value::int(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'l' | b'q' => Value::int(u as i64),
        b'L' | b'Q' => {
            if u > i64::MAX as u64 {
                Value::bigint(BigInt::from(u))
            } else {
                Value::int(u as i64)
            }
        }
        b'f' => Value::float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Value::float(f64::from_ne_bytes(w)),
        _ => {
            let c = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]);
            Value::string(char::from_u32(c).unwrap_or('\u{fffd}').to_string())
        }
    }
}

fn items_of(tc: u8, data: &[u8]) -> Vec<Value> {
    data.chunks_exact(itemsize(tc)).map(|c| decode(tc, c)).collect()
}

fn index_of(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = v.to_bigint() {
        return Ok(b);
    }
    if v.is_float() || crate::types::lookup(type_ref(v), "__index__").is_none() {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tname(v))));
    }
    super::index_bigint(vm, v)
}

fn as_double(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = crate::types::float::float_of(v) {
        return Ok(f);
    }
    if let Some(b) = v.to_bigint() {
        return crate::types::int::bigint_to_f64(&b);
    }
    let tr = type_ref(v);
    if crate::types::lookup(tr, "__float__").is_some() {
        let r = vm.call_method(v, "__float__", &[])?;
        return crate::types::float::float_of(&r)
            .ok_or_else(|| PyErr::type_error(format!("{}.__float__ returned non-float (type {})", tname(v), tname(&r))));
    }
    if crate::types::lookup(tr, "__index__").is_some() {
        let b = super::index_bigint(vm, v)?;
        return crate::types::int::bigint_to_f64(&b);
    }
    Err(PyErr::type_error(format!("must be real number, not {}", tname(v))))
}

/// Encode one item for typecode `tc`, with CPython's range messages.
fn encode(vm: &mut Vm, tc: u8, v: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    let ovf = |m: &str| PyErr::overflow(m);
    match tc {
        b'f' => {
            out.extend_from_slice(&(as_double(vm, v)? as f32).to_ne_bytes());
            return Ok(());
        }
        b'd' => {
            out.extend_from_slice(&as_double(vm, v)?.to_ne_bytes());
            return Ok(());
        }
        b'u' => {
            let c = v.as_str().and_then(|s| {
                let mut it = s.chars();
                match (it.next(), it.next()) {
                    (Some(c), None) => Some(c),
                    _ => None,
                }
            });
            let c = c.ok_or_else(|| PyErr::type_error("array item must be unicode character"))?;
            out.extend_from_slice(&(c as u32).to_ne_bytes());
            return Ok(());
        }
        _ => {}
    }
    let b = index_of(vm, v)?;
    match tc {
        b'b' | b'B' | b'h' | b'H' | b'i' => {
            let x = b.to_i64().ok_or_else(|| ovf("Python int too large to convert to C long"))?;
            let (lo, hi, name) = match tc {
                b'b' => (-128, 127, "signed char"),
                b'B' => (0, 255, "unsigned byte integer"),
                b'h' => (-32768, 32767, "signed short integer"),
                b'H' => (0, 65535, "unsigned short"),
                _ => (i32::MIN as i64, i32::MAX as i64, "signed integer"),
            };
            if x > hi {
                return Err(ovf(&format!("{name} is greater than maximum")));
            }
            if x < lo {
                return Err(ovf(&format!("{name} is less than minimum")));
            }
            let bytes = x.to_ne_bytes();
            let n = itemsize(tc);
            if cfg!(target_endian = "little") {
                out.extend_from_slice(&bytes[..n]);
            } else {
                out.extend_from_slice(&bytes[8 - n..]);
            }
        }
        b'I' | b'L' => {
            if b.is_negative() {
                return Err(ovf("can't convert negative value to unsigned int"));
            }
            let x = b.to_u64().ok_or_else(|| ovf("Python int too large to convert to C unsigned long"))?;
            if tc == b'I' {
                if x > u32::MAX as u64 {
                    return Err(ovf("unsigned int is greater than maximum"));
                }
                out.extend_from_slice(&(x as u32).to_ne_bytes());
            } else {
                out.extend_from_slice(&x.to_ne_bytes());
            }
        }
        b'l' => {
            let x = b.to_i64().ok_or_else(|| ovf("Python int too large to convert to C long"))?;
            out.extend_from_slice(&x.to_ne_bytes());
        }
        b'q' => {
            let x = b.to_i64().ok_or_else(|| ovf("int too big to convert"))?;
            out.extend_from_slice(&x.to_ne_bytes());
        }
        _ => {
            if b.is_negative() {
                return Err(ovf("can't convert negative int to unsigned"));
            }
            let x = b.to_u64().ok_or_else(|| ovf("int too big to convert"))?;
            out.extend_from_slice(&x.to_ne_bytes());
        }
    }
    Ok(())
}

fn encode_all(vm: &mut Vm, tc: u8, items: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(items.len() * itemsize(tc));
    for v in items {
        encode(vm, tc, v, &mut out)?;
    }
    Ok(out)
}

fn new_array(cls: &Value, tc: u8, data: Vec<u8>) -> Value {
    new_opaque(cls, ArrayData { tc, data })
}

fn exact(tc: u8, data: Vec<u8>) -> Value {
    new_array(&array_type(), tc, data)
}

fn bad_typecode() -> PyErr {
    PyErr::value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
}

fn typecode_arg(v: &Value) -> PyResult<u8> {
    let s = v.as_str().ok_or_else(|| {
        PyErr::type_error(format!("array() argument 1 must be a unicode character, not {}", tname(v)))
    })?;
    let mut it = s.chars();
    let (Some(c), None) = (it.next(), it.next()) else {
        return Err(PyErr::type_error("array() argument 1 must be a unicode character, not str"));
    };
    if c.is_ascii() && TYPECODES.as_bytes().contains(&(c as u8)) {
        Ok(c as u8)
    } else {
        Err(bad_typecode())
    }
}

fn unicode_bytes(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 4);
    for c in s.chars() {
        out.extend_from_slice(&(c as u32).to_ne_bytes());
    }
    out
}

/// The bytes for initializing/extending an array of `tc` from an arbitrary iterable.
fn from_iterable(vm: &mut Vm, tc: u8, init: &Value) -> PyResult<Vec<u8>> {
    if let Some(items) = init.as_list().map(|l| l.borrow().clone()) {
        return encode_all(vm, tc, &items);
    }
    if let Some(items) = init.as_tuple().map(|t| t.to_vec()) {
        return encode_all(vm, tc, &items);
    }
    let it = vm.iter(init)?;
    let mut out = Vec::new();
    while let Some(v) = vm.next(&it)? {
        encode(vm, tc, &v, &mut out)?;
    }
    Ok(out)
}

fn a_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = first(args)?.clone();
    if ARRAY_TYPE.get().map_or(false, |t| t.is(&cls)) && !kw.is_empty() {
        return Err(PyErr::type_error("array.array() takes no keyword arguments"));
    }
    let npos = args.len() - 1 - kw.len();
    if npos < 1 {
        return Err(PyErr::type_error("array() takes at least 1 argument (0 given)"));
    }
    if npos > 2 {
        return Err(PyErr::type_error(format!("array() takes at most 2 arguments ({npos} given)")));
    }
    let tc = typecode_arg(&args[1])?;
    let data = if npos == 2 {
        let init = args[2].clone();
        if let Some(s) = init.as_str() {
            if tc != b'u' {
                return Err(PyErr::type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    tc as char
                )));
            }
            unicode_bytes(s)
        } else if let Some((otc, odata)) = with_opaque::<ArrayData, _>(&init, |a| (a.tc, a.data.clone())) {
            if (otc == b'u') != (tc == b'u') {
                return Err(PyErr::type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{}'",
                    tc as char
                )));
            }
            if otc == tc {
                odata
            } else {
                let items = items_of(otc, &odata);
                encode_all(vm, tc, &items)?
            }
        } else if let Some(b) = match init.as_obj().map(|o| &o.payload) {
            Some(Payload::Bytes(b)) => Some(b.to_vec()),
            Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
            _ => None,
        } {
            if b.len() % itemsize(tc) != 0 {
                return Err(PyErr::value_error("bytes length not a multiple of item size"));
            }
            b
        } else {
            from_iterable(vm, tc, &init)?
        }
    } else {
        Vec::new()
    };
    Ok(new_array(&cls, tc, data))
}

// ---------------------------------------------------------------- basic methods

fn a_typecode(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let tc = with(first(args)?, |a| a.tc)?;
    Ok(Value::string((tc as char).to_string()))
}

fn a_itemsize(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(itemsize(with(first(args)?, |a| a.tc)?) as i64))
}

fn a_len(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(with(first(args)?, |a| a.data.len() / itemsize(a.tc))? as i64))
}

fn a_append(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "append", args, kw, 2)?;
    let tc = with(&args[0], |a| a.tc)?;
    let mut b = Vec::new();
    encode(vm, tc, &args[1], &mut b)?;
    with(&args[0], |a| a.data.extend_from_slice(&b))?;
    Ok(Value::NONE)
}

fn extend_impl(vm: &mut Vm, me: &Value, other: &Value) -> PyResult<()> {
    let tc = with(me, |a| a.tc)?;
    let b = if let Some((otc, od)) = with_opaque::<ArrayData, _>(other, |a| (a.tc, a.data.clone())) {
        if otc != tc {
            return Err(PyErr::type_error("can only extend with array of same kind"));
        }
        od
    } else {
        from_iterable(vm, tc, other)?
    };
    with(me, |a| a.data.extend_from_slice(&b))?;
    Ok(())
}

fn a_extend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "extend", args, kw, 2)?;
    extend_impl(vm, &args[0], &args[1])?;
    Ok(Value::NONE)
}

fn a_insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, i, x] = bind("insert", args, kw, &["self", "i", "v", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let i = vm.index_value(&i.unwrap_or(Value::NONE))?;
    let (tc, n) = with(&me, |a| (a.tc, a.data.len() / itemsize(a.tc)))?;
    let mut b = Vec::new();
    encode(vm, tc, &x.unwrap_or(Value::NONE), &mut b)?;
    let n = n as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    with(&me, |a| {
        let at = pos * itemsize(a.tc);
        a.data.splice(at..at, b);
    })?;
    Ok(Value::NONE)
}

fn a_pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, i] = bind("pop", args, kw, &["self", "i=", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let i = match i {
        Some(v) => vm.index_value(&v)?,
        None => -1,
    };
    let r = with(&me, |a| {
        let sz = itemsize(a.tc);
        let n = (a.data.len() / sz) as i64;
        if n == 0 {
            return Err(PyErr::index_error("pop from empty array"));
        }
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(PyErr::index_error("pop index out of range"));
        }
        let at = j as usize * sz;
        let v = decode(a.tc, &a.data[at..at + sz]);
        a.data.drain(at..at + sz);
        Ok(v)
    })?;
    r
}

/// Position of the first item equal to `x` in [start, stop).
fn find(vm: &mut Vm, me: &Value, x: &Value, start: i64, stop: i64) -> PyResult<Option<usize>> {
    let (tc, data) = snapshot(me)?;
    let items = items_of(tc, &data);
    let n = items.len() as i64;
    let norm = |i: i64| if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let (s, e) = (norm(start), norm(stop));
    for (k, item) in items.iter().enumerate().take(e).skip(s) {
        if vm.eq(item, x)? {
            return Ok(Some(k));
        }
    }
    Ok(None)
}

fn a_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [me, x, start, stop] = bind("index", args, kw, &["self", "v", "start=", "stop=", "/"])?;
    let me = me.unwrap_or(Value::NONE);
    let start = match start {
        Some(v) => crate::types::range::clamp_index(vm, &v)?,
        None => 0,
    };
    let stop = match stop {
        Some(v) => crate::types::range::clamp_index(vm, &v)?,
        None => i64::MAX / 2,
    };
    match find(vm, &me, &x.unwrap_or(Value::NONE), start, stop)? {
        Some(k) => Ok(Value::int(k as i64)),
        None => Err(PyErr::value_error("array.index(x): x not in array")),
    }
}

fn a_remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "remove", args, kw, 2)?;
    match find(vm, &args[0], &args[1], 0, i64::MAX / 2)? {
        Some(k) => {
            with(&args[0], |a| {
                let sz = itemsize(a.tc);
                if (k + 1) * sz <= a.data.len() {
                    a.data.drain(k * sz..(k + 1) * sz);
                }
            })?;
            Ok(Value::NONE)
        }
        None => Err(PyErr::value_error("array.remove(x): x not in array")),
    }
}

fn a_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "count", args, kw, 2)?;
    let (tc, data) = snapshot(&args[0])?;
    let mut n = 0;
    for item in items_of(tc, &data) {
        if vm.eq(&item, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn a_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "__contains__", args, kw, 2)?;
    Ok(Value::bool(find(vm, &args[0], &args[1], 0, i64::MAX / 2)?.is_some()))
}

fn a_reverse(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "reverse", args, kw, 1)?;
    with(&args[0], |a| {
        let sz = itemsize(a.tc);
        let mut out = Vec::with_capacity(a.data.len());
        for c in a.data.chunks_exact(sz).rev() {
            out.extend_from_slice(c);
        }
        a.data = out;
    })?;
    Ok(Value::NONE)
}

fn a_byteswap(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "byteswap", args, kw, 1)?;
    with(&args[0], |a| {
        let sz = itemsize(a.tc);
        for c in a.data.chunks_exact_mut(sz) {
            c.reverse();
        }
    })?;
    Ok(Value::NONE)
}

fn a_buffer_info(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "buffer_info", args, kw, 1)?;
    let (p, n) = with(&args[0], |a| (a.data.as_ptr() as i64, a.data.len() / itemsize(a.tc)))?;
    Ok(Value::tuple(vec![Value::int(p), Value::int(n as i64)]))
}

fn a_tobytes(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "tobytes", args, kw, 1)?;
    Ok(Value::bytes(with(&args[0], |a| a.data.clone())?))
}

fn a_frombytes(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "frombytes", args, kw, 2)?;
    let b = super::need_bytes(&args[1])?;
    with(&args[0], |a| {
        if b.len() % itemsize(a.tc) != 0 {
            return Err(PyErr::value_error("bytes length not a multiple of item size"));
        }
        a.data.extend_from_slice(&b);
        Ok(())
    })??;
    Ok(Value::NONE)
}

fn a_tolist(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "tolist", args, kw, 1)?;
    let (tc, data) = snapshot(&args[0])?;
    Ok(Value::list(items_of(tc, &data)))
}

fn a_fromlist(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "fromlist", args, kw, 2)?;
    let Some(items) = args[1].as_list().map(|l| l.borrow().clone()) else {
        return Err(PyErr::type_error("arg must be list"));
    };
    let tc = with(&args[0], |a| a.tc)?;
    let b = encode_all(vm, tc, &items)?;
    with(&args[0], |a| a.data.extend_from_slice(&b))?;
    Ok(Value::NONE)
}

fn a_tounicode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "tounicode", args, kw, 1)?;
    let (tc, data) = snapshot(&args[0])?;
    if tc != b'u' {
        return Err(PyErr::value_error("tounicode() may only be called on unicode type arrays"));
    }
    let mut s = String::with_capacity(data.len() / 4);
    for c in data.chunks_exact(4) {
        let u = u32::from_ne_bytes([c[0], c[1], c[2], c[3]]);
        match char::from_u32(u) {
            Some(ch) => s.push(ch),
            None => return Err(PyErr::value_error(format!("character U+{u:x} is not in range [U+0000; U+10ffff]"))),
        }
    }
    Ok(Value::string(s))
}

fn a_fromunicode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "fromunicode", args, kw, 2)?;
    let Some(s) = args[1].as_str() else {
        return Err(PyErr::type_error(format!("fromunicode() argument must be str, not {}", tname(&args[1]))));
    };
    let b = unicode_bytes(s);
    with(&args[0], |a| {
        if a.tc != b'u' {
            return Err(PyErr::value_error("fromunicode() may only be called on unicode type arrays"));
        }
        a.data.extend_from_slice(&b);
        Ok(())
    })??;
    Ok(Value::NONE)
}

fn a_tofile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "tofile", args, kw, 2)?;
    let data = with(&args[0], |a| a.data.clone())?;
    for chunk in data.chunks(64 * 1024) {
        vm.call_method(&args[1], "write", &[Value::bytes(chunk.to_vec())])?;
    }
    Ok(Value::NONE)
}

fn a_fromfile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "fromfile", args, kw, 3)?;
    let n = vm.index_value(&args[2])?;
    if n < 0 {
        return Err(PyErr::value_error("negative count"));
    }
    let tc = with(&args[0], |a| a.tc)?;
    let sz = itemsize(tc) as i64;
    let nbytes = n.checked_mul(sz).ok_or_else(PyErr::memory_error)?;
    let r = vm.call_method(&args[1], "read", &[Value::int(nbytes)])?;
    let Some(b) = r.as_bytes().map(|b| b.to_vec()) else {
        return Err(PyErr::type_error("read() didn't return bytes"));
    };
    let whole = b.len() - b.len() % sz as usize;
    with(&args[0], |a| a.data.extend_from_slice(&b[..whole]))?;
    if (b.len() as i64) != nbytes {
        return Err(PyErr::new(&types().exc.eof_error, "read() didn't return enough bytes"));
    }
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- sequence protocol

/// The position that the integer `key` designates among `n` items (negative
/// counts from the end); IndexError `out_of_range` outside.
fn item_index(vm: &mut Vm, key: &Value, n: usize, out_of_range: &str) -> PyResult<usize> {
    if !key.is_int() && crate::types::lookup(type_ref(key), "__index__").is_none() {
        return Err(PyErr::type_error("array indices must be integers"));
    }
    let i = vm.subscript_index(key)?;
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return Err(PyErr::index_error(out_of_range.to_string()));
    }
    Ok(j as usize)
}

fn a_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "__getitem__", args, kw, 2)?;
    let key = &args[1];
    if key.as_slice().is_none() {
        // One item: no copy of the buffer (`__index__` may run Python code,
        // so the length is read first and the bounds checked again).
        let n = with(&args[0], |a| a.data.len() / itemsize(a.tc))?;
        let j = item_index(vm, key, n, "array index out of range")?;
        return with(&args[0], |a| {
            let sz = itemsize(a.tc);
            a.data.get(j * sz..j * sz + sz).map(|b| decode(a.tc, b))
        })?
        .ok_or_else(|| PyErr::index_error("array index out of range"));
    }
    let (tc, data) = snapshot(&args[0])?;
    let sz = itemsize(tc);
    let n = data.len() / sz;
    let (start, _stop, step, count) = slice_indices(vm, key, n)?;
    let mut out = Vec::with_capacity(count * sz);
    let mut i = start;
    for _ in 0..count {
        let at = i as usize * sz;
        out.extend_from_slice(&data[at..at + sz]);
        i = i.wrapping_add(step);
    }
    Ok(exact(tc, out))
}

fn a_setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "__setitem__", args, kw, 3)?;
    let me = &args[0];
    let key = &args[1];
    let value = &args[2];
    let (tc, n) = with(me, |a| (a.tc, a.data.len() / itemsize(a.tc)))?;
    let sz = itemsize(tc);
    if key.as_slice().is_some() {
        let Some((vtc, vdata)) = with_opaque::<ArrayData, _>(value, |a| (a.tc, a.data.clone())) else {
            return Err(PyErr::type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                tname(value)
            )));
        };
        if vtc != tc {
            return Err(PyErr::type_error("bad argument type for built-in operation"));
        }
        // `__index__` may resize the array: its length is read afterwards.
        let (start, stop, step) = crate::types::range::slice_parts(vm, key)?;
        let n = with(me, |a| a.data.len() / sz)?;
        let (start, stop, step, count) = crate::types::range::adjust_slice(start, stop, step, n);
        let m = vdata.len() / sz;
        if step == 1 {
            let s = start as usize;
            let e = (stop.max(start)) as usize;
            with(me, |a| {
                a.data.splice(s * sz..e * sz, vdata);
            })?;
            return Ok(Value::NONE);
        }
        if m != count {
            return Err(PyErr::value_error(format!(
                "attempt to assign array of size {m} to extended slice of size {count}"
            )));
        }
        with(me, |a| {
            let mut i = start;
            for k in 0..count {
                let at = i as usize * sz;
                a.data[at..at + sz].copy_from_slice(&vdata[k * sz..(k + 1) * sz]);
                i = i.wrapping_add(step);
            }
        })?;
        return Ok(Value::NONE);
    }
    let j = item_index(vm, key, n, "array assignment index out of range")?;
    let mut b = Vec::with_capacity(sz);
    encode(vm, tc, value, &mut b)?;
    with(me, |a| {
        let at = j * sz;
        if at + sz <= a.data.len() {
            a.data[at..at + sz].copy_from_slice(&b);
        }
    })?;
    Ok(Value::NONE)
}

fn a_delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "__delitem__", args, kw, 2)?;
    let me = &args[0];
    let key = &args[1];
    let (tc, n) = with(me, |a| (a.tc, a.data.len() / itemsize(a.tc)))?;
    let sz = itemsize(tc);
    if key.as_slice().is_some() {
        let (start, _stop, step, count) = slice_indices(vm, key, n)?;
        let mut kill = vec![false; n];
        let mut i = start;
        for _ in 0..count {
            kill[i as usize] = true;
            i = i.wrapping_add(step);
        }
        with(me, |a| {
            let mut out = Vec::with_capacity(a.data.len());
            for (k, c) in a.data.chunks_exact(sz).enumerate() {
                if !kill.get(k).copied().unwrap_or(false) {
                    out.extend_from_slice(c);
                }
            }
            a.data = out;
        })?;
        return Ok(Value::NONE);
    }
    let j = item_index(vm, key, n, "array assignment index out of range")?;
    with(me, |a| {
        let at = j * sz;
        a.data.drain(at..at + sz);
    })?;
    Ok(Value::NONE)
}

fn concat_operand(me: &Value, other: &Value) -> PyResult<Option<(u8, Vec<u8>)>> {
    let tc = with(me, |a| a.tc)?;
    let Some((otc, od)) = with_opaque::<ArrayData, _>(other, |a| (a.tc, a.data.clone())) else {
        return Ok(None);
    };
    if otc != tc {
        return Err(PyErr::type_error("bad argument type for built-in operation"));
    }
    Ok(Some((otc, od)))
}

fn a_add(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "__add__", args, kw, 2)?;
    let Some((tc, od)) = concat_operand(&args[0], &args[1])? else {
        return Err(PyErr::type_error(format!("can only append array (not \"{}\") to array", tname(&args[1]))));
    };
    let mut data = with(&args[0], |a| a.data.clone())?;
    data.extend_from_slice(&od);
    Ok(exact(tc, data))
}

fn a_iadd(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "__iadd__", args, kw, 2)?;
    let Some((_, od)) = concat_operand(&args[0], &args[1])? else {
        return Err(PyErr::type_error(format!("can only extend array with array (not \"{}\")", tname(&args[1]))));
    };
    with(&args[0], |a| a.data.extend_from_slice(&od))?;
    Ok(args[0].clone())
}

fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if !v.is_int() && crate::types::lookup(type_ref(v), "__index__").is_none() {
        return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", tname(v))));
    }
    Ok(Some(vm.index_value(v)?.max(0)))
}

fn a_mul(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "__mul__", args, kw, 2)?;
    let Some(n) = repeat_count(vm, &args[1])? else {
        return Ok(types().not_implemented.clone());
    };
    let (tc, data) = snapshot(&args[0])?;
    if (data.len() as u128) * (n as u128) > (isize::MAX as u128) / 2 {
        return Err(PyErr::memory_error());
    }
    Ok(exact(tc, data.repeat(n as usize)))
}

fn a_imul(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "__imul__", args, kw, 2)?;
    let Some(n) = repeat_count(vm, &args[1])? else {
        return Ok(types().not_implemented.clone());
    };
    let len = with(&args[0], |a| a.data.len())?;
    if (len as u128) * (n as u128) > (isize::MAX as u128) / 2 {
        return Err(PyErr::memory_error());
    }
    with(&args[0], |a| a.data = a.data.repeat(n as usize))?;
    Ok(args[0].clone())
}

fn compare(vm: &mut Vm, args: &[Value], op: CmpOpKind) -> PyResult<Value> {
    if args.len() != 2 || !is_array(&args[1]) {
        return Ok(types().not_implemented.clone());
    }
    let (ta, da) = snapshot(&args[0])?;
    let (tb, db) = snapshot(&args[1])?;
    let a = items_of(ta, &da);
    let b = items_of(tb, &db);
    if a.len() != b.len() && matches!(op, CmpOpKind::Eq | CmpOpKind::Ne) {
        return Ok(Value::bool(op == CmpOpKind::Ne));
    }
    Ok(Value::bool(crate::ops::compare::seq_compare(vm, &a, &b, op)?))
}

fn a_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOpKind::Eq)
}
fn a_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOpKind::Ne)
}
fn a_lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOpKind::Lt)
}
fn a_le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOpKind::Le)
}
fn a_gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOpKind::Gt)
}
fn a_ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    compare(vm, args, CmpOpKind::Ge)
}

fn a_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = first(args)?;
    let (tc, data) = snapshot(me)?;
    let name = crate::types::type_ref(me).type_name_str();
    if data.is_empty() {
        return Ok(Value::string(format!("{name}('{}')", tc as char)));
    }
    let inner = if tc == b'u' {
        let s = a_tounicode(vm, &args[..1], &[])?;
        vm.repr_string(&s)?
    } else {
        let l = Value::list(items_of(tc, &data));
        vm.repr_string(&l)?
    };
    Ok(Value::string(format!("{name}('{}', {inner})", tc as char)))
}

fn a_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = first(args)?;
    let (tc, data) = snapshot(me)?;
    Ok(new_array(&super::type_of(me), tc, data))
}

fn a_sizeof(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(64 + with(first(args)?, |a| a.data.capacity())? as i64))
}

/// Machine format code of a typecode (for `__reduce_ex__`, little-endian host).
fn mformat(tc: u8) -> i64 {
    let le = cfg!(target_endian = "little");
    let base = match tc {
        b'B' => return 0,
        b'b' => return 1,
        b'H' => 2,
        b'h' => 4,
        b'I' => 6,
        b'i' => 8,
        b'L' | b'Q' => 10,
        b'l' | b'q' => 12,
        b'f' => 14,
        b'd' => 16,
        _ => 20,
    };
    if le {
        base
    } else {
        base + 1
    }
}

fn a_reduce_ex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("array", "__reduce_ex__", args, kw, 2)?;
    let me = &args[0];
    let proto = vm.index_value(&args[1])?;
    let (tc, data) = snapshot(me)?;
    let dict = match me.as_obj().and_then(|o| o.dict.borrow().clone()) {
        Some(d) => d,
        None => Value::NONE,
    };
    let cls = super::type_of(me);
    let tcs = Value::string((tc as char).to_string());
    if proto < 3 {
        let list = Value::list(items_of(tc, &data));
        return Ok(Value::tuple(vec![cls, Value::tuple(vec![tcs, list]), dict]));
    }
    let recon = RECONSTRUCTOR.get().unwrap_or(Value::NONE);
    Ok(Value::tuple(vec![
        recon,
        Value::tuple(vec![cls, tcs, Value::int(mformat(tc)), Value::bytes(data)]),
        dict,
    ]))
}

/// `array._array_reconstructor(arraytype, typecode, mformat_code, items)`.
fn m_reconstructor(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_array_reconstructor", args, kw, 4, 4)?;
    let cls = args[0].clone();
    let at = array_type();
    if cls.as_obj().and_then(|o| o.as_type()).is_none() {
        return Err(PyErr::type_error(format!("first argument must be a type object, not {}", tname(&cls))));
    }
    if !crate::types::is_subtype(&cls, &at) {
        return Err(PyErr::type_error(format!(
            "{} is not a subtype of array.array",
            cls.as_obj().map(|o| o.type_name_str()).unwrap_or_default()
        )));
    }
    let tc = typecode_arg(&args[1]).map_err(|_| bad_typecode())?;
    let code = vm.index_value(&args[2])?;
    if !(0..=21).contains(&code) {
        return Err(PyErr::value_error("third argument must be a valid machine format code."));
    }
    let Some(items) = args[3].as_bytes().map(|b| b.to_vec()) else {
        return Err(PyErr::type_error(format!("fourth argument should be bytes, not {}", tname(&args[3]))));
    };
    // Decode the machine format into native items.
    let (size, signed, float, big) = match code {
        0 => (1, false, false, false),
        1 => (1, true, false, false),
        2..=5 => (2, code >= 4, false, code % 2 == 1),
        6..=9 => (4, code >= 8, false, code % 2 == 1),
        10..=13 => (8, code >= 12, false, code % 2 == 1),
        14 | 15 => (4, false, true, code == 15),
        16 | 17 => (8, false, true, code == 17),
        18 | 19 => (2, false, false, code == 19),
        _ => (4, false, false, code == 21),
    };
    if items.len() % size != 0 {
        return Err(PyErr::value_error("string length not a multiple of item size"));
    }
    if code == 18 || code == 19 {
        let units: Vec<u16> = items
            .chunks_exact(2)
            .map(|c| if code == 19 { u16::from_be_bytes([c[0], c[1]]) } else { u16::from_le_bytes([c[0], c[1]]) })
            .collect();
        let s: String = char::decode_utf16(units).map(|r| r.unwrap_or('\u{fffd}')).collect();
        let vals: Vec<Value> = s.chars().map(|c| Value::string(c.to_string())).collect();
        let data = encode_all(vm, tc, &vals)?;
        return Ok(new_array(&cls, tc, data));
    }
    let mut vals = Vec::with_capacity(items.len() / size);
    for c in items.chunks_exact(size) {
        let mut w = c.to_vec();
        if big {
            w.reverse();
        }
        let mut b8 = [0u8; 8];
        b8[..size].copy_from_slice(&w);
        let u = u64::from_le_bytes(b8);
        let v = if float {
            if size == 4 {
                Value::float(f32::from_bits(u as u32) as f64)
            } else {
                Value::float(f64::from_bits(u))
            }
        } else if code >= 18 {
            if size == 2 {
                Value::string(String::from_utf16_lossy(&[u as u16]))
            } else {
                Value::string(char::from_u32(u as u32).unwrap_or('\u{fffd}').to_string())
            }
        } else if signed {
            let shift = 64 - 8 * size as u32;
            Value::int(((u << shift) as i64) >> shift)
        } else if u > i64::MAX as u64 {
            Value::bigint(BigInt::from(u))
        } else {
            Value::int(u as i64)
        };
        vals.push(v);
    }
    let data = encode_all(vm, tc, &vals)?;
    Ok(new_array(&cls, tc, data))
}

// ---------------------------------------------------------------- iterator

struct ArrayIter {
    arr: Value,
    pos: usize,
}

native_data!(ArrayIter, arr);

fn a_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = first(args)?;
    with(me, |_| ())?;
    Ok(new_opaque(&iter_type(), ArrayIter { arr: me.clone(), pos: 0 }))
}

fn it_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = first(args)?;
    let Some((arr, pos)) = with_opaque::<ArrayIter, _>(me, |it| (it.arr.clone(), it.pos)) else {
        return Err(PyErr::type_error("arrayiterator expected"));
    };
    let item = with_opaque::<ArrayData, _>(&arr, |a| {
        let sz = itemsize(a.tc);
        if (pos + 1) * sz <= a.data.len() {
            Some(decode(a.tc, &a.data[pos * sz..(pos + 1) * sz]))
        } else {
            None
        }
    })
    .flatten();
    match item {
        Some(v) => {
            with_opaque::<ArrayIter, _>(me, |it| it.pos += 1);
            Ok(v)
        }
        None => {
            with_opaque::<ArrayIter, _>(me, |it| {
                it.arr = Value::NONE;
            });
            Err(PyErr::bare(&types().exc.stop_iteration))
        }
    }
}

fn it_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = first(args)?;
    let (arr, pos) = with_opaque::<ArrayIter, _>(me, |it| (it.arr.clone(), it.pos))
        .ok_or_else(|| PyErr::type_error("arrayiterator expected"))?;
    let iter = crate::types::dict::dict_get_str(&vm.builtins_dict, "iter").unwrap_or(Value::NONE);
    if arr.is_none() {
        return Ok(Value::tuple(vec![iter, Value::tuple(vec![Value::tuple(vec![])])]));
    }
    Ok(Value::tuple(vec![iter, Value::tuple(vec![arr]), Value::int(pos as i64)]))
}

fn it_setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("arrayiterator", "__setstate__", args, kw, 2)?;
    let n = vm.index_value(&args[1])?.max(0) as usize;
    with_opaque::<ArrayIter, _>(&args[0], |it| {
        let len = with_opaque::<ArrayData, _>(&it.arr, |a| a.data.len() / itemsize(a.tc)).unwrap_or(0);
        it.pos = n.min(len);
    });
    Ok(Value::NONE)
}

fn it_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(first(args)?.clone())
}

fn no_new(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'array.arrayiterator' instances"))
}

fn iter_type() -> Value {
    ITER_TYPE.get_or_init(|| {
        let cls = new_type("array", "arrayiterator", None);
        add_native(&cls, "__new__", no_new, NativeKind::StaticMethod);
        add_method(&cls, "__next__", it_next);
        add_method(&cls, "__iter__", it_self);
        add_method(&cls, "__reduce__", it_reduce);
        add_method(&cls, "__setstate__", it_setstate);
        cls
    })
}

fn array_type() -> Value {
    ARRAY_TYPE.get_or_init(|| {
        let cls = new_type("array", "array", None);
        add_native(&cls, "__new__", a_new, NativeKind::StaticMethod);
        for (n, f) in [
            ("append", a_append as crate::object::NativeFn),
            ("extend", a_extend),
            ("insert", a_insert),
            ("pop", a_pop),
            ("remove", a_remove),
            ("index", a_index),
            ("count", a_count),
            ("reverse", a_reverse),
            ("byteswap", a_byteswap),
            ("buffer_info", a_buffer_info),
            ("tobytes", a_tobytes),
            ("frombytes", a_frombytes),
            ("tolist", a_tolist),
            ("fromlist", a_fromlist),
            ("tounicode", a_tounicode),
            ("fromunicode", a_fromunicode),
            ("tofile", a_tofile),
            ("fromfile", a_fromfile),
            ("__len__", a_len),
            ("__getitem__", a_getitem),
            ("__setitem__", a_setitem),
            ("__delitem__", a_delitem),
            ("__contains__", a_contains),
            ("__iter__", a_iter),
            ("__add__", a_add),
            ("__iadd__", a_iadd),
            ("__mul__", a_mul),
            ("__rmul__", a_mul),
            ("__imul__", a_imul),
            ("__eq__", a_eq),
            ("__ne__", a_ne),
            ("__lt__", a_lt),
            ("__le__", a_le),
            ("__gt__", a_gt),
            ("__ge__", a_ge),
            ("__repr__", a_repr),
            ("__copy__", a_copy),
            ("__deepcopy__", a_copy),
            ("__sizeof__", a_sizeof),
            ("__reduce_ex__", a_reduce_ex),
        ] {
            add_method(&cls, n, f);
        }
        crate::types::add_attr(&cls, "__hash__", Value::NONE);
        add_getset(&cls, "typecode", a_typecode, None);
        add_getset(&cls, "itemsize", a_itemsize, None);
        cls
    })
}

pub fn make_module(vm: &mut Vm) -> Value {
    let m = new_module("array");
    let at = array_type();
    let at_reg = at.clone();
    set_attr(&m, "array", at.clone());
    set_attr(&m, "ArrayType", at);
    set_attr(&m, "typecodes", Value::str(TYPECODES));
    add_function(&m, "_array_reconstructor", m_reconstructor);
    // array is a MutableSequence, as CPython's module registers it.
    if let Ok(abc) = crate::import::import_module(vm, "_collections_abc") {
        if let Ok(ms) = vm.getattr_str(&abc, "MutableSequence") {
            let _ = vm.call_method(&ms, "register", &[at_reg.clone()]);
        }
    }
    let r = crate::types::dict::dict_get_str(&crate::types::module::module_dict(&m), "_array_reconstructor");
    if let Some(r) = r {
        RECONSTRUCTOR.get_or_init(|| r);
    }
    m
}
