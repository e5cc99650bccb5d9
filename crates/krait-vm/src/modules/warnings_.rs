//! `_warnings`: the C accelerator of `warnings`, reduced to what the import
//! machinery needs (`_warnings.warn`). `warnings.py` finds the rest of the
//! accelerator names missing and uses its pure-Python implementation, which
//! `warn` here calls.

use crate::types::module::{add_function, new_module};
use crate::value::Value;
use crate::{PyResult, Vm};

fn warn(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let w = crate::import::import_module(vm, "warnings")?;
    let f = vm.getattr_str(&w, "warn")?;
    // One more frame between the caller and warnings.warn: adjust stacklevel.
    vm.call_kw(&f, args, kw)
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_warnings");
    add_function(&m, "warn", warn);
    m
}
