//! Signals and the periodic check.
//!
//! The SIGINT handler only sets a flag; the interpreter's periodic check
//! (run at backward jumps) turns it into KeyboardInterrupt in the thread
//! running Python code. Python-level handlers (`signal.signal`) come later.

use crate::types::types;
use crate::{PyErr, PyResult, Vm};
use std::sync::atomic::{AtomicBool, Ordering};

static SIGINT_PENDING: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(_: libc::c_int) {
    SIGINT_PENDING.store(true, Ordering::SeqCst);
}

/// Install the SIGINT handler (idempotent).
pub fn install() {
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
    }
}

/// Whether a Ctrl-C arrived (and clear it).
pub fn take_sigint() -> bool {
    SIGINT_PENDING.swap(false, Ordering::SeqCst)
}

/// Run at loop back-edges: deliver pending signals.
#[inline]
pub fn periodic_check(_vm: &mut Vm) -> PyResult<()> {
    if crate::gil::breaker() & (crate::gil::BREAK_GIL | crate::gil::BREAK_GIL_PRIORITY) != 0 {
        crate::gil::maybe_yield();
    }
    if SIGINT_PENDING.load(Ordering::Relaxed) && crate::gil::is_main_thread() && take_sigint() {
        return Err(PyErr::bare(&types().exc.keyboard_interrupt));
    }
    if crate::gc::GC_PENDING.load(Ordering::Relaxed) {
        crate::gc::collect_if_pending(_vm);
    }
    Ok(())
}
