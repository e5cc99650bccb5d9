//! `_socket`: BSD sockets over libc for `Lib/socket.py`.
//!
//! A socket object keeps its descriptor, family, type, protocol and timeout
//! (negative: blocking, 0: non-blocking, positive: poll first). With a
//! timeout the descriptor is non-blocking and each operation waits with
//! `poll` for readiness. Blocking calls run without the GIL; EINTR runs the
//! signal handlers and retries (PEP 475).

use crate::modules::native::GilSlot;
use crate::modules::posix::common::{errno, os_err, retry_on_eintr, sys_err};
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind, Payload};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_getset, add_method, add_native, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::sync::atomic::{AtomicU64, Ordering};

struct Sock {
    fd: i32,
    family: i32,
    ty: i32,
    proto: i32,
    /// Seconds; negative means blocking without timeout (None).
    timeout: f64,
}
impl NativeData for Sock {}

impl Drop for Sock {
    fn drop(&mut self) {
        if self.fd >= 0 {
            // SAFETY: we own the descriptor.
            unsafe { libc::close(self.fd) };
        }
    }
}

static SOCKET_TYPE: GilSlot = GilSlot::new();
static HERROR: GilSlot = GilSlot::new();
static GAIERROR: GilSlot = GilSlot::new();

/// `setdefaulttimeout` value as f64 bits (negative: None).
static DEFAULT_TIMEOUT: AtomicU64 = AtomicU64::new(0xbff0_0000_0000_0000); // -1.0

fn default_timeout() -> f64 {
    f64::from_bits(DEFAULT_TIMEOUT.load(Ordering::Relaxed))
}

fn socket_type() -> Value {
    SOCKET_TYPE.get_or_init(|| {
        let t = crate::modules::native::new_type("_socket", "socket", None);
        add_native(&t, "__new__", sock_new, NativeKind::StaticMethod);
        for (n, f) in [
            ("__init__", sock_init as crate::object::NativeFn),
            ("__repr__", sock_repr),
            ("_accept", sock_accept),
            ("bind", sock_bind),
            ("close", sock_close),
            ("connect", sock_connect),
            ("connect_ex", sock_connect_ex),
            ("detach", sock_detach),
            ("fileno", sock_fileno),
            ("getpeername", sock_getpeername),
            ("getsockname", sock_getsockname),
            ("getsockopt", sock_getsockopt),
            ("setsockopt", sock_setsockopt),
            ("gettimeout", sock_gettimeout),
            ("settimeout", sock_settimeout),
            ("getblocking", sock_getblocking),
            ("setblocking", sock_setblocking),
            ("listen", sock_listen),
            ("recv", sock_recv),
            ("recv_into", sock_recv_into),
            ("recvfrom", sock_recvfrom),
            ("recvfrom_into", sock_recvfrom_into),
            ("send", sock_send),
            ("sendall", sock_sendall),
            ("sendto", sock_sendto),
            ("shutdown", sock_shutdown),
            ("__enter__", sock_enter),
            ("__exit__", sock_exit),
        ] {
            add_method(&t, n, f);
        }
        add_getset(&t, "family", get_family, None);
        add_getset(&t, "type", get_type, None);
        add_getset(&t, "proto", get_proto, None);
        add_getset(&t, "timeout", get_timeout, None);
        t
    })
}

fn herror(vm: &mut Vm) -> Value {
    if let Some(e) = HERROR.get() {
        return e;
    }
    let e = crate::modules::native::new_exception(vm, "socket", "herror", &[types().exc.os_error.clone()]);
    HERROR.get_or_init(|| e)
}

fn gaierror(vm: &mut Vm) -> Value {
    if let Some(e) = GAIERROR.get() {
        return e;
    }
    let e = crate::modules::native::new_exception(vm, "socket", "gaierror", &[types().exc.os_error.clone()]);
    GAIERROR.get_or_init(|| e)
}

fn gai_err(vm: &mut Vm, code: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        return os_err(errno(), None, None);
    }
    // SAFETY: gai_strerror returns a static string.
    let msg = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(code)).to_string_lossy().into_owned() };
    let cls = gaierror(vm);
    PyErr::from_value(crate::types::exception::new_exception(&cls, vec![Value::int(code as i64), Value::string(msg)]))
}

fn timeout_err() -> PyErr {
    PyErr::new(&types().exc.timeout_error, "timed out")
}

// ---------------------------------------------------------------- state access

fn st<R>(v: &Value, f: impl FnOnce(&mut Sock) -> R) -> PyResult<R> {
    with_opaque::<Sock, _>(v, f).ok_or_else(|| {
        PyErr::type_error(format!("descriptor requires a '_socket.socket' object but received a '{}'", type_ref(v).type_name_str()))
    })
}

/// (fd, timeout) of an open socket; EBADF for a closed one.
fn fd_of(v: &Value) -> PyResult<(i32, f64)> {
    let (fd, t) = st(v, |s| (s.fd, s.timeout))?;
    if fd < 0 {
        return Err(os_err(libc::EBADF, None, None));
    }
    Ok((fd, t))
}

fn set_nonblocking(fd: i32, nonblock: bool) -> Result<(), i32> {
    crate::modules::posix::posix::set_blocking_fd(fd, !nonblock)
}

/// Wait until `fd` is ready (readable or writable) or `timeout` passes.
/// Returns Ok(false) on timeout.
fn wait_ready(vm: &mut Vm, fd: i32, writing: bool, deadline: std::time::Instant) -> PyResult<bool> {
    loop {
        let now = std::time::Instant::now();
        if now >= deadline {
            return Ok(false);
        }
        let ms = (deadline - now).as_millis().min(i32::MAX as u128) as i32;
        let mut p = libc::pollfd { fd, events: if writing { libc::POLLOUT } else { libc::POLLIN }, revents: 0 };
        // SAFETY: one valid pollfd.
        let r = crate::gil::allow_threads(vm, || unsafe { libc::poll(&mut p, 1, ms.max(1)) });
        if retry_on_eintr(vm, r as isize)? {
            continue;
        }
        if r > 0 {
            return Ok(true);
        }
    }
}

/// Run a socket system call `f` with the socket's timeout semantics.
fn sock_call(vm: &mut Vm, sock: &Value, writing: bool, mut f: impl FnMut() -> isize + Send) -> PyResult<isize> {
    let (fd, timeout) = fd_of(sock)?;
    let deadline = if timeout > 0.0 { Some(std::time::Instant::now() + std::time::Duration::from_secs_f64(timeout)) } else { None };
    loop {
        if let Some(d) = deadline {
            if !wait_ready(vm, fd, writing, d)? {
                return Err(timeout_err());
            }
        }
        let (r, e) = if timeout < 0.0 {
            crate::gil::allow_threads(vm, || {
                let r = f();
                (r, if r < 0 { errno() } else { 0 })
            })
        } else {
            let r = f();
            (r, if r < 0 { errno() } else { 0 })
        };
        if r >= 0 {
            return Ok(r);
        }
        if e == libc::EINTR {
            crate::interp::signals::periodic_check(vm)?;
            continue;
        }
        if deadline.is_some() && (e == libc::EAGAIN || e == libc::EWOULDBLOCK) {
            continue;
        }
        return Err(os_err(e, None, None));
    }
}

// ---------------------------------------------------------------- addresses

struct Addr {
    storage: libc::sockaddr_storage,
    len: libc::socklen_t,
}

impl Addr {
    fn new() -> Addr {
        // SAFETY: sockaddr_storage is plain data.
        Addr { storage: unsafe { std::mem::zeroed() }, len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t }
    }
    fn ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const _ as *const libc::sockaddr
    }
    fn mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut _ as *mut libc::sockaddr
    }
}

/// Resolve a host name for `family` (numeric forms first, then getaddrinfo).
fn resolve_host(vm: &mut Vm, host: &str, family: i32, out: &mut Addr) -> PyResult<()> {
    if family == libc::AF_INET {
        let ip: Option<[u8; 4]> = if host.is_empty() {
            Some([0, 0, 0, 0])
        } else if host == "<broadcast>" {
            Some([255, 255, 255, 255])
        } else {
            host.parse::<std::net::Ipv4Addr>().ok().map(|a| a.octets())
        };
        if let Some(ip) = ip {
            // SAFETY: storage is large enough for sockaddr_in.
            let sin = unsafe { &mut *(out.mut_ptr() as *mut libc::sockaddr_in) };
            sin.sin_family = libc::AF_INET as libc::sa_family_t;
            sin.sin_addr.s_addr = u32::from_ne_bytes(ip);
            out.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
            return Ok(());
        }
    } else if family == libc::AF_INET6 {
        let ip: Option<[u8; 16]> = if host.is_empty() { Some([0; 16]) } else { host.parse::<std::net::Ipv6Addr>().ok().map(|a| a.octets()) };
        if let Some(ip) = ip {
            // SAFETY: storage is large enough for sockaddr_in6.
            let sin = unsafe { &mut *(out.mut_ptr() as *mut libc::sockaddr_in6) };
            sin.sin6_family = libc::AF_INET6 as libc::sa_family_t;
            sin.sin6_addr.s6_addr = ip;
            out.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
            return Ok(());
        }
    }
    let res = getaddrinfo_raw(vm, Some(host.as_bytes().to_vec()), None, family, 0, 0, 0)?;
    match res.into_iter().next() {
        Some((_, _, _, _, a)) => {
            out.storage = a.storage;
            out.len = a.len;
            Ok(())
        }
        None => Err(gai_err(vm, libc::EAI_NONAME)),
    }
}

fn host_text(vm: &mut Vm, h: &Value) -> PyResult<String> {
    if let Some(s) = h.as_str() {
        if s.is_ascii() {
            return Ok(s.to_string());
        }
        let enc = vm.call_method(h, "encode", &[Value::str("idna")])?;
        return Ok(String::from_utf8_lossy(enc.as_bytes().unwrap_or(&[])).into_owned());
    }
    if let Some(b) = crate::types::bytes::buffer_bytes(h) {
        return Ok(String::from_utf8_lossy(&b).into_owned());
    }
    Err(PyErr::type_error(format!("str, bytes or bytearray expected, not {}", type_ref(h).type_name_str())))
}

fn port_arg(vm: &mut Vm, p: &Value, fname: &str) -> PyResult<u16> {
    let n = match p.as_i64() {
        Some(n) if p.is_int() && !p.is_bool() || p.is_bool() => n,
        _ => {
            if p.is_int() {
                return Err(PyErr::overflow(format!("{fname}(): port must be 0-65535.")));
            }
            if crate::types::lookup(type_ref(p), "__index__").is_none() {
                return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_ref(p).type_name_str())));
            }
            vm.index_value(p)?
        }
    };
    if !(0..=65535).contains(&n) {
        return Err(PyErr::overflow(format!("{fname}(): port must be 0-65535.")));
    }
    Ok(n as u16)
}

/// Convert a Python address for `family` to a sockaddr.
fn parse_addr(vm: &mut Vm, family: i32, a: &Value, fname: &str) -> PyResult<Addr> {
    let mut out = Addr::new();
    match family {
        libc::AF_UNIX => {
            let path: Vec<u8> = if let Some(s) = a.as_str() {
                let enc = vm_fsencode(vm)?;
                let fs = vm.call(&enc, &[a.clone()])?;
                fs.as_bytes().map(|b| b.to_vec()).unwrap_or_else(|| s.as_bytes().to_vec())
            } else if let Some(b) = crate::types::bytes::buffer_bytes(a) {
                b
            } else if crate::types::lookup(type_ref(a), "__fspath__").is_some() {
                let p = vm.call_method(a, "__fspath__", &[])?;
                return parse_addr(vm, family, &p, fname);
            } else {
                return Err(PyErr::type_error(format!("{fname}(): AF_UNIX address must be str or bytes, not {}", type_ref(a).type_name_str())));
            };
            // SAFETY: storage is large enough for sockaddr_un.
            let sun = unsafe { &mut *(out.mut_ptr() as *mut libc::sockaddr_un) };
            if path.len() >= sun.sun_path.len() {
                return Err(os_err(libc::ENAMETOOLONG, None, None).with_msg("AF_UNIX path too long"));
            }
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (i, b) in path.iter().enumerate() {
                sun.sun_path[i] = *b as libc::c_char;
            }
            let base = std::mem::size_of::<libc::sa_family_t>();
            // Abstract names (leading NUL) and "" (autobind) take no terminator.
            let term = if path.is_empty() || path[0] == 0 { 0 } else { 1 };
            out.len = (base + path.len() + term) as libc::socklen_t;
            Ok(out)
        }
        libc::AF_INET | libc::AF_INET6 => {
            let Some(t) = a.as_tuple().map(|t| t.to_vec()) else {
                let fam = if family == libc::AF_INET { "AF_INET" } else { "AF_INET6" };
                return Err(PyErr::type_error(format!("{fname}(): {fam} address must be tuple, not {}", type_ref(a).type_name_str())));
            };
            if family == libc::AF_INET && t.len() != 2 {
                return Err(PyErr::type_error("AF_INET address must be a pair (host, port)"));
            }
            if family == libc::AF_INET6 && !(2..=4).contains(&t.len()) {
                return Err(PyErr::type_error("AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"));
            }
            let host = host_text(vm, &t[0])?;
            let port = port_arg(vm, &t[1], fname)?;
            resolve_host(vm, &host, family, &mut out)?;
            if family == libc::AF_INET {
                // SAFETY: resolved as AF_INET.
                let sin = unsafe { &mut *(out.mut_ptr() as *mut libc::sockaddr_in) };
                sin.sin_port = port.to_be();
            } else {
                let flow = match t.get(2) {
                    Some(f) => vm.index_value(f)?,
                    None => 0,
                };
                if !(0..=0xfffff).contains(&flow) {
                    return Err(PyErr::overflow(format!("{fname}(): flowinfo must be 0-1048575.")));
                }
                let scope = match t.get(3) {
                    Some(s) => vm.index_value(s)?,
                    None => 0,
                };
                // SAFETY: resolved as AF_INET6.
                let sin = unsafe { &mut *(out.mut_ptr() as *mut libc::sockaddr_in6) };
                sin.sin6_port = port.to_be();
                sin.sin6_flowinfo = (flow as u32).to_be();
                sin.sin6_scope_id = scope as u32;
            }
            Ok(out)
        }
        _ => Err(os_err(libc::EAFNOSUPPORT, None, None)),
    }
}

trait WithMsg {
    fn with_msg(self, m: &str) -> PyErr;
}
impl WithMsg for PyErr {
    fn with_msg(self, m: &str) -> PyErr {
        PyErr::new(&types().exc.os_error, m)
    }
}

fn vm_fsencode(vm: &mut Vm) -> PyResult<Value> {
    let os = crate::import::import_module(vm, "os")?;
    vm.getattr_str(&os, "fsencode")
}

fn ipv4_text(b: [u8; 4]) -> String {
    std::net::Ipv4Addr::from(b).to_string()
}

fn ipv6_text(b: [u8; 16]) -> String {
    std::net::Ipv6Addr::from(b).to_string()
}

/// Convert a sockaddr to its Python form.
fn addr_value(vm: &mut Vm, a: &Addr) -> PyResult<Value> {
    if a.len == 0 {
        return Ok(Value::NONE);
    }
    let family = a.storage.ss_family as i32;
    match family {
        libc::AF_INET => {
            // SAFETY: the family says sockaddr_in.
            let sin = unsafe { &*(a.ptr() as *const libc::sockaddr_in) };
            let ip = ipv4_text(sin.sin_addr.s_addr.to_ne_bytes());
            Ok(Value::tuple(vec![Value::string(ip), Value::int(u16::from_be(sin.sin_port) as i64)]))
        }
        libc::AF_INET6 => {
            // SAFETY: the family says sockaddr_in6.
            let sin = unsafe { &*(a.ptr() as *const libc::sockaddr_in6) };
            let ip = ipv6_text(sin.sin6_addr.s6_addr);
            Ok(Value::tuple(vec![
                Value::string(ip),
                Value::int(u16::from_be(sin.sin6_port) as i64),
                Value::int(u32::from_be(sin.sin6_flowinfo) as i64),
                Value::int(sin.sin6_scope_id as i64),
            ]))
        }
        libc::AF_UNIX => {
            // SAFETY: the family says sockaddr_un.
            let sun = unsafe { &*(a.ptr() as *const libc::sockaddr_un) };
            let base = std::mem::size_of::<libc::sa_family_t>();
            let n = (a.len as usize).saturating_sub(base).min(sun.sun_path.len());
            let raw: Vec<u8> = sun.sun_path[..n].iter().map(|&c| c as u8).collect();
            if raw.first() == Some(&0) {
                return Ok(Value::bytes(raw));
            }
            let end = raw.iter().position(|&b| b == 0).unwrap_or(raw.len());
            let b = Value::bytes(raw[..end].to_vec());
            let os = crate::import::import_module(vm, "os")?;
            let dec = vm.getattr_str(&os, "fsdecode")?;
            vm.call(&dec, &[b])
        }
        _ => Ok(Value::tuple(vec![Value::int(family as i64), Value::bytes(Vec::new())])),
    }
}

// ---------------------------------------------------------------- socket methods

fn sock_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or_else(socket_type);
    Ok(new_opaque(&cls, Sock { fd: -1, family: libc::AF_INET, ty: libc::SOCK_STREAM, proto: 0, timeout: -1.0 }))
}

fn getsockopt_int(fd: i32, level: i32, opt: i32) -> Result<i32, i32> {
    let mut v: libc::c_int = 0;
    let mut l = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: valid out pointers of the right size.
    if unsafe { libc::getsockopt(fd, level, opt, &mut v as *mut _ as *mut libc::c_void, &mut l) } != 0 {
        return Err(errno());
    }
    Ok(v)
}

fn int_or_default(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    match v {
        Some(v) if !v.is_none() => vm.index_value(&v),
        _ => Ok(-1),
    }
}

fn sock_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, family, ty, proto, fileno] = crate::args::bind("socket", args, kw, &["self", "family=", "type=", "proto=", "fileno="])?;
    let s = s.unwrap_or(Value::NONE);
    let mut family = int_or_default(vm, family)? as i32;
    let mut ty = int_or_default(vm, ty)? as i32;
    let mut proto = int_or_default(vm, proto)? as i32;
    let fd = match fileno.filter(|f| !f.is_none()) {
        Some(f) => {
            if f.is_float() {
                return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
            }
            let fd = vm.index_value(&f)?;
            if fd < 0 {
                return Err(PyErr::value_error("negative file descriptor"));
            }
            let fd = fd as i32;
            if family == -1 {
                family = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_DOMAIN).map_err(sys_err)?;
            }
            if ty == -1 {
                ty = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_TYPE).map_err(sys_err)?;
            }
            if proto == -1 {
                proto = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_PROTOCOL).map_err(sys_err)?;
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if ty == -1 {
                ty = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: plain system call.
            let fd = unsafe { libc::socket(family, ty | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(os_err(errno(), None, None));
            }
            fd
        }
    };
    let mut timeout = default_timeout();
    if ty & libc::SOCK_NONBLOCK != 0 {
        timeout = 0.0;
    }
    let ty = ty & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    if timeout >= 0.0 {
        let _ = set_nonblocking(fd, true);
    }
    let old = st(&s, |st| {
        let old = if st.fd >= 0 && st.fd != fd { Some(st.fd) } else { None };
        st.fd = fd;
        st.family = family;
        st.ty = ty;
        st.proto = proto;
        st.timeout = timeout;
        old
    })?;
    if let Some(o) = old {
        // SAFETY: the descriptor was ours.
        unsafe { libc::close(o) };
    }
    Ok(Value::NONE)
}

fn sock_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let _ = vm;
    let (fd, f, t, p) = st(&args[0], |s| (s.fd, s.family, s.ty, s.proto))?;
    Ok(Value::string(format!("<socket object, fd={fd}, family={f}, type={t}, proto={p}>")))
}

fn get_family(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(st(&args[0], |s| s.family)? as i64))
}
fn get_type(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(st(&args[0], |s| s.ty)? as i64))
}
fn get_proto(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(st(&args[0], |s| s.proto)? as i64))
}
fn timeout_value(t: f64) -> Value {
    if t < 0.0 {
        Value::NONE
    } else {
        Value::float(t)
    }
}
fn get_timeout(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(timeout_value(st(&args[0], |s| s.timeout)?))
}
fn sock_gettimeout(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("gettimeout", args, kw, 1, 1)?;
    get_timeout(vm, args, kw)
}

/// A timeout argument: None (blocking) or seconds >= 0.
fn parse_timeout(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if v.is_none() {
        return Ok(-1.0);
    }
    let f = match crate::types::float::float_of(v) {
        Some(f) => f,
        None => vm.index_value(v)? as f64,
    };
    if f.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if f < 0.0 {
        return Err(PyErr::value_error("Timeout value out of range"));
    }
    Ok(f)
}

fn apply_timeout(s: &Value, t: f64) -> PyResult<()> {
    let fd = st(s, |st| {
        st.timeout = t;
        st.fd
    })?;
    if fd >= 0 {
        set_nonblocking(fd, t >= 0.0).map_err(sys_err)?;
    }
    Ok(())
}

fn sock_settimeout(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("settimeout", args, kw, 2, 2)?;
    let t = parse_timeout(vm, &args[1])?;
    apply_timeout(&args[0], t)?;
    Ok(Value::NONE)
}

fn sock_setblocking(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("setblocking", args, kw, 2, 2)?;
    let b = vm.truthy(&args[1])?;
    apply_timeout(&args[0], if b { -1.0 } else { 0.0 })?;
    Ok(Value::NONE)
}

fn sock_getblocking(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getblocking", args, kw, 1, 1)?;
    let (fd, t) = st(&args[0], |s| (s.fd, s.timeout))?;
    if fd < 0 {
        return Err(os_err(libc::EBADF, None, None));
    }
    Ok(Value::bool(t != 0.0))
}

fn sock_fileno(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(st(&args[0], |s| s.fd)? as i64))
}

fn sock_close(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fd = st(&args[0], |s| std::mem::replace(&mut s.fd, -1))?;
    if fd >= 0 {
        // SAFETY: the descriptor was ours.
        if unsafe { libc::close(fd) } != 0 {
            let e = errno();
            if e != libc::ECONNRESET {
                return Err(os_err(e, None, None));
            }
        }
    }
    Ok(Value::NONE)
}

fn sock_detach(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(st(&args[0], |s| std::mem::replace(&mut s.fd, -1))? as i64))
}

fn sock_enter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn sock_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    sock_close(vm, &args[..1], &[])
}

fn family_of(s: &Value) -> PyResult<i32> {
    st(s, |s| s.family)
}

fn sock_bind(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("bind", args, kw, 2, 2)?;
    let fam = family_of(&args[0])?;
    let a = parse_addr(vm, fam, &args[1], "bind")?;
    let (fd, _) = fd_of(&args[0])?;
    // SAFETY: a valid sockaddr of length a.len.
    if unsafe { libc::bind(fd, a.ptr(), a.len) } != 0 {
        return Err(os_err(errno(), None, None));
    }
    Ok(Value::NONE)
}

fn sock_listen(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("listen", args, kw, 1, 2)?;
    let backlog = match args.get(1) {
        Some(b) => vm.index_value(b)?.clamp(0, i32::MAX as i64) as i32,
        None => 128.min(libc::SOMAXCONN),
    };
    let (fd, _) = fd_of(&args[0])?;
    // SAFETY: plain system call.
    if unsafe { libc::listen(fd, backlog) } != 0 {
        return Err(os_err(errno(), None, None));
    }
    Ok(Value::NONE)
}

fn sock_accept(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = args[0].clone();
    let (fd, _) = fd_of(&s)?;
    let mut a = Addr::new();
    let ap = &mut a as *mut Addr as usize;
    let r = sock_call(vm, &s, false, move || {
        // SAFETY: `a` outlives the call; the pointer is only used here.
        let a = unsafe { &mut *(ap as *mut Addr) };
        a.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        unsafe { libc::accept4(fd, a.mut_ptr(), &mut a.len, libc::SOCK_CLOEXEC) as isize }
    })?;
    let addr = addr_value(vm, &a)?;
    Ok(Value::tuple(vec![Value::int(r as i64), addr]))
}

/// Connect; returns the errno (0 on success) for connect_ex, or raises.
fn do_connect(vm: &mut Vm, s: &Value, addr: &Value, raise: bool) -> PyResult<i32> {
    let fam = family_of(s)?;
    let a = parse_addr(vm, fam, addr, "connect")?;
    let (fd, timeout) = fd_of(s)?;
    let (mut r, mut e) = {
        let ap = &a as *const Addr as usize;
        let f = move || {
            // SAFETY: `a` outlives the call.
            let a = unsafe { &*(ap as *const Addr) };
            let r = unsafe { libc::connect(fd, a.ptr(), a.len) };
            (r, if r < 0 { errno() } else { 0 })
        };
        if timeout < 0.0 {
            crate::gil::allow_threads(vm, f)
        } else {
            f()
        }
    };
    if r < 0 && (e == libc::EINTR || (e == libc::EINPROGRESS && timeout != 0.0)) {
        if e == libc::EINTR {
            crate::interp::signals::periodic_check(vm)?;
        }
        // Wait for the connection to complete.
        let deadline = if timeout > 0.0 {
            std::time::Instant::now() + std::time::Duration::from_secs_f64(timeout)
        } else {
            std::time::Instant::now() + std::time::Duration::from_secs(u32::MAX as u64)
        };
        if !wait_ready(vm, fd, true, deadline)? {
            if raise {
                return Err(timeout_err());
            }
            return Ok(libc::EWOULDBLOCK);
        }
        e = getsockopt_int(fd, libc::SOL_SOCKET, libc::SO_ERROR).unwrap_or_else(|x| x);
        r = if e == 0 { 0 } else { -1 };
    }
    if r < 0 {
        if raise {
            return Err(os_err(e, None, None));
        }
        return Ok(e);
    }
    Ok(0)
}

fn sock_connect(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("connect", args, kw, 2, 2)?;
    do_connect(vm, &args[0], &args[1], true)?;
    Ok(Value::NONE)
}

fn sock_connect_ex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("connect_ex", args, kw, 2, 2)?;
    Ok(Value::int(do_connect(vm, &args[0], &args[1], false)? as i64))
}

fn name_call(vm: &mut Vm, s: &Value, peer: bool) -> PyResult<Value> {
    let (fd, _) = fd_of(s)?;
    let mut a = Addr::new();
    // SAFETY: valid out pointers.
    let r = unsafe {
        if peer {
            libc::getpeername(fd, a.mut_ptr(), &mut a.len)
        } else {
            libc::getsockname(fd, a.mut_ptr(), &mut a.len)
        }
    };
    if r != 0 {
        return Err(os_err(errno(), None, None));
    }
    if a.len as usize <= std::mem::size_of::<libc::sa_family_t>() && a.storage.ss_family as i32 == libc::AF_UNIX {
        return Ok(Value::str(""));
    }
    addr_value(vm, &a)
}

fn sock_getsockname(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    name_call(vm, &args[0], false)
}

fn sock_getpeername(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    name_call(vm, &args[0], true)
}

fn sock_getsockopt(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getsockopt", args, kw, 3, 4)?;
    let (fd, _) = fd_of(&args[0])?;
    let level = vm.index_value(&args[1])? as i32;
    let opt = vm.index_value(&args[2])? as i32;
    match args.get(3) {
        None => Ok(Value::int(getsockopt_int(fd, level, opt).map_err(sys_err)? as i64)),
        Some(n) => {
            let n = vm.index_value(n)?;
            if !(0..=1024).contains(&n) {
                return Err(os_err(libc::EINVAL, None, None).with_msg("getsockopt buflen out of range"));
            }
            let mut buf = vec![0u8; n as usize];
            let mut l = n as libc::socklen_t;
            // SAFETY: buffer of length l.
            if unsafe { libc::getsockopt(fd, level, opt, buf.as_mut_ptr() as *mut libc::c_void, &mut l) } != 0 {
                return Err(os_err(errno(), None, None));
            }
            buf.truncate(l as usize);
            Ok(Value::bytes(buf))
        }
    }
}

fn sock_setsockopt(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("setsockopt", args, kw, 4, 5)?;
    let (fd, _) = fd_of(&args[0])?;
    let level = vm.index_value(&args[1])? as i32;
    let opt = vm.index_value(&args[2])? as i32;
    let r = if args.len() == 5 {
        if !args[3].is_none() {
            return Err(PyErr::type_error("setsockopt() takes 4 arguments when value is None"));
        }
        let n = vm.index_value(&args[4])? as libc::socklen_t;
        // SAFETY: a null value with an explicit length.
        unsafe { libc::setsockopt(fd, level, opt, std::ptr::null(), n) }
    } else if args[3].is_int() {
        let v = vm.index_value(&args[3])? as libc::c_int;
        // SAFETY: pointer to a local int.
        unsafe { libc::setsockopt(fd, level, opt, &v as *const _ as *const libc::c_void, std::mem::size_of::<libc::c_int>() as libc::socklen_t) }
    } else {
        let b = crate::types::bytes::buffer_bytes(&args[3])
            .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_ref(&args[3]).type_name_str())))?;
        // SAFETY: buffer of the given length.
        unsafe { libc::setsockopt(fd, level, opt, b.as_ptr() as *const libc::c_void, b.len() as libc::socklen_t) }
    };
    if r != 0 {
        return Err(os_err(errno(), None, None));
    }
    Ok(Value::NONE)
}

fn flags_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        Some(f) => Ok(vm.index_value(f)? as i32),
        None => Ok(0),
    }
}

fn recv_bytes(vm: &mut Vm, s: &Value, n: usize, flags: i32) -> PyResult<Vec<u8>> {
    let (fd, _) = fd_of(s)?;
    let mut buf = vec![0u8; n];
    let p = buf.as_mut_ptr() as usize;
    let r = sock_call(vm, s, false, move || {
        // SAFETY: the buffer outlives the call and has n bytes.
        unsafe { libc::recv(fd, p as *mut libc::c_void, n, flags) }
    })?;
    buf.truncate(r as usize);
    Ok(buf)
}

fn sock_recv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("recv", args, kw, 2, 3)?;
    let n = vm.index_value(&args[1])?;
    if n < 0 {
        return Err(PyErr::value_error("negative buffersize in recv"));
    }
    let flags = flags_arg(vm, args.get(2))?;
    let b = recv_bytes(vm, &args[0], n as usize, flags)?;
    Ok(Value::bytes(b))
}

fn writable_len(vm: &mut Vm, b: &Value) -> PyResult<usize> {
    match b.as_obj().map(|o| &o.payload) {
        Some(Payload::ByteArray(x)) => Ok(x.borrow().len()),
        Some(Payload::MemoryView(m)) => {
            let m = m.borrow();
            if m.released {
                return Err(PyErr::value_error("operation forbidden on released memoryview object"));
            }
            if !matches!(m.obj.as_obj().map(|o| &o.payload), Some(Payload::ByteArray(_))) {
                return Err(PyErr::type_error("recv_into() argument 'buffer' must be read-write bytes-like object, not memoryview"));
            }
            Ok(m.len)
        }
        Some(Payload::Bytes(_) | Payload::Str(_)) | None => Err(PyErr::type_error(format!(
            "recv_into() argument 'buffer' must be read-write bytes-like object, not {}",
            type_ref(b).type_name_str()
        ))),
        _ => {
            let nb = vm.getattr_str(b, "nbytes").or_else(|_| vm.len(b).map(|n| Value::int(n as i64)))?;
            Ok(vm.index_value(&nb)?.max(0) as usize)
        }
    }
}


/// How many bytes a `recv_into`-style call reads into `buf`: `nbytes`, or
/// the whole buffer when it is absent or 0; `too_big` when it does not fit.
fn into_count(vm: &mut Vm, buf: &Value, nbytes: Option<Value>, name: &str, too_big: &str) -> PyResult<usize> {
    let cap = writable_len(vm, buf)?;
    let n = match nbytes {
        Some(n) => vm.index_value(&n)?,
        None => 0,
    };
    if n < 0 {
        return Err(PyErr::value_error(format!("negative buffersize in {name}")));
    }
    if n == 0 {
        return Ok(cap);
    }
    if n as usize > cap {
        return Err(PyErr::value_error(too_big));
    }
    Ok(n as usize)
}

fn sock_recv_into(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, buf, nbytes, flags] = crate::args::bind("recv_into", args, kw, &["self", "buffer", "nbytes=", "flags="])?;
    let (s, buf) = (s.unwrap_or(Value::NONE), buf.unwrap_or(Value::NONE));
    let n = into_count(vm, &buf, nbytes, "recv_into", "buffer too small for requested bytes")?;
    let flags = flags_arg(vm, flags.as_ref())?;
    let data = recv_bytes(vm, &s, n, flags)?;
    crate::modules::io::fill_writable(vm, &buf, &data)?;
    Ok(Value::int(data.len() as i64))
}

fn recvfrom_raw(vm: &mut Vm, s: &Value, n: usize, flags: i32) -> PyResult<(Vec<u8>, Value)> {
    let (fd, _) = fd_of(s)?;
    let mut buf = vec![0u8; n];
    let mut a = Addr::new();
    let p = buf.as_mut_ptr() as usize;
    let ap = &mut a as *mut Addr as usize;
    let r = sock_call(vm, s, false, move || {
        // SAFETY: buffer and address outlive the call.
        let a = unsafe { &mut *(ap as *mut Addr) };
        a.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        unsafe { libc::recvfrom(fd, p as *mut libc::c_void, n, flags, a.mut_ptr(), &mut a.len) }
    })?;
    buf.truncate(r as usize);
    let addr = if a.len == 0 { Value::NONE } else { addr_value(vm, &a)? };
    Ok((buf, addr))
}

fn sock_recvfrom(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("recvfrom", args, kw, 2, 3)?;
    let n = vm.index_value(&args[1])?;
    if n < 0 {
        return Err(PyErr::value_error("negative buffersize in recvfrom"));
    }
    let flags = flags_arg(vm, args.get(2))?;
    let (b, a) = recvfrom_raw(vm, &args[0], n as usize, flags)?;
    Ok(Value::tuple(vec![Value::bytes(b), a]))
}

fn sock_recvfrom_into(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, buf, nbytes, flags] = crate::args::bind("recvfrom_into", args, kw, &["self", "buffer", "nbytes=", "flags="])?;
    let (s, buf) = (s.unwrap_or(Value::NONE), buf.unwrap_or(Value::NONE));
    let n = into_count(vm, &buf, nbytes, "recvfrom_into", "nbytes is greater than the length of the buffer")?;
    let flags = flags_arg(vm, flags.as_ref())?;
    let (data, addr) = recvfrom_raw(vm, &s, n, flags)?;
    crate::modules::io::fill_writable(vm, &buf, &data)?;
    Ok(Value::tuple(vec![Value::int(data.len() as i64), addr]))
}

fn data_arg(v: &Value) -> PyResult<Vec<u8>> {
    crate::types::bytes::buffer_bytes(v).ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_ref(v).type_name_str())))
}

fn send_some(vm: &mut Vm, s: &Value, data: &[u8], flags: i32) -> PyResult<usize> {
    let (fd, _) = fd_of(s)?;
    let p = data.as_ptr() as usize;
    let n = data.len();
    let r = sock_call(vm, s, true, move || {
        // SAFETY: the data outlives the call.
        unsafe { libc::send(fd, p as *const libc::c_void, n, flags | libc::MSG_NOSIGNAL) }
    })?;
    Ok(r as usize)
}

fn sock_send(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("send", args, kw, 2, 3)?;
    let data = data_arg(&args[1])?;
    let flags = flags_arg(vm, args.get(2))?;
    Ok(Value::int(send_some(vm, &args[0], &data, flags)? as i64))
}

fn sock_sendall(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("sendall", args, kw, 2, 3)?;
    let data = data_arg(&args[1])?;
    let flags = flags_arg(vm, args.get(2))?;
    let mut off = 0;
    while off < data.len() {
        off += send_some(vm, &args[0], &data[off..], flags)?;
        crate::interp::signals::periodic_check(vm)?;
    }
    Ok(Value::NONE)
}

fn sock_sendto(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("sendto", args, kw, 3, 4)?;
    let data = data_arg(&args[1])?;
    let (flags, addr) = if args.len() == 4 { (flags_arg(vm, Some(&args[2]))?, args[3].clone()) } else { (0, args[2].clone()) };
    let fam = family_of(&args[0])?;
    let a = parse_addr(vm, fam, &addr, "sendto")?;
    let (fd, _) = fd_of(&args[0])?;
    let p = data.as_ptr() as usize;
    let n = data.len();
    let ap = &a as *const Addr as usize;
    let r = sock_call(vm, &args[0], true, move || {
        // SAFETY: data and address outlive the call.
        let a = unsafe { &*(ap as *const Addr) };
        unsafe { libc::sendto(fd, p as *const libc::c_void, n, flags | libc::MSG_NOSIGNAL, a.ptr(), a.len) }
    })?;
    Ok(Value::int(r as i64))
}

fn sock_shutdown(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("shutdown", args, kw, 2, 2)?;
    let how = vm.index_value(&args[1])? as i32;
    let (fd, _) = fd_of(&args[0])?;
    // SAFETY: plain system call.
    if unsafe { libc::shutdown(fd, how) } != 0 {
        return Err(os_err(errno(), None, None));
    }
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- module functions

type AddrInfo = (i32, i32, i32, Option<String>, Addr);

/// libc getaddrinfo (without the GIL); gaierror on failure.
fn getaddrinfo_raw(vm: &mut Vm, host: Option<Vec<u8>>, port: Option<Vec<u8>>, family: i32, ty: i32, proto: i32, flags: i32) -> PyResult<Vec<AddrInfo>> {
    let h = match host {
        Some(h) => Some(std::ffi::CString::new(h).map_err(|_| PyErr::value_error("embedded null character"))?),
        None => None,
    };
    let p = match port {
        Some(p) => Some(std::ffi::CString::new(p).map_err(|_| PyErr::value_error("embedded null character"))?),
        None => None,
    };
    let (code, list) = crate::gil::allow_threads(vm, move || {
        // SAFETY: zeroed hints are valid; the result list is freed below.
        unsafe {
            let mut hints: libc::addrinfo = std::mem::zeroed();
            hints.ai_family = family;
            hints.ai_socktype = ty;
            hints.ai_protocol = proto;
            hints.ai_flags = flags;
            let mut res: *mut libc::addrinfo = std::ptr::null_mut();
            let code = libc::getaddrinfo(
                h.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
                p.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
                &hints,
                &mut res,
            );
            let mut out: Vec<AddrInfo> = Vec::new();
            if code == 0 {
                let mut cur = res;
                while !cur.is_null() {
                    let ai = &*cur;
                    let mut a = Addr::new();
                    let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
                    std::ptr::copy_nonoverlapping(ai.ai_addr as *const u8, &mut a.storage as *mut _ as *mut u8, n);
                    a.len = n as libc::socklen_t;
                    let canon = if ai.ai_canonname.is_null() { None } else { Some(std::ffi::CStr::from_ptr(ai.ai_canonname).to_string_lossy().into_owned()) };
                    out.push((ai.ai_family, ai.ai_socktype, ai.ai_protocol, canon, a));
                    cur = ai.ai_next;
                }
                libc::freeaddrinfo(res);
            }
            (code, out)
        }
    });
    if code != 0 {
        return Err(gai_err(vm, code));
    }
    Ok(list)
}

fn m_getaddrinfo(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [host, port, family, ty, proto, flags] =
        crate::args::bind("getaddrinfo", args, kw, &["host", "port", "family=", "type=", "proto=", "flags="])?;
    let host = host.unwrap_or(Value::NONE);
    let port = port.unwrap_or(Value::NONE);
    let h = if host.is_none() { None } else { Some(host_text(vm, &host)?.into_bytes()) };
    let p = if port.is_none() {
        None
    } else if port.is_int() {
        Some(vm.index_value(&port)?.to_string().into_bytes())
    } else if let Some(s) = port.as_str() {
        Some(s.as_bytes().to_vec())
    } else if let Some(b) = port.as_bytes() {
        Some(b.to_vec())
    } else {
        return Err(os_err(0, None, None).with_msg("Int or String expected"));
    };
    let mut nums = [0i32; 4];
    for (i, v) in [family, ty, proto, flags].into_iter().enumerate() {
        if let Some(v) = v {
            nums[i] = vm.index_value(&v)? as i32;
        }
    }
    let list = getaddrinfo_raw(vm, h, p, nums[0], nums[1], nums[2], nums[3])?;
    let mut out = Vec::new();
    for (f, t, pr, canon, a) in list {
        let addr = addr_value(vm, &a)?;
        out.push(Value::tuple(vec![Value::int(f as i64), Value::int(t as i64), Value::int(pr as i64), Value::string(canon.unwrap_or_default()), addr]));
    }
    Ok(Value::list(out))
}

fn m_getnameinfo(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [sa, flags] = crate::args::bind("getnameinfo", args, kw, &["sockaddr", "flags", "/"])?;
    let sa = sa.unwrap_or(Value::NONE);
    let flags = vm.index_value(&flags.unwrap_or(Value::NONE))? as i32;
    let Some(t) = sa.as_tuple().map(|t| t.to_vec()) else {
        return Err(PyErr::type_error("getnameinfo() argument 1 must be a tuple"));
    };
    if t.len() < 2 || t.len() > 4 {
        return Err(PyErr::type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let host = host_text(vm, &t[0])?;
    let port = port_arg(vm, &t[1], "getnameinfo")?;
    let list = getaddrinfo_raw(vm, Some(host.into_bytes()), Some(port.to_string().into_bytes()), libc::AF_UNSPEC, libc::SOCK_DGRAM, 0, libc::AI_NUMERICHOST)?;
    if list.len() != 1 {
        return Err(os_err(0, None, None).with_msg("sockaddr resolved to multiple addresses"));
    }
    let mut a = list.into_iter().next().map(|x| x.4).unwrap_or_else(Addr::new);
    if a.storage.ss_family as i32 == libc::AF_INET6 {
        // SAFETY: the family says sockaddr_in6.
        let sin = unsafe { &mut *(a.mut_ptr() as *mut libc::sockaddr_in6) };
        if let Some(f) = t.get(2) {
            sin.sin6_flowinfo = (vm.index_value(f)? as u32).to_be();
        }
        if let Some(sc) = t.get(3) {
            sin.sin6_scope_id = vm.index_value(sc)? as u32;
        }
    } else if t.len() != 2 {
        return Err(os_err(0, None, None).with_msg("IPv4 sockaddr must be 2 tuple"));
    }
    let ap = &a as *const Addr as usize;
    let (code, h, s) = crate::gil::allow_threads(vm, move || {
        let a = unsafe { &*(ap as *const Addr) };
        let mut hb = [0 as libc::c_char; 1025];
        let mut sb = [0 as libc::c_char; 32];
        // SAFETY: buffers of the given sizes.
        let code = unsafe { libc::getnameinfo(a.ptr(), a.len, hb.as_mut_ptr(), hb.len() as _, sb.as_mut_ptr(), sb.len() as _, flags) };
        let h = unsafe { std::ffi::CStr::from_ptr(hb.as_ptr()).to_string_lossy().into_owned() };
        let s = unsafe { std::ffi::CStr::from_ptr(sb.as_ptr()).to_string_lossy().into_owned() };
        (code, h, s)
    });
    if code != 0 {
        return Err(gai_err(vm, code));
    }
    Ok(Value::tuple(vec![Value::string(h), Value::string(s)]))
}

fn m_gethostname(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("gethostname", args, kw, 0, 0)?;
    let mut buf = [0 as libc::c_char; 1024];
    // SAFETY: buffer of the given size.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len()) } != 0 {
        return Err(os_err(errno(), None, None));
    }
    // SAFETY: gethostname NUL-terminates (buffer zeroed beforehand).
    Ok(Value::string(unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()).to_string_lossy().into_owned() }))
}

fn m_gethostbyname(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name] = crate::args::bind("gethostbyname", args, kw, &["host", "/"])?;
    let host = host_text(vm, &name.unwrap_or(Value::NONE))?;
    let mut a = Addr::new();
    resolve_host(vm, &host, libc::AF_INET, &mut a)?;
    let v = addr_value(vm, &a)?;
    Ok(v.as_tuple().and_then(|t| t.first().cloned()).unwrap_or(Value::NONE))
}

fn m_gethostbyname_ex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name] = crate::args::bind("gethostbyname_ex", args, kw, &["host", "/"])?;
    let host = host_text(vm, &name.unwrap_or(Value::NONE))?;
    let list = getaddrinfo_raw(vm, Some(host.clone().into_bytes()), None, libc::AF_INET, libc::SOCK_STREAM, 0, libc::AI_CANONNAME)?;
    let mut canon = host;
    let mut addrs = Vec::new();
    for (_, _, _, c, a) in list {
        if let Some(c) = c {
            canon = c;
        }
        let v = addr_value(vm, &a)?;
        if let Some(ip) = v.as_tuple().and_then(|t| t.first().cloned()) {
            addrs.push(ip);
        }
    }
    Ok(Value::tuple(vec![Value::string(canon), Value::list(Vec::new()), Value::list(addrs)]))
}

fn m_gethostbyaddr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name] = crate::args::bind("gethostbyaddr", args, kw, &["host", "/"])?;
    let host = host_text(vm, &name.unwrap_or(Value::NONE))?;
    let list = getaddrinfo_raw(vm, Some(host.into_bytes()), None, libc::AF_UNSPEC, libc::SOCK_STREAM, 0, 0)?;
    let Some((_, _, _, _, a)) = list.into_iter().next() else {
        let cls = herror(vm);
        return Err(PyErr::from_value(crate::types::exception::new_exception(&cls, vec![Value::int(1), Value::str("Unknown host")])));
    };
    let ip = addr_value(vm, &a)?.as_tuple().and_then(|t| t.first().cloned()).unwrap_or(Value::NONE);
    let ap = &a as *const Addr as usize;
    let (code, h) = crate::gil::allow_threads(vm, move || {
        let a = unsafe { &*(ap as *const Addr) };
        let mut hb = [0 as libc::c_char; 1025];
        // SAFETY: buffer of the given size.
        let code = unsafe { libc::getnameinfo(a.ptr(), a.len, hb.as_mut_ptr(), hb.len() as _, std::ptr::null_mut(), 0, libc::NI_NAMEREQD) };
        (code, unsafe { std::ffi::CStr::from_ptr(hb.as_ptr()).to_string_lossy().into_owned() })
    });
    if code != 0 {
        let cls = herror(vm);
        return Err(PyErr::from_value(crate::types::exception::new_exception(&cls, vec![Value::int(1), Value::str("Unknown host")])));
    }
    Ok(Value::tuple(vec![Value::string(h), Value::list(Vec::new()), Value::list(vec![ip])]))
}

fn cstr_arg(v: &Value, what: &str) -> PyResult<std::ffi::CString> {
    let s = v.as_str().ok_or_else(|| PyErr::type_error(format!("{what} must be str, not {}", type_ref(v).type_name_str())))?;
    std::ffi::CString::new(s).map_err(|_| PyErr::value_error("embedded null character"))
}

fn m_getservbyname(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name, proto] = crate::args::bind("getservbyname", args, kw, &["servicename", "protocolname=", "/"])?;
    let n = cstr_arg(&name.unwrap_or(Value::NONE), "getservbyname() argument 1")?;
    let p = match proto {
        Some(p) => Some(cstr_arg(&p, "getservbyname() argument 2")?),
        None => None,
    };
    // SAFETY: valid C strings; the result points to static storage (GIL held).
    let r = unsafe { libc::getservbyname(n.as_ptr(), p.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())) };
    if r.is_null() {
        return Err(PyErr::new(&types().exc.os_error, "service/proto not found"));
    }
    // SAFETY: non-null servent.
    Ok(Value::int(u16::from_be(unsafe { (*r).s_port } as u16) as i64))
}

fn m_getservbyport(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [port, proto] = crate::args::bind("getservbyport", args, kw, &["port", "protocolname=", "/"])?;
    let port = port_arg(vm, &port.unwrap_or(Value::NONE), "getservbyport")?;
    let p = match proto {
        Some(p) => Some(cstr_arg(&p, "getservbyport() argument 2")?),
        None => None,
    };
    // SAFETY: valid arguments; result in static storage.
    let r = unsafe { libc::getservbyport((port.to_be()) as i32, p.as_ref().map_or(std::ptr::null(), |c| c.as_ptr())) };
    if r.is_null() {
        return Err(PyErr::new(&types().exc.os_error, "port/proto not found"));
    }
    // SAFETY: non-null servent with a C string name.
    Ok(Value::string(unsafe { std::ffi::CStr::from_ptr((*r).s_name).to_string_lossy().into_owned() }))
}

fn m_getprotobyname(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [name] = crate::args::bind("getprotobyname", args, kw, &["protocolname", "/"])?;
    let n = cstr_arg(&name.unwrap_or(Value::NONE), "getprotobyname() argument")?;
    // SAFETY: valid C string; result in static storage.
    let r = unsafe { libc::getprotobyname(n.as_ptr()) };
    if r.is_null() {
        return Err(PyErr::new(&types().exc.os_error, "protocol not found"));
    }
    // SAFETY: non-null protoent.
    Ok(Value::int(unsafe { (*r).p_proto } as i64))
}

fn m_inet_aton(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s] = crate::args::bind("inet_aton", args, kw, &["string", "/"])?;
    let c = cstr_arg(&s.unwrap_or(Value::NONE), "inet_aton() argument 1")?;
    // SAFETY: zeroed in_addr, valid C string.
    let mut a: libc::in_addr = unsafe { std::mem::zeroed() };
    if unsafe { inet_aton(c.as_ptr(), &mut a) } == 0 {
        return Err(PyErr::new(&types().exc.os_error, "illegal IP address string passed to inet_aton"));
    }
    Ok(Value::bytes(a.s_addr.to_ne_bytes().to_vec()))
}

fn m_inet_ntoa(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [b] = crate::args::bind("inet_ntoa", args, kw, &["packed_ip", "/"])?;
    let b = data_arg(&b.unwrap_or(Value::NONE))?;
    if b.len() != 4 {
        return Err(PyErr::new(&types().exc.os_error, "packed IP wrong length for inet_ntoa"));
    }
    Ok(Value::string(ipv4_text([b[0], b[1], b[2], b[3]])))
}

fn m_inet_pton(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [af, s] = crate::args::bind("inet_pton", args, kw, &["af", "ip", "/"])?;
    let af = vm.index_value(&af.unwrap_or(Value::NONE))? as i32;
    let c = cstr_arg(&s.unwrap_or(Value::NONE), "inet_pton() argument 2")?;
    let mut buf = [0u8; 16];
    // SAFETY: 16-byte buffer is enough for both families.
    let r = unsafe { inet_pton(af, c.as_ptr(), buf.as_mut_ptr() as *mut libc::c_void) };
    if r < 0 {
        return Err(os_err(errno(), None, None));
    }
    if r == 0 {
        return Err(PyErr::new(&types().exc.os_error, "illegal IP address string passed to inet_pton"));
    }
    let n = if af == libc::AF_INET { 4 } else { 16 };
    Ok(Value::bytes(buf[..n].to_vec()))
}

fn m_inet_ntop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [af, b] = crate::args::bind("inet_ntop", args, kw, &["af", "packed_ip", "/"])?;
    let af = vm.index_value(&af.unwrap_or(Value::NONE))? as i32;
    let b = data_arg(&b.unwrap_or(Value::NONE))?;
    match af {
        libc::AF_INET => {
            if b.len() != 4 {
                return Err(PyErr::value_error("invalid length of packed IP address string"));
            }
            Ok(Value::string(ipv4_text([b[0], b[1], b[2], b[3]])))
        }
        libc::AF_INET6 => {
            if b.len() != 16 {
                return Err(PyErr::value_error("invalid length of packed IP address string"));
            }
            let mut a = [0u8; 16];
            a.copy_from_slice(&b);
            Ok(Value::string(ipv6_text(a)))
        }
        _ => Err(PyErr::value_error(format!("unknown address family {af}"))),
    }
}

fn uint_arg(vm: &mut Vm, v: &Value, name: &str, bits: u32) -> PyResult<u64> {
    if !v.is_int() {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_ref(v).type_name_str())));
    }
    let b = v.to_bigint().unwrap_or_default();
    let _ = vm;
    use num_traits::{Signed, ToPrimitive};
    if b.is_negative() {
        return Err(PyErr::overflow(format!("{name}: can't convert negative Python int to C {bits}-bit unsigned integer")));
    }
    match b.to_u64() {
        Some(n) if n < (1u64 << bits) => Ok(n),
        _ => Err(PyErr::overflow(format!("{name}: Python int too large to convert to C {bits}-bit unsigned integer"))),
    }
}

fn m_htons(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x] = crate::args::bind("htons", args, kw, &["x", "/"])?;
    Ok(Value::int((uint_arg(vm, &x.unwrap_or(Value::NONE), "htons", 16)? as u16).to_be() as i64))
}
fn m_ntohs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x] = crate::args::bind("ntohs", args, kw, &["x", "/"])?;
    Ok(Value::int(u16::from_be(uint_arg(vm, &x.unwrap_or(Value::NONE), "ntohs", 16)? as u16) as i64))
}
fn m_htonl(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x] = crate::args::bind("htonl", args, kw, &["x", "/"])?;
    Ok(Value::int((uint_arg(vm, &x.unwrap_or(Value::NONE), "htonl", 32)? as u32).to_be() as i64))
}
fn m_ntohl(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x] = crate::args::bind("ntohl", args, kw, &["x", "/"])?;
    Ok(Value::int(u32::from_be(uint_arg(vm, &x.unwrap_or(Value::NONE), "ntohl", 32)? as u32) as i64))
}

fn m_getdefaulttimeout(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(timeout_value(default_timeout()))
}

fn m_setdefaulttimeout(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [t] = crate::args::bind("setdefaulttimeout", args, kw, &["timeout", "/"])?;
    let t = parse_timeout(vm, &t.unwrap_or(Value::NONE))?;
    DEFAULT_TIMEOUT.store(t.to_bits(), Ordering::Relaxed);
    Ok(Value::NONE)
}

fn new_socket_from_fd(vm: &mut Vm, fd: i32, family: i32, ty: i32, proto: i32) -> PyResult<Value> {
    let s = sock_new(vm, &[socket_type()], &[])?;
    let timeout = default_timeout();
    if timeout >= 0.0 {
        let _ = set_nonblocking(fd, true);
    }
    st(&s, |st| {
        st.fd = fd;
        st.family = family;
        st.ty = ty;
        st.proto = proto;
        st.timeout = timeout;
    })?;
    Ok(s)
}

fn m_socketpair(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [family, ty, proto] = crate::args::bind("socketpair", args, kw, &["family=", "type=", "proto=", "/"])?;
    let family = match family {
        Some(f) => vm.index_value(&f)? as i32,
        None => libc::AF_UNIX,
    };
    let ty = match ty {
        Some(t) => vm.index_value(&t)? as i32,
        None => libc::SOCK_STREAM,
    };
    let proto = match proto {
        Some(p) => vm.index_value(&p)? as i32,
        None => 0,
    };
    let mut fds = [0i32; 2];
    // SAFETY: two-int out array.
    if unsafe { libc::socketpair(family, ty | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } != 0 {
        return Err(os_err(errno(), None, None));
    }
    let ty = ty & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    let a = new_socket_from_fd(vm, fds[0], family, ty, proto)?;
    let b = new_socket_from_fd(vm, fds[1], family, ty, proto)?;
    Ok(Value::tuple(vec![a, b]))
}

fn m_dup(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = crate::args::bind("dup", args, kw, &["fd", "/"])?;
    let fd = vm.index_value(&fd.unwrap_or(Value::NONE))? as i32;
    // SAFETY: plain system call.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(os_err(errno(), None, None));
    }
    Ok(Value::int(r as i64))
}

fn m_close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [fd] = crate::args::bind("close", args, kw, &["fd", "/"])?;
    let fd = vm.index_value(&fd.unwrap_or(Value::NONE))? as i32;
    // SAFETY: the caller hands the descriptor over.
    if unsafe { libc::close(fd) } != 0 {
        let e = errno();
        if e != libc::ECONNRESET {
            return Err(os_err(e, None, None));
        }
    }
    Ok(Value::NONE)
}

include!("socket_consts.rs");

extern "C" {
    fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    fn inet_pton(af: libc::c_int, src: *const libc::c_char, dst: *mut libc::c_void) -> libc::c_int;
}

pub fn make(vm: &mut Vm) -> Value {
    let m = new_module("_socket");
    let t = socket_type();
    set_attr(&m, "socket", t.clone());
    set_attr(&m, "SocketType", t);
    set_attr(&m, "error", types().exc.os_error.clone());
    set_attr(&m, "timeout", types().exc.timeout_error.clone());
    let h = herror(vm);
    set_attr(&m, "herror", h);
    let g = gaierror(vm);
    set_attr(&m, "gaierror", g);
    set_attr(&m, "has_ipv6", Value::TRUE);
    for (n, v) in CONSTANTS {
        set_attr(&m, n, Value::int(*v));
    }
    add_function(&m, "getaddrinfo", m_getaddrinfo);
    add_function(&m, "getnameinfo", m_getnameinfo);
    add_function(&m, "gethostname", m_gethostname);
    add_function(&m, "gethostbyname", m_gethostbyname);
    add_function(&m, "gethostbyname_ex", m_gethostbyname_ex);
    add_function(&m, "gethostbyaddr", m_gethostbyaddr);
    add_function(&m, "getservbyname", m_getservbyname);
    add_function(&m, "getservbyport", m_getservbyport);
    add_function(&m, "getprotobyname", m_getprotobyname);
    add_function(&m, "inet_aton", m_inet_aton);
    add_function(&m, "inet_ntoa", m_inet_ntoa);
    add_function(&m, "inet_pton", m_inet_pton);
    add_function(&m, "inet_ntop", m_inet_ntop);
    add_function(&m, "htons", m_htons);
    add_function(&m, "ntohs", m_ntohs);
    add_function(&m, "htonl", m_htonl);
    add_function(&m, "ntohl", m_ntohl);
    add_function(&m, "getdefaulttimeout", m_getdefaulttimeout);
    add_function(&m, "setdefaulttimeout", m_setdefaulttimeout);
    add_function(&m, "socketpair", m_socketpair);
    add_function(&m, "dup", m_dup);
    add_function(&m, "close", m_close);
    m
}
