//! `fcntl`: fcntl, ioctl, flock, lockf and their constants.

use super::common::*;
use super::posix::retry_os;
use crate::args::bind;
use crate::object::Payload;
use crate::types::module::{add_function, new_module};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

fn req(v: Option<Value>) -> Value {
    v.unwrap_or(Value::NONE)
}

fn sys_fcntl_int(fd: i32, cmd: i32, arg: libc::c_long) -> Result<i32, i32> {
    // SAFETY: plain syscall with an integer argument.
    check(unsafe { libc::fcntl(fd, cmd, arg) })
}

fn sys_fcntl_buf(fd: i32, cmd: i32, buf: &mut [u8]) -> Result<i32, i32> {
    // SAFETY: buf is valid for its length (at least 1024 bytes).
    check(unsafe { libc::fcntl(fd, cmd, buf.as_mut_ptr()) })
}

fn fcntl(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, cmd, arg] = bind("fcntl", args, kw, &["fd", "cmd", "arg=", "/"])?;
    let fd = fileobj_fd(vm, &req(fd))?;
    let cmd = c_int(vm, &req(cmd))?;
    let arg = arg.unwrap_or(Value::int(0));
    let data: Option<Vec<u8>> = if let Some(s) = arg.as_str() {
        Some(s.as_bytes().to_vec())
    } else if arg.is_int() {
        None
    } else {
        match crate::types::bytes::buffer_bytes(&arg) {
            Some(b) => Some(b),
            None => {
                return Err(PyErr::type_error(format!(
                    "argument must be an integer, a bytes-like object, or a string, not {}",
                    type_name(&arg)
                )))
            }
        }
    };
    match data {
        Some(d) => {
            if d.len() > 1024 {
                return Err(PyErr::value_error("fcntl string arg too long"));
            }
            let mut buf = vec![0u8; 1024];
            buf[..d.len()].copy_from_slice(&d);
            retry_os(vm, || sys_fcntl_buf(fd, cmd, &mut buf))?;
            Ok(Value::bytes(buf[..d.len()].to_vec()))
        }
        None => {
            let a = int_arg(vm, &arg)?;
            let r = retry_os(vm, || sys_fcntl_int(fd, cmd, a as libc::c_long))?;
            Ok(Value::int(r as i64))
        }
    }
}

fn ioctl(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, req_, arg, mutate] = bind("ioctl", args, kw, &["fd", "request", "arg=", "mutate_flag=", "/"])?;
    let fd = fileobj_fd(vm, &req(fd))?;
    let request = int_arg(vm, &req(req_))? as libc::c_ulong;
    let arg = arg.unwrap_or(Value::int(0));
    let mutate = match mutate {
        Some(m) => vm.truthy(&m)?,
        None => true,
    };
    if arg.is_int() {
        let a = int_arg(vm, &arg)?;
        // SAFETY: integer-argument ioctl.
        let r = os_check(unsafe { libc::ioctl(fd, request as _, a as libc::c_long) })?;
        return Ok(Value::int(r as i64));
    }
    let writable = matches!(arg.as_obj().map(|o| &o.payload), Some(Payload::ByteArray(_)));
    let d = match arg.as_str() {
        Some(s) => s.as_bytes().to_vec(),
        None => crate::types::bytes::buffer_bytes(&arg).ok_or_else(|| {
            PyErr::type_error(format!(
                "argument must be an integer, a bytes-like object, or a string, not {}",
                type_name(&arg)
            ))
        })?,
    };
    let mut buf = vec![0u8; d.len().max(1024) + 1];
    buf[..d.len()].copy_from_slice(&d);
    // SAFETY: buf is valid and larger than the argument.
    let r = os_check(unsafe { libc::ioctl(fd, request as _, buf.as_mut_ptr()) })?;
    if writable && mutate {
        if let Some(Payload::ByteArray(b)) = arg.as_obj().map(|o| &o.payload) {
            let mut b = b.borrow_mut();
            let n = b.len().min(d.len());
            b[..n].copy_from_slice(&buf[..n]);
        }
        return Ok(Value::int(r as i64));
    }
    if d.len() > 1024 && !writable {
        return Err(PyErr::value_error("ioctl string arg too long"));
    }
    Ok(Value::bytes(buf[..d.len()].to_vec()))
}

fn flock(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, op] = bind("flock", args, kw, &["fd", "operation", "/"])?;
    let fd = fileobj_fd(vm, &req(fd))?;
    let op = c_int(vm, &req(op))?;
    retry_os(vm, || {
        // SAFETY: plain syscall.
        check(unsafe { libc::flock(fd, op) })
    })?;
    Ok(Value::NONE)
}

fn lockf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, cmd, len, start, whence] = bind("lockf", args, kw, &["fd", "cmd", "len=", "start=", "whence=", "/"])?;
    let fd = fileobj_fd(vm, &req(fd))?;
    let cmd = c_int(vm, &req(cmd))?;
    let len = match len {
        Some(v) => int_arg(vm, &v)?,
        None => 0,
    };
    let start = match start {
        Some(v) => int_arg(vm, &v)?,
        None => 0,
    };
    let whence = match whence {
        Some(v) => c_int(vm, &v)?,
        None => 0,
    };
    let ltype = if cmd == libc::LOCK_UN {
        libc::F_UNLCK
    } else if cmd & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if cmd & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(PyErr::value_error("unrecognized lockf argument"));
    };
    let op = if cmd & libc::LOCK_NB != 0 { libc::F_SETLK } else { libc::F_SETLKW };
    retry_os(vm, || {
        // SAFETY: l is a valid flock struct for the call.
        unsafe {
            let mut l: libc::flock = std::mem::zeroed();
            l.l_type = ltype as libc::c_short;
            l.l_whence = whence as libc::c_short;
            l.l_start = start;
            l.l_len = len;
            check(libc::fcntl(fd, op, &l))
        }
    })?;
    Ok(Value::NONE)
}

pub fn make() -> Value {
    let m = new_module("fcntl");
    add_function(&m, "fcntl", fcntl);
    add_function(&m, "ioctl", ioctl);
    add_function(&m, "flock", flock);
    add_function(&m, "lockf", lockf);
    let ints: &[(&str, i64)] = &[
        ("DN_ACCESS", 1),
        ("DN_ATTRIB", 32),
        ("DN_CREATE", 4),
        ("DN_DELETE", 8),
        ("DN_MODIFY", 2),
        ("DN_MULTISHOT", 2147483648),
        ("DN_RENAME", 16),
        ("FASYNC", 8192),
        ("FD_CLOEXEC", libc::FD_CLOEXEC as i64),
        ("F_ADD_SEALS", libc::F_ADD_SEALS as i64),
        ("F_DUPFD", libc::F_DUPFD as i64),
        ("F_DUPFD_CLOEXEC", libc::F_DUPFD_CLOEXEC as i64),
        ("F_EXLCK", 4),
        ("F_GETFD", libc::F_GETFD as i64),
        ("F_GETFL", libc::F_GETFL as i64),
        ("F_GETLEASE", libc::F_GETLEASE as i64),
        ("F_GETLK", libc::F_GETLK as i64),
        ("F_GETLK64", libc::F_GETLK as i64),
        ("F_GETOWN", libc::F_GETOWN as i64),
        ("F_GETPIPE_SZ", libc::F_GETPIPE_SZ as i64),
        ("F_GETSIG", 11),
        ("F_GET_SEALS", libc::F_GET_SEALS as i64),
        ("F_NOTIFY", libc::F_NOTIFY as i64),
        ("F_OFD_GETLK", libc::F_OFD_GETLK as i64),
        ("F_OFD_SETLK", libc::F_OFD_SETLK as i64),
        ("F_OFD_SETLKW", libc::F_OFD_SETLKW as i64),
        ("F_RDLCK", libc::F_RDLCK as i64),
        ("F_SEAL_GROW", libc::F_SEAL_GROW as i64),
        ("F_SEAL_SEAL", libc::F_SEAL_SEAL as i64),
        ("F_SEAL_SHRINK", libc::F_SEAL_SHRINK as i64),
        ("F_SEAL_WRITE", libc::F_SEAL_WRITE as i64),
        ("F_SETFD", libc::F_SETFD as i64),
        ("F_SETFL", libc::F_SETFL as i64),
        ("F_SETLEASE", libc::F_SETLEASE as i64),
        ("F_SETLK", libc::F_SETLK as i64),
        ("F_SETLK64", libc::F_SETLK as i64),
        ("F_SETLKW", libc::F_SETLKW as i64),
        ("F_SETLKW64", libc::F_SETLKW as i64),
        ("F_SETOWN", libc::F_SETOWN as i64),
        ("F_SETPIPE_SZ", libc::F_SETPIPE_SZ as i64),
        ("F_SETSIG", 10),
        ("F_SHLCK", 8),
        ("F_UNLCK", libc::F_UNLCK as i64),
        ("F_WRLCK", libc::F_WRLCK as i64),
        ("LOCK_EX", libc::LOCK_EX as i64),
        ("LOCK_MAND", 32),
        ("LOCK_NB", libc::LOCK_NB as i64),
        ("LOCK_READ", 64),
        ("LOCK_RW", 192),
        ("LOCK_SH", libc::LOCK_SH as i64),
        ("LOCK_UN", libc::LOCK_UN as i64),
        ("LOCK_WRITE", 128),
    ];
    add_ints(&m, ints);
    m
}
