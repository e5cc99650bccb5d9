//! `atexit`: functions run at interpreter exit, last registered first.
//! `entry::shutdown` calls [`run_exitfuncs`] after waiting for the
//! non-daemon threads. As in CPython 3.11, `unregister` leaves a hole in the
//! table (so `_ncallbacks` counts it) until the table is run or cleared.

use crate::gil::GilCell;
use crate::types::module::{add_function, new_module};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;

struct Callback {
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

static CALLBACKS: GilCell<RefCell<Vec<Option<Callback>>>> = GilCell::new(RefCell::new(Vec::new()));

fn register(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if npos == 0 {
        return Err(PyErr::type_error("register() takes at least 1 argument (0 given)"));
    }
    let func = args[0].clone();
    if !vm.callable(&func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let cb = Callback { func: func.clone(), args: args[1..].to_vec(), kwnames: kw.to_vec() };
    CALLBACKS.with(|c| c.borrow_mut().push(Some(cb)));
    Ok(func)
}

fn unregister(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("unregister", args, kw, 1, 1)?;
    let target = &args[0];
    let funcs: Vec<(usize, Value)> =
        CALLBACKS.with(|c| c.borrow().iter().enumerate().filter_map(|(i, cb)| cb.as_ref().map(|cb| (i, cb.func.clone()))).collect());
    for (i, f) in funcs {
        if vm.eq(&f, target)? {
            let old = CALLBACKS.with(|c| c.borrow_mut().get_mut(i).and_then(|s| s.take()));
            drop(old);
        }
    }
    Ok(Value::NONE)
}

/// Run every registered function, newest first, and empty the table.
/// Exceptions are reported as unraisable ("Exception ignored in atexit callback").
pub fn run_exitfuncs(vm: &mut Vm) {
    loop {
        let next = CALLBACKS.with(|c| c.borrow_mut().pop());
        let Some(slot) = next else { break };
        let Some(cb) = slot else { continue };
        if let Err(e) = vm.call_kw(&cb.func, &cb.args, &cb.kwnames) {
            crate::modules::sys_extra::write_unraisable(vm, &e, Some("Exception ignored in atexit callback"), Some(&cb.func));
        }
    }
}

fn run_exitfuncs_py(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_run_exitfuncs", args, kw, 0, 0)?;
    run_exitfuncs(vm);
    Ok(Value::NONE)
}

fn clear(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_clear", args, kw, 0, 0)?;
    let old = CALLBACKS.with(|c| std::mem::take(&mut *c.borrow_mut()));
    drop(old);
    Ok(Value::NONE)
}

fn ncallbacks(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_ncallbacks", args, kw, 0, 0)?;
    Ok(Value::int(CALLBACKS.with(|c| c.borrow().len()) as i64))
}

pub fn make() -> Value {
    let m = new_module("atexit");
    add_function(&m, "register", register);
    add_function(&m, "unregister", unregister);
    add_function(&m, "_run_exitfuncs", run_exitfuncs_py);
    add_function(&m, "_clear", clear);
    add_function(&m, "_ncallbacks", ncallbacks);
    m
}
