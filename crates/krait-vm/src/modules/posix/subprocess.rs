//! `_posixsubprocess.fork_exec`: fork a child, set up its fds, cwd, ids and
//! signals, and exec; failures before or at exec are reported to the parent
//! through `errpipe_write` as `ExceptionName:hex_errno:message`.
//!
//! Everything the child needs is prepared before the fork; between fork and
//! exec the child only makes async-signal-safe system calls (no allocation),
//! except when a `preexec_fn` must be called.

use super::common::*;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::ffi::CString;

struct Plan {
    argv: Vec<CString>,
    exes: Vec<CString>,
    envp: Option<Vec<CString>>,
    cwd: Option<CString>,
    close_fds: bool,
    keep: Vec<i32>,
    p2cread: i32,
    p2cwrite: i32,
    c2pread: i32,
    c2pwrite: i32,
    errread: i32,
    errwrite: i32,
    errpipe_write: i32,
    restore_signals: bool,
    setsid: bool,
    pgid: i32,
    gid: Option<u32>,
    groups: Option<Vec<libc::gid_t>>,
    uid: Option<u32>,
    umask: i32,
}

fn opt_id(vm: &mut Vm, v: &Value) -> PyResult<Option<u32>> {
    if v.is_none() {
        return Ok(None);
    }
    let n = int_arg(vm, v)?;
    if n < -1 || n > u32::MAX as i64 {
        return Err(PyErr::overflow("uid is greater than maximum"));
    }
    Ok(Some(n as u32))
}

fn cstrings(vm: &mut Vm, v: &Value) -> PyResult<Vec<CString>> {
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let b = encode_os(vm, &it, "")?;
        out.push(CString::new(b).map_err(|_| PyErr::value_error("embedded null byte"))?);
    }
    Ok(out)
}

fn fork_exec(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("fork_exec", kw)?;
    if args.len() != 23 {
        return Err(PyErr::type_error(format!("fork_exec() takes exactly 23 arguments ({} given)", args.len())));
    }
    let argv = if args[0].is_none() { Vec::new() } else { cstrings(vm, &args[0])? };
    let exes = cstrings(vm, &args[1])?;
    let close_fds = vm.truthy(&args[2])?;
    let keep_v = vm.collect(&args[3])?;
    let mut keep = Vec::with_capacity(keep_v.len());
    for k in keep_v {
        let fd = fd_arg(vm, &k)?;
        if fd < 0 {
            return Err(PyErr::value_error("bad value(s) in fds_to_keep"));
        }
        keep.push(fd);
    }
    keep.sort_unstable();
    let cwd = if args[4].is_none() {
        None
    } else {
        let p = path_conv(vm, &args[4], "fork_exec", "cwd", false, false)?;
        Some(p.c())
    };
    let envp = if args[5].is_none() { None } else { Some(cstrings(vm, &args[5])?) };
    let mut ints = [0i32; 8];
    for (i, v) in args[6..14].iter().enumerate() {
        ints[i] = fd_arg(vm, v)?;
    }
    let restore_signals = vm.truthy(&args[14])?;
    let setsid = vm.truthy(&args[15])?;
    let pgid = fd_arg(vm, &args[16])?;
    let gid = opt_id(vm, &args[17])?;
    let groups = if args[18].is_none() {
        None
    } else {
        let items = vm.collect(&args[18])?;
        let mut g = Vec::with_capacity(items.len());
        for it in items {
            g.push(int_arg(vm, &it)? as libc::gid_t);
        }
        Some(g)
    };
    let uid = opt_id(vm, &args[19])?;
    let umask = fd_arg(vm, &args[20])?;
    let preexec = args[21].clone();
    if close_fds && ints[7] < 3 {
        return Err(PyErr::value_error("errpipe_write must be >= 3"));
    }
    let plan = Plan {
        argv,
        exes,
        envp,
        cwd,
        close_fds,
        keep,
        p2cread: ints[0],
        p2cwrite: ints[1],
        c2pread: ints[2],
        c2pwrite: ints[3],
        errread: ints[4],
        errwrite: ints[5],
        errpipe_write: ints[7],
        restore_signals,
        setsid,
        pgid,
        gid,
        groups,
        uid,
        umask,
    };
    let argv_p = ptrs(&plan.argv);
    let envp_p = plan.envp.as_ref().map(|e| ptrs(e));
    let has_preexec = !preexec.is_none();
    if has_preexec {
        super::proc::run_fork_hooks(vm, 0);
    }
    // SAFETY: fork; the child only runs `child` below and never returns.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        if has_preexec {
            super::proc::after_fork_child();
            super::proc::run_fork_hooks(vm, 1);
        }
        child(vm, &plan, &argv_p, envp_p.as_deref(), if has_preexec { Some(&preexec) } else { None });
    }
    if pid < 0 {
        let e = errno();
        return Err(os_err(e, None, None));
    }
    if has_preexec {
        super::proc::run_fork_hooks(vm, 2);
    }
    Ok(Value::int(pid as i64))
}

fn ptrs(v: &[CString]) -> Vec<*const libc::c_char> {
    let mut p: Vec<*const libc::c_char> = v.iter().map(|s| s.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

/// Write "OSError:<hex errno>:<noexec?>" to the error pipe without allocating.
fn report(fd: i32, name: &[u8], err: i32, noexec: bool) {
    let mut buf = [0u8; 64];
    let mut n = 0;
    let mut push = |b: &[u8], buf: &mut [u8; 64]| {
        for &c in b {
            if n < buf.len() {
                buf[n] = c;
                n += 1;
            }
        }
    };
    push(name, &mut buf);
    push(b":", &mut buf);
    let mut hex = [0u8; 16];
    let mut h = 0;
    let mut e = err as u32;
    if e == 0 {
        hex[0] = b'0';
        h = 1;
    }
    while e > 0 {
        hex[h] = b"0123456789abcdef"[(e & 15) as usize];
        e >>= 4;
        h += 1;
    }
    hex[..h].reverse();
    push(&hex[..h], &mut buf);
    push(b":", &mut buf);
    if noexec {
        push(b"noexec", &mut buf);
    }
    // SAFETY: write of a stack buffer.
    unsafe { libc::write(fd, buf.as_ptr() as *const libc::c_void, n) };
}

fn fail(p: &Plan, noexec: bool) -> ! {
    let e = errno();
    report(p.errpipe_write, b"OSError", e, noexec);
    // SAFETY: terminate the child without running destructors.
    unsafe { libc::_exit(255) }
}

/// Clear FD_CLOEXEC on `fd` (async-signal-safe).
fn make_inheritable(fd: i32) -> bool {
    // SAFETY: plain fcntl calls.
    unsafe {
        let f = libc::fcntl(fd, libc::F_GETFD);
        if f < 0 {
            return false;
        }
        if f & libc::FD_CLOEXEC != 0 && libc::fcntl(fd, libc::F_SETFD, f & !libc::FD_CLOEXEC) < 0 {
            return false;
        }
    }
    true
}

fn close_from_to(lo: i32, hi: i32) {
    if lo > hi {
        return;
    }
    // SAFETY: close_range syscall; falls back to closing one by one.
    unsafe {
        if libc::syscall(libc::SYS_close_range, lo as libc::c_uint, hi as libc::c_uint, 0) == 0 {
            return;
        }
        let max = libc::sysconf(libc::_SC_OPEN_MAX);
        let top = if max > 0 { (max as i64).min(hi as i64 + 1) } else { 256 };
        let mut fd = lo as i64;
        while fd < top {
            libc::close(fd as i32);
            fd += 1;
        }
    }
}

fn child(vm: &mut Vm, p: &Plan, argv: &[*const libc::c_char], envp: Option<&[*const libc::c_char]>, preexec: Option<&Value>) -> ! {
    // SAFETY: the child process between fork and exec: async-signal-safe calls only.
    unsafe {
        for &fd in &p.keep {
            if fd != p.errpipe_write && !make_inheritable(fd) {
                fail(p, true);
            }
        }
        if p.p2cwrite != -1 {
            libc::close(p.p2cwrite);
        }
        if p.c2pread != -1 {
            libc::close(p.c2pread);
        }
        if p.errread != -1 {
            libc::close(p.errread);
        }
        let mut c2pwrite = p.c2pwrite;
        let mut errwrite = p.errwrite;
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
            if c2pwrite < 0 || !make_inheritable(c2pwrite) {
                fail(p, true);
            }
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
            if errwrite < 0 || !make_inheritable(errwrite) {
                fail(p, true);
            }
        }
        for (fd, target) in [(p.p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if fd == target {
                if !make_inheritable(fd) {
                    fail(p, true);
                }
            } else if fd != -1 && libc::dup2(fd, target) < 0 {
                fail(p, true);
            }
        }
        if let Some(c) = &p.cwd {
            if libc::chdir(c.as_ptr()) < 0 {
                fail(p, true);
            }
        }
        if p.umask >= 0 {
            libc::umask(p.umask as libc::mode_t);
        }
        if p.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if p.setsid && libc::setsid() < 0 {
            fail(p, true);
        }
        if p.pgid >= 0 && libc::setpgid(0, p.pgid) < 0 {
            fail(p, true);
        }
        if let Some(g) = &p.groups {
            if libc::setgroups(g.len(), g.as_ptr()) < 0 {
                fail(p, true);
            }
        }
        if let Some(g) = p.gid {
            if libc::setregid(g, g) < 0 {
                fail(p, true);
            }
        }
        if let Some(u) = p.uid {
            if libc::setreuid(u, u) < 0 {
                fail(p, true);
            }
        }
        if let Some(f) = preexec {
            if vm.call(f, &[]).is_err() {
                let msg = b"SubprocessError:0:Exception occurred in preexec_fn.";
                libc::write(p.errpipe_write, msg.as_ptr() as *const libc::c_void, msg.len());
                libc::_exit(255);
            }
        }
        if p.close_fds {
            let mut lo = 3;
            for &k in &p.keep {
                if k >= lo {
                    close_from_to(lo, k - 1);
                    lo = k + 1;
                }
            }
            close_from_to(lo, i32::MAX);
        }
        let mut saved = 0;
        for exe in &p.exes {
            match envp {
                Some(e) => libc::execve(exe.as_ptr(), argv.as_ptr(), e.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
            let e = errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        if saved != 0 {
            set_errno(saved);
        }
        fail(p, false)
    }
}

pub fn make() -> Value {
    let m = crate::types::module::new_module("_posixsubprocess");
    crate::types::module::add_function(&m, "fork_exec", fork_exec);
    m
}
