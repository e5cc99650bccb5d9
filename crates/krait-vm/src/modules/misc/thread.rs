//! `_thread`: locks, re-entrant locks, thread identity, thread-local
//! objects and starting threads (through `crate::threads`).
//!
//! A lock is a [`LockCore`] (a flag under a mutex plus a condition
//! variable) shared through an `Arc`, so a thread can wait on it with the
//! GIL released. Waits are cut into short slices; between slices the
//! interpreter's periodic check runs, so Ctrl-C and Python signal handlers
//! interrupt a blocked `acquire` in the main thread as they do in CPython.

use crate::modules::native::GilSlot;
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_method, add_native, structseq, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

/// Largest timeout accepted by `acquire` (seconds), as CPython on Linux.
pub const TIMEOUT_MAX: f64 = 9223372036.0;

// ---------------------------------------------------------------- the primitive

/// The shared state of a lock: held or not, how many threads wait for it,
/// and a condition variable to wake them. Safe to use without the GIL.
#[derive(Default)]
pub struct LockCore {
    state: Mutex<LockState0>,
    cv: Condvar,
}

#[derive(Default)]
struct LockState0 {
    held: bool,
    waiters: u32,
}

impl LockCore {
    fn state(&self) -> std::sync::MutexGuard<'_, LockState0> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn try_acquire(&self) -> bool {
        let mut h = self.state();
        if h.held {
            false
        } else {
            h.held = true;
            true
        }
    }

    /// Wait at most `d` for the lock.
    fn acquire_for(&self, d: Duration) -> bool {
        let end = Instant::now() + d;
        let mut h = self.state();
        if !h.held {
            h.held = true;
            return true;
        }
        h.waiters += 1;
        while h.held {
            let now = Instant::now();
            if now >= end {
                h.waiters -= 1;
                return false;
            }
            h = match self.cv.wait_timeout(h, end - now) {
                Ok((g, _)) => g,
                Err(e) => e.into_inner().0,
            };
        }
        h.waiters -= 1;
        h.held = true;
        true
    }

    /// Release; false if it was not held. Wakes a waiter only if there is one
    /// (an uncontended release makes no system call).
    pub fn release(&self) -> bool {
        let mut h = self.state();
        if !h.held {
            return false;
        }
        h.held = false;
        let wake = h.waiters > 0;
        drop(h);
        crate::gil::mark_interactive();
        if wake {
            self.cv.notify_one();
        }
        true
    }

    pub fn locked(&self) -> bool {
        self.state().held
    }

    /// Make it a fresh unlocked lock (`_at_fork_reinit`).
    fn reinit(&self) {
        let mut h = self.state();
        h.held = false;
        h.waiters = 0;
    }
}

/// Acquire `core`, blocking as asked: `timeout` None waits forever. Between
/// short waits (with the GIL released) the periodic check runs signal
/// handlers, whose exceptions abort the wait.
pub fn acquire_core(vm: &mut Vm, core: &Arc<LockCore>, blocking: bool, timeout: Option<Duration>) -> PyResult<bool> {
    crate::gil::mark_interactive();
    if core.try_acquire() {
        return Ok(true);
    }
    if !blocking {
        return Ok(false);
    }
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let mut slice = Duration::from_millis(20);
        if let Some(d) = deadline {
            let now = Instant::now();
            if now >= d {
                return Ok(false);
            }
            slice = slice.min(d - now);
        }
        let c = core.clone();
        if crate::gil::allow_threads(vm, move || c.acquire_for(slice)) {
            return Ok(true);
        }
        if let Err(e) = crate::interp::signals::periodic_check(vm) {
            return Err(e);
        }
        if deadline.map_or(false, |d| Instant::now() >= d) {
            return Ok(core.try_acquire());
        }
    }
}

/// Parse `acquire(blocking=True, timeout=-1)` arguments.
fn acquire_args(vm: &mut Vm, fname: &str, args: &[Value], kw: &[Value]) -> PyResult<(bool, Option<Duration>)> {
    let rest = args.get(1..).unwrap_or(&[]);
    let [blocking, timeout] = crate::args::bind(fname, rest, kw, &["blocking=", "timeout="])?;
    let blocking = match blocking {
        Some(b) => vm.truthy(&b)?,
        None => true,
    };
    let t = match timeout {
        None => -1.0,
        Some(t) => match crate::types::float::float_of(&t) {
            Some(f) => f,
            None => vm.index_value(&t)? as f64,
        },
    };
    if !blocking && t != -1.0 {
        return Err(PyErr::value_error("can't specify a timeout for a non-blocking call"));
    }
    if t < 0.0 && t != -1.0 {
        return Err(PyErr::value_error("timeout value must be positive"));
    }
    if t.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if t > TIMEOUT_MAX {
        return Err(PyErr::overflow("timestamp out of range for platform time_t"));
    }
    Ok((blocking, if t < 0.0 { None } else { Some(Duration::from_secs_f64(t)) }))
}

// ---------------------------------------------------------------- lock

struct LockState {
    core: Arc<LockCore>,
}
impl NativeData for LockState {}

static LOCK_TYPE: GilSlot = GilSlot::new();
static RLOCK_TYPE: GilSlot = GilSlot::new();
static HOOK_ARGS: GilSlot = GilSlot::new();
static LOCAL_TYPE: GilSlot = GilSlot::new();

fn bad_self(what: &str, v: &Value) -> PyErr {
    PyErr::type_error(format!("descriptor for '_thread.{what}' objects doesn't apply to a '{}' object", type_ref(v).type_name_str()))
}

fn lock_core(v: &Value) -> PyResult<Arc<LockCore>> {
    with_opaque::<LockState, _>(v, |s| s.core.clone()).ok_or_else(|| bad_self("lock", v))
}

pub fn lock_type() -> Value {
    LOCK_TYPE.get_or_init(|| {
        let t = crate::types::new_native_type("_thread", "lock", &types().object, false);
        add_native(&t, "__new__", lock_new, NativeKind::StaticMethod);
        add_method(&t, "acquire", lock_acquire);
        add_method(&t, "acquire_lock", lock_acquire);
        add_method(&t, "__enter__", lock_acquire);
        add_method(&t, "release", lock_release);
        add_method(&t, "release_lock", lock_release);
        add_method(&t, "__exit__", lock_exit);
        add_method(&t, "locked", lock_locked);
        add_method(&t, "locked_lock", lock_locked);
        add_method(&t, "_at_fork_reinit", lock_reinit);
        add_method(&t, "__repr__", lock_repr);
        t
    })
}

fn lock_new(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create '_thread.lock' instances"))
}

/// A new unlocked `_thread.lock`.
pub fn new_lock() -> Value {
    new_opaque(&lock_type(), LockState { core: Arc::new(LockCore::default()) })
}

fn lock_acquire(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let core = lock_core(args.first().unwrap_or(&Value::NONE))?;
    let (blocking, timeout) = acquire_args(vm, "acquire", args, kw)?;
    acquire_core(vm, &core, blocking, timeout).map(Value::bool)
}

fn lock_release(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let core = lock_core(args.first().unwrap_or(&Value::NONE))?;
    if !core.release() {
        return Err(PyErr::runtime_error("release unlocked lock"));
    }
    Ok(Value::NONE)
}

fn lock_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    lock_release(vm, &args[..1.min(args.len())], &[])
}

fn lock_locked(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(lock_core(args.first().unwrap_or(&Value::NONE))?.locked()))
}

fn lock_reinit(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    lock_core(args.first().unwrap_or(&Value::NONE))?.reinit();
    Ok(Value::NONE)
}

fn lock_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = &args[0];
    let core = lock_core(s)?;
    let st = if core.locked() { "locked" } else { "unlocked" };
    Ok(Value::string(format!("<{st} _thread.lock object at {:#x}>", s.id())))
}

// ---------------------------------------------------------------- RLock

struct RLockState {
    core: Arc<LockCore>,
    owner: u64,
    count: u64,
}
impl NativeData for RLockState {}

fn rlock_get(v: &Value) -> PyResult<(Arc<LockCore>, u64, u64)> {
    with_opaque::<RLockState, _>(v, |s| (s.core.clone(), s.owner, s.count)).ok_or_else(|| bad_self("RLock", v))
}

fn rlock_set(v: &Value, owner: u64, count: u64) {
    with_opaque::<RLockState, _>(v, |s| {
        s.owner = owner;
        s.count = count;
    });
}

pub fn rlock_type() -> Value {
    RLOCK_TYPE.get_or_init(|| {
        let t = crate::modules::native::new_type("_thread", "RLock", None);
        add_native(&t, "__new__", rlock_new, NativeKind::StaticMethod);
        add_method(&t, "acquire", rlock_acquire);
        add_method(&t, "__enter__", rlock_acquire);
        add_method(&t, "release", rlock_release);
        add_method(&t, "__exit__", rlock_exit);
        add_method(&t, "_is_owned", rlock_is_owned);
        add_method(&t, "_release_save", rlock_release_save);
        add_method(&t, "_acquire_restore", rlock_acquire_restore);
        add_method(&t, "_recursion_count", rlock_recursion_count);
        add_method(&t, "_at_fork_reinit", rlock_reinit);
        add_method(&t, "__repr__", rlock_repr);
        t
    })
}

fn rlock_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or_else(rlock_type);
    Ok(new_opaque(&cls, RLockState { core: Arc::new(LockCore::default()), owner: 0, count: 0 }))
}

fn me() -> u64 {
    crate::modules::sys_extra::thread_ident()
}

fn rlock_acquire(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = args.first().cloned().unwrap_or(Value::NONE);
    let (core, owner, count) = rlock_get(&s)?;
    let (blocking, timeout) = acquire_args(vm, "acquire", args, kw)?;
    let tid = me();
    if count > 0 && owner == tid {
        if count == u64::MAX {
            return Err(PyErr::overflow("Internal lock count overflowed"));
        }
        rlock_set(&s, tid, count + 1);
        return Ok(Value::TRUE);
    }
    if !acquire_core(vm, &core, blocking, timeout)? {
        return Ok(Value::FALSE);
    }
    rlock_set(&s, tid, 1);
    Ok(Value::TRUE)
}

fn rlock_release(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = args.first().cloned().unwrap_or(Value::NONE);
    let (core, owner, count) = rlock_get(&s)?;
    if count == 0 || owner != me() {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    if count == 1 {
        rlock_set(&s, 0, 0);
        core.release();
    } else {
        rlock_set(&s, owner, count - 1);
    }
    Ok(Value::NONE)
}

fn rlock_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    rlock_release(vm, &args[..1.min(args.len())], &[])
}

fn rlock_is_owned(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (_, owner, count) = rlock_get(args.first().unwrap_or(&Value::NONE))?;
    Ok(Value::bool(count > 0 && owner == me()))
}

fn rlock_recursion_count(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (_, owner, count) = rlock_get(args.first().unwrap_or(&Value::NONE))?;
    Ok(Value::int(if owner == me() { count as i64 } else { 0 }))
}

fn rlock_release_save(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = args.first().cloned().unwrap_or(Value::NONE);
    let (core, owner, count) = rlock_get(&s)?;
    if count == 0 {
        return Err(PyErr::runtime_error("cannot release un-acquired lock"));
    }
    rlock_set(&s, 0, 0);
    core.release();
    Ok(Value::tuple(vec![Value::int(count as i64), u64_value(owner)]))
}

fn to_u64(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    match v.to_bigint() {
        Some(b) => {
            use num_traits::ToPrimitive;
            b.to_u64().or_else(|| b.to_i64().map(|i| i as u64)).ok_or_else(|| PyErr::overflow("Python int too large to convert to C unsigned long"))
        }
        None => Ok(vm.index_value(v)? as u64),
    }
}

fn rlock_acquire_restore(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_acquire_restore", args, kw, 2, 2)?;
    let s = args[0].clone();
    let (core, _, _) = rlock_get(&s)?;
    let st = args[1].clone();
    let parts = match st.as_tuple() {
        Some(t) if t.len() == 2 => t.to_vec(),
        _ => return Err(PyErr::type_error("_acquire_restore() argument 1 must be tuple")),
    };
    let count = to_u64(vm, &parts[0])?;
    let owner = to_u64(vm, &parts[1])?;
    acquire_core(vm, &core, true, None)?;
    rlock_set(&s, owner, count);
    Ok(Value::NONE)
}

fn rlock_reinit(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = args.first().cloned().unwrap_or(Value::NONE);
    let (core, _, _) = rlock_get(&s)?;
    core.reinit();
    rlock_set(&s, 0, 0);
    Ok(Value::NONE)
}

fn rlock_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = &args[0];
    let (_, owner, count) = rlock_get(s)?;
    let st = if count > 0 { "locked" } else { "unlocked" };
    let tr = type_ref(s);
    let name = if tr.type_data().heap { tr.type_data().name.borrow().clone() } else { "_thread.RLock".to_string() };
    Ok(Value::string(format!("<{st} {name} object owner={owner} count={count} at {:#x}>", s.id())))
}

// ---------------------------------------------------------------- thread-local objects

thread_local! {
    static THREAD_KEY: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}
static NEXT_KEY: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// A number unique to the calling OS thread for the life of the process
/// (unlike pthread idents, never reused).
pub fn thread_key() -> u64 {
    THREAD_KEY.with(|k| {
        if k.get() == 0 {
            k.set(NEXT_KEY.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
        }
        k.get()
    })
}

const LOCAL_SRC: &str = r#"
class _local:
    """Thread-local data"""
    __slots__ = ('_local__impl', '__dict__', '__weakref__')

    def __new__(cls, /, *args, **kw):
        if (args or kw) and (cls.__init__ is object.__init__):
            raise TypeError("Initialization arguments are not supported")
        self = object.__new__(cls)
        _init(self, args, kw)
        return self

    def __reduce__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")
"#;

/// `_init(self, args, kw)`: the per-object state (dicts by thread, the
/// arguments to re-run `__init__` with in each new thread).
fn local_init(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_init", args, &[], 3, 3)?;
    let obj = &args[0];
    let dicts = crate::types::dict::new_dict();
    let d = crate::types::dict::new_dict();
    crate::types::dict::dict_set(vm, &dicts, Value::int(thread_key() as i64), d.clone())?;
    let imp = Value::tuple(vec![dicts, args[1].clone(), args[2].clone()]);
    crate::ops::attr::generic_setattr(vm, obj, &Value::str("_local__impl"), Some(imp))?;
    if let Some(o) = obj.as_obj() {
        let old = o.dict.borrow_mut().replace(d);
        drop(old);
    }
    Ok(Value::NONE)
}

/// Point the object's `__dict__` at the calling thread's dict, creating
/// it (and running `__init__` again) on a thread's first use.
fn local_switch(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    let imp = match crate::ops::attr::generic_getattr(vm, obj, &Value::str("_local__impl"))? {
        Some(i) => i,
        None => return Ok(()), // not initialised (called before __new__ finished)
    };
    let Some(parts) = imp.as_tuple().map(|t| t.to_vec()) else { return Ok(()) };
    if parts.len() != 3 {
        return Ok(());
    }
    let key = Value::int(thread_key() as i64);
    let found = crate::types::dict::dict_get(vm, &parts[0], &key)?;
    let (d, fresh) = match found {
        Some(d) => (d, false),
        None => {
            let d = crate::types::dict::new_dict();
            crate::types::dict::dict_set(vm, &parts[0], key, d.clone())?;
            (d, true)
        }
    };
    if let Some(o) = obj.as_obj() {
        let same = o.dict.borrow().as_ref().map_or(false, |cur| cur.is(&d));
        if !same {
            let old = o.dict.borrow_mut().replace(d);
            drop(old);
        }
    }
    if fresh {
        let cls = crate::types::type_of(obj);
        let init = vm.getattr_str(&cls, "__init__")?;
        let obj_init = vm.getattr_str(&types().object, "__init__")?;
        if !init.is(&obj_init) {
            let mut a = vec![obj.clone()];
            a.extend(parts[1].as_tuple().map(|t| t.to_vec()).unwrap_or_default());
            let mut names = Vec::new();
            if let Some(kd) = parts[2].as_dict() {
                let items = kd.borrow().items();
                for (k, v) in items {
                    names.push(k);
                    a.push(v);
                }
            }
            vm.call_kw(&init, &a, &names)?;
        }
    }
    Ok(())
}

fn local_getattribute(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__getattribute__", args, kw, 2, 2)?;
    let (obj, name) = (&args[0], &args[1]);
    if name.as_str() != Some("_local__impl") {
        local_switch(vm, obj)?;
    }
    match crate::ops::attr::generic_getattr(vm, obj, name)? {
        Some(v) => Ok(v),
        None => Err(crate::ops::attr::no_attribute(obj, name)),
    }
}

fn check_not_impl(obj: &Value, name: &Value) -> PyResult<()> {
    if name.as_str() == Some("__dict__") {
        return Err(PyErr::attribute_error(format!("'{}' object attribute '__dict__' is read-only", type_ref(obj).type_name_str())));
    }
    Ok(())
}

fn local_setattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__setattr__", args, kw, 3, 3)?;
    check_not_impl(&args[0], &args[1])?;
    local_switch(vm, &args[0])?;
    crate::ops::attr::generic_setattr(vm, &args[0], &args[1], Some(args[2].clone()))?;
    Ok(Value::NONE)
}

fn local_delattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__delattr__", args, kw, 2, 2)?;
    check_not_impl(&args[0], &args[1])?;
    local_switch(vm, &args[0])?;
    crate::ops::attr::generic_setattr(vm, &args[0], &args[1], None)?;
    Ok(Value::NONE)
}

fn local_type(vm: &mut Vm) -> PyResult<Value> {
    if let Some(t) = LOCAL_TYPE.get() {
        return Ok(t);
    }
    let g = crate::types::dict::new_dict();
    crate::types::dict::dict_set_str(&g, "__name__", Value::str("_thread"));
    crate::types::dict::dict_set_str(&g, "__builtins__", vm.builtins.clone());
    let init = crate::types::native_function("_init", local_init, NativeKind::Function, Value::NULL, None);
    crate::types::dict::dict_set_str(&g, "_init", init);
    let code = crate::builtins::code::compile_source(vm, LOCAL_SRC, "<_thread>", krait_parser::Mode::Exec)?;
    crate::interp::call::run_code(vm, code, g.clone(), g.clone(), None)?;
    let cls = crate::types::dict::dict_get_str(&g, "_local").ok_or_else(|| PyErr::runtime_error("_thread._local"))?;
    let ga = crate::types::native_function("__getattribute__", local_getattribute, NativeKind::Method, Value::NULL, Some(cls.clone()));
    vm.setattr(&cls, &Value::str("__getattribute__"), ga)?;
    // Named apart from "__setattr__"/"__delattr__" so the attribute protocol
    // does not take them for object's defaults.
    let sa = crate::types::native_function("_local__setattr", local_setattr, NativeKind::Method, Value::NULL, Some(cls.clone()));
    vm.setattr(&cls, &Value::str("__setattr__"), sa)?;
    let da = crate::types::native_function("_local__delattr", local_delattr, NativeKind::Method, Value::NULL, Some(cls.clone()));
    vm.setattr(&cls, &Value::str("__delattr__"), da)?;
    Ok(LOCAL_TYPE.get_or_init(|| cls))
}

// ---------------------------------------------------------------- module functions

fn allocate_lock(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("allocate_lock", args, kw, 0, 0)?;
    Ok(new_lock())
}

fn get_ident(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("get_ident", args, kw, 0, 0)?;
    Ok(u64_value(me()))
}

/// An int for an unsigned value (thread idents).
pub fn u64_value(v: u64) -> Value {
    Value::bigint(num_bigint::BigInt::from(v))
}

fn get_native_id(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("get_native_id", args, kw, 0, 0)?;
    // SAFETY: gettid has no preconditions.
    let tid = unsafe { libc::syscall(libc::SYS_gettid) };
    Ok(Value::int(tid as i64))
}

fn count(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(crate::threads::COUNT.load(std::sync::atomic::Ordering::SeqCst) as i64))
}

fn stack_size(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [size] = crate::args::bind("stack_size", args, kw, &["size=", "/"])?;
    let old = crate::threads::STACK_SIZE.load(std::sync::atomic::Ordering::Relaxed);
    if let Some(s) = size {
        let n = vm.index_value(&s)?;
        if n != 0 && n < 32768 {
            return Err(PyErr::value_error(format!("size not valid: {n} bytes")));
        }
        if n < 0 {
            return Err(PyErr::value_error(format!("size must be 0 or a positive value")));
        }
        crate::threads::STACK_SIZE.store(n as usize, std::sync::atomic::Ordering::Relaxed);
    }
    Ok(Value::int(old as i64))
}

fn daemon_threads_allowed(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::TRUE)
}

fn set_sentinel(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_set_sentinel", args, kw, 0, 0)?;
    let l = new_lock();
    crate::threads::register_sentinel(l.clone());
    Ok(l)
}

fn interrupt_main(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [sig] = crate::args::bind("interrupt_main", args, kw, &["signum="])?;
    let sig = match sig {
        Some(s) => vm.index_value(&s)?,
        None => libc::SIGINT as i64,
    };
    if sig < 1 || sig >= crate::interp::signals::NSIG as i64 {
        return Err(PyErr::value_error("signal number out of range"));
    }
    super::signal::simulate(sig as i32);
    // In the main thread the handler runs at once (CPython's next check).
    crate::interp::signals::run_pending(vm)?;
    Ok(Value::NONE)
}

fn start_new_thread(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [func, fargs, fkw] = crate::args::bind("start_new_thread", args, kw, &["function", "args", "kwargs=", "/"])?;
    let func = func.unwrap_or(Value::NONE);
    let fargs = fargs.unwrap_or(Value::NONE);
    if !vm.callable(&func) {
        return Err(PyErr::type_error("first arg must be callable"));
    }
    let Some(items) = fargs.as_tuple().map(|t| t.to_vec()) else {
        return Err(PyErr::type_error("2nd arg must be a tuple"));
    };
    let fkw = fkw.filter(|k| !k.is_none());
    if let Some(k) = &fkw {
        if k.as_dict().is_none() {
            return Err(PyErr::type_error("optional 3rd arg must be a dictionary"));
        }
    }
    let ident = crate::threads::start_new_thread(vm, func, items, fkw)?;
    Ok(u64_value(ident))
}

fn exit_thread(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::bare(&types().exc.system_exit))
}

fn hook_args_type() -> Value {
    HOOK_ARGS.get_or_init(|| structseq::new_type("_thread", "_ExceptHookArgs", &["exc_type", "exc_value", "exc_traceback", "thread"]))
}

/// `_thread._excepthook(args)`: print an exception raised by a thread's run().
fn excepthook(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_excepthook", args, kw, 1, 1)?;
    let a = &args[0];
    if !crate::types::is_instance(a, &hook_args_type()) {
        return Err(PyErr::type_error("_thread._excepthook argument type must be ExceptHookArgs"));
    }
    let exc_type = vm.getattr_str(a, "exc_type")?;
    let exc = vm.getattr_str(a, "exc_value")?;
    let thread = vm.getattr_str(a, "thread")?;
    if exc_type.is(&types().exc.system_exit) {
        return Ok(Value::NONE);
    }
    let sysd = crate::types::module::module_dict(&vm.sys);
    let mut file = crate::types::dict::dict_get_str(&sysd, "stderr").unwrap_or(Value::NONE);
    if file.is_none() {
        if thread.is_none() {
            return Ok(Value::NONE);
        }
        file = vm.getattr_str(&thread, "_stderr")?;
        if file.is_none() {
            return Ok(Value::NONE);
        }
    }
    let name = if thread.is_none() {
        None
    } else {
        match vm.getattr_str(&thread, "name") {
            Ok(n) if !n.is_none() => Some(vm.str_string(&n)?),
            Ok(_) => None,
            Err(_) => None,
        }
    };
    let name = name.unwrap_or_else(|| me().to_string());
    vm.call_method(&file, "write", &[Value::string(format!("Exception in thread {name}:\n"))])?;
    let _ = vm.call_method(&file, "flush", &[]);
    let text = if exc.is_none() {
        let n = vm.getattr_str(&exc_type, "__name__").ok().and_then(|v| v.as_str().map(|s| s.to_string())).unwrap_or_default();
        format!("{n}\n")
    } else {
        crate::interp::unwind::format_exception(vm, &exc)
    };
    vm.call_method(&file, "write", &[Value::string(text)])?;
    let _ = vm.call_method(&file, "flush", &[]);
    Ok(Value::NONE)
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module("_thread");
    set_attr(&m, "LockType", lock_type());
    set_attr(&m, "lock", lock_type());
    set_attr(&m, "RLock", rlock_type());
    set_attr(&m, "TIMEOUT_MAX", Value::float(TIMEOUT_MAX));
    set_attr(&m, "error", types().exc.runtime_error.clone());
    set_attr(&m, "_ExceptHookArgs", hook_args_type());
    add_function(&m, "allocate_lock", allocate_lock);
    add_function(&m, "allocate", allocate_lock);
    add_function(&m, "get_ident", get_ident);
    add_function(&m, "get_native_id", get_native_id);
    add_function(&m, "_count", count);
    add_function(&m, "stack_size", stack_size);
    add_function(&m, "daemon_threads_allowed", daemon_threads_allowed);
    add_function(&m, "_set_sentinel", set_sentinel);
    add_function(&m, "interrupt_main", interrupt_main);
    add_function(&m, "start_new_thread", start_new_thread);
    add_function(&m, "start_new", start_new_thread);
    add_function(&m, "exit", exit_thread);
    add_function(&m, "exit_thread", exit_thread);
    add_function(&m, "_excepthook", excepthook);
    match local_type(vm) {
        Ok(t) => set_attr(&m, "_local", t),
        Err(_) => {}
    }
    m
}
