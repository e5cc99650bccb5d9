//! `pwd` and `grp`: the password and group databases.

use super::common::*;
use crate::modules::native::GilSlot;
use crate::types::module::{add_function, new_module, set_attr};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::ffi::{CStr, CString};

static PASSWD_T: GilSlot = GilSlot::new();
static GROUP_T: GilSlot = GilSlot::new();

fn passwd_type() -> Value {
    PASSWD_T.get_or_init(|| {
        seq_type("pwd", "struct_passwd", &["pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"], &[], 0)
    })
}

fn group_type() -> Value {
    GROUP_T.get_or_init(|| seq_type("grp", "struct_group", &["gr_name", "gr_passwd", "gr_gid", "gr_mem"], &[], 0))
}

fn cs(p: *const libc::c_char) -> Value {
    if p.is_null() {
        return Value::NONE;
    }
    // SAFETY: non-null C string from the C library.
    decode_os(unsafe { CStr::from_ptr(p) }.to_bytes())
}

fn passwd_value(p: &libc::passwd) -> Value {
    seq_new_instance(
        &passwd_type(),
        vec![
            cs(p.pw_name),
            cs(p.pw_passwd),
            Value::int(p.pw_uid as i64),
            Value::int(p.pw_gid as i64),
            cs(p.pw_gecos),
            cs(p.pw_dir),
            cs(p.pw_shell),
        ],
        vec![],
    )
}

fn group_value(g: &libc::group) -> Value {
    let mut mem = Vec::new();
    if !g.gr_mem.is_null() {
        let mut i = 0;
        loop {
            // SAFETY: gr_mem is a null-terminated array of C strings.
            let p = unsafe { *g.gr_mem.add(i) };
            if p.is_null() {
                break;
            }
            mem.push(cs(p));
            i += 1;
        }
    }
    seq_new_instance(&group_type(), vec![cs(g.gr_name), cs(g.gr_passwd), Value::int(g.gr_gid as i64), Value::list(mem)], vec![])
}

/// Call a `get*_r` function with a growing buffer.
fn lookup_r<T>(mut f: impl FnMut(&mut T, &mut [u8], &mut *mut T) -> i32) -> Result<Option<Value>, i32>
where
    T: Copy,
    for<'a> &'a T: ToValue,
{
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: T is a plain C struct; zeroed is a valid initial state.
        let mut ent: T = unsafe { std::mem::zeroed() };
        let mut res: *mut T = std::ptr::null_mut();
        let r = f(&mut ent, &mut buf, &mut res);
        if r == libc::ERANGE && buf.len() < (1 << 24) {
            let n = buf.len() * 2;
            buf.resize(n, 0);
            continue;
        }
        if res.is_null() {
            return if r == 0 || r == libc::ENOENT || r == libc::ESRCH || r == libc::EBADF || r == libc::EPERM {
                Ok(None)
            } else {
                Err(r)
            };
        }
        return Ok(Some((&ent).to_value()));
    }
}

trait ToValue {
    fn to_value(self) -> Value;
}
impl ToValue for &libc::passwd {
    fn to_value(self) -> Value {
        passwd_value(self)
    }
}
impl ToValue for &libc::group {
    fn to_value(self) -> Value {
        group_value(self)
    }
}

fn key_err(msg: String) -> PyErr {
    PyErr::key_error(Value::string(msg))
}

fn name_arg(args: &[Value], kw: &[Value], fname: &str) -> PyResult<(String, CString)> {
    crate::args::check_arity(fname, args, kw, 1, 1)?;
    let s = args[0]
        .as_str()
        .ok_or_else(|| PyErr::type_error(format!("{fname}() argument must be str, not {}", type_name(&args[0]))))?
        .to_string();
    if s.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    let c = CString::new(s.clone()).unwrap_or_default();
    Ok((s, c))
}

fn id_of(vm: &mut Vm, v: &Value) -> PyResult<Option<u32>> {
    let n = int_arg(vm, v)?;
    if n < 0 || n > u32::MAX as i64 {
        return Ok(None);
    }
    Ok(Some(n as u32))
}

/// A lookup's entry; KeyError `not_found()` when there is none.
fn found(r: Result<Option<Value>, i32>, not_found: impl FnOnce() -> String) -> PyResult<Value> {
    match r {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(key_err(not_found())),
        Err(e) => Err(sys_err(e)),
    }
}

fn getpwnam(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, c) = name_arg(args, kw, "getpwnam")?;
    let _ = vm;
    let r = lookup_r::<libc::passwd>(|ent, buf, res| {
        // SAFETY: all pointers are valid for the call.
        unsafe { libc::getpwnam_r(c.as_ptr(), ent, buf.as_mut_ptr() as *mut libc::c_char, buf.len(), res) }
    });
    found(r, || format!("getpwnam(): name not found: {}", crate::text::strmethods::str_repr(&s)))
}

fn getpwuid(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getpwuid", args, kw, 1, 1)?;
    let Some(uid) = id_of(vm, &args[0])? else {
        return Err(key_err("getpwuid(): uid not found".into()));
    };
    let r = lookup_r::<libc::passwd>(|ent, buf, res| {
        // SAFETY: all pointers are valid for the call.
        unsafe { libc::getpwuid_r(uid, ent, buf.as_mut_ptr() as *mut libc::c_char, buf.len(), res) }
    });
    found(r, || format!("getpwuid(): uid not found: {uid}"))
}

fn getpwall(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getpwall", args, kw, 0, 0)?;
    let mut out = Vec::new();
    // SAFETY: the non-reentrant iteration API, used under the GIL.
    unsafe {
        libc::setpwent();
        loop {
            let p = libc::getpwent();
            if p.is_null() {
                break;
            }
            out.push(passwd_value(&*p));
        }
        libc::endpwent();
    }
    Ok(Value::list(out))
}

fn getgrnam(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, c) = name_arg(args, kw, "getgrnam")?;
    let _ = vm;
    let r = lookup_r::<libc::group>(|ent, buf, res| {
        // SAFETY: all pointers are valid for the call.
        unsafe { libc::getgrnam_r(c.as_ptr(), ent, buf.as_mut_ptr() as *mut libc::c_char, buf.len(), res) }
    });
    found(r, || format!("getgrnam(): name not found: {}", crate::text::strmethods::str_repr(&s)))
}

fn getgrgid(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [id] = crate::args::bind("getgrgid", args, kw, &["id"])?;
    let Some(gid) = id_of(vm, &id.unwrap_or(Value::NONE))? else {
        return Err(key_err("getgrgid(): gid not found".into()));
    };
    let r = lookup_r::<libc::group>(|ent, buf, res| {
        // SAFETY: all pointers are valid for the call.
        unsafe { libc::getgrgid_r(gid, ent, buf.as_mut_ptr() as *mut libc::c_char, buf.len(), res) }
    });
    found(r, || format!("getgrgid(): gid not found: {gid}"))
}

fn getgrall(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getgrall", args, kw, 0, 0)?;
    let mut out = Vec::new();
    // SAFETY: the non-reentrant iteration API, used under the GIL.
    unsafe {
        libc::setgrent();
        loop {
            let g = libc::getgrent();
            if g.is_null() {
                break;
            }
            out.push(group_value(&*g));
        }
        libc::endgrent();
    }
    Ok(Value::list(out))
}

pub fn make_pwd() -> Value {
    let m = new_module("pwd");
    add_function(&m, "getpwuid", getpwuid);
    add_function(&m, "getpwnam", getpwnam);
    add_function(&m, "getpwall", getpwall);
    set_attr(&m, "struct_passwd", passwd_type());
    m
}

pub fn make_grp() -> Value {
    let m = new_module("grp");
    add_function(&m, "getgrgid", getgrgid);
    add_function(&m, "getgrnam", getgrnam);
    add_function(&m, "getgrall", getgrall);
    set_attr(&m, "struct_group", group_type());
    m
}
