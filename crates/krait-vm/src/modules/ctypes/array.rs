//! Arrays: the `PyCArrayType` metaclass (`_type_`, `_length_`), `c_int * 5`
//! (cached), and `Array` instances (indexing, slicing, `.value`/`.raw` of
//! character arrays).

use super::cdata::{self, cdata_get, cdata_mem, cdata_set, type_name, with_cdata};
use super::classes;
use super::stg::{self, tname, Ffi, Kind, StgInfo};
use crate::object::{NativeKind, Payload};
use crate::types::{add_getset, add_method, add_native, dict};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::rc::Rc;

/// `PyCArrayType.__new__`.
pub fn meta_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = crate::types::type_::type_new(vm, args, kw)?;
    let n_len = crate::types::str::intern("_length_");
    let length = match vm.getattr_opt(&cls, &n_len)? {
        Some(l) => l,
        None => return Err(PyErr::attribute_error("class must define a '_length_' attribute")),
    };
    if !length.is_int() {
        return Err(PyErr::type_error("The '_length_' attribute must be an integer"));
    }
    let negative = match length.as_i64() {
        Some(i) => i < 0,
        None => length.as_bigint_ref().map_or(false, |b| b.sign() == num_bigint::Sign::Minus),
    };
    if negative {
        return Err(PyErr::value_error("The '_length_' attribute must not be negative"));
    }
    let Some(len) = length.as_i64() else {
        return Err(PyErr::overflow("The '_length_' attribute is too large"));
    };
    if len < 0 {
        return Err(PyErr::value_error("The '_length_' attribute must not be negative"));
    }
    let n_type = crate::types::str::intern("_type_");
    let item = match vm.getattr_opt(&cls, &n_type)? {
        Some(t) => t,
        None => return Err(PyErr::attribute_error("class must define a '_type_' attribute")),
    };
    let Some(is) = stg::stg_of_value(&item) else {
        return Err(PyErr::type_error("_type_ must have storage info"));
    };
    let len = len as usize;
    let Some(size) = is.size.checked_mul(len).filter(|s| *s <= isize::MAX as usize) else {
        return Err(PyErr::overflow("array too large"));
    };
    // libffi sees an array as a structure of its items.
    let elements = vec![is.ffi_ptr(); len.min(4096)];
    let ffi = Ffi::aggregate(elements, vec![is.clone()], size, is.align);
    let mut info = StgInfo::new(Kind::Array, size, is.align, ffi);
    info.length = len;
    *info.proto.borrow_mut() = item.clone();
    let mut flags = is.flags.get() & (stg::TYPEFLAG_HASPOINTER | stg::TYPEFLAG_HASUNION | stg::TYPEFLAG_HASBITFIELD);
    if is.flags.get() & stg::TYPEFLAG_ISPOINTER != 0 || is.kind == Kind::Pointer {
        flags |= stg::TYPEFLAG_HASPOINTER;
    }
    info.flags.set(flags);
    stg::set_stg(&cls, info);
    if is.kind == Kind::Simple && is.code == b'c' {
        add_getset(&cls, "value", char_value_get, Some(char_value_set));
        add_getset(&cls, "raw", char_raw_get, Some(char_raw_set));
    } else if is.kind == Kind::Simple && is.code == b'u' {
        add_getset(&cls, "value", wchar_value_get, Some(wchar_value_set));
    }
    Ok(cls)
}

/// `item * length` (cached per (item, length)).
pub fn array_type_for(vm: &mut Vm, item: &Value, length: usize) -> PyResult<Value> {
    let cache = classes().array_cache.clone();
    let key = Value::tuple(vec![item.clone(), Value::int(length as i64)]);
    if let Some(t) = dict::dict_get(vm, &cache, &key)? {
        return Ok(t);
    }
    if stg::stg_of_value(item).is_none() {
        return Err(PyErr::type_error("_type_ must have storage info"));
    }
    let name = format!("{}_Array_{}", type_name(item), length);
    let ns = dict::new_dict();
    dict::dict_set_str(&ns, "_length_", Value::int(length as i64));
    dict::dict_set_str(&ns, "_type_", item.clone());
    let meta = classes().array_meta.clone();
    let t = vm.call(&meta, &[Value::string(name), Value::tuple(vec![classes().array.clone()]), ns])?;
    dict::dict_set(vm, &cache, key, t.clone())?;
    Ok(t)
}

fn arr(v: &Value) -> PyResult<(*mut u8, usize, Rc<StgInfo>)> {
    with_cdata(v, |c| (c.ptr, c.size, c.stg.clone())).ok_or_else(|| PyErr::type_error("not a ctypes array"))
}

fn item_stg(st: &StgInfo) -> PyResult<(Value, Rc<StgInfo>)> {
    let item = st.proto();
    let is = stg::stg_of_value(&item).ok_or_else(|| PyErr::type_error("_type_ must have storage info"))?;
    Ok((item, is))
}

fn norm(vm: &mut Vm, key: &Value, len: usize) -> PyResult<Option<usize>> {
    let i = vm.subscript_index(key)?;
    let i = if i < 0 { i + len as i64 } else { i };
    Ok(if i < 0 || i as usize >= len { None } else { Some(i as usize) })
}

fn get_item(vm: &mut Vm, me: &Value, i: usize) -> PyResult<Value> {
    let (p, _n, st) = arr(me)?;
    let (item, is) = item_stg(&st)?;
    // SAFETY: i < length, so the item lies inside the array's memory.
    cdata_get(vm, &item, 0, me, i as isize, is.size, unsafe { p.add(i * is.size) })
}

fn set_item(vm: &mut Vm, me: &Value, i: usize, v: &Value) -> PyResult<()> {
    let (p, _n, st) = arr(me)?;
    let (item, is) = item_stg(&st)?;
    // SAFETY: as in get_item.
    cdata_set(vm, me, &item, 0, v, i as isize, is.size, unsafe { p.add(i * is.size) })
}

fn array_len(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (_, _, st) = arr(&args[0])?;
    Ok(Value::int(st.length as i64))
}

fn slice_indices(vm: &mut Vm, key: &Value, len: usize) -> PyResult<Option<Vec<usize>>> {
    if !matches!(key.as_obj().map(|o| &o.payload), Some(Payload::Slice { .. })) {
        return Ok(None);
    }
    let (a, _b, s, n) = crate::types::range::slice_indices(vm, key, len)?;
    Ok(Some((0..n as i64).map(|k| (a + k * s) as usize).collect()))
}

/// Items `idx` of a sequence of `item`s at `p` as bytes/str/list.
pub fn items_value(vm: &mut Vm, me: &Value, p: *mut u8, item: &Value, is: &StgInfo, idx: &[usize]) -> PyResult<Value> {
    if is.kind == Kind::Simple && is.code == b'c' {
        // SAFETY: indexes are within the sequence.
        let b: Vec<u8> = idx.iter().map(|&i| unsafe { *p.add(i) }).collect();
        return Ok(Value::bytes(b));
    }
    if is.kind == Kind::Simple && is.code == b'u' {
        let mut s = String::new();
        for &i in idx {
            // SAFETY: as above.
            let c = unsafe { stg::read_uint(p.add(i * 4), 4, false) } as u32;
            s.push(stg::wchar_to_char(c)?);
        }
        return Ok(Value::string(s));
    }
    let mut out = Vec::with_capacity(idx.len());
    for &i in idx {
        // SAFETY: as above.
        out.push(cdata_get(vm, item, 0, me, i as isize, is.size, unsafe { p.add(i * is.size) })?);
    }
    Ok(Value::list(out))
}

fn array_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let key = &args[1];
    let (p, _, st) = arr(me)?;
    if let Some(idx) = slice_indices(vm, key, st.length)? {
        let (item, is) = item_stg(&st)?;
        return items_value(vm, me, p, &item, &is, &idx);
    }
    if !key.is_int() && crate::types::lookup(crate::types::type_ref(key), "__index__").is_none() {
        return Err(PyErr::type_error("indices must be integers"));
    }
    match norm(vm, key, st.length)? {
        Some(i) => get_item(vm, me, i),
        None => Err(PyErr::index_error("invalid index")),
    }
}

fn array_setitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let key = &args[1];
    let v = &args[2];
    let (_, _, st) = arr(me)?;
    if let Some(idx) = slice_indices(vm, key, st.length)? {
        let vals = vm.collect(v)?;
        if vals.len() != idx.len() {
            return Err(PyErr::value_error("Can only assign sequence of same size"));
        }
        for (i, x) in idx.iter().zip(vals.iter()) {
            set_item(vm, me, *i, x)?;
        }
        return Ok(Value::NONE);
    }
    if !key.is_int() && crate::types::lookup(crate::types::type_ref(key), "__index__").is_none() {
        return Err(PyErr::type_error("indices must be integers"));
    }
    match norm(vm, key, st.length)? {
        Some(i) => {
            set_item(vm, me, i, v)?;
            Ok(Value::NONE)
        }
        None => Err(PyErr::index_error("invalid index")),
    }
}

fn array_delitem(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("Array does not support item deletion"))
}

fn array_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let npos = args.len() - kw.len();
    let (_, _, st) = arr(me)?;
    for (i, v) in args[1..npos].iter().enumerate() {
        if i >= st.length {
            return Err(PyErr::index_error("invalid index"));
        }
        set_item(vm, me, i, v)?;
    }
    Ok(Value::NONE)
}

fn array_class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

pub fn init_base(t: &Value) {
    add_native(t, "__new__", cdata::generic_new, NativeKind::StaticMethod);
    add_method(t, "__init__", array_init);
    add_method(t, "__len__", array_len);
    add_method(t, "__getitem__", array_getitem);
    add_method(t, "__setitem__", array_setitem);
    add_method(t, "__delitem__", array_delitem);
    add_native(t, "__class_getitem__", array_class_getitem, NativeKind::ClassMethod);
}

// ------------------------------------------------------------ char arrays

fn mem(v: &Value) -> PyResult<(*mut u8, usize)> {
    cdata_mem(v).ok_or_else(|| PyErr::type_error("not a ctypes array"))
}

fn char_value_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (p, n) = mem(&args[0])?;
    // SAFETY: the array's memory.
    let b = unsafe { std::slice::from_raw_parts(p, n) };
    let end = b.iter().position(|&c| c == 0).unwrap_or(n);
    Ok(Value::bytes(b[..end].to_vec()))
}

fn char_value_set(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[1];
    if v.is_null() {
        return Err(PyErr::type_error("can't delete attribute"));
    }
    let Some(b) = v.as_bytes() else {
        return Err(PyErr::type_error(format!("bytes expected instead of {} instance", tname(v))));
    };
    let (p, n) = mem(&args[0])?;
    if b.len() > n {
        return Err(PyErr::value_error("byte string too long"));
    }
    // SAFETY: fits in the array.
    unsafe {
        std::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len());
        if b.len() < n {
            *p.add(b.len()) = 0;
        }
    }
    Ok(Value::NONE)
}

fn char_raw_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (p, n) = mem(&args[0])?;
    // SAFETY: the array's memory.
    Ok(Value::bytes(unsafe { std::slice::from_raw_parts(p, n) }.to_vec()))
}

fn char_raw_set(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[1];
    if v.is_null() {
        return Err(PyErr::attribute_error("cannot delete attribute"));
    }
    let b = match cdata::cdata_bytes(v) {
        Some(b) => b,
        None => crate::types::bytes::buffer_bytes(v).ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", tname(v))))?,
    };
    let (p, n) = mem(&args[0])?;
    if b.len() > n {
        return Err(PyErr::value_error("byte string too long"));
    }
    // SAFETY: fits in the array.
    unsafe { std::ptr::copy_nonoverlapping(b.as_ptr(), p, b.len()) };
    Ok(Value::NONE)
}

fn wchar_value_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (p, n) = mem(&args[0])?;
    let mut s = String::new();
    for i in 0..n / 4 {
        // SAFETY: within the array.
        let c = unsafe { stg::read_uint(p.add(i * 4), 4, false) } as u32;
        if c == 0 {
            break;
        }
        s.push(stg::wchar_to_char(c)?);
    }
    Ok(Value::string(s))
}

fn wchar_value_set(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[1];
    if v.is_null() {
        return Err(PyErr::type_error("can't delete attribute"));
    }
    let Some(s) = v.as_str() else {
        return Err(PyErr::type_error(format!("unicode string expected instead of {} instance", tname(v))));
    };
    let (p, n) = mem(&args[0])?;
    let chars: Vec<char> = s.chars().collect();
    let max = n / 4;
    if chars.len() > max {
        return Err(PyErr::value_error("string too long"));
    }
    for (i, c) in chars.iter().enumerate() {
        // SAFETY: within the array.
        unsafe { stg::write_uint(p.add(i * 4), 4, *c as u64, false) };
    }
    if chars.len() < max {
        // SAFETY: within the array.
        unsafe { stg::write_uint(p.add(chars.len() * 4), 4, 0, false) };
    }
    Ok(Value::NONE)
}
