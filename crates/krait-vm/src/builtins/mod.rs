//! The `builtins` module: the builtin functions and the names of the
//! builtin types and exceptions.
//!
//! Functions are grouped by theme: `io` (print, input, open), `functional`
//! (iteration helpers: min, max, sum, sorted, any, all), `introspect`
//! (getattr family, isinstance, dir, vars, globals, id, hash), `convert`
//! (chr, ord, hex, bin, oct, format, repr, ascii, abs, round, divmod, pow)
//! and `code` (exec, eval, compile, __import__, __build_class__).

pub mod code;
pub mod convert;
pub mod functional;
pub mod introspect;
pub mod io;
pub mod site;

use crate::types::module::{add_function, new_module, set_attr};
use crate::types::types;
use crate::value::Value;
use crate::{PyResult, Vm};

/// Create the `builtins` module.
pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("builtins");
    let t = types();
    for (name, ty) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool),
        ("float", &t.float),
        ("complex", &t.complex),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("bytearray", &t.bytearray),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("classmethod", &t.classmethod),
        ("staticmethod", &t.staticmethod),
        ("super", &t.super_),
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map),
        ("filter", &t.filter),
        ("reversed", &t.reversed),
        ("memoryview", &t.memoryview),
    ] {
        set_attr(&m, name, ty.clone());
    }
    set_attr(&m, "None", Value::NONE);
    set_attr(&m, "True", Value::TRUE);
    set_attr(&m, "False", Value::FALSE);
    set_attr(&m, "NotImplemented", t.not_implemented.clone());
    set_attr(&m, "Ellipsis", t.ellipsis.clone());
    set_attr(&m, "__debug__", Value::TRUE);
    let e = &t.exc;
    for (name, ty) in [
        ("BaseException", &e.base_exception),
        ("BaseExceptionGroup", &e.base_exception_group),
        ("ExceptionGroup", &e.exception_group),
        ("SystemExit", &e.system_exit),
        ("KeyboardInterrupt", &e.keyboard_interrupt),
        ("GeneratorExit", &e.generator_exit),
        ("Exception", &e.exception),
        ("StopIteration", &e.stop_iteration),
        ("StopAsyncIteration", &e.stop_async_iteration),
        ("ArithmeticError", &e.arithmetic_error),
        ("FloatingPointError", &e.floating_point_error),
        ("OverflowError", &e.overflow_error),
        ("ZeroDivisionError", &e.zero_division_error),
        ("AssertionError", &e.assertion_error),
        ("AttributeError", &e.attribute_error),
        ("BufferError", &e.buffer_error),
        ("EOFError", &e.eof_error),
        ("ImportError", &e.import_error),
        ("ModuleNotFoundError", &e.module_not_found_error),
        ("LookupError", &e.lookup_error),
        ("IndexError", &e.index_error),
        ("KeyError", &e.key_error),
        ("MemoryError", &e.memory_error),
        ("NameError", &e.name_error),
        ("UnboundLocalError", &e.unbound_local_error),
        ("OSError", &e.os_error),
        ("IOError", &e.os_error),
        ("EnvironmentError", &e.os_error),
        ("BlockingIOError", &e.blocking_io_error),
        ("ChildProcessError", &e.child_process_error),
        ("ConnectionError", &e.connection_error),
        ("BrokenPipeError", &e.broken_pipe_error),
        ("ConnectionAbortedError", &e.connection_aborted_error),
        ("ConnectionRefusedError", &e.connection_refused_error),
        ("ConnectionResetError", &e.connection_reset_error),
        ("FileExistsError", &e.file_exists_error),
        ("FileNotFoundError", &e.file_not_found_error),
        ("InterruptedError", &e.interrupted_error),
        ("IsADirectoryError", &e.is_a_directory_error),
        ("NotADirectoryError", &e.not_a_directory_error),
        ("PermissionError", &e.permission_error),
        ("ProcessLookupError", &e.process_lookup_error),
        ("TimeoutError", &e.timeout_error),
        ("ReferenceError", &e.reference_error),
        ("RuntimeError", &e.runtime_error),
        ("NotImplementedError", &e.not_implemented_error),
        ("RecursionError", &e.recursion_error),
        ("SyntaxError", &e.syntax_error),
        ("IndentationError", &e.indentation_error),
        ("TabError", &e.tab_error),
        ("SystemError", &e.system_error),
        ("TypeError", &e.type_error),
        ("ValueError", &e.value_error),
        ("UnicodeError", &e.unicode_error),
        ("UnicodeDecodeError", &e.unicode_decode_error),
        ("UnicodeEncodeError", &e.unicode_encode_error),
        ("UnicodeTranslateError", &e.unicode_translate_error),
        ("Warning", &e.warning),
        ("DeprecationWarning", &e.deprecation_warning),
        ("PendingDeprecationWarning", &e.pending_deprecation_warning),
        ("RuntimeWarning", &e.runtime_warning),
        ("SyntaxWarning", &e.syntax_warning),
        ("UserWarning", &e.user_warning),
        ("FutureWarning", &e.future_warning),
        ("ImportWarning", &e.import_warning),
        ("UnicodeWarning", &e.unicode_warning),
        ("BytesWarning", &e.bytes_warning),
        ("ResourceWarning", &e.resource_warning),
        ("EncodingWarning", &e.encoding_warning),
    ] {
        set_attr(&m, name, ty.clone());
    }
    io::register(&m);
    functional::register(&m);
    introspect::register(&m);
    convert::register(&m);
    code::register(&m);
    site::register(&m);
    let _ = add_function;
    m
}

/// Positional-only arity check with CPython's `PyArg_UnpackTuple` wording
/// ("getattr expected at least 2 arguments, got 1").
pub fn unpack_args(fname: &str, args: &[Value], kwnames: &[Value], min: usize, max: usize) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(crate::PyErr::type_error(format!("{fname}() takes no keyword arguments")));
    }
    let n = args.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min || n > max {
        let msg = if min == max {
            format!("{fname} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!("{fname} expected at least {min} argument{}, got {n}", plural(min))
        } else {
            format!("{fname} expected at most {max} argument{}, got {n}", plural(max))
        };
        return Err(crate::PyErr::type_error(msg));
    }
    Ok(())
}

/// Check for exactly one positional argument (CPython's `METH_O` wording).
pub fn one_arg(fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(crate::PyErr::type_error(format!("{fname}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(crate::PyErr::type_error(format!(
            "{fname}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    Ok(())
}

/// Check for no arguments at all (`METH_NOARGS` wording).
pub fn no_args(fname: &str, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    if !kwnames.is_empty() {
        return Err(crate::PyErr::type_error(format!("{fname}() takes no keyword arguments")));
    }
    if !args.is_empty() {
        return Err(crate::PyErr::type_error(format!("{fname}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// `ascii(v)` as a str Value.
pub fn ascii_of(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let rv = vm.repr(v)?;
    // An ASCII repr is returned as it is (even a str subclass instance).
    if rv.as_str().map_or(false, |s| s.is_ascii()) {
        return Ok(rv);
    }
    let r = rv.as_str().unwrap_or("").to_string();
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    Ok(Value::string(out))
}

/// `sys.displayhook` behaviour for the REPL: print repr and bind `_`.
pub fn displayhook(vm: &mut Vm, v: &Value) -> PyResult<()> {
    if let Some(hook) = crate::types::dict::dict_get_str(&crate::types::module::module_dict(&vm.sys), "displayhook") {
        if !matches!(hook.as_obj().map(|o| &o.payload), Some(crate::object::Payload::Native(n)) if n.name == "displayhook") {
            vm.call(&hook, &[v.clone()])?;
            return Ok(());
        }
    }
    if v.is_none() {
        return Ok(());
    }
    crate::types::dict::dict_set_str(&vm.builtins_dict.clone(), "_", Value::NONE);
    let r = vm.repr_string(v)?;
    crate::modules::sys::write_stdout(vm, &format!("{r}\n"))?;
    crate::types::dict::dict_set_str(&vm.builtins_dict.clone(), "_", v.clone());
    Ok(())
}
