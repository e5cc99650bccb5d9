//! Shared helpers of the posix group: OSError from errno, path and fd
//! argument conversion, struct sequences with hidden fields.

use crate::object::{NativeKind, Payload, PyObject};
use crate::types::{add_native, dict, native_function, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::ffi::CString;

// ------------------------------------------------------------------ errors

/// The calling thread's errno.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

pub fn set_errno(e: i32) {
    // SAFETY: __errno_location returns the thread's errno slot.
    unsafe { *libc::__errno_location() = e };
}

/// `strerror(e)` as a String.
pub fn strerror(e: i32) -> String {
    // SAFETY: strerror returns a valid C string (static or thread-local).
    unsafe {
        let p = libc::strerror(e);
        if p.is_null() {
            return format!("Unknown error {e}");
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// The OSError subclass CPython raises for errno `e`.
pub fn errno_class(e: i32) -> Value {
    crate::types::exception::errno_subclass(e).unwrap_or_else(|| types().exc.os_error.clone())
}

/// OSError (the errno subclass) with optional filenames.
pub fn os_err(e: i32, f1: Option<Value>, f2: Option<Value>) -> PyErr {
    let mut args = vec![Value::int(e as i64), Value::string(strerror(e))];
    if let Some(f) = f1 {
        args.push(f);
        if let Some(f2) = f2 {
            args.push(Value::NONE);
            args.push(f2);
        }
    }
    PyErr::from_value(crate::types::exception::new_exception(&errno_class(e), args))
}

/// The OSError for a failed system call's errno (`.map_err(sys_err)`).
pub fn sys_err(e: i32) -> PyErr {
    os_err(e, None, None)
}

/// A system call's return value, or Err(errno) when it is negative.
pub fn check<T: PartialOrd + Default>(r: T) -> Result<T, i32> {
    if r < T::default() {
        Err(errno())
    } else {
        Ok(r)
    }
}

/// A system call's return value, or the OSError for errno when it is negative.
pub fn os_check<T: PartialOrd + Default>(r: T) -> PyResult<T> {
    check(r).map_err(sys_err)
}

/// OSError from the current errno.
pub fn last_err() -> PyErr {
    os_err(errno(), None, None)
}

/// After a system call that returned `r` (negative on failure, errno set):
/// Ok(true) when it was interrupted (EINTR) and should be retried, pending
/// signal handlers having run (PEP 475); the OSError for any other failure.
pub fn retry_on_eintr(vm: &mut Vm, r: isize) -> PyResult<bool> {
    if r >= 0 {
        return Ok(false);
    }
    let e = errno();
    if e == libc::EINTR {
        crate::interp::signals::periodic_check(vm)?;
        return Ok(true);
    }
    Err(os_err(e, None, None))
}

/// OSError from the current errno, naming the path argument.
pub fn path_err(p: &PathArg) -> PyErr {
    os_err(errno(), Some(p.obj.clone()), None)
}

pub fn path_err2(p: &PathArg, q: &PathArg) -> PyErr {
    os_err(errno(), Some(p.obj.clone()), Some(q.obj.clone()))
}

pub fn type_name(v: &Value) -> String {
    type_ref(v).type_name_str()
}

// ------------------------------------------------------------------ paths

/// A converted path argument.
pub struct PathArg {
    /// The path as given after `__fspath__` (or the fd int): the filename of errors.
    pub obj: Value,
    /// The encoded path (empty for an fd or None).
    pub bytes: Vec<u8>,
    /// The path was bytes-like: results are bytes too.
    pub is_bytes: bool,
    /// An fd was given instead of a path.
    pub fd: Option<i32>,
    /// None was given (nullable paths only).
    pub none: bool,
}

impl PathArg {
    /// The path as a C string (no NUL inside: checked at conversion).
    pub fn c(&self) -> CString {
        CString::new(self.bytes.clone()).unwrap_or_default()
    }
    pub fn none() -> PathArg {
        PathArg { obj: Value::NONE, bytes: Vec::new(), is_bytes: false, fd: None, none: true }
    }
}

/// `os.fspath(v)`: str or bytes, via `__fspath__`.
pub fn fspath(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.as_pystr().is_some() || v.as_bytes().is_some() && is_bytes_obj(v) {
        return Ok(v.clone());
    }
    match crate::types::lookup(type_ref(v), "__fspath__") {
        Some(f) if !f.is_none() => {
            let r = vm.call(&f, &[v.clone()])?;
            if r.as_pystr().is_some() || is_bytes_obj(&r) {
                Ok(r)
            } else {
                Err(PyErr::type_error(format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    type_name(v),
                    type_name(&r)
                )))
            }
        }
        _ => Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", type_name(v)))),
    }
}

/// A bytes object (or bytes subclass), not a bytearray.
pub fn is_bytes_obj(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Bytes(_)))
}

/// Convert a path argument the way CPython's `path_converter` does.
pub fn path_conv(vm: &mut Vm, v: &Value, fname: &str, argname: &str, allow_fd: bool, nullable: bool) -> PyResult<PathArg> {
    if nullable && v.is_none() {
        return Ok(PathArg::none());
    }
    if allow_fd && v.is_int() && !v.is_bool() {
        let n = v.as_i64().ok_or_else(|| PyErr::overflow("fd is greater than maximum"))?;
        if n > i32::MAX as i64 {
            return Err(PyErr::overflow("fd is greater than maximum"));
        }
        if n < i32::MIN as i64 {
            return Err(PyErr::overflow("fd is less than minimum"));
        }
        return Ok(PathArg { obj: v.clone(), bytes: Vec::new(), is_bytes: false, fd: Some(n as i32), none: false });
    }
    let (obj, bytes, is_bytes) = if let Some(s) = v.as_str() {
        if s.contains('\0') {
            return Err(PyErr::value_error("embedded null byte"));
        }
        (v.clone(), s.as_bytes().to_vec(), false)
    } else if is_bytes_obj(v) {
        (v.clone(), v.as_bytes().map(|b| b.to_vec()).unwrap_or_default(), true)
    } else if crate::types::lookup(type_ref(v), "__fspath__").is_some_and(|f| !f.is_none()) {
        let r = fspath(vm, v)?;
        if let Some(s) = r.as_str() {
            if s.contains('\0') {
                return Err(PyErr::value_error("embedded null byte"));
            }
            let b = s.as_bytes().to_vec();
            (r, b, false)
        } else {
            let b = r.as_bytes().map(|b| b.to_vec()).unwrap_or_default();
            (r, b, true)
        }
    } else if let Some(b) = crate::types::bytes::buffer_bytes(v) {
        (v.clone(), b, true)
    } else {
        let kinds = match (allow_fd, nullable) {
            (true, true) => "string, bytes, os.PathLike, integer or None",
            (true, false) => "string, bytes, os.PathLike or integer",
            (false, true) => "string, bytes, os.PathLike or None",
            (false, false) => "string, bytes or os.PathLike",
        };
        return Err(PyErr::type_error(format!("{fname}: {argname} should be {kinds}, not {}", type_name(v))));
    };
    if is_bytes && bytes.contains(&0) {
        return Err(PyErr::value_error(format!("{fname}: embedded null character in {argname}")));
    }
    Ok(PathArg { obj, bytes, is_bytes, fd: None, none: false })
}

/// Bytes from the OS as a str (UTF-8; invalid sequences replaced).
pub fn decode_os(b: &[u8]) -> Value {
    match std::str::from_utf8(b) {
        Ok(s) => Value::str(s),
        Err(_) => Value::string(String::from_utf8_lossy(b).into_owned()),
    }
}

/// A path result: bytes if the argument was bytes, else str.
pub fn path_value(b: &[u8], as_bytes: bool) -> Value {
    if as_bytes {
        Value::bytes(b.to_vec())
    } else {
        decode_os(b)
    }
}

/// A str/bytes/PathLike value encoded for the OS (for argv/env items).
pub fn encode_os(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    let r = fspath(vm, v).map_err(|_| {
        PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", type_name(v)))
    })?;
    let b = match r.as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => r.as_bytes().map(|b| b.to_vec()).unwrap_or_default(),
    };
    if b.contains(&0) {
        return Err(PyErr::value_error(format!("embedded null byte{what}")));
    }
    Ok(b)
}

// ------------------------------------------------------------------ ints

/// An int argument as i64 (via `__index__`).
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.index_value(v)
}

/// An fd argument (C int).
pub fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let too_big = || PyErr::overflow("Python int too large to convert to C int");
    if v.is_int() && v.as_i64().is_none() {
        return Err(too_big());
    }
    let n = int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| too_big())
}

/// CPython's message for a function that takes no arguments.
pub fn no_args(module: &str, name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!("{module}.{name}() takes no keyword arguments")));
    }
    if !args.is_empty() {
        return Err(PyErr::type_error(format!("{module}.{name}() takes no arguments ({} given)", args.len())));
    }
    Ok(())
}

/// A C int argument.
pub fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    fd_arg(vm, v)
}

/// An fd from an int or an object with `fileno()`.
pub fn fileobj_fd(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let fd = if v.is_int() {
        fd_arg(vm, v)?
    } else {
        let f = vm.getattr_str(v, "fileno").map_err(|_| {
            PyErr::type_error("argument must be an int, or have a fileno() method.")
        })?;
        let r = vm.call(&f, &[])?;
        if !r.is_int() {
            return Err(PyErr::type_error("fileno() returned a non-integer"));
        }
        fd_arg(vm, &r)?
    };
    if fd < 0 {
        return Err(PyErr::value_error(format!("file descriptor cannot be a negative integer ({fd})")));
    }
    Ok(fd)
}

/// A big-or-small int value from i128.
pub fn int128(n: i128) -> Value {
    if let Ok(x) = i64::try_from(n) {
        Value::int(x)
    } else {
        Value::bigint(num_bigint::BigInt::from(n))
    }
}

pub fn uint(n: u64) -> Value {
    int128(n as i128)
}

// ------------------------------------------------------------------ struct sequences

/// A struct sequence type with `visible` tuple items and `hidden` extra
/// attributes (kept in the instance's slots), like `os.stat_result`.
/// A hidden name may shadow a visible one (stat_result's float `st_atime`).
pub fn seq_type(module: &str, name: &str, visible: &[&'static str], hidden: &[&'static str], n_unnamed: usize) -> Value {
    let ty = crate::types::structseq::new_type(module, name, visible);
    let tdict = ty.as_obj().map(|o| o.type_data().dict.clone()).unwrap_or_else(dict::new_dict);
    let t = types();
    let readonly = native_function("readonly", seq_readonly, NativeKind::Function, Value::NONE, None);
    for (i, f) in hidden.iter().enumerate() {
        let getter = native_function(f, seq_hidden_get, NativeKind::Function, Value::int(i as i64), None);
        let prop = PyObject::new(
            t.property.as_obj().unwrap(),
            Payload::Property(RefCell::new([getter, readonly.clone(), readonly.clone(), Value::NONE, Value::str(f)])),
        );
        dict::dict_set_str(&tdict, f, Value::from_obj(prop));
    }
    let named: Vec<Value> = visible[..visible.len() - n_unnamed].iter().map(|f| Value::str(f)).collect();
    dict::dict_set_str(&tdict, "__match_args__", Value::tuple(named));
    dict::dict_set_str(&tdict, "n_fields", Value::int((visible.len() + hidden.len()) as i64));
    dict::dict_set_str(&tdict, "n_sequence_fields", Value::int(visible.len() as i64));
    dict::dict_set_str(&tdict, "n_unnamed_fields", Value::int(n_unnamed as i64));
    let all: Vec<Value> = visible.iter().chain(hidden.iter()).map(|f| Value::str(f)).collect();
    dict::dict_set_str(&tdict, "_krait_fields", Value::tuple(all));
    dict::dict_set_str(&tdict, "_krait_hidden", Value::tuple(hidden.iter().map(|f| Value::str(f)).collect()));
    add_native(&ty, "__new__", seq_new, NativeKind::StaticMethod);
    crate::types::add_method(&ty, "__reduce__", seq_reduce);
    // The visible field getters of structseq read tuple items; the repr
    // uses __match_args__ for names, so restore the visible names for it.
    dict::dict_set_str(&tdict, "_krait_visible", Value::tuple(visible.iter().map(|f| Value::str(f)).collect()));
    crate::types::add_method(&ty, "__repr__", seq_repr);
    ty
}

fn hidden_names(ty: &PyObject) -> Vec<String> {
    crate::types::lookup(ty, "_krait_hidden")
        .and_then(|m| m.as_tuple().map(|t| t.iter().filter_map(|x| x.as_str().map(|s| s.to_string())).collect()))
        .unwrap_or_default()
}

/// An instance of a `seq_type` type.
pub fn seq_new_instance(ty: &Value, visible: Vec<Value>, hidden: Vec<Value>) -> Value {
    let Some(tobj) = ty.as_obj() else { return Value::NONE };
    let o = PyObject::new_with_slots(tobj, Payload::Tuple(visible.into_boxed_slice()), hidden.len());
    {
        let mut s = o.slots.borrow_mut();
        for (i, h) in hidden.into_iter().enumerate() {
            s[i] = h;
        }
    }
    Value::from_obj(o)
}

fn seq_readonly(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("readonly attribute"))
}

fn seq_hidden_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let i = args.first().and_then(|i| i.as_i64()).unwrap_or(0) as usize;
    let obj = args.get(1).ok_or_else(|| PyErr::type_error("descriptor needs an instance"))?;
    let o = obj.as_obj().ok_or_else(|| PyErr::type_error("descriptor applied to a non-struct-sequence"))?;
    let v = o.slots.borrow().get(i).cloned();
    match v {
        Some(v) if !v.is_null() => Ok(v),
        _ => Ok(Value::NONE),
    }
}

fn seq_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [cls, seq, d] = crate::args::bind("structseq", args, kw, &["cls", "sequence", "dict="])?;
    let cls = cls.unwrap_or(Value::NONE);
    let Some(cobj) = cls.as_obj().filter(|o| o.as_type().is_some()) else {
        return Err(PyErr::type_error("structseq.__new__(X): X is not a type object"));
    };
    let nvis = crate::types::lookup(cobj, "n_sequence_fields").and_then(|v| v.as_i64()).unwrap_or(0) as usize;
    let nall = crate::types::lookup(cobj, "n_fields").and_then(|v| v.as_i64()).unwrap_or(0) as usize;
    let hidden = hidden_names(cobj);
    let items = vm.collect(&seq.unwrap_or(Value::NONE))?;
    let name = {
        let td = cobj.type_data();
        let m = dict::dict_get_str(&td.dict, "__module__").and_then(|m| m.as_str().map(|s| s.to_string()));
        let n = td.name.borrow().clone();
        match m {
            Some(m) => format!("{m}.{n}"),
            None => n,
        }
    };
    let n = items.len();
    if n < nvis {
        return Err(PyErr::type_error(if nvis == nall {
            format!("{name}() takes a {nvis}-sequence ({n}-sequence given)")
        } else {
            format!("{name}() takes an at least {nvis}-sequence ({n}-sequence given)")
        }));
    }
    if n > nall {
        return Err(PyErr::type_error(if nvis == nall {
            format!("{name}() takes a {nvis}-sequence ({n}-sequence given)")
        } else {
            format!("{name}() takes an at most {nall}-sequence ({n}-sequence given)")
        }));
    }
    let vis = items[..nvis].to_vec();
    let mut hid: Vec<Value> = items[nvis..].to_vec();
    let d = d.filter(|d| !d.is_none());
    let visible_names: Vec<String> = crate::types::lookup(cobj, "_krait_visible")
        .and_then(|m| m.as_tuple().map(|t| t.iter().filter_map(|x| x.as_str().map(|s| s.to_string())).collect()))
        .unwrap_or_default();
    for hname in hidden.iter().skip(hid.len()) {
        let mut v = match &d {
            Some(d) => vm.call_method(d, "get", &[Value::str(hname)])?,
            None => Value::NONE,
        };
        // A hidden field shadowing a visible one defaults to it (stat_result.st_atime).
        if v.is_none() {
            if let Some(i) = visible_names.iter().position(|n| n == hname) {
                v = vis[i].clone();
            }
        }
        hid.push(v);
    }
    let o = PyObject::new_with_slots(cobj, Payload::Tuple(vis.into_boxed_slice()), hid.len());
    {
        let mut s = o.slots.borrow_mut();
        for (i, h) in hid.into_iter().enumerate() {
            s[i] = h;
        }
    }
    Ok(Value::from_obj(o))
}

fn seq_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[0];
    let items = v.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let d = dict::new_dict();
    if let Some(o) = v.as_obj() {
        let names = hidden_names(o.ty());
        let slots = o.slots.borrow().to_vec();
        for (n, x) in names.iter().zip(slots) {
            dict::dict_set_str(&d, n, if x.is_null() { Value::NONE } else { x });
        }
    }
    Ok(Value::tuple(vec![crate::types::type_of(v), Value::tuple(vec![Value::tuple(items), d])]))
}

fn seq_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[0];
    let ty = type_ref(v);
    let names: Vec<String> = crate::types::lookup(ty, "_krait_visible")
        .and_then(|m| m.as_tuple().map(|t| t.iter().filter_map(|x| x.as_str().map(|s| s.to_string())).collect()))
        .unwrap_or_default();
    let items = v.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut parts = Vec::with_capacity(items.len());
    for (i, x) in items.iter().enumerate() {
        let r = vm.repr_string(x)?;
        match names.get(i) {
            Some(n) => parts.push(format!("{n}={r}")),
            None => parts.push(r),
        }
    }
    let td = ty.type_data();
    let m = dict::dict_get_str(&td.dict, "__module__").and_then(|m| m.as_str().map(|s| s.to_string()));
    let n = td.name.borrow().clone();
    let full = match m {
        Some(m) if m != "builtins" => format!("{m}.{n}"),
        _ => n,
    };
    Ok(Value::string(format!("{full}({})", parts.join(", "))))
}

/// Add integer constants to a module.
pub fn add_ints(m: &Value, items: &[(&str, i64)]) {
    for (n, v) in items {
        crate::types::module::set_attr(m, n, Value::int(*v));
    }
}
