//! Signals and the periodic check.
//!
//! The SIGINT handler only sets a flag; the interpreter's periodic check
//! (run at backward jumps) turns it into KeyboardInterrupt in the thread
//! running Python code. Signals with a Python-level handler (`signal.signal`) are marked
//! pending by [`on_signal`]; the periodic check runs their handlers in
//! the main thread.

use crate::types::types;
use crate::{PyErr, PyResult, Vm};
use std::sync::atomic::{AtomicBool, Ordering};

static SIGINT_PENDING: AtomicBool = AtomicBool::new(false);

extern "C" fn on_sigint(sig: libc::c_int) {
    if forward_to_main(sig) {
        return;
    }
    SIGINT_PENDING.store(true, Ordering::SeqCst);
}

/// The interpreter's main thread (where `install` ran). The process's first
/// thread may be another one (crates/krait runs the interpreter in a thread
/// with a big stack), and the kernel may deliver signals to any thread.
static MAIN_PTHREAD: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// In a signal handler: re-send `sig` to the interpreter's main thread if
/// it arrived in another one, so blocking calls there (pause, read...) are
/// interrupted as in CPython. Async-signal-safe.
fn forward_to_main(sig: libc::c_int) -> bool {
    let main = MAIN_PTHREAD.load(Ordering::Relaxed);
    // SAFETY: pthread_self and pthread_kill are async-signal-safe.
    unsafe {
        if main != 0 && libc::pthread_self() as u64 != main {
            libc::pthread_kill(main as libc::pthread_t, sig);
            return true;
        }
    }
    false
}

/// Install the SIGINT handler (idempotent).
pub fn install() {
    // SAFETY: pthread_self has no preconditions.
    MAIN_PTHREAD.store(unsafe { libc::pthread_self() } as u64, Ordering::Relaxed);
    // SAFETY: the handler only stores to an atomic, which is async-signal-safe.
    unsafe {
        libc::signal(libc::SIGINT, on_sigint as *const () as libc::sighandler_t);
    }
}

/// Whether a Ctrl-C arrived (and clear it).
pub fn take_sigint() -> bool {
    let a = SIGINT_PENDING.swap(false, Ordering::SeqCst);
    let b = PENDING[libc::SIGINT as usize].swap(false, Ordering::SeqCst);
    a || b
}

// ---------------------------------------------------------------- Python-level handlers

/// Signal numbers are below this (`signal.NSIG`).
pub const NSIG: usize = 65;

#[allow(clippy::declare_interior_mutable_const)]
const NOT_PENDING: AtomicBool = AtomicBool::new(false);
/// Per-signal "arrived, handler not run yet" flags, set by [`on_signal`].
static PENDING: [AtomicBool; NSIG] = [NOT_PENDING; NSIG];
/// Some flag in `PENDING` may be set.
static ANY_PENDING: AtomicBool = AtomicBool::new(false);
/// `signal.set_wakeup_fd`: a byte (the signal number) is written there.
pub static WAKEUP_FD: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(-1);

/// Runs the Python handler of one signal (set by the `_signal` module).
static RUN_HANDLER: std::sync::OnceLock<fn(&mut Vm, i32) -> PyResult<()>> = std::sync::OnceLock::new();

/// Register the function that runs the Python handler of a signal.
pub fn set_handler_runner(f: fn(&mut Vm, i32) -> PyResult<()>) {
    let _ = RUN_HANDLER.set(f);
}

/// The C-level handler for signals with a Python handler: only marks the
/// signal pending (async-signal-safe atomics and `write`).
pub extern "C" fn on_signal(sig: libc::c_int) {
    if forward_to_main(sig) {
        return;
    }
    let fd = WAKEUP_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        let b = sig as u8;
        // SAFETY: write is async-signal-safe; errno is saved and restored.
        unsafe {
            let saved = *libc::__errno_location();
            libc::write(fd, &b as *const u8 as *const libc::c_void, 1);
            *libc::__errno_location() = saved;
        }
    }
    trip(sig);
}

/// Mark `sig` pending, as if it had arrived (`_thread.interrupt_main`).
pub fn trip(sig: i32) {
    if sig > 0 && (sig as usize) < NSIG {
        PENDING[sig as usize].store(true, Ordering::SeqCst);
        ANY_PENDING.store(true, Ordering::SeqCst);
    }
}

/// Run the Python handlers of pending signals (main thread only). The first
/// exception a handler raises is returned; later signals stay pending.
pub fn run_pending(vm: &mut Vm) -> PyResult<()> {
    if !ANY_PENDING.load(Ordering::Relaxed) || !crate::gil::is_main_thread() {
        return Ok(());
    }
    ANY_PENDING.store(false, Ordering::SeqCst);
    let Some(run) = RUN_HANDLER.get().copied() else { return Ok(()) };
    for sig in 1..NSIG {
        if PENDING[sig].swap(false, Ordering::SeqCst) {
            if let Err(e) = run(vm, sig as i32) {
                ANY_PENDING.store(true, Ordering::SeqCst);
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Run at loop back-edges: deliver pending signals.
#[inline]
pub fn periodic_check(_vm: &mut Vm) -> PyResult<()> {
    if crate::gil::breaker() & (crate::gil::BREAK_GIL_DROP | crate::gil::BREAK_GIL_CLOCK) != 0 {
        crate::gil::maybe_yield();
    }
    if SIGINT_PENDING.load(Ordering::Relaxed) && crate::gil::is_main_thread() && take_sigint() {
        return Err(PyErr::bare(&types().exc.keyboard_interrupt));
    }
    if ANY_PENDING.load(Ordering::Relaxed) {
        run_pending(_vm)?;
    }
    if crate::gc::GC_PENDING.load(Ordering::Relaxed) {
        crate::gc::collect_if_pending(_vm);
    }
    Ok(())
}
