//! Exceptions: the builtin hierarchy, `BaseException`'s state (args,
//! traceback, cause, context), the specialised attributes of `OSError`,
//! `SyntaxError`, `StopIteration`, `SystemExit`, `ImportError`, `KeyError`,
//! exception groups, and traceback/frame objects.

use crate::args::bind;
use crate::interp::{Frame, VmCode};
use crate::object::{NativeKind, Payload, PyObject};
use crate::types::{add_getset, add_method, add_native, dict, type_of, type_ref, types, ExcTypes, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub struct ExcData {
    pub args: Value,
    pub traceback: Value,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

pub use crate::interp::frameobj::{traceback_data, FrameSnapshot, TracebackData};

pub fn make_exception_types(mk: &dyn Fn(&str, &Value) -> Value, object: &Value) -> ExcTypes {
    let be = mk("BaseException", object);
    {
        let o = be.as_obj().unwrap();
        o.type_data().solid_base.set(o as *const PyObject);
        o.type_data().has_instance_dict.set(true);
    }
    let exception = mk("Exception", &be);
    let arith = mk("ArithmeticError", &exception);
    let import_error = mk("ImportError", &exception);
    let lookup = mk("LookupError", &exception);
    let name_error = mk("NameError", &exception);
    let os_error = mk("OSError", &exception);
    let connection = mk("ConnectionError", &os_error);
    let runtime = mk("RuntimeError", &exception);
    let syntax = mk("SyntaxError", &exception);
    let indentation = mk("IndentationError", &syntax);
    let value_error = mk("ValueError", &exception);
    let unicode = mk("UnicodeError", &value_error);
    let warning = mk("Warning", &exception);
    let beg = mk("BaseExceptionGroup", &be);
    let eg = make_builtin_multi(mk, "ExceptionGroup", &beg, &exception);
    ExcTypes {
        system_exit: mk("SystemExit", &be),
        keyboard_interrupt: mk("KeyboardInterrupt", &be),
        generator_exit: mk("GeneratorExit", &be),
        stop_iteration: mk("StopIteration", &exception),
        stop_async_iteration: mk("StopAsyncIteration", &exception),
        floating_point_error: mk("FloatingPointError", &arith),
        overflow_error: mk("OverflowError", &arith),
        zero_division_error: mk("ZeroDivisionError", &arith),
        assertion_error: mk("AssertionError", &exception),
        attribute_error: mk("AttributeError", &exception),
        buffer_error: mk("BufferError", &exception),
        eof_error: mk("EOFError", &exception),
        module_not_found_error: mk("ModuleNotFoundError", &import_error),
        index_error: mk("IndexError", &lookup),
        key_error: mk("KeyError", &lookup),
        memory_error: mk("MemoryError", &exception),
        unbound_local_error: mk("UnboundLocalError", &name_error),
        blocking_io_error: mk("BlockingIOError", &os_error),
        child_process_error: mk("ChildProcessError", &os_error),
        broken_pipe_error: mk("BrokenPipeError", &connection),
        connection_aborted_error: mk("ConnectionAbortedError", &connection),
        connection_refused_error: mk("ConnectionRefusedError", &connection),
        connection_reset_error: mk("ConnectionResetError", &connection),
        file_exists_error: mk("FileExistsError", &os_error),
        file_not_found_error: mk("FileNotFoundError", &os_error),
        interrupted_error: mk("InterruptedError", &os_error),
        is_a_directory_error: mk("IsADirectoryError", &os_error),
        not_a_directory_error: mk("NotADirectoryError", &os_error),
        permission_error: mk("PermissionError", &os_error),
        process_lookup_error: mk("ProcessLookupError", &os_error),
        timeout_error: mk("TimeoutError", &os_error),
        reference_error: mk("ReferenceError", &exception),
        not_implemented_error: mk("NotImplementedError", &runtime),
        recursion_error: mk("RecursionError", &runtime),
        tab_error: mk("TabError", &indentation),
        system_error: mk("SystemError", &exception),
        type_error: mk("TypeError", &exception),
        unicode_decode_error: mk("UnicodeDecodeError", &unicode),
        unicode_encode_error: mk("UnicodeEncodeError", &unicode),
        unicode_translate_error: mk("UnicodeTranslateError", &unicode),
        deprecation_warning: mk("DeprecationWarning", &warning),
        pending_deprecation_warning: mk("PendingDeprecationWarning", &warning),
        runtime_warning: mk("RuntimeWarning", &warning),
        syntax_warning: mk("SyntaxWarning", &warning),
        user_warning: mk("UserWarning", &warning),
        future_warning: mk("FutureWarning", &warning),
        import_warning: mk("ImportWarning", &warning),
        unicode_warning: mk("UnicodeWarning", &warning),
        bytes_warning: mk("BytesWarning", &warning),
        resource_warning: mk("ResourceWarning", &warning),
        encoding_warning: mk("EncodingWarning", &warning),
        base_exception: be,
        base_exception_group: beg,
        exception_group: eg,
        exception,
        arithmetic_error: arith,
        import_error,
        lookup_error: lookup,
        name_error,
        os_error,
        connection_error: connection,
        runtime_error: runtime,
        syntax_error: syntax,
        indentation_error: indentation,
        value_error,
        unicode_error: unicode,
        warning,
    }
}

/// ExceptionGroup(BaseExceptionGroup, Exception): two bases.
fn make_builtin_multi(mk: &dyn Fn(&str, &Value) -> Value, name: &str, first: &Value, second: &Value) -> Value {
    let t = mk(name, first);
    let o = t.as_obj().unwrap();
    let td = o.type_data();
    let mut mro = vec![t.to_obj().unwrap(), first.to_obj().unwrap()];
    mro.extend(second.as_obj().unwrap().type_data().mro.borrow().iter().cloned());
    *td.mro.borrow_mut() = mro;
    td.bases.borrow_mut().push(second.to_obj().unwrap());
    t
}

fn data(e: &Value) -> Option<&RefCell<ExcData>> {
    match &e.as_obj()?.payload {
        Payload::Exception(d) => Some(d),
        _ => None,
    }
}

/// A new exception instance of `ty` with `args`, without running Python code.
pub fn new_exception(ty: &Value, args: Vec<Value>) -> Value {
    let v = Value::from_obj(PyObject::new(
        ty.as_obj().unwrap(),
        Payload::Exception(RefCell::new(ExcData {
            args: Value::tuple(args),
            traceback: Value::NONE,
            cause: Value::NONE,
            context: Value::NONE,
            suppress_context: false,
        })),
    ));
    init_special(&v);
    v
}

/// Attributes derived from args for specialised exceptions.
fn init_special(e: &Value) {
    let t = types();
    let args = data(e).map(|d| d.borrow().args.clone()).unwrap_or(Value::NONE);
    let a = args.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let set = |n: &str, v: Value| set_attr(e, n, v);
    let ty = type_of(e);
    if crate::types::is_subtype(&ty, &t.exc.stop_iteration) {
        set("value", a.first().cloned().unwrap_or(Value::NONE));
    } else if crate::types::is_subtype(&ty, &t.exc.system_exit) {
        set("code", match a.len() {
            0 => Value::NONE,
            1 => a[0].clone(),
            _ => args.clone(),
        });
    } else if crate::types::is_subtype(&ty, &t.exc.os_error) {
        let (errno, strerror, filename, filename2) = if a.len() >= 2 && a.len() <= 5 {
            (a[0].clone(), a[1].clone(), a.get(2).cloned().unwrap_or(Value::NONE), a.get(4).cloned().unwrap_or(Value::NONE))
        } else {
            (Value::NONE, Value::NONE, Value::NONE, Value::NONE)
        };
        if !filename.is_none() {
            if let Some(d) = data(e) {
                d.borrow_mut().args = Value::tuple(a[..2].to_vec());
            }
        }
        set("errno", errno);
        set("strerror", strerror);
        set("filename", filename);
        set("filename2", filename2);
    } else if crate::types::is_subtype(&ty, &t.exc.syntax_error) {
        set("msg", a.first().cloned().unwrap_or(Value::NONE));
        let info = a.get(1).and_then(|i| i.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
        let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
        for (i, n) in names.iter().enumerate() {
            set(n, info.get(i).cloned().unwrap_or(Value::NONE));
        }
        set("print_file_and_line", Value::NONE);
    } else if crate::types::is_subtype(&ty, &t.exc.import_error) {
        set("msg", if a.len() == 1 { a[0].clone() } else { Value::NONE });
        set("name", Value::NONE);
        set("path", Value::NONE);
    } else if crate::types::is_subtype(&ty, &t.exc.name_error) {
        if get_attr(e, "name").is_none() {
            set("name", Value::NONE);
        }
    } else if crate::types::is_subtype(&ty, &t.exc.attribute_error) {
        if get_attr(e, "name").is_none() {
            set("name", Value::NONE);
            set("obj", Value::NONE);
        }
    }
}

fn set_attr(e: &Value, name: &str, v: Value) {
    let o = e.as_obj().unwrap();
    let d = o.dict.borrow().clone();
    let d = match d {
        Some(d) => d,
        None => {
            let d = dict::new_dict();
            *o.dict.borrow_mut() = Some(d.clone());
            d
        }
    };
    dict::dict_set_str(&d, name, v);
}

fn get_attr(e: &Value, name: &str) -> Option<Value> {
    e.as_obj()?.dict.borrow().clone().and_then(|d| dict::dict_get_str(&d, name))
}

pub fn get_traceback(e: &Value) -> Value {
    data(e).map(|d| d.borrow().traceback.clone()).unwrap_or(Value::NONE)
}
pub fn get_cause(e: &Value) -> Value {
    data(e).map(|d| d.borrow().cause.clone()).unwrap_or(Value::NONE)
}
pub fn get_context(e: &Value) -> Value {
    data(e).map(|d| d.borrow().context.clone()).unwrap_or(Value::NONE)
}
pub fn suppress_context(e: &Value) -> bool {
    data(e).map(|d| d.borrow().suppress_context).unwrap_or(false)
}
pub fn set_context(e: &Value, c: Value) {
    if let Some(d) = data(e) {
        let old = std::mem::replace(&mut d.borrow_mut().context, c);
        drop(old);
    }
}
pub fn set_cause(e: &Value, c: Value) {
    if let Some(d) = data(e) {
        let mut d = d.borrow_mut();
        d.cause = c;
        d.suppress_context = true;
    }
}
pub fn set_traceback(e: &Value, tb: Value) {
    if let Some(d) = data(e) {
        let old = std::mem::replace(&mut d.borrow_mut().traceback, tb);
        drop(old);
    }
}
pub fn copy_traceback(from: &Value, to: &Value) {
    let tb = get_traceback(from);
    if let Some(d) = data(to) {
        d.borrow_mut().traceback = tb;
    }
}

pub fn notes(vm: &mut Vm, e: &Value) -> Vec<String> {
    let Some(n) = get_attr(e, "__notes__") else { return vec![] };
    let items = n.as_list().map(|l| l.borrow().clone()).unwrap_or_default();
    items.iter().map(|x| vm.str_string(x).unwrap_or_default()).collect()
}

/// Prepend a traceback entry for frame `f` at its current instruction.
pub fn add_traceback(e: &Value, f: &Frame) {
    let Some(d) = data(e) else { return };
    let next = d.borrow().traceback.clone();
    let tb = crate::interp::frameobj::new_traceback(f, next);
    let old = std::mem::replace(&mut d.borrow_mut().traceback, tb);
    drop(old);
}

pub fn set_attr_error_context(err: &PyErr, obj: &Value, name: &Value) {
    set_attr(&err.exc, "name", name.clone());
    set_attr(&err.exc, "obj", obj.clone());
}

pub fn set_name_error_name(err: &PyErr, name: &Value) {
    set_attr(&err.exc, "name", name.clone());
}

/// OSError (or the errno-specific subclass) from an io::Error.
pub fn os_error_from_io(e: &std::io::Error, filename: Option<&str>) -> PyErr {
    let t = types();
    let errno = e.raw_os_error().unwrap_or(0);
    let ty = errno_subclass(errno).unwrap_or_else(|| t.exc.os_error.clone());
    let msg = strerror(errno, e);
    let mut args = vec![Value::int(errno as i64), Value::string(msg)];
    if let Some(f) = filename {
        args.push(Value::str(f));
    }
    PyErr::from_value(new_exception(&ty, args))
}

pub fn strerror(errno: i32, e: &std::io::Error) -> String {
    if errno == 0 {
        return e.to_string();
    }
    // SAFETY: strerror returns a pointer to a static or thread-local string.
    unsafe {
        let p = libc::strerror(errno);
        if p.is_null() {
            return e.to_string();
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// The OSError subclass CPython maps errno `errno` to (None: plain OSError).
pub fn errno_subclass(errno: i32) -> Option<Value> {
    let t = &types().exc;
    Some(match errno {
        libc::ENOENT => t.file_not_found_error.clone(),
        libc::EEXIST => t.file_exists_error.clone(),
        libc::EISDIR => t.is_a_directory_error.clone(),
        libc::ENOTDIR => t.not_a_directory_error.clone(),
        libc::EACCES | libc::EPERM => t.permission_error.clone(),
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => t.blocking_io_error.clone(),
        libc::ECHILD => t.child_process_error.clone(),
        libc::EPIPE | libc::ESHUTDOWN => t.broken_pipe_error.clone(),
        libc::ECONNABORTED => t.connection_aborted_error.clone(),
        libc::ECONNREFUSED => t.connection_refused_error.clone(),
        libc::ECONNRESET => t.connection_reset_error.clone(),
        libc::EINTR => t.interrupted_error.clone(),
        libc::ESRCH => t.process_lookup_error.clone(),
        libc::ETIMEDOUT => t.timeout_error.clone(),
        _ => return None,
    })
}

// ------------------------------------------------------------------ methods

fn exc_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = &args[0];
    let npos = args.len() - kw.len();
    let mut ty = cls.clone();
    // OSError(errno, ...) picks the errno subclass when called on OSError itself.
    if cls.is(&types().exc.os_error) && npos >= 3 {
        if let Some(n) = args[1].as_i64() {
            if let Some(sub) = errno_subclass(n as i32) {
                ty = sub;
            }
        }
    }
    let co = ty.as_obj().unwrap();
    let v = Value::from_obj(PyObject::new_with_slots(
        co,
        Payload::Exception(RefCell::new(ExcData {
            args: Value::tuple(args[1..npos].to_vec()),
            traceback: Value::NONE,
            cause: Value::NONE,
            context: Value::NONE,
            suppress_context: false,
        })),
        co.type_data().slot_names.borrow().len(),
    ));
    Ok(v)
}

fn exc_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let e = &args[0];
    let ty = type_of(e);
    let t = types();
    let npos = args.len() - kw.len();
    // Keyword arguments some exception families accept.
    let (allowed, family): (&[&str], &str) = if crate::types::is_subtype(&ty, &t.exc.import_error) {
        (&["name", "path"], "ImportError")
    } else if crate::types::is_subtype(&ty, &t.exc.attribute_error) {
        (&["name", "obj"], "AttributeError")
    } else if crate::types::is_subtype(&ty, &t.exc.name_error) {
        (&["name"], "NameError")
    } else {
        (&[], "")
    };
    if !kw.is_empty() && allowed.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            ty.as_obj().unwrap().type_name_str()
        )));
    }
    for k in kw {
        let n = k.as_str().unwrap_or("");
        if !allowed.contains(&n) {
            return Err(PyErr::type_error(format!("'{n}' is an invalid keyword argument for {family}()")));
        }
    }
    // SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])).
    let mut syntax_info = None;
    if npos == 3 && crate::types::is_subtype(&ty, &t.exc.syntax_error) {
        let info = vm.collect(&args[2])?;
        if info.len() < 4 {
            return Err(PyErr::type_error(format!("function takes at least 4 arguments ({} given)", info.len())));
        }
        if info.len() > 6 {
            return Err(PyErr::type_error(format!("function takes at most 6 arguments ({} given)", info.len())));
        }
        if info.len() == 5 {
            return Err(PyErr::type_error("end_offset must be provided when end_lineno is provided"));
        }
        syntax_info = Some(info);
    }
    if let Some(d) = data(e) {
        let old = std::mem::replace(&mut d.borrow_mut().args, Value::tuple(args[1..npos].to_vec()));
        drop(old);
    }
    init_special(e);
    if let Some(info) = syntax_info {
        let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
        for (i, n) in names.iter().enumerate() {
            set_attr(e, n, info.get(i).cloned().unwrap_or(Value::NONE));
        }
    }
    for (i, k) in kw.iter().enumerate() {
        if let Some(n) = k.as_str() {
            set_attr(e, n, args[npos + i].clone());
        }
    }
    Ok(Value::NONE)
}

fn exc_args_vec(e: &Value) -> Vec<Value> {
    data(e).and_then(|d| d.borrow().args.as_tuple().map(|t| t.to_vec())).unwrap_or_default()
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = &args[0];
    let a = exc_args_vec(e);
    let t = types();
    let ty = type_of(e);
    if crate::types::is_subtype(&ty, &t.exc.key_error) && a.len() == 1 {
        return vm.repr(&a[0]);
    }
    if crate::types::is_subtype(&ty, &t.exc.os_error) {
        let errno = get_attr(e, "errno").unwrap_or(Value::NONE);
        let strerror = get_attr(e, "strerror").unwrap_or(Value::NONE);
        let filename = get_attr(e, "filename").unwrap_or(Value::NONE);
        if !errno.is_none() || !strerror.is_none() {
            let es = vm.str_string(&errno)?;
            let ss = vm.str_string(&strerror)?;
            if !filename.is_none() {
                let fr = vm.repr_string(&filename)?;
                let filename2 = get_attr(e, "filename2").unwrap_or(Value::NONE);
                if !filename2.is_none() {
                    let fr2 = vm.repr_string(&filename2)?;
                    return Ok(Value::string(format!("[Errno {es}] {ss}: {fr} -> {fr2}")));
                }
                return Ok(Value::string(format!("[Errno {es}] {ss}: {fr}")));
            }
            return Ok(Value::string(format!("[Errno {es}] {ss}")));
        }
    }
    if crate::types::is_subtype(&ty, &t.exc.syntax_error) {
        let msg = get_attr(e, "msg").unwrap_or(Value::NONE);
        let ms = if msg.is_none() && a.is_empty() { String::new() } else { vm.str_string(&msg)? };
        let filename = get_attr(e, "filename").unwrap_or(Value::NONE);
        let lineno = get_attr(e, "lineno").unwrap_or(Value::NONE);
        let fname = filename.as_str().map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
        return Ok(Value::string(match (fname, lineno.as_i64()) {
            (Some(f), Some(l)) => format!("{ms} ({f}, line {l})"),
            (Some(f), None) => format!("{ms} ({f})"),
            (None, Some(l)) => format!("{ms} (line {l})"),
            (None, None) => ms,
        }));
    }
    if crate::types::is_subtype(&ty, &t.exc.base_exception_group) {
        let msg = a.first().cloned().unwrap_or(Value::str(""));
        let n = get_attr(e, "exceptions").and_then(|x| x.as_tuple().map(|t| t.len())).unwrap_or(0);
        let m = vm.str_string(&msg)?;
        return Ok(Value::string(format!("{m} ({n} sub-exception{})", if n == 1 { "" } else { "s" })));
    }
    match a.len() {
        0 => Ok(Value::str("")),
        1 => vm.str(&a[0]),
        _ => vm.str(&Value::tuple(a)),
    }
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = &args[0];
    let name = type_ref(e).type_name_str();
    let a = exc_args_vec(e);
    if crate::types::is_instance(e, &types().exc.base_exception_group) && a.len() == 2 {
        let m = vm.repr_string(&a[0])?;
        let l = vm.repr_string(&a[1])?;
        return Ok(Value::string(format!("{name}({m}, {l})")));
    }
    Ok(Value::string(match a.len() {
        0 => format!("{name}()"),
        1 => format!("{name}({})", vm.repr_string(&a[0])?),
        _ => format!("{name}{}", vm.repr_string(&Value::tuple(a))?),
    }))
}

fn exc_get_args(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(data(&args[0]).map(|d| d.borrow().args.clone()).unwrap_or(Value::NONE))
}
fn exc_set_args(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args[1].is_null() {
        return Err(PyErr::type_error("args may not be deleted"));
    }
    let items = vm.collect(&args[1])?;
    if let Some(d) = data(&args[0]) {
        let old = std::mem::replace(&mut d.borrow_mut().args, Value::tuple(items));
        drop(old);
    }
    Ok(Value::NONE)
}
fn exc_get_tb(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(get_traceback(&args[0]))
}
fn exc_set_tb(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let tb = &args[1];
    if tb.is_null() {
        return Err(PyErr::type_error("__traceback__ may not be deleted"));
    }
    if !tb.is_none() && traceback_data(tb).is_none() {
        return Err(PyErr::type_error("__traceback__ must be a traceback or None"));
    }
    set_traceback(&args[0], tb.clone());
    Ok(Value::NONE)
}
fn exc_get_cause(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(get_cause(&args[0]))
}
fn exc_set_cause(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = &args[1];
    if c.is_null() {
        return Err(PyErr::type_error("__cause__ may not be deleted"));
    }
    if !c.is_none() && !crate::types::is_instance(c, &types().exc.base_exception) {
        return Err(PyErr::type_error("exception cause must be None or derive from BaseException"));
    }
    set_cause(&args[0], c.clone());
    Ok(Value::NONE)
}
fn exc_get_context(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(get_context(&args[0]))
}
fn exc_set_context(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = &args[1];
    if c.is_null() {
        return Err(PyErr::type_error("__context__ may not be deleted"));
    }
    if !c.is_none() && !crate::types::is_instance(c, &types().exc.base_exception) {
        return Err(PyErr::type_error("exception context must be None or derive from BaseException"));
    }
    set_context(&args[0], args[1].clone());
    Ok(Value::NONE)
}
fn exc_get_suppress(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(suppress_context(&args[0])))
}
fn exc_set_suppress(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args[1].is_null() {
        return Err(PyErr::type_error("can't delete numeric/char attribute"));
    }
    let b = vm.truthy(&args[1])?;
    if let Some(d) = data(&args[0]) {
        d.borrow_mut().suppress_context = b;
    }
    Ok(Value::NONE)
}
fn exc_with_traceback(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    exc_set_tb(vm, args, &[])?;
    Ok(args[0].clone())
}
fn exc_add_note(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_, note] = bind("add_note", args, kw, &["self", "note", "/"])?;
    let note = note.unwrap();
    if note.as_pystr().is_none() {
        return Err(PyErr::type_error(format!(
            "note must be a str, not '{}'",
            type_ref(&note).type_name_str()
        )));
    }
    let e = &args[0];
    let notes = match get_attr(e, "__notes__") {
        Some(n) => n,
        None => {
            let l = Value::list(vec![]);
            set_attr(e, "__notes__", l.clone());
            l
        }
    };
    match notes.as_list() {
        Some(l) => l.borrow_mut().push(note),
        None => {
            let _ = vm;
            return Err(PyErr::type_error("Cannot add note: __notes__ is not a list"));
        }
    }
    Ok(Value::NONE)
}
fn exc_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = &args[0];
    let mut parts = vec![type_of(e), data(e).map(|d| d.borrow().args.clone()).unwrap_or(Value::NONE)];
    if let Some(d) = e.as_obj().and_then(|o| o.dict.borrow().clone()) {
        parts.push(d);
    }
    Ok(Value::tuple(parts))
}

fn stop_iteration_value(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(get_attr(&args[0], "value").unwrap_or(Value::NONE))
}

// ------------------------------------------------------- exception groups

fn eg_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [cls, msg, excs] = bind("BaseExceptionGroup.__new__", args, kw, &["cls", "message", "exceptions", "/"])?;
    let (cls, msg, excs) = (cls.unwrap(), msg.unwrap(), excs.unwrap());
    if msg.as_pystr().is_none() {
        return Err(PyErr::type_error("argument 1 must be str, not ".to_string() + &type_ref(&msg).type_name_str()));
    }
    let items = vm.collect(&excs).map_err(|_| PyErr::type_error("second argument (exceptions) must be a sequence"))?;
    if items.is_empty() {
        return Err(PyErr::value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let t = types();
    let mut all_exc = true;
    for (i, x) in items.iter().enumerate() {
        if !crate::types::is_instance(x, &t.exc.base_exception) {
            return Err(PyErr::value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !crate::types::is_instance(x, &t.exc.exception) {
            all_exc = false;
        }
    }
    let mut cls = cls;
    if cls.is(&t.exc.base_exception_group) && all_exc {
        cls = t.exc.exception_group.clone();
    } else if crate::types::is_subtype(&cls, &t.exc.exception) && !all_exc {
        return Err(PyErr::type_error(format!(
            "Cannot nest BaseExceptions in an ExceptionGroup"
        )));
    }
    let co = cls.as_obj().unwrap();
    let v = Value::from_obj(PyObject::new(
        co,
        Payload::Exception(RefCell::new(ExcData {
            args: Value::tuple(vec![msg.clone(), excs.clone()]),
            traceback: Value::NONE,
            cause: Value::NONE,
            context: Value::NONE,
            suppress_context: false,
        })),
    ));
    set_attr(&v, "message", msg);
    set_attr(&v, "exceptions", Value::tuple(items));
    Ok(v)
}

fn eg_init(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn eg_derive(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let msg = get_attr(&args[0], "message").unwrap_or(Value::str(""));
    vm.call(&types().exc.base_exception_group, &[msg, args[1].clone()])
}

/// Split `eg` by `cond` (a type, tuple of types, or predicate).
fn eg_split_impl(vm: &mut Vm, eg: &Value, cond: &Value) -> PyResult<(Value, Value)> {
    let is_type = cond.as_obj().and_then(|o| o.as_type()).is_some() || cond.as_tuple().is_some();
    let matches = |vm: &mut Vm, e: &Value| -> PyResult<bool> {
        if is_type {
            vm.isinstance(e, cond)
        } else {
            let r = vm.call(cond, &[e.clone()])?;
            vm.truthy(&r)
        }
    };
    if matches(vm, eg)? {
        return Ok((eg.clone(), Value::NONE));
    }
    let items = get_attr(eg, "exceptions").and_then(|e| e.as_tuple().map(|t| t.to_vec())).unwrap_or_default();
    let (mut m, mut r) = (Vec::new(), Vec::new());
    for x in items {
        if crate::types::is_instance(&x, &types().exc.base_exception_group) {
            let (a, b) = eg_split_impl(vm, &x, cond)?;
            if !a.is_none() {
                m.push(a);
            }
            if !b.is_none() {
                r.push(b);
            }
        } else if matches(vm, &x)? {
            m.push(x);
        } else {
            r.push(x);
        }
    }
    let mk = |vm: &mut Vm, v: Vec<Value>| -> PyResult<Value> {
        if v.is_empty() {
            return Ok(Value::NONE);
        }
        let d = vm.call_method(eg, "derive", &[Value::list(v)])?;
        copy_traceback(eg, &d);
        set_cause(&d, get_cause(eg));
        set_context(&d, get_context(eg));
        if let Some(n) = get_attr(eg, "__notes__") {
            set_attr(&d, "__notes__", n);
        }
        Ok(d)
    };
    let mv = mk(vm, m)?;
    let rv = mk(vm, r)?;
    Ok((mv, rv))
}

fn eg_split(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (m, r) = eg_split_impl(vm, &args[0], &args[1])?;
    Ok(Value::tuple(vec![m, r]))
}

fn eg_subgroup(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (m, _) = eg_split_impl(vm, &args[0], &args[1])?;
    Ok(m)
}

fn eg_class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

// --------------------------------------------------- traceback and frames

pub fn new_frame_object(code: Rc<VmCode>, globals: Value, lasti: usize) -> Value {
    crate::interp::frameobj::detached_frame_object(code, globals, lasti, Value::NONE)
}

/// A frame object whose `f_back` is `back` (a frame object or None).
pub fn new_frame_object_with_back(code: Rc<VmCode>, globals: Value, lasti: usize, back: Value) -> Value {
    crate::interp::frameobj::detached_frame_object(code, globals, lasti, back)
}

/// `UnicodeTranslateError(object, start, end, reason)`.
fn translate_error_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if let Some(f) = crate::types::lookup(types().exc.base_exception.as_obj().unwrap(), "__init__") {
        vm.call_kw(&f, args, kw)?;
    }
    let a = &args[1..args.len() - kw.len()];
    if a.len() != 4 {
        return Err(PyErr::type_error(format!("function takes exactly 4 arguments ({} given)", a.len())));
    }
    if a[0].as_pystr().is_none() {
        return Err(PyErr::type_error(format!("argument 1 must be str, not {}", type_ref(&a[0]).type_name_str())));
    }
    let start = vm.index_value(&a[1])?;
    let end = vm.index_value(&a[2])?;
    if a[3].as_pystr().is_none() {
        return Err(PyErr::type_error(format!("argument 4 must be str, not {}", type_ref(&a[3]).type_name_str())));
    }
    let e = &args[0];
    set_attr(e, "encoding", Value::NONE);
    set_attr(e, "object", a[0].clone());
    set_attr(e, "start", Value::int(start));
    set_attr(e, "end", Value::int(end));
    set_attr(e, "reason", a[3].clone());
    Ok(Value::NONE)
}

fn translate_error_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = &args[0];
    if get_attr(e, "reason").is_none() {
        return exc_str(vm, args, &[]);
    }
    let obj = vm.getattr_str(e, "object")?;
    let start = vm.getattr_str(e, "start")?.as_i64().unwrap_or(0);
    let end = vm.getattr_str(e, "end")?.as_i64().unwrap_or(0);
    let reason = vm.getattr_str(e, "reason")?;
    let reason = vm.str_string(&reason)?;
    if let Some(s) = obj.as_pystr() {
        if start >= 0 && end == start + 1 && (start as usize) < s.char_len() {
            let c = s.char_at(start as usize) as u32;
            let shown = if c <= 0xff {
                format!("\\x{c:02x}")
            } else if c <= 0xffff {
                format!("\\u{c:04x}")
            } else {
                format!("\\U{c:08x}")
            };
            return Ok(Value::string(format!("can't translate character '{shown}' in position {start}: {reason}")));
        }
    }
    Ok(Value::string(format!("can't translate characters in position {start}-{}: {reason}", end - 1)))
}

/// `BaseException.__setstate__(state)`: set each item of a dict as an attribute.
fn exc_setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__setstate__", &args[1..], kw, 1, 1)?;
    let state = &args[1];
    if state.is_none() {
        return Ok(Value::NONE);
    }
    if state.as_dict().is_none() {
        return Err(PyErr::type_error("state is not a dictionary"));
    }
    let items = vm.call_method(state, "items", &[])?;
    let items = vm.collect(&items)?;
    for it in items {
        let kv = vm.collect(&it)?;
        if let [k, v] = kv.as_slice() {
            vm.setattr(&args[0], k, v.clone())?;
        }
    }
    Ok(Value::NONE)
}

pub fn init(t: &Types) {
    add_method(&t.exc.unicode_translate_error, "__init__", translate_error_init);
    add_method(&t.exc.unicode_translate_error, "__str__", translate_error_str);
    let be = &t.exc.base_exception;
    add_native(be, "__new__", exc_new, NativeKind::StaticMethod);
    add_method(be, "__init__", exc_init);
    add_method(be, "__str__", exc_str);
    add_method(be, "__repr__", exc_repr);
    add_method(be, "with_traceback", exc_with_traceback);
    add_method(be, "add_note", exc_add_note);
    add_method(be, "__reduce__", exc_reduce);
    add_method(be, "__setstate__", exc_setstate);
    add_getset(be, "args", exc_get_args, Some(exc_set_args));
    add_getset(be, "__traceback__", exc_get_tb, Some(exc_set_tb));
    add_getset(be, "__cause__", exc_get_cause, Some(exc_set_cause));
    add_getset(be, "__context__", exc_get_context, Some(exc_set_context));
    add_getset(be, "__suppress_context__", exc_get_suppress, Some(exc_set_suppress));
    let (g, s) = crate::types::object::dict_getset();
    add_getset(be, "__dict__", g, Some(s));
    let _ = stop_iteration_value;
    let beg = &t.exc.base_exception_group;
    add_native(beg, "__new__", eg_new, NativeKind::StaticMethod);
    add_method(beg, "__init__", eg_init);
    add_method(beg, "derive", eg_derive);
    add_method(beg, "split", eg_split);
    add_method(beg, "subgroup", eg_subgroup);
    add_native(beg, "__class_getitem__", eg_class_getitem, NativeKind::ClassMethod);
    crate::interp::frameobj::init(t);
}

