//! The `sys` module, and the process's standard streams.
//!
//! `sys.stdout`/`stderr`/`stdin` are `_io.TextIOWrapper` objects over
//! buffered FileIO(0/1/2) (see modules/io/stdio.rs). `print` and the
//! interpreter write to them natively; if a program replaces `sys.stdout`,
//! its `write` method is called instead.

use crate::modules::io::stdio;
use crate::object::{NativeKind, PyObject};
use crate::types::module::{add_function, module_dict, new_module, set_attr};
use crate::types::{dict, structseq, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// Whether `v` is a native text stream (a TextIOWrapper print can write to directly).
pub fn is_std_stream(v: &Value) -> bool {
    stdio::is_native_text(v)
}

/// Flush the original standard output and error without running Python code.
pub fn flush_raw_stdout() {
    stdio::flush_std_quiet();
}

fn sys_attr(vm: &Vm, name: &str) -> Option<Value> {
    dict::dict_get_str(&module_dict(&vm.sys), name)
}

/// Write to `sys.stdout`.
pub fn write_stdout(vm: &mut Vm, s: &str) -> PyResult<()> {
    match sys_attr(vm, "stdout") {
        Some(out) if !out.is_none() => stdio::write_text(vm, &out, s),
        _ => Ok(()),
    }
}

pub fn flush_stdout(vm: &mut Vm) -> PyResult<()> {
    match sys_attr(vm, "stdout") {
        Some(out) if !out.is_none() => stdio::flush_stream(vm, &out),
        _ => Ok(()),
    }
}

/// Write to `sys.stderr` and flush it (errors while doing so are ignored).
pub fn write_stderr(vm: &mut Vm, s: &str) {
    match sys_attr(vm, "stderr") {
        Some(err) if !err.is_none() => {
            if stdio::write_text(vm, &err, s).is_err() {
                stdio::write_fd_quiet(2, s);
                return;
            }
            let _ = stdio::flush_stream(vm, &err);
        }
        _ => stdio::write_fd_quiet(2, s),
    }
}

// ------------------------------------------------------------ sys functions

fn sys_exit(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("exit", args, kw, 0, 1)?;
    // Like `raise SystemExit(arg)` through PyErr_SetObject: a tuple is the args.
    if let Some(t) = args.first().and_then(|a| a.as_tuple().map(|t| t.to_vec())) {
        return Err(PyErr::with_args(&types().exc.system_exit, t));
    }
    Err(PyErr::with_args(&types().exc.system_exit, args.to_vec()))
}

fn sys_set_hook(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("settrace", args, kw, 1, 1)?;
    Ok(Value::NONE)
}
fn sys_none(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}
fn sys_false(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}
fn sys_zero(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(0))
}
fn sys_two(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(2))
}
fn sys_call_tracing(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("call_tracing", args, kw, 2, 2)?;
    let a = args[1].as_tuple().ok_or_else(|| PyErr::type_error(format!(
        "call_tracing() argument 2 must be tuple, not {}", crate::types::type_ref(&args[1]).type_name_str())))?.to_vec();
    vm.call(&args[0], &a)
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("setrecursionlimit", args, kw, 1, 1)?;
    if args[0].is_float() || crate::types::is_instance(&args[0], &types().float) {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = vm.index_value(&args[0])?;
    if n < 1 {
        return Err(PyErr::value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as u64) <= vm.depth as u64 {
        return Err(PyErr::recursion_error(format!(
            "cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low",
            vm.depth
        )));
    }
    vm.recursion_limit = n.min(u32::MAX as i64) as u32;
    Ok(Value::NONE)
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = vm.handled_exc.clone();
    if e.is_none() || e.is_null() {
        return Ok(Value::tuple(vec![Value::NONE, Value::NONE, Value::NONE]));
    }
    let tb = crate::types::exception::get_traceback(&e);
    Ok(Value::tuple(vec![crate::types::type_of(&e), e, tb]))
}

fn exception(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = vm.handled_exc.clone();
    Ok(if e.is_null() { Value::NONE } else { e })
}

fn getsizeof(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let _ = args;
    Ok(Value::int(std::mem::size_of::<PyObject>() as i64))
}

fn getrefcount(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(args[0].refcount() as i64))
}

fn intern(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("intern", args, kw, 1, 1)?;
    if args[0].as_pystr_exact().is_none() {
        return Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            crate::types::type_ref(&args[0]).type_name_str()
        )));
    }
    Ok(crate::types::str::intern_value(&args[0]))
}

fn getdefaultencoding(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

fn getframe(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let depth = match args.first() {
        Some(d) => vm.index_value(d)?,
        None => 0,
    };
    crate::interp::frameobj::frame_object_at(vm, depth)
}

fn displayhook(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::builtins::displayhook(vm, &args[0])?;
    Ok(Value::NONE)
}

fn excepthook(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() >= 2 {
        crate::interp::unwind::print_exception(vm, &args[1]);
    }
    Ok(Value::NONE)
}

fn get_int_max_str_digits(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(crate::text::numparse::int_max_str_digits() as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [n] = crate::args::bind("set_int_max_str_digits", args, kw, &["maxdigits"])?;
    let n = vm.index_value(&n.unwrap())?;
    crate::text::numparse::set_int_max_str_digits(n).map_err(crate::text::to_pyerr)?;
    Ok(Value::NONE)
}

/// Create the `sys` module.
pub fn make_module(vm: &mut Vm) -> Value {
    let m = new_module("sys");
    let (stdin, stdout, stderr) = stdio::make_std_streams(vm);
    let o = &vm.options;
    let argv: Vec<Value> = o.argv.iter().map(|a| Value::str(a)).collect();
    set_attr(&m, "argv", Value::list(argv));
    set_attr(&m, "orig_argv", Value::list(vec![]));
    set_attr(&m, "modules", vm.modules.clone());
    set_attr(&m, "path", Value::list(vec![]));
    set_attr(&m, "meta_path", Value::list(vec![]));
    set_attr(&m, "path_hooks", Value::list(vec![]));
    set_attr(&m, "path_importer_cache", dict::new_dict());
    set_attr(&m, "stdout", stdout.clone());
    set_attr(&m, "stderr", stderr.clone());
    set_attr(&m, "stdin", stdin.clone());
    set_attr(&m, "__stdout__", stdout);
    set_attr(&m, "__stderr__", stderr);
    set_attr(&m, "__stdin__", stdin);
    set_attr(&m, "maxsize", Value::int(i64::MAX));
    set_attr(&m, "maxunicode", Value::int(0x10FFFF));
    set_attr(&m, "byteorder", Value::str(if cfg!(target_endian = "little") { "little" } else { "big" }));
    set_attr(&m, "platform", Value::str("linux"));
    set_attr(&m, "executable", Value::string(std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default()));
    set_attr(&m, "version", Value::str("3.11.7 (krait 0.1.0)"));
    let vi_t = structseq::new_type("sys", "version_info", &["major", "minor", "micro", "releaselevel", "serial"]);
    let version_info = structseq::new_instance(&vi_t, vec![Value::int(3), Value::int(11), Value::int(7), Value::str("final"), Value::int(0)]);
    set_attr(&m, "version_info", version_info.clone());
    let fi_t = structseq::new_type("sys", "float_info", &[
        "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds",
    ]);
    set_attr(&m, "float_info", structseq::new_instance(&fi_t, vec![
        Value::float(f64::MAX), Value::int(1024), Value::int(308), Value::float(f64::MIN_POSITIVE), Value::int(-1021),
        Value::int(-307), Value::int(15), Value::int(53), Value::float(f64::EPSILON), Value::int(2), Value::int(1),
    ]));
    let ii_t = structseq::new_type("sys", "int_info", &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"]);
    set_attr(&m, "int_info", structseq::new_instance(&ii_t, vec![Value::int(30), Value::int(4), Value::int(4300), Value::int(640)]));
    let hi_t = structseq::new_type("sys", "hash_info", &["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"]);
    set_attr(&m, "hash_info", structseq::new_instance(&hi_t, vec![
        Value::int(64), Value::int((1i64 << 61) - 1), Value::int(314159), Value::int(0), Value::int(1000003),
        Value::str("siphash13"), Value::int(64), Value::int(128), Value::int(0),
    ]));
    let fl_t = structseq::new_type("sys", "flags", &[
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
        "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
        "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits",
    ]);
    let z = Value::int(0);
    set_attr(&m, "flags", structseq::new_instance(&fl_t, vec![
        z.clone(), z.clone(), z.clone(), z.clone(), Value::int(o.dont_write_bytecode as i64), z.clone(), z.clone(),
        z.clone(), z.clone(), z.clone(), z.clone(), Value::int(1), z.clone(), Value::FALSE,
        z.clone(), z.clone(), Value::FALSE, Value::int(-1),
    ]));
    set_attr(&m, "implementation", structseq::new_namespace(&[
        ("name", Value::str("krait")),
        ("cache_tag", Value::str("krait-311")),
        ("version", version_info),
        ("hexversion", Value::int(0x030B07F0)),
        ("_multiarch", Value::str("x86_64-linux-gnu")),
    ]));
    set_attr(&m, "hexversion", Value::int(0x030B07F0));
    set_attr(&m, "api_version", Value::int(1013));
    set_attr(&m, "copyright", Value::str("Krait: a Python 3.11 implementation in Rust."));
    set_attr(&m, "float_repr_style", Value::str("short"));
    set_attr(&m, "dont_write_bytecode", Value::bool(o.dont_write_bytecode));
    set_attr(&m, "builtin_module_names", Value::tuple(crate::modules::names().iter().map(|n| Value::str(n)).collect()));
    set_attr(&m, "prefix", Value::str("/usr/local"));
    set_attr(&m, "exec_prefix", Value::str("/usr/local"));
    set_attr(&m, "base_prefix", Value::str("/usr/local"));
    set_attr(&m, "base_exec_prefix", Value::str("/usr/local"));
    set_attr(&m, "warnoptions", Value::list(vec![]));
    set_attr(&m, "_xoptions", dict::new_dict());
    add_function(&m, "exit", sys_exit);
    add_function(&m, "settrace", sys_set_hook);
    add_function(&m, "setprofile", sys_set_hook);
    add_function(&m, "gettrace", sys_none);
    add_function(&m, "getprofile", sys_none);
    add_function(&m, "audit", sys_none);
    add_function(&m, "addaudithook", sys_set_hook);
    add_function(&m, "call_tracing", sys_call_tracing);
    add_function(&m, "is_finalizing", sys_false);
    add_function(&m, "getallocatedblocks", sys_zero);
    add_function(&m, "getdlopenflags", sys_two);
    set_attr(&m, "platlibdir", Value::str("lib"));
    set_attr(&m, "pycache_prefix", Value::NONE);
    set_attr(&m, "abiflags", Value::str(""));

    add_function(&m, "getrecursionlimit", getrecursionlimit);
    add_function(&m, "setrecursionlimit", setrecursionlimit);
    add_function(&m, "exc_info", exc_info);
    add_function(&m, "exception", exception);
    add_function(&m, "getsizeof", getsizeof);
    add_function(&m, "getrefcount", getrefcount);
    add_function(&m, "intern", intern);
    add_function(&m, "getdefaultencoding", getdefaultencoding);
    add_function(&m, "getfilesystemencoding", getdefaultencoding);
    add_function(&m, "_getframe", getframe);
    add_function(&m, "displayhook", displayhook);
    add_function(&m, "excepthook", excepthook);
    add_function(&m, "get_int_max_str_digits", get_int_max_str_digits);
    crate::modules::sys_extra::fill(&m);
    add_function(&m, "set_int_max_str_digits", set_int_max_str_digits);
    let dh = dict::dict_get_str(&module_dict(&m), "displayhook").unwrap();
    set_attr(&m, "__displayhook__", dh);
    let eh = dict::dict_get_str(&module_dict(&m), "excepthook").unwrap();
    set_attr(&m, "__excepthook__", eh);
    let _ = NativeKind::Function;
    m
}
