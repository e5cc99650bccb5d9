//! Shared libraries: `dlopen`, `dlclose`, `dlsym` (and the symbol lookup
//! used by `CFuncPtr((name, dll))` and `in_dll`).

use super::stg::{self, tname};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::ffi::{CStr, CString};

/// The text of the last `dlerror()` (or a fallback).
pub fn dl_error(fallback: &str) -> String {
    // SAFETY: dlerror returns NULL or a NUL-terminated message.
    unsafe {
        let e = libc::dlerror();
        if e.is_null() {
            fallback.to_string()
        } else {
            CStr::from_ptr(e).to_string_lossy().into_owned()
        }
    }
}

/// `dlsym(handle, name)`, or None (then `dl_error` says why).
pub fn sym(handle: usize, name: &str) -> Option<usize> {
    let c = CString::new(name).ok()?;
    // SAFETY: a handle from dlopen (or RTLD_DEFAULT = 0) and a C string.
    unsafe {
        libc::dlerror();
        let p = libc::dlsym(handle as *mut libc::c_void, c.as_ptr());
        if p.is_null() {
            None
        } else {
            Some(p as usize)
        }
    }
}

fn name_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<CString>> {
    if v.is_none() {
        return Ok(None);
    }
    let s = match v.as_str() {
        Some(s) => s.to_string(),
        None => {
            // A path-like object.
            let os = crate::import::import_module(vm, "os")?;
            let fs = vm.call_method(&os, "fspath", &[v.clone()])?;
            match fs.as_str() {
                Some(s) => s.to_string(),
                None => return Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", tname(v)))),
            }
        }
    };
    CString::new(s).map(Some).map_err(|_| PyErr::value_error("embedded null byte"))
}

pub fn m_dlopen(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("dlopen", args, kw, 0, 2)?;
    let name = match args.first() {
        Some(v) => name_arg(vm, v)?,
        None => None,
    };
    let mode = match args.get(1) {
        Some(m) => vm.index_value(m)? as i32,
        None => libc::RTLD_NOW | libc::RTLD_LOCAL,
    };
    let mode = mode | libc::RTLD_NOW;
    let p = name.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: NULL or a C string.
    let h = crate::gil::allow_threads(vm, || unsafe {
        libc::dlerror();
        libc::dlopen(p, mode) as usize
    });
    if h == 0 {
        let msg = dl_error("dlopen() error");
        return Err(PyErr::os_error(msg));
    }
    Ok(stg::pointer_value(h))
}

pub fn m_dlclose(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("dlclose", args, kw, 1, 1)?;
    let h = stg::int_as_pointer(&args[0])?;
    // SAFETY: the caller passes a handle from dlopen, as in CPython.
    let r = unsafe { libc::dlclose(h as *mut libc::c_void) };
    if r != 0 {
        return Err(PyErr::os_error(dl_error("dlclose() error")));
    }
    Ok(Value::NONE)
}

pub fn m_dlsym(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("dlsym", args, kw, 2, 2)?;
    let h = stg::int_as_pointer(&args[0])?;
    let Some(name) = args[1].as_str() else {
        return Err(PyErr::type_error(format!("dlsym() argument 2 must be str, not {}", tname(&args[1]))));
    };
    match sym(h, name) {
        Some(p) => Ok(stg::pointer_value(p)),
        None => Err(PyErr::os_error(dl_error("symbol not found"))),
    }
}
