//! `set` and `frozenset`: hash tables of keys (the dict table with unused values).

use crate::object::{Payload, PyObject};
use crate::types::dict::DictData;
use crate::types::{types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::BinOpKind;
use std::cell::RefCell;

/// A set's table: a `DictData` whose values are all None.
pub type SetData = DictData;

/// The table of a set or frozenset (a copy for frozensets is never needed:
/// callers only read).
pub fn set_table(v: &Value) -> Option<SetData> {
    match &v.as_obj()?.payload {
        Payload::Set(s) => Some(s.borrow().clone()),
        Payload::FrozenSet(s) => Some(s.clone()),
        _ => None,
    }
}

/// Insert into a raw table, using Python equality where needed.
pub fn table_add(vm: &mut Vm, t: &mut SetData, key: Value) -> PyResult<()> {
    let h = vm.hash(&key)?;
    // Use a temporary dict object so the re-entrant lookup logic applies.
    let tmp = Value::new_dict_from(std::mem::take(t));
    crate::types::dict::dict_set_hashed(vm, &tmp, key, h, Value::NONE)?;
    *t = tmp.as_dict().unwrap().borrow().clone();
    Ok(())
}

pub fn new_set(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let s = Value::from_obj(PyObject::new(types().set.as_obj().unwrap(), Payload::Set(RefCell::new(SetData::new()))));
    for x in items {
        set_add(vm, &s, x)?;
    }
    Ok(s)
}

pub fn frozenset_from_native(items: Vec<Value>) -> Value {
    let mut d = SetData::new();
    for x in items {
        let h = if let Some(s) = x.as_pystr_exact() {
            s.hash()
        } else if let Some(i) = x.as_small_int() {
            crate::types::int::hash_i64(i)
        } else if let Some(f) = x.as_float() {
            crate::types::float::hash_float(f, &x)
        } else {
            crate::ops::pointer_hash(&x)
        };
        d.set_native(x, h, Value::NONE);
    }
    Value::from_obj(PyObject::new(types().frozenset.as_obj().unwrap(), Payload::FrozenSet(d)))
}

/// `s.add(x)` on a set object.
pub fn set_add(vm: &mut Vm, s: &Value, x: Value) -> PyResult<()> {
    let h = vm.hash(&x)?;
    let cell = match &s.as_obj().unwrap().payload {
        Payload::Set(c) => c,
        _ => return Err(PyErr::type_error("set expected")),
    };
    // Fast path: native comparison decides.
    if let Some(_) = cell.borrow().get_native(&x, h) {
        return Ok(());
    }
    let all_native = crate::types::dict::eq_native(&x, &x).is_some();
    if all_native && x.as_obj().map_or(true, |o| !o.ty().type_data().heap) {
        cell.borrow_mut().set_native(x, h, Value::NONE);
        return Ok(());
    }
    let mut t = std::mem::take(&mut *cell.borrow_mut());
    let r = table_add(vm, &mut t, x);
    *cell.borrow_mut() = t;
    r
}

pub fn set_contains(vm: &mut Vm, s: &Value, x: &Value) -> PyResult<bool> {
    let h = match vm.hash(x) {
        Ok(h) => h,
        Err(e) => {
            // `{..} in set`: unhashable sets are looked up as frozensets.
            if matches!(x.as_obj().map(|o| &o.payload), Some(Payload::Set(_))) {
                let fs = frozenset_from_native(set_table(x).unwrap().keys());
                return set_contains(vm, s, &fs);
            }
            return Err(e);
        }
    };
    let t = set_table(s).unwrap();
    let tmp = Value::new_dict_from(t);
    Ok(crate::types::dict::dict_get_hashed(vm, &tmp, x, h)?.is_some())
}

/// `a | b`, `a & b`, `a ^ b`, `a - b` between sets/frozensets.
pub fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOpKind) -> PyResult<Value> {
    let ak = set_table(a).unwrap().keys();
    let bk = set_table(b).unwrap().keys();
    let mut out = Vec::new();
    match op {
        BinOpKind::Or => {
            out.extend(ak);
            out.extend(bk);
        }
        BinOpKind::And => {
            for x in ak {
                if set_contains(vm, b, &x)? {
                    out.push(x);
                }
            }
        }
        BinOpKind::Subtract => {
            for x in ak {
                if !set_contains(vm, b, &x)? {
                    out.push(x);
                }
            }
        }
        BinOpKind::Xor => {
            for x in ak {
                if !set_contains(vm, b, &x)? {
                    out.push(x);
                }
            }
            for x in bk {
                if !set_contains(vm, a, &x)? {
                    out.push(x);
                }
            }
        }
        _ => unreachable!(),
    }
    let frozen = matches!(a.as_obj().unwrap().payload, Payload::FrozenSet(_));
    let s = new_set(vm, out)?;
    if frozen {
        let t = set_table(&s).unwrap();
        return Ok(Value::from_obj(PyObject::new(types().frozenset.as_obj().unwrap(), Payload::FrozenSet(t))));
    }
    Ok(s)
}

pub fn init(t: &Types) {
    crate::types::set_methods::init(t);
}
