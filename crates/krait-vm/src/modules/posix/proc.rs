//! `posix` process functions: ids, environment, fork/exec/wait, signals to
//! processes, `system`, `register_at_fork`.

use super::common::*;
use super::posix::retry_os;
use crate::args::bind;
use crate::modules::native::GilSlot;
use crate::types::module::{add_function, set_attr};
use crate::types::dict;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::ffi::CString;

fn req(v: Option<Value>) -> Value {
    v.unwrap_or(Value::NONE)
}

macro_rules! id_getter {
    ($fname:ident, $py:expr, $call:expr) => {
        fn $fname(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            no_args("posix", $py, args, kw)?;
            // SAFETY: plain syscall without arguments.
            Ok(Value::int(unsafe { $call } as i64))
        }
    };
}

id_getter!(getpid, "getpid", libc::getpid());
id_getter!(getppid, "getppid", libc::getppid());
id_getter!(getuid, "getuid", libc::getuid());
id_getter!(geteuid, "geteuid", libc::geteuid());
id_getter!(getgid, "getgid", libc::getgid());
id_getter!(getegid, "getegid", libc::getegid());
id_getter!(getpgrp, "getpgrp", libc::getpgrp());

macro_rules! id_setter {
    ($fname:ident, $py:expr, $call:path) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let [a] = bind($py, args, kw, &["id", "/"])?;
            let n = int_arg(vm, &req(a))?;
            // SAFETY: plain syscall.
            os_check(unsafe { $call(n as _) })?;
            Ok(Value::NONE)
        }
    };
}

id_setter!(setuid, "setuid", libc::setuid);
id_setter!(setgid, "setgid", libc::setgid);
id_setter!(seteuid, "seteuid", libc::seteuid);
id_setter!(setegid, "setegid", libc::setegid);

fn getgroups(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "getgroups", args, kw)?;
    // SAFETY: first call sizes, second fills.
    let groups = unsafe {
        let n = libc::getgroups(0, std::ptr::null_mut());
        if n < 0 {
            return Err(last_err());
        }
        let mut g = vec![0 as libc::gid_t; n as usize];
        let n = libc::getgroups(n, g.as_mut_ptr());
        if n < 0 {
            return Err(last_err());
        }
        g.truncate(n as usize);
        g
    };
    Ok(Value::list(groups.iter().map(|&g| Value::int(g as i64)).collect()))
}

fn getlogin(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "getlogin", args, kw)?;
    set_errno(0);
    // SAFETY: getlogin returns a static string or null.
    let p = unsafe { libc::getlogin() };
    if p.is_null() {
        let e = errno();
        if e != 0 {
            return Err(os_err(e, None, None));
        }
        return Err(PyErr::os_error("unable to determine login name"));
    }
    // SAFETY: non-null C string.
    let b = unsafe { std::ffi::CStr::from_ptr(p) }.to_bytes().to_vec();
    Ok(decode_os(&b))
}

fn setsid(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "setsid", args, kw)?;
    // SAFETY: plain syscall.
    os_check(unsafe { libc::setsid() })?;
    Ok(Value::NONE)
}

fn getsid(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [pid] = bind("getsid", args, kw, &["pid", "/"])?;
    let pid = c_int(vm, &req(pid))?;
    // SAFETY: plain syscall.
    let r = os_check(unsafe { libc::getsid(pid) })?;
    Ok(Value::int(r as i64))
}

fn setpgid(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [pid, pg] = bind("setpgid", args, kw, &["pid", "pgrp", "/"])?;
    let pid = c_int(vm, &req(pid))?;
    let pg = c_int(vm, &req(pg))?;
    // SAFETY: plain syscall.
    os_check(unsafe { libc::setpgid(pid, pg) })?;
    Ok(Value::NONE)
}

fn getpgid(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [pid] = bind("getpgid", args, kw, &["pid", "/"])?;
    let pid = c_int(vm, &req(pid))?;
    // SAFETY: plain syscall.
    let r = os_check(unsafe { libc::getpgid(pid) })?;
    Ok(Value::int(r as i64))
}

fn setpgrp(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // SAFETY: plain syscall.
    os_check(unsafe { libc::setpgid(0, 0) })?;
    Ok(Value::NONE)
}

fn kill(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [pid, sig] = bind("kill", args, kw, &["pid", "signal", "/"])?;
    let pid = c_int(vm, &req(pid))?;
    let sig = c_int(vm, &req(sig))?;
    // SAFETY: plain syscall.
    os_check(unsafe { libc::kill(pid, sig) })?;
    Ok(Value::NONE)
}

fn killpg(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [pg, sig] = bind("killpg", args, kw, &["pgid", "signal", "/"])?;
    let pg = c_int(vm, &req(pg))?;
    let sig = c_int(vm, &req(sig))?;
    // SAFETY: plain syscall.
    os_check(unsafe { libc::killpg(pg, sig) })?;
    Ok(Value::NONE)
}

fn nice(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [inc] = bind("nice", args, kw, &["increment", "/"])?;
    let inc = c_int(vm, &req(inc))?;
    set_errno(0);
    // SAFETY: plain syscall.
    let r = unsafe { libc::nice(inc) };
    if r == -1 && errno() != 0 {
        return Err(last_err());
    }
    Ok(Value::int(r as i64))
}

fn getpriority(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [which, who] = bind("getpriority", args, kw, &["which", "who"])?;
    let which = c_int(vm, &req(which))?;
    let who = c_int(vm, &req(who))?;
    set_errno(0);
    // SAFETY: plain syscall.
    let r = unsafe { libc::getpriority(which as _, who as _) };
    if r == -1 && errno() != 0 {
        return Err(last_err());
    }
    Ok(Value::int(r as i64))
}

fn abort(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // SAFETY: terminates the process.
    unsafe { libc::abort() }
}

fn exit_(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [n] = bind("_exit", args, kw, &["status"])?;
    let n = c_int(vm, &req(n))?;
    // SAFETY: terminates the process immediately.
    unsafe { libc::_exit(n) }
}

// ------------------------------------------------------------------ environment

/// `posix.environ`: bytes keys and values of the process environment.
fn environ_dict(vm: &mut Vm) -> Value {
    let d = dict::new_dict();
    for (k, v) in std::env::vars_os() {
        use std::os::unix::ffi::OsStrExt;
        let _ = dict::dict_set(vm, &d, Value::bytes(k.as_bytes().to_vec()), Value::bytes(v.as_bytes().to_vec()));
    }
    d
}

fn env_name(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<u8>> {
    let p = path_conv(vm, v, fname, "name", false, false)?;
    Ok(p.bytes)
}

fn putenv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name, value] = bind("putenv", args, kw, &["name", "value", "/"])?;
    let k = env_name(vm, &req(name), "putenv")?;
    if k.contains(&b'=') {
        return Err(PyErr::value_error("illegal environment variable name"));
    }
    let v = path_conv(vm, &req(value), "putenv", "value", false, false)?;
    let (ck, cv) = (CString::new(k).unwrap_or_default(), v.c());
    // SAFETY: valid C strings; the interpreter is single-threaded under the GIL.
    os_check(unsafe { libc::setenv(ck.as_ptr(), cv.as_ptr(), 1) })?;
    Ok(Value::NONE)
}

fn unsetenv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name] = bind("unsetenv", args, kw, &["name", "/"])?;
    let k = env_name(vm, &req(name), "unsetenv")?;
    let ck = CString::new(k).unwrap_or_default();
    // SAFETY: valid C string.
    os_check(unsafe { libc::unsetenv(ck.as_ptr()) })?;
    Ok(Value::NONE)
}

// ------------------------------------------------------------------ fork

static AT_FORK: GilSlot = GilSlot::new();

/// [before, after_in_child, after_in_parent]: lists of callables.
fn at_fork_lists() -> Value {
    AT_FORK.get_or_init(|| Value::tuple(vec![Value::list(vec![]), Value::list(vec![]), Value::list(vec![])]))
}

fn register_at_fork(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [before, child, parent] =
        bind("register_at_fork", args, kw, &["*", "before=", "after_in_child=", "after_in_parent="])?;
    let given: Vec<(usize, Value)> = [before, child, parent]
        .into_iter()
        .enumerate()
        .filter_map(|(i, v)| v.filter(|v| !v.is_none()).map(|v| (i, v)))
        .collect();
    if given.is_empty() {
        return Err(PyErr::type_error("At least one argument is required."));
    }
    let names = ["before", "after_in_child", "after_in_parent"];
    for (i, f) in &given {
        if !vm.callable(f) {
            return Err(PyErr::type_error(format!("'{}' must be callable, not {}", names[*i], type_name(f))));
        }
    }
    let lists = at_fork_lists();
    let lists = lists.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    for (i, f) in given {
        if let Some(l) = lists.get(i).and_then(|l| l.as_list()) {
            l.borrow_mut().push(f);
        }
    }
    Ok(Value::NONE)
}

/// Run the registered fork hooks of kind `which` (0 before, reversed; 1 child; 2 parent).
pub fn run_fork_hooks(vm: &mut Vm, which: usize) {
    let lists = at_fork_lists();
    let mut fs: Vec<Value> = lists
        .as_tuple()
        .and_then(|t| t.get(which).and_then(|l| l.as_list().map(|l| l.borrow().clone())))
        .unwrap_or_default();
    if which == 0 {
        fs.reverse();
    }
    for f in fs {
        // Errors in hooks are ignored (CPython reports them as unraisable).
        let _ = vm.call(&f, &[]);
    }
}

fn sys_fork() -> Result<i32, i32> {
    // SAFETY: fork; the child continues running this single-threaded interpreter.
    check(unsafe { libc::fork() })
}

/// In a freshly forked child only the forking thread exists: it keeps the
/// GIL, becomes the main thread, and no other thread may be handed the GIL.
/// (The GIL's queue of waiters still names the parent's other threads; a
/// full reset belongs in gil.rs.)
pub fn after_fork_child() {
    crate::gil::after_fork_child();
}

fn fork(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "fork", args, kw)?;
    run_fork_hooks(vm, 0);
    let pid = sys_fork().map_err(sys_err)?;
    if pid == 0 {
        after_fork_child();
    }
    run_fork_hooks(vm, if pid == 0 { 1 } else { 2 });
    Ok(Value::int(pid as i64))
}

/// argv as C strings from a tuple or list.
fn argv_list(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Vec<CString>> {
    let items: Vec<Value> = if let Some(t) = v.as_tuple() {
        if crate::types::is_instance(v, &crate::types::types().tuple) {
            t.to_vec()
        } else {
            return Err(PyErr::type_error(format!("{fname}() arg 2 must be a tuple or list")));
        }
    } else if let Some(l) = v.as_list() {
        l.borrow().clone()
    } else {
        return Err(PyErr::type_error(format!("{fname}() arg 2 must be a tuple or list")));
    };
    if items.is_empty() {
        return Err(PyErr::value_error(format!("{fname}() arg 2 must not be empty")));
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        let b = encode_os(vm, it, "")?;
        if i == 0 && b.is_empty() {
            return Err(PyErr::value_error(format!("{fname}() arg 2 first element cannot be empty")));
        }
        out.push(CString::new(b).unwrap_or_default());
    }
    Ok(out)
}

/// "KEY=VALUE" C strings from a mapping.
pub fn env_list(vm: &mut Vm, env: &Value) -> PyResult<Vec<CString>> {
    let keys = vm.call_method(env, "keys", &[])?;
    let keys = vm.collect(&keys)?;
    let mut out = Vec::with_capacity(keys.len());
    for k in keys {
        let v = vm.getitem(env, &k)?;
        let kb = encode_os(vm, &k, "")?;
        let vb = encode_os(vm, &v, "")?;
        if kb.is_empty() || kb[1..].contains(&b'=') {
            return Err(PyErr::value_error("illegal environment variable name"));
        }
        let mut s = kb;
        s.push(b'=');
        s.extend_from_slice(&vb);
        out.push(CString::new(s).unwrap_or_default());
    }
    Ok(out)
}

fn ptrs(v: &[CString]) -> Vec<*const libc::c_char> {
    let mut p: Vec<*const libc::c_char> = v.iter().map(|s| s.as_ptr()).collect();
    p.push(std::ptr::null());
    p
}

fn execv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, argv] = bind("execv", args, kw, &["path", "argv", "/"])?;
    let p = path_conv(vm, &req(path), "execv", "path", false, false)?;
    let argv = argv_list(vm, &req(argv), "execv")?;
    let a = ptrs(&argv);
    let c = p.c();
    // SAFETY: null-terminated arrays of valid C strings.
    unsafe { libc::execv(c.as_ptr(), a.as_ptr()) };
    Err(path_err(&p))
}

fn execve(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [path, argv, env] = bind("execve", args, kw, &["path", "argv", "env"])?;
    let p = path_conv(vm, &req(path), "execve", "path", true, false)?;
    let argv = argv_list(vm, &req(argv), "execve")?;
    let env = req(env);
    if crate::types::lookup(crate::types::type_ref(&env), "keys").is_none() {
        return Err(PyErr::type_error("execve: environment must be a mapping object"));
    }
    let envl = env_list(vm, &env)?;
    let (a, e) = (ptrs(&argv), ptrs(&envl));
    // SAFETY: null-terminated arrays of valid C strings.
    unsafe {
        match p.fd {
            Some(fd) => libc::fexecve(fd, a.as_ptr(), e.as_ptr()),
            None => libc::execve(p.c().as_ptr(), a.as_ptr(), e.as_ptr()),
        }
    };
    Err(path_err(&p))
}

// ------------------------------------------------------------------ wait

pub fn sys_waitpid(pid: i32, options: i32) -> Result<(i32, i32), i32> {
    let mut status = 0;
    // SAFETY: status is a valid out-pointer.
    let r = unsafe { libc::waitpid(pid, &mut status, options) };
    check(r).map(|r| (r, status))
}

fn waitpid(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [pid, options] = bind("waitpid", args, kw, &["pid", "options", "/"])?;
    let pid = c_int(vm, &req(pid))?;
    let options = c_int(vm, &req(options))?;
    let (p, st) = retry_os(vm, || sys_waitpid(pid, options))?;
    Ok(Value::tuple(vec![Value::int(p as i64), Value::int(st as i64)]))
}

fn wait(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("posix", "wait", args, kw)?;
    let (p, st) = retry_os(vm, || sys_waitpid(-1, 0))?;
    Ok(Value::tuple(vec![Value::int(p as i64), Value::int(st as i64)]))
}

fn status_arg(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str) -> PyResult<i32> {
    let [s] = bind(name, args, kw, &["status"])?;
    c_int(vm, &req(s))
}

macro_rules! wmacro {
    ($fname:ident, $py:expr, $f:expr, bool) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let s = status_arg(vm, args, kw, $py)?;
            Ok(Value::bool($f(s)))
        }
    };
    ($fname:ident, $py:expr, $f:expr, int) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let s = status_arg(vm, args, kw, $py)?;
            Ok(Value::int($f(s) as i64))
        }
    };
}

wmacro!(wifexited, "WIFEXITED", libc::WIFEXITED, bool);
wmacro!(wexitstatus, "WEXITSTATUS", libc::WEXITSTATUS, int);
wmacro!(wifsignaled, "WIFSIGNALED", libc::WIFSIGNALED, bool);
wmacro!(wtermsig, "WTERMSIG", libc::WTERMSIG, int);
wmacro!(wifstopped, "WIFSTOPPED", libc::WIFSTOPPED, bool);
wmacro!(wstopsig, "WSTOPSIG", libc::WSTOPSIG, int);
wmacro!(wifcontinued, "WIFCONTINUED", libc::WIFCONTINUED, bool);
wmacro!(wcoredump, "WCOREDUMP", libc::WCOREDUMP, bool);

fn waitstatus_to_exitcode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s] = bind("waitstatus_to_exitcode", args, kw, &["status"])?;
    let s = c_int(vm, &req(s))?;
    if libc::WIFEXITED(s) {
        return Ok(Value::int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::int(-(libc::WTERMSIG(s) as i64)));
    }
    if libc::WIFSTOPPED(s) {
        return Err(PyErr::value_error(format!("process stopped by delivery of signal {}", libc::WSTOPSIG(s))));
    }
    Err(PyErr::value_error(format!("invalid wait status: {s}")))
}

fn system(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [cmd] = bind("system", args, kw, &["command"])?;
    let p = path_conv(vm, &req(cmd), "system", "command", false, false)?;
    let c = p.c();
    // SAFETY: valid C string.
    let r = crate::gil::allow_threads(vm, || unsafe { libc::system(c.as_ptr()) });
    Ok(Value::int(r as i64))
}

pub fn register(vm: &mut Vm, m: &Value) {
    let funcs: &[(&'static str, crate::object::NativeFn)] = &[
        ("getpid", getpid),
        ("getppid", getppid),
        ("getuid", getuid),
        ("geteuid", geteuid),
        ("getgid", getgid),
        ("getegid", getegid),
        ("getpgrp", getpgrp),
        ("setuid", setuid),
        ("setgid", setgid),
        ("seteuid", seteuid),
        ("setegid", setegid),
        ("getgroups", getgroups),
        ("getlogin", getlogin),
        ("setsid", setsid),
        ("getsid", getsid),
        ("setpgid", setpgid),
        ("getpgid", getpgid),
        ("setpgrp", setpgrp),
        ("kill", kill),
        ("killpg", killpg),
        ("nice", nice),
        ("getpriority", getpriority),
        ("abort", abort),
        ("_exit", exit_),
        ("putenv", putenv),
        ("unsetenv", unsetenv),
        ("register_at_fork", register_at_fork),
        ("fork", fork),
        ("execv", execv),
        ("execve", execve),
        ("waitpid", waitpid),
        ("wait", wait),
        ("WIFEXITED", wifexited),
        ("WEXITSTATUS", wexitstatus),
        ("WIFSIGNALED", wifsignaled),
        ("WTERMSIG", wtermsig),
        ("WIFSTOPPED", wifstopped),
        ("WSTOPSIG", wstopsig),
        ("WIFCONTINUED", wifcontinued),
        ("WCOREDUMP", wcoredump),
        ("waitstatus_to_exitcode", waitstatus_to_exitcode),
        ("system", system),
    ];
    for (n, f) in funcs {
        add_function(m, n, *f);
    }
    set_attr(m, "environ", environ_dict(vm));
}
