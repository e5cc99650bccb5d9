//! Small runtime modules: `faulthandler` (accepts its settings; dumps the
//! current thread's Python stack on request), `_tracemalloc` (never traces
//! anything) and `_imp` (the hooks `importlib._bootstrap` needs).

use crate::modules::native::GilSlot;
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{dict, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

// ---------------------------------------------------------------- faulthandler

static FH_ENABLED: AtomicBool = AtomicBool::new(false);

/// The `file` argument: the file given, or `sys.stderr`.
fn fh_file(vm: &mut Vm, file: Option<Value>) -> PyResult<Value> {
    match file.filter(|f| !f.is_none()) {
        Some(f) => {
            if let Some(fd) = f.as_i64() {
                if fd < 0 {
                    return Err(PyErr::value_error("file is not a valid file descripter"));
                }
            }
            Ok(f)
        }
        None => {
            let d = crate::types::module::module_dict(&vm.sys);
            match dict::dict_get_str(&d, "stderr") {
                Some(e) if !e.is_none() => Ok(e),
                _ => Err(PyErr::runtime_error("sys.stderr is None")),
            }
        }
    }
}

fn fh_enable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [file, _all] = crate::args::bind("enable", args, kw, &["file=", "all_threads="])?;
    fh_file(vm, file)?;
    FH_ENABLED.store(true, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn fh_disable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("disable", args, kw, 0, 0)?;
    Ok(Value::bool(FH_ENABLED.swap(false, Ordering::Relaxed)))
}

fn fh_is_enabled(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("is_enabled", args, kw, 0, 0)?;
    Ok(Value::bool(FH_ENABLED.load(Ordering::Relaxed)))
}

/// The current thread's stack in faulthandler's format.
fn stack_text(vm: &Vm) -> String {
    let ident = crate::modules::sys_extra::thread_ident();
    let mut out = format!("Current thread {ident:#018x} (most recent call first):\n");
    for &fp in vm.frames.iter().rev() {
        // SAFETY: frames listed in vm.frames are alive (see Vm::current_frame).
        let f = unsafe { &*fp };
        let file = f.code.filename.as_str().unwrap_or("???").to_string();
        let name = f.code.name.as_str().unwrap_or("???").to_string();
        out.push_str(&format!("  File \"{file}\", line {} in {name}\n", f.line()));
    }
    out
}

fn write_to(vm: &mut Vm, file: &Value, text: &str) -> PyResult<()> {
    if let Some(fd) = file.as_i64() {
        // SAFETY: writing a buffer we own to a caller-given descriptor.
        unsafe { libc::write(fd as i32, text.as_ptr() as *const libc::c_void, text.len()) };
        return Ok(());
    }
    let _ = vm.call_method(file, "flush", &[]);
    vm.call_method(file, "write", &[Value::str(text)])?;
    let _ = vm.call_method(file, "flush", &[]);
    Ok(())
}

fn fh_dump_traceback(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [file, _all] = crate::args::bind("dump_traceback", args, kw, &["file=", "all_threads="])?;
    let f = fh_file(vm, file)?;
    let text = stack_text(vm);
    write_to(vm, &f, &text)?;
    Ok(Value::NONE)
}

fn fh_dump_later(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [timeout, _repeat, file, _exit] = crate::args::bind("dump_traceback_later", args, kw, &["timeout", "repeat=", "file=", "exit="])?;
    let t = timeout.unwrap_or(Value::NONE);
    let secs = match crate::types::float::real_operand(&t) {
        Some(r) => r?,
        None => return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", crate::types::type_ref(&t).type_name_str()))),
    };
    if !(secs > 0.0) {
        return Err(PyErr::value_error("timeout must be greater than 0"));
    }
    fh_file(vm, file)?;
    Ok(Value::NONE)
}

fn fh_noop(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn fh_register(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [sig, file, _all, _chain] = crate::args::bind("register", args, kw, &["signum", "file=", "all_threads=", "chain="])?;
    let n = vm.index_value(&sig.unwrap_or(Value::NONE))?;
    if n < 1 || n >= crate::interp::signals::NSIG as i64 {
        return Err(PyErr::value_error("signal number out of range"));
    }
    if [libc::SIGSEGV, libc::SIGFPE, libc::SIGABRT, libc::SIGBUS, libc::SIGILL].contains(&(n as i32)) {
        return Err(PyErr::runtime_error(format!("signal {n} cannot be registered, use enable() instead")));
    }
    fh_file(vm, file)?;
    Ok(Value::NONE)
}

fn fh_unregister(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [sig] = crate::args::bind("unregister", args, kw, &["signum", "/"])?;
    vm.index_value(&sig.unwrap_or(Value::NONE))?;
    Ok(Value::FALSE)
}

pub fn make_faulthandler() -> Value {
    let m = new_module("faulthandler");
    add_function(&m, "enable", fh_enable);
    add_function(&m, "disable", fh_disable);
    add_function(&m, "is_enabled", fh_is_enabled);
    add_function(&m, "dump_traceback", fh_dump_traceback);
    add_function(&m, "dump_traceback_later", fh_dump_later);
    add_function(&m, "cancel_dump_traceback_later", fh_noop);
    add_function(&m, "register", fh_register);
    add_function(&m, "unregister", fh_unregister);
    m
}

// ---------------------------------------------------------------- _tracemalloc

static TM_TRACING: AtomicBool = AtomicBool::new(false);
static TM_LIMIT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);

fn tm_is_tracing(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(TM_TRACING.load(Ordering::Relaxed)))
}

fn tm_start(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [n] = crate::args::bind("start", args, kw, &["nframe=", "/"])?;
    if let Some(n) = n {
        let n = vm.index_value(&n)?;
        if !(1..=65535).contains(&n) {
            return Err(PyErr::value_error("the number of frames must be in range [1; 65535]"));
        }
        TM_LIMIT.store(n, Ordering::Relaxed);
    }
    TM_TRACING.store(true, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn tm_stop(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    TM_TRACING.store(false, Ordering::Relaxed);
    Ok(Value::NONE)
}

fn tm_limit(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(TM_LIMIT.load(Ordering::Relaxed)))
}

fn tm_memory(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::tuple(vec![Value::int(0), Value::int(0)]))
}

fn tm_zero(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(0))
}

fn tm_none(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn tm_traces(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::list(Vec::new()))
}

pub fn make_tracemalloc() -> Value {
    let m = new_module("_tracemalloc");
    add_function(&m, "is_tracing", tm_is_tracing);
    add_function(&m, "start", tm_start);
    add_function(&m, "stop", tm_stop);
    add_function(&m, "get_traceback_limit", tm_limit);
    add_function(&m, "get_traced_memory", tm_memory);
    add_function(&m, "get_tracemalloc_memory", tm_zero);
    add_function(&m, "reset_peak", tm_none);
    add_function(&m, "clear_traces", tm_none);
    add_function(&m, "_get_object_traceback", tm_none);
    add_function(&m, "_get_traces", tm_traces);
    m
}

// ---------------------------------------------------------------- _imp

/// The import lock: re-entrant, owned by one thread.
struct ImportLock {
    core: Arc<super::thread::LockCore>,
    owner: u64,
    count: u64,
}

static IMPORT_LOCK: crate::gil::GilCell<std::cell::RefCell<Option<ImportLock>>> = crate::gil::GilCell::new(std::cell::RefCell::new(None));

fn import_lock_state() -> (Arc<super::thread::LockCore>, u64, u64) {
    IMPORT_LOCK.with(|l| {
        let mut l = l.borrow_mut();
        let st = l.get_or_insert_with(|| ImportLock { core: Arc::new(Default::default()), owner: 0, count: 0 });
        (st.core.clone(), st.owner, st.count)
    })
}

fn set_import_lock(owner: u64, count: u64) {
    IMPORT_LOCK.with(|l| {
        if let Some(st) = l.borrow_mut().as_mut() {
            st.owner = owner;
            st.count = count;
        }
    });
}

fn imp_acquire_lock(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = crate::modules::sys_extra::thread_ident();
    let (core, owner, count) = import_lock_state();
    if count > 0 && owner == me {
        set_import_lock(me, count + 1);
        return Ok(Value::NONE);
    }
    super::thread::acquire_core(vm, &core, true, None)?;
    set_import_lock(me, 1);
    Ok(Value::NONE)
}

fn imp_release_lock(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = crate::modules::sys_extra::thread_ident();
    let (core, owner, count) = import_lock_state();
    if count == 0 || owner != me {
        return Err(PyErr::runtime_error("not holding the import lock"));
    }
    if count == 1 {
        set_import_lock(0, 0);
        core.release();
    } else {
        set_import_lock(owner, count - 1);
    }
    Ok(Value::NONE)
}

fn imp_lock_held(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (_, _, count) = import_lock_state();
    Ok(Value::bool(count > 0))
}

fn name_arg(vm: &mut Vm, fname: &str, args: &[Value], kw: &[Value]) -> PyResult<String> {
    let [n] = crate::args::bind(fname, args, kw, &["name", "/"])?;
    let n = n.unwrap_or(Value::NONE);
    match n.as_str() {
        Some(s) => Ok(s.to_string()),
        None => {
            let _ = vm;
            Err(PyErr::type_error(format!("{fname}() argument must be str, not {}", crate::types::type_ref(&n).type_name_str())))
        }
    }
}

fn imp_is_builtin(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let name = name_arg(vm, "is_builtin", args, kw)?;
    Ok(Value::int(if name == "sys" || name == "builtins" {
        -1
    } else if crate::modules::exists(&name) {
        1
    } else {
        0
    }))
}

fn imp_create_builtin(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("create_builtin", args, kw, 1, 1)?;
    let name = vm.getattr_str(&args[0], "name")?;
    let Some(n) = name.as_str().map(|s| s.to_string()) else {
        return Err(PyErr::type_error("name must be string"));
    };
    if let Some(m) = dict::dict_get_str(&vm.modules, &n) {
        if matches!(m.as_obj().map(|o| &o.payload), Some(crate::object::Payload::Module(_))) && (n == "sys" || n == "builtins" || is_native_module(&m)) {
            return Ok(m);
        }
    }
    match crate::modules::make(vm, &n) {
        Some(m) => Ok(m),
        None => {
            let e = crate::types::exception::new_exception(&types().exc.import_error, vec![Value::string(format!("no built-in module named {n}"))]);
            let _ = vm.setattr(&e, &Value::str("name"), name);
            Err(PyErr::from_value(e))
        }
    }
}

/// Whether a module object was built natively (it has no `__file__`).
fn is_native_module(m: &Value) -> bool {
    dict::dict_get_str(&crate::types::module::module_dict(m), "__file__").is_none()
}

fn imp_exec_builtin(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(0))
}

fn imp_false(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}

fn imp_none(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn imp_empty_list(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::list(Vec::new()))
}

fn not_frozen(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let n = args.first().cloned().unwrap_or(Value::NONE);
    let _ = kw;
    let r = vm.repr_string(&n)?;
    let e = crate::types::exception::new_exception(&types().exc.import_error, vec![Value::string(format!("No such frozen object named {r}"))]);
    let _ = vm.setattr(&e, &Value::str("name"), n);
    Err(PyErr::from_value(e))
}

fn imp_create_dynamic(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let spec = args.first().cloned().unwrap_or(Value::NONE);
    let name = vm.getattr_str(&spec, "name").unwrap_or(Value::NONE);
    let n = vm.str_string(&name).unwrap_or_default();
    let e = crate::types::exception::new_exception(&types().exc.import_error, vec![Value::string(format!("Krait cannot load the extension module {n}"))]);
    let _ = vm.setattr(&e, &Value::str("name"), name);
    Err(PyErr::from_value(e))
}

fn imp_fix_co_filename(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_fix_co_filename", args, kw, 2, 2)?;
    Ok(Value::NONE)
}

/// SipHash-1-3 with the key (k0 = key, k1 = 0), as `_Py_KeyedHash`.
fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut v0 = k0 ^ 0x736f6d6570736575;
    let mut v1 = k1 ^ 0x646f72616e646f6d;
    let mut v2 = k0 ^ 0x6c7967656e657261;
    let mut v3 = k1 ^ 0x7465646279746573;
    fn round(v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64) {
        *v0 = v0.wrapping_add(*v1);
        *v1 = v1.rotate_left(13);
        *v1 ^= *v0;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v3);
        *v3 = v3.rotate_left(16);
        *v3 ^= *v2;
        *v0 = v0.wrapping_add(*v3);
        *v3 = v3.rotate_left(21);
        *v3 ^= *v0;
        *v2 = v2.wrapping_add(*v1);
        *v1 = v1.rotate_left(17);
        *v1 ^= *v2;
        *v2 = v2.rotate_left(32);
    }
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let m = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let rest = chunks.remainder();
    let mut b: u64 = (data.len() as u64) << 56;
    for (i, &x) in rest.iter().enumerate() {
        b |= (x as u64) << (8 * i);
    }
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    v0 ^ v1 ^ v2 ^ v3
}

fn imp_source_hash(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [key, source] = crate::args::bind("source_hash", args, kw, &["*", "key", "source"])?;
    let key = key.unwrap_or(Value::NONE);
    let k = match key.to_bigint() {
        Some(b) => {
            use num_traits::ToPrimitive;
            b.to_i64().map(|i| i as u64).or_else(|| b.to_u64()).ok_or_else(|| PyErr::overflow("Python int too large to convert to C long"))?
        }
        None => vm.index_value(&key)? as u64,
    };
    let src = crate::types::bytes::bytes_from_source(vm, &source.unwrap_or(Value::NONE), "source")?;
    let h = siphash13(k, 0, &src);
    Ok(Value::bytes(h.to_le_bytes().to_vec()))
}

static IMP_DONE: GilSlot = GilSlot::new();

pub fn make_imp() -> Value {
    let _ = &IMP_DONE;
    let m = new_module("_imp");
    add_function(&m, "acquire_lock", imp_acquire_lock);
    add_function(&m, "release_lock", imp_release_lock);
    add_function(&m, "lock_held", imp_lock_held);
    add_function(&m, "is_builtin", imp_is_builtin);
    add_function(&m, "create_builtin", imp_create_builtin);
    add_function(&m, "exec_builtin", imp_exec_builtin);
    add_function(&m, "is_frozen", imp_false);
    add_function(&m, "is_frozen_package", imp_false);
    add_function(&m, "find_frozen", imp_none);
    add_function(&m, "get_frozen_object", not_frozen);
    add_function(&m, "init_frozen", imp_none);
    add_function(&m, "_frozen_module_names", imp_empty_list);
    add_function(&m, "_override_frozen_modules_for_tests", imp_none);
    add_function(&m, "extension_suffixes", imp_empty_list);
    add_function(&m, "create_dynamic", imp_create_dynamic);
    add_function(&m, "exec_dynamic", imp_exec_builtin);
    add_function(&m, "_fix_co_filename", imp_fix_co_filename);
    add_function(&m, "source_hash", imp_source_hash);
    set_attr(&m, "check_hash_based_pycs", Value::str("default"));
    m
}

// ---------------------------------------------------------------- _opcode

/// Stack effect of a CPython 3.11 instruction (numbering of Lib/opcode.py).
/// `jump`: Some(true) if the jump is taken, Some(false) if not, None for
/// the maximum of both.
fn stack_effect_311(op: i64, arg: i64, jump: Option<bool>) -> Option<i64> {
    let pick = |taken: i64, not_taken: i64| match jump {
        Some(true) => taken,
        Some(false) => not_taken,
        None => taken.max(not_taken),
    };
    Some(match op {
        0 | 9 | 10 | 11 | 12 | 15 | 36 | 37 | 50 | 68 | 69 | 75 | 82 | 85 | 86 | 87 => 0,
        1 | 25 | 70 | 83 | 84 | 88 | 89 => -1,
        2 | 30 | 31 | 32 | 33 | 35 | 49 | 51 | 52 | 53 | 71 | 74 => 1,
        54 | 61 => -2,
        60 => -3,
        90 | 96 | 97 | 107 | 108 | 114 | 115 | 117 | 118 | 119 | 122 | 125 | 128 | 129 | 138 | 145 | 146 | 162 | 163 | 164 | 165 | 171
        | 173 | 174 | 175 | 176 => -1,
        91 | 98 | 99 | 106 | 110 | 126 | 131 | 134 | 135 | 139 | 140 | 144 | 149 | 151 | 172 => 0,
        100 | 101 | 109 | 120 | 124 | 136 | 137 | 148 | 160 => 1,
        95 | 147 | 152 => -2,
        92 => arg - 1,
        93 => pick(-1, 1),
        94 => (arg & 0xff) + (arg >> 8),
        102 | 103 | 104 | 157 => 1 - arg,
        105 => 1 - 2 * arg,
        111 | 112 => pick(0, -1),
        116 => 1 + (arg & 1),
        123 => pick(-1, 0),
        130 | 156 | 166 => -arg,
        132 => -((arg & 0x0f).count_ones() as i64),
        133 => {
            if arg == 3 {
                -2
            } else {
                -1
            }
        }
        142 => -2 - (arg & 1),
        155 => {
            if arg & 4 != 0 {
                -1
            } else {
                0
            }
        }
        _ => return None,
    })
}

fn opcode_stack_effect(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [op, arg, jump] = crate::args::bind("stack_effect", args, kw, &["opcode", "oparg=", "/", "*", "jump="])?;
    let op = vm.index_value(&op.unwrap_or(Value::NONE))?;
    let arg = arg.filter(|a| !a.is_none());
    const HAVE_ARGUMENT: i64 = 90;
    let a = if op >= HAVE_ARGUMENT {
        match arg {
            Some(a) => vm.index_value(&a)?,
            None => return Err(PyErr::value_error("stack_effect: opcode requires oparg but oparg was not specified")),
        }
    } else {
        if arg.is_some() {
            return Err(PyErr::value_error("stack_effect: opcode does not permit oparg but oparg was specified"));
        }
        0
    };
    let jump = match jump.filter(|j| !j.is_none()) {
        None => None,
        Some(j) if j.is_bool() => Some(j.is_true_singleton()),
        Some(_) => return Err(PyErr::value_error("stack_effect: jump must be False, True or None")),
    };
    match stack_effect_311(op, a, jump) {
        Some(e) => Ok(Value::int(e)),
        None => Err(PyErr::value_error("invalid opcode or oparg")),
    }
}

fn opcode_spec_stats(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

pub fn make_opcode() -> Value {
    let m = new_module("_opcode");
    add_function(&m, "stack_effect", opcode_stack_effect);
    add_function(&m, "get_specialization_stats", opcode_spec_stats);
    m
}
