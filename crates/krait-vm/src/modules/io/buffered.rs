//! `BufferedReader`, `BufferedWriter`, `BufferedRandom`, `BufferedRWPair`.
//!
//! A buffered object wraps any raw object. When the raw object is exactly a
//! `FileIO` the descriptor is used directly; otherwise its Python-level
//! `readinto`/`write`/`seek`/`tell` are called (socket.SocketIO, a user
//! RawIOBase, ...). The state is never borrowed across a call to the raw
//! object.

use super::fileio::{self, FileIO};
use super::iobase::inst_get;
use super::{display_name, int_arg, size_arg, state, this, tname, uninitialized, unsupported, IoClasses, DEFAULT_BUFFER_SIZE};
use crate::object::{new_opaque, NativeData, NativeKind, Payload, PyObject};
use crate::types::{add_getset, add_method, add_native, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefMut;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BKind {
    Reader,
    Writer,
    Random,
}

pub struct Buffered {
    pub raw: Value,
    pub kind: BKind,
    ok: bool,
    detached: bool,
    /// The raw object is exactly a FileIO.
    native: bool,
    pub buffer_size: usize,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
}

impl NativeData for Buffered {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.raw);
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.raw, Value::NONE));
    }
}

impl Drop for Buffered {
    fn drop(&mut self) {
        // Last reference gone without close(): write what is pending.
        if !self.wbuf.is_empty() && self.native {
            if let Some(fd) = native_fd(&self.raw) {
                fileio::fd_write_all_quiet(fd, &self.wbuf);
            }
            self.wbuf.clear();
        }
    }
}

impl Buffered {
    fn new(kind: BKind) -> Buffered {
        Buffered {
            raw: Value::NONE,
            kind,
            ok: false,
            detached: false,
            native: false,
            buffer_size: DEFAULT_BUFFER_SIZE,
            rbuf: Vec::new(),
            rpos: 0,
            wbuf: Vec::new(),
        }
    }

    fn avail(&self) -> usize {
        self.rbuf.len() - self.rpos
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.avail());
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        if self.rpos == self.rbuf.len() {
            self.rbuf.clear();
            self.rpos = 0;
        }
        out
    }

    fn push_read(&mut self, data: &[u8]) {
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        self.rbuf.extend_from_slice(data);
    }

    fn clear_read(&mut self) {
        self.rbuf.clear();
        self.rpos = 0;
    }

    fn writable(&self) -> bool {
        self.kind != BKind::Reader
    }
}

/// The descriptor of a FileIO raw object (None if it is not one or closed).
fn native_fd(raw: &Value) -> Option<i32> {
    match raw.as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => b.try_borrow().ok()?.downcast_ref::<FileIO>().map(|f| f.fd).filter(|&fd| fd >= 0),
        _ => None,
    }
}

fn st<'a>(v: &'a Value) -> PyResult<RefMut<'a, Buffered>> {
    state::<Buffered>(v, "Buffered")
}

/// Borrow an initialised, attached buffered object.
fn ok_st<'a>(v: &'a Value) -> PyResult<RefMut<'a, Buffered>> {
    let s = st(v)?;
    if !s.ok {
        if s.detached {
            return Err(PyErr::value_error("raw stream has been detached"));
        }
        return Err(uninitialized());
    }
    Ok(s)
}

/// (raw, native) of an attached object.
fn raw_of(v: &Value) -> PyResult<(Value, bool)> {
    let s = ok_st(v)?;
    Ok((s.raw.clone(), s.native))
}

pub fn is_native_buffered(v: &Value) -> bool {
    super::is_exact(v, |c| &c.buffered_reader) || super::is_exact(v, |c| &c.buffered_writer) || super::is_exact(v, |c| &c.buffered_random)
}

// ---------------------------------------------------------------- raw access

fn fileio_check(vm: &mut Vm, raw: &Value, reading: bool) -> PyResult<i32> {
    let (fd, r, w) = {
        let f = state::<FileIO>(raw, "FileIO")?;
        (f.fd, f.readable, f.writable)
    };
    if fd < 0 {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    if reading && !r {
        return Err(unsupported(vm, "File not open for reading"));
    }
    if !reading && !w {
        return Err(unsupported(vm, "File not open for writing"));
    }
    Ok(fd)
}

fn raw_read(vm: &mut Vm, raw: &Value, native: bool, n: usize) -> PyResult<Option<Vec<u8>>> {
    if native {
        let fd = fileio_check(vm, raw, true)?;
        return fileio::fd_read(vm, fd, n);
    }
    let b = Value::bytearray(vec![0u8; n]);
    let r = vm.call_method(raw, "readinto", &[b.clone()])?;
    if r.is_none() {
        return Ok(None);
    }
    let k = match vm.index_value(&r) {
        Ok(k) => k,
        Err(e) => {
            let err = PyErr::os_error("raw readinto() failed");
            crate::types::exception::set_cause(&err.exc, e.exc.clone());
            return Err(err);
        }
    };
    if k < 0 || k as usize > n {
        return Err(PyErr::os_error(format!("raw readinto() returned invalid length {k} (should have been between 0 and {n})")));
    }
    let data = match b.as_obj().map(|o| &o.payload) {
        Some(Payload::ByteArray(x)) => x.borrow()[..k as usize].to_vec(),
        _ => Vec::new(),
    };
    Ok(Some(data))
}

fn raw_readall(vm: &mut Vm, raw: &Value, native: bool) -> PyResult<Option<Vec<u8>>> {
    if native {
        let fd = fileio_check(vm, raw, true)?;
        return fileio::fd_readall(vm, fd);
    }
    if let Some(ra) = vm.getattr_opt(raw, &Value::str("readall"))? {
        let r = vm.call(&ra, &[])?;
        if r.is_none() {
            return Ok(None);
        }
        return match crate::types::bytes::buffer_bytes(&r) {
            Some(b) => Ok(Some(b)),
            None => Err(PyErr::type_error("readall() should return bytes")),
        };
    }
    let mut out = Vec::new();
    loop {
        match raw_read(vm, raw, false, DEFAULT_BUFFER_SIZE)? {
            None => return Ok(if out.is_empty() { None } else { Some(out) }),
            Some(d) if d.is_empty() => return Ok(Some(out)),
            Some(d) => out.extend_from_slice(&d),
        }
    }
}

fn raw_write(vm: &mut Vm, raw: &Value, native: bool, data: &[u8]) -> PyResult<Option<usize>> {
    if native {
        let fd = fileio_check(vm, raw, false)?;
        return fileio::fd_write(vm, fd, data);
    }
    let r = vm.call_method(raw, "write", &[Value::bytes(data.to_vec())])?;
    if r.is_none() {
        return Ok(None);
    }
    let k = vm.index_value(&r)?;
    if k < 0 || k as usize > data.len() {
        return Err(PyErr::os_error(format!(
            "raw write() returned invalid length {k} (should have been between 0 and {})",
            data.len()
        )));
    }
    Ok(Some(k as usize))
}

fn raw_seek(vm: &mut Vm, raw: &Value, native: bool, off: i64, whence: i32) -> PyResult<i64> {
    if native {
        let fd = {
            let f = state::<FileIO>(raw, "FileIO")?;
            f.fd
        };
        if fd < 0 {
            return Err(PyErr::value_error("I/O operation on closed file"));
        }
        return fileio::retry(vm, || fileio::sys_lseek(fd, off, whence));
    }
    let r = vm.call_method(raw, "seek", &[Value::int(off), Value::int(whence as i64)])?;
    let p = vm.index_value(&r)?;
    if p < 0 {
        return Err(PyErr::os_error(format!("Raw stream returned invalid position {p}")));
    }
    Ok(p)
}

fn raw_tell(vm: &mut Vm, raw: &Value, native: bool) -> PyResult<i64> {
    if native {
        return raw_seek(vm, raw, true, 0, libc::SEEK_CUR);
    }
    let r = vm.call_method(raw, "tell", &[])?;
    let p = vm.index_value(&r)?;
    if p < 0 {
        return Err(PyErr::os_error(format!("Raw stream returned invalid position {p}")));
    }
    Ok(p)
}

/// Whether the raw object is closed.
fn raw_closed(vm: &mut Vm, raw: &Value, native: bool) -> PyResult<bool> {
    if native {
        return Ok(state::<FileIO>(raw, "FileIO")?.fd < 0);
    }
    let c = vm.getattr_str(raw, "closed")?;
    vm.truthy(&c)
}

fn check_closed(vm: &mut Vm, v: &Value, msg: &str) -> PyResult<(Value, bool)> {
    let (raw, native) = raw_of(v)?;
    if raw_closed(vm, &raw, native)? {
        return Err(PyErr::value_error(msg.to_string()));
    }
    Ok((raw, native))
}

// ---------------------------------------------------------------- core operations

/// Write out the write buffer (all of it unless the raw stream would block).
pub fn flush_wbuf(vm: &mut Vm, v: &Value) -> PyResult<()> {
    loop {
        let (raw, native, data) = {
            let mut s = ok_st(v)?;
            if s.wbuf.is_empty() {
                return Ok(());
            }
            (s.raw.clone(), s.native, std::mem::take(&mut s.wbuf))
        };
        let r = raw_write(vm, &raw, native, &data);
        let mut s = ok_st(v)?;
        match r {
            Ok(Some(k)) if k > 0 => {
                if k < data.len() {
                    let mut rest = data[k..].to_vec();
                    rest.extend_from_slice(&s.wbuf);
                    s.wbuf = rest;
                    drop(s);
                    // A partial write may come from a signal: run its handler
                    // before blocking again.
                    crate::interp::signals::periodic_check(vm)?;
                }
            }
            Ok(_) => {
                let mut rest = data;
                rest.extend_from_slice(&s.wbuf);
                s.wbuf = rest;
                drop(s);
                return Err(blocking_error(vm, 0));
            }
            Err(e) => {
                let mut rest = data;
                rest.extend_from_slice(&s.wbuf);
                s.wbuf = rest;
                return Err(e);
            }
        }
    }
}

fn blocking_error(vm: &mut Vm, written: usize) -> PyErr {
    match vm.call(
        &types().exc.blocking_io_error,
        &[Value::int(libc::EAGAIN as i64), Value::str("write could not complete without blocking"), Value::int(written as i64)],
    ) {
        Ok(e) => {
            if vm.getattr_opt(&e, &Value::str("characters_written")).ok().flatten().is_none() {
                let _ = vm.setattr(&e, &Value::str("characters_written"), Value::int(written as i64));
            }
            PyErr::from_value(e)
        }
        Err(e) => e,
    }
}

/// Give the read-ahead back to the raw stream (before writes and seeks).
fn rewind_readahead(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let (raw, native, ahead) = {
        let mut s = ok_st(v)?;
        let ahead = s.avail();
        s.clear_read();
        (s.raw.clone(), s.native, ahead)
    };
    if ahead > 0 {
        raw_seek(vm, &raw, native, -(ahead as i64), libc::SEEK_CUR)?;
    }
    Ok(())
}

/// `write(data)` on an attached, open object.
pub fn write_bytes(vm: &mut Vm, v: &Value, data: &[u8]) -> PyResult<usize> {
    let (kind, ahead) = {
        let s = ok_st(v)?;
        (s.kind, s.avail())
    };
    if kind == BKind::Random && ahead > 0 {
        rewind_readahead(vm, v)?;
    }
    let (raw, native, size) = {
        let mut s = ok_st(v)?;
        if kind == BKind::Random {
            s.clear_read();
        }
        if s.wbuf.len() + data.len() <= s.buffer_size {
            s.wbuf.extend_from_slice(data);
            return Ok(data.len());
        }
        (s.raw.clone(), s.native, s.buffer_size)
    };
    // Does not fit: write out the buffer, then large data directly.
    flush_wbuf(vm, v)?;
    let mut rest = data;
    while rest.len() > size {
        match raw_write(vm, &raw, native, rest)? {
            Some(k) if k > 0 => {
                rest = &rest[k..];
                if let Err(e) = crate::interp::signals::periodic_check(vm) {
                    ok_st(v)?.wbuf.extend_from_slice(&rest[..size.min(rest.len())]);
                    return Err(e);
                }
            }
            _ => {
                let n = size.min(rest.len());
                ok_st(v)?.wbuf.extend_from_slice(&rest[..n]);
                let written = data.len() - rest.len() + n;
                return Err(blocking_error(vm, written));
            }
        }
    }
    ok_st(v)?.wbuf.extend_from_slice(rest);
    Ok(data.len())
}

/// `read(n)` (n < 0: to EOF); None when nothing can be read without blocking.
pub fn read_bytes(vm: &mut Vm, v: &Value, n: i64) -> PyResult<Option<Vec<u8>>> {
    let has_w = {
        let s = ok_st(v)?;
        s.kind == BKind::Random && !s.wbuf.is_empty()
    };
    if has_w {
        flush_wbuf(vm, v)?;
    }
    if n < 0 {
        let (raw, native, mut data) = {
            let mut s = ok_st(v)?;
            let a = s.avail();
            (s.raw.clone(), s.native, s.take(a))
        };
        return Ok(match raw_readall(vm, &raw, native)? {
            Some(rest) => {
                data.extend_from_slice(&rest);
                Some(data)
            }
            None => {
                if data.is_empty() {
                    None
                } else {
                    Some(data)
                }
            }
        });
    }
    let n = n as usize;
    loop {
        let (raw, native, want) = {
            let mut s = ok_st(v)?;
            if s.avail() >= n {
                return Ok(Some(s.take(n)));
            }
            let need = n - s.avail();
            (s.raw.clone(), s.native, need.max(s.buffer_size))
        };
        let chunk = raw_read(vm, &raw, native, want)?;
        let mut s = ok_st(v)?;
        match chunk {
            None => {
                let a = s.avail();
                return Ok(if a == 0 { None } else { Some(s.take(a)) });
            }
            Some(c) if c.is_empty() => {
                let a = s.avail();
                return Ok(Some(s.take(a)));
            }
            Some(c) => s.push_read(&c),
        }
    }
}

/// `read1(n)`: buffered data if any, else one raw read of `n` bytes.
pub fn read1_bytes(vm: &mut Vm, v: &Value, n: i64) -> PyResult<Vec<u8>> {
    let has_w = {
        let s = ok_st(v)?;
        s.kind == BKind::Random && !s.wbuf.is_empty()
    };
    if has_w {
        flush_wbuf(vm, v)?;
    }
    let (raw, native, n) = {
        let mut s = ok_st(v)?;
        let n = if n < 0 { s.buffer_size } else { n as usize };
        if n == 0 {
            return Ok(Vec::new());
        }
        if s.avail() > 0 {
            return Ok(s.take(n));
        }
        s.clear_read();
        (s.raw.clone(), s.native, n)
    };
    Ok(raw_read(vm, &raw, native, n)?.unwrap_or_default())
}

/// `readinto`/`readinto1`: fill `n` bytes (readinto1: at most one raw read
/// once some data is there). None when nothing can be read without blocking.
fn readinto_bytes(vm: &mut Vm, v: &Value, n: usize, one: bool) -> PyResult<Option<Vec<u8>>> {
    let has_w = {
        let s = ok_st(v)?;
        s.kind == BKind::Random && !s.wbuf.is_empty()
    };
    if has_w {
        flush_wbuf(vm, v)?;
    }
    let (raw, native, size, mut out) = {
        let mut s = ok_st(v)?;
        let a = s.avail();
        let out = s.take(a.min(n));
        if out.len() == n {
            return Ok(Some(out));
        }
        s.clear_read();
        (s.raw.clone(), s.native, s.buffer_size, out)
    };
    while out.len() < n {
        let remaining = n - out.len();
        let chunk = if remaining > size {
            raw_read(vm, &raw, native, remaining)?
        } else if !(one && !out.is_empty()) {
            match raw_read(vm, &raw, native, size)? {
                Some(c) if !c.is_empty() => {
                    let k = c.len().min(remaining);
                    out.extend_from_slice(&c[..k]);
                    if k < c.len() {
                        ok_st(v)?.push_read(&c[k..]);
                    }
                    continue;
                }
                other => other,
            }
        } else {
            break;
        };
        match chunk {
            None => {
                if out.is_empty() {
                    return Ok(None);
                }
                break;
            }
            Some(c) if c.is_empty() => break,
            Some(c) => {
                out.extend_from_slice(&c);
                if one {
                    break;
                }
            }
        }
    }
    Ok(Some(out))
}

fn peek_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let has_w = {
        let s = ok_st(v)?;
        s.kind == BKind::Random && !s.wbuf.is_empty()
    };
    if has_w {
        flush_wbuf(vm, v)?;
    }
    let (raw, native, want) = {
        let s = ok_st(v)?;
        if s.avail() > 0 {
            return Ok(s.rbuf[s.rpos..].to_vec());
        }
        (s.raw.clone(), s.native, s.buffer_size)
    };
    let chunk = raw_read(vm, &raw, native, want)?.unwrap_or_default();
    let mut s = ok_st(v)?;
    s.push_read(&chunk);
    Ok(s.rbuf[s.rpos..].to_vec())
}

/// One line (through b'\n'), at most `limit` bytes when limit >= 0.
pub fn readline_bytes(vm: &mut Vm, v: &Value, limit: i64) -> PyResult<Vec<u8>> {
    let has_w = {
        let s = ok_st(v)?;
        s.kind == BKind::Random && !s.wbuf.is_empty()
    };
    if has_w {
        flush_wbuf(vm, v)?;
    }
    let mut scanned = 0usize;
    loop {
        let (raw, native, want) = {
            let mut s = ok_st(v)?;
            let avail = &s.rbuf[s.rpos..];
            if let Some(i) = avail[scanned..].iter().position(|&c| c == b'\n') {
                let mut end = scanned + i + 1;
                if limit >= 0 {
                    end = end.min(limit as usize);
                }
                return Ok(s.take(end));
            }
            scanned = avail.len();
            if limit >= 0 && scanned >= limit as usize {
                return Ok(s.take(limit as usize));
            }
            (s.raw.clone(), s.native, s.buffer_size)
        };
        let chunk = raw_read(vm, &raw, native, want)?;
        let mut s = ok_st(v)?;
        match chunk {
            Some(c) if !c.is_empty() => s.push_read(&c),
            _ => {
                let a = s.avail();
                let n = if limit >= 0 { a.min(limit as usize) } else { a };
                return Ok(s.take(n));
            }
        }
    }
}

pub fn tell_impl(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let (raw, native) = raw_of(v)?;
    let pos = raw_tell(vm, &raw, native)?;
    let s = ok_st(v)?;
    Ok((pos - s.avail() as i64 + s.wbuf.len() as i64).max(0))
}

pub fn seek_impl(vm: &mut Vm, v: &Value, pos: i64, whence: i32) -> PyResult<i64> {
    let (raw, native) = check_closed(vm, v, "seek of closed file")?;
    if native {
        let ok = {
            let f = state::<FileIO>(&raw, "FileIO")?;
            fileio::sys_lseek(f.fd, 0, libc::SEEK_CUR).is_ok()
        };
        if !ok {
            return Err(unsupported(vm, "File or stream is not seekable."));
        }
    } else {
        super::iobase::check_seekable(vm, &raw)?;
    }
    // A target inside the read buffer only moves the buffer position.
    if whence != 2 {
        let (ahead, has_w) = {
            let s = ok_st(v)?;
            (s.avail(), !s.wbuf.is_empty())
        };
        if ahead > 0 && !has_w {
            let rawpos = raw_tell(vm, &raw, native)?;
            let cur = rawpos - ahead as i64;
            let target = if whence == 0 { pos } else { cur + pos };
            let mut s = ok_st(v)?;
            let start = cur - s.rpos as i64;
            if target >= start && target <= rawpos {
                s.rpos = (target - start) as usize;
                return Ok(target);
            }
        }
    }
    flush_wbuf(vm, v)?;
    let ahead = {
        let mut s = ok_st(v)?;
        let a = s.avail();
        s.clear_read();
        a
    };
    let off = if whence == 1 { pos - ahead as i64 } else { pos };
    raw_seek(vm, &raw, native, off, whence)
}

// ---------------------------------------------------------------- construction

fn new_any(args: &[Value], kind: BKind) -> PyResult<Value> {
    let cls = this(args, "__new__")?;
    Ok(new_opaque(cls, Buffered::new(kind)))
}
fn reader_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    new_any(args, BKind::Reader)
}
fn writer_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    new_any(args, BKind::Writer)
}
fn random_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    new_any(args, BKind::Random)
}

fn init_any(vm: &mut Vm, args: &[Value], kw: &[Value], kind: BKind, name: &str) -> PyResult<Value> {
    let [s, raw, size] = crate::args::bind(name, args, kw, &["self", "raw", "buffer_size="])?;
    let s = s.unwrap_or(Value::NONE);
    let raw = raw.unwrap_or(Value::NONE);
    {
        let mut b = st(&s)?;
        b.ok = false;
        b.detached = false;
    }
    if kind != BKind::Writer {
        super::iobase::check_readable(vm, &raw)?;
    }
    if kind != BKind::Reader {
        super::iobase::check_writable(vm, &raw)?;
    }
    if kind == BKind::Random {
        super::iobase::check_seekable(vm, &raw)?;
    }
    let size = match size {
        Some(v) => int_arg(vm, &v)?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    if size <= 0 {
        return Err(PyErr::value_error("buffer size must be strictly positive"));
    }
    if size > (1 << 40) {
        return Err(PyErr::memory_error());
    }
    let native = super::is_exact(&raw, |c| &c.fileio);
    {
        let mut b = st(&s)?;
        b.raw = raw;
        b.kind = kind;
        b.native = native;
        b.buffer_size = size as usize;
        b.ok = true;
        b.detached = false;
        b.clear_read();
        b.wbuf.clear();
    }
    if kind != BKind::Reader {
        super::stdio::register(&s);
    }
    Ok(Value::NONE)
}

fn reader_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    init_any(vm, args, kw, BKind::Reader, "BufferedReader")
}
fn writer_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    init_any(vm, args, kw, BKind::Writer, "BufferedWriter")
}
fn random_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    init_any(vm, args, kw, BKind::Random, "BufferedRandom")
}

/// A new native buffered object over `raw` (for open() and the std streams).
pub fn new_buffered(kind: BKind, raw: Value, buffer_size: usize) -> Value {
    let cls = match kind {
        BKind::Reader => super::class(|c| &c.buffered_reader),
        BKind::Writer => super::class(|c| &c.buffered_writer),
        BKind::Random => super::class(|c| &c.buffered_random),
    };
    let native = super::is_exact(&raw, |c| &c.fileio);
    let mut b = Buffered::new(kind);
    b.raw = raw;
    b.native = native;
    b.buffer_size = buffer_size.max(1);
    b.ok = true;
    let v = new_opaque(&cls, b);
    if kind != BKind::Reader {
        super::stdio::register(&v);
    }
    v
}

// ---------------------------------------------------------------- methods

fn m_read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, n) = super::self_opt("read", args, kw)?;
    let n = size_arg(vm, n.as_ref())?;
    if n < -1 {
        return Err(PyErr::value_error("read length must be non-negative or -1"));
    }
    check_closed(vm, &s, "read of closed file")?;
    Ok(read_bytes(vm, &s, n)?.map_or(Value::NONE, Value::bytes))
}

fn m_read1(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, n) = super::self_opt("read1", args, kw)?;
    let n = size_arg(vm, n.as_ref())?;
    check_closed(vm, &s, "read of closed file")?;
    Ok(Value::bytes(read1_bytes(vm, &s, n)?))
}

fn m_peek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, _n] = crate::args::bind("peek", args, kw, &["self", "size=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    check_closed(vm, &s, "peek of closed file")?;
    Ok(Value::bytes(peek_bytes(vm, &s)?))
}

fn readinto_any(vm: &mut Vm, args: &[Value], kw: &[Value], one: bool) -> PyResult<Value> {
    let meth = if one { "readinto1" } else { "readinto" };
    crate::args::check_arity(meth, args, kw, 2, 2)?;
    let s = &args[0];
    check_closed(vm, s, "readinto of closed file")?;
    let n = super::writable_len(vm, &args[1], meth)?;
    let data = readinto_bytes(vm, s, n, one)?;
    match data {
        None => Ok(Value::NONE),
        Some(d) => {
            super::fill_writable(vm, &args[1], &d)?;
            Ok(Value::int(d.len() as i64))
        }
    }
}

fn m_readinto(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    readinto_any(vm, args, kw, false)
}
fn m_readinto1(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    readinto_any(vm, args, kw, true)
}

fn m_readline(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, n) = super::self_opt("readline", args, kw)?;
    let n = size_arg(vm, n.as_ref())?;
    check_closed(vm, &s, "readline of closed file")?;
    Ok(Value::bytes(readline_bytes(vm, &s, n)?))
}

fn m_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__next__")?;
    check_closed(vm, s, "readline of closed file")?;
    let line = readline_bytes(vm, s, -1)?;
    if line.is_empty() {
        return Err(PyErr::stop_iteration(Value::NONE));
    }
    Ok(Value::bytes(line))
}

fn m_write(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("write", args, kw, 2, 2)?;
    let s = &args[0];
    let data = super::bytes_arg(vm, &args[1])?;
    check_closed(vm, s, "write to closed file")?;
    Ok(Value::int(write_bytes(vm, s, &data)? as i64))
}

/// `flush()`: write out pending data; a random-access object also gives
/// back its read-ahead so the raw position matches the logical one.
pub fn flush_impl(vm: &mut Vm, v: &Value) -> PyResult<()> {
    flush_wbuf(vm, v)?;
    let random = ok_st(v)?.kind == BKind::Random;
    if random {
        rewind_readahead(vm, v)?;
    }
    Ok(())
}

pub fn m_flush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("flush", args, kw, 1, 1)?;
    let s = &args[0];
    let kind = ok_st(s)?.kind;
    if kind == BKind::Reader {
        let (raw, _) = raw_of(s)?;
        return vm.call_method(&raw, "flush", &[]);
    }
    check_closed(vm, s, "flush of closed file")?;
    flush_impl(vm, s)?;
    Ok(Value::NONE)
}

fn m_seek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, pos, whence] = crate::args::bind("seek", args, kw, &["self", "target", "whence=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let pos = pos.unwrap_or(Value::NONE);
    let whence = match whence {
        Some(w) => int_arg(vm, &w)?,
        None => 0,
    };
    if !(0..=4).contains(&whence) {
        return Err(PyErr::value_error(format!("whence value {whence} unsupported")));
    }
    if pos.is_float() || (!pos.is_int() && crate::types::lookup(crate::types::type_ref(&pos), "__index__").is_none()) {
        return Err(PyErr::type_error(format!("an integer is required (got type {})", tname(&pos))));
    }
    let pos = vm.index_value(&pos)?;
    ok_st(&s)?;
    Ok(Value::int(seek_impl(vm, &s, pos, whence as i32)?))
}

fn m_tell(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("tell", args, kw, 1, 1)?;
    Ok(Value::int(tell_impl(vm, &args[0])?))
}

fn m_truncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, pos] = crate::args::bind("truncate", args, kw, &["self", "pos=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let (raw, _) = check_closed(vm, &s, "truncate of closed file")?;
    if !ok_st(&s)?.writable() {
        return Err(unsupported(vm, "truncate"));
    }
    flush_impl(vm, &s)?;
    let pos = match pos.filter(|p| !p.is_none()) {
        Some(p) => p,
        None => Value::int(tell_impl(vm, &s)?),
    };
    vm.call_method(&raw, "truncate", &[pos])
}

fn m_close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("close", args, kw, 1, 1)?;
    let s = &args[0];
    let (raw, native) = raw_of(s)?;
    if raw_closed(vm, &raw, native)? {
        return Ok(Value::NONE);
    }
    let flushed = vm.call_method(s, "flush", &[]).map(|_| ());
    let closed = vm.call_method(&raw, "close", &[]);
    if let Ok(mut b) = st(s) {
        b.clear_read();
        b.wbuf.clear();
    }
    super::close_outcome(flushed, closed)
}

fn m_detach(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("detach", args, kw, 1, 1)?;
    let s = &args[0];
    ok_st(s)?;
    vm.call_method(s, "flush", &[])?;
    let mut b = ok_st(s)?;
    let raw = std::mem::replace(&mut b.raw, Value::NONE);
    b.ok = false;
    b.detached = true;
    b.native = false;
    Ok(raw)
}

fn delegate(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let s = this(args, name)?;
    let (raw, _) = raw_of(s)?;
    vm.call_method(&raw, name, &[])
}

fn m_seekable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "seekable")
}
fn m_readable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "readable")
}
fn m_writable(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "writable")
}
fn m_fileno(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "fileno")
}
fn m_isatty(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    delegate(vm, args, "isatty")
}

fn g_closed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "closed")?;
    let (raw, native) = raw_of(s)?;
    if native {
        return Ok(Value::bool(raw_closed(vm, &raw, true)?));
    }
    vm.getattr_str(&raw, "closed")
}
fn g_name(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (raw, _) = raw_of(this(args, "name")?)?;
    vm.getattr_str(&raw, "name")
}
fn g_mode(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (raw, _) = raw_of(this(args, "mode")?)?;
    vm.getattr_str(&raw, "mode")
}
fn g_raw(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(raw_of(this(args, "raw")?)?.0)
}
fn g_finalizing(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(inst_get(this(args, "_finalizing")?, "_finalizing").unwrap_or(Value::FALSE))
}

fn m_dealloc_warn(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn m_getstate(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error(format!("cannot pickle '{}' object", display_name(this(args, "__getstate__")?))))
}

fn m_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__repr__")?;
    let cls = display_name(s);
    match vm.getattr_str(s, "name") {
        Ok(n) => {
            let r = vm.repr_string(&n)?;
            Ok(Value::string(format!("<{cls} name={r}>")))
        }
        Err(e) if e.matches(&types().exc.exception) => Ok(Value::string(format!("<{cls}>"))),
        Err(e) => Err(e),
    }
}

fn m_sizeof(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = st(this(args, "__sizeof__")?)?;
    Ok(Value::int((std::mem::size_of::<Buffered>() + b.buffer_size) as i64))
}

fn common(t: &Value) {
    add_method(t, "close", m_close);
    add_method(t, "detach", m_detach);
    add_method(t, "seekable", m_seekable);
    add_method(t, "fileno", m_fileno);
    add_method(t, "isatty", m_isatty);
    add_method(t, "flush", m_flush);
    add_method(t, "seek", m_seek);
    add_method(t, "tell", m_tell);
    add_method(t, "truncate", m_truncate);
    add_method(t, "_dealloc_warn", m_dealloc_warn);
    add_method(t, "__getstate__", m_getstate);
    add_method(t, "__repr__", m_repr);
    add_method(t, "__sizeof__", m_sizeof);
    add_getset(t, "closed", g_closed, None);
    add_getset(t, "name", g_name, None);
    add_getset(t, "mode", g_mode, None);
    add_getset(t, "raw", g_raw, None);
    add_getset(t, "_finalizing", g_finalizing, None);
    // Python subclasses (and objects over Python raw streams) are closed
    // when freed, flushing what they hold.
    t.as_obj().unwrap().type_data().has_del.set(true);
}

fn reading(t: &Value) {
    add_method(t, "readable", m_readable);
    add_method(t, "read", m_read);
    add_method(t, "read1", m_read1);
    add_method(t, "readinto", m_readinto);
    add_method(t, "readinto1", m_readinto1);
    add_method(t, "readline", m_readline);
    add_method(t, "peek", m_peek);
    add_method(t, "__next__", m_next);
}

// ---------------------------------------------------------------- BufferedRWPair

pub struct RWPair {
    reader: Value,
    writer: Value,
    ok: bool,
}

impl NativeData for RWPair {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.reader);
        f(&self.writer);
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.reader, Value::NONE));
        out.push(std::mem::replace(&mut self.writer, Value::NONE));
    }
}

fn pair_of(v: &Value) -> PyResult<(Value, Value)> {
    let p = state::<RWPair>(v, "BufferedRWPair")?;
    if !p.ok {
        return Err(uninitialized());
    }
    Ok((p.reader.clone(), p.writer.clone()))
}

fn pair_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = this(args, "__new__")?;
    Ok(new_opaque(cls, RWPair { reader: Value::NONE, writer: Value::NONE, ok: false }))
}

fn pair_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, reader, writer, size] = crate::args::bind("BufferedRWPair", args, kw, &["self", "reader", "writer", "buffer_size=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let reader = reader.unwrap_or(Value::NONE);
    let writer = writer.unwrap_or(Value::NONE);
    let size = match size {
        Some(v) => int_arg(vm, &v)?,
        None => DEFAULT_BUFFER_SIZE as i64,
    };
    super::iobase::check_readable(vm, &reader)?;
    super::iobase::check_writable(vm, &writer)?;
    let r = vm.call(&super::class(|c| &c.buffered_reader), &[reader, Value::int(size)])?;
    let w = vm.call(&super::class(|c| &c.buffered_writer), &[writer, Value::int(size)])?;
    let mut p = state::<RWPair>(&s, "BufferedRWPair")?;
    p.reader = r;
    p.writer = w;
    p.ok = true;
    Ok(Value::NONE)
}

fn fwd(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, to_writer: bool) -> PyResult<Value> {
    let s = this(args, name)?;
    let (r, w) = pair_of(s)?;
    let target = if to_writer { w } else { r };
    let f = vm.getattr_str(&target, name)?;
    vm.call_kw(&f, &args[1..], kw)
}

fn p_read(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    fwd(vm, a, k, "read", false)
}
fn p_peek(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    fwd(vm, a, k, "peek", false)
}
fn p_read1(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    fwd(vm, a, k, "read1", false)
}
fn p_readinto(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    fwd(vm, a, k, "readinto", false)
}
fn p_readinto1(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    fwd(vm, a, k, "readinto1", false)
}
fn p_readable(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    fwd(vm, a, k, "readable", false)
}
fn p_write(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    fwd(vm, a, k, "write", true)
}
fn p_flush(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    fwd(vm, a, k, "flush", true)
}
fn p_writable(vm: &mut Vm, a: &[Value], k: &[Value]) -> PyResult<Value> {
    fwd(vm, a, k, "writable", true)
}
fn p_closed(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (_, w) = pair_of(this(a, "closed")?)?;
    vm.getattr_str(&w, "closed")
}
fn p_isatty(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (r, w) = pair_of(this(a, "isatty")?)?;
    let x = vm.call_method(&w, "isatty", &[])?;
    if vm.truthy(&x)? {
        return Ok(x);
    }
    vm.call_method(&r, "isatty", &[])
}
fn p_close(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (r, w) = pair_of(this(a, "close")?)?;
    let e1 = vm.call_method(&w, "close", &[]);
    let e2 = vm.call_method(&r, "close", &[]);
    match (e1, e2) {
        (Err(a), Err(b)) => {
            crate::types::exception::set_context(&b.exc, a.exc.clone());
            Err(b)
        }
        (Err(a), _) => Err(a),
        (_, Err(b)) => Err(b),
        _ => Ok(Value::NONE),
    }
}

pub fn init(c: &IoClasses) {
    let r = &c.buffered_reader;
    add_native(r, "__new__", reader_new, NativeKind::StaticMethod);
    add_method(r, "__init__", reader_init);
    common(r);
    reading(r);
    let w = &c.buffered_writer;
    add_native(w, "__new__", writer_new, NativeKind::StaticMethod);
    add_method(w, "__init__", writer_init);
    common(w);
    add_method(w, "write", m_write);
    add_method(w, "writable", m_writable);
    let x = &c.buffered_random;
    add_native(x, "__new__", random_new, NativeKind::StaticMethod);
    add_method(x, "__init__", random_init);
    common(x);
    reading(x);
    add_method(x, "write", m_write);
    add_method(x, "writable", m_writable);

    let p = &c.buffered_rwpair;
    add_native(p, "__new__", pair_new, NativeKind::StaticMethod);
    add_method(p, "__init__", pair_init);
    add_method(p, "read", p_read);
    add_method(p, "peek", p_peek);
    add_method(p, "read1", p_read1);
    add_method(p, "readinto", p_readinto);
    add_method(p, "readinto1", p_readinto1);
    add_method(p, "readable", p_readable);
    add_method(p, "write", p_write);
    add_method(p, "flush", p_flush);
    add_method(p, "writable", p_writable);
    add_method(p, "isatty", p_isatty);
    add_method(p, "close", p_close);
    add_getset(p, "closed", p_closed, None);
    p.as_obj().unwrap().type_data().has_del.set(true);
    let _ = std::mem::size_of::<PyObject>();
}

/// Whether the raw stream under a buffered object is closed (fast for FileIO).
pub fn raw_is_closed(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let (raw, native) = raw_of(v)?;
    raw_closed(vm, &raw, native)
}

/// Append bytes to a buffered object's write buffer without running any
/// Python code (finalisation of a TextIOWrapper, exit).
pub fn append_pending(v: &Value, data: &[u8]) {
    if let Ok(mut b) = st(v) {
        if b.ok && b.writable() {
            b.wbuf.extend_from_slice(data);
        }
    }
}

/// Write out the write buffer of an object over a FileIO without a Vm
/// (errors ignored): used at exit.
pub fn flush_quiet(v: &Value) {
    let (fd, data) = {
        let Ok(mut b) = st(v) else { return };
        if !b.native || b.wbuf.is_empty() {
            return;
        }
        let Some(fd) = native_fd(&b.raw) else { return };
        (fd, std::mem::take(&mut b.wbuf))
    };
    fileio::fd_write_all_quiet(fd, &data);
}
