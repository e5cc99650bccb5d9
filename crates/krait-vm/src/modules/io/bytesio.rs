//! `BytesIO`: an in-memory binary stream.
//!
//! `getbuffer()` moves the contents into a bytearray shared with the
//! returned memoryview; while a view is alive (the bytearray has another
//! reference) the buffer cannot be resized, as in CPython.

use super::memio::{self, MemStream};
use super::{closed_file, state, this, IoClasses};
use crate::object::{new_opaque, NativeData, NativeKind, Payload};
use crate::types::{add_getset, add_method, add_native, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

#[derive(Default)]
pub struct BytesIO {
    buf: Vec<u8>,
    pos: usize,
    closed: bool,
    /// The bytearray exported by `getbuffer()` (holds the data while set).
    shared: Option<Value>,
}

impl NativeData for BytesIO {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        if let Some(s) = &self.shared {
            f(s);
        }
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        if let Some(s) = self.shared.take() {
            out.push(s);
        }
    }
}

impl BytesIO {
    pub fn with_data(buf: Vec<u8>) -> BytesIO {
        BytesIO { buf, ..Default::default() }
    }

    /// Take the data back from an export nobody else holds any more.
    fn reclaim(&mut self) {
        if let Some(sh) = &self.shared {
            if sh.refcount() == 1 {
                if let Some(Payload::ByteArray(b)) = sh.as_obj().map(|o| &o.payload) {
                    self.buf = std::mem::take(&mut *b.borrow_mut());
                }
                self.shared = None;
            }
        }
    }

    fn exported(&mut self) -> bool {
        self.reclaim();
        self.shared.is_some()
    }

    /// Run `f` on the contents.
    fn with<R>(&mut self, f: impl FnOnce(&mut Vec<u8>, &mut usize) -> R) -> R {
        self.reclaim();
        match &self.shared {
            Some(sh) => match sh.as_obj().map(|o| &o.payload) {
                Some(Payload::ByteArray(b)) => f(&mut b.borrow_mut(), &mut self.pos),
                _ => f(&mut self.buf, &mut self.pos),
            },
            None => f(&mut self.buf, &mut self.pos),
        }
    }

    pub fn read(&mut self, n: i64) -> Vec<u8> {
        self.with(|buf, pos| {
            let start = (*pos).min(buf.len());
            let end = if n < 0 { buf.len() } else { start.saturating_add(n as usize).min(buf.len()) };
            *pos = end.max(*pos);
            buf[start..end].to_vec()
        })
    }

    pub fn readline(&mut self, limit: i64) -> Vec<u8> {
        self.with(|buf, pos| {
            let start = (*pos).min(buf.len());
            let rest = &buf[start..];
            let mut end = match rest.iter().position(|&c| c == b'\n') {
                Some(i) => i + 1,
                None => rest.len(),
            };
            if limit >= 0 {
                end = end.min(limit as usize);
            }
            *pos = start + end;
            rest[..end].to_vec()
        })
    }

    pub fn write(&mut self, data: &[u8]) -> usize {
        self.with(|buf, pos| {
            let p = *pos;
            if p > buf.len() {
                buf.resize(p, 0);
            }
            let end = p + data.len();
            if end > buf.len() {
                let overlap = buf.len() - p;
                buf[p..].copy_from_slice(&data[..overlap]);
                buf.extend_from_slice(&data[overlap..]);
            } else {
                buf[p..end].copy_from_slice(data);
            }
            *pos = end;
            data.len()
        })
    }

    pub fn getvalue(&mut self) -> Vec<u8> {
        self.with(|buf, _| buf.clone())
    }
}

fn st<'a>(v: &'a Value) -> PyResult<std::cell::RefMut<'a, BytesIO>> {
    state::<BytesIO>(v, "BytesIO")
}

impl MemStream for BytesIO {
    fn open_state(v: &Value) -> PyResult<std::cell::RefMut<'_, BytesIO>> {
        let s = st(v)?;
        if s.closed {
            return Err(closed_file());
        }
        Ok(s)
    }
    fn position(&self) -> usize {
        self.pos
    }
}

/// Borrow an open BytesIO.
fn open_st(v: &Value) -> PyResult<std::cell::RefMut<'_, BytesIO>> {
    BytesIO::open_state(v)
}

fn exports_err() -> PyErr {
    PyErr::new(&types().exc.buffer_error, "Existing exports of data: object cannot be re-sized")
}

fn new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = this(args, "BytesIO.__new__")?;
    Ok(new_opaque(cls, BytesIO::default()))
}

fn init_m(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, initial] = crate::args::bind("BytesIO", args, kw, &["self", "initial_bytes="])?;
    let s = s.unwrap_or(Value::NONE);
    let data = match initial.filter(|v| !v.is_none()) {
        Some(v) => super::bytes_arg(vm, &v)?.into_owned(),
        None => Vec::new(),
    };
    let mut b = st(&s)?;
    if b.exported() {
        return Err(exports_err());
    }
    b.buf = data;
    b.pos = 0;
    Ok(Value::NONE)
}

/// A new BytesIO holding `data` (for native callers).
pub fn new_bytesio(data: Vec<u8>) -> Value {
    new_opaque(&super::class(|c| &c.bytesio), BytesIO::with_data(data))
}

fn getvalue(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getvalue", args, kw, 1, 1)?;
    let v = open_st(&args[0])?.getvalue();
    Ok(Value::bytes(v))
}

fn getbuffer(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getbuffer", args, kw, 1, 1)?;
    let shared = {
        let mut b = open_st(&args[0])?;
        b.reclaim();
        if b.shared.is_none() {
            let data = std::mem::take(&mut b.buf);
            b.shared = Some(Value::bytearray(data));
        }
        b.shared.clone().unwrap_or(Value::NONE)
    };
    vm.call(&types().memoryview, &[shared])
}

fn read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bytes(memio::sized(vm, args, kw, "read", BytesIO::read)?))
}

fn readinto(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("readinto", args, kw, 2, 2)?;
    open_st(&args[0])?;
    let n = super::writable_len(vm, &args[1], "readinto")?;
    let d = open_st(&args[0])?.read(n as i64);
    super::fill_writable(vm, &args[1], &d)?;
    Ok(Value::int(d.len() as i64))
}

fn readline(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bytes(memio::sized(vm, args, kw, "readline", BytesIO::readline)?))
}

fn readlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, hint] = crate::args::bind("readlines", args, kw, &["self", "hint=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let hint = super::size_arg(vm, hint.as_ref())?;
    let mut b = open_st(&s)?;
    let mut out = Vec::new();
    let mut total = 0usize;
    loop {
        let line = b.readline(-1);
        if line.is_empty() {
            break;
        }
        total += line.len();
        out.push(Value::bytes(line));
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(Value::list(out))
}

fn next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__next__")?;
    let line = open_st(s)?.readline(-1);
    if line.is_empty() {
        return Err(PyErr::stop_iteration(Value::NONE));
    }
    Ok(Value::bytes(line))
}

fn iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__iter__")?;
    open_st(s)?;
    Ok(s.clone())
}

fn write(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("write", args, kw, 2, 2)?;
    let data = super::bytes_arg(vm, &args[1])?;
    let mut b = open_st(&args[0])?;
    if b.exported() {
        return Err(exports_err());
    }
    Ok(Value::int(b.write(&data) as i64))
}

fn writelines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("writelines", args, kw, 2, 2)?;
    open_st(&args[0])?;
    let it = vm.iter(&args[1])?;
    while let Some(line) = vm.next(&it)? {
        write(vm, &[args[0].clone(), line], &[])?;
    }
    Ok(Value::NONE)
}

fn seek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, pos, whence) = memio::seek_args(vm, args, kw)?;
    let mut b = open_st(&s)?;
    if pos < 0 && whence == 0 {
        return Err(PyErr::value_error(format!("negative seek value {pos}")));
    }
    let len = b.with(|buf, _| buf.len()) as i64;
    let target = match whence {
        0 => pos,
        1 => (b.pos as i64).saturating_add(pos),
        2 => len.saturating_add(pos),
        _ => return Err(PyErr::value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    b.pos = target.max(0) as usize;
    Ok(Value::int(b.pos as i64))
}

fn truncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, size) = memio::truncate_args::<BytesIO>(vm, args, kw, "size=", "negative size value")?;
    let mut b = open_st(&s)?;
    if b.exported() {
        return Err(exports_err());
    }
    b.with(|buf, _| {
        if (size as usize) < buf.len() {
            buf.truncate(size as usize);
        }
    });
    Ok(Value::int(size))
}

fn false_if_open(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    memio::value_if_open::<BytesIO>(args, "isatty", Value::FALSE)
}

fn flush(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    memio::value_if_open::<BytesIO>(args, "flush", Value::NONE)
}

fn close(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("close", args, kw, 1, 1)?;
    let mut b = st(&args[0])?;
    if b.exported() {
        return Err(exports_err());
    }
    b.closed = true;
    b.buf = Vec::new();
    Ok(Value::NONE)
}

fn get_closed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(st(this(args, "closed")?)?.closed))
}

fn getstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__getstate__")?;
    let (v, pos) = {
        let mut b = open_st(s)?;
        (b.getvalue(), b.pos)
    };
    memio::state_tuple(vm, s, vec![Value::bytes(v), Value::int(pos as i64)])
}

fn setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__setstate__", args, kw, 2, 2)?;
    let s = &args[0];
    let items = memio::state_items(s, &args[1], 3)?;
    let data = super::bytes_arg(vm, &items[0])?.into_owned();
    let pos = memio::state_pos(vm, &items[1], "second item of state must be an integer, not")?;
    {
        let mut b = st(s)?;
        if b.exported() {
            return Err(exports_err());
        }
        b.buf = data;
        b.pos = pos;
    }
    memio::restore_state_dict(vm, s, &items[2], "third")?;
    Ok(Value::NONE)
}

fn sizeof(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = st(this(args, "__sizeof__")?)?.with(|b, _| b.capacity());
    Ok(Value::int(std::mem::size_of::<BytesIO>() as i64 + 48 + n as i64))
}

pub fn init(c: &IoClasses) {
    let t = &c.bytesio;
    add_native(t, "__new__", new, NativeKind::StaticMethod);
    add_method(t, "__init__", init_m);
    add_method(t, "getvalue", getvalue);
    add_method(t, "getbuffer", getbuffer);
    add_method(t, "read", read);
    add_method(t, "read1", read);
    add_method(t, "readinto", readinto);
    add_method(t, "readinto1", readinto);
    add_method(t, "readline", readline);
    add_method(t, "readlines", readlines);
    add_method(t, "__next__", next);
    add_method(t, "__iter__", iter);
    add_method(t, "write", write);
    add_method(t, "writelines", writelines);
    add_method(t, "seek", seek);
    add_method(t, "tell", memio::tell::<BytesIO>);
    add_method(t, "truncate", truncate);
    add_method(t, "readable", memio::true_if_open::<BytesIO>);
    add_method(t, "writable", memio::true_if_open::<BytesIO>);
    add_method(t, "seekable", memio::true_if_open::<BytesIO>);
    add_method(t, "isatty", false_if_open);
    add_method(t, "flush", flush);
    add_method(t, "close", close);
    add_method(t, "__getstate__", getstate);
    add_method(t, "__setstate__", setstate);
    add_method(t, "__sizeof__", sizeof);
    add_getset(t, "closed", get_closed, None);
}
