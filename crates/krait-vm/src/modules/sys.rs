//! The `sys` module, and the process's standard streams.
//!
//! `sys.stdout`/`stderr`/`stdin` start as native stream objects writing
//! through a buffer to the file descriptors (line-buffered on a terminal or
//! with `-u`). `print` writes to them directly; if a program replaces
//! `sys.stdout`, its `write` method is called instead.

use crate::object::{NativeKind, Payload, PyObject};
use crate::types::module::{add_function, module_dict, new_module, set_attr};
use crate::types::{add_method, dict, structseq, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::io::Write;

/// Which standard stream a native stream object is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Std {
    In,
    Out,
    Err,
}

impl crate::object::NativeData for Std {}

thread_local! {
    static STDOUT_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

fn stream_type() -> Value {
    thread_local! {
        static T: RefCell<Option<Value>> = const { RefCell::new(None) };
    }
    T.with(|t| {
        if let Some(v) = t.borrow().as_ref() {
            return v.clone();
        }
        let d = dict::new_dict();
        let td = crate::types::new_type_data_pub("TextIOWrapper", d, false);
        let o = PyObject::new(types().type_.as_obj().unwrap(), Payload::Type(td));
        let obj = types().object.to_obj().unwrap();
        o.type_data().solid_base.set(&*o as *const PyObject);
        *o.type_data().mro.borrow_mut() = vec![o.clone(), obj.clone()];
        *o.type_data().bases.borrow_mut() = vec![obj];
        let v = Value::from_obj(o);
        dict::dict_set_str(&v.as_obj().unwrap().type_data().dict, "__module__", Value::str("_io"));
        add_method(&v, "write", stream_write);
        add_method(&v, "flush", stream_flush);
        add_method(&v, "writelines", stream_writelines);
        add_method(&v, "fileno", stream_fileno);
        add_method(&v, "isatty", stream_isatty);
        add_method(&v, "readline", stream_readline);
        add_method(&v, "read", stream_read);
        add_method(&v, "__repr__", stream_repr);
        add_method(&v, "writable", stream_writable);
        add_method(&v, "readable", stream_readable);
        crate::types::add_getset(&v, "encoding", stream_encoding, None);
        crate::types::add_getset(&v, "mode", stream_mode, None);
        crate::types::add_getset(&v, "errors", stream_errors, None);
        crate::types::add_getset(&v, "line_buffering", stream_line_buffering, None);
        crate::types::add_getset(&v, "closed", stream_closed, None);
        crate::types::add_getset(&v, "buffer", stream_buffer, None);
        add_method(&v, "seekable", stream_false);
        add_method(&v, "close", stream_noop);
        add_method(&v, "__enter__", stream_enter);
        add_method(&v, "__exit__", stream_noop);
        crate::types::add_getset(&v, "name", stream_name, None);
        *t.borrow_mut() = Some(v.clone());
        v
    })
}

/// The binary layer under a standard stream (`sys.stdout.buffer`).
#[derive(Clone, Copy, PartialEq, Eq)]
struct StdBuffer(Std);

impl crate::object::NativeData for StdBuffer {}

fn buffer_type() -> Value {
    thread_local! {
        static T: RefCell<Option<Value>> = const { RefCell::new(None) };
    }
    T.with(|t| {
        if let Some(v) = t.borrow().as_ref() {
            return v.clone();
        }
        let d = dict::new_dict();
        let td = crate::types::new_type_data_pub("BufferedWriter", d, false);
        let o = PyObject::new(types().type_.as_obj().unwrap(), Payload::Type(td));
        let obj = types().object.to_obj().unwrap();
        o.type_data().solid_base.set(&*o as *const PyObject);
        *o.type_data().mro.borrow_mut() = vec![o.clone(), obj.clone()];
        *o.type_data().bases.borrow_mut() = vec![obj];
        let v = Value::from_obj(o);
        dict::dict_set_str(&v.as_obj().unwrap().type_data().dict, "__module__", Value::str("_io"));
        add_method(&v, "write", buffer_write);
        add_method(&v, "flush", buffer_flush);
        add_method(&v, "read", buffer_read);
        add_method(&v, "fileno", buffer_fileno);
        *t.borrow_mut() = Some(v.clone());
        v
    })
}

fn which_buffer(v: &Value) -> Option<Std> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => b.borrow().downcast_ref::<StdBuffer>().map(|b| b.0),
        _ => None,
    }
}

fn buffer_write(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("write", &args[1..], kw, 1, 1)?;
    let data = crate::types::bytes::buffer_bytes(&args[1]).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            crate::types::type_ref(&args[1]).type_name_str()
        ))
    })?;
    match which_buffer(&args[0]) {
        Some(Std::Out) => STDOUT_BUF.with(|b| b.borrow_mut().extend_from_slice(&data)),
        Some(Std::Err) => {
            flush_raw_stdout();
            let _ = std::io::stderr().write_all(&data);
        }
        _ => return Err(PyErr::os_error("not writable")),
    }
    Ok(Value::int(data.len() as i64))
}

fn buffer_flush(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if which_buffer(&args[0]) == Some(Std::Out) {
        flush_raw_stdout();
    }
    Ok(Value::NONE)
}

fn buffer_read(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if which_buffer(&args[0]) != Some(Std::In) {
        return Err(PyErr::os_error("not readable"));
    }
    let mut v = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut v).map_err(|e| crate::error::io_error(&e, None))?;
    Ok(Value::bytes(v))
}

fn buffer_fileno(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(match which_buffer(&args[0]) {
        Some(Std::In) => 0,
        Some(Std::Out) => 1,
        _ => 2,
    }))
}

fn stream_mode(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str(if which(&args[0]) == Some(Std::In) { "r" } else { "w" }))
}
fn stream_errors(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str(if which(&args[0]) == Some(Std::Err) { "backslashreplace" } else { "strict" }))
}
fn stream_line_buffering(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(match which(&args[0]) {
        Some(Std::Out) => stdout_is_tty(),
        Some(Std::Err) => true,
        _ => false,
    }))
}
fn stream_closed(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}
fn stream_false(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}
fn stream_noop(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}
fn stream_enter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}
fn stream_buffer(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let w = which(&args[0]).unwrap_or(Std::Out);
    let ty = buffer_type();
    Ok(Value::from_obj(PyObject::new(ty.as_obj().unwrap(), Payload::Opaque(RefCell::new(Box::new(StdBuffer(w)))))))
}

fn make_stream(which: Std) -> Value {
    let ty = stream_type();
    Value::from_obj(PyObject::new(ty.as_obj().unwrap(), Payload::Opaque(RefCell::new(Box::new(which)))))
}

fn which(v: &Value) -> Option<Std> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => b.borrow().downcast_ref::<Std>().copied(),
        _ => None,
    }
}

pub fn is_std_stream(v: &Value) -> bool {
    which(v).is_some()
}

fn unbuffered(vm: &Vm) -> bool {
    vm.options.unbuffered
}

/// Write text to the real stdout buffer.
fn raw_stdout_write(vm: &Vm, s: &str) {
    STDOUT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        b.extend_from_slice(s.as_bytes());
        if unbuffered(vm) || b.len() > 8192 || (s.contains('\n') && stdout_is_tty()) {
            let _ = std::io::stdout().write_all(&b);
            let _ = std::io::stdout().flush();
            b.clear();
        }
    });
}

fn stdout_is_tty() -> bool {
    use std::sync::OnceLock;
    static TTY: OnceLock<bool> = OnceLock::new();
    // SAFETY: isatty only inspects the descriptor.
    *TTY.get_or_init(|| unsafe { libc::isatty(1) == 1 })
}

/// Flush the native stdout buffer.
pub fn flush_raw_stdout() {
    STDOUT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        if !b.is_empty() {
            let _ = std::io::stdout().write_all(&b);
            b.clear();
        }
        let _ = std::io::stdout().flush();
    });
}

fn sys_attr(vm: &Vm, name: &str) -> Option<Value> {
    dict::dict_get_str(&module_dict(&vm.sys), name)
}

/// Write to `sys.stdout`.
pub fn write_stdout(vm: &mut Vm, s: &str) -> PyResult<()> {
    match sys_attr(vm, "stdout") {
        Some(out) if which(&out) == Some(Std::Out) => {
            raw_stdout_write(vm, s);
            Ok(())
        }
        Some(out) if which(&out) == Some(Std::Err) => {
            flush_raw_stdout();
            let _ = std::io::stderr().write_all(s.as_bytes());
            Ok(())
        }
        Some(out) if !out.is_none() => vm.call_method(&out, "write", &[Value::str(s)]).map(|_| ()),
        _ => Ok(()),
    }
}

pub fn flush_stdout(vm: &mut Vm) -> PyResult<()> {
    match sys_attr(vm, "stdout") {
        Some(out) if which(&out).is_some() => {
            flush_raw_stdout();
            Ok(())
        }
        Some(out) if !out.is_none() => vm.call_method(&out, "flush", &[]).map(|_| ()),
        _ => Ok(()),
    }
}

/// Write to `sys.stderr` (errors while doing so are ignored).
pub fn write_stderr(vm: &mut Vm, s: &str) {
    match sys_attr(vm, "stderr") {
        Some(err) if which(&err).is_some() || err.is_none() => {
            flush_raw_stdout();
            let _ = std::io::stderr().write_all(s.as_bytes());
        }
        Some(err) => {
            let _ = vm.call_method(&err, "write", &[Value::str(s)]);
        }
        None => {
            flush_raw_stdout();
            let _ = std::io::stderr().write_all(s.as_bytes());
        }
    }
}

fn stream_write(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = args.get(1).ok_or_else(|| PyErr::type_error("write() takes exactly one argument (0 given)"))?;
    let text = s.as_str().ok_or_else(|| PyErr::type_error(format!(
        "write() argument must be str, not {}", crate::types::type_ref(s).type_name_str())))?;
    match which(&args[0]) {
        Some(Std::Out) => raw_stdout_write(vm, text),
        Some(Std::Err) => {
            flush_raw_stdout();
            let _ = std::io::stderr().write_all(text.as_bytes());
        }
        _ => return Err(PyErr::os_error("not writable")),
    }
    Ok(Value::int(s.as_pystr().unwrap().char_len() as i64))
}

fn stream_writelines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("writelines", &args[1..], kw, 1, 1)?;
    let it = vm.iter(&args[1])?;
    while let Some(line) = vm.next(&it)? {
        stream_write(vm, &[args[0].clone(), line], &[])?;
    }
    Ok(Value::NONE)
}

fn stream_flush(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if which(&args[0]) == Some(Std::Out) {
        flush_raw_stdout();
    }
    Ok(Value::NONE)
}

fn stream_fileno(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(match which(&args[0]) {
        Some(Std::In) => 0,
        Some(Std::Out) => 1,
        _ => 2,
    }))
}

fn stream_isatty(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fd = match which(&args[0]) {
        Some(Std::In) => 0,
        Some(Std::Out) => 1,
        _ => 2,
    };
    // SAFETY: isatty only inspects the descriptor.
    Ok(Value::bool(unsafe { libc::isatty(fd) == 1 }))
}

fn stream_readline(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut line = String::new();
    std::io::stdin().read_line(&mut line).map_err(|e| crate::error::io_error(&e, None))?;
    Ok(Value::string(line))
}

fn stream_read(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut s = String::new();
    std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| crate::error::io_error(&e, None))?;
    Ok(Value::string(s))
}

fn stream_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = match which(&args[0]) {
        Some(Std::In) => "<stdin>",
        Some(Std::Out) => "<stdout>",
        _ => "<stderr>",
    };
    let mode = if which(&args[0]) == Some(Std::In) { "r" } else { "w" };
    Ok(Value::string(format!("<_io.TextIOWrapper name='{n}' mode='{mode}' encoding='utf-8'>")))
}

fn stream_writable(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(which(&args[0]) != Some(Std::In)))
}
fn stream_readable(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(which(&args[0]) == Some(Std::In)))
}
fn stream_encoding(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}
fn stream_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str(match which(&args[0]) {
        Some(Std::In) => "<stdin>",
        Some(Std::Out) => "<stdout>",
        _ => "<stderr>",
    }))
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

fn intern(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn getdefaultencoding(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str("utf-8"))
}

fn getframe(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let depth = match args.first() {
        Some(d) => vm.index_value(d)?,
        None => 0,
    };
    let n = vm.frames.len() as i64;
    if depth >= n || depth < 0 {
        return Err(PyErr::value_error("call stack is not deep enough"));
    }
    // Snapshots from the outermost frame inwards, each linked to its caller.
    let mut back = Value::NONE;
    for i in 0..=(n - 1 - depth) as usize {
        // SAFETY: listed frames are alive.
        let f = unsafe { &*vm.frames[i] };
        back = crate::types::exception::new_frame_object_with_back(f.code.clone(), f.globals.clone(), f.lasti, back);
    }
    Ok(back)
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
    let o = &vm.options;
    let argv: Vec<Value> = o.argv.iter().map(|a| Value::str(a)).collect();
    set_attr(&m, "argv", Value::list(argv));
    set_attr(&m, "orig_argv", Value::list(vec![]));
    set_attr(&m, "modules", vm.modules.clone());
    set_attr(&m, "path", Value::list(vec![]));
    set_attr(&m, "meta_path", Value::list(vec![]));
    set_attr(&m, "path_hooks", Value::list(vec![]));
    set_attr(&m, "path_importer_cache", dict::new_dict());
    set_attr(&m, "stdout", make_stream(Std::Out));
    set_attr(&m, "stderr", make_stream(Std::Err));
    set_attr(&m, "stdin", make_stream(Std::In));
    set_attr(&m, "__stdout__", dict::dict_get_str(&module_dict(&m), "stdout").unwrap());
    set_attr(&m, "__stderr__", dict::dict_get_str(&module_dict(&m), "stderr").unwrap());
    set_attr(&m, "__stdin__", dict::dict_get_str(&module_dict(&m), "stdin").unwrap());
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
