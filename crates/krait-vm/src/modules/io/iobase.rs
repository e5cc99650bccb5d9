//! `_IOBase`, `_RawIOBase`, `_BufferedIOBase`, `_TextIOBase`: the abstract
//! bases. Their methods only use the Python-level methods of `self`
//! (`read`, `readinto`, `write`, `peek`, `closed`, `seekable`, ...), so a
//! Python class deriving from them that implements a few primitives gets the
//! rest. The closed state of such objects is the instance attribute
//! `__IOBase_closed`, as in CPython.

use super::{closed_file, this, tname, unsupported, IoClasses, DEFAULT_BUFFER_SIZE};
use crate::types::{add_getset, add_method, dict, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

const CLOSED_KEY: &str = "__IOBase_closed";

/// An attribute of the instance dict, if any.
pub fn inst_get(v: &Value, name: &str) -> Option<Value> {
    let d = v.as_obj()?.dict.borrow().clone()?;
    dict::dict_get_str(&d, name)
}

/// Set an attribute in the instance dict (created if needed).
pub fn inst_set(v: &Value, name: &str, val: Value) {
    if let Some(o) = v.as_obj() {
        let d = {
            let mut slot = o.dict.borrow_mut();
            match &*slot {
                Some(d) => d.clone(),
                None => {
                    let d = dict::new_dict();
                    *slot = Some(d.clone());
                    d
                }
            }
        };
        dict::dict_set_str(&d, name, val);
    }
}

fn base_closed(v: &Value) -> bool {
    inst_get(v, CLOSED_KEY).map_or(false, |c| c.is_true_singleton() || c.as_i64().map_or(false, |i| i != 0))
}

/// `self.closed` as a bool (Python-level lookup).
pub fn is_closed(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let c = vm.getattr_str(v, "closed")?;
    vm.truthy(&c)
}

/// Raise ValueError if `self.closed`.
pub fn check_closed(vm: &mut Vm, v: &Value) -> PyResult<()> {
    if is_closed(vm, v)? {
        return Err(closed_file());
    }
    Ok(())
}

fn check_flag(vm: &mut Vm, v: &Value, meth: &str, what: &str) -> PyResult<()> {
    let r = vm.call_method(v, meth, &[])?;
    if !r.is_true_singleton() {
        return Err(unsupported(vm, &format!("File or stream is not {what}.")));
    }
    Ok(())
}

pub fn check_readable(vm: &mut Vm, v: &Value) -> PyResult<()> {
    check_flag(vm, v, "readable", "readable")
}
pub fn check_writable(vm: &mut Vm, v: &Value) -> PyResult<()> {
    check_flag(vm, v, "writable", "writable")
}
pub fn check_seekable(vm: &mut Vm, v: &Value) -> PyResult<()> {
    check_flag(vm, v, "seekable", "seekable")
}

// ---------------------------------------------------------------- _IOBase

fn get_closed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(base_closed(this(args, "closed")?)))
}

fn close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("close", args, kw, 1, 1)?;
    let s = &args[0];
    if base_closed(s) {
        return Ok(Value::NONE);
    }
    let r = vm.call_method(s, "flush", &[]);
    inst_set(s, CLOSED_KEY, Value::TRUE);
    r?;
    Ok(Value::NONE)
}

fn flush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("flush", args, kw, 1, 1)?;
    check_closed(vm, &args[0])?;
    Ok(Value::NONE)
}

fn check_closed_m(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_closed(vm, this(args, "_checkClosed")?)?;
    Ok(Value::NONE)
}
fn check_readable_m(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_readable(vm, this(args, "_checkReadable")?)?;
    Ok(Value::TRUE)
}
fn check_writable_m(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_writable(vm, this(args, "_checkWritable")?)?;
    Ok(Value::TRUE)
}
fn check_seekable_m(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_seekable(vm, this(args, "_checkSeekable")?)?;
    Ok(Value::TRUE)
}

fn false_m(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    this(args, "readable")?;
    Ok(Value::FALSE)
}

fn seek(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "seek"))
}
fn truncate(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "truncate"))
}
fn fileno(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

fn tell(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("tell", args, kw, 1, 1)?;
    vm.call_method(&args[0], "seek", &[Value::int(0), Value::int(1)])
}

fn isatty(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("isatty", args, kw, 1, 1)?;
    check_closed(vm, &args[0])?;
    Ok(Value::FALSE)
}

fn enter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__enter__")?;
    check_closed(vm, s)?;
    Ok(s.clone())
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__exit__")?;
    vm.call_method(s, "close", &[])
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__iter__")?;
    check_closed(vm, s)?;
    Ok(s.clone())
}

fn seq_len(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    if let Some(s) = v.as_pystr() {
        return Ok(s.char_len());
    }
    if let Some(b) = v.as_bytes() {
        return Ok(b.len());
    }
    vm.len(v)
}

fn next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__next__")?;
    let line = vm.call_method(s, "readline", &[])?;
    if seq_len(vm, &line)? == 0 {
        return Err(PyErr::stop_iteration(Value::NONE));
    }
    Ok(line)
}

/// `_IOBase.readline(size=-1)`: bytes, using `peek` when available.
fn readline(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, limit) = super::self_opt("readline", args, kw)?;
    let limit = super::size_arg(vm, limit.as_ref())?;
    let peek = vm.getattr_opt(&s, &Value::str("peek"))?;
    let mut out: Vec<u8> = Vec::new();
    while limit < 0 || (out.len() as i64) < limit {
        let mut nreadahead = 1usize;
        if let Some(p) = &peek {
            let ahead = vm.call(p, &[Value::int(1)])?;
            let Some(b) = crate::types::bytes::buffer_bytes(&ahead) else {
                return Err(PyErr::os_error(format!("peek() should have returned a bytes object, not '{}'", tname(&ahead))));
            };
            if !b.is_empty() {
                let mut n = match b.iter().position(|&c| c == b'\n') {
                    Some(i) => i + 1,
                    None => b.len(),
                };
                if limit >= 0 {
                    n = n.min((limit as usize) - out.len());
                }
                nreadahead = n.max(1);
            }
        }
        let chunk = vm.call_method(&s, "read", &[Value::int(nreadahead as i64)])?;
        if chunk.is_none() {
            break;
        }
        let Some(b) = crate::types::bytes::buffer_bytes(&chunk) else {
            return Err(PyErr::os_error(format!("read() should have returned a bytes object, not '{}'", tname(&chunk))));
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(&b);
        if out.last() == Some(&b'\n') {
            break;
        }
    }
    Ok(Value::bytes(out))
}

fn readlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, hint] = crate::args::bind("readlines", args, kw, &["self", "hint=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let hint = super::size_arg(vm, hint.as_ref())?;
    let it = vm.iter(&s)?;
    let mut out = Vec::new();
    let mut total = 0usize;
    while let Some(line) = vm.next(&it)? {
        let n = seq_len(vm, &line)?;
        out.push(line);
        total += n;
        if hint > 0 && total >= hint as usize {
            break;
        }
    }
    Ok(Value::list(out))
}

fn writelines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("writelines", args, kw, 2, 2)?;
    let s = &args[0];
    check_closed(vm, s)?;
    let it = vm.iter(&args[1])?;
    let write = vm.getattr_str(s, "write")?;
    while let Some(line) = vm.next(&it)? {
        vm.call(&write, &[line])?;
    }
    Ok(Value::NONE)
}

/// `__del__`: close the object, ignoring errors (as CPython's finaliser).
fn del(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__del__")?;
    let closed = match vm.getattr_str(s, "closed") {
        Ok(c) => vm.truthy(&c).unwrap_or(true),
        Err(_) => true,
    };
    if !closed {
        let _ = vm.setattr(s, &Value::str("_finalizing"), Value::TRUE);
        let _ = vm.call_method(s, "close", &[]);
    }
    Ok(Value::NONE)
}

fn dict_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__dict__")?;
    let o = s.as_obj().ok_or_else(|| PyErr::attribute_error("no __dict__"))?;
    let _ = vm;
    let existing = o.dict.borrow().clone();
    Ok(match existing {
        Some(d) => d,
        None => {
            let d = dict::new_dict();
            *o.dict.borrow_mut() = Some(d.clone());
            d
        }
    })
}

// ---------------------------------------------------------------- _RawIOBase

fn raw_read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, n) = super::self_opt("read", args, kw)?;
    let n = super::size_arg(vm, n.as_ref())?;
    if n < 0 {
        return vm.call_method(&s, "readall", &[]);
    }
    let b = Value::bytearray(vec![0u8; n as usize]);
    let got = vm.call_method(&s, "readinto", &[b.clone()])?;
    if got.is_none() {
        return Ok(Value::NONE);
    }
    let k = vm.index_value(&got)?;
    if k < 0 || k > n {
        return Err(PyErr::value_error(format!("readinto returned {k} outside buffer size {n}")));
    }
    let data = match b.as_obj().map(|o| &o.payload) {
        Some(crate::object::Payload::ByteArray(x)) => x.borrow()[..k as usize].to_vec(),
        _ => Vec::new(),
    };
    Ok(Value::bytes(data))
}

fn raw_readall(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("readall", args, kw, 1, 1)?;
    let s = &args[0];
    let mut out: Vec<u8> = Vec::new();
    loop {
        let d = vm.call_method(s, "read", &[Value::int(DEFAULT_BUFFER_SIZE as i64)])?;
        if d.is_none() {
            if out.is_empty() {
                return Ok(Value::NONE);
            }
            break;
        }
        let Some(b) = d.as_bytes() else {
            return Err(PyErr::type_error("read() should return bytes"));
        };
        if b.is_empty() {
            break;
        }
        out.extend_from_slice(b);
    }
    Ok(Value::bytes(out))
}

fn not_implemented(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::bare(&types().exc.not_implemented_error))
}

// ---------------------------------------------------------------- _BufferedIOBase

fn buf_read(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "read"))
}
fn buf_read1(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "read1"))
}
fn buf_write(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "write"))
}
fn detach(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "detach"))
}

fn readinto_generic(vm: &mut Vm, args: &[Value], kw: &[Value], meth: &str, reader: &str) -> PyResult<Value> {
    crate::args::check_arity(meth, args, kw, 2, 2)?;
    let (s, b) = (&args[0], &args[1]);
    let n = super::writable_len(vm, b, meth)?;
    let data = vm.call_method(s, reader, &[Value::int(n as i64)])?;
    let Some(d) = crate::types::bytes::buffer_bytes(&data) else {
        return Err(PyErr::type_error("read() should return bytes"));
    };
    if d.len() > n {
        return Err(PyErr::value_error(format!("read() returned too much data: {n} bytes requested, {} returned", d.len())));
    }
    super::fill_writable(vm, b, &d)?;
    Ok(Value::int(d.len() as i64))
}

fn buf_readinto(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    readinto_generic(vm, args, kw, "readinto", "read")
}
fn buf_readinto1(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    readinto_generic(vm, args, kw, "readinto1", "read1")
}

// ---------------------------------------------------------------- _TextIOBase

fn text_read(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "read"))
}
fn text_readline(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "readline"))
}
fn text_write(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(unsupported(vm, "write"))
}
fn none_get(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

pub fn init(c: &IoClasses) {
    let b = &c.iobase;
    add_getset(b, "closed", get_closed, None);
    add_getset(b, "__dict__", dict_get, None);
    add_method(b, "close", close);
    add_method(b, "flush", flush);
    add_method(b, "_checkClosed", check_closed_m);
    add_method(b, "_checkReadable", check_readable_m);
    add_method(b, "_checkWritable", check_writable_m);
    add_method(b, "_checkSeekable", check_seekable_m);
    add_method(b, "seekable", false_m);
    add_method(b, "readable", false_m);
    add_method(b, "writable", false_m);
    add_method(b, "seek", seek);
    add_method(b, "truncate", truncate);
    add_method(b, "fileno", fileno);
    add_method(b, "tell", tell);
    add_method(b, "isatty", isatty);
    add_method(b, "__enter__", enter);
    add_method(b, "__exit__", exit);
    add_method(b, "__iter__", iter);
    add_method(b, "__next__", next);
    add_method(b, "readline", readline);
    add_method(b, "readlines", readlines);
    add_method(b, "writelines", writelines);
    add_method(b, "__del__", del);
    // Python subclasses are closed when freed; the native classes free
    // their resources in Rust (`Drop`) and clear the flag below.
    b.as_obj().unwrap().type_data().has_del.set(true);
    for ty in [&c.rawiobase, &c.bufferediobase, &c.textiobase] {
        ty.as_obj().unwrap().type_data().has_del.set(true);
    }

    let r = &c.rawiobase;
    add_method(r, "read", raw_read);
    add_method(r, "readall", raw_readall);
    add_method(r, "readinto", not_implemented);
    add_method(r, "write", not_implemented);

    let bb = &c.bufferediobase;
    add_method(bb, "read", buf_read);
    add_method(bb, "read1", buf_read1);
    add_method(bb, "write", buf_write);
    add_method(bb, "detach", detach);
    add_method(bb, "readinto", buf_readinto);
    add_method(bb, "readinto1", buf_readinto1);

    let t = &c.textiobase;
    add_method(t, "read", text_read);
    add_method(t, "readline", text_readline);
    add_method(t, "write", text_write);
    add_method(t, "detach", detach);
    add_getset(t, "encoding", none_get, None);
    add_getset(t, "newlines", none_get, None);
    add_getset(t, "errors", none_get, None);
}
