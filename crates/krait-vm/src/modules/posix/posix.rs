//! `posix`: the file-system and fd functions behind `os` (process functions
//! are in proc.rs, `scandir` in scandir.rs). Each system call sits in a
//! small `sys_*` function returning the errno on failure, so that blocking
//! ones can later release the GIL.

use super::common::*;
use crate::args::bind;
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::dict;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::ffi::CString;

type SysResult<T> = Result<T, i32>;

/// Run the system call `f` without the GIL, retrying while it fails with
/// EINTR after delivering pending signals (PEP 475). `f` must not touch
/// Python objects.
pub fn retry<T>(vm: &mut Vm, mut f: impl FnMut() -> SysResult<T>) -> PyResult<Result<T, i32>> {
    loop {
        match crate::gil::allow_threads(vm, &mut f) {
            Err(libc::EINTR) => crate::interp::signals::periodic_check(vm)?,
            r => return Ok(r),
        }
    }
}

/// `retry`, with a failure as an OSError.
pub fn retry_os<T>(vm: &mut Vm, f: impl FnMut() -> SysResult<T>) -> PyResult<T> {
    retry(vm, f)?.map_err(sys_err)
}

pub fn dir_fd_arg(vm: &mut Vm, v: &Option<Value>) -> PyResult<i32> {
    match v {
        None => Ok(libc::AT_FDCWD),
        Some(x) if x.is_none() => Ok(libc::AT_FDCWD),
        Some(x) => {
            if !x.is_int() && crate::types::lookup(crate::types::type_ref(x), "__index__").is_none() {
                return Err(PyErr::type_error(format!(
                    "argument should be integer or None, not {}",
                    type_name(x)
                )));
            }
            fd_arg(vm, x)
        }
    }
}

pub fn flag_arg(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(x) => vm.truthy(x),
    }
}

fn req(v: Option<Value>) -> Value {
    v.unwrap_or(Value::NONE)
}

fn fd_and_follow_error(fname: &str) -> PyErr {
    PyErr::value_error(format!("{fname}: cannot use fd and follow_symlinks together"))
}

// ------------------------------------------------------------------ stat

fn sys_fstatat(dirfd: i32, path: &CString, flags: i32) -> SysResult<libc::stat> {
    // SAFETY: st is written by the call; path is a valid C string.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        check(libc::fstatat(dirfd, path.as_ptr(), &mut st, flags))?;
        Ok(st)
    }
}

pub fn sys_fstat(fd: i32) -> SysResult<libc::stat> {
    // SAFETY: st is written by the call.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        check(libc::fstat(fd, &mut st))?;
        Ok(st)
    }
}

/// stat/lstat of a converted path (fd, or path relative to dir_fd).
pub fn do_stat(vm: &mut Vm, p: &PathArg, dir_fd: i32, follow: bool) -> PyResult<libc::stat> {
    let r = if let Some(fd) = p.fd {
        retry(vm, || sys_fstat(fd))?
    } else {
        let c = p.c();
        let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
        retry(vm, || sys_fstatat(dir_fd, &c, flags))?
    };
    r.map_err(|e| os_err(e, Some(p.obj.clone()), None))
}

fn stat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, dir_fd, follow] = bind("stat", args, kw, &["path", "*", "dir_fd=", "follow_symlinks="])?;
    let p = path_conv(vm, &req(path), "stat", "path", true, false)?;
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    let follow = flag_arg(vm, &follow, true)?;
    if p.fd.is_some() && dfd != libc::AT_FDCWD {
        return Err(PyErr::value_error("stat: can't specify dir_fd without matching path"));
    }
    if p.fd.is_some() && !follow {
        return Err(fd_and_follow_error("stat"));
    }
    let st = do_stat(vm, &p, dfd, follow)?;
    Ok(super::stat::stat_value(&st))
}

fn lstat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, dir_fd] = bind("lstat", args, kw, &["path", "*", "dir_fd="])?;
    let p = path_conv(vm, &req(path), "lstat", "path", false, false)?;
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    let st = do_stat(vm, &p, dfd, false)?;
    Ok(super::stat::stat_value(&st))
}

fn fstat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("fstat", args, kw, &["fd"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let st = retry_os(vm, || sys_fstat(fd))?;
    Ok(super::stat::stat_value(&st))
}

fn access(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, mode, dir_fd, eff, follow] =
        bind("access", args, kw, &["path", "mode", "*", "dir_fd=", "effective_ids=", "follow_symlinks="])?;
    let p = path_conv(vm, &req(path), "access", "path", false, false)?;
    let mode = c_int(vm, &req(mode))?;
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    let mut flags = 0;
    if flag_arg(vm, &eff, false)? {
        flags |= libc::AT_EACCESS;
    }
    if !flag_arg(vm, &follow, true)? {
        flags |= libc::AT_SYMLINK_NOFOLLOW;
    }
    let c = p.c();
    // SAFETY: valid C string.
    let r = unsafe { libc::faccessat(dfd, c.as_ptr(), mode, flags) };
    Ok(Value::bool(r == 0))
}

// ------------------------------------------------------------------ directories

fn chdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path] = bind("chdir", args, kw, &["path"])?;
    let p = path_conv(vm, &req(path), "chdir", "path", true, false)?;
    // SAFETY: valid C string / fd.
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fchdir(fd),
            None => libc::chdir(p.c().as_ptr()),
        }
    };
    if r < 0 {
        return Err(path_err(&p));
    }
    Ok(Value::NONE)
}

fn fchdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("fchdir", args, kw, &["fd"])?;
    let fd = fileobj_fd(vm, &req(fd))?;
    // SAFETY: plain syscall.
    os_check(unsafe { libc::fchdir(fd) })?;
    Ok(Value::NONE)
}

pub fn getcwd_bytes() -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; 1024];
    loop {
        // SAFETY: buf has buf.len() bytes.
        let p = unsafe { libc::getcwd(buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
        if !p.is_null() {
            let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
            buf.truncate(n);
            return Ok(buf);
        }
        let e = errno();
        if e != libc::ERANGE || buf.len() > 1 << 20 {
            return Err(e);
        }
        let n = buf.len() * 2;
        buf.resize(n, 0);
    }
}

fn getcwd(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "getcwd", args, kw)?;
    let b = getcwd_bytes().map_err(sys_err)?;
    Ok(decode_os(&b))
}

fn getcwdb(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "getcwdb", args, kw)?;
    let b = getcwd_bytes().map_err(sys_err)?;
    Ok(Value::bytes(b))
}

/// Read all entries (name, d_type, d_ino) of a directory stream, skipping . and ..
pub fn read_dir_entries(dir: *mut libc::DIR) -> SysResult<Vec<(Vec<u8>, u8, u64)>> {
    let mut out = Vec::new();
    loop {
        set_errno(0);
        // SAFETY: dir is a valid open DIR*.
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            let e = errno();
            if e != 0 {
                return Err(e);
            }
            return Ok(out);
        }
        // SAFETY: ent points to a valid dirent until the next readdir.
        let (name, ty, ino) = unsafe {
            let name = std::ffi::CStr::from_ptr((*ent).d_name.as_ptr()).to_bytes().to_vec();
            (name, (*ent).d_type, (*ent).d_ino as u64)
        };
        if name == b"." || name == b".." {
            continue;
        }
        out.push((name, ty, ino));
    }
}

/// Open a directory stream for a path or fd (the fd is duplicated).
pub fn open_dir(p: &PathArg) -> SysResult<*mut libc::DIR> {
    // SAFETY: plain libc calls on valid arguments.
    unsafe {
        let dir = match p.fd {
            Some(fd) => {
                let nfd = libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0);
                if nfd < 0 {
                    return Err(errno());
                }
                let d = libc::fdopendir(nfd);
                if d.is_null() {
                    let e = errno();
                    libc::close(nfd);
                    return Err(e);
                }
                libc::rewinddir(d);
                d
            }
            None => {
                let c = if p.none { CString::new(".").unwrap_or_default() } else { p.c() };
                libc::opendir(c.as_ptr())
            }
        };
        if dir.is_null() {
            return Err(errno());
        }
        Ok(dir)
    }
}

/// The optional `path` argument of `listdir`/`scandir` (a path or an open
/// fd; "." when absent) and the directory stream opened on it.
pub fn open_dir_arg(vm: &mut Vm, fname: &str, args: &[Value], kw: &[Value]) -> PyResult<(PathArg, *mut libc::DIR)> {
    let [path] = bind(fname, args, kw, &["path="])?;
    let p = match path {
        Some(v) => path_conv(vm, &v, fname, "path", true, true)?,
        None => PathArg::none(),
    };
    let dir = open_dir(&p).map_err(|e| {
        let f = if p.none { Value::str(".") } else { p.obj.clone() };
        os_err(e, Some(f), None)
    })?;
    Ok((p, dir))
}

pub fn close_dir(dir: *mut libc::DIR) {
    // SAFETY: dir came from opendir/fdopendir and is closed once.
    unsafe { libc::closedir(dir) };
}

fn listdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (p, dir) = open_dir_arg(vm, "listdir", args, kw)?;
    let r = read_dir_entries(dir);
    close_dir(dir);
    let ents = r.map_err(|e| os_err(e, Some(p.obj.clone()), None))?;
    let as_bytes = p.is_bytes;
    Ok(Value::list(ents.iter().map(|(n, _, _)| path_value(n, as_bytes)).collect()))
}

fn mkdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, mode, dir_fd] = bind("mkdir", args, kw, &["path", "mode=", "*", "dir_fd="])?;
    let p = path_conv(vm, &req(path), "mkdir", "path", false, false)?;
    let mode = match mode {
        Some(m) => c_int(vm, &m)?,
        None => 0o777,
    };
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    let c = p.c();
    // SAFETY: valid C string.
    if unsafe { libc::mkdirat(dfd, c.as_ptr(), mode as libc::mode_t) } < 0 {
        return Err(path_err(&p));
    }
    Ok(Value::NONE)
}

fn unlink_impl(vm: &mut Vm, args: &[Value], kw: &[Value], fname: &str, flags: i32) -> PyResult<Value> {
    let [path, dir_fd] = bind(fname, args, kw, &["path", "*", "dir_fd="])?;
    let p = path_conv(vm, &req(path), fname, "path", false, false)?;
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    let c = p.c();
    // SAFETY: valid C string.
    if unsafe { libc::unlinkat(dfd, c.as_ptr(), flags) } < 0 {
        return Err(path_err(&p));
    }
    Ok(Value::NONE)
}

fn rmdir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unlink_impl(vm, args, kw, "rmdir", libc::AT_REMOVEDIR)
}

fn unlink(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unlink_impl(vm, args, kw, "unlink", 0)
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unlink_impl(vm, args, kw, "remove", 0)
}

fn two_paths(vm: &mut Vm, fname: &str, src: Option<Value>, dst: Option<Value>) -> PyResult<(PathArg, PathArg)> {
    let a = path_conv(vm, &req(src), fname, "src", false, false)?;
    let b = path_conv(vm, &req(dst), fname, "dst", false, false)?;
    Ok((a, b))
}

fn rename_impl(vm: &mut Vm, args: &[Value], kw: &[Value], fname: &str) -> PyResult<Value> {
    let [src, dst, sfd, dfd] = bind(fname, args, kw, &["src", "dst", "*", "src_dir_fd=", "dst_dir_fd="])?;
    let (a, b) = two_paths(vm, fname, src, dst)?;
    let sfd = dir_fd_arg(vm, &sfd)?;
    let dfd = dir_fd_arg(vm, &dfd)?;
    let (ca, cb) = (a.c(), b.c());
    // SAFETY: valid C strings.
    if unsafe { libc::renameat(sfd, ca.as_ptr(), dfd, cb.as_ptr()) } < 0 {
        return Err(path_err2(&a, &b));
    }
    Ok(Value::NONE)
}

fn rename(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rename_impl(vm, args, kw, "rename")
}

fn replace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    rename_impl(vm, args, kw, "replace")
}

fn symlink(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [src, dst, _isdir, dir_fd] = bind("symlink", args, kw, &["src", "dst", "target_is_directory=", "*", "dir_fd="])?;
    let (a, b) = two_paths(vm, "symlink", src, dst)?;
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    let (ca, cb) = (a.c(), b.c());
    // SAFETY: valid C strings.
    if unsafe { libc::symlinkat(ca.as_ptr(), dfd, cb.as_ptr()) } < 0 {
        return Err(path_err2(&a, &b));
    }
    Ok(Value::NONE)
}

fn link(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [src, dst, sfd, dfd, follow] =
        bind("link", args, kw, &["src", "dst", "*", "src_dir_fd=", "dst_dir_fd=", "follow_symlinks="])?;
    let (a, b) = two_paths(vm, "link", src, dst)?;
    let sfd = dir_fd_arg(vm, &sfd)?;
    let dfd = dir_fd_arg(vm, &dfd)?;
    let flags = if flag_arg(vm, &follow, true)? { libc::AT_SYMLINK_FOLLOW } else { 0 };
    let (ca, cb) = (a.c(), b.c());
    // SAFETY: valid C strings.
    if unsafe { libc::linkat(sfd, ca.as_ptr(), dfd, cb.as_ptr(), flags) } < 0 {
        return Err(path_err2(&a, &b));
    }
    Ok(Value::NONE)
}

fn readlink(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, dir_fd] = bind("readlink", args, kw, &["path", "*", "dir_fd="])?;
    let p = path_conv(vm, &req(path), "readlink", "path", false, false)?;
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    let c = p.c();
    let mut buf = vec![0u8; 4096];
    loop {
        // SAFETY: buf has buf.len() bytes.
        let n = unsafe { libc::readlinkat(dfd, c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
        if n < 0 {
            return Err(path_err(&p));
        }
        let n = n as usize;
        if n < buf.len() {
            buf.truncate(n);
            return Ok(path_value(&buf, p.is_bytes));
        }
        let l = buf.len() * 2;
        buf.resize(l, 0);
    }
}

fn chmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, mode, dir_fd, follow] = bind("chmod", args, kw, &["path", "mode", "*", "dir_fd=", "follow_symlinks="])?;
    let p = path_conv(vm, &req(path), "chmod", "path", true, false)?;
    let mode = c_int(vm, &req(mode))? as libc::mode_t;
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    let follow = flag_arg(vm, &follow, true)?;
    // SAFETY: valid fd / C string.
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fchmod(fd, mode),
            None => {
                let c = p.c();
                if follow {
                    libc::fchmodat(dfd, c.as_ptr(), mode, 0)
                } else {
                    libc::fchmodat(dfd, c.as_ptr(), mode, libc::AT_SYMLINK_NOFOLLOW)
                }
            }
        }
    };
    if r < 0 {
        let e = errno();
        if !follow && (e == libc::ENOTSUP || e == libc::EOPNOTSUPP) {
            return Err(PyErr::not_implemented("chmod: follow_symlinks unavailable on this platform"));
        }
        return Err(os_err(e, Some(p.obj.clone()), None));
    }
    Ok(Value::NONE)
}

fn fchmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, mode] = bind("fchmod", args, kw, &["fd", "mode"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let mode = c_int(vm, &req(mode))? as libc::mode_t;
    // SAFETY: plain syscall.
    os_check(unsafe { libc::fchmod(fd, mode) })?;
    Ok(Value::NONE)
}

fn id_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let n = int_arg(vm, v)?;
    if n == -1 {
        return Ok(u32::MAX);
    }
    if n < 0 {
        return Err(PyErr::overflow("uid is less than minimum"));
    }
    if n > u32::MAX as i64 {
        return Err(PyErr::overflow("uid is greater than maximum"));
    }
    Ok(n as u32)
}

fn chown(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, uid, gid, dir_fd, follow] =
        bind("chown", args, kw, &["path", "uid", "gid", "*", "dir_fd=", "follow_symlinks="])?;
    let p = path_conv(vm, &req(path), "chown", "path", true, false)?;
    let uid = id_arg(vm, &req(uid))?;
    let gid = id_arg(vm, &req(gid))?;
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    let follow = flag_arg(vm, &follow, true)?;
    // SAFETY: valid fd / C string.
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fchown(fd, uid, gid),
            None => libc::fchownat(dfd, p.c().as_ptr(), uid, gid, if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW }),
        }
    };
    if r < 0 {
        return Err(path_err(&p));
    }
    Ok(Value::NONE)
}

fn lchown(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, uid, gid] = bind("lchown", args, kw, &["path", "uid", "gid"])?;
    let p = path_conv(vm, &req(path), "lchown", "path", false, false)?;
    let uid = id_arg(vm, &req(uid))?;
    let gid = id_arg(vm, &req(gid))?;
    // SAFETY: valid C string.
    if unsafe { libc::lchown(p.c().as_ptr(), uid, gid) } < 0 {
        return Err(path_err(&p));
    }
    Ok(Value::NONE)
}

fn fchown(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, uid, gid] = bind("fchown", args, kw, &["fd", "uid", "gid"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let uid = id_arg(vm, &req(uid))?;
    let gid = id_arg(vm, &req(gid))?;
    // SAFETY: plain syscall.
    os_check(unsafe { libc::fchown(fd, uid, gid) })?;
    Ok(Value::NONE)
}

/// A time in seconds (int or float) as a timespec.
fn timespec_of(vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    if let Some(f) = v.as_float() {
        if !f.is_finite() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let mut sec = f.floor();
        let mut ns = ((f - sec) * 1e9).round();
        if ns >= 1e9 {
            sec += 1.0;
            ns -= 1e9;
        }
        return Ok(libc::timespec { tv_sec: sec as libc::time_t, tv_nsec: ns as libc::c_long });
    }
    if v.is_int() {
        let s = int_arg(vm, v)?;
        return Ok(libc::timespec { tv_sec: s as libc::time_t, tv_nsec: 0 });
    }
    Err(PyErr::type_error(format!("unsupported type for timestamp: '{}'", type_name(v))))
}

fn ns_timespec(_vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    if !v.is_int() {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))));
    }
    let b = v.to_bigint().unwrap_or_default();
    use num_integer::Integer;
    use num_traits::ToPrimitive;
    let (s, ns) = b.div_mod_floor(&num_bigint::BigInt::from(1_000_000_000));
    let s = s.to_i64().ok_or_else(|| PyErr::overflow("timestamp too large to convert to C _PyTime_t"))?;
    Ok(libc::timespec { tv_sec: s as libc::time_t, tv_nsec: ns.to_i64().unwrap_or(0) as libc::c_long })
}

fn utime(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, times, ns, dir_fd, follow] =
        bind("utime", args, kw, &["path", "times=", "*", "ns=", "dir_fd=", "follow_symlinks="])?;
    let p = path_conv(vm, &req(path), "utime", "path", true, false)?;
    let times = times.filter(|t| !t.is_none());
    let ts: Option<[libc::timespec; 2]> = match (times, ns) {
        (Some(_), Some(_)) => {
            return Err(PyErr::value_error("utime: you may specify either 'times' or 'ns' but not both"));
        }
        (Some(t), None) => {
            let items = match t.as_tuple() {
                Some(it) if it.len() == 2 => it.to_vec(),
                _ => return Err(PyErr::type_error("utime: 'times' must be either a tuple of two ints or None")),
            };
            Some([timespec_of(vm, &items[0])?, timespec_of(vm, &items[1])?])
        }
        (None, Some(n)) => {
            let items = match n.as_tuple() {
                Some(it) if it.len() == 2 => it.to_vec(),
                _ => return Err(PyErr::type_error("utime: 'ns' must be a tuple of two ints")),
            };
            Some([ns_timespec(vm, &items[0])?, ns_timespec(vm, &items[1])?])
        }
        (None, None) => None,
    };
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    let follow = flag_arg(vm, &follow, true)?;
    let tp = ts.as_ref().map_or(std::ptr::null(), |t| t.as_ptr());
    // SAFETY: tp is null or points to two timespecs.
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::futimens(fd, tp),
            None => libc::utimensat(dfd, p.c().as_ptr(), tp, if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW }),
        }
    };
    if r < 0 {
        return Err(path_err(&p));
    }
    Ok(Value::NONE)
}

fn truncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, length] = bind("truncate", args, kw, &["path", "length"])?;
    let p = path_conv(vm, &req(path), "truncate", "path", true, false)?;
    let len = int_arg(vm, &req(length))?;
    // SAFETY: valid fd / C string.
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::ftruncate(fd, len),
            None => libc::truncate(p.c().as_ptr(), len),
        }
    };
    if r < 0 {
        return Err(path_err(&p));
    }
    Ok(Value::NONE)
}

fn ftruncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, length] = bind("ftruncate", args, kw, &["fd", "length", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let len = int_arg(vm, &req(length))?;
    retry_os(vm, || {
        // SAFETY: plain syscall.
        check(unsafe { libc::ftruncate(fd, len) })
    })?;
    Ok(Value::NONE)
}

fn mkfifo(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, mode, dir_fd] = bind("mkfifo", args, kw, &["path", "mode=", "*", "dir_fd="])?;
    let p = path_conv(vm, &req(path), "mkfifo", "path", false, false)?;
    let mode = match mode {
        Some(m) => c_int(vm, &m)?,
        None => 0o666,
    };
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    // SAFETY: valid C string.
    if unsafe { libc::mkfifoat(dfd, p.c().as_ptr(), mode as libc::mode_t) } < 0 {
        return Err(path_err(&p));
    }
    Ok(Value::NONE)
}

fn mknod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, mode, device, dir_fd] = bind("mknod", args, kw, &["path", "mode=", "device=", "*", "dir_fd="])?;
    let p = path_conv(vm, &req(path), "mknod", "path", false, false)?;
    let mode = match mode {
        Some(m) => c_int(vm, &m)?,
        None => 0o600,
    };
    let dev = match device {
        Some(d) => int_arg(vm, &d)?,
        None => 0,
    };
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    // SAFETY: valid C string.
    if unsafe { libc::mknodat(dfd, p.c().as_ptr(), mode as libc::mode_t, dev as libc::dev_t) } < 0 {
        return Err(path_err(&p));
    }
    Ok(Value::NONE)
}

fn major(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [d] = bind("major", args, kw, &["device", "/"])?;
    let d = int_arg(vm, &req(d))? as u64;
    Ok(Value::int(libc::major(d as libc::dev_t) as i64))
}

fn minor(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [d] = bind("minor", args, kw, &["device", "/"])?;
    let d = int_arg(vm, &req(d))? as u64;
    Ok(Value::int(libc::minor(d as libc::dev_t) as i64))
}

fn makedev(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [a, b] = bind("makedev", args, kw, &["major", "minor", "/"])?;
    let a = int_arg(vm, &req(a))? as u32;
    let b = int_arg(vm, &req(b))? as u32;
    Ok(uint(libc::makedev(a, b) as u64))
}

// ------------------------------------------------------------------ statvfs

fn statvfs_value(st: &libc::statvfs) -> Value {
    let ty = statvfs_type();
    let vis = vec![
        uint(st.f_bsize as u64),
        uint(st.f_frsize as u64),
        uint(st.f_blocks as u64),
        uint(st.f_bfree as u64),
        uint(st.f_bavail as u64),
        uint(st.f_files as u64),
        uint(st.f_ffree as u64),
        uint(st.f_favail as u64),
        uint(st.f_flag as u64),
        uint(st.f_namemax as u64),
    ];
    seq_new_instance(&ty, vis, vec![uint(st.f_fsid as u64)])
}

static STATVFS_T: crate::modules::native::GilSlot = crate::modules::native::GilSlot::new();

fn statvfs_type() -> Value {
    STATVFS_T.get_or_init(|| {
        seq_type(
            "os",
            "statvfs_result",
            &["f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax"],
            &["f_fsid"],
            0,
        )
    })
}

fn statvfs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path] = bind("statvfs", args, kw, &["path"])?;
    let p = path_conv(vm, &req(path), "statvfs", "path", true, false)?;
    // SAFETY: st written by the call.
    let (r, st) = unsafe {
        let mut st: libc::statvfs = std::mem::zeroed();
        let r = match p.fd {
            Some(fd) => libc::fstatvfs(fd, &mut st),
            None => libc::statvfs(p.c().as_ptr(), &mut st),
        };
        (r, st)
    };
    if r < 0 {
        return Err(path_err(&p));
    }
    Ok(statvfs_value(&st))
}

fn fstatvfs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("fstatvfs", args, kw, &["fd", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    // SAFETY: st written by the call.
    let (r, st) = unsafe {
        let mut st: libc::statvfs = std::mem::zeroed();
        (libc::fstatvfs(fd, &mut st), st)
    };
    if r < 0 {
        return Err(last_err());
    }
    Ok(statvfs_value(&st))
}

// ------------------------------------------------------------------ fds

fn sys_openat(dirfd: i32, path: &CString, flags: i32, mode: u32) -> SysResult<i32> {
    // SAFETY: valid C string.
    check(unsafe { libc::openat(dirfd, path.as_ptr(), flags, mode as libc::c_uint) })
}

fn open(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, flags, mode, dir_fd] = bind("open", args, kw, &["path", "flags", "mode=", "*", "dir_fd="])?;
    let p = path_conv(vm, &req(path), "open", "path", false, false)?;
    let flags = c_int(vm, &req(flags))? | libc::O_CLOEXEC;
    let mode = match mode {
        Some(m) => c_int(vm, &m)? as u32,
        None => 0o777,
    };
    let dfd = dir_fd_arg(vm, &dir_fd)?;
    let c = p.c();
    let fd = retry(vm, || sys_openat(dfd, &c, flags, mode))?.map_err(|e| os_err(e, Some(p.obj.clone()), None))?;
    Ok(Value::int(fd as i64))
}

pub fn sys_read(fd: i32, n: usize) -> SysResult<Vec<u8>> {
    let mut buf = vec![0u8; n];
    // SAFETY: buf has n bytes.
    let r = check(unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, n) })?;
    buf.truncate(r as usize);
    Ok(buf)
}

pub fn sys_write(fd: i32, data: &[u8]) -> SysResult<usize> {
    // SAFETY: data is a valid slice.
    let r = check(unsafe { libc::write(fd, data.as_ptr() as *const libc::c_void, data.len()) })?;
    Ok(r as usize)
}

fn read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, n] = bind("read", args, kw, &["fd", "length", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let n = int_arg(vm, &req(n))?;
    if n < 0 {
        // CPython: errno EINVAL
        return Err(os_err(libc::EINVAL, None, None));
    }
    // A short read is always allowed: cap the buffer.
    let n = (n as usize).min(1 << 26);
    let b = retry_os(vm, || sys_read(fd, n))?;
    Ok(Value::bytes(b))
}

fn bytes_like(v: &Value) -> PyResult<Vec<u8>> {
    crate::types::bytes::buffer_bytes(v)
        .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

fn write(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, data] = bind("write", args, kw, &["fd", "data", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let data = bytes_like(&req(data))?;
    let n = retry_os(vm, || sys_write(fd, &data))?;
    Ok(Value::int(n as i64))
}

fn pread(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, n, off] = bind("pread", args, kw, &["fd", "length", "offset", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let n = int_arg(vm, &req(n))?;
    let off = int_arg(vm, &req(off))?;
    if n < 0 {
        return Err(os_err(libc::EINVAL, None, None));
    }
    let n = (n as usize).min(1 << 26);
    let buf = retry_os(vm, || {
        let mut buf = vec![0u8; n];
        // SAFETY: buf has n bytes.
        let r = check(unsafe { libc::pread(fd, buf.as_mut_ptr() as *mut libc::c_void, n, off) })?;
        buf.truncate(r as usize);
        Ok(buf)
    })?;
    Ok(Value::bytes(buf))
}

fn pwrite(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, data, off] = bind("pwrite", args, kw, &["fd", "str", "offset", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let data = bytes_like(&req(data))?;
    let off = int_arg(vm, &req(off))?;
    let r = retry_os(vm, || {
        // SAFETY: data is a valid slice.
        check(unsafe { libc::pwrite(fd, data.as_ptr() as *const libc::c_void, data.len(), off) })
    })?;
    Ok(Value::int(r as i64))
}

fn sendfile(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [out_fd, in_fd, offset, count] = bind("sendfile", args, kw, &["out_fd", "in_fd", "offset", "count"])?;
    let out_fd = fd_arg(vm, &req(out_fd))?;
    let in_fd = fd_arg(vm, &req(in_fd))?;
    let offset = req(offset);
    let mut off: Option<i64> = if offset.is_none() { None } else { Some(int_arg(vm, &offset)?) };
    let count = int_arg(vm, &req(count))?.max(0) as usize;
    let r = retry_os(vm, || {
        let mut o = off.unwrap_or(0) as libc::off_t;
        let p = if off.is_some() { &mut o as *mut libc::off_t } else { std::ptr::null_mut() };
        // SAFETY: p is null or a valid off_t.
        let r = unsafe { libc::sendfile(out_fd, in_fd, p, count) };
        if off.is_some() {
            off = Some(o as i64);
        }
        check(r)
    })?;
    Ok(Value::int(r as i64))
}

fn close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("close", args, kw, &["fd"])?;
    let fd = fd_arg(vm, &req(fd))?;
    // SAFETY: plain syscall (EINTR is not retried: the fd is gone).
    let r = unsafe { libc::close(fd) };
    if r < 0 && errno() != libc::EINTR {
        return Err(last_err());
    }
    Ok(Value::NONE)
}

fn closerange(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [lo, hi] = bind("closerange", args, kw, &["fd_low", "fd_high", "/"])?;
    let lo = fd_arg(vm, &req(lo))?.max(0);
    let hi = fd_arg(vm, &req(hi))?;
    close_range(lo, hi);
    Ok(Value::NONE)
}

/// Close every fd in [lo, hi) (errors ignored).
pub fn close_range(lo: i32, hi: i32) {
    let max = max_fd();
    let hi = hi.min(max);
    for fd in lo..hi {
        // SAFETY: closing an fd number; errors ignored.
        unsafe { libc::close(fd) };
    }
}

pub fn max_fd() -> i32 {
    // SAFETY: plain sysconf.
    let n = unsafe { libc::sysconf(libc::_SC_OPEN_MAX) };
    if n <= 0 {
        256
    } else {
        n.min(1 << 20) as i32
    }
}

fn lseek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, pos, how] = bind("lseek", args, kw, &["fd", "position", "whence", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let pos = int_arg(vm, &req(pos))?;
    let how = c_int(vm, &req(how))?;
    // SAFETY: plain syscall.
    let r = os_check(unsafe { libc::lseek(fd, pos, how) })?;
    Ok(Value::int(r))
}

fn dup(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("dup", args, kw, &["fd", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    // SAFETY: plain syscall.
    let r = os_check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) })?;
    Ok(Value::int(r as i64))
}

fn dup2(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, fd2, inh] = bind("dup2", args, kw, &["fd", "fd2", "inheritable="])?;
    let fd = fd_arg(vm, &req(fd))?;
    let fd2 = fd_arg(vm, &req(fd2))?;
    let inh = flag_arg(vm, &inh, true)?;
    // SAFETY: plain syscalls.
    let r = unsafe {
        if inh {
            libc::dup2(fd, fd2)
        } else {
            libc::dup3(fd, fd2, libc::O_CLOEXEC)
        }
    };
    if r < 0 {
        return Err(last_err());
    }
    Ok(Value::int(r as i64))
}

fn sys_pipe2(flags: i32) -> SysResult<(i32, i32)> {
    let mut fds = [0i32; 2];
    // SAFETY: fds has room for two ints.
    check(unsafe { libc::pipe2(fds.as_mut_ptr(), flags) })?;
    Ok((fds[0], fds[1]))
}

fn pipe(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "pipe", args, kw)?;
    let (r, w) = sys_pipe2(libc::O_CLOEXEC).map_err(sys_err)?;
    Ok(Value::tuple(vec![Value::int(r as i64), Value::int(w as i64)]))
}

fn pipe2(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [flags] = bind("pipe2", args, kw, &["flags", "/"])?;
    let flags = c_int(vm, &req(flags))?;
    let (r, w) = sys_pipe2(flags).map_err(sys_err)?;
    Ok(Value::tuple(vec![Value::int(r as i64), Value::int(w as i64)]))
}

fn isatty(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("isatty", args, kw, &["fd", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    // SAFETY: plain call.
    Ok(Value::bool(unsafe { libc::isatty(fd) } == 1))
}

fn fsync(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("fsync", args, kw, &["fd"])?;
    let fd = fileobj_fd(vm, &req(fd))?;
    retry_os(vm, || {
        // SAFETY: plain syscall.
        check(unsafe { libc::fsync(fd) })
    })?;
    Ok(Value::NONE)
}

fn fdatasync(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("fdatasync", args, kw, &["fd"])?;
    let fd = fileobj_fd(vm, &req(fd))?;
    retry_os(vm, || {
        // SAFETY: plain syscall.
        check(unsafe { libc::fdatasync(fd) })
    })?;
    Ok(Value::NONE)
}

fn sync(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // SAFETY: plain syscall.
    unsafe { libc::sync() };
    Ok(Value::NONE)
}

pub fn get_inheritable_fd(fd: i32) -> SysResult<bool> {
    // SAFETY: plain syscall.
    let f = check(unsafe { libc::fcntl(fd, libc::F_GETFD) })?;
    Ok(f & libc::FD_CLOEXEC == 0)
}

/// Set (`on`) or clear `bit` in the flags of `fd` read with the fcntl
/// command `get` and written with `set` (only when they change).
fn update_fd_flag(fd: i32, get: i32, set: i32, bit: i32, on: bool) -> SysResult<()> {
    // SAFETY: plain syscalls.
    unsafe {
        let f = check(libc::fcntl(fd, get))?;
        let nf = if on { f | bit } else { f & !bit };
        if nf != f {
            check(libc::fcntl(fd, set, nf))?;
        }
    }
    Ok(())
}

pub fn set_inheritable_fd(fd: i32, inh: bool) -> SysResult<()> {
    update_fd_flag(fd, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, !inh)
}

fn get_inheritable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("get_inheritable", args, kw, &["fd", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    Ok(Value::bool(get_inheritable_fd(fd).map_err(sys_err)?))
}

fn set_inheritable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, inh] = bind("set_inheritable", args, kw, &["fd", "inheritable", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let inh = c_int(vm, &req(inh))? != 0;
    set_inheritable_fd(fd, inh).map_err(sys_err)?;
    Ok(Value::NONE)
}

fn get_blocking(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("get_blocking", args, kw, &["fd", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    // SAFETY: plain syscall.
    let f = os_check(unsafe { libc::fcntl(fd, libc::F_GETFL) })?;
    Ok(Value::bool(f & libc::O_NONBLOCK == 0))
}

pub fn set_blocking_fd(fd: i32, blocking: bool) -> SysResult<()> {
    update_fd_flag(fd, libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK, !blocking)
}

fn set_blocking(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, b] = bind("set_blocking", args, kw, &["fd", "blocking", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let b = c_int(vm, &req(b))? != 0;
    set_blocking_fd(fd, b).map_err(sys_err)?;
    Ok(Value::NONE)
}

fn urandom(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [n] = bind("urandom", args, kw, &["size", "/"])?;
    let n = int_arg(vm, &req(n))?;
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    if n > 1 << 34 {
        return Err(PyErr::memory_error());
    }
    let mut buf = vec![0u8; n as usize];
    let mut got = 0;
    while got < buf.len() {
        // SAFETY: writes into the remaining part of buf.
        let r = unsafe { libc::getrandom(buf[got..].as_mut_ptr() as *mut libc::c_void, buf.len() - got, 0) };
        if retry_on_eintr(vm, r)? {
            continue;
        }
        got += r as usize;
    }
    Ok(Value::bytes(buf))
}

fn device_encoding(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("device_encoding", args, kw, &["fd"])?;
    let fd = fd_arg(vm, &req(fd))?;
    // SAFETY: plain call.
    if unsafe { libc::isatty(fd) } == 1 {
        return Ok(Value::str("UTF-8"));
    }
    Ok(Value::NONE)
}

fn ttyname(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("ttyname", args, kw, &["fd", "/"])?;
    let fd = fd_arg(vm, &req(fd))?;
    let mut buf = vec![0u8; 256];
    // SAFETY: buf has buf.len() bytes.
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if r != 0 {
        return Err(os_err(r, None, None));
    }
    let n = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    Ok(decode_os(&buf[..n]))
}

fn openpty(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "openpty", args, kw)?;
    let (mut m, mut s) = (0i32, 0i32);
    // SAFETY: out-pointers are valid; the other arguments may be null.
    os_check(unsafe { libc::openpty(&mut m, &mut s, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) })?;
    let _ = set_inheritable_fd(m, false);
    let _ = set_inheritable_fd(s, false);
    Ok(Value::tuple(vec![Value::int(m as i64), Value::int(s as i64)]))
}

static TERMSIZE_T: crate::modules::native::GilSlot = crate::modules::native::GilSlot::new();

fn terminal_size_type() -> Value {
    TERMSIZE_T.get_or_init(|| seq_type("os", "terminal_size", &["columns", "lines"], &[], 0))
}

fn get_terminal_size(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = bind("get_terminal_size", args, kw, &["fd=", "/"])?;
    let fd = match fd {
        Some(f) => fd_arg(vm, &f)?,
        None => 1,
    };
    // SAFETY: ws is written by the ioctl.
    let (r, ws) = unsafe {
        let mut ws: libc::winsize = std::mem::zeroed();
        (libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws), ws)
    };
    if r < 0 {
        return Err(last_err());
    }
    Ok(seq_new_instance(&terminal_size_type(), vec![Value::int(ws.ws_col as i64), Value::int(ws.ws_row as i64)], vec![]))
}

// ------------------------------------------------------------------ misc

fn fspath_fn(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [p] = bind("fspath", args, kw, &["path"])?;
    fspath(vm, &req(p))
}

fn strerror_fn(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [code] = bind("strerror", args, kw, &["code", "/"])?;
    let c = c_int(vm, &req(code))?;
    Ok(Value::string(strerror(c)))
}

fn umask(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [m] = bind("umask", args, kw, &["mask", "/"])?;
    let m = c_int(vm, &req(m))?;
    // SAFETY: plain syscall.
    Ok(Value::int(unsafe { libc::umask(m as libc::mode_t) } as i64))
}

fn cstr_field(f: &[libc::c_char]) -> Value {
    let b: Vec<u8> = f.iter().take_while(|&&c| c != 0).map(|&c| c as u8).collect();
    decode_os(&b)
}

static UNAME_T: crate::modules::native::GilSlot = crate::modules::native::GilSlot::new();

fn uname_type() -> Value {
    UNAME_T.get_or_init(|| seq_type("posix", "uname_result", &["sysname", "nodename", "release", "version", "machine"], &[], 0))
}

fn times_type() -> Value {
    TIMES_T.get_or_init(|| {
        seq_type("posix", "times_result", &["user", "system", "children_user", "children_system", "elapsed"], &[], 0)
    })
}

fn uname(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "uname", args, kw)?;
    // SAFETY: u is written by uname.
    let (r, u) = unsafe {
        let mut u: libc::utsname = std::mem::zeroed();
        (libc::uname(&mut u), u)
    };
    if r < 0 {
        return Err(last_err());
    }
    let ty = uname_type();
    Ok(seq_new_instance(
        &ty,
        vec![cstr_field(&u.sysname), cstr_field(&u.nodename), cstr_field(&u.release), cstr_field(&u.version), cstr_field(&u.machine)],
        vec![],
    ))
}

static TIMES_T: crate::modules::native::GilSlot = crate::modules::native::GilSlot::new();

fn times(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "times", args, kw)?;
    // SAFETY: t is written by times.
    let (c, t) = unsafe {
        let mut t: libc::tms = std::mem::zeroed();
        (libc::times(&mut t), t)
    };
    if c == (-1i64) as libc::clock_t {
        return Err(last_err());
    }
    // SAFETY: plain sysconf.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let ty = times_type();
    Ok(seq_new_instance(
        &ty,
        vec![
            Value::float(t.tms_utime as f64 / hz),
            Value::float(t.tms_stime as f64 / hz),
            Value::float(t.tms_cutime as f64 / hz),
            Value::float(t.tms_cstime as f64 / hz),
            Value::float(c as f64 / hz),
        ],
        vec![],
    ))
}

fn cpu_count(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "cpu_count", args, kw)?;
    // SAFETY: plain sysconf.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n < 1 { Value::NONE } else { Value::int(n as i64) })
}

fn getloadavg(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "getloadavg", args, kw)?;
    let mut l = [0f64; 3];
    // SAFETY: l has room for 3 doubles.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(PyErr::os_error("Load averages are unobtainable"));
    }
    Ok(Value::tuple(l.iter().map(|&x| Value::float(x)).collect()))
}

fn sched_getaffinity(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [pid] = bind("sched_getaffinity", args, kw, &["pid", "/"])?;
    let pid = c_int(vm, &req(pid))?;
    // SAFETY: set is written by the call.
    let (r, set) = unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        (libc::sched_getaffinity(pid, std::mem::size_of::<libc::cpu_set_t>(), &mut set), set)
    };
    if r < 0 {
        return Err(last_err());
    }
    let mut cpus = Vec::new();
    for i in 0..libc::CPU_SETSIZE as usize {
        // SAFETY: i < CPU_SETSIZE.
        if unsafe { libc::CPU_ISSET(i, &set) } {
            cpus.push(Value::int(i as i64));
        }
    }
    let s = vm.call(&crate::types::types().set, &[Value::list(cpus)])?;
    Ok(s)
}

fn sched_yield(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // SAFETY: plain syscall.
    unsafe { libc::sched_yield() };
    Ok(Value::NONE)
}

// sysconf / confstr / pathconf name tables

pub const SYSCONF_NAMES: &[(&str, i32)] = &[
    ("SC_ARG_MAX", libc::_SC_ARG_MAX),
    ("SC_CHILD_MAX", libc::_SC_CHILD_MAX),
    ("SC_CLK_TCK", libc::_SC_CLK_TCK),
    ("SC_NGROUPS_MAX", libc::_SC_NGROUPS_MAX),
    ("SC_OPEN_MAX", libc::_SC_OPEN_MAX),
    ("SC_STREAM_MAX", libc::_SC_STREAM_MAX),
    ("SC_TZNAME_MAX", libc::_SC_TZNAME_MAX),
    ("SC_JOB_CONTROL", libc::_SC_JOB_CONTROL),
    ("SC_SAVED_IDS", libc::_SC_SAVED_IDS),
    ("SC_REALTIME_SIGNALS", libc::_SC_REALTIME_SIGNALS),
    ("SC_VERSION", libc::_SC_VERSION),
    ("SC_PAGESIZE", libc::_SC_PAGESIZE),
    ("SC_PAGE_SIZE", libc::_SC_PAGESIZE),
    ("SC_NPROCESSORS_CONF", libc::_SC_NPROCESSORS_CONF),
    ("SC_NPROCESSORS_ONLN", libc::_SC_NPROCESSORS_ONLN),
    ("SC_PHYS_PAGES", libc::_SC_PHYS_PAGES),
    ("SC_AVPHYS_PAGES", libc::_SC_AVPHYS_PAGES),
    ("SC_IOV_MAX", libc::_SC_IOV_MAX),
    ("SC_LINE_MAX", libc::_SC_LINE_MAX),
    ("SC_HOST_NAME_MAX", libc::_SC_HOST_NAME_MAX),
    ("SC_LOGIN_NAME_MAX", libc::_SC_LOGIN_NAME_MAX),
    ("SC_TTY_NAME_MAX", libc::_SC_TTY_NAME_MAX),
    ("SC_GETPW_R_SIZE_MAX", libc::_SC_GETPW_R_SIZE_MAX),
    ("SC_GETGR_R_SIZE_MAX", libc::_SC_GETGR_R_SIZE_MAX),
    ("SC_SEM_NSEMS_MAX", libc::_SC_SEM_NSEMS_MAX),
    ("SC_SEM_VALUE_MAX", libc::_SC_SEM_VALUE_MAX),
    ("SC_THREAD_STACK_MIN", libc::_SC_THREAD_STACK_MIN),
    ("SC_THREADS", libc::_SC_THREADS),
    ("SC_MINSIGSTKSZ", 249),
];

pub const CONFSTR_NAMES: &[(&str, i32)] = &[
    ("CS_PATH", libc::_CS_PATH),
    ("CS_GNU_LIBC_VERSION", 2),
    ("CS_GNU_LIBPTHREAD_VERSION", 3),
];

pub const PATHCONF_NAMES: &[(&str, i32)] = &[
    ("PC_LINK_MAX", libc::_PC_LINK_MAX),
    ("PC_MAX_CANON", libc::_PC_MAX_CANON),
    ("PC_MAX_INPUT", libc::_PC_MAX_INPUT),
    ("PC_NAME_MAX", libc::_PC_NAME_MAX),
    ("PC_PATH_MAX", libc::_PC_PATH_MAX),
    ("PC_PIPE_BUF", libc::_PC_PIPE_BUF),
    ("PC_CHOWN_RESTRICTED", libc::_PC_CHOWN_RESTRICTED),
    ("PC_NO_TRUNC", libc::_PC_NO_TRUNC),
    ("PC_VDISABLE", libc::_PC_VDISABLE),
    ("PC_FILESIZEBITS", libc::_PC_FILESIZEBITS),
];

fn conf_name(vm: &mut Vm, v: &Value, table: &[(&str, i32)]) -> PyResult<i32> {
    if let Some(s) = v.as_str() {
        return table
            .iter()
            .find(|(n, _)| *n == s)
            .map(|(_, c)| *c)
            .ok_or_else(|| PyErr::value_error("unrecognized configuration name"));
    }
    if v.is_int() {
        return c_int(vm, v);
    }
    Err(PyErr::type_error("configuration names must be strings or integers"))
}

fn sysconf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name] = bind("sysconf", args, kw, &["name", "/"])?;
    let c = conf_name(vm, &req(name), SYSCONF_NAMES)?;
    set_errno(0);
    // SAFETY: plain sysconf.
    let r = unsafe { libc::sysconf(c) };
    if r == -1 && errno() != 0 {
        return Err(last_err());
    }
    Ok(Value::int(r as i64))
}

fn confstr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name] = bind("confstr", args, kw, &["name", "/"])?;
    let c = conf_name(vm, &req(name), CONFSTR_NAMES)?;
    set_errno(0);
    let mut buf = vec![0u8; 1024];
    // SAFETY: buf has buf.len() bytes.
    let n = unsafe { libc::confstr(c, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    if n == 0 {
        if errno() != 0 {
            return Err(last_err());
        }
        return Ok(Value::NONE);
    }
    if n > buf.len() {
        buf.resize(n, 0);
        // SAFETY: as above.
        unsafe { libc::confstr(c, buf.as_mut_ptr() as *mut libc::c_char, buf.len()) };
    }
    Ok(decode_os(&buf[..n - 1]))
}

fn pathconf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, name] = bind("pathconf", args, kw, &["path", "name"])?;
    let p = path_conv(vm, &req(path), "pathconf", "path", true, false)?;
    let c = conf_name(vm, &req(name), PATHCONF_NAMES)?;
    set_errno(0);
    // SAFETY: valid fd / C string.
    let r = unsafe {
        match p.fd {
            Some(fd) => libc::fpathconf(fd, c),
            None => libc::pathconf(p.c().as_ptr(), c),
        }
    };
    if r == -1 && errno() != 0 {
        return Err(path_err(&p));
    }
    Ok(Value::int(r as i64))
}

fn fpathconf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd, name] = bind("fpathconf", args, kw, &["fd", "name", "/"])?;
    let fd = fileobj_fd(vm, &req(fd))?;
    let c = conf_name(vm, &req(name), PATHCONF_NAMES)?;
    set_errno(0);
    // SAFETY: plain call.
    let r = unsafe { libc::fpathconf(fd, c) };
    if r == -1 && errno() != 0 {
        return Err(last_err());
    }
    Ok(Value::int(r as i64))
}

fn names_dict(table: &[(&str, i32)]) -> Value {
    let d = dict::new_dict();
    for (n, v) in table {
        dict::dict_set_str(&d, n, Value::int(*v as i64));
    }
    d
}

// ------------------------------------------------------------------ module

pub const HAVE_FUNCTIONS: &[&str] = &[
    "HAVE_FACCESSAT",
    "HAVE_FCHDIR",
    "HAVE_FCHMOD",
    "HAVE_FCHMODAT",
    "HAVE_FCHOWN",
    "HAVE_FCHOWNAT",
    "HAVE_FDOPENDIR",
    "HAVE_FPATHCONF",
    "HAVE_FSTATAT",
    "HAVE_FSTATVFS",
    "HAVE_FTRUNCATE",
    "HAVE_FUTIMENS",
    "HAVE_LCHOWN",
    "HAVE_LINKAT",
    "HAVE_LSTAT",
    "HAVE_MKDIRAT",
    "HAVE_MKFIFOAT",
    "HAVE_MKNODAT",
    "HAVE_OPENAT",
    "HAVE_READLINKAT",
    "HAVE_RENAMEAT",
    "HAVE_SYMLINKAT",
    "HAVE_UNLINKAT",
    "HAVE_UTIMENSAT",
];

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module("posix");
    let funcs: &[(&'static str, crate::object::NativeFn)] = &[
        ("stat", stat),
        ("lstat", lstat),
        ("fstat", fstat),
        ("access", access),
        ("chdir", chdir),
        ("fchdir", fchdir),
        ("getcwd", getcwd),
        ("getcwdb", getcwdb),
        ("listdir", listdir),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("unlink", unlink),
        ("remove", remove),
        ("rename", rename),
        ("replace", replace),
        ("symlink", symlink),
        ("link", link),
        ("readlink", readlink),
        ("chmod", chmod),
        ("fchmod", fchmod),
        ("chown", chown),
        ("lchown", lchown),
        ("fchown", fchown),
        ("utime", utime),
        ("truncate", truncate),
        ("ftruncate", ftruncate),
        ("mkfifo", mkfifo),
        ("mknod", mknod),
        ("major", major),
        ("minor", minor),
        ("makedev", makedev),
        ("statvfs", statvfs),
        ("fstatvfs", fstatvfs),
        ("open", open),
        ("read", read),
        ("write", write),
        ("pread", pread),
        ("pwrite", pwrite),
        ("sendfile", sendfile),
        ("close", close),
        ("closerange", closerange),
        ("lseek", lseek),
        ("dup", dup),
        ("dup2", dup2),
        ("pipe", pipe),
        ("pipe2", pipe2),
        ("isatty", isatty),
        ("fsync", fsync),
        ("fdatasync", fdatasync),
        ("sync", sync),
        ("get_inheritable", get_inheritable),
        ("set_inheritable", set_inheritable),
        ("get_blocking", get_blocking),
        ("set_blocking", set_blocking),
        ("urandom", urandom),
        ("device_encoding", device_encoding),
        ("ttyname", ttyname),
        ("openpty", openpty),
        ("get_terminal_size", get_terminal_size),
        ("fspath", fspath_fn),
        ("strerror", strerror_fn),
        ("umask", umask),
        ("uname", uname),
        ("times", times),
        ("cpu_count", cpu_count),
        ("getloadavg", getloadavg),
        ("sched_getaffinity", sched_getaffinity),
        ("sched_yield", sched_yield),
        ("sysconf", sysconf),
        ("confstr", confstr),
        ("pathconf", pathconf),
        ("fpathconf", fpathconf),
    ];
    for (n, f) in funcs {
        add_function(&m, n, *f);
    }
    set_attr(&m, "sysconf_names", names_dict(SYSCONF_NAMES));
    set_attr(&m, "confstr_names", names_dict(CONFSTR_NAMES));
    set_attr(&m, "pathconf_names", names_dict(PATHCONF_NAMES));
    set_attr(&m, "stat_result", super::stat::stat_result_type());
    set_attr(&m, "statvfs_result", statvfs_type());
    set_attr(&m, "terminal_size", terminal_size_type());
    set_attr(&m, "uname_result", uname_type());
    set_attr(&m, "times_result", times_type());
    set_attr(&m, "error", crate::types::types().exc.os_error.clone());
    set_attr(&m, "_have_functions", Value::list(HAVE_FUNCTIONS.iter().map(|s| Value::str(s)).collect()));
    add_ints(&m, CONSTANTS);
    super::scandir::register(&m);
    super::proc::register(vm, &m);
    m
}

pub const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_RSYNC", libc::O_RSYNC as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_LARGEFILE", libc::O_LARGEFILE as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_FSYNC", libc::O_FSYNC as i64),
    ("SEEK_SET", 0),
    ("SEEK_CUR", 1),
    ("SEEK_END", 2),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("WEXITED", libc::WEXITED as i64),
    ("WSTOPPED", libc::WSTOPPED as i64),
    ("WNOWAIT", libc::WNOWAIT as i64),
    ("P_PID", libc::P_PID as i64),
    ("P_PGID", libc::P_PGID as i64),
    ("P_ALL", libc::P_ALL as i64),
    ("CLD_EXITED", libc::CLD_EXITED as i64),
    ("CLD_KILLED", libc::CLD_KILLED as i64),
    ("CLD_DUMPED", libc::CLD_DUMPED as i64),
    ("CLD_TRAPPED", libc::CLD_TRAPPED as i64),
    ("CLD_STOPPED", libc::CLD_STOPPED as i64),
    ("CLD_CONTINUED", libc::CLD_CONTINUED as i64),
    ("F_LOCK", libc::F_LOCK as i64),
    ("F_TLOCK", libc::F_TLOCK as i64),
    ("F_ULOCK", libc::F_ULOCK as i64),
    ("F_TEST", libc::F_TEST as i64),
    ("PRIO_PROCESS", libc::PRIO_PROCESS as i64),
    ("PRIO_PGRP", libc::PRIO_PGRP as i64),
    ("PRIO_USER", libc::PRIO_USER as i64),
    ("SCHED_OTHER", libc::SCHED_OTHER as i64),
    ("SCHED_FIFO", libc::SCHED_FIFO as i64),
    ("SCHED_RR", libc::SCHED_RR as i64),
    ("SCHED_BATCH", libc::SCHED_BATCH as i64),
    ("SCHED_IDLE", libc::SCHED_IDLE as i64),
    ("RTLD_LAZY", libc::RTLD_LAZY as i64),
    ("RTLD_NOW", libc::RTLD_NOW as i64),
    ("RTLD_GLOBAL", libc::RTLD_GLOBAL as i64),
    ("RTLD_LOCAL", libc::RTLD_LOCAL as i64),
    ("RTLD_NODELETE", libc::RTLD_NODELETE as i64),
    ("RTLD_NOLOAD", libc::RTLD_NOLOAD as i64),
    ("RTLD_DEEPBIND", libc::RTLD_DEEPBIND as i64),
    ("NGROUPS_MAX", 65536),
    ("TMP_MAX", 238328),
    ("ST_RDONLY", libc::ST_RDONLY as i64),
    ("ST_NOSUID", libc::ST_NOSUID as i64),
    ("ST_NODEV", libc::ST_NODEV as i64),
    ("ST_NOEXEC", libc::ST_NOEXEC as i64),
    ("ST_SYNCHRONOUS", libc::ST_SYNCHRONOUS as i64),
    ("ST_MANDLOCK", libc::ST_MANDLOCK as i64),
    ("ST_WRITE", libc::ST_WRITE as i64),
    ("ST_APPEND", libc::ST_APPEND as i64),
    ("ST_NOATIME", libc::ST_NOATIME as i64),
    ("ST_NODIRATIME", libc::ST_NODIRATIME as i64),
    ("ST_RELATIME", libc::ST_RELATIME as i64),
    ("GRND_NONBLOCK", libc::GRND_NONBLOCK as i64),
    ("GRND_RANDOM", libc::GRND_RANDOM as i64),
];
