//! `range` and `slice`, plus slice-index arithmetic shared by every sequence.

use crate::args::bind;
use crate::object::{NativeKind, Payload, PyObject};
use crate::types::{add_method, add_native, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

impl Value {
    pub fn slice(start: Value, stop: Value, step: Value) -> Value {
        Value::from_obj(PyObject::new(types().slice.as_obj().unwrap(), Payload::Slice { start, stop, step }))
    }

    pub fn range(start: Value, stop: Value, step: Value) -> Value {
        Value::from_obj(PyObject::new(types().range.as_obj().unwrap(), Payload::Range { start, stop, step }))
    }

    /// (start, stop, step) of a slice object.
    pub fn as_slice(&self) -> Option<(Value, Value, Value)> {
        match &self.as_obj()?.payload {
            Payload::Slice { start, stop, step } => Some((start.clone(), stop.clone(), step.clone())),
            _ => None,
        }
    }
}

/// Resolve a slice against a sequence length: (start, stop, step, count),
/// exactly as `slice.indices` and CPython's sequence slicing do.
pub fn slice_indices(vm: &mut Vm, sl: &Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let (start, stop, step) = sl.as_slice().ok_or_else(|| PyErr::type_error("slice expected"))?;
    let len = len as i64;
    let step = if step.is_none() { 1 } else { clamp_index(vm, &step)? };
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
        if v.is_none() {
            return Ok(default);
        }
        let mut i = clamp_index(vm, v)?;
        if i < 0 {
            i += len;
            if i < lower {
                i = lower;
            }
        } else if i > upper {
            i = upper;
        }
        Ok(i)
    };
    let s = fix(vm, &start, if step < 0 { upper } else { lower })?;
    let e = fix(vm, &stop, if step < 0 { lower } else { upper })?;
    let count = if step > 0 {
        if e > s { ((e - s - 1) / step + 1) as usize } else { 0 }
    } else if s > e {
        ((s - e - 1) / (-step) + 1) as usize
    } else {
        0
    };
    Ok((s, e, step, count))
}

/// An index value clamped into i64 (huge ints saturate, as CPython's slices do).
fn clamp_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_i64() {
        return Ok(i);
    }
    if let Some(b) = v.to_bigint() {
        return Ok(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 });
    }
    match crate::types::lookup(crate::types::type_ref(v), "__index__") {
        Some(_) => vm.index_value(v),
        None => Err(PyErr::type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// The items of `seq` selected by the resolved slice.
pub fn slice_pick<T: Clone>(items: &[T], start: i64, step: i64, count: usize) -> Vec<T> {
    let mut out = Vec::with_capacity(count);
    let mut i = start;
    for _ in 0..count {
        out.push(items[i as usize].clone());
        i += step;
    }
    out
}

fn range_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("range", kw)?;
    let a = &args[1..];
    let int = |vm: &mut Vm, v: &Value| -> PyResult<Value> {
        if v.is_int() {
            return Ok(if v.is_bool() { Value::int(v.as_i64().unwrap()) } else { v.clone() });
        }
        let i = vm.index_value(v)?;
        Ok(Value::int(i))
    };
    let (start, stop, step) = match a.len() {
        1 => (Value::int(0), int(vm, &a[0])?, Value::int(1)),
        2 => (int(vm, &a[0])?, int(vm, &a[1])?, Value::int(1)),
        3 => (int(vm, &a[0])?, int(vm, &a[1])?, int(vm, &a[2])?),
        0 => return Err(PyErr::type_error("range expected at least 1 argument, got 0")),
        n => return Err(PyErr::type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step.as_i64() == Some(0) {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::range(start, stop, step))
}

/// (start, stop, step) of a range as i64 when they fit.
pub fn range_i64(v: &Value) -> Option<(i64, i64, i64)> {
    match &v.as_obj()?.payload {
        Payload::Range { start, stop, step } => Some((start.as_i64()?, stop.as_i64()?, step.as_i64()?)),
        _ => None,
    }
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && start > stop {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    }
}

fn range_fields(v: &Value) -> (Value, Value, Value) {
    match &v.as_obj().unwrap().payload {
        Payload::Range { start, stop, step } => (start.clone(), stop.clone(), step.clone()),
        _ => unreachable!(),
    }
}

fn range_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = range_fields(&args[0]);
    let (a, b) = (vm.repr_string(&a)?, vm.repr_string(&b)?);
    if c.as_i64() == Some(1) {
        Ok(Value::string(format!("range({a}, {b})")))
    } else {
        let c = vm.repr_string(&c)?;
        Ok(Value::string(format!("range({a}, {b}, {c})")))
    }
}

fn range_len_m(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = range_i64(&args[0]).ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t"))?;
    Ok(Value::int(range_len(a, b, c)))
}

fn range_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = range_i64(&args[0]).ok_or_else(|| PyErr::overflow("range too large"))?;
    let n = range_len(a, b, c);
    let key = &args[1];
    if key.as_slice().is_some() {
        let (s, _e, st, count) = slice_indices(vm, key, n as usize)?;
        let start = a + s * c;
        let step = c * st;
        let stop = start + step * count as i64;
        return Ok(Value::range(Value::int(start), Value::int(stop), Value::int(step)));
    }
    let i = vm.index_value(key)?;
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error("range object index out of range"));
    }
    Ok(Value::int(a + i * c))
}

fn range_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = &args[1];
    if let (Some((a, b, c)), Some(i)) = (range_i64(&args[0]), x.as_i64()) {
        if x.is_int() {
            let inside = if c > 0 { i >= a && i < b } else { i <= a && i > b };
            return Ok(Value::bool(inside && (i - a) % c == 0));
        }
    }
    let it = vm.iter(&args[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn range_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (x, y) = (&args[0], &args[1]);
    let (Some(a), Some(b)) = (range_i64(x), range_i64(y)) else { return Ok(types().not_implemented.clone()) };
    let _ = vm;
    let (la, lb) = (range_len(a.0, a.1, a.2), range_len(b.0, b.1, b.2));
    Ok(Value::bool(la == lb && (la == 0 || (a.0 == b.0 && (la == 1 || a.2 == b.2)))))
}

fn range_index(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = range_i64(&args[0]).unwrap_or((0, 0, 1));
    if let Some(i) = args[1].as_i64() {
        let inside = if c > 0 { i >= a && i < b } else { i <= a && i > b };
        if inside && (i - a) % c == 0 {
            return Ok(Value::int((i - a) / c));
        }
    }
    let r = vm.repr_string(&args[1])?;
    Err(PyErr::value_error(format!("{r} is not in range")))
}

fn range_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let r = range_contains(vm, args, kw)?;
    Ok(Value::int(r.is_true_singleton() as i64))
}

fn range_attr(args: &[Value], which: usize) -> Value {
    let (a, b, c) = range_fields(&args[0]);
    [a, b, c][which].clone()
}
fn range_start(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(range_attr(args, 0))
}
fn range_stop(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(range_attr(args, 1))
}
fn range_step(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(range_attr(args, 2))
}

fn range_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = range_fields(&args[0]);
    let t = Value::tuple(vec![a, b, c]);
    Ok(Value::int(vm.hash(&t)?))
}

fn range_bool(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = range_i64(&args[0]).unwrap_or((0, 1, 1));
    Ok(Value::bool(range_len(a, b, c) > 0))
}

fn range_reversed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = range_i64(&args[0]).ok_or_else(|| PyErr::overflow("range too large"))?;
    let n = range_len(a, b, c);
    let last = a + (n - 1) * c;
    Ok(crate::types::iter::new_range_iter(last, -c, n))
}

fn slice_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("slice", kw)?;
    let a = &args[1..];
    Ok(match a.len() {
        1 => Value::slice(Value::NONE, a[0].clone(), Value::NONE),
        2 => Value::slice(a[0].clone(), a[1].clone(), Value::NONE),
        3 => Value::slice(a[0].clone(), a[1].clone(), a[2].clone()),
        0 => return Err(PyErr::type_error("slice expected at least 1 argument, got 0")),
        n => return Err(PyErr::type_error(format!("slice expected at most 3 arguments, got {n}"))),
    })
}

fn slice_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = args[0].as_slice().unwrap();
    Ok(Value::string(format!("slice({}, {}, {})", vm.repr_string(&a)?, vm.repr_string(&b)?, vm.repr_string(&c)?)))
}

fn slice_indices_m(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_, n] = bind("indices", args, kw, &["self", "length"])?;
    let n = vm.index_value(&n.unwrap())?;
    if n < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let (s, e, st, _) = slice_indices(vm, &args[0], n as usize)?;
    Ok(Value::tuple(vec![Value::int(s), Value::int(e), Value::int(st)]))
}

fn slice_field(args: &[Value], i: usize) -> Value {
    let (a, b, c) = args[0].as_slice().unwrap();
    [a, b, c][i].clone()
}
fn slice_start(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(slice_field(args, 0))
}
fn slice_stop(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(slice_field(args, 1))
}
fn slice_step(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(slice_field(args, 2))
}

fn slice_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args[0].as_slice(), args[1].as_slice()) else {
        return Ok(types().not_implemented.clone());
    };
    let ta = Value::tuple(vec![a.0, a.1, a.2]);
    let tb = Value::tuple(vec![b.0, b.1, b.2]);
    Ok(Value::bool(vm.eq(&ta, &tb)?))
}

pub fn init(t: &Types) {
    add_native(&t.range, "__new__", range_new, NativeKind::StaticMethod);
    add_method(&t.range, "__repr__", range_repr);
    add_method(&t.range, "__len__", range_len_m);
    add_method(&t.range, "__getitem__", range_getitem);
    add_method(&t.range, "__contains__", range_contains);
    add_method(&t.range, "__eq__", range_eq);
    add_method(&t.range, "__hash__", range_hash);
    add_method(&t.range, "__bool__", range_bool);
    add_method(&t.range, "__reversed__", range_reversed);
    add_method(&t.range, "index", range_index);
    add_method(&t.range, "count", range_count);
    crate::types::add_getset(&t.range, "start", range_start, None);
    crate::types::add_getset(&t.range, "stop", range_stop, None);
    crate::types::add_getset(&t.range, "step", range_step, None);
    add_native(&t.slice, "__new__", slice_new, NativeKind::StaticMethod);
    add_method(&t.slice, "__repr__", slice_repr);
    add_method(&t.slice, "__eq__", slice_eq);
    add_method(&t.slice, "indices", slice_indices_m);
    crate::types::add_attr(&t.slice, "__hash__", Value::NONE);
    crate::types::add_getset(&t.slice, "start", slice_start, None);
    crate::types::add_getset(&t.slice, "stop", slice_stop, None);
    crate::types::add_getset(&t.slice, "step", slice_step, None);
}
