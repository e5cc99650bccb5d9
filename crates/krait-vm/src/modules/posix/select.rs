//! `select`: `select()` and `poll` objects (both over poll(2)).

use super::common::*;
use crate::args::bind;
use crate::modules::native::{new_type, GilSlot};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_method, add_native, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::time::{Duration, Instant};

/// A timeout in seconds: None for "wait forever".
fn timeout_secs(vm: &mut Vm, v: &Option<Value>, msg: &str) -> PyResult<Option<f64>> {
    let Some(v) = v.as_ref().filter(|v| !v.is_none()) else { return Ok(None) };
    let f = if let Some(f) = v.as_float() {
        f
    } else if v.is_int() {
        int_arg(vm, v)? as f64
    } else {
        match crate::types::lookup(crate::types::type_ref(v), "__float__") {
            Some(f) => {
                let r = vm.call(&f, &[v.clone()])?;
                r.as_float().ok_or_else(|| PyErr::type_error(msg.to_string()))?
            }
            None => return Err(PyErr::type_error(msg.to_string())),
        }
    };
    if f.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    Ok(Some(f))
}

/// poll(2), retrying on EINTR with the remaining time. `timeout_ms` < 0: forever.
fn sys_poll(vm: &mut Vm, fds: &mut [libc::pollfd], timeout: Option<Duration>) -> PyResult<usize> {
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let ms: i32 = match deadline {
            None => -1,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                let ms = left.as_nanos().div_ceil(1_000_000);
                ms.min(i32::MAX as u128) as i32
            }
        };
        let (ptr, n) = (fds.as_mut_ptr() as usize, fds.len());
        // SAFETY: fds is a valid slice of pollfd, not touched by others meanwhile.
        let r = crate::gil::allow_threads(vm, || unsafe { libc::poll(ptr as *mut libc::pollfd, n as libc::nfds_t, ms) });
        if r >= 0 {
            return Ok(r as usize);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(os_err(e, None, None));
        }
        crate::interp::signals::periodic_check(vm)?;
    }
}

fn select(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [r, w, x, timeout] = bind("select", args, kw, &["rlist", "wlist", "xlist", "timeout=", "/"])?;
    let lists = [r.unwrap_or(Value::NONE), w.unwrap_or(Value::NONE), x.unwrap_or(Value::NONE)];
    let t = timeout_secs(vm, &timeout, "timeout must be a float or None")?;
    if let Some(t) = t {
        if t < 0.0 {
            return Err(PyErr::value_error("timeout must be non-negative"));
        }
    }
    let mut objs: [Vec<(Value, i32)>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    for (i, l) in lists.iter().enumerate() {
        let items = vm.collect(l).map_err(|_| PyErr::type_error("arguments 1-3 must be sequences"))?;
        for it in items {
            let fd = fileobj_fd(vm, &it)?;
            if fd >= libc::FD_SETSIZE as i32 {
                return Err(PyErr::value_error("filedescriptor out of range in select()"));
            }
            objs[i].push((it, fd));
        }
    }
    let mut pfds: Vec<libc::pollfd> = Vec::new();
    let masks = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    for (i, l) in objs.iter().enumerate() {
        for (_, fd) in l {
            match pfds.iter_mut().find(|p| p.fd == *fd) {
                Some(p) => p.events |= masks[i],
                None => pfds.push(libc::pollfd { fd: *fd, events: masks[i], revents: 0 }),
            }
        }
    }
    let dur = t.map(|t| Duration::from_secs_f64(t.min(1e9)));
    sys_poll(vm, &mut pfds, dur)?;
    if pfds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(os_err(libc::EBADF, None, None));
    }
    let mut out = Vec::with_capacity(3);
    for (i, l) in objs.iter().enumerate() {
        let want = match i {
            0 => libc::POLLIN | libc::POLLHUP | libc::POLLERR,
            1 => libc::POLLOUT | libc::POLLERR,
            _ => libc::POLLPRI,
        };
        let ready: Vec<Value> = l
            .iter()
            .filter(|(_, fd)| pfds.iter().any(|p| p.fd == *fd && p.revents & want != 0))
            .map(|(v, _)| v.clone())
            .collect();
        out.push(Value::list(ready));
    }
    Ok(Value::tuple(out))
}

// ------------------------------------------------------------------ poll

struct Poll {
    fds: Vec<(i32, i16)>,
    polling: bool,
}

impl NativeData for Poll {}

static POLL_T: GilSlot = GilSlot::new();

fn poll_type() -> Value {
    POLL_T.get_or_init(|| {
        let t = new_type("select", "poll", None);
        add_native(&t, "__new__", poll_no_new, NativeKind::StaticMethod);
        add_method(&t, "register", poll_register);
        add_method(&t, "modify", poll_modify);
        add_method(&t, "unregister", poll_unregister);
        add_method(&t, "poll", poll_poll);
        t
    })
}

fn poll_no_new(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'select.poll' instances"))
}

fn poll_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("poll", args, kw, 0, 0)?;
    Ok(new_opaque(&poll_type(), Poll { fds: Vec::new(), polling: false }))
}

fn mask_arg(vm: &mut Vm, v: &Value) -> PyResult<i16> {
    let n = int_arg(vm, v)?;
    if !(0..=0xffff).contains(&n) {
        return Err(PyErr::overflow("Python int too large for C unsigned short"));
    }
    Ok(n as u16 as i16)
}

fn poll_state<R>(v: &Value, f: impl FnOnce(&mut Poll) -> R) -> PyResult<R> {
    with_opaque::<Poll, _>(v, f).ok_or_else(|| PyErr::type_error("descriptor requires a 'select.poll' object"))
}

fn poll_register(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, fd, mask] = bind("register", args, kw, &["self", "fd", "eventmask=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let fd = fileobj_fd(vm, &fd.unwrap_or(Value::NONE))?;
    let mask = match mask {
        Some(m) => mask_arg(vm, &m)?,
        None => libc::POLLIN | libc::POLLPRI | libc::POLLOUT,
    };
    poll_state(&s, |p| match p.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => e.1 = mask,
        None => p.fds.push((fd, mask)),
    })?;
    Ok(Value::NONE)
}

fn poll_modify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, fd, mask] = bind("modify", args, kw, &["self", "fd", "eventmask", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let fd = fileobj_fd(vm, &fd.unwrap_or(Value::NONE))?;
    let mask = mask_arg(vm, &mask.unwrap_or(Value::NONE))?;
    let found = poll_state(&s, |p| match p.fds.iter_mut().find(|(f, _)| *f == fd) {
        Some(e) => {
            e.1 = mask;
            true
        }
        None => false,
    })?;
    if !found {
        return Err(os_err(libc::ENOENT, None, None));
    }
    Ok(Value::NONE)
}

fn poll_unregister(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, fdv] = bind("unregister", args, kw, &["self", "fd", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let fdv = fdv.unwrap_or(Value::NONE);
    let fd = fileobj_fd(vm, &fdv)?;
    let found = poll_state(&s, |p| {
        let n = p.fds.len();
        p.fds.retain(|(f, _)| *f != fd);
        n != p.fds.len()
    })?;
    if !found {
        return Err(PyErr::key_error(Value::int(fd as i64)));
    }
    Ok(Value::NONE)
}

fn poll_poll(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, timeout] = bind("poll", args, kw, &["self", "timeout=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let t = timeout_secs(vm, &timeout, "timeout must be an integer or None")?;
    // poll() takes milliseconds; negative means forever.
    let dur = match t {
        None => None,
        Some(ms) if ms < 0.0 => None,
        Some(ms) => Some(Duration::from_secs_f64((ms / 1000.0).min(1e9))),
    };
    let (mut pfds, busy) = poll_state(&s, |p| {
        let busy = p.polling;
        p.polling = true;
        (p.fds.iter().map(|&(fd, ev)| libc::pollfd { fd, events: ev, revents: 0 }).collect::<Vec<_>>(), busy)
    })?;
    if busy {
        return Err(PyErr::runtime_error("concurrent poll() invocation"));
    }
    let r = sys_poll(vm, &mut pfds, dur);
    let _ = poll_state(&s, |p| p.polling = false);
    r?;
    let out: Vec<Value> = pfds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| Value::tuple(vec![Value::int(p.fd as i64), Value::int(p.revents as u16 as i64)]))
        .collect();
    Ok(Value::list(out))
}

// ------------------------------------------------------------------ epoll

struct Epoll {
    fd: i32,
}

impl NativeData for Epoll {}

impl Drop for Epoll {
    fn drop(&mut self) {
        if self.fd >= 0 {
            // SAFETY: closing our own epoll fd once.
            unsafe { libc::close(self.fd) };
            self.fd = -1;
        }
    }
}

static EPOLL_T: GilSlot = GilSlot::new();

fn epoll_type() -> Value {
    EPOLL_T.get_or_init(|| {
        let t = new_type("select", "epoll", None);
        add_native(&t, "__new__", epoll_new, NativeKind::StaticMethod);
        add_native(&t, "fromfd", epoll_fromfd, NativeKind::ClassMethod);
        add_method(&t, "register", epoll_register);
        add_method(&t, "modify", epoll_modify);
        add_method(&t, "unregister", epoll_unregister);
        add_method(&t, "poll", epoll_poll);
        add_method(&t, "close", epoll_close);
        add_method(&t, "fileno", epoll_fileno);
        add_method(&t, "__enter__", epoll_enter);
        add_method(&t, "__exit__", epoll_exit);
        crate::types::add_getset(&t, "closed", epoll_closed, None);
        t
    })
}

fn epoll_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [cls, sizehint, flags] = bind("epoll", args, kw, &["cls", "sizehint=", "flags="])?;
    let cls = cls.unwrap_or(Value::NONE);
    let sizehint = match sizehint {
        Some(v) => int_arg(vm, &v)?,
        None => -1,
    };
    if sizehint == 0 || sizehint < -1 {
        return Err(PyErr::value_error("negative sizehint"));
    }
    if let Some(f) = flags {
        let f = int_arg(vm, &f)?;
        if f != 0 && f != libc::EPOLL_CLOEXEC as i64 {
            return Err(os_err(libc::EINVAL, None, None));
        }
    }
    // SAFETY: plain syscall.
    let fd = os_check(unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) })?;
    Ok(new_opaque(&cls, Epoll { fd }))
}

fn epoll_fromfd(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [cls, fd] = bind("fromfd", args, kw, &["cls", "fd", "/"])?;
    let fd = fd_arg(vm, &fd.unwrap_or(Value::NONE))?;
    Ok(new_opaque(&cls.unwrap_or(Value::NONE), Epoll { fd }))
}

fn epoll_fd(v: &Value) -> PyResult<i32> {
    let fd = with_opaque::<Epoll, _>(v, |e| e.fd).ok_or_else(|| PyErr::type_error("descriptor requires a 'select.epoll' object"))?;
    if fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed epoll object"));
    }
    Ok(fd)
}

fn epoll_ctl(efd: i32, op: i32, fd: i32, events: u32) -> Result<(), i32> {
    let mut ev = libc::epoll_event { events, u64: fd as u32 as u64 };
    // SAFETY: ev is a valid epoll_event.
    check(unsafe { libc::epoll_ctl(efd, op, fd, &mut ev) }).map(|_| ())
}

fn epoll_register(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, fd, mask] = bind("register", args, kw, &["self", "fd", "eventmask="])?;
    let efd = epoll_fd(&s.unwrap_or(Value::NONE))?;
    let fd = fileobj_fd(vm, &fd.unwrap_or(Value::NONE))?;
    let mask = match mask {
        Some(m) => int_arg(vm, &m)? as u32,
        None => (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as u32,
    };
    epoll_ctl(efd, libc::EPOLL_CTL_ADD, fd, mask).map_err(sys_err)?;
    Ok(Value::NONE)
}

fn epoll_modify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, fd, mask] = bind("modify", args, kw, &["self", "fd", "eventmask"])?;
    let efd = epoll_fd(&s.unwrap_or(Value::NONE))?;
    let fd = fileobj_fd(vm, &fd.unwrap_or(Value::NONE))?;
    let mask = int_arg(vm, &mask.unwrap_or(Value::NONE))? as u32;
    epoll_ctl(efd, libc::EPOLL_CTL_MOD, fd, mask).map_err(sys_err)?;
    Ok(Value::NONE)
}

fn epoll_unregister(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, fd] = bind("unregister", args, kw, &["self", "fd"])?;
    let efd = epoll_fd(&s.unwrap_or(Value::NONE))?;
    let fd = fileobj_fd(vm, &fd.unwrap_or(Value::NONE))?;
    epoll_ctl(efd, libc::EPOLL_CTL_DEL, fd, 0).map_err(sys_err)?;
    Ok(Value::NONE)
}

fn sys_epoll_wait(efd: i32, evs: &mut [libc::epoll_event], ms: i32) -> Result<usize, i32> {
    // SAFETY: evs is a valid buffer of evs.len() events.
    let r = unsafe { libc::epoll_wait(efd, evs.as_mut_ptr(), evs.len() as i32, ms) };
    check(r).map(|r| r as usize)
}

fn epoll_poll(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, timeout, maxevents] = bind("poll", args, kw, &["self", "timeout=", "maxevents="])?;
    let efd = epoll_fd(&s.unwrap_or(Value::NONE))?;
    let t = timeout_secs(vm, &timeout, "timeout must be an integer or None")?;
    let deadline = match t {
        Some(t) if t >= 0.0 => Some(Instant::now() + Duration::from_secs_f64(t.min(1e9))),
        _ => None,
    };
    let maxevents = match maxevents {
        Some(m) => int_arg(vm, &m)?,
        None => -1,
    };
    let maxevents = if maxevents == -1 {
        libc::FD_SETSIZE as i64 - 1
    } else if maxevents < 1 {
        return Err(PyErr::value_error(format!("maxevents must be greater than 0, got {maxevents}")));
    } else {
        maxevents
    };
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents.min(1 << 16) as usize];
    let n = loop {
        let ms = match deadline {
            None => -1,
            Some(d) => d.saturating_duration_since(Instant::now()).as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32,
        };
        match crate::gil::allow_threads(vm, || sys_epoll_wait(efd, &mut evs, ms)) {
            Ok(n) => break n,
            Err(libc::EINTR) => crate::interp::signals::periodic_check(vm)?,
            Err(e) => return Err(os_err(e, None, None)),
        }
    };
    let out: Vec<Value> = evs[..n]
        .iter()
        .map(|e| {
            let (events, data) = (e.events, e.u64);
            Value::tuple(vec![Value::int(data as u32 as i32 as i64), Value::int(events as i64)])
        })
        .collect();
    Ok(Value::list(out))
}

fn epoll_close(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let r = with_opaque::<Epoll, _>(&args[0], |e| {
        if e.fd >= 0 {
            // SAFETY: closing our own fd once.
            let r = unsafe { libc::close(e.fd) };
            e.fd = -1;
            if r < 0 {
                return Err(errno());
            }
        }
        Ok(())
    });
    if let Some(Err(e)) = r {
        return Err(os_err(e, None, None));
    }
    Ok(Value::NONE)
}

fn epoll_closed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(with_opaque::<Epoll, _>(&args[0], |e| e.fd < 0).unwrap_or(true)))
}

fn epoll_fileno(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(epoll_fd(&args[0])? as i64))
}

fn epoll_enter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    epoll_fd(&args[0])?;
    Ok(args[0].clone())
}

fn epoll_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    epoll_close(vm, &args[..1], &[])?;
    Ok(Value::NONE)
}

pub fn make() -> Value {
    let m = new_module("select");
    add_function(&m, "select", select);
    add_function(&m, "poll", poll_new);
    set_attr(&m, "epoll", epoll_type());
    set_attr(&m, "error", types().exc.os_error.clone());
    let ints: &[(&str, i64)] = &[
        ("POLLIN", libc::POLLIN as i64),
        ("POLLPRI", libc::POLLPRI as i64),
        ("POLLOUT", libc::POLLOUT as i64),
        ("POLLERR", libc::POLLERR as i64),
        ("POLLHUP", libc::POLLHUP as i64),
        ("POLLNVAL", libc::POLLNVAL as i64),
        ("POLLRDNORM", libc::POLLRDNORM as i64),
        ("POLLRDBAND", libc::POLLRDBAND as i64),
        ("POLLWRNORM", libc::POLLWRNORM as i64),
        ("POLLWRBAND", libc::POLLWRBAND as i64),
        ("POLLMSG", 0x400),
        ("POLLRDHUP", libc::POLLRDHUP as i64),
        ("PIPE_BUF", libc::PIPE_BUF as i64),
        ("EPOLLIN", libc::EPOLLIN as i64),
        ("EPOLLOUT", libc::EPOLLOUT as i64),
        ("EPOLLPRI", libc::EPOLLPRI as i64),
        ("EPOLLERR", libc::EPOLLERR as i64),
        ("EPOLLHUP", libc::EPOLLHUP as i64),
        ("EPOLLET", libc::EPOLLET as u32 as i64),
        ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
        ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
        ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
        ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
        ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
        ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
        ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
        ("EPOLLMSG", libc::EPOLLMSG as i64),
        ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ];
    add_ints(&m, ints);
    m
}
