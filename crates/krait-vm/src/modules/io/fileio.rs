//! `FileIO`: raw binary I/O over an OS file descriptor.
//!
//! The system calls are the small `sys_*` functions at the end of this file
//! (no Python objects touched there), so releasing the GIL around them is a
//! local change.

use super::iobase::{inst_get, inst_set};
use super::{closed_file, display_name, int_arg, os_err, state, this, tname, unsupported, IoClasses};
use crate::object::{new_opaque, NativeData, NativeKind};
use crate::types::{add_getset, add_method, add_native, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

pub struct FileIO {
    pub fd: i32,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
    /// -1 unknown, 0 no, 1 yes.
    seekable: i8,
    pub blksize: i64,
}

impl NativeData for FileIO {}

impl Drop for FileIO {
    fn drop(&mut self) {
        if self.fd >= 0 && self.closefd {
            let _ = sys_close(self.fd);
        }
        self.fd = -1;
    }
}

impl FileIO {
    pub fn new_closed() -> FileIO {
        FileIO { fd: -1, readable: false, writable: false, appending: false, created: false, closefd: true, seekable: -1, blksize: 0 }
    }

    pub fn mode_str(&self) -> &'static str {
        if self.created {
            if self.readable { "xb+" } else { "xb" }
        } else if self.appending {
            if self.readable { "ab+" } else { "ab" }
        } else if self.readable {
            if self.writable { "rb+" } else { "rb" }
        } else {
            "wb"
        }
    }
}

fn st<'a>(v: &'a Value) -> PyResult<std::cell::RefMut<'a, FileIO>> {
    state::<FileIO>(v, "FileIO")
}

/// The descriptor of an open FileIO (ValueError when closed).
fn open_fd(v: &Value) -> PyResult<i32> {
    let f = st(v)?;
    if f.fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(f.fd)
}

fn err_mode(vm: &mut Vm, what: &str) -> PyErr {
    unsupported(vm, &format!("File not open for {what}"))
}

/// Retry a system call interrupted by a signal (running signal handlers).
pub fn retry<T>(vm: &mut Vm, mut f: impl FnMut() -> std::io::Result<T>) -> PyResult<T> {
    loop {
        match f() {
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => crate::interp::signals::periodic_check(vm)?,
            r => return r.map_err(os_err),
        }
    }
}

fn would_block(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(libc::EAGAIN) || e.raw_os_error() == Some(libc::EWOULDBLOCK)
}

/// Read up to `n` bytes from `fd`: None if it would block.
pub fn fd_read(vm: &mut Vm, fd: i32, n: usize) -> PyResult<Option<Vec<u8>>> {
    let mut buf = vec![0u8; n];
    loop {
        // Reads may block (pipes, terminals, sockets): other threads run meanwhile.
        match crate::gil::allow_threads(vm, || sys_read(fd, &mut buf)) {
            Ok(k) => {
                buf.truncate(k);
                return Ok(Some(buf));
            }
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => crate::interp::signals::periodic_check(vm)?,
            Err(e) if would_block(&e) => return Ok(None),
            Err(e) => return Err(os_err(e)),
        }
    }
}

/// Read to EOF (None if nothing could be read without blocking).
pub fn fd_readall(vm: &mut Vm, fd: i32) -> PyResult<Option<Vec<u8>>> {
    let hint = match (sys_fstat_size(fd), sys_lseek(fd, 0, libc::SEEK_CUR)) {
        (Ok(size), Ok(pos)) if size >= pos && size > 0 => (size - pos) as usize + 1,
        _ => super::DEFAULT_BUFFER_SIZE,
    };
    let mut out: Vec<u8> = Vec::with_capacity(hint.min(1 << 30));
    loop {
        if out.capacity() - out.len() < 1024 {
            out.reserve(out.capacity().max(super::DEFAULT_BUFFER_SIZE));
        }
        let len = out.len();
        let cap = out.capacity();
        out.resize(cap, 0);
        match crate::gil::allow_threads(vm, || sys_read(fd, &mut out[len..])) {
            Ok(0) => {
                out.truncate(len);
                return Ok(Some(out));
            }
            Ok(k) => out.truncate(len + k),
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => {
                out.truncate(len);
                crate::interp::signals::periodic_check(vm)?;
            }
            Err(e) if would_block(&e) => {
                out.truncate(len);
                return Ok(if out.is_empty() { None } else { Some(out) });
            }
            Err(e) => return Err(os_err(e)),
        }
    }
}

/// Write (part of) `data` to `fd`: the count written, None if it would block.
pub fn fd_write(vm: &mut Vm, fd: i32, data: &[u8]) -> PyResult<Option<usize>> {
    loop {
        match crate::gil::allow_threads(vm, || sys_write(fd, data)) {
            Ok(k) => return Ok(Some(k)),
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => crate::interp::signals::periodic_check(vm)?,
            Err(e) if would_block(&e) => return Ok(None),
            Err(e) => return Err(os_err(e)),
        }
    }
}

/// Write all of `data` (used by flushes; stops early only on would-block).
pub fn fd_write_all(vm: &mut Vm, fd: i32, mut data: &[u8]) -> PyResult<usize> {
    let total = data.len();
    while !data.is_empty() {
        match fd_write(vm, fd, data)? {
            Some(0) | None => return Ok(total - data.len()),
            Some(k) => {
                data = &data[k..];
                if !data.is_empty() {
                    crate::interp::signals::periodic_check(vm)?;
                }
            }
        }
    }
    Ok(total)
}

/// Write all of `data` without a Vm (finalisation, exit): errors ignored.
pub fn fd_write_all_quiet(fd: i32, mut data: &[u8]) {
    while !data.is_empty() {
        match sys_write(fd, data) {
            Ok(0) => return,
            Ok(k) => data = &data[k..],
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => continue,
            Err(_) => return,
        }
    }
}

// ---------------------------------------------------------------- construction

fn fileio_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = this(args, "FileIO.__new__")?;
    Ok(new_opaque(cls, FileIO::new_closed()))
}

struct Mode {
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
    flags: i32,
}

fn parse_mode(mode: &str) -> PyResult<Mode> {
    let bad = || PyErr::value_error("Must have exactly one of create/read/write/append mode and at most one plus");
    let mut m = Mode { readable: false, writable: false, appending: false, created: false, flags: 0 };
    let (mut rwa, mut plus) = (false, false);
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad());
                }
                rwa = true;
                match c {
                    'x' => {
                        m.created = true;
                        m.writable = true;
                        m.flags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => m.readable = true,
                    'w' => {
                        m.writable = true;
                        m.flags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        m.writable = true;
                        m.appending = true;
                        m.flags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            'b' => {}
            '+' => {
                if plus {
                    return Err(bad());
                }
                m.readable = true;
                m.writable = true;
                plus = true;
            }
            _ => return Err(PyErr::value_error(format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad());
    }
    m.flags |= if m.readable && m.writable {
        libc::O_RDWR
    } else if m.readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    m.flags |= libc::O_CLOEXEC;
    Ok(m)
}

/// The path bytes of a file name (str, bytes or os.PathLike).
pub fn path_bytes(vm: &mut Vm, name: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = name.as_str() {
        return Ok(s.as_bytes().to_vec());
    }
    if let Some(b) = name.as_bytes() {
        return Ok(b.to_vec());
    }
    if let Some(f) = crate::types::lookup(crate::types::type_ref(name), "__fspath__") {
        let p = vm.call(&f, &[name.clone()])?;
        if p.as_str().is_some() || p.as_bytes().is_some() {
            return path_bytes(vm, &p);
        }
        return Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            tname(name),
            tname(&p)
        )));
    }
    Err(PyErr::type_error(format!("expected str, bytes or os.PathLike object, not {}", tname(name))))
}

/// An OSError for `errno` naming the file `name`.
pub fn os_error_named(vm: &mut Vm, e: &std::io::Error, name: &Value) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let msg = crate::types::exception::strerror(errno, e);
    match vm.call(&types().exc.os_error, &[Value::int(errno as i64), Value::string(msg), name.clone()]) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e2) => e2,
    }
}

fn fileio_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, file, mode, closefd, opener] =
        crate::args::bind("FileIO", args, kw, &["self", "file", "mode=", "closefd=", "opener="])?;
    let s = s.unwrap_or(Value::NONE);
    let file = file.unwrap_or(Value::NONE);
    let mode = match &mode {
        None => "r".to_string(),
        Some(m) => match m.as_str() {
            Some(x) => x.to_string(),
            None => return Err(PyErr::type_error(format!("FileIO() argument 'mode' must be str, not {}", tname(m)))),
        },
    };
    let closefd = match &closefd {
        None => true,
        Some(c) => vm.truthy(c)?,
    };
    let opener = opener.filter(|o| !o.is_none());
    // Re-initialising an open object closes it first.
    {
        let mut f = st(&s)?;
        if f.fd >= 0 {
            if f.closefd {
                let _ = sys_close(f.fd);
            }
            f.fd = -1;
        }
    }
    let mut fd_given = None;
    if file.is_int() {
        if file.is_bool() {
            super::warn(vm, "bool is used as a file descriptor", &types().exc.runtime_warning)?;
        }
        let fd = vm.index_value(&file)?;
        if fd < 0 {
            return Err(PyErr::value_error("negative file descriptor"));
        }
        fd_given = Some(fd.min(i32::MAX as i64) as i32);
    }
    let m = parse_mode(&mode)?;
    let fd = match fd_given {
        Some(fd) => fd,
        None => {
            let path = path_bytes(vm, &file)?;
            if path.contains(&0) {
                return Err(PyErr::value_error("embedded null byte"));
            }
            if !closefd {
                return Err(PyErr::value_error("Cannot use closefd=False with file name"));
            }
            match &opener {
                Some(op) => {
                    let r = vm.call(op, &[file.clone(), Value::int(m.flags as i64)])?;
                    if !r.is_int() {
                        return Err(PyErr::type_error("expected integer from opener"));
                    }
                    let fd = vm.index_value(&r)?;
                    if fd < 0 {
                        return Err(PyErr::value_error(format!("opener returned {fd}")));
                    }
                    fd as i32
                }
                None => loop {
                    match sys_open(&path, m.flags, 0o666) {
                        Ok(fd) => break fd,
                        Err(e) if e.raw_os_error() == Some(libc::EINTR) => crate::interp::signals::periodic_check(vm)?,
                        Err(e) => return Err(os_error_named(vm, &e, &file)),
                    }
                },
            }
        }
    };
    let mut blksize = super::DEFAULT_BUFFER_SIZE as i64;
    match sys_fstat(fd) {
        Ok((is_dir, bs)) => {
            if is_dir {
                if fd_given.is_none() {
                    let _ = sys_close(fd);
                }
                let e = std::io::Error::from_raw_os_error(libc::EISDIR);
                return Err(os_error_named(vm, &e, &file));
            }
            if bs > 1 {
                blksize = bs;
            }
        }
        Err(e) => {
            if e.raw_os_error() == Some(libc::EBADF) {
                return Err(os_err(e));
            }
        }
    }
    {
        let mut f = st(&s)?;
        f.fd = fd;
        f.readable = m.readable;
        f.writable = m.writable;
        f.appending = m.appending;
        f.created = m.created;
        f.closefd = closefd;
        f.seekable = -1;
        f.blksize = blksize;
    }
    inst_set(&s, "name", file);
    if m.appending {
        let _ = sys_lseek(fd, 0, libc::SEEK_END);
    }
    Ok(Value::NONE)
}

/// A new FileIO over `fd` (used for the standard streams).
pub fn new_from_fd(fd: i32, readable: bool, writable: bool, closefd: bool, name: Value) -> Value {
    let mut f = FileIO::new_closed();
    f.fd = fd;
    f.readable = readable;
    f.writable = writable;
    f.closefd = closefd;
    f.blksize = super::DEFAULT_BUFFER_SIZE as i64;
    let v = new_opaque(&super::class(|c| &c.fileio), f);
    inst_set(&v, "name", name);
    v
}

// ---------------------------------------------------------------- methods

fn readable_fd(vm: &mut Vm, s: &Value) -> PyResult<i32> {
    let (fd, ok) = {
        let f = st(s)?;
        (f.fd, f.readable)
    };
    if fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    if !ok {
        return Err(err_mode(vm, "reading"));
    }
    Ok(fd)
}

fn writable_fd(vm: &mut Vm, s: &Value) -> PyResult<i32> {
    let (fd, ok) = {
        let f = st(s)?;
        (f.fd, f.writable)
    };
    if fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    if !ok {
        return Err(err_mode(vm, "writing"));
    }
    Ok(fd)
}

fn read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, n) = super::self_opt("read", args, kw)?;
    let fd = readable_fd(vm, &s)?;
    let n = super::size_arg(vm, n.as_ref())?;
    let r = if n < 0 { fd_readall(vm, fd)? } else { fd_read(vm, fd, n as usize)? };
    Ok(r.map_or(Value::NONE, Value::bytes))
}

fn readall(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("readall", args, kw, 1, 1)?;
    let fd = open_fd(&args[0])?;
    Ok(fd_readall(vm, fd)?.map_or(Value::NONE, Value::bytes))
}

fn readinto(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("readinto", args, kw, 2, 2)?;
    let fd = readable_fd(vm, &args[0])?;
    let n = super::writable_len(vm, &args[1], "readinto")?;
    match fd_read(vm, fd, n)? {
        None => Ok(Value::NONE),
        Some(d) => {
            super::fill_writable(vm, &args[1], &d)?;
            Ok(Value::int(d.len() as i64))
        }
    }
}

fn write(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("write", args, kw, 2, 2)?;
    let fd = writable_fd(vm, &args[0])?;
    let data = super::bytes_arg(vm, &args[1])?;
    Ok(match fd_write(vm, fd, &data)? {
        Some(k) => {
            if k < data.len() {
                // Interrupted by a signal: its handler runs now, as CPython's
                // eval loop would run it right after the call.
                crate::interp::signals::periodic_check(vm)?;
            }
            Value::int(k as i64)
        }
        None => Value::NONE,
    })
}

fn seek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, pos, whence] = crate::args::bind("seek", args, kw, &["self", "pos", "whence=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let pos = pos.unwrap_or(Value::NONE);
    if pos.is_float() {
        return Err(PyErr::type_error("an integer is required"));
    }
    let fd = open_fd(&s)?;
    let off = int_arg(vm, &pos)?;
    let whence = match whence {
        Some(w) => int_arg(vm, &w)? as i32,
        None => 0,
    };
    let r = retry(vm, || sys_lseek(fd, off, whence))?;
    Ok(Value::int(r))
}

fn tell(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("tell", args, kw, 1, 1)?;
    let fd = open_fd(&args[0])?;
    Ok(Value::int(retry(vm, || sys_lseek(fd, 0, libc::SEEK_CUR))?))
}

fn truncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, size] = crate::args::bind("truncate", args, kw, &["self", "size=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let fd = writable_fd(vm, &s)?;
    let size = match size.filter(|v| !v.is_none()) {
        Some(v) => int_arg(vm, &v)?,
        None => retry(vm, || sys_lseek(fd, 0, libc::SEEK_CUR))?,
    };
    retry(vm, || sys_ftruncate(fd, size))?;
    Ok(Value::int(size))
}

fn close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("close", args, kw, 1, 1)?;
    let s = &args[0];
    let open = st(s)?.fd >= 0;
    // `_RawIOBase.close`: flush first (a subclass may override flush).
    let flushed = if open { vm.call_method(s, "flush", &[]).map(|_| ()) } else { Ok(()) };
    let (fd, closefd) = {
        let mut f = st(s)?;
        let r = (f.fd, f.closefd);
        f.fd = -1;
        r
    };
    let closed = if fd >= 0 && closefd { sys_close(fd).map_err(os_err) } else { Ok(()) };
    flushed?;
    closed?;
    Ok(Value::NONE)
}

fn seekable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("seekable", args, kw, 1, 1)?;
    let mut f = st(&args[0])?;
    if f.fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    if f.seekable < 0 {
        f.seekable = if sys_lseek(f.fd, 0, libc::SEEK_CUR).is_ok() { 1 } else { 0 };
    }
    Ok(Value::bool(f.seekable == 1))
}

fn readable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("readable", args, kw, 1, 1)?;
    let f = st(&args[0])?;
    if f.fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(Value::bool(f.readable))
}

fn writable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("writable", args, kw, 1, 1)?;
    let f = st(&args[0])?;
    if f.fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(Value::bool(f.writable))
}

fn fileno(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("fileno", args, kw, 1, 1)?;
    Ok(Value::int(open_fd(&args[0])? as i64))
}

fn isatty(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("isatty", args, kw, 1, 1)?;
    let fd = open_fd(&args[0])?;
    Ok(Value::bool(sys_isatty(fd)))
}

fn get_closed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(st(this(args, "closed")?)?.fd < 0))
}

fn get_closefd(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(st(this(args, "closefd")?)?.closefd))
}

fn get_mode(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str(st(this(args, "mode")?)?.mode_str()))
}

fn get_blksize(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(st(this(args, "_blksize")?)?.blksize))
}

fn get_finalizing(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(inst_get(this(args, "_finalizing")?, "_finalizing").unwrap_or(Value::FALSE))
}

fn dealloc_warn(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn getstate(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error(format!("cannot pickle '{}' object", display_name(this(args, "__getstate__")?))))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__repr__")?;
    let cls = display_name(s);
    let (fd, mode, closefd) = {
        let f = st(s)?;
        (f.fd, f.mode_str(), f.closefd)
    };
    if fd < 0 {
        return Ok(Value::string(format!("<{cls} [closed]>")));
    }
    let cfd = if closefd { "True" } else { "False" };
    match vm.getattr_opt(s, &Value::str("name")) {
        Ok(Some(name)) => {
            let r = vm.repr_string(&name)?;
            Ok(Value::string(format!("<{cls} name={r} mode='{mode}' closefd={cfd}>")))
        }
        Ok(None) => Ok(Value::string(format!("<{cls} fd={fd} mode='{mode}' closefd={cfd}>"))),
        Err(e) => Err(e),
    }
}

pub fn init(c: &IoClasses) {
    let t = &c.fileio;
    add_native(t, "__new__", fileio_new, NativeKind::StaticMethod);
    add_method(t, "__init__", fileio_init);
    add_method(t, "read", read);
    add_method(t, "readall", readall);
    add_method(t, "readinto", readinto);
    add_method(t, "write", write);
    add_method(t, "seek", seek);
    add_method(t, "tell", tell);
    add_method(t, "truncate", truncate);
    add_method(t, "close", close);
    add_method(t, "seekable", seekable);
    add_method(t, "readable", readable);
    add_method(t, "writable", writable);
    add_method(t, "fileno", fileno);
    add_method(t, "isatty", isatty);
    add_method(t, "_dealloc_warn", dealloc_warn);
    add_method(t, "__getstate__", getstate);
    add_method(t, "__repr__", repr);
    add_getset(t, "closed", get_closed, None);
    add_getset(t, "closefd", get_closefd, None);
    add_getset(t, "mode", get_mode, None);
    add_getset(t, "_blksize", get_blksize, None);
    add_getset(t, "_finalizing", get_finalizing, None);
    let _ = closed_file;
}

// ---------------------------------------------------------------- system calls

pub fn sys_read(fd: i32, buf: &mut [u8]) -> std::io::Result<usize> {
    // SAFETY: `buf` is valid for writes of its length.
    let r = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len()) };
    if r < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(r as usize)
    }
}

pub fn sys_write(fd: i32, buf: &[u8]) -> std::io::Result<usize> {
    // SAFETY: `buf` is valid for reads of its length.
    let r = unsafe { libc::write(fd, buf.as_ptr() as *const libc::c_void, buf.len()) };
    if r < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(r as usize)
    }
}

pub fn sys_lseek(fd: i32, off: i64, whence: i32) -> std::io::Result<i64> {
    // SAFETY: lseek only moves the descriptor's offset.
    let r = unsafe { libc::lseek(fd, off as libc::off_t, whence) };
    if r < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(r as i64)
    }
}

pub fn sys_close(fd: i32) -> std::io::Result<()> {
    // SAFETY: closing a descriptor this object owns.
    let r = unsafe { libc::close(fd) };
    if r < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(())
    }
}

pub fn sys_ftruncate(fd: i32, size: i64) -> std::io::Result<()> {
    // SAFETY: ftruncate only changes the file's size.
    let r = unsafe { libc::ftruncate(fd, size as libc::off_t) };
    if r < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(())
    }
}

pub fn sys_open(path: &[u8], flags: i32, mode: u32) -> std::io::Result<i32> {
    let c = std::ffi::CString::new(path.to_vec()).map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))?;
    // SAFETY: `c` is a valid NUL-terminated path.
    let r = unsafe { libc::open(c.as_ptr(), flags, mode as libc::c_uint) };
    if r < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// (is a directory, st_blksize)
pub fn sys_fstat(fd: i32) -> std::io::Result<(bool, i64)> {
    // SAFETY: `st` is a plain C struct fstat fills in.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        if libc::fstat(fd, &mut st) < 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(((st.st_mode & libc::S_IFMT) == libc::S_IFDIR, st.st_blksize as i64))
    }
}

pub fn sys_fstat_size(fd: i32) -> std::io::Result<i64> {
    // SAFETY: as in sys_fstat.
    unsafe {
        let mut st: libc::stat = std::mem::zeroed();
        if libc::fstat(fd, &mut st) < 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(st.st_size as i64)
    }
}

pub fn sys_isatty(fd: i32) -> bool {
    // SAFETY: isatty only inspects the descriptor.
    unsafe { libc::isatty(fd) == 1 }
}
