//! Starting and ending Python threads (`_thread.start_new_thread`).
//!
//! A new OS thread gets its own `Vm` (frames, frame arena, recursion depth,
//! exception state) sharing `sys`, `sys.modules` and `builtins` with the
//! others. It takes the GIL before touching any object and drops every
//! object it owns before giving the GIL up for the last time, so reference
//! counts are only ever changed under the GIL. Locks registered with
//! [`register_sentinel`] (`_thread._set_sentinel`, which `threading` uses to
//! implement `join`) are released when the thread is done.

use crate::gil::GilCell;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;

/// Stack size for new threads when `_thread.stack_size()` was not set. Deep
/// recursion is stopped by RecursionError well before the end of it.
pub const DEFAULT_STACK: usize = 64 << 20;

/// Stack size requested with `_thread.stack_size(n)` (0: the default).
pub static STACK_SIZE: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Live threads started by `start_new_thread` (`_thread._count()`).
pub static COUNT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Sentinel locks per thread ident, released when the thread ends.
static SENTINELS: GilCell<RefCell<Vec<(u64, Value)>>> = GilCell::new(RefCell::new(Vec::new()));

/// Release `lock` (call its `release`) when the current thread ends.
pub fn register_sentinel(lock: Value) {
    let me = crate::modules::sys_extra::thread_ident();
    SENTINELS.with(|s| s.borrow_mut().push((me, lock)));
}

/// What a new thread needs from its parent. Only touched under the GIL.
struct Seed {
    builtins: Value,
    builtins_dict: Value,
    sys: Value,
    modules: Value,
    options: crate::vm::Options,
    recursion_limit: u32,
    func: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
}

// SAFETY: the seed's values are created and dropped under the GIL; the new
// thread touches them only after acquiring it.
unsafe impl Send for Seed {}

/// Start `func(*args, **kwargs)` in a new OS thread; returns its ident.
pub fn start_new_thread(vm: &mut Vm, func: Value, args: Vec<Value>, kwargs: Option<Value>) -> PyResult<u64> {
    let mut call_args = args;
    let mut kwnames = Vec::new();
    if let Some(kw) = kwargs.filter(|k| !k.is_none()) {
        let items = vm.call_method(&kw, "items", &[])?;
        let items = vm.collect(&items)?;
        for it in items {
            let pair = vm.collect(&it)?;
            if pair.len() == 2 {
                kwnames.push(pair[0].clone());
                call_args.push(pair[1].clone());
            }
        }
    }
    let seed = Seed {
        builtins: vm.builtins.clone(),
        builtins_dict: vm.builtins_dict.clone(),
        sys: vm.sys.clone(),
        modules: vm.modules.clone(),
        options: vm.options.clone(),
        recursion_limit: vm.recursion_limit,
        func,
        args: call_args,
        kwnames,
    };
    let requested = STACK_SIZE.load(std::sync::atomic::Ordering::Relaxed);
    let stack = if requested == 0 { DEFAULT_STACK } else { requested.max(DEFAULT_STACK / 4) };
    crate::gil::thread_started();
    COUNT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let spawned = std::thread::Builder::new().stack_size(stack).spawn(move || {
        crate::gil::acquire(false);
        thread_main(seed, stack);
        COUNT.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
        crate::gil::release();
        crate::gil::thread_ended();
    });
    match spawned {
        Ok(h) => {
            use std::os::unix::thread::JoinHandleExt;
            let ident = h.as_pthread_t() as u64;
            drop(h); // detached
            Ok(ident)
        }
        Err(_) => {
            COUNT.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
            crate::gil::thread_ended();
            Err(PyErr::runtime_error("can't start new thread"))
        }
    }
}

/// The body of a new thread, run holding the GIL. Everything it owns is
/// dropped before it returns.
fn thread_main(seed: Seed, stack: usize) {
    let mut vm = Vm::for_thread(
        seed.builtins,
        seed.builtins_dict,
        seed.sys,
        seed.modules,
        seed.options,
        seed.recursion_limit,
        stack,
    );
    crate::gc::set_current_vm(&mut vm as *mut Vm);
    let r = vm.call_kw(&seed.func, &seed.args, &seed.kwnames);
    if let Err(e) = r {
        if !e.matches(&crate::types::types().exc.system_exit) {
            crate::modules::sys_extra::write_unraisable(&mut vm, &e, Some("Exception ignored in thread started by"), Some(&seed.func));
        }
    }
    drop(seed.args);
    drop(seed.kwnames);
    drop(seed.func);
    // Wake the threads joining this one.
    let me = crate::modules::sys_extra::thread_ident();
    let mine: Vec<Value> = SENTINELS.with(|s| {
        let mut s = s.borrow_mut();
        let (mine, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut *s).into_iter().partition(|(t, _)| *t == me);
        *s = rest;
        mine.into_iter().map(|(_, l)| l).collect()
    });
    for lock in mine {
        let _ = vm.call_method(&lock, "release", &[]);
    }
    crate::gc::set_current_vm(std::ptr::null_mut());
    drop(vm);
}
