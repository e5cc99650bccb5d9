//! `TextIOWrapper`: text over any buffered binary object.
//!
//! Decoding reads the buffer in chunks (`read1`), decodes each chunk (native
//! codecs for utf-8/ascii/latin-1, else the codec registry's incremental
//! decoder) and applies universal-newline translation; `decoded` holds the
//! current chunk's text and `decoded_pos` what was already returned. For
//! `tell()` a snapshot of the decoder state before the chunk and the chunk's
//! bytes is kept, and the position is rebuilt as CPython does (an opaque
//! cookie that is the plain byte offset whenever the decoder is clean).
//!
//! Encoded text collects in `pending` and goes to the buffer when it grows
//! past the chunk size, on flush, on a newline with line buffering, or at
//! once with write_through. The state is never borrowed across a call that
//! may run Python code.

use super::buffered;
use super::codec::{self, Handler, NativeCodec, NativeDecoder, NlState};
use super::iobase::inst_get;
use super::{closed_file, display_name, int_arg, size_arg, state, this, tname, unsupported, IoClasses};
use crate::object::{new_opaque, NativeData, NativeKind};
use crate::types::{add_getset, add_method, add_native, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use std::cell::RefMut;

const CHUNK_SIZE: usize = 8192;

enum Decoder {
    Native(NativeDecoder),
    Py(Value),
}

enum Encoder {
    Native(NativeCodec, Handler),
    Py(Value),
}

pub struct TextIO {
    ok: bool,
    detached: bool,
    buffer: Value,
    /// The buffer is exactly a native Buffered* object.
    buffer_native: bool,
    encoding: String,
    errors: String,
    decoder: Option<Decoder>,
    encoder: Option<Encoder>,
    /// Universal-newline decoding (newline None or '').
    nl: Option<NlState>,
    readtranslate: bool,
    readuniversal: bool,
    readnl: Option<String>,
    writetranslate: bool,
    /// What '\n' becomes when writing (None: stays '\n').
    writenl: Option<String>,
    line_buffering: bool,
    write_through: bool,
    decoded: String,
    decoded_pos: usize,
    snapshot: Option<(i64, Vec<u8>)>,
    pending: Vec<u8>,
    chunk_size: usize,
    seekable: bool,
    telling: bool,
    has_read1: bool,
    /// utf-8-sig writing: the BOM is still to be written.
    bom_pending: bool,
    /// Bytes per decoded char of the last chunk (tell's first guess).
    b2cratio: f64,
}

impl NativeData for TextIO {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.buffer);
        if let Some(Decoder::Py(d)) = &self.decoder {
            f(d);
        }
        if let Some(Encoder::Py(e)) = &self.encoder {
            f(e);
        }
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.buffer, Value::NONE));
        if let Some(Decoder::Py(d)) = self.decoder.take() {
            out.push(d);
        }
        if let Some(Encoder::Py(e)) = self.encoder.take() {
            out.push(e);
        }
    }
}

impl Drop for TextIO {
    fn drop(&mut self) {
        // Hand pending text to a native buffer, which flushes when it goes.
        self.push_pending_native();
    }
}

impl TextIO {
    fn empty() -> TextIO {
        TextIO {
            ok: false,
            detached: false,
            buffer: Value::NONE,
            buffer_native: false,
            encoding: String::new(),
            errors: String::new(),
            decoder: None,
            encoder: None,
            nl: None,
            readtranslate: false,
            readuniversal: false,
            readnl: None,
            writetranslate: false,
            writenl: None,
            line_buffering: false,
            write_through: false,
            decoded: String::new(),
            decoded_pos: 0,
            snapshot: None,
            pending: Vec::new(),
            chunk_size: CHUNK_SIZE,
            seekable: false,
            telling: false,
            has_read1: false,
            bom_pending: false,
            b2cratio: 0.0,
        }
    }

    /// Move pending bytes into a native buffer's write buffer (no Python code).
    pub fn push_pending_native(&mut self) {
        if self.pending.is_empty() || !self.buffer_native {
            return;
        }
        let data = std::mem::take(&mut self.pending);
        buffered::append_pending(&self.buffer, &data);
    }

    fn set_newline(&mut self, newline: Option<&str>) {
        self.readuniversal = newline.map_or(true, |n| n.is_empty());
        self.readtranslate = newline.is_none();
        self.readnl = newline.map(|s| s.to_string());
        self.writetranslate = newline != Some("");
        let wnl = match newline {
            None | Some("") => "\n",
            Some(n) => n,
        };
        self.writenl = if wnl == "\n" { None } else { Some(wnl.to_string()) };
        self.nl = if self.readuniversal && self.decoder.is_some() { Some(NlState::new(self.readtranslate)) } else { None };
    }

    fn clear_decoded(&mut self) {
        self.decoded.clear();
        self.decoded_pos = 0;
    }
}

fn st<'a>(v: &'a Value) -> PyResult<RefMut<'a, TextIO>> {
    state::<TextIO>(v, "TextIOWrapper")
}

fn ok_st<'a>(v: &'a Value) -> PyResult<RefMut<'a, TextIO>> {
    let s = st(v)?;
    if !s.ok {
        if s.detached {
            return Err(PyErr::value_error("underlying buffer has been detached"));
        }
        return Err(super::uninitialized());
    }
    Ok(s)
}

fn buffer_of(v: &Value) -> PyResult<(Value, bool)> {
    let s = ok_st(v)?;
    Ok((s.buffer.clone(), s.buffer_native))
}

/// Whether the object is closed (`self.closed`, fast for native chains).
fn is_closed(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let (buffer, native) = buffer_of(v)?;
    if super::is_exact(v, |c| &c.textiowrapper) {
        if native {
            return buffered::raw_is_closed(vm, &buffer);
        }
        if let Some(fd) = fileio_fd(&buffer) {
            return Ok(fd < 0);
        }
    }
    let c = vm.getattr_str(v, "closed")?;
    vm.truthy(&c)
}

fn check_closed(vm: &mut Vm, v: &Value) -> PyResult<()> {
    if is_closed(vm, v)? {
        return Err(closed_file());
    }
    Ok(())
}

/// Number of chars in `s` (its byte length when ASCII).
pub(super) fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Byte offset of `n` chars from the start of `s` (clamped).
pub(super) fn advance(s: &str, n: usize) -> usize {
    if n >= s.len() {
        return s.len();
    }
    if s.as_bytes()[..n].is_ascii() {
        return n;
    }
    s.char_indices().nth(n).map_or(s.len(), |(b, _)| b)
}

// ---------------------------------------------------------------- buffer calls

/// The descriptor of an exact FileIO (-1 when closed), None for other objects.
fn fileio_fd(v: &Value) -> Option<i32> {
    if !super::is_exact(v, |c| &c.fileio) {
        return None;
    }
    super::state::<super::fileio::FileIO>(v, "FileIO").ok().map(|f| f.fd)
}

fn buf_write(vm: &mut Vm, buffer: &Value, native: bool, data: Vec<u8>) -> PyResult<()> {
    if native {
        buffered::write_bytes(vm, buffer, &data)?;
    } else if let Some(fd) = fileio_fd(buffer).filter(|&fd| fd >= 0 && fileio_writable(buffer)) {
        // Unbuffered (-u) standard streams: straight to the descriptor.
        super::fileio::fd_write_all(vm, fd, &data)?;
    } else {
        vm.call_method(buffer, "write", &[Value::bytes(data)])?;
    }
    Ok(())
}

fn fileio_writable(v: &Value) -> bool {
    super::state::<super::fileio::FileIO>(v, "FileIO").map_or(false, |f| f.writable)
}

fn buf_flush(vm: &mut Vm, buffer: &Value, native: bool) -> PyResult<()> {
    if native {
        buffered::m_flush(vm, &[buffer.clone()], &[])?;
    } else {
        vm.call_method(buffer, "flush", &[])?;
    }
    Ok(())
}

fn bytes_result(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    super::bytes_result(vm, v).ok_or_else(|| {
        PyErr::type_error(format!("underlying {what}() should have returned a bytes-like object, not '{}'", tname(v)))
    })
}

fn buf_read1(vm: &mut Vm, buffer: &Value, native: bool, has_read1: bool, n: usize) -> PyResult<Vec<u8>> {
    if native {
        return buffered::read1_bytes(vm, buffer, n as i64);
    }
    let name = if has_read1 { "read1" } else { "read" };
    let r = vm.call_method(buffer, name, &[Value::int(n as i64)])?;
    bytes_result(vm, &r, name)
}

fn buf_read_all(vm: &mut Vm, buffer: &Value, native: bool) -> PyResult<Vec<u8>> {
    if native {
        return Ok(buffered::read_bytes(vm, buffer, -1)?.unwrap_or_default());
    }
    let r = vm.call_method(buffer, "read", &[])?;
    if r.is_none() {
        return Ok(Vec::new());
    }
    bytes_result(vm, &r, "read")
}

fn buf_tell(vm: &mut Vm, buffer: &Value, native: bool) -> PyResult<Value> {
    if native {
        return Ok(Value::int(buffered::tell_impl(vm, buffer)?));
    }
    vm.call_method(buffer, "tell", &[])
}

/// Pass the pending encoded text to the buffer.
fn write_flush(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let (buffer, native, data) = {
        let mut s = ok_st(v)?;
        if s.pending.is_empty() {
            return Ok(());
        }
        (s.buffer.clone(), s.buffer_native, std::mem::take(&mut s.pending))
    };
    buf_write(vm, &buffer, native, data)
}

// ---------------------------------------------------------------- decoder

/// Decode a chunk (with newline translation).
fn decode(vm: &mut Vm, v: &Value, input: &[u8], final_: bool) -> PyResult<String> {
    let py = {
        let mut s = ok_st(v)?;
        let s = &mut *s;
        match &mut s.decoder {
            Some(Decoder::Native(d)) => {
                let text = d.decode(input, final_)?;
                return Ok(match &mut s.nl {
                    Some(nl) => nl.decode_cow(&text, final_).into_owned(),
                    None => text,
                });
            }
            Some(Decoder::Py(d)) => d.clone(),
            None => return Err(PyErr::value_error("not readable")),
        }
    };
    let r = vm.call_method(&py, "decode", &[Value::bytes(input.to_vec()), Value::bool(final_)])?;
    let Some(text) = r.as_str() else {
        return Err(PyErr::type_error(format!("decoder should return a string result, not '{}'", tname(&r))));
    };
    let mut s = ok_st(v)?;
    Ok(match &mut s.nl {
        Some(nl) => nl.decode_cow(text, final_).into_owned(),
        None => text.to_string(),
    })
}

fn dec_getstate(vm: &mut Vm, v: &Value) -> PyResult<(Vec<u8>, i64)> {
    let (py, pcr) = {
        let s = ok_st(v)?;
        let pcr = s.nl.as_ref().map(|n| n.pendingcr);
        match &s.decoder {
            Some(Decoder::Native(d)) => {
                let (b, f) = d.getstate();
                return Ok(match pcr {
                    Some(p) => (b, (f << 1) | p as i64),
                    None => (b, f),
                });
            }
            Some(Decoder::Py(d)) => (d.clone(), pcr),
            None => return Ok((Vec::new(), 0)),
        }
    };
    let r = vm.call_method(&py, "getstate", &[])?;
    let (b, f) = match r.as_tuple() {
        Some(t) if t.len() == 2 => (bytes_result(vm, &t[0], "getstate")?, vm.index_value(&t[1])?),
        _ => return Err(PyErr::type_error("illegal decoder state")),
    };
    Ok(match pcr {
        Some(p) => (b, (f << 1) | p as i64),
        None => (b, f),
    })
}

fn dec_setstate(vm: &mut Vm, v: &Value, buf: &[u8], flags: i64) -> PyResult<()> {
    let py = {
        let mut s = ok_st(v)?;
        let s = &mut *s;
        let flags = match &mut s.nl {
            Some(nl) => {
                nl.pendingcr = flags & 1 != 0;
                flags >> 1
            }
            None => flags,
        };
        match &mut s.decoder {
            Some(Decoder::Native(d)) => {
                d.setstate(buf, flags);
                return Ok(());
            }
            Some(Decoder::Py(d)) => (d.clone(), flags),
            None => return Ok(()),
        }
    };
    vm.call_method(&py.0, "setstate", &[Value::tuple(vec![Value::bytes(buf.to_vec()), Value::int(py.1)])])?;
    Ok(())
}

fn dec_reset(vm: &mut Vm, v: &Value) -> PyResult<()> {
    let py = {
        let mut s = ok_st(v)?;
        let s = &mut *s;
        if let Some(nl) = &mut s.nl {
            nl.reset();
        }
        match &mut s.decoder {
            Some(Decoder::Native(d)) => {
                d.reset();
                return Ok(());
            }
            Some(Decoder::Py(d)) => d.clone(),
            None => return Ok(()),
        }
    };
    vm.call_method(&py, "reset", &[])?;
    Ok(())
}

/// Reset the encoder: at the start of the stream a BOM is written again.
fn enc_reset(vm: &mut Vm, v: &Value, start_of_stream: bool) -> PyResult<()> {
    let py = {
        let mut s = ok_st(v)?;
        match &s.encoder {
            Some(Encoder::Native(c, _)) => {
                let c = *c;
                s.bom_pending = start_of_stream && c == NativeCodec::Utf8Sig;
                return Ok(());
            }
            Some(Encoder::Py(e)) => e.clone(),
            None => return Ok(()),
        }
    };
    if start_of_stream {
        vm.call_method(&py, "reset", &[])?;
    } else {
        vm.call_method(&py, "setstate", &[Value::int(0)])?;
    }
    Ok(())
}

/// Read and decode one chunk into `decoded`; false at EOF.
fn read_chunk(vm: &mut Vm, v: &Value, size_hint: usize) -> PyResult<bool> {
    let (buffer, native, telling, has_read1, chunk) = {
        let s = ok_st(v)?;
        if s.decoder.is_none() {
            drop(s);
            return Err(unsupported(vm, "not readable"));
        }
        (s.buffer.clone(), s.buffer_native, s.telling, s.has_read1, s.chunk_size.max(size_hint))
    };
    let snap = if telling { Some(dec_getstate(vm, v)?) } else { None };
    let input = buf_read1(vm, &buffer, native, has_read1, chunk)?;
    let eof = input.is_empty();
    let text = decode(vm, v, &input, eof)?;
    let mut s = ok_st(v)?;
    let nchars = char_len(&text);
    s.b2cratio = if nchars > 0 { input.len() as f64 / nchars as f64 } else { 0.0 };
    s.decoded = text;
    s.decoded_pos = 0;
    if let Some((mut buf, flags)) = snap {
        buf.extend_from_slice(&input);
        s.snapshot = Some((flags, buf));
    }
    Ok(!eof)
}

// ---------------------------------------------------------------- construction

fn new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = this(args, "TextIOWrapper.__new__")?;
    Ok(new_opaque(cls, TextIO::empty()))
}

fn opt_str(v: &Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(PyErr::type_error(format!("TextIOWrapper() argument '{what}' must be str or None, not {}", tname(v)))),
        },
    }
}

fn check_newline(nl: &Option<String>) -> PyResult<()> {
    if let Some(n) = nl {
        if !matches!(n.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(PyErr::value_error(format!("illegal newline value: {n}")));
        }
    }
    Ok(())
}

/// The codec info of a non-native encoding (checked to be a text encoding).
fn lookup_text_codec(vm: &mut Vm, encoding: &str) -> PyResult<Value> {
    let codecs = crate::import::import_module(vm, "codecs")?;
    let info = vm.call_method(&codecs, "lookup", &[Value::str(encoding)])?;
    if let Some(is_text) = vm.getattr_opt(&info, &Value::str("_is_text_encoding"))? {
        if !vm.truthy(&is_text)? {
            return Err(PyErr::new(
                &types().exc.lookup_error,
                format!("'{encoding}' is not a text encoding; use codecs.open() to handle arbitrary codecs"),
            ));
        }
    }
    Ok(info)
}

/// Set up the codec objects of `s` for `encoding`/`errors`.
fn setup_codecs(vm: &mut Vm, v: &Value, encoding: &str, errors: &str, readable: bool, writable: bool) -> PyResult<()> {
    let native = codec::native_codec(encoding);
    let dh = codec::decode_handler(errors);
    let eh = codec::encode_handler(errors);
    let mut info = None;
    if native.is_none() || (readable && dh.is_none()) || (writable && eh.is_none()) {
        info = Some(lookup_text_codec(vm, encoding)?);
    }
    let decoder = if !readable {
        None
    } else if let (Some(c), Some(h)) = (native, dh) {
        Some(Decoder::Native(NativeDecoder::new(c, h)))
    } else {
        let info = info.clone().unwrap_or(Value::NONE);
        let f = vm.getattr_str(&info, "incrementaldecoder")?;
        Some(Decoder::Py(vm.call(&f, &[Value::str(errors)])?))
    };
    let encoder = if !writable {
        None
    } else if let (Some(c), Some(h)) = (native, eh) {
        Some(Encoder::Native(c, h))
    } else {
        let info = info.unwrap_or(Value::NONE);
        let f = vm.getattr_str(&info, "incrementalencoder")?;
        Some(Encoder::Py(vm.call(&f, &[Value::str(errors)])?))
    };
    let mut s = st(v)?;
    s.decoder = decoder;
    s.encoder = encoder;
    s.bom_pending = native == Some(NativeCodec::Utf8Sig);
    Ok(())
}

fn init_m(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, buffer, encoding, errors, newline, line_buffering, write_through] = crate::args::bind(
        "TextIOWrapper",
        args,
        kw,
        &["self", "buffer", "encoding=", "errors=", "newline=", "line_buffering=", "write_through="],
    )?;
    let s = s.unwrap_or(Value::NONE);
    let buffer = buffer.unwrap_or(Value::NONE);
    {
        let mut t = st(&s)?;
        t.ok = false;
        t.detached = false;
    }
    let encoding = opt_str(&encoding, "encoding")?;
    let errors = opt_str(&errors, "errors")?;
    if encoding.as_deref().map_or(false, |e| e.contains('\0')) || errors.as_deref().map_or(false, |e| e.contains('\0')) {
        return Err(PyErr::value_error("embedded null character"));
    }
    let newline = opt_str(&newline, "newline")?;
    check_newline(&newline)?;
    let line_buffering = match line_buffering {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let write_through = match write_through {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let encoding = match encoding.as_deref() {
        None | Some("locale") => "UTF-8".to_string(),
        Some(e) => e.to_string(),
    };
    let errors = errors.unwrap_or_else(|| "strict".to_string());
    init_with(vm, &s, buffer, &encoding, &errors, newline.as_deref(), line_buffering, write_through)?;
    Ok(Value::NONE)
}

#[allow(clippy::too_many_arguments)]
fn init_with(
    vm: &mut Vm,
    s: &Value,
    buffer: Value,
    encoding: &str,
    errors: &str,
    newline: Option<&str>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<()> {
    {
        let mut t = st(s)?;
        t.ok = false;
        t.detached = false;
    }
    let buffer_native = buffered::is_native_buffered(&buffer);
    let flag = |vm: &mut Vm, name: &str| -> PyResult<bool> {
        let r = vm.call_method(&buffer, name, &[])?;
        vm.truthy(&r)
    };
    let readable = flag(vm, "readable")?;
    let writable = flag(vm, "writable")?;
    let seekable = flag(vm, "seekable")?;
    setup_codecs(vm, s, encoding, errors, readable, writable)?;
    let has_read1 = buffer_native || vm.getattr_opt(&buffer, &Value::str("read1"))?.is_some();
    {
        let mut t = st(s)?;
        t.buffer = buffer.clone();
        t.buffer_native = buffer_native;
        t.encoding = encoding.to_string();
        t.errors = errors.to_string();
        t.set_newline(newline);
        t.line_buffering = line_buffering;
        t.write_through = write_through;
        t.clear_decoded();
        t.snapshot = None;
        t.pending.clear();
        t.chunk_size = CHUNK_SIZE;
        t.seekable = seekable;
        t.telling = seekable;
        t.has_read1 = has_read1;
        t.ok = true;
    }
    if seekable && writable {
        let pos = buf_tell(vm, &buffer, buffer_native)?;
        let at_start = pos.as_i64() == Some(0);
        if !at_start {
            enc_reset(vm, s, false)?;
        }
    }
    if writable {
        super::stdio::register(s);
    }
    Ok(())
}

/// A new native TextIOWrapper (open() and the standard streams).
#[allow(clippy::too_many_arguments)]
pub fn new_text(
    vm: &mut Vm,
    buffer: Value,
    encoding: &str,
    errors: &str,
    newline: Option<&str>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<Value> {
    let v = new_opaque(&super::class(|c| &c.textiowrapper), TextIO::empty());
    init_with(vm, &v, buffer, encoding, errors, newline, line_buffering, write_through)?;
    Ok(v)
}

// ---------------------------------------------------------------- writing

/// `write(text)` after the argument check; returns nothing (the caller knows the length).
pub fn write_str(vm: &mut Vm, v: &Value, text: &str) -> PyResult<()> {
    check_closed(vm, v)?;
    enum Next {
        NotWritable,
        Py(Value, String),
        /// Encoded text too big to join the pending bytes: those go first.
        Big(Vec<u8>),
        Done,
    }
    let (next, needflush) = {
        let mut s = ok_st(v)?;
        let s = &mut *s;
        let haslf = (s.writetranslate || s.line_buffering) && text.contains('\n');
        let translated: Option<String> = match &s.writenl {
            Some(nl) if haslf && s.writetranslate => Some(text.replace('\n', nl)),
            _ => None,
        };
        let t: &str = translated.as_deref().unwrap_or(text);
        let needflush = s.line_buffering && (haslf || t.contains('\r'));
        let next = match &s.encoder {
            Some(Encoder::Native(c, h)) => {
                let (c, h) = (*c, *h);
                if s.bom_pending {
                    s.bom_pending = false;
                    s.pending.extend_from_slice(&[0xEF, 0xBB, 0xBF]);
                }
                let b = codec::encode(c, h, t)?;
                if !s.pending.is_empty() && s.pending.len() + b.len() > s.chunk_size {
                    Next::Big(b.into_owned())
                } else {
                    s.pending.extend_from_slice(&b);
                    Next::Done
                }
            }
            Some(Encoder::Py(e)) => Next::Py(e.clone(), t.to_string()),
            None => Next::NotWritable,
        };
        (next, needflush)
    };
    match next {
        Next::NotWritable => return Err(unsupported(vm, "not writable")),
        Next::Py(e, t) => {
            let r = vm.call_method(&e, "encode", &[Value::string(t)])?;
            let Some(b) = crate::types::bytes::buffer_bytes(&r) else {
                return Err(PyErr::type_error(format!("encoder should return a bytes object, not '{}'", tname(&r))));
            };
            let big = {
                let s = ok_st(v)?;
                !s.pending.is_empty() && s.pending.len() + b.len() > s.chunk_size
            };
            if big {
                write_flush(vm, v)?;
            }
            ok_st(v)?.pending.extend_from_slice(&b);
        }
        Next::Big(b) => {
            write_flush(vm, v)?;
            ok_st(v)?.pending.extend_from_slice(&b);
        }
        Next::Done => {}
    }
    let (flush_now, py_dec) = {
        let mut s = ok_st(v)?;
        let s = &mut *s;
        let f = s.pending.len() >= s.chunk_size || needflush || s.write_through;
        if !s.decoded.is_empty() || s.decoded_pos != 0 {
            s.clear_decoded();
        }
        s.snapshot = None;
        if let Some(nl) = &mut s.nl {
            nl.reset();
        }
        let py = match &mut s.decoder {
            Some(Decoder::Native(d)) => {
                d.reset();
                false
            }
            Some(Decoder::Py(_)) => true,
            None => false,
        };
        (f, py)
    };
    if flush_now {
        write_flush(vm, v)?;
    }
    if needflush {
        let (buffer, native) = buffer_of(v)?;
        buf_flush(vm, &buffer, native)?;
    }
    if py_dec {
        dec_reset(vm, v)?;
    }
    Ok(())
}

fn write(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("write", args, kw, 2, 2)?;
    let Some(text) = args[1].as_pystr() else {
        return Err(PyErr::type_error(format!("write() argument must be str, not {}", tname(&args[1]))));
    };
    let n = text.char_len();
    write_str(vm, &args[0], text.as_str())?;
    Ok(Value::int(n as i64))
}

/// `flush()`: pending text to the buffer, then flush the buffer.
pub fn flush_impl(vm: &mut Vm, v: &Value) -> PyResult<()> {
    check_closed(vm, v)?;
    {
        let mut s = ok_st(v)?;
        s.telling = s.seekable;
    }
    write_flush(vm, v)?;
    let (buffer, native) = buffer_of(v)?;
    buf_flush(vm, &buffer, native)
}

fn flush(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("flush", args, kw, 1, 1)?;
    flush_impl(vm, &args[0])?;
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- reading

fn check_readable(vm: &mut Vm, v: &Value) -> PyResult<()> {
    check_closed(vm, v)?;
    if ok_st(v)?.decoder.is_none() {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn read_impl(vm: &mut Vm, v: &Value, n: i64) -> PyResult<String> {
    check_readable(vm, v)?;
    write_flush(vm, v)?;
    if n < 0 {
        let (buffer, native) = buffer_of(v)?;
        let input = buf_read_all(vm, &buffer, native)?;
        let text = decode(vm, v, &input, true)?;
        let mut s = ok_st(v)?;
        let mut out = s.decoded[s.decoded_pos..].to_string();
        out.push_str(&text);
        s.clear_decoded();
        s.snapshot = None;
        return Ok(out);
    }
    let n = n as usize;
    let mut out = String::new();
    let mut got = 0usize;
    loop {
        {
            let mut s = ok_st(v)?;
            let rest = &s.decoded[s.decoded_pos..];
            let want = n - got;
            let end = advance(rest, want);
            let piece = &rest[..end];
            got += char_len(piece);
            out.push_str(piece);
            s.decoded_pos += end;
        }
        if got >= n {
            break;
        }
        if !read_chunk(vm, v, n - got)? {
            // EOF: the final decode may still have produced text.
            let mut s = ok_st(v)?;
            let rest = &s.decoded[s.decoded_pos..];
            let end = advance(rest, n - got);
            out.push_str(&rest[..end]);
            s.decoded_pos += end;
            break;
        }
    }
    Ok(out)
}

fn read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, n) = super::self_opt("read", args, kw)?;
    let n = size_arg(vm, n.as_ref())?;
    Ok(Value::string(read_impl(vm, &s, n)?))
}

enum Ending {
    Found(usize),
    /// Not found; scanning may resume at this byte offset.
    More(usize),
}

fn find_ending(line: &[u8], from: usize, translated: bool, universal: bool, readnl: Option<&str>, eof: bool) -> Ending {
    let hay = &line[from..];
    if translated {
        return match hay.iter().position(|&c| c == b'\n') {
            Some(i) => Ending::Found(from + i + 1),
            None => Ending::More(line.len()),
        };
    }
    if universal {
        return match hay.iter().position(|&c| c == b'\n' || c == b'\r') {
            Some(i) if hay[i] == b'\n' => Ending::Found(from + i + 1),
            Some(i) => {
                if i + 1 < hay.len() {
                    Ending::Found(from + i + if hay[i + 1] == b'\n' { 2 } else { 1 })
                } else if eof {
                    Ending::Found(from + i + 1)
                } else {
                    Ending::More(from + i)
                }
            }
            None => Ending::More(line.len()),
        };
    }
    let nl = readnl.unwrap_or("\n").as_bytes();
    match hay.windows(nl.len()).position(|w| w == nl) {
        Some(i) => Ending::Found(from + i + nl.len()),
        None => Ending::More(from.max(line.len().saturating_sub(nl.len() - 1))),
    }
}

/// One line of text (with its ending), at most `limit` chars when limit >= 0.
pub fn readline_impl(vm: &mut Vm, v: &Value, limit: i64) -> PyResult<String> {
    check_closed(vm, v)?;
    let (translated, universal, readnl, readable, pending) = {
        let s = ok_st(v)?;
        let nl = if s.readtranslate || s.readuniversal { None } else { s.readnl.clone() };
        (s.readtranslate, s.readuniversal, nl, s.decoder.is_some(), !s.pending.is_empty())
    };
    if !readable {
        return Err(unsupported(vm, "not readable"));
    }
    if pending {
        write_flush(vm, v)?;
    }
    // Fast case: the line is inside the current chunk.
    {
        let mut s = ok_st(v)?;
        let pos = s.decoded_pos;
        let rest = &s.decoded.as_bytes()[pos..];
        if let Ending::Found(end) = find_ending(rest, 0, translated, universal, readnl.as_deref(), false) {
            let rest_s = &s.decoded[pos..];
            let mut end = end;
            if limit >= 0 {
                let k = char_len(&rest_s[..end]);
                if k > limit as usize {
                    end = advance(rest_s, limit as usize);
                }
            }
            let out = rest_s[..end].to_string();
            s.decoded_pos += end;
            return Ok(out);
        }
    }
    let (mut line, mut base) = {
        let s = ok_st(v)?;
        (s.decoded[s.decoded_pos..].to_string(), s.decoded_pos)
    };
    let mut cur_start = 0usize;
    let mut scan = 0usize;
    let mut eof = false;
    let end = loop {
        match find_ending(line.as_bytes(), scan, translated, universal, readnl.as_deref(), eof) {
            Ending::Found(e) => break e,
            Ending::More(next) => {
                if eof {
                    break line.len();
                }
                if limit >= 0 && char_len(&line) >= limit as usize {
                    break line.len();
                }
                scan = next;
                let more = read_chunk(vm, v, 0)?;
                let s = ok_st(v)?;
                cur_start = line.len();
                base = 0;
                line.push_str(&s.decoded);
                if !more {
                    eof = true;
                }
            }
        }
    };
    let mut end = end;
    if limit >= 0 && char_len(&line[..end]) > limit as usize {
        end = advance(&line, limit as usize);
    }
    let mut s = ok_st(v)?;
    if end >= cur_start {
        s.decoded_pos = base + (end - cur_start);
    } else {
        // The rest straddles chunks: keep it as the current text.
        s.decoded = line[end..].to_string();
        s.decoded_pos = 0;
        s.snapshot = None;
    }
    line.truncate(end);
    Ok(line)
}

fn readline(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (s, n) = super::self_opt("readline", args, kw)?;
    let n = match &n {
        Some(x) if x.is_none() => return Err(PyErr::type_error("'NoneType' object cannot be interpreted as an integer")),
        _ => size_arg(vm, n.as_ref())?,
    };
    Ok(Value::string(readline_impl(vm, &s, n)?))
}

fn next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__next__")?;
    ok_st(s)?.telling = false;
    let line = if super::is_exact(s, |c| &c.textiowrapper) {
        Value::string(readline_impl(vm, s, -1)?)
    } else {
        let l = vm.call_method(s, "readline", &[])?;
        if l.as_str().is_none() {
            return Err(PyErr::os_error(format!("readline() should have returned a str object, not '{}'", tname(&l))));
        }
        l
    };
    if line.as_str().map_or(true, |l| l.is_empty()) {
        let mut t = ok_st(s)?;
        t.snapshot = None;
        t.telling = t.seekable;
        return Err(PyErr::stop_iteration(Value::NONE));
    }
    Ok(line)
}

// ---------------------------------------------------------------- tell / seek

/// A tell() cookie in CPython's layout: start_pos (64 bits), dec_flags,
/// bytes_to_feed, chars_to_skip (32 bits each), need_eof (8 bits).
fn build_cookie(c: &Cookie) -> Value {
    if c.dec_flags == 0 && c.bytes_to_feed == 0 && !c.need_eof && c.chars_to_skip == 0 && c.start_pos >= 0 {
        return Value::int(c.start_pos);
    }
    let mut v = BigInt::from(c.start_pos as u64);
    v += BigInt::from(c.dec_flags as u32) << 64;
    v += BigInt::from(c.bytes_to_feed as u32) << 96;
    v += BigInt::from(c.chars_to_skip as u32) << 128;
    if c.need_eof {
        v += BigInt::from(1u8) << 160;
    }
    Value::bigint(v)
}

#[derive(Clone, Copy, Default)]
struct Cookie {
    start_pos: i64,
    dec_flags: i64,
    bytes_to_feed: usize,
    need_eof: bool,
    chars_to_skip: usize,
}

fn parse_cookie(c: &BigInt) -> Cookie {
    let part = |shift: u32, bits: u32| -> u64 {
        let mask: BigInt = (BigInt::from(1u8) << bits) - 1;
        let shifted: BigInt = c >> shift;
        (shifted & mask).to_u64().unwrap_or(0)
    };
    Cookie {
        start_pos: part(0, 64) as i64,
        dec_flags: part(64, 32) as u32 as i32 as i64,
        bytes_to_feed: part(96, 32) as usize,
        chars_to_skip: part(128, 32) as usize,
        need_eof: part(160, 8) != 0,
    }
}

/// The decoder used to replay a chunk in tell(): a copy of a native
/// decoder, or the object's Python decoder (its state restored afterwards).
enum Replay {
    Native(NativeDecoder, Option<NlState>),
    Py,
}

impl Replay {
    /// Set the state to (b'', flags) (reset at the start of the stream).
    fn set(&mut self, vm: &mut Vm, v: &Value, c: &Cookie) -> PyResult<()> {
        match self {
            Replay::Native(d, nl) => {
                if c.start_pos == 0 && c.dec_flags == 0 {
                    d.reset();
                    if let Some(n) = nl {
                        n.reset();
                    }
                } else {
                    let f = match nl {
                        Some(n) => {
                            n.pendingcr = c.dec_flags & 1 != 0;
                            c.dec_flags >> 1
                        }
                        None => c.dec_flags,
                    };
                    d.setstate(&[], f);
                }
                Ok(())
            }
            Replay::Py => {
                if c.start_pos == 0 && c.dec_flags == 0 {
                    dec_reset(vm, v)
                } else {
                    dec_setstate(vm, v, &[], c.dec_flags)
                }
            }
        }
    }

    /// Decode; the number of chars produced.
    fn decode(&mut self, vm: &mut Vm, v: &Value, input: &[u8], final_: bool) -> PyResult<usize> {
        match self {
            Replay::Native(d, nl) => {
                let t = d.decode(input, final_)?;
                Ok(match nl {
                    Some(n) => char_len(&n.decode_cow(&t, final_)),
                    None => char_len(&t),
                })
            }
            Replay::Py => Ok(char_len(&decode(vm, v, input, final_)?)),
        }
    }

    /// (bytes buffered, flags).
    fn state(&mut self, vm: &mut Vm, v: &Value) -> PyResult<(usize, i64)> {
        match self {
            Replay::Native(d, nl) => {
                let (b, f) = d.getstate();
                Ok(match nl {
                    Some(n) => (b.len(), (f << 1) | n.pendingcr as i64),
                    None => (b.len(), f),
                })
            }
            Replay::Py => {
                let (b, f) = dec_getstate(vm, v)?;
                Ok((b.len(), f))
            }
        }
    }
}

/// Rebuild the cookie of the current position (CPython's algorithm: a
/// guess from the bytes/char ratio, then byte by byte).
fn reconstruct(vm: &mut Vm, v: &Value, rp: &mut Replay, mut cookie: Cookie, next_input: &[u8], chars_used: usize, b2cratio: f64) -> PyResult<Cookie> {
    let mut chars_to_skip = chars_used;
    let mut skip_bytes = (b2cratio * chars_to_skip as f64) as i64;
    skip_bytes = skip_bytes.min(next_input.len() as i64);
    let mut skip_back = 1i64;
    while skip_bytes > 0 {
        rp.set(vm, v, &cookie)?;
        let n = rp.decode(vm, v, &next_input[..skip_bytes as usize], false)?;
        if n <= chars_to_skip {
            let (buflen, flags) = rp.state(vm, v)?;
            if buflen == 0 {
                cookie.dec_flags = flags;
                chars_to_skip -= n;
                break;
            }
            skip_bytes -= buflen as i64;
            skip_back = 1;
        } else {
            skip_bytes -= skip_back;
            skip_back *= 2;
        }
    }
    if skip_bytes <= 0 {
        skip_bytes = 0;
        rp.set(vm, v, &cookie)?;
    }
    cookie.start_pos += skip_bytes;
    cookie.chars_to_skip = chars_to_skip;
    if chars_to_skip == 0 {
        return Ok(cookie);
    }
    let mut chars_decoded = 0usize;
    let mut i = skip_bytes as usize;
    while i < next_input.len() {
        chars_decoded += rp.decode(vm, v, &next_input[i..i + 1], false)?;
        cookie.bytes_to_feed += 1;
        let (buflen, flags) = rp.state(vm, v)?;
        if buflen == 0 && chars_decoded <= chars_to_skip {
            cookie.start_pos += cookie.bytes_to_feed as i64;
            chars_to_skip -= chars_decoded;
            cookie.dec_flags = flags;
            cookie.bytes_to_feed = 0;
            chars_decoded = 0;
        }
        if chars_decoded >= chars_to_skip {
            break;
        }
        i += 1;
    }
    if i >= next_input.len() {
        chars_decoded += rp.decode(vm, v, &[], true)?;
        cookie.need_eof = true;
        if chars_decoded < chars_to_skip {
            return Err(PyErr::os_error("can't reconstruct logical file position"));
        }
    }
    cookie.chars_to_skip = chars_to_skip;
    Ok(cookie)
}

fn tell_impl(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    check_closed(vm, v)?;
    let (seekable, telling) = {
        let s = ok_st(v)?;
        (s.seekable, s.telling)
    };
    if !seekable {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    if !telling {
        return Err(PyErr::os_error("telling position disabled by next() call"));
    }
    write_flush(vm, v)?;
    vm.call_method(v, "flush", &[])?;
    let (buffer, native) = buffer_of(v)?;
    let posobj = buf_tell(vm, &buffer, native)?;
    let (snapshot, chars_used, native_dec, b2cratio) = {
        let s = ok_st(v)?;
        if s.decoder.is_none() || s.snapshot.is_none() {
            return Ok(posobj);
        }
        let k = char_len(&s.decoded[..s.decoded_pos]);
        let nd = match &s.decoder {
            Some(Decoder::Native(d)) => Some((d.clone(), s.nl.clone())),
            _ => None,
        };
        (s.snapshot.clone().unwrap_or_default(), k, nd, s.b2cratio)
    };
    let (dec_flags, next_input) = snapshot;
    let cookie = Cookie { start_pos: vm.index_value(&posobj)? - next_input.len() as i64, dec_flags, ..Default::default() };
    if chars_used == 0 {
        return Ok(build_cookie(&cookie));
    }
    if let Some((d, nl)) = native_dec {
        let mut rp = Replay::Native(d, nl);
        let c = reconstruct(vm, v, &mut rp, cookie, &next_input, chars_used, b2cratio)?;
        return Ok(build_cookie(&c));
    }
    let saved = dec_getstate(vm, v)?;
    let mut rp = Replay::Py;
    let r = reconstruct(vm, v, &mut rp, cookie, &next_input, chars_used, b2cratio);
    dec_setstate(vm, v, &saved.0, saved.1)?;
    Ok(build_cookie(&r?))
}

fn tell(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("tell", args, kw, 1, 1)?;
    tell_impl(vm, &args[0])
}

fn seek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, cookie, whence] = crate::args::bind("seek", args, kw, &["self", "cookie", "whence=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let mut cookie = cookie.unwrap_or(Value::NONE);
    let whence = match whence {
        Some(w) => int_arg(vm, &w)?,
        None => 0,
    };
    check_closed(vm, &s)?;
    if !ok_st(&s)?.seekable {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let zero = |vm: &mut Vm, c: &Value| -> PyResult<bool> { vm.eq(c, &Value::int(0)) };
    match whence {
        1 => {
            if !zero(vm, &cookie)? {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            cookie = vm.call_method(&s, "tell", &[])?;
        }
        2 => {
            if !zero(vm, &cookie)? {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            vm.call_method(&s, "flush", &[])?;
            {
                let mut t = ok_st(&s)?;
                t.clear_decoded();
                t.snapshot = None;
            }
            dec_reset(vm, &s)?;
            let (buffer, _) = buffer_of(&s)?;
            let res = vm.call_method(&buffer, "seek", &[Value::int(0), Value::int(2)])?;
            let at_start = res.as_i64() == Some(0);
            enc_reset(vm, &s, at_start)?;
            return Ok(res);
        }
        0 => {}
        _ => return Err(PyErr::value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    let c = match cookie.to_bigint() {
        Some(c) => c,
        None => {
            let i = int_arg(vm, &cookie)?;
            BigInt::from(i)
        }
    };
    if c < BigInt::zero() {
        let r = vm.repr_string(&cookie)?;
        return Err(PyErr::value_error(format!("negative seek position {r}")));
    }
    vm.call_method(&s, "flush", &[])?;
    let ck = parse_cookie(&c);
    let ck_zero = ck.start_pos == 0 && ck.dec_flags == 0;
    let (buffer, _) = buffer_of(&s)?;
    vm.call_method(&buffer, "seek", &[Value::int(ck.start_pos)])?;
    let has_dec = {
        let mut t = ok_st(&s)?;
        t.clear_decoded();
        t.snapshot = None;
        t.decoder.is_some()
    };
    if has_dec {
        if ck_zero {
            dec_reset(vm, &s)?;
        } else {
            dec_setstate(vm, &s, &[], ck.dec_flags)?;
        }
        ok_st(&s)?.snapshot = Some((ck.dec_flags, Vec::new()));
    }
    if ck.chars_to_skip > 0 {
        let r = vm.call_method(&buffer, "read", &[Value::int(ck.bytes_to_feed as i64)])?;
        let input = bytes_result(vm, &r, "read")?;
        let text = decode(vm, &s, &input, ck.need_eof)?;
        if char_len(&text) < ck.chars_to_skip {
            return Err(PyErr::os_error("can't restore logical file position"));
        }
        let mut t = ok_st(&s)?;
        t.decoded_pos = advance(&text, ck.chars_to_skip);
        t.decoded = text;
        t.snapshot = Some((ck.dec_flags, input));
    }
    enc_reset(vm, &s, c.is_zero())?;
    Ok(cookie)
}

fn truncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, pos] = crate::args::bind("truncate", args, kw, &["self", "pos=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    vm.call_method(&s, "flush", &[])?;
    let (buffer, _) = buffer_of(&s)?;
    let pos = pos.unwrap_or(Value::NONE);
    vm.call_method(&buffer, "truncate", &[pos])
}

// ---------------------------------------------------------------- misc

fn close(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("close", args, kw, 1, 1)?;
    let s = &args[0];
    let (buffer, _) = buffer_of(s)?;
    if is_closed(vm, s)? {
        return Ok(Value::NONE);
    }
    let flushed = vm.call_method(s, "flush", &[]);
    let closed = vm.call_method(&buffer, "close", &[]);
    super::close_outcome(flushed, closed)
}

fn detach(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("detach", args, kw, 1, 1)?;
    let s = &args[0];
    ok_st(s)?;
    vm.call_method(s, "flush", &[])?;
    let mut t = ok_st(s)?;
    let b = std::mem::replace(&mut t.buffer, Value::NONE);
    t.ok = false;
    t.detached = true;
    t.buffer_native = false;
    Ok(b)
}

fn delegate(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let (buffer, _) = buffer_of(this(args, name)?)?;
    vm.call_method(&buffer, name, &[])
}
fn fileno(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    delegate(vm, a, "fileno")
}
fn isatty(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    delegate(vm, a, "isatty")
}
fn seekable(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    check_closed(vm, this(a, "seekable")?)?;
    Ok(Value::bool(ok_st(&a[0])?.seekable))
}
fn readable(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    delegate(vm, a, "readable")
}
fn writable(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    delegate(vm, a, "writable")
}

fn g_closed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "closed")?;
    let (buffer, native) = buffer_of(s)?;
    if native {
        return Ok(Value::bool(buffered::raw_is_closed(vm, &buffer)?));
    }
    vm.getattr_str(&buffer, "closed")
}
fn g_name(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (buffer, _) = buffer_of(this(args, "name")?)?;
    vm.getattr_str(&buffer, "name")
}
fn g_buffer(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(buffer_of(this(args, "buffer")?)?.0)
}
fn g_encoding(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = st(this(args, "encoding")?)?;
    if !s.ok && !s.detached {
        return Err(super::uninitialized());
    }
    Ok(Value::str(&s.encoding))
}
fn g_errors(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = st(this(args, "errors")?)?;
    if !s.ok && !s.detached {
        return Err(super::uninitialized());
    }
    Ok(Value::str(&s.errors))
}
fn live_st<'a>(v: &'a Value) -> PyResult<RefMut<'a, TextIO>> {
    let s = st(v)?;
    if !s.ok && !s.detached {
        return Err(super::uninitialized());
    }
    Ok(s)
}
fn g_line_buffering(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(live_st(this(args, "line_buffering")?)?.line_buffering))
}
fn g_write_through(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(live_st(this(args, "write_through")?)?.write_through))
}
fn g_newlines(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "newlines")?;
    let py = {
        let t = ok_st(s)?;
        if let Some(nl) = &t.nl {
            return Ok(nl.newlines());
        }
        match &t.decoder {
            Some(Decoder::Py(d)) => d.clone(),
            _ => return Ok(Value::NONE),
        }
    };
    Ok(vm.getattr_opt(&py, &Value::str("newlines"))?.unwrap_or(Value::NONE))
}
fn g_chunk_size(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(ok_st(this(args, "_CHUNK_SIZE")?)?.chunk_size as i64))
}
fn s_chunk_size(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "_CHUNK_SIZE")?;
    let v = args.get(1).cloned().unwrap_or(Value::NONE);
    if v.is_null() {
        return Err(PyErr::attribute_error("cannot delete attribute"));
    }
    let n = int_arg(vm, &v)?;
    if n <= 0 {
        return Err(PyErr::value_error("a strictly positive integer is required"));
    }
    ok_st(s)?.chunk_size = n as usize;
    Ok(Value::NONE)
}
fn g_finalizing(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(inst_get(this(args, "_finalizing")?, "_finalizing").unwrap_or(Value::FALSE))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "__repr__")?;
    live_st(s)?;
    let cls = display_name(s);
    let mut out = format!("<{cls}");
    let skip = |e: &PyErr| e.matches(&types().exc.value_error) || e.matches(&types().exc.attribute_error);
    match vm.getattr_str(s, "name") {
        Ok(n) => {
            let r = vm.repr_string(&n)?;
            out.push_str(&format!(" name={r}"));
        }
        Err(e) if skip(&e) => {}
        Err(e) => return Err(e),
    }
    match vm.getattr_str(s, "mode") {
        Ok(m) => {
            let r = vm.repr_string(&m)?;
            out.push_str(&format!(" mode={r}"));
        }
        Err(e) if skip(&e) => {}
        Err(e) => return Err(e),
    }
    let enc = st(s)?.encoding.clone();
    out.push_str(&format!(" encoding={}>", crate::text::strmethods::str_repr(&enc)));
    Ok(Value::string(out))
}

fn reconfigure(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, encoding, errors, newline, line_buffering, write_through] = crate::args::bind(
        "reconfigure",
        args,
        kw,
        &["self", "*", "encoding=", "errors=", "newline=", "line_buffering=", "write_through="],
    )?;
    let s = s.unwrap_or(Value::NONE);
    let enc = opt_str(&encoding, "encoding")?;
    let errs = opt_str(&errors, "errors")?;
    let newline_given = newline.is_some();
    let nl = opt_str(&newline, "newline")?;
    check_newline(&nl)?;
    let started = {
        let t = ok_st(&s)?;
        t.decoder.is_some() && (t.snapshot.is_some() || !t.decoded.is_empty())
    };
    if started && (enc.is_some() || errs.is_some() || newline_given) {
        return Err(unsupported(vm, "It is not possible to set the encoding or newline of stream after the first read"));
    }
    vm.call_method(&s, "flush", &[])?;
    if enc.is_some() || errs.is_some() {
        let (cur_enc, cur_err, buffer) = {
            let t = ok_st(&s)?;
            (t.encoding.clone(), t.errors.clone(), t.buffer.clone())
        };
        let new_enc = match enc.as_deref() {
            Some("locale") => "UTF-8".to_string(),
            Some(e) => e.to_string(),
            None => cur_enc,
        };
        let new_err = match (&errs, &enc) {
            (Some(e), _) => e.clone(),
            (None, Some(_)) => "strict".to_string(),
            (None, None) => cur_err,
        };
        let readable = ok_st(&s)?.decoder.is_some();
        let writable = ok_st(&s)?.encoder.is_some();
        setup_codecs(vm, &s, &new_enc, &new_err, readable, writable)?;
        {
            let mut t = ok_st(&s)?;
            t.encoding = new_enc;
            t.errors = new_err;
        }
        let seekable = ok_st(&s)?.seekable;
        if seekable && writable {
            let native = ok_st(&s)?.buffer_native;
            let pos = buf_tell(vm, &buffer, native)?;
            if pos.as_i64() != Some(0) {
                enc_reset(vm, &s, false)?;
            }
        }
    }
    {
        let mut t = ok_st(&s)?;
        if newline_given {
            t.set_newline(nl.as_deref());
        } else if enc.is_some() || errs.is_some() {
            let cur = t.readnl.clone();
            t.set_newline(cur.as_deref());
        }
    }
    if let Some(lb) = line_buffering.filter(|v| !v.is_none()) {
        let b = vm.truthy(&lb)?;
        ok_st(&s)?.line_buffering = b;
    }
    if let Some(wt) = write_through.filter(|v| !v.is_none()) {
        let b = vm.truthy(&wt)?;
        ok_st(&s)?.write_through = b;
    }
    Ok(Value::NONE)
}

fn getstate(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error(format!("cannot pickle '{}' object", display_name(this(args, "__getstate__")?))))
}

/// Flush without a Vm (exit): pending bytes into a native buffer.
pub fn push_pending(v: &Value) {
    if let Ok(mut t) = st(v) {
        t.push_pending_native();
    }
}

pub fn init(c: &IoClasses) {
    let t = &c.textiowrapper;
    add_native(t, "__new__", new, NativeKind::StaticMethod);
    add_method(t, "__init__", init_m);
    add_method(t, "write", write);
    add_method(t, "flush", flush);
    add_method(t, "read", read);
    add_method(t, "readline", readline);
    add_method(t, "__next__", next);
    add_method(t, "tell", tell);
    add_method(t, "seek", seek);
    add_method(t, "truncate", truncate);
    add_method(t, "close", close);
    add_method(t, "detach", detach);
    add_method(t, "fileno", fileno);
    add_method(t, "isatty", isatty);
    add_method(t, "seekable", seekable);
    add_method(t, "readable", readable);
    add_method(t, "writable", writable);
    add_method(t, "reconfigure", reconfigure);
    add_method(t, "__repr__", repr);
    add_method(t, "__getstate__", getstate);
    add_getset(t, "closed", g_closed, None);
    add_getset(t, "name", g_name, None);
    add_getset(t, "buffer", g_buffer, None);
    add_getset(t, "encoding", g_encoding, None);
    add_getset(t, "errors", g_errors, None);
    add_getset(t, "line_buffering", g_line_buffering, None);
    add_getset(t, "write_through", g_write_through, None);
    add_getset(t, "newlines", g_newlines, None);
    add_getset(t, "_CHUNK_SIZE", g_chunk_size, Some(s_chunk_size));
    add_getset(t, "_finalizing", g_finalizing, None);
    t.as_obj().unwrap().type_data().has_del.set(true);
}

/// The buffer of an attached TextIOWrapper whose buffer is native.
pub fn buffer_value(v: &Value) -> Option<Value> {
    let t = st(v).ok()?;
    if t.ok && t.buffer_native {
        Some(t.buffer.clone())
    } else {
        None
    }
}
