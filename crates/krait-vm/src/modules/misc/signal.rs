//! `_signal`: Python-level signal handlers and the signal-related system
//! calls. A signal with a Python handler gets the C handler
//! `interp::signals::on_signal`, which only marks it pending; the
//! interpreter's periodic check then calls the handler in the main thread
//! (`run_handler`). SIGINT's default Python handler is
//! `default_int_handler`, which raises KeyboardInterrupt.

use crate::gil::GilCell;
use crate::interp::signals::{self, NSIG};
use crate::modules::native::GilSlot;
use crate::modules::posix::common::{errno, os_err, strerror};
use crate::object::NativeKind;
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{native_function, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;

/// The Python handler of each signal: SIG_DFL (0), SIG_IGN (1), a callable,
/// or None when the handler was not installed by Python.
static HANDLERS: GilCell<RefCell<Vec<Value>>> = GilCell::new(RefCell::new(Vec::new()));
static DEFAULT_INT: GilSlot = GilSlot::new();
static ITIMER_ERROR: GilSlot = GilSlot::new();

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

fn default_int_handler_value() -> Value {
    DEFAULT_INT.get_or_init(|| native_function("default_int_handler", default_int_handler, NativeKind::Function, Value::NULL, None))
}

/// Fill the handler table from the current dispositions and give SIGINT
/// its Python default handler (once).
pub fn init_handlers() {
    let empty = HANDLERS.with(|h| h.borrow().is_empty());
    if !empty {
        return;
    }
    let mut table = vec![Value::NONE; NSIG];
    for (sig, slot) in table.iter_mut().enumerate().skip(1) {
        // SAFETY: querying the disposition (null new action) has no effect.
        let cur = unsafe {
            let mut old: libc::sigaction = std::mem::zeroed();
            if libc::sigaction(sig as i32, std::ptr::null(), &mut old) != 0 {
                continue;
            }
            old.sa_sigaction
        };
        *slot = if cur == libc::SIG_DFL {
            Value::int(SIG_DFL)
        } else if cur == libc::SIG_IGN {
            Value::int(SIG_IGN)
        } else {
            Value::NONE
        };
    }
    let int = libc::SIGINT as usize;
    if !table[int].is(&Value::int(SIG_IGN)) {
        table[int] = default_int_handler_value();
        let _ = install(libc::SIGINT, signals::on_signal as *const () as libc::sighandler_t);
    }
    HANDLERS.with(|h| *h.borrow_mut() = table);
    signals::set_handler_runner(run_handler);
}

/// `sigaction(sig, handler)` keeping the other flags CPython uses.
fn install(sig: i32, handler: libc::sighandler_t) -> Result<(), i32> {
    // SAFETY: a zeroed sigaction with an empty mask is valid; the handler is
    // SIG_DFL, SIG_IGN or an async-signal-safe function.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = handler;
        libc::sigemptyset(&mut act.sa_mask);
        act.sa_flags = libc::SA_ONSTACK;
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(errno());
        }
    }
    Ok(())
}

/// Run the Python handler of `sig` (called by the periodic check).
fn run_handler(vm: &mut Vm, sig: i32) -> PyResult<()> {
    let h = HANDLERS.with(|h| h.borrow().get(sig as usize).cloned()).unwrap_or(Value::NONE);
    if h.is_none() || h.is_int() || !vm.callable(&h) {
        return Ok(());
    }
    let frame = current_frame(vm);
    vm.call(&h, &[Value::int(sig as i64), frame])?;
    Ok(())
}

fn current_frame(vm: &mut Vm) -> Value {
    let sys = vm.sys.clone();
    match vm.getattr_str(&sys, "_getframe") {
        Ok(gf) => vm.call(&gf, &[Value::int(0)]).unwrap_or(Value::NONE),
        Err(_) => Value::NONE,
    }
}

/// `_thread.interrupt_main(sig)`: act as if `sig` arrived, if Python handles it.
pub fn simulate(sig: i32) {
    init_handlers();
    let h = HANDLERS.with(|h| h.borrow().get(sig as usize).cloned()).unwrap_or(Value::NONE);
    if !h.is_none() && !h.is_int() {
        signals::trip(sig);
    }
}

fn signum_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = vm.index_value(v)?;
    if n < 1 || n >= NSIG as i64 {
        return Err(PyErr::value_error("signal number out of range"));
    }
    Ok(n as i32)
}

fn main_thread_only(what: &str) -> PyResult<()> {
    if !crate::gil::is_main_thread() {
        return Err(PyErr::value_error(format!("{what} only works in main thread of the main interpreter")));
    }
    Ok(())
}

fn m_signal(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [sig, handler] = crate::args::bind("signal", args, kw, &["signalnum", "handler", "/"])?;
    let (sig, handler) = (sig.unwrap_or(Value::NONE), handler.unwrap_or(Value::NONE));
    main_thread_only("signal")?;
    let sig = signum_arg(vm, &sig)?;
    init_handlers();
    let special = if handler.is_int() { handler.as_i64() } else { None };
    let action = match special {
        Some(SIG_IGN) => libc::SIG_IGN,
        Some(SIG_DFL) => libc::SIG_DFL,
        _ => {
            if !vm.callable(&handler) {
                return Err(PyErr::type_error("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object"));
            }
            signals::on_signal as *const () as libc::sighandler_t
        }
    };
    if let Err(e) = install(sig, action) {
        return Err(os_err(e, None, None));
    }
    let stored = match special {
        Some(n @ (SIG_IGN | SIG_DFL)) => Value::int(n),
        _ => handler,
    };
    let old = HANDLERS.with(|h| {
        let mut h = h.borrow_mut();
        std::mem::replace(&mut h[sig as usize], stored)
    });
    Ok(old)
}

fn getsignal(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [sig] = crate::args::bind("getsignal", args, kw, &["signalnum", "/"])?;
    let sig = signum_arg(vm, &sig.unwrap_or(Value::NONE))?;
    init_handlers();
    Ok(HANDLERS.with(|h| h.borrow().get(sig as usize).cloned()).unwrap_or(Value::NONE))
}

fn default_int_handler(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::bare(&types().exc.keyboard_interrupt))
}

fn raise_signal(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [sig] = crate::args::bind("raise_signal", args, kw, &["signalnum", "/"])?;
    let sig = signum_arg(vm, &sig.unwrap_or(Value::NONE))?;
    // SAFETY: raise has no memory-safety preconditions.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(os_err(errno(), None, None));
    }
    signals::run_pending(vm)?;
    Ok(Value::NONE)
}

fn alarm(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [secs] = crate::args::bind("alarm", args, kw, &["seconds", "/"])?;
    let n = vm.index_value(&secs.unwrap_or(Value::NONE))?;
    let n = u32::try_from(n).map_err(|_| PyErr::overflow("Python int too large to convert to C unsigned int"))?;
    // SAFETY: alarm has no preconditions.
    Ok(Value::int(unsafe { libc::alarm(n) } as i64))
}

fn pause(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("pause", args, kw, 0, 0)?;
    // SAFETY: pause has no preconditions; it returns when a signal is caught.
    crate::gil::allow_threads(vm, || unsafe { libc::pause() });
    signals::periodic_check(vm)?;
    Ok(Value::NONE)
}

fn set_wakeup_fd(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, _warn] = crate::args::bind("set_wakeup_fd", args, kw, &["fd", "/", "*", "warn_on_full_buffer="])?;
    let fd = vm.index_value(&fd.unwrap_or(Value::NONE))?;
    main_thread_only("set_wakeup_fd")?;
    let fd = i32::try_from(fd).map_err(|_| PyErr::overflow("Python int too large to convert to C int"))?;
    if fd != -1 {
        // SAFETY: fcntl on any int is safe; it fails with EBADF for bad fds.
        let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if fl < 0 {
            return Err(os_err(errno(), None, None));
        }
        if fl & libc::O_NONBLOCK == 0 {
            return Err(PyErr::value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    let old = signals::WAKEUP_FD.swap(fd, std::sync::atomic::Ordering::SeqCst);
    Ok(Value::int(old as i64))
}

fn siginterrupt(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [sig, flag] = crate::args::bind("siginterrupt", args, kw, &["signalnum", "flag", "/"])?;
    let sig = signum_arg(vm, &sig.unwrap_or(Value::NONE))?;
    let flag = vm.index_value(&flag.unwrap_or(Value::NONE))? != 0;
    // SAFETY: read the current action, toggle SA_RESTART, write it back.
    unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut act) != 0 {
            return Err(os_err(errno(), None, None));
        }
        if flag {
            act.sa_flags &= !libc::SA_RESTART;
        } else {
            act.sa_flags |= libc::SA_RESTART;
        }
        if libc::sigaction(sig, &act, std::ptr::null_mut()) != 0 {
            return Err(os_err(errno(), None, None));
        }
    }
    Ok(Value::NONE)
}

fn itimer_error(vm: &mut Vm) -> Value {
    if let Some(e) = ITIMER_ERROR.get() {
        return e;
    }
    let e = crate::modules::native::new_exception(vm, "signal", "itimer_error", &[types().exc.os_error.clone()]);
    ITIMER_ERROR.get_or_init(|| e)
}

fn itimer_err(vm: &mut Vm, e: i32) -> PyErr {
    let cls = itimer_error(vm);
    PyErr::from_value(crate::types::exception::new_exception(&cls, vec![Value::int(e as i64), Value::string(strerror(e))]))
}

fn timeval(f: f64) -> libc::timeval {
    let f = if f.is_finite() && f > 0.0 { f } else { 0.0 };
    let sec = f.trunc();
    let mut usec = ((f - sec) * 1e6).round() as i64;
    let mut s = sec as i64;
    if usec >= 1_000_000 {
        s += 1;
        usec -= 1_000_000;
    }
    // Non-zero durations below a microsecond still arm the timer.
    if s == 0 && usec == 0 && f > 0.0 {
        usec = 1;
    }
    libc::timeval { tv_sec: s as libc::time_t, tv_usec: usec as libc::suseconds_t }
}

fn tv_float(t: &libc::timeval) -> f64 {
    t.tv_sec as f64 + t.tv_usec as f64 / 1e6
}

fn itimer_tuple(v: &libc::itimerval) -> Value {
    Value::tuple(vec![Value::float(tv_float(&v.it_value)), Value::float(tv_float(&v.it_interval))])
}

fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match crate::types::float::real_operand(v) {
        Some(r) => r,
        None => {
            let f = vm.call(&types().float, &[v.clone()])?;
            Ok(crate::types::float::float_of(&f).unwrap_or(0.0))
        }
    }
}

fn setitimer(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [which, secs, interval] = crate::args::bind("setitimer", args, kw, &["which", "seconds", "interval=", "/"])?;
    let which = vm.index_value(&which.unwrap_or(Value::NONE))? as i32;
    let secs = seconds_arg(vm, &secs.unwrap_or(Value::NONE))?;
    let interval = match interval {
        Some(i) => seconds_arg(vm, &i)?,
        None => 0.0,
    };
    let new = libc::itimerval { it_interval: timeval(interval), it_value: timeval(secs) };
    // SAFETY: zeroed itimerval is valid plain data.
    let mut old: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers to local structs.
    if unsafe { libc::setitimer(which as _, &new, &mut old) } != 0 {
        let e = errno();
        return Err(itimer_err(vm, e));
    }
    Ok(itimer_tuple(&old))
}

fn getitimer(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [which] = crate::args::bind("getitimer", args, kw, &["which", "/"])?;
    let which = vm.index_value(&which.unwrap_or(Value::NONE))? as i32;
    // SAFETY: zeroed itimerval is valid plain data.
    let mut cur: libc::itimerval = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointer to a local struct.
    if unsafe { libc::getitimer(which as _, &mut cur) } != 0 {
        let e = errno();
        return Err(itimer_err(vm, e));
    }
    Ok(itimer_tuple(&cur))
}

fn sigset_from(vm: &mut Vm, v: &Value) -> PyResult<libc::sigset_t> {
    // SAFETY: sigemptyset initialises the set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigemptyset(&mut set) };
    for item in vm.collect(v)? {
        let big = match item.to_bigint() {
            Some(b) => b,
            None => num_bigint::BigInt::from(vm.index_value(&item)?),
        };
        let n = {
            use num_traits::ToPrimitive;
            big.to_i64().unwrap_or(i64::MAX)
        };
        if n < 1 || n >= NSIG as i64 {
            return Err(PyErr::value_error(format!("signal number {big} out of range [1; {}]", NSIG - 1)));
        }
        // SAFETY: n is a valid signal number.
        unsafe { libc::sigaddset(&mut set, n as i32) };
    }
    Ok(set)
}

fn sigset_to_set(vm: &mut Vm, set: &libc::sigset_t) -> PyResult<Value> {
    let mut items = Vec::new();
    for sig in 1..NSIG as i32 {
        // SAFETY: `set` is an initialised sigset.
        if unsafe { libc::sigismember(set, sig) } == 1 {
            items.push(Value::int(sig as i64));
        }
    }
    crate::types::set::new_set(vm, items)
}

fn pthread_sigmask(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [how, mask] = crate::args::bind("pthread_sigmask", args, kw, &["how", "mask", "/"])?;
    let how = vm.index_value(&how.unwrap_or(Value::NONE))? as i32;
    let set = sigset_from(vm, &mask.unwrap_or(Value::NONE))?;
    // SAFETY: zeroed sigset is filled by the call.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers.
    let r = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if r != 0 {
        return Err(os_err(r, None, None));
    }
    signals::run_pending(vm)?;
    sigset_to_set(vm, &old)
}

fn sigpending(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("sigpending", args, kw, 0, 0)?;
    // SAFETY: the set is filled by sigpending.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    if unsafe { libc::sigpending(&mut set) } != 0 {
        return Err(os_err(errno(), None, None));
    }
    sigset_to_set(vm, &set)
}

fn sigwait(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [sigset] = crate::args::bind("sigwait", args, kw, &["sigset", "/"])?;
    let set = sigset_from(vm, &sigset.unwrap_or(Value::NONE))?;
    let mut sig: libc::c_int = 0;
    // SAFETY: valid pointers; blocks without the GIL.
    let r = crate::gil::allow_threads(vm, || unsafe { libc::sigwait(&set, &mut sig) });
    if r != 0 {
        return Err(os_err(r, None, None));
    }
    Ok(Value::int(sig as i64))
}

fn valid_signals(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("valid_signals", args, kw, 0, 0)?;
    // SAFETY: sigfillset initialises the set.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    unsafe { libc::sigfillset(&mut set) };
    sigset_to_set(vm, &set)
}

fn pthread_kill(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [tid, sig] = crate::args::bind("pthread_kill", args, kw, &["thread_id", "signalnum", "/"])?;
    let tid = tid.unwrap_or(Value::NONE);
    let tid = match tid.to_bigint() {
        Some(b) => {
            use num_traits::ToPrimitive;
            b.to_u64().ok_or_else(|| PyErr::overflow("Python int too large to convert to C unsigned long"))?
        }
        None => vm.index_value(&tid)? as u64,
    };
    let sig = vm.index_value(&sig.unwrap_or(Value::NONE))? as i32;
    // SAFETY: pthread_kill validates the signal; an unknown thread gives ESRCH.
    let r = unsafe { libc::pthread_kill(tid as libc::pthread_t, sig) };
    if r != 0 {
        return Err(os_err(r, None, None));
    }
    signals::run_pending(vm)?;
    Ok(Value::NONE)
}

fn m_strsignal(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [sig] = crate::args::bind("strsignal", args, kw, &["signalnum", "/"])?;
    let sig = signum_arg(vm, &sig.unwrap_or(Value::NONE))?;
    // SAFETY: strsignal returns a valid C string (or NULL).
    let s = unsafe {
        let p = libc::strsignal(sig);
        if p.is_null() {
            return Ok(Value::NONE);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    };
    if s.contains("Unknown signal") {
        return Ok(Value::NONE);
    }
    Ok(Value::string(s))
}

const CONSTANTS: &[(&str, i32)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGSTKFLT", libc::SIGSTKFLT),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGPOLL", libc::SIGPOLL),
    ("SIGPWR", libc::SIGPWR),
    ("SIGSYS", libc::SIGSYS),
    ("SIG_BLOCK", libc::SIG_BLOCK),
    ("SIG_UNBLOCK", libc::SIG_UNBLOCK),
    ("SIG_SETMASK", libc::SIG_SETMASK),
    ("ITIMER_REAL", libc::ITIMER_REAL),
    ("ITIMER_VIRTUAL", libc::ITIMER_VIRTUAL),
    ("ITIMER_PROF", libc::ITIMER_PROF),
];

pub fn make(vm: &mut Vm) -> Value {
    init_handlers();
    let m = new_module("_signal");
    for (n, v) in CONSTANTS {
        set_attr(&m, n, Value::int(*v as i64));
    }
    set_attr(&m, "SIGRTMIN", Value::int(libc::SIGRTMIN() as i64));
    set_attr(&m, "SIGRTMAX", Value::int(libc::SIGRTMAX() as i64));
    set_attr(&m, "NSIG", Value::int(NSIG as i64));
    set_attr(&m, "SIG_DFL", Value::int(SIG_DFL));
    set_attr(&m, "SIG_IGN", Value::int(SIG_IGN));
    set_attr(&m, "default_int_handler", default_int_handler_value());
    let ie = itimer_error(vm);
    set_attr(&m, "ItimerError", ie);
    add_function(&m, "signal", m_signal);
    add_function(&m, "getsignal", getsignal);
    add_function(&m, "raise_signal", raise_signal);
    add_function(&m, "alarm", alarm);
    add_function(&m, "pause", pause);
    add_function(&m, "set_wakeup_fd", set_wakeup_fd);
    add_function(&m, "siginterrupt", siginterrupt);
    add_function(&m, "setitimer", setitimer);
    add_function(&m, "getitimer", getitimer);
    add_function(&m, "pthread_sigmask", pthread_sigmask);
    add_function(&m, "pthread_kill", pthread_kill);
    add_function(&m, "sigpending", sigpending);
    add_function(&m, "sigwait", sigwait);
    add_function(&m, "valid_signals", valid_signals);
    add_function(&m, "strsignal", m_strsignal);
    m
}
