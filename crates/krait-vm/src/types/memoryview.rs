//! `memoryview`: a window (`start`, `len`) on a bytes or bytearray object,
//! one byte per item (format 'B').

use crate::args::{bind, check_arity};
use crate::object::{NativeKind, Payload, PyObject};
use crate::types::range::slice_indices;
use crate::types::str_methods::noargs;
use crate::types::{add_getset, add_method, add_native, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;

use crate::types::bytes::*;


pub(crate) fn first(args: &[Value]) -> PyResult<&Value> {
    args.first().ok_or_else(|| PyErr::type_error("unbound method needs an argument"))
}

fn mv_data(v: &Value) -> PyResult<&RefCell<MemoryViewData>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::MemoryView(m)) => Ok(m),
        _ => Err(PyErr::type_error(format!(
            "descriptor for 'memoryview' objects doesn't apply to a '{}' object",
            tname(v)
        ))),
    }
}

fn released_err() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

/// The viewed bytes (checked not released).
fn mv_bytes(v: &Value) -> PyResult<Vec<u8>> {
    let m = mv_data(v)?;
    if m.borrow().released {
        return Err(released_err());
    }
    buffer_bytes(v).ok_or_else(released_err)
}

fn new_mv(obj: Value, start: usize, len: usize) -> Value {
    let export = export_add(&obj);
    Value::from_obj(PyObject::new(
        types().memoryview.as_obj().unwrap(),
        Payload::MemoryView(RefCell::new(MemoryViewData { obj, start, len, released: false, fmt: b'B', export })),
    ))
}

/// Mark a view released, giving its export back.
fn release(v: &Value) -> PyResult<()> {
    let key = {
        let mut m = mv_data(v)?.borrow_mut();
        m.released = true;
        std::mem::take(&mut m.export)
    };
    export_remove(key);
    Ok(())
}

/// Size in bytes of one item of a `cast` format.
fn fmt_size(f: u8) -> usize {
    match f {
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'd' => 8,
        _ => 1,
    }
}

fn mv_fmt(v: &Value) -> u8 {
    mv_data(v).map_or(b'B', |m| m.borrow().fmt)
}

/// Item `i` (of size `fmt_size(f)`) of `b` as a Python value.
fn fmt_item(f: u8, b: &[u8]) -> Value {
    let mut w = [0u8; 8];
    let n = fmt_size(f).min(b.len());
    w[..n].copy_from_slice(&b[..n]);
    match f {
        b'b' => Value::int(b[0] as i8 as i64),
        b'c' => Value::bytes(vec![b[0]]),
        b'h' => Value::int(i16::from_ne_bytes([w[0], w[1]]) as i64),
        b'H' => Value::int(u16::from_ne_bytes([w[0], w[1]]) as i64),
        b'i' => Value::int(i32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as i64),
        b'I' => Value::int(u32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as i64),
        b'f' => Value::float(f32::from_ne_bytes([w[0], w[1], w[2], w[3]]) as f64),
        b'l' | b'q' | b'n' => Value::int(i64::from_ne_bytes(w)),
        b'L' | b'Q' | b'N' => Value::bigint(num_bigint::BigInt::from(u64::from_ne_bytes(w))),
        b'd' => Value::float(f64::from_ne_bytes(w)),
        _ => Value::int(b[0] as i64),
    }
}

fn mv_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [obj] = bind("memoryview", &args[1.min(args.len())..], kw, &["object"])?;
    let obj = obj.unwrap_or(Value::NONE);
    match obj.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Ok(new_mv(obj.clone(), 0, b.len())),
        Some(Payload::ByteArray(b)) => {
            let n = b.borrow().len();
            Ok(new_mv(obj.clone(), 0, n))
        }
        Some(Payload::MemoryView(m)) => {
            let m = m.borrow();
            if m.released {
                return Err(released_err());
            }
            Ok(new_mv(m.obj.clone(), m.start, m.len))
        }
        _ => Err(PyErr::type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            tname(&obj)
        ))),
    }
}

fn mv_tobytes(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_, order] = bind("tobytes", args, kw, &["self", "order="])?;
    if let Some(o) = order {
        if !o.is_none() && !matches!(o.as_str(), Some("C" | "F" | "A")) {
            return Err(PyErr::value_error("order must be 'C', 'F' or 'A'"));
        }
    }
    Ok(Value::bytes(mv_bytes(first(args)?)?))
}

fn mv_tolist(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("memoryview.tolist", args, kw)?;
    let b = mv_bytes(first(args)?)?;
    let f = mv_fmt(first(args)?);
    if f != b'B' {
        return Ok(Value::list(b.chunks_exact(fmt_size(f)).map(|c| fmt_item(f, c)).collect()));
    }
    Ok(Value::list(b.into_iter().map(|x| Value::int(x as i64)).collect()))
}

fn mv_hex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = mv_bytes(first(args)?)?;
    let [_, sep, per] = bind("hex", args, kw, &["self", "sep=", "bytes_per_sep="])?;
    hex_impl(vm, &b, sep, per)
}

fn mv_len(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("memoryview.__len__", args, kw)?;
    let f = mv_fmt(first(args)?);
    Ok(Value::int((mv_bytes(first(args)?)?.len() / fmt_size(f)) as i64))
}

fn mv_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__getitem__", &args[1.min(args.len())..], kw, 1, 1)?;
    let b = mv_bytes(first(args)?)?;
    let key = &args[1];
    if key.as_slice().is_some() {
        let (s, _, st, cnt) = slice_indices(vm, key, b.len())?;
        let (obj, start) = {
            let m = mv_data(first(args)?)?.borrow();
            (m.obj.clone(), m.start)
        };
        if st == 1 {
            return Ok(new_mv(obj, start + s as usize, cnt));
        }
        let picked = crate::types::range::slice_pick(&b, s, st, cnt);
        return Ok(new_mv(Value::bytes(picked), 0, cnt));
    }
    if key.is_int() || crate::types::lookup(type_ref(key), "__index__").is_some() {
        let i = vm.index_value(key)?;
        let f = mv_fmt(first(args)?);
        if f != b'B' {
            let sz = fmt_size(f);
            return match crate::ops::seq::norm_index(i, b.len() / sz) {
                Some(j) => Ok(fmt_item(f, &b[j * sz..j * sz + sz])),
                None => Err(PyErr::index_error("index out of bounds on dimension 1")),
            };
        }
        return match crate::ops::seq::norm_index(i, b.len()) {
            Some(j) => Ok(Value::int(b[j] as i64)),
            None => Err(PyErr::index_error("index out of bounds on dimension 1")),
        };
    }
    Err(PyErr::type_error("memoryview: invalid slice key"))
}

fn mv_setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__setitem__", &args[1.min(args.len())..], kw, 2, 2)?;
    let b = mv_bytes(first(args)?)?;
    let (obj, start) = {
        let m = mv_data(first(args)?)?.borrow();
        (m.obj.clone(), m.start)
    };
    let Some(Payload::ByteArray(cell)) = obj.as_obj().map(|o| &o.payload) else {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    };
    let key = &args[1];
    if key.as_slice().is_some() {
        let (s, _, st, cnt) = slice_indices(vm, key, b.len())?;
        let new = need_buffer(&args[2])?.into_owned();
        if new.len() != cnt {
            return Err(PyErr::value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut v = cell.borrow_mut();
        let mut i = s;
        for x in new {
            if let Some(slot) = v.get_mut(start + i as usize) {
                *slot = x;
            }
            i = i.wrapping_add(st);
        }
        return Ok(Value::NONE);
    }
    let i = vm.index_value(key)?;
    let Some(j) = crate::ops::seq::norm_index(i, b.len()) else {
        return Err(PyErr::index_error("index out of bounds on dimension 1"));
    };
    let x = match args[2].as_i64() {
        Some(x) if (0..256).contains(&x) => x as u8,
        Some(_) => return Err(PyErr::value_error("memoryview: invalid value for format 'B'")),
        None => return Err(PyErr::type_error("memoryview: invalid type for format 'B'")),
    };
    if let Some(slot) = cell.borrow_mut().get_mut(start + j) {
        *slot = x;
    }
    Ok(Value::NONE)
}

fn mv_release(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("memoryview.release", args, kw)?;
    release(first(args)?)?;
    Ok(Value::NONE)
}

fn mv_enter(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("memoryview.__enter__", args, kw)?;
    if mv_data(first(args)?)?.borrow().released {
        return Err(released_err());
    }
    Ok(args[0].clone())
}

fn mv_exit(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    release(first(args)?)?;
    Ok(Value::NONE)
}

fn mv_repr(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("memoryview.__repr__", args, kw)?;
    let rel = mv_data(first(args)?)?.borrow().released;
    let addr = args[0].id();
    Ok(Value::string(if rel {
        format!("<released memory at {addr:#x}>")
    } else {
        format!("<memory at {addr:#x}>")
    }))
}

fn mv_eq(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__eq__", &args[1.min(args.len())..], kw, 1, 1)?;
    if args[0].is(&args[1]) {
        return Ok(Value::TRUE);
    }
    let a = match mv_bytes(first(args)?) {
        Ok(a) => a,
        Err(_) => return Ok(Value::FALSE),
    };
    match buffer_bytes(&args[1]) {
        Some(b) => Ok(Value::bool(a == b)),
        None => Ok(notimpl()),
    }
}

fn mv_ne(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let r = mv_eq(vm, args, kw)?;
    if r.is_bool() {
        return Ok(Value::bool(!r.is_true_singleton()));
    }
    Ok(r)
}

fn mv_obj(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mv_data(first(args)?)?.borrow();
    if m.released {
        return Err(released_err());
    }
    Ok(m.obj.clone())
}
fn mv_nbytes(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(mv_bytes(first(args)?)?.len() as i64))
}
fn mv_readonly(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = mv_data(first(args)?)?.borrow();
    if m.released {
        return Err(released_err());
    }
    Ok(Value::bool(!is_bytearray(&m.obj)))
}
fn mv_itemsize(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mv_bytes(first(args)?)?;
    Ok(Value::int(fmt_size(mv_fmt(first(args)?)) as i64))
}
fn mv_format(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mv_bytes(first(args)?)?;
    let f = mv_fmt(first(args)?);
    Ok(Value::string((f as char).to_string()))
}
fn mv_ndim(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mv_bytes(first(args)?)?;
    Ok(Value::int(1))
}
fn mv_shape(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = mv_bytes(first(args)?)?.len() / fmt_size(mv_fmt(first(args)?));
    Ok(Value::tuple(vec![Value::int(n as i64)]))
}
fn mv_strides(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mv_bytes(first(args)?)?;
    Ok(Value::tuple(vec![Value::int(fmt_size(mv_fmt(first(args)?)) as i64)]))
}
fn mv_suboffsets(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mv_bytes(first(args)?)?;
    Ok(Value::tuple(vec![]))
}

fn mv_iter(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("memoryview.__iter__", args, kw)?;
    let b = mv_bytes(first(args)?)?;
    Ok(Value::from_obj(PyObject::new(
        types().bytes_iterator.as_obj().unwrap(),
        Payload::Iter(Box::new(RefCell::new(crate::types::iter::IterState::Bytes { b: Value::bytes(b), i: 0 }))),
    )))
}

fn mv_delitem(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mv_bytes(first(args)?)?;
    Err(PyErr::type_error("cannot delete memory"))
}

fn mv_hash(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("memoryview.__hash__", args, kw)?;
    let v = first(args)?;
    let b = mv_bytes(v)?;
    if is_bytearray(&mv_data(v)?.borrow().obj) {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    Ok(Value::int(crate::types::str::hash_bytes(&b)))
}

fn mv_toreadonly(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("memoryview.toreadonly", args, kw)?;
    let b = mv_bytes(first(args)?)?;
    let n = b.len();
    Ok(new_mv(Value::bytes(b), 0, n))
}

pub(crate) fn ba_alloc(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("bytearray.__alloc__", args, kw)?;
    let n = ba_cell(first(args)?)?.borrow().capacity();
    Ok(Value::int(n as i64 + 1))
}
fn mv_contiguous(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mv_bytes(first(args)?)?;
    Ok(Value::TRUE)
}

fn mv_cast(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("cast", &args[1.min(args.len())..], kw, 1, 2)?;
    mv_bytes(first(args)?)?;
    if args[1].as_pystr().is_none() {
        return Err(PyErr::type_error(format!("cast() argument 'format' must be str, not {}", tname(&args[1]))));
    }
    let f = args[1].as_str().unwrap_or("");
    let f = f.strip_prefix('@').unwrap_or(f);
    match f {
        "B" | "b" | "c" | "h" | "H" | "i" | "I" | "l" | "L" | "q" | "Q" | "n" | "N" | "f" | "d" => {
            let fc = f.as_bytes()[0];
            let (obj, start, len) = {
                let m = mv_data(first(args)?)?.borrow();
                (m.obj.clone(), m.start, m.len)
            };
            if len % fmt_size(fc) != 0 {
                return Err(PyErr::type_error("memoryview: length is not a multiple of itemsize"));
            }
            let v = new_mv(obj, start, len);
            if let Ok(m) = mv_data(&v) {
                m.borrow_mut().fmt = fc;
            }
            Ok(v)
        }
        _ => Err(PyErr::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        )),
    }
}


pub fn init(t: &Types) {
    let mv = &t.memoryview;
    add_native(mv, "__new__", mv_new, NativeKind::StaticMethod);
    add_method(mv, "tobytes", mv_tobytes);
    add_method(mv, "tolist", mv_tolist);
    add_method(mv, "hex", mv_hex);
    add_method(mv, "release", mv_release);
    add_method(mv, "cast", mv_cast);
    add_method(mv, "__enter__", mv_enter);
    add_method(mv, "__exit__", mv_exit);
    add_method(mv, "__len__", mv_len);
    add_method(mv, "__getitem__", mv_getitem);
    add_method(mv, "__setitem__", mv_setitem);
    add_method(mv, "__repr__", mv_repr);
    add_method(mv, "__eq__", mv_eq);
    add_method(mv, "__ne__", mv_ne);
    add_method(mv, "__hash__", mv_hash);
    add_method(mv, "__iter__", mv_iter);
    add_method(mv, "__delitem__", mv_delitem);
    add_method(mv, "toreadonly", mv_toreadonly);
    add_getset(mv, "obj", mv_obj, None);
    add_getset(mv, "nbytes", mv_nbytes, None);
    add_getset(mv, "readonly", mv_readonly, None);
    add_getset(mv, "itemsize", mv_itemsize, None);
    add_getset(mv, "format", mv_format, None);
    add_getset(mv, "ndim", mv_ndim, None);
    add_getset(mv, "shape", mv_shape, None);
    add_getset(mv, "strides", mv_strides, None);
    add_getset(mv, "suboffsets", mv_suboffsets, None);
    add_getset(mv, "f_contiguous", mv_contiguous, None);
    add_getset(mv, "contiguous", mv_contiguous, None);
    add_getset(mv, "c_contiguous", mv_contiguous, None);
}
