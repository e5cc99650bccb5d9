//! `StringIO`: an in-memory text stream.
//!
//! The text is kept as UTF-8 with the position both in code points (what
//! Python sees) and in bytes, so sequential reads, `readline` loops and
//! appending writes cost no scanning; only seeks into non-ASCII text count
//! characters.

use super::textio::{advance, char_len as char_count};
use super::codec::NlState;
use super::memio::{self, MemStream};
use super::{state, this, tname, uninitialized, IoClasses};
use crate::object::{new_opaque, NativeData, NativeKind};
use crate::types::{add_getset, add_method, add_native};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

#[derive(Default)]
pub struct StringIO {
    buf: String,
    nchars: usize,
    /// Position in code points (may be past the end).
    pos: usize,
    /// Byte offset of `pos` (clamped to `buf.len()`).
    pos_b: usize,
    /// `buf` is known to be ASCII.
    ascii: bool,
    closed: bool,
    ok: bool,
    /// The `newline` argument.
    readnl: Option<String>,
    readuniversal: bool,
    readtranslate: bool,
    writenl: Option<String>,
    decoder: Option<NlState>,
}

impl NativeData for StringIO {}

impl StringIO {
    fn configure(&mut self, newline: Option<&str>) {
        self.readnl = newline.map(|s| s.to_string());
        self.readuniversal = newline.map_or(true, |n| n.is_empty());
        self.readtranslate = newline.is_none();
        self.writenl = match newline {
            Some(n) if n.starts_with('\r') => Some(n.to_string()),
            _ => None,
        };
        self.decoder = if self.readuniversal { Some(NlState::new(self.readtranslate)) } else { None };
    }

    fn reset_buf(&mut self) {
        self.buf.clear();
        self.nchars = 0;
        self.pos = 0;
        self.pos_b = 0;
        self.ascii = true;
    }

    /// Byte offset of code point `ci`.
    fn byte_at(&self, ci: usize) -> usize {
        if ci >= self.nchars {
            return self.buf.len();
        }
        if self.ascii {
            return ci;
        }
        if ci == self.pos {
            return self.pos_b;
        }
        if ci > self.pos {
            return self.pos_b + advance(&self.buf[self.pos_b..], ci - self.pos);
        }
        advance(&self.buf, ci)
    }

    fn set_pos(&mut self, ci: usize) {
        self.pos_b = self.byte_at(ci);
        self.pos = ci;
    }

    /// Translate newlines as a write does.
    fn translate_in<'a>(&mut self, s: &'a str) -> std::borrow::Cow<'a, str> {
        let mut out: std::borrow::Cow<'a, str> = match &mut self.decoder {
            Some(d) => d.decode_cow(s, true),
            None => std::borrow::Cow::Borrowed(s),
        };
        if let Some(nl) = &self.writenl {
            if out.contains('\n') {
                out = std::borrow::Cow::Owned(out.replace('\n', nl));
            }
        }
        out
    }

    pub fn write_str(&mut self, s: &str) {
        let text = self.translate_in(s);
        let text: &str = &text;
        if text.is_empty() {
            return;
        }
        let k = char_count(text);
        if self.pos > self.nchars {
            let pad = self.pos - self.nchars;
            self.buf.extend(std::iter::repeat('\0').take(pad));
            self.nchars = self.pos;
            self.pos_b = self.buf.len();
        }
        if !text.is_ascii() {
            self.ascii = false;
        }
        if self.pos == self.nchars {
            self.buf.push_str(text);
            self.nchars += k;
        } else {
            let start = self.pos_b;
            let end = start + advance(&self.buf[start..], k);
            let replaced = char_count(&self.buf[start..end]);
            self.buf.replace_range(start..end, text);
            self.nchars = self.nchars - replaced + k;
        }
        self.pos += k;
        self.pos_b += text.len();
    }

    fn read(&mut self, n: i64) -> String {
        if self.pos >= self.nchars {
            return String::new();
        }
        let rest = &self.buf[self.pos_b..];
        let (end, k) = if n < 0 || n as usize >= self.nchars - self.pos {
            (rest.len(), self.nchars - self.pos)
        } else if self.ascii {
            (n as usize, n as usize)
        } else {
            (advance(rest, n as usize), n as usize)
        };
        let out = rest[..end].to_string();
        self.pos += k;
        self.pos_b += end;
        out
    }

    /// End (bytes, exclusive) of the next line in `rest`.
    fn line_end(&self, rest: &str) -> usize {
        let b = rest.as_bytes();
        if self.readtranslate {
            return memchr(b'\n', b).map_or(b.len(), |i| i + 1);
        }
        if self.readuniversal {
            return match b.iter().position(|&c| c == b'\n' || c == b'\r') {
                Some(i) if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') => i + 2,
                Some(i) => i + 1,
                None => b.len(),
            };
        }
        let nl = self.readnl.as_deref().unwrap_or("\n").as_bytes();
        if nl.len() == 1 {
            return memchr(nl[0], b).map_or(b.len(), |i| i + 1);
        }
        match b.windows(nl.len()).position(|w| w == nl) {
            Some(i) => i + nl.len(),
            None => b.len(),
        }
    }

    pub fn readline(&mut self, limit: i64) -> String {
        if self.pos >= self.nchars {
            return String::new();
        }
        let rest = &self.buf[self.pos_b..];
        let mut end = self.line_end(rest);
        let mut k = if self.ascii { end } else { char_count(&rest[..end]) };
        if limit >= 0 && (limit as usize) < k {
            k = limit as usize;
            end = if self.ascii { k } else { advance(rest, k) };
        }
        let out = rest[..end].to_string();
        self.pos += k;
        self.pos_b += end;
        out
    }
}

fn memchr(c: u8, b: &[u8]) -> Option<usize> {
    b.iter().position(|&x| x == c)
}

fn st<'a>(v: &'a Value) -> PyResult<std::cell::RefMut<'a, StringIO>> {
    state::<StringIO>(v, "StringIO")
}

impl MemStream for StringIO {
    fn open_state(v: &Value) -> PyResult<std::cell::RefMut<'_, StringIO>> {
        let s = st(v)?;
        if !s.ok {
            return Err(uninitialized());
        }
        if s.closed {
            return Err(PyErr::value_error("I/O operation on closed file"));
        }
        Ok(s)
    }
    fn position(&self) -> usize {
        self.pos
    }
}

/// Borrow an initialised, open StringIO.
fn open_st(v: &Value) -> PyResult<std::cell::RefMut<'_, StringIO>> {
    StringIO::open_state(v)
}

fn new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = this(args, "StringIO.__new__")?;
    let mut s = StringIO { ascii: true, ..Default::default() };
    s.configure(Some("\n"));
    Ok(new_opaque(cls, s))
}

/// A new, empty StringIO (for native callers).
pub fn new_stringio() -> Value {
    let mut s = StringIO { ascii: true, ok: true, ..Default::default() };
    s.configure(Some("\n"));
    new_opaque(&super::class(|c| &c.stringio), s)
}

fn newline_arg(v: Option<Value>) -> PyResult<Option<String>> {
    match v {
        None => Ok(Some("\n".to_string())),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => {
                if !matches!(s, "" | "\n" | "\r" | "\r\n") {
                    return Err(PyErr::value_error(format!("illegal newline value: {}", crate::text::strmethods::str_repr(s))));
                }
                Ok(Some(s.to_string()))
            }
            None => Err(PyErr::type_error(format!("newline must be str or None, not {}", tname(&v)))),
        },
    }
}

fn init_m(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, initial, newline] = crate::args::bind("StringIO", args, kw, &["self", "initial_value=", "newline="])?;
    let s = s.unwrap_or(Value::NONE);
    let newline = newline_arg(newline)?;
    let initial = match initial.filter(|v| !v.is_none()) {
        Some(v) => match v.as_str() {
            Some(x) => Some(x.to_string()),
            None => return Err(PyErr::type_error(format!("initial_value must be str or None, not {}", tname(&v)))),
        },
        None => None,
    };
    let mut b = st(&s)?;
    b.configure(newline.as_deref());
    b.reset_buf();
    b.closed = false;
    b.ok = true;
    if let Some(text) = initial {
        b.write_str(&text);
        b.set_pos(0);
    }
    Ok(Value::NONE)
}

fn getvalue(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getvalue", args, kw, 1, 1)?;
    let b = open_st(&args[0])?;
    Ok(Value::str(&b.buf))
}

/// The text of a StringIO (None if `v` is not an open StringIO).
pub fn value_of(v: &Value) -> Option<String> {
    let b = open_st(v).ok()?;
    Some(b.buf.clone())
}

fn read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::string(memio::sized(vm, args, kw, "read", StringIO::read)?))
}

fn readline(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::string(memio::sized(vm, args, kw, "readline", StringIO::readline)?))
}

fn next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__next__")?;
    let line = if super::is_exact(s, |c| &c.stringio) {
        Value::string(open_st(s)?.readline(-1))
    } else {
        open_st(s)?;
        let l = vm.call_method(s, "readline", &[])?;
        if l.as_str().is_none() {
            return Err(PyErr::os_error(format!("readline() should have returned a str object, not '{}'", tname(&l))));
        }
        l
    };
    if line.as_str().map_or(true, |l| l.is_empty()) {
        return Err(PyErr::stop_iteration(Value::NONE));
    }
    Ok(line)
}

fn write(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("write", args, kw, 2, 2)?;
    let Some(text) = args[1].as_pystr() else {
        return Err(PyErr::type_error(format!("string argument expected, got '{}'", tname(&args[1]))));
    };
    let mut b = open_st(&args[0])?;
    b.write_str(text.as_str());
    Ok(Value::int(text.char_len() as i64))
}

/// Append text to an open StringIO (the fast path `print` uses).
pub fn write_native(v: &Value, s: &str) -> PyResult<()> {
    open_st(v)?.write_str(s);
    Ok(())
}

fn seek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, pos, whence) = memio::seek_args(vm, args, kw)?;
    let mut b = open_st(&s)?;
    if !(0..=2).contains(&whence) {
        return Err(PyErr::value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    if pos < 0 && whence == 0 {
        return Err(PyErr::value_error(format!("Negative seek position {pos}")));
    }
    if whence != 0 && pos != 0 {
        return Err(PyErr::os_error("Can't do nonzero cur-relative seeks"));
    }
    let target = match whence {
        0 => pos as usize,
        1 => b.pos,
        _ => b.nchars,
    };
    b.set_pos(target);
    Ok(Value::int(target as i64))
}

fn truncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, size) = memio::truncate_args::<StringIO>(vm, args, kw, "pos=", "Negative size value")?;
    let mut b = open_st(&s)?;
    let size_u = size as usize;
    if size_u < b.nchars {
        let cut = b.byte_at(size_u);
        b.buf.truncate(cut);
        b.nchars = size_u;
        let p = b.pos;
        if p >= size_u {
            b.pos_b = b.buf.len();
        }
        let _ = p;
    }
    Ok(Value::int(size))
}

fn false_if_open(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    memio::value_if_open::<StringIO>(args, "line_buffering", Value::FALSE)
}

fn close(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("close", args, kw, 1, 1)?;
    let mut b = st(&args[0])?;
    b.closed = true;
    b.buf = String::new();
    b.nchars = 0;
    b.pos_b = 0;
    Ok(Value::NONE)
}

fn get_closed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = st(this(args, "closed")?)?;
    if !b.ok {
        return Err(uninitialized());
    }
    Ok(Value::bool(b.closed))
}

fn get_newlines(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let b = open_st(this(args, "newlines")?)?;
    Ok(match &b.decoder {
        Some(d) => d.newlines(),
        None => Value::NONE,
    })
}

fn getstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__getstate__")?;
    let (v, nl, pos) = {
        let b = open_st(s)?;
        (Value::str(&b.buf), b.readnl.clone().map_or(Value::NONE, Value::string), b.pos)
    };
    memio::state_tuple(vm, s, vec![v, nl, Value::int(pos as i64)])
}

fn setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__setstate__", args, kw, 2, 2)?;
    let s = &args[0];
    let items = memio::state_items(s, &args[1], 4)?;
    {
        let closed = st(s)?.closed;
        if closed {
            return Err(PyErr::value_error("I/O operation on closed file"));
        }
    }
    init_m(vm, &[s.clone(), Value::NONE, items[1].clone()], &[])?;
    let Some(text) = items[0].as_str() else {
        return Err(PyErr::type_error("initial_value must be str"));
    };
    let pos = memio::state_pos(vm, &items[2], "third item of state must be an integer, got")?;
    {
        let mut b = st(s)?;
        b.reset_buf();
        b.buf = text.to_string();
        b.nchars = char_count(text);
        b.ascii = text.is_ascii();
        b.set_pos(pos);
    }
    memio::restore_state_dict(vm, s, &items[3], "fourth")?;
    Ok(Value::NONE)
}

pub fn init(c: &IoClasses) {
    let t = &c.stringio;
    add_native(t, "__new__", new, NativeKind::StaticMethod);
    add_method(t, "__init__", init_m);
    add_method(t, "getvalue", getvalue);
    add_method(t, "read", read);
    add_method(t, "readline", readline);
    add_method(t, "__next__", next);
    add_method(t, "write", write);
    add_method(t, "seek", seek);
    add_method(t, "tell", memio::tell::<StringIO>);
    add_method(t, "truncate", truncate);
    add_method(t, "readable", memio::true_if_open::<StringIO>);
    add_method(t, "writable", memio::true_if_open::<StringIO>);
    add_method(t, "seekable", memio::true_if_open::<StringIO>);
    add_method(t, "close", close);
    add_method(t, "__getstate__", getstate);
    add_method(t, "__setstate__", setstate);
    add_getset(t, "closed", get_closed, None);
    add_getset(t, "newlines", get_newlines, None);
    add_getset(t, "line_buffering", false_if_open, None);
}
