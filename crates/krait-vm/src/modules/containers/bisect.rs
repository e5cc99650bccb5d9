//! The `_bisect` module: binary search in sorted sequences, with the
//! optional `key` function of 3.10+.

use super::common::tname;
use crate::types::module::{add_function, new_module, set_attr};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::CmpOpKind;

struct Args {
    a: Value,
    x: Value,
    lo: i64,
    hi: Option<i64>,
    key: Option<Value>,
}

fn parse(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<Args> {
    let [a, x, lo, hi, key] = crate::args::bind(name, args, kw, &["a", "x", "lo=", "hi=", "*", "key="])?;
    let lo = match lo {
        Some(v) => vm.index_value(&v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    let hi = match hi {
        Some(v) if !v.is_none() => {
            if !v.is_int() && crate::types::lookup(crate::types::type_ref(&v), "__index__").is_none() {
                return Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", tname(&v))));
            }
            Some(vm.index_value(&v)?)
        }
        _ => None,
    };
    Ok(Args { a: a.unwrap_or(Value::NONE), x: x.unwrap_or(Value::NONE), lo, hi, key: key.filter(|k| !k.is_none()) })
}

fn item(vm: &mut Vm, a: &Value, i: i64) -> PyResult<Value> {
    if let Some(l) = a.as_list() {
        if let Some(v) = l.borrow().get(i as usize) {
            return Ok(v.clone());
        }
    }
    vm.getitem(a, &Value::int(i))
}

/// The insertion point; `right` for bisect_right. `x` is compared with
/// `key(a[i])` when a key is given.
fn search(vm: &mut Vm, p: &Args, x: &Value, right: bool) -> PyResult<i64> {
    let mut lo = p.lo;
    let mut hi = match p.hi {
        Some(h) => h,
        None => vm.len(&p.a)? as i64,
    };
    while lo < hi {
        let mid = ((lo as u64 + hi as u64) / 2) as i64;
        let mut it = item(vm, &p.a, mid)?;
        if let Some(k) = &p.key {
            it = vm.call(k, &[it])?;
        }
        if right {
            if vm.compare_bool(x, &it, CmpOpKind::Lt)? {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        } else if vm.compare_bool(&it, x, CmpOpKind::Lt)? {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_right(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = parse(vm, "bisect_right", args, kw)?;
    Ok(Value::int(search(vm, &p, &p.x, true)?))
}

fn bisect_left(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let p = parse(vm, "bisect_left", args, kw)?;
    Ok(Value::int(search(vm, &p, &p.x, false)?))
}

fn insort(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value], right: bool) -> PyResult<Value> {
    let p = parse(vm, name, args, kw)?;
    let kx = match &p.key {
        Some(k) => vm.call(k, &[p.x.clone()])?,
        None => p.x.clone(),
    };
    let i = search(vm, &p, &kx, right)?;
    let exact_list = p.a.as_list().is_some() && crate::types::type_ref(&p.a).as_type().map_or(false, |t| !t.heap);
    if exact_list {
        if let Some(l) = p.a.as_list() {
            let mut v = l.borrow_mut();
            let at = (i.max(0) as usize).min(v.len());
            v.insert(at, p.x.clone());
        }
    } else {
        vm.call_method(&p.a, "insert", &[Value::int(i), p.x.clone()])?;
    }
    Ok(Value::NONE)
}

fn insort_right(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    insort(vm, "insort_right", args, kw, true)
}

fn insort_left(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    insort(vm, "insort_left", args, kw, false)
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_bisect");
    set_attr(&m, "__doc__", Value::str("Bisection algorithms.\n\nThis module provides support for maintaining a list in sorted order without\nhaving to sort the list after each insertion. For long lists of items with\nexpensive comparison operations, this can be an improvement over the more\ncommon approach.\n"));
    add_function(&m, "bisect_right", bisect_right);
    add_function(&m, "bisect_left", bisect_left);
    add_function(&m, "insort_right", insort_right);
    add_function(&m, "insort_left", insort_left);
    m
}
