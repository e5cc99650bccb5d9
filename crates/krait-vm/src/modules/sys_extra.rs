//! The less central parts of `sys`: hooks (`unraisablehook`,
//! `breakpointhook`, async-generator hooks), `thread_info`,
//! `stdlib_module_names`, the switch interval and small introspection
//! helpers. `fill` adds them to the module built in sys.rs.

use crate::modules::native::GilSlot;
use crate::types::module::{add_function, module_dict, set_attr};
use crate::types::{dict, structseq, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

static UNRAISABLE_ARGS: GilSlot = GilSlot::new();
static ASYNCGEN_HOOKS: GilSlot = GilSlot::new();

/// The switch interval in seconds, as f64 bits (read by the GIL).
pub static SWITCH_INTERVAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0x3f74_7ae1_47ae_147b); // 0.005

fn unraisable_args_type() -> Value {
    UNRAISABLE_ARGS.get_or_init(|| structseq::new_type("sys", "UnraisableHookArgs", &["exc_type", "exc_value", "exc_traceback", "err_msg", "object"]))
}

fn default_unraisablehook(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("unraisablehook", args, kw, 1, 1)?;
    let a = &args[0];
    let get = |vm: &mut Vm, n: &str| vm.getattr_str(a, n);
    let exc = get(vm, "exc_value")?;
    let err_msg = get(vm, "err_msg")?;
    let obj = get(vm, "object")?;
    let head = if err_msg.is_none() { "Exception ignored in".to_string() } else { vm.str_string(&err_msg)? };
    let mut out = if obj.is_none() {
        format!("{head}\n")
    } else {
        let r = vm.repr_string(&obj).unwrap_or_else(|_| "<object repr() failed>".into());
        format!("{head}: {r}\n")
    };
    if !exc.is_none() {
        out.push_str(&crate::interp::unwind::format_exception(vm, &exc));
    }
    crate::modules::sys::write_stderr(vm, &out);
    Ok(Value::NONE)
}

/// Report an exception that cannot be raised (in `__del__`, a weakref
/// callback, an atexit function...) through `sys.unraisablehook`.
/// `err_msg` defaults to "Exception ignored in"; `obj` is what was running.
pub fn write_unraisable(vm: &mut Vm, err: &PyErr, err_msg: Option<&str>, obj: Option<&Value>) {
    let exc = err.exc.clone();
    let ty = crate::types::type_of(&exc);
    let tb = vm.getattr_str(&exc, "__traceback__").unwrap_or(Value::NONE);
    let args = structseq::new_instance(
        &unraisable_args_type(),
        vec![ty, exc, tb, err_msg.map_or(Value::NONE, |m| Value::str(m)), obj.cloned().unwrap_or(Value::NONE)],
    );
    let hook = dict::dict_get_str(&module_dict(&vm.sys), "unraisablehook");
    let r = match hook {
        Some(h) => vm.call(&h, &[args.clone()]),
        None => default_unraisablehook(vm, &[args.clone()], &[]),
    };
    if r.is_err() {
        let _ = default_unraisablehook(vm, &[args], &[]);
    }
}

fn breakpointhook(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let spec = std::env::var("PYTHONBREAKPOINT").unwrap_or_default();
    if spec == "0" {
        return Ok(Value::NONE);
    }
    let spec = if spec.is_empty() { "pdb.set_trace".to_string() } else { spec };
    let (module, attr) = match spec.rsplit_once('.') {
        Some((m, a)) => (m.to_string(), a.to_string()),
        None => ("builtins".to_string(), spec.clone()),
    };
    match crate::import::import_module(vm, &module).and_then(|m| vm.getattr_str(&m, &attr)) {
        Ok(f) => vm.call_kw(&f, args, kw),
        Err(_) => {
            let w = crate::import::import_module(vm, "warnings")?;
            let warn = vm.getattr_str(&w, "warn")?;
            let msg = format!("Ignoring unimportable $PYTHONBREAKPOINT: \"{spec}\"");
            vm.call(&warn, &[Value::string(msg), types().exc.runtime_warning.clone()])?;
            Ok(Value::NONE)
        }
    }
}

fn asyncgen_hooks_type() -> Value {
    ASYNCGEN_HOOKS.get_or_init(|| structseq::new_type("sys", "asyncgen_hooks", &["firstiter", "finalizer"]))
}

static FIRSTITER: GilSlot = GilSlot::new();
static FINALIZER: GilSlot = GilSlot::new();
// GilSlot is write-once; keep the current hooks in a list.
fn hooks_store() -> Value {
    FIRSTITER.get_or_init(|| Value::list(vec![Value::NONE, Value::NONE]))
}

fn get_asyncgen_hooks(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("get_asyncgen_hooks", args, kw, 0, 0)?;
    let st = hooks_store();
    let l = st.as_list().map(|l| l.borrow().clone()).unwrap_or_default();
    Ok(structseq::new_instance(&asyncgen_hooks_type(), l))
}

fn set_asyncgen_hooks(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [a, b] = crate::args::bind("set_asyncgen_hooks", args, kw, &["firstiter=", "finalizer="])?;
    let st = hooks_store();
    let _ = &FINALIZER;
    for (i, (v, n)) in [(a, "firstiter"), (b, "finalizer")].into_iter().enumerate() {
        if let Some(v) = v {
            if !v.is_none() && !vm.callable(&v) {
                return Err(PyErr::type_error(format!("callable {n} expected, got {}", crate::types::type_ref(&v).type_name_str())));
            }
            if let Some(l) = st.as_list() {
                l.borrow_mut()[i] = v;
            }
        }
    }
    Ok(Value::NONE)
}

fn get_cotrack(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(0))
}

fn set_cotrack(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [d] = crate::args::bind("set_coroutine_origin_tracking_depth", args, kw, &["depth"])?;
    if vm.index_value(&d.unwrap_or(Value::int(0)))? < 0 {
        return Err(PyErr::value_error("depth must be >= 0"));
    }
    Ok(Value::NONE)
}

fn setswitchinterval(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x] = crate::args::bind("setswitchinterval", args, kw, &["interval", "/"])?;
    let x = x.unwrap_or(Value::NONE);
    let f = match crate::types::float::real_operand(&x) {
        Some(r) => r?,
        None => return Err(PyErr::type_error(format!("must be real number, not {}", crate::types::type_ref(&x).type_name_str()))),
    };
    if !(f > 0.0) {
        return Err(PyErr::value_error("switch interval must be strictly positive"));
    }
    SWITCH_INTERVAL.store(f.to_bits(), std::sync::atomic::Ordering::Relaxed);
    Ok(Value::NONE)
}

pub fn getswitchinterval(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(f64::from_bits(SWITCH_INTERVAL.load(std::sync::atomic::Ordering::Relaxed))))
}

fn noop(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn getfsencodeerrors(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str("surrogateescape"))
}

fn current_frames(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = dict::new_dict();
    let sys = vm.sys.clone();
    let gf = vm.getattr_str(&sys, "_getframe")?;
    // The caller's frame (depth 1 skips this native call's caller? natives have no frame).
    if let Ok(f) = vm.call(&gf, &[Value::int(0)]) {
        let ident = thread_ident();
        vm.setitem(&d, &Value::int(ident as i64), f)?;
    }
    Ok(d)
}

fn current_exceptions(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = dict::new_dict();
    let e = vm.handled_exc.clone();
    let ident = thread_ident();
    vm.setitem(&d, &Value::int(ident as i64), if e.is_null() { Value::NONE } else { e })?;
    Ok(d)
}

/// Names of the standard library's modules, as CPython lists them: the
/// native modules plus every top-level module and package of the `Lib/` found.
fn stdlib_module_names() -> Value {
    let mut names: Vec<String> = crate::modules::names().iter().map(|s| s.to_string()).collect();
    if let Some(lib) = crate::stdlib_path::stdlib() {
        if let Ok(rd) = std::fs::read_dir(lib) {
            for e in rd.filter_map(|e| e.ok()) {
                let n = e.file_name().to_string_lossy().to_string();
                if let Some(stem) = n.strip_suffix(".py") {
                    names.push(stem.to_string());
                } else if e.path().join("__init__.py").is_file() && n != "test" && n != "site-packages" {
                    names.push(n);
                }
            }
        }
    }
    names.sort();
    names.dedup();
    let items: Vec<Value> = names.into_iter().map(Value::string).collect();
    crate::types::set::frozenset_from_native(items)
}

/// Add this file's attributes to the `sys` module `m`.
pub fn fill(m: &Value) {
    add_function(m, "unraisablehook", default_unraisablehook);
    add_function(m, "breakpointhook", breakpointhook);
    add_function(m, "get_asyncgen_hooks", get_asyncgen_hooks);
    add_function(m, "set_asyncgen_hooks", set_asyncgen_hooks);
    add_function(m, "get_coroutine_origin_tracking_depth", get_cotrack);
    add_function(m, "set_coroutine_origin_tracking_depth", set_cotrack);
    add_function(m, "setswitchinterval", setswitchinterval);
    add_function(m, "getswitchinterval", getswitchinterval);
    add_function(m, "_clear_type_cache", noop);
    add_function(m, "setdlopenflags", noop);
    add_function(m, "getfilesystemencodeerrors", getfsencodeerrors);
    add_function(m, "_current_frames", current_frames);
    add_function(m, "_current_exceptions", current_exceptions);
    let d = module_dict(m);
    for (alias, name) in [("__unraisablehook__", "unraisablehook"), ("__breakpointhook__", "breakpointhook")] {
        if let Some(v) = dict::dict_get_str(&d, name) {
            set_attr(m, alias, v);
        }
    }
    let ti = structseq::new_type("sys", "thread_info", &["name", "lock", "version"]);
    set_attr(m, "thread_info", structseq::new_instance(&ti, vec![Value::str("pthread"), Value::str("mutex+cond"), Value::NONE]));
    set_attr(m, "stdlib_module_names", stdlib_module_names());
    set_attr(m, "_git", Value::tuple(vec![Value::str("krait"), Value::str(""), Value::str("")]));
    set_attr(m, "_home", Value::NONE);
    set_attr(m, "_framework", Value::str(""));
    let exe = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    set_attr(m, "_base_executable", Value::string(exe));
    set_attr(
        m,
        "_stdlib_dir",
        crate::stdlib_path::stdlib().map_or(Value::NONE, |p| Value::string(p.display().to_string())),
    );
}

/// The current OS thread's identifier (`threading.get_ident()`).
pub fn thread_ident() -> u64 {
    // SAFETY: pthread_self has no preconditions.
    unsafe { libc::pthread_self() as u64 }
}
