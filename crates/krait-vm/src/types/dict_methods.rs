//! Python-visible methods of `dict`, its views, and `mappingproxy`.

use crate::types::{dict, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// `d.update(m)` for a mapping or an iterable of pairs (`{**m}` uses mapping only).
pub fn dict_update_from(vm: &mut Vm, d: &Value, m: &Value, pairs_ok: bool) -> PyResult<()> {
    if let Some(md) = m.as_dict() {
        let items = md.borrow().items();
        for (k, v) in items {
            dict::dict_set(vm, d, k, v)?;
        }
        return Ok(());
    }
    if let Some(keys_f) = vm.getattr_opt(m, &Value::str("keys"))? {
        let keys = vm.call(&keys_f, &[])?;
        for k in vm.collect(&keys)? {
            let v = vm.getitem(m, &k)?;
            dict::dict_set(vm, d, k, v)?;
        }
        return Ok(());
    }
    if !pairs_ok {
        return Err(PyErr::type_error(format!(
            "'{}' object is not a mapping",
            crate::types::type_ref(m).type_name_str()
        )));
    }
    for (i, item) in vm.collect(m)?.into_iter().enumerate() {
        let kv = vm.collect(&item).map_err(|_| {
            PyErr::type_error(format!(
                "cannot convert dictionary update sequence element #{i} to a sequence"
            ))
        })?;
        if kv.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        let mut it = kv.into_iter();
        let k = it.next().unwrap();
        let v = it.next().unwrap();
        dict::dict_set(vm, d, k, v)?;
    }
    Ok(())
}

pub fn init(_t: &Types) {}
