//! What `BytesIO` and `StringIO` share: the open check behind the simple
//! methods, argument handling of `read`/`readline`/`seek`/`truncate`, and
//! the pieces of `__getstate__`/`__setstate__`. The error messages that
//! differ between the two types (as in CPython) are passed in.

use super::{int_arg, size_arg, this, tname};
use crate::object::NativeData;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefMut;

/// An in-memory stream.
pub trait MemStream: NativeData + Sized {
    /// Borrow the state of `v`, failing as the type does when it is not
    /// usable (closed, uninitialised).
    fn open_state(v: &Value) -> PyResult<RefMut<'_, Self>>;
    /// The current position (as Python sees it).
    fn position(&self) -> usize;
}

/// `method(self, size=-1, /)` of a reading method: `f` on the open stream
/// with the size.
pub fn sized<T: MemStream, R>(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, f: impl FnOnce(&mut T, i64) -> R) -> PyResult<R> {
    let (s, n) = super::self_opt(name, args, kw)?;
    let n = size_arg(vm, n.as_ref())?;
    let mut b = T::open_state(&s)?;
    Ok(f(&mut b, n))
}

/// `value` if the stream (`args[0]`, method `name`) is open.
pub fn value_if_open<T: MemStream>(args: &[Value], name: &str, value: Value) -> PyResult<Value> {
    T::open_state(this(args, name)?)?;
    Ok(value)
}

/// `readable`, `writable`, `seekable`.
pub fn true_if_open<T: MemStream>(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    value_if_open::<T>(args, "readable", Value::TRUE)
}

pub fn tell<T: MemStream>(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("tell", args, kw, 1, 1)?;
    Ok(Value::int(T::open_state(&args[0])?.position() as i64))
}

/// The arguments of `seek(self, pos, whence=0, /)`: `(self, pos, whence)`.
pub fn seek_args(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<(Value, i64, i64)> {
    let [s, pos, whence] = crate::args::bind("seek", args, kw, &["self", "pos", "whence=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let pos = int_arg(vm, &pos.unwrap_or(Value::NONE))?;
    let whence = match whence {
        Some(w) => int_arg(vm, &w)?,
        None => 0,
    };
    Ok((s, pos, whence))
}

/// The arguments of `truncate(self, <arg>=None, /)`: `(self, size)`, the
/// size defaulting to the position; a negative size raises ValueError
/// `"<negative> <size>"`.
pub fn truncate_args<T: MemStream>(vm: &mut Vm, args: &[Value], kw: &[Value], arg: &str, negative: &str) -> PyResult<(Value, i64)> {
    let [s, size] = crate::args::bind("truncate", args, kw, &["self", arg, "/"])?;
    let s = s.unwrap_or(Value::NONE);
    T::open_state(&s)?;
    let size = match size.filter(|v| !v.is_none()) {
        Some(v) => int_arg(vm, &v)?,
        None => T::open_state(&s)?.position() as i64,
    };
    if size < 0 {
        return Err(PyErr::value_error(format!("{negative} {size}")));
    }
    Ok((s, size))
}

/// A copy of the instance dict, or None (for `__getstate__`).
pub fn instance_dict_copy(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v.as_obj().and_then(|o| o.dict.borrow().clone()) {
        Some(d) => vm.call_method(&d, "copy", &[]),
        None => Ok(Value::NONE),
    }
}

/// The `__getstate__` tuple: `items` followed by a copy of the instance dict.
pub fn state_tuple(vm: &mut Vm, s: &Value, mut items: Vec<Value>) -> PyResult<Value> {
    items.push(instance_dict_copy(vm, s)?);
    Ok(Value::tuple(items))
}

/// The items of the `__setstate__` argument `state`, which must be a tuple
/// of at least `n` items.
pub fn state_items(s: &Value, state: &Value, n: usize) -> PyResult<Vec<Value>> {
    match state.as_tuple() {
        Some(t) if t.len() >= n => Ok(t.to_vec()),
        _ => Err(PyErr::type_error(format!(
            "{}.__setstate__ argument should be {n}-tuple, got {}",
            super::display_name(s),
            tname(state)
        ))),
    }
}

/// The position item of a state; `not_int` starts the TypeError message
/// (the type name follows) when it is not an int.
pub fn state_pos(vm: &mut Vm, item: &Value, not_int: &str) -> PyResult<usize> {
    if !item.is_int() {
        return Err(PyErr::type_error(format!("{not_int} {}", tname(item))));
    }
    let pos = vm.index_value(item)?;
    if pos < 0 {
        return Err(PyErr::value_error("position value cannot be negative"));
    }
    Ok(pos as usize)
}

/// Restore the dict item of a state (the `ordinal` item) into the
/// instance dict; None leaves it alone.
pub fn restore_state_dict(vm: &mut Vm, s: &Value, item: &Value, ordinal: &str) -> PyResult<()> {
    if item.is_none() {
        return Ok(());
    }
    if item.as_dict().is_none() {
        return Err(PyErr::type_error(format!("{ordinal} item of state should be a dict, got a {}", tname(item))));
    }
    let pairs = vm.call_method(item, "items", &[])?;
    let pairs = vm.collect(&pairs)?;
    for p in pairs {
        if let Some(kv) = p.as_tuple() {
            if kv.len() == 2 {
                if let Some(k) = kv[0].as_str() {
                    super::iobase::inst_set(s, k, kv[1].clone());
                }
            }
        }
    }
    Ok(())
}
