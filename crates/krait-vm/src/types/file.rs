//! File objects returned by `open()`: text (`TextIOWrapper`), buffered
//! binary (`BufferedReader`/`BufferedWriter`/`BufferedRandom`) and raw
//! (`FileIO`, `buffering=0`) over a `std::fs::File`.
//!
//! One payload kind (`FileData`) serves every class; the class only decides
//! which flavour of behaviour applies (str vs bytes, error messages, repr).
//! Reads go through a byte buffer (`rbuf[rpos..]` is read ahead but not yet
//! delivered) and writes through a byte buffer (`wbuf`), so `tell()` is
//! always an exact byte offset and text I/O costs no syscall per call.
//!
//! Dropping the last reference flushes and closes the file (`Drop` of
//! `FileData`), which is the deterministic finalisation programs rely on;
//! files still open at interpreter exit are flushed by [`flush_all`].

use crate::object::{NativeKind, Obj, Payload, PyObject};
use crate::types::{add_getset, add_method, add_native, dict, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::io::{AsRawFd, FromRawFd, IntoRawFd};
use std::rc::{Rc, Weak};

const CHUNK: usize = 8192;

/// Guard for natives called unbound with too few arguments.
fn need(args: &[Value], n: usize, name: &str) -> PyResult<()> {
    if args.len() < n {
        return Err(PyErr::type_error(if args.is_empty() {
            format!("descriptor '{name}' of '_io' object needs an argument")
        } else {
            format!("{name}() takes exactly {} argument{} ({} given)", n - 1, if n == 2 { "" } else { "s" }, args.len() - 1)
        }));
    }
    Ok(())
}

/// Which class of file object.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Text,
    Reader,
    Writer,
    Random,
    Raw,
}

/// Text encodings supported natively.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    Utf8,
    Utf8Sig,
    Latin1,
    Ascii,
}

pub struct FileData {
    file: Option<File>,
    closefd: bool,
    pub kind: Kind,
    name: Value,
    mode: String,
    readable: bool,
    writable: bool,
    line_buffering: bool,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
    encoding: Encoding,
    enc_name: String,
    errors: String,
    /// None: universal newlines. Some(""), Some("\n"), Some("\r"), Some("\r\n").
    newline: Option<String>,
    /// Newline kinds seen while reading in universal mode (1 = \r, 2 = \n, 4 = \r\n).
    seen_newlines: u8,
    /// A BOM still has to be skipped (utf-8-sig reading) or written.
    bom_pending: bool,
}

impl FileData {
    fn flush_buf(&mut self) -> std::io::Result<()> {
        if self.wbuf.is_empty() {
            return Ok(());
        }
        let buf = std::mem::take(&mut self.wbuf);
        match self.file.as_mut() {
            Some(f) => f.write_all(&buf),
            None => Ok(()),
        }
    }

    /// Give back read-ahead bytes to the OS position (before a write or seek).
    fn drop_readahead(&mut self) -> std::io::Result<()> {
        let ahead = self.rbuf.len() - self.rpos;
        self.rbuf.clear();
        self.rpos = 0;
        if ahead > 0 {
            if let Some(f) = self.file.as_mut() {
                f.seek(SeekFrom::Current(-(ahead as i64)))?;
            }
        }
        Ok(())
    }

    /// Read more bytes into `rbuf`; returns the number read (0 at EOF).
    fn fill(&mut self) -> std::io::Result<usize> {
        if self.rpos > 0 && (self.rpos == self.rbuf.len() || self.rpos >= CHUNK) {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let Some(f) = self.file.as_mut() else { return Ok(0) };
        let old = self.rbuf.len();
        self.rbuf.resize(old + CHUNK, 0);
        loop {
            match f.read(&mut self.rbuf[old..]) {
                Ok(n) => {
                    self.rbuf.truncate(old + n);
                    return Ok(n);
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.rbuf.truncate(old);
                    return Err(e);
                }
            }
        }
    }

    /// Number of unread bytes available.
    fn avail(&self) -> usize {
        self.rbuf.len() - self.rpos
    }

    /// Make at least `n` unread bytes available if the file has them.
    fn ensure(&mut self, n: usize) -> std::io::Result<bool> {
        while self.avail() < n {
            if self.fill()? == 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Take `n` unread bytes (n <= avail).
    fn take(&mut self, n: usize) -> Vec<u8> {
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        if self.rpos == self.rbuf.len() {
            self.rbuf.clear();
            self.rpos = 0;
        }
        out
    }

    /// Everything up to EOF.
    fn read_all_bytes(&mut self) -> std::io::Result<Vec<u8>> {
        let mut out = self.rbuf[self.rpos..].to_vec();
        self.rbuf.clear();
        self.rpos = 0;
        if let Some(f) = self.file.as_mut() {
            loop {
                match f.read_to_end(&mut out) {
                    Ok(_) => break,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
            }
        }
        Ok(out)
    }

    /// Up to `n` bytes (fewer only at EOF).
    fn read_bytes(&mut self, n: usize) -> std::io::Result<Vec<u8>> {
        if self.avail() == 0 && n >= CHUNK {
            // Large read: go straight to the file.
            let mut out = vec![0u8; n];
            let mut got = 0;
            if let Some(f) = self.file.as_mut() {
                while got < n {
                    match f.read(&mut out[got..]) {
                        Ok(0) => break,
                        Ok(k) => got += k,
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                        Err(e) => return Err(e),
                    }
                }
            }
            out.truncate(got);
            return Ok(out);
        }
        self.ensure(n)?;
        let k = n.min(self.avail());
        Ok(self.take(k))
    }

    /// Bytes of one line ending in `\n` (binary readline), at most `limit`.
    fn read_line_bytes(&mut self, limit: Option<usize>) -> std::io::Result<Vec<u8>> {
        let mut scanned = 0;
        loop {
            let avail = &self.rbuf[self.rpos..];
            if let Some(i) = avail[scanned..].iter().position(|&b| b == b'\n') {
                let end = scanned + i + 1;
                let end = limit.map_or(end, |l| end.min(l));
                return Ok(self.take(end));
            }
            scanned = avail.len();
            if let Some(l) = limit {
                if scanned >= l {
                    return Ok(self.take(l));
                }
            }
            if self.fill()? == 0 {
                let n = self.avail();
                return Ok(self.take(n));
            }
        }
    }

    /// The OS position as seen by the program.
    fn tell(&mut self) -> std::io::Result<u64> {
        let ahead = (self.rbuf.len() - self.rpos) as u64;
        let pending = self.wbuf.len() as u64;
        let f = match self.file.as_mut() {
            Some(f) => f,
            None => return Ok(0),
        };
        let pos = f.stream_position()?;
        Ok(pos + pending - ahead.min(pos))
    }

    fn is_closed(&self) -> bool {
        self.file.is_none()
    }

    fn write_bytes(&mut self, b: &[u8]) -> std::io::Result<()> {
        if !self.rbuf.is_empty() {
            self.drop_readahead()?;
        }
        if self.kind == Kind::Raw {
            if let Some(f) = self.file.as_mut() {
                f.write_all(b)?;
            }
            return Ok(());
        }
        self.wbuf.extend_from_slice(b);
        if self.wbuf.len() >= CHUNK {
            self.flush_buf()?;
        }
        Ok(())
    }

    /// Close: flush, then release the descriptor (kept open if `closefd` is false).
    fn close(&mut self) -> std::io::Result<()> {
        let r = self.flush_buf();
        self.rbuf.clear();
        self.rpos = 0;
        if let Some(f) = self.file.take() {
            if !self.closefd {
                let _ = f.into_raw_fd();
            }
        }
        r
    }
}

impl Drop for FileData {
    fn drop(&mut self) {
        let _ = self.close();
    }
}

thread_local! {
    /// Every file object opened (weakly), to flush at interpreter exit.
    static OPEN_FILES: RefCell<Vec<Weak<PyObject>>> = const { RefCell::new(Vec::new()) };
    static UNSUPPORTED: RefCell<Option<Value>> = const { RefCell::new(None) };
}

fn register_open(o: &Obj) {
    OPEN_FILES.with(|l| {
        let mut l = l.borrow_mut();
        if l.len() >= 64 && l.len().is_power_of_two() {
            l.retain(|w| w.strong_count() > 0);
        }
        l.push(Rc::downgrade(o));
    });
}

/// Flush every file object still open (called at interpreter exit).
pub fn flush_all() {
    let live: Vec<Obj> = OPEN_FILES.with(|l| l.borrow().iter().filter_map(|w| w.upgrade()).collect());
    for o in &live {
        if let Payload::File(fd) = &o.payload {
            if let Ok(mut fd) = fd.try_borrow_mut() {
                let _ = fd.flush_buf();
            }
        }
    }
    // Dropping `live` cannot free anything: each object has another owner.
    drop(live);
}

/// `io.UnsupportedOperation` (a subclass of OSError and ValueError), created on first use.
pub fn unsupported_operation(vm: &mut Vm) -> Value {
    if let Some(v) = UNSUPPORTED.with(|u| u.borrow().clone()) {
        return v;
    }
    let t = types();
    let d = dict::new_dict();
    dict::dict_set_str(&d, "__module__", Value::str("io"));
    let bases = Value::tuple(vec![t.exc.os_error.clone(), t.exc.value_error.clone()]);
    let cls = vm
        .call(&t.type_, &[Value::str("UnsupportedOperation"), bases, d])
        .unwrap_or_else(|_| t.exc.os_error.clone());
    UNSUPPORTED.with(|u| *u.borrow_mut() = Some(cls.clone()));
    cls
}

fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = unsupported_operation(vm);
    PyErr::new(&cls, msg)
}

fn closed_err() -> PyErr {
    PyErr::value_error("I/O operation on closed file.")
}

fn ioerr(e: std::io::Error) -> PyErr {
    crate::error::io_error(&e, None)
}

fn data(v: &Value) -> PyResult<&RefCell<FileData>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::File(f)) => Ok(f),
        _ => Err(PyErr::type_error(format!(
            "descriptor requires a '_io' file object but received a '{}'",
            type_ref(v).type_name_str()
        ))),
    }
}

/// Borrow an open file mutably.
fn open_data(v: &Value) -> PyResult<std::cell::RefMut<'_, FileData>> {
    let f = data(v)?.try_borrow_mut().map_err(|_| PyErr::runtime_error("reentrant call inside file object"))?;
    if f.is_closed() {
        return Err(closed_err());
    }
    Ok(f)
}

// ---------------------------------------------------------------------------
// Encoding and decoding.

fn parse_encoding(name: &str) -> Option<Encoding> {
    let n = name.to_ascii_lowercase().replace('_', "-");
    Some(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "locale" => Encoding::Utf8,
        "utf-8-sig" | "utf8-sig" => Encoding::Utf8Sig,
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" | "iso-ir-100" => Encoding::Latin1,
        "ascii" | "us-ascii" | "646" | "us" => Encoding::Ascii,
        _ => return None,
    })
}

fn codec_name(e: Encoding) -> &'static str {
    match e {
        Encoding::Utf8 => "utf-8",
        Encoding::Utf8Sig => "utf-8",
        Encoding::Latin1 => "latin-1",
        Encoding::Ascii => "ascii",
    }
}

fn decode_error(enc: Encoding, b: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    PyErr::with_args(
        &types().exc.unicode_decode_error,
        vec![
            Value::str(codec_name(enc)),
            Value::bytes(b.to_vec()),
            Value::int(start as i64),
            Value::int(end as i64),
            Value::str(reason),
        ],
    )
}

/// Decode bytes with the given error handler.
pub fn decode(enc: Encoding, errors: &str, b: &[u8]) -> PyResult<String> {
    match enc {
        Encoding::Latin1 => Ok(b.iter().map(|&c| c as char).collect()),
        Encoding::Ascii => {
            if b.is_ascii() {
                // SAFETY-free: ASCII is valid UTF-8.
                return Ok(String::from_utf8_lossy(b).into_owned());
            }
            let mut out = String::with_capacity(b.len());
            for (i, &c) in b.iter().enumerate() {
                if c < 0x80 {
                    out.push(c as char);
                } else {
                    match errors {
                        "replace" => out.push('\u{FFFD}'),
                        "ignore" => {}
                        "backslashreplace" | "surrogateescape" => out.push_str(&format!("\\x{c:02x}")),
                        _ => return Err(decode_error(enc, b, i, i + 1, "ordinal not in range(128)")),
                    }
                }
            }
            Ok(out)
        }
        Encoding::Utf8 | Encoding::Utf8Sig => {
            if let Ok(s) = std::str::from_utf8(b) {
                return Ok(s.to_string());
            }
            let mut out = String::with_capacity(b.len());
            let mut rest = b;
            let mut base = 0;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // SAFETY-free: validated prefix.
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                        let bad_len = e.error_len().unwrap_or(rest.len() - good);
                        let pos = base + good;
                        match errors {
                            "replace" => out.push('\u{FFFD}'),
                            "ignore" => {}
                            "backslashreplace" | "surrogateescape" => {
                                for c in &rest[good..good + bad_len] {
                                    out.push_str(&format!("\\x{c:02x}"));
                                }
                            }
                            _ => {
                                let lead = rest[good];
                                let (end, reason) = if e.error_len().is_none() {
                                    (b.len(), "unexpected end of data")
                                } else if (0xC2..=0xF4).contains(&lead) {
                                    (pos + bad_len, "invalid continuation byte")
                                } else {
                                    (pos + 1, "invalid start byte")
                                };
                                return Err(decode_error(enc, b, pos, end, reason));
                            }
                        }
                        rest = &rest[good + bad_len..];
                        base = pos + bad_len;
                    }
                }
            }
        }
    }
}

/// Encode text with the given error handler.
pub fn encode(enc: Encoding, errors: &str, s: &str) -> PyResult<Vec<u8>> {
    let limit: u32 = match enc {
        Encoding::Utf8 | Encoding::Utf8Sig => return Ok(s.as_bytes().to_vec()),
        Encoding::Latin1 => 0x100,
        Encoding::Ascii => 0x80,
    };
    if enc == Encoding::Ascii && s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let n = c as u32;
        if n < limit {
            out.push(n as u8);
            continue;
        }
        match errors {
            "replace" => out.push(b'?'),
            "ignore" => {}
            "backslashreplace" => {
                let esc = if n < 0x100 {
                    format!("\\x{n:02x}")
                } else if n < 0x10000 {
                    format!("\\u{n:04x}")
                } else {
                    format!("\\U{n:08x}")
                };
                out.extend_from_slice(esc.as_bytes());
            }
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{n};").as_bytes()),
            _ => {
                return Err(PyErr::with_args(
                    &types().exc.unicode_encode_error,
                    vec![
                        Value::str(codec_name(enc)),
                        Value::str(s),
                        Value::int(i as i64),
                        Value::int(i as i64 + 1),
                        Value::string(format!("ordinal not in range({limit})")),
                    ],
                ))
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------
// Text reading.

impl FileData {
    fn universal(&self) -> bool {
        self.newline.is_none()
    }

    /// Decode raw bytes and apply newline translation.
    fn to_text(&mut self, mut b: Vec<u8>) -> PyResult<String> {
        if self.bom_pending {
            self.bom_pending = false;
            if self.encoding == Encoding::Utf8Sig && b.starts_with(&[0xEF, 0xBB, 0xBF]) {
                b.drain(..3);
            }
        }
        let s = match self.encoding {
            Encoding::Utf8 | Encoding::Utf8Sig => match String::from_utf8(b) {
                Ok(s) => s,
                Err(e) => decode(self.encoding, &self.errors, e.as_bytes())?,
            },
            _ => decode(self.encoding, &self.errors, &b)?,
        };
        if !self.universal() || !s.contains('\r') {
            if self.universal() && s.contains('\n') {
                self.seen_newlines |= 2;
            }
            return Ok(s);
        }
        let mut out = String::with_capacity(s.len());
        let mut it = s.chars().peekable();
        while let Some(c) = it.next() {
            if c == '\r' {
                if it.peek() == Some(&'\n') {
                    it.next();
                    self.seen_newlines |= 4;
                } else {
                    self.seen_newlines |= 1;
                }
                out.push('\n');
            } else {
                if c == '\n' {
                    self.seen_newlines |= 2;
                }
                out.push(c);
            }
        }
        Ok(out)
    }

    fn char_width(&self, lead: u8) -> usize {
        match self.encoding {
            Encoding::Utf8 | Encoding::Utf8Sig => match lead {
                0xC0..=0xDF => 2,
                0xE0..=0xEF => 3,
                0xF0..=0xF7 => 4,
                _ => 1,
            },
            _ => 1,
        }
    }

    fn skip_bom_bytes(&mut self) -> std::io::Result<()> {
        if self.bom_pending && self.encoding == Encoding::Utf8Sig {
            self.ensure(3)?;
            if self.rbuf[self.rpos..].starts_with(&[0xEF, 0xBB, 0xBF]) {
                self.rpos += 3;
            }
        }
        self.bom_pending = false;
        Ok(())
    }

    /// Read up to `n` characters (a `\r\n` pair counts as one in universal mode).
    fn read_chars(&mut self, n: usize) -> PyResult<String> {
        self.skip_bom_bytes().map_err(ioerr)?;
        let mut k = 0; // bytes scanned past rpos
        let mut count = 0;
        while count < n {
            if !self.ensure(k + 1).map_err(ioerr)? {
                break;
            }
            let b = self.rbuf[self.rpos + k];
            if b == b'\r' && self.universal() {
                if self.ensure(k + 2).map_err(ioerr)? && self.rbuf[self.rpos + k + 1] == b'\n' {
                    k += 2;
                } else {
                    k += 1;
                }
            } else {
                let w = self.char_width(b);
                self.ensure(k + w).map_err(ioerr)?;
                k += w.min(self.avail() - k);
            }
            count += 1;
        }
        let bytes = self.take(k);
        self.to_text(bytes)
    }

    fn read_text_all(&mut self) -> PyResult<String> {
        let b = self.read_all_bytes().map_err(ioerr)?;
        self.to_text(b)
    }

    /// One line of text (with its terminator), at most `limit` characters.
    fn read_text_line(&mut self, limit: Option<usize>) -> PyResult<String> {
        self.skip_bom_bytes().map_err(ioerr)?;
        if limit.is_none() {
            return self.read_text_line_fast();
        }
        let nl = self.newline.clone();
        let mut k = 0;
        let mut chars = 0;
        loop {
            if let Some(l) = limit {
                if chars >= l {
                    break;
                }
            }
            if !self.ensure(k + 1).map_err(ioerr)? {
                break;
            }
            let b = self.rbuf[self.rpos + k];
            match (b, nl.as_deref()) {
                (b'\n', None | Some("") | Some("\n")) => {
                    k += 1;
                    break;
                }
                (b'\r', None | Some("")) => {
                    if self.ensure(k + 2).map_err(ioerr)? && self.rbuf[self.rpos + k + 1] == b'\n' {
                        k += 2;
                    } else {
                        k += 1;
                    }
                    break;
                }
                (b'\r', Some("\r")) => {
                    k += 1;
                    break;
                }
                (b'\r', Some("\r\n")) => {
                    if self.ensure(k + 2).map_err(ioerr)? && self.rbuf[self.rpos + k + 1] == b'\n' {
                        k += 2;
                        break;
                    }
                    k += 1;
                }
                _ => {
                    let w = self.char_width(b);
                    self.ensure(k + w).map_err(ioerr)?;
                    k += w.min(self.avail() - k);
                }
            }
            chars += 1;
        }
        let bytes = self.take(k);
        self.to_text(bytes)
    }
}

impl FileData {
    /// A whole line: search for the terminator bytes directly (`\n` and
    /// `\r` never occur inside a multi-byte UTF-8 character).
    fn read_text_line_fast(&mut self) -> PyResult<String> {
        let cr_ends = matches!(self.newline.as_deref(), None | Some("") | Some("\r") | Some("\r\n"));
        let nl_ends = matches!(self.newline.as_deref(), None | Some("") | Some("\n"));
        let mut k = 0;
        loop {
            let avail = &self.rbuf[self.rpos..];
            let found = avail[k..].iter().position(|&b| (b == b'\n' && nl_ends) || (b == b'\r' && cr_ends));
            match found {
                Some(i) => {
                    let at = k + i;
                    if avail[at] == b'\n' {
                        k = at + 1;
                        break;
                    }
                    // A '\r': look at the next byte.
                    if !self.ensure(at + 2).map_err(ioerr)? {
                        // '\r' at EOF.
                        if self.newline.as_deref() == Some("\r\n") {
                            k = at + 1;
                            continue;
                        }
                        k = at + 1;
                        break;
                    }
                    let next = self.rbuf[self.rpos + at + 1];
                    match self.newline.as_deref() {
                        Some("\r") => {
                            k = at + 1;
                            break;
                        }
                        Some("\r\n") => {
                            if next == b'\n' {
                                k = at + 2;
                                break;
                            }
                            k = at + 1;
                        }
                        _ => {
                            k = if next == b'\n' { at + 2 } else { at + 1 };
                            break;
                        }
                    }
                }
                None => {
                    k = avail.len();
                    if self.fill().map_err(ioerr)? == 0 {
                        break;
                    }
                }
            }
        }
        let k = k.min(self.avail());
        let bytes = self.take(k);
        self.to_text(bytes)
    }
}

// ---------------------------------------------------------------------------
// open().

struct ModeInfo {
    reading: bool,
    writing: bool,
    appending: bool,
    creating: bool,
    updating: bool,
    binary: bool,
    text: bool,
}

fn parse_mode(mode: &str) -> PyResult<ModeInfo> {
    let mut m = ModeInfo { reading: false, writing: false, appending: false, creating: false, updating: false, binary: false, text: false };
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwaxbt+".contains(c) || seen.contains(c) {
            return Err(PyErr::value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
        match c {
            'r' => m.reading = true,
            'w' => m.writing = true,
            'a' => m.appending = true,
            'x' => m.creating = true,
            '+' => m.updating = true,
            'b' => m.binary = true,
            _ => m.text = true,
        }
    }
    if m.text && m.binary {
        return Err(PyErr::value_error("can't have text and binary mode at once"));
    }
    let n = [m.reading, m.writing, m.appending, m.creating].iter().filter(|&&x| x).count();
    if n > 1 {
        return Err(PyErr::value_error("must have exactly one of create/read/write/append mode"));
    }
    if n == 0 {
        return Err(PyErr::value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    Ok(m)
}

/// The path of `file` as a string, or the descriptor number.
enum Target {
    Path(String, Value),
    Fd(i32),
}

fn file_target(vm: &mut Vm, file: &Value) -> PyResult<Target> {
    if let Some(s) = file.as_str() {
        return Ok(Target::Path(s.to_string(), file.clone()));
    }
    if let Some(b) = file.as_bytes() {
        return Ok(Target::Path(String::from_utf8_lossy(b).into_owned(), file.clone()));
    }
    if file.is_int() && !file.is_bool() {
        let fd = file.as_i64().filter(|&n| (0..=i32::MAX as i64).contains(&n));
        return match fd {
            Some(fd) => Ok(Target::Fd(fd as i32)),
            None => Err(PyErr::value_error("negative file descriptor")),
        };
    }
    if file.is_bool() {
        return Ok(Target::Fd(if file.is_true_singleton() { 1 } else { 0 }));
    }
    if let Some(f) = crate::types::lookup(type_ref(file), "__fspath__") {
        let p = vm.call(&f, &[file.clone()])?;
        if p.as_str().is_some() || p.as_bytes().is_some() {
            return file_target(vm, &p);
        }
        return Err(PyErr::type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            type_ref(file).type_name_str(),
            type_ref(&p).type_name_str()
        )));
    }
    Err(PyErr::type_error(format!(
        "expected str, bytes or os.PathLike object, not {}",
        type_ref(file).type_name_str()
    )))
}

fn opt_str(v: &Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.to_string())),
            None => Err(PyErr::type_error(format!(
                "open() argument '{what}' must be str or None, not {}",
                type_ref(v).type_name_str()
            ))),
        },
    }
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)`.
pub fn open(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [file, mode, buffering, encoding, errors, newline, closefd, opener] = crate::args::bind(
        "open",
        args,
        kw,
        &["file", "mode=", "buffering=", "encoding=", "errors=", "newline=", "closefd=", "opener="],
    )?;
    let file = file.unwrap_or(Value::NONE);
    let mode_s = match &mode {
        None => "r".to_string(),
        Some(m) => match m.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(PyErr::type_error(format!(
                    "open() argument 'mode' must be str, not {}",
                    type_ref(m).type_name_str()
                )))
            }
        },
    };
    let buffering = match &buffering {
        None => -1,
        Some(b) => {
            if b.is_float() {
                return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
            }
            vm.index_value(b)?
        }
    };
    let encoding = opt_str(&encoding, "encoding")?;
    let errors = opt_str(&errors, "errors")?;
    let newline = opt_str(&newline, "newline")?;
    let closefd = match &closefd {
        None => true,
        Some(c) => vm.truthy(c)?,
    };
    let opener = opener.filter(|o| !o.is_none());
    let m = parse_mode(&mode_s)?;
    if m.binary {
        if encoding.is_some() {
            return Err(PyErr::value_error("binary mode doesn't take an encoding argument"));
        }
        if errors.is_some() {
            return Err(PyErr::value_error("binary mode doesn't take an errors argument"));
        }
        if newline.is_some() {
            return Err(PyErr::value_error("binary mode doesn't take a newline argument"));
        }
    }
    if buffering == 0 && !m.binary {
        return Err(PyErr::value_error("can't have unbuffered text I/O"));
    }
    if let Some(nl) = &newline {
        if !matches!(nl.as_str(), "" | "\n" | "\r" | "\r\n") {
            return Err(PyErr::value_error(format!("illegal newline value: {nl}")));
        }
    }
    let enc = match &encoding {
        None => Encoding::Utf8,
        Some(e) => match parse_encoding(e) {
            Some(x) => x,
            None => return Err(PyErr::new(&types().exc.lookup_error, format!("unknown encoding: {e}"))),
        },
    };
    let target = file_target(vm, &file)?;
    let readable = m.reading || m.updating;
    let writable = m.writing || m.appending || m.creating || m.updating;
    let (fh, name) = match target {
        Target::Fd(fd) => {
            // SAFETY: fcntl(F_GETFD) only queries the descriptor.
            if unsafe { libc::fcntl(fd, libc::F_GETFD) } < 0 {
                return Err(ioerr(std::io::Error::last_os_error()));
            }
            // SAFETY: the descriptor is valid; with closefd=False it is released, not closed.
            (unsafe { File::from_raw_fd(fd) }, file.clone())
        }
        Target::Path(path, name_v) => {
            if !closefd {
                return Err(PyErr::value_error("Cannot use closefd=False with file name"));
            }
            if path.contains('\0') {
                return Err(PyErr::value_error("embedded null byte"));
            }
            let fh = if let Some(op) = &opener {
                let mut flags = if m.updating {
                    libc::O_RDWR
                } else if readable {
                    libc::O_RDONLY
                } else {
                    libc::O_WRONLY
                };
                if m.writing {
                    flags |= libc::O_CREAT | libc::O_TRUNC;
                }
                if m.appending {
                    flags |= libc::O_CREAT | libc::O_APPEND;
                }
                if m.creating {
                    flags |= libc::O_CREAT | libc::O_EXCL;
                }
                flags |= libc::O_CLOEXEC;
                let r = vm.call(op, &[name_v.clone(), Value::int(flags as i64)])?;
                let fd = r.as_i64().ok_or_else(|| PyErr::type_error("expected an integer from opener"))?;
                if fd < 0 {
                    return Err(PyErr::value_error(format!("opener returned {fd}")));
                }
                // SAFETY: the opener handed us ownership of a descriptor.
                unsafe { File::from_raw_fd(fd as i32) }
            } else {
                let mut oo = std::fs::OpenOptions::new();
                oo.read(readable);
                if m.writing {
                    oo.write(true).create(true).truncate(true);
                } else if m.appending {
                    oo.append(true).create(true);
                } else if m.creating {
                    oo.write(true).create_new(true);
                } else if m.updating {
                    oo.write(true);
                }
                match oo.open(&path) {
                    Ok(f) => f,
                    Err(e) => return Err(crate::error::io_error(&e, Some(&path))),
                }
            };
            if let Ok(md) = fh.metadata() {
                if md.is_dir() {
                    let e = std::io::Error::from_raw_os_error(libc::EISDIR);
                    return Err(crate::error::io_error(&e, Some(&path)));
                }
            }
            (fh, name_v)
        }
    };
    let mut fh = fh;
    if m.appending {
        let _ = fh.seek(SeekFrom::End(0));
    }
    let kind = if !m.binary {
        Kind::Text
    } else if buffering == 0 {
        Kind::Raw
    } else if m.updating {
        Kind::Random
    } else if readable {
        Kind::Reader
    } else {
        Kind::Writer
    };
    let raw_mode = {
        let base = if m.creating {
            "x"
        } else if m.appending {
            "a"
        } else if m.reading {
            "r"
        } else if m.updating {
            "r"
        } else {
            "w"
        };
        let base = if m.writing && m.updating { "r" } else { base };
        format!("{base}b{}", if m.updating { "+" } else { "" })
    };
    let shown_mode = if kind == Kind::Text { mode_s.clone() } else { raw_mode };
    let line_buffering = buffering == 1 && kind == Kind::Text
        || (kind == Kind::Text && buffering < 0 && {
            // SAFETY: isatty only inspects the descriptor.
            unsafe { libc::isatty(fh.as_raw_fd()) == 1 }
        });
    let data = FileData {
        file: Some(fh),
        closefd,
        kind,
        name,
        mode: shown_mode,
        readable,
        writable,
        line_buffering,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::new(),
        encoding: enc,
        enc_name: encoding.clone().unwrap_or_else(|| "UTF-8".to_string()),
        errors: errors.unwrap_or_else(|| "strict".to_string()),
        newline,
        seen_newlines: 0,
        bom_pending: enc == Encoding::Utf8Sig,
    };
    let t = types();
    let ty = match kind {
        Kind::Text => &t.text_io,
        Kind::Reader => &t.buffered_reader,
        Kind::Writer => &t.buffered_io,
        Kind::Random => &t.buffered_random,
        Kind::Raw => &t.file_io,
    };
    let o = PyObject::new(ty.as_obj().unwrap(), Payload::File(Box::new(RefCell::new(data))));
    register_open(&o);
    Ok(Value::from_obj(o))
}

// ---------------------------------------------------------------------------
// Methods.

fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            if !v.is_int() && crate::types::lookup(type_ref(v), "__index__").is_none() {
                return Err(PyErr::type_error(format!(
                    "argument should be integer or None, not '{}'",
                    type_ref(v).type_name_str()
                )));
            }
            let n = vm.index_value(v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn check_readable(vm: &mut Vm, f: &FileData) -> PyResult<()> {
    if f.readable {
        return Ok(());
    }
    let msg = if f.kind == Kind::Text { "not readable" } else { "read" };
    Err(unsupported(vm, msg))
}

fn check_writable(vm: &mut Vm, f: &FileData) -> PyResult<()> {
    if f.writable {
        return Ok(());
    }
    let msg = if f.kind == Kind::Text { "not writable" } else { "write" };
    Err(unsupported(vm, msg))
}

fn closed_for(v: &Value, what: &str) -> PyResult<()> {
    let f = data(v)?;
    let f = f.borrow();
    if f.is_closed() {
        if f.kind == Kind::Text || f.kind == Kind::Raw {
            return Err(closed_err());
        }
        return Err(PyErr::value_error(format!("{what} of closed file")));
    }
    Ok(())
}

/// Run `op` on the open file after the readability check.
fn with_readable<T>(vm: &mut Vm, v: &Value, what: &str, op: impl FnOnce(&mut FileData) -> PyResult<T>) -> PyResult<T> {
    closed_for(v, what)?;
    let mut f = open_data(v)?;
    if !f.readable {
        drop(f);
        let f = data(v)?.borrow();
        return Err(check_readable(vm, &f).err().unwrap_or_else(closed_err));
    }
    if !f.wbuf.is_empty() {
        f.flush_buf().map_err(ioerr)?;
    }
    op(&mut f)
}

fn file_read(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this, size] = crate::args::bind("read", args, kw, &["self", "size=", "/"])?;
    let this = this.unwrap_or(Value::NONE);
    let n = size_arg(vm, size.as_ref())?;
    let text = data(&this)?.borrow().kind == Kind::Text;
    with_readable(vm, &this, "read", |f| {
        if text {
            let s = match n {
                None => f.read_text_all()?,
                Some(n) => f.read_chars(n)?,
            };
            Ok(Value::string(s))
        } else {
            let b = match n {
                None => f.read_all_bytes().map_err(ioerr)?,
                Some(n) => f.read_bytes(n).map_err(ioerr)?,
            };
            Ok(Value::bytes(b))
        }
    })
}

fn file_read1(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this, size] = crate::args::bind("read1", args, kw, &["self", "size=", "/"])?;
    let this = this.unwrap_or(Value::NONE);
    let n = size_arg(vm, size.as_ref())?;
    with_readable(vm, &this, "read", |f| {
        if f.avail() == 0 {
            f.fill().map_err(ioerr)?;
        }
        let k = n.unwrap_or(usize::MAX).min(f.avail());
        Ok(Value::bytes(f.take(k)))
    })
}

fn file_readinto(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("readinto", args, kw, 2, 2)?;
    let target = args[1].clone();
    let Some(Payload::ByteArray(buf)) = target.as_obj().map(|o| &o.payload) else {
        return Err(PyErr::type_error(format!(
            "readinto() argument must be read-write bytes-like object, not {}",
            type_ref(&target).type_name_str()
        )));
    };
    let want = buf.borrow().len();
    let got = with_readable(vm, &args[0], "readinto", |f| f.read_bytes(want).map_err(ioerr))?;
    let mut b = buf.borrow_mut();
    let k = got.len().min(b.len());
    b[..k].copy_from_slice(&got[..k]);
    Ok(Value::int(k as i64))
}

fn file_readline(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this, size] = crate::args::bind("readline", args, kw, &["self", "size=", "/"])?;
    let this = this.unwrap_or(Value::NONE);
    let text = data(&this)?.borrow().kind == Kind::Text;
    if text && size.as_ref().map_or(false, |s| s.is_none()) {
        return Err(PyErr::type_error("'NoneType' object cannot be interpreted as an integer"));
    }
    let n = size_arg(vm, size.as_ref())?;
    with_readable(vm, &this, "readline", |f| {
        if text {
            Ok(Value::string(f.read_text_line(n)?))
        } else {
            Ok(Value::bytes(f.read_line_bytes(n).map_err(ioerr)?))
        }
    })
}

fn file_readlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this, hint] = crate::args::bind("readlines", args, kw, &["self", "hint=", "/"])?;
    let this = this.unwrap_or(Value::NONE);
    let hint = size_arg(vm, hint.as_ref())?.filter(|&h| h > 0);
    let text = data(&this)?.borrow().kind == Kind::Text;
    with_readable(vm, &this, "readline", |f| {
        let mut out = Vec::new();
        let mut total = 0;
        loop {
            let (v, len) = if text {
                let s = f.read_text_line(None)?;
                let l = s.chars().count();
                (Value::string(s), l)
            } else {
                let b = f.read_line_bytes(None).map_err(ioerr)?;
                let l = b.len();
                (Value::bytes(b), l)
            };
            if len == 0 {
                break;
            }
            out.push(v);
            total += len;
            if let Some(h) = hint {
                if total >= h {
                    break;
                }
            }
        }
        Ok(Value::list(out))
    })
}

/// The bytes of a bytes-like object.
fn bytes_like(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Ok(b.to_vec()),
        Some(Payload::ByteArray(b)) => Ok(b.borrow().clone()),
        Some(Payload::MemoryView(_)) => {
            let b = vm.call(&types().bytes, &[v.clone()])?;
            Ok(b.as_bytes().map(|x| x.to_vec()).unwrap_or_default())
        }
        _ => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_ref(v).type_name_str()
        ))),
    }
}

fn file_write(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("write", args, kw, 2, 2)?;
    let this = &args[0];
    let kind = data(this)?.borrow().kind;
    closed_for(this, "write")?;
    {
        let f = data(this)?.borrow();
        if !f.writable {
            let e = check_writable(vm, &f).err().unwrap_or_else(closed_err);
            return Err(e);
        }
    }
    if kind == Kind::Text {
        let Some(s) = args[1].as_str() else {
            let tn = if args[1].is_none() { "None".to_string() } else { type_ref(&args[1]).type_name_str() };
            return Err(PyErr::type_error(format!("write() argument must be str, not {tn}")));
        };
        let mut f = open_data(this)?;
        let n = args[1].as_pystr().map_or(0, |p| p.char_len());
        let translated;
        let text: &str = match f.newline.as_deref() {
            Some("\r") if s.contains('\n') => {
                translated = s.replace('\n', "\r");
                &translated
            }
            Some("\r\n") if s.contains('\n') => {
                translated = s.replace('\n', "\r\n");
                &translated
            }
            _ => s,
        };
        if f.encoding == Encoding::Utf8 && !f.line_buffering {
            f.write_bytes(text.as_bytes()).map_err(ioerr)?;
            return Ok(Value::int(n as i64));
        }
        let mut bytes = encode(f.encoding, &f.errors, text)?;
        if f.bom_pending && f.encoding == Encoding::Utf8Sig {
            f.bom_pending = false;
            if f.tell().map_err(ioerr)? == 0 {
                let mut b = vec![0xEF, 0xBB, 0xBF];
                b.extend_from_slice(&bytes);
                bytes = b;
            }
        }
        f.write_bytes(&bytes).map_err(ioerr)?;
        if f.line_buffering && (text.contains('\n') || text.contains('\r')) {
            f.flush_buf().map_err(ioerr)?;
        }
        return Ok(Value::int(n as i64));
    }
    let b = bytes_like(vm, &args[1])?;
    let mut f = open_data(this)?;
    f.write_bytes(&b).map_err(ioerr)?;
    Ok(Value::int(b.len() as i64))
}

fn file_writelines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("writelines", args, kw, 2, 2)?;
    closed_for(&args[0], "writelines")?;
    let it = vm.iter(&args[1])?;
    while let Some(line) = vm.next(&it)? {
        file_write(vm, &[args[0].clone(), line], &[])?;
    }
    Ok(Value::NONE)
}

fn file_flush(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("flush", args, kw, 1, 1)?;
    let mut f = open_data(&args[0])?;
    f.flush_buf().map_err(ioerr)?;
    Ok(Value::NONE)
}

fn file_close(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("close", args, kw, 1, 1)?;
    let mut f = data(&args[0])?.try_borrow_mut().map_err(|_| PyErr::runtime_error("reentrant call inside file object"))?;
    f.close().map_err(ioerr)?;
    Ok(Value::NONE)
}

fn file_tell(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("tell", args, kw, 1, 1)?;
    let mut f = open_data(&args[0])?;
    match f.tell() {
        Ok(p) => Ok(Value::int(p as i64)),
        Err(e) if e.raw_os_error() == Some(libc::ESPIPE) => {
            drop(f);
            Err(unsupported(vm, "underlying stream is not seekable"))
        }
        Err(e) => Err(ioerr(e)),
    }
}

fn file_seek(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this, offset, whence] = crate::args::bind("seek", args, kw, &["self", "offset", "whence=", "/"])?;
    let this = this.unwrap_or(Value::NONE);
    let offset = offset.unwrap_or(Value::NONE);
    if offset.is_float() || (!offset.is_int() && crate::types::lookup(type_ref(&offset), "__index__").is_none()) {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_ref(&offset).type_name_str()
        )));
    }
    let off = vm.index_value(&offset)?;
    let whence = match whence {
        None => 0,
        Some(w) => vm.index_value(&w)?,
    };
    let kind = data(&this)?.borrow().kind;
    closed_for(&this, "seek")?;
    if kind == Kind::Text {
        match whence {
            0 if off < 0 => return Err(PyErr::value_error(format!("negative seek position {off}"))),
            1 if off != 0 => return Err(unsupported(vm, "can't do nonzero cur-relative seeks")),
            2 if off != 0 => return Err(unsupported(vm, "can't do nonzero end-relative seeks")),
            0..=2 => {}
            _ => return Err(PyErr::value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
        }
    } else if !(0..=4).contains(&whence) {
        return Err(PyErr::value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)")));
    }
    let mut f = open_data(&this)?;
    f.flush_buf().map_err(ioerr)?;
    let logical = f.tell().map_err(ioerr)?;
    f.drop_readahead().map_err(ioerr)?;
    f.bom_pending = false;
    let fh = f.file.as_mut().ok_or_else(closed_err)?;
    let r = match whence {
        0 => {
            if off < 0 {
                Err(std::io::Error::from_raw_os_error(libc::EINVAL))
            } else {
                fh.seek(SeekFrom::Start(off as u64))
            }
        }
        1 => {
            let target = logical as i64 + off;
            if target < 0 {
                Err(std::io::Error::from_raw_os_error(libc::EINVAL))
            } else {
                fh.seek(SeekFrom::Start(target as u64))
            }
        }
        2 => fh.seek(SeekFrom::End(off)),
        _ => {
            // SEEK_DATA / SEEK_HOLE.
            // SAFETY: lseek only moves the descriptor's offset.
            let r = unsafe { libc::lseek(fh.as_raw_fd(), off as libc::off_t, whence as i32) };
            if r < 0 {
                Err(std::io::Error::last_os_error())
            } else {
                Ok(r as u64)
            }
        }
    };
    match r {
        Ok(p) => Ok(Value::int(p as i64)),
        Err(e) if e.raw_os_error() == Some(libc::ESPIPE) => {
            drop(f);
            Err(unsupported(vm, "underlying stream is not seekable"))
        }
        Err(e) => Err(ioerr(e)),
    }
}

fn file_truncate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [this, size] = crate::args::bind("truncate", args, kw, &["self", "pos=", "/"])?;
    let this = this.unwrap_or(Value::NONE);
    closed_for(&this, "truncate")?;
    let size = match size {
        Some(s) if !s.is_none() => Some(vm.index_value(&s)?),
        _ => None,
    };
    {
        let f = data(&this)?.borrow();
        if !f.writable {
            let msg = if f.kind == Kind::Text { "not writable" } else { "truncate" };
            drop(f);
            return Err(unsupported(vm, msg));
        }
    }
    let mut f = open_data(&this)?;
    f.flush_buf().map_err(ioerr)?;
    let pos = f.tell().map_err(ioerr)?;
    f.drop_readahead().map_err(ioerr)?;
    let size = match size {
        Some(s) if s < 0 => return Err(ioerr(std::io::Error::from_raw_os_error(libc::EINVAL))),
        Some(s) => s as u64,
        None => pos,
    };
    let fh = f.file.as_mut().ok_or_else(closed_err)?;
    fh.set_len(size).map_err(ioerr)?;
    Ok(Value::int(size as i64))
}

fn file_fileno(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("fileno", args, kw, 1, 1)?;
    let f = data(&args[0])?.borrow();
    match &f.file {
        Some(fh) => Ok(Value::int(fh.as_raw_fd() as i64)),
        None => Err(PyErr::value_error("I/O operation on closed file")),
    }
}

fn file_isatty(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("isatty", args, kw, 1, 1)?;
    let f = data(&args[0])?.borrow();
    match &f.file {
        // SAFETY: isatty only inspects the descriptor.
        Some(fh) => Ok(Value::bool(unsafe { libc::isatty(fh.as_raw_fd()) } == 1)),
        None => Err(PyErr::value_error("I/O operation on closed file")),
    }
}

fn file_readable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("readable", args, kw, 1, 1)?;
    let f = data(&args[0])?.borrow();
    if f.is_closed() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(Value::bool(f.readable))
}

fn file_writable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("writable", args, kw, 1, 1)?;
    let f = data(&args[0])?.borrow();
    if f.is_closed() {
        return Err(PyErr::value_error("I/O operation on closed file"));
    }
    Ok(Value::bool(f.writable))
}

fn file_seekable(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("seekable", args, kw, 1, 1)?;
    let mut f = data(&args[0])?.borrow_mut();
    match f.file.as_mut() {
        Some(fh) => Ok(Value::bool(fh.stream_position().is_ok())),
        None => Err(PyErr::value_error("I/O operation on closed file")),
    }
}

fn file_enter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error("__enter__() takes no arguments"));
    }
    if data(&args[0])?.borrow().is_closed() {
        return Err(closed_err());
    }
    Ok(args[0].clone())
}

fn file_exit(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error("__exit__() takes no arguments"));
    }
    file_close(vm, &args[..1], &[])?;
    Ok(Value::NONE)
}

fn file_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error("__iter__() takes no arguments"));
    }
    if data(&args[0])?.borrow().is_closed() {
        return Err(closed_err());
    }
    Ok(args[0].clone())
}

fn file_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error("__next__() takes no arguments"));
    }
    let text = data(&args[0])?.borrow().kind == Kind::Text;
    let line = with_readable(vm, &args[0], "readline", |f| {
        if text {
            Ok(Value::string(f.read_text_line(None)?))
        } else {
            Ok(Value::bytes(f.read_line_bytes(None).map_err(ioerr)?))
        }
    })?;
    let empty = match line.as_str() {
        Some(s) => s.is_empty(),
        None => line.as_bytes().map_or(true, |b| b.is_empty()),
    };
    if empty {
        return Err(PyErr::stop_iteration(Value::NONE));
    }
    Ok(line)
}

fn file_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__repr__")?;
    let f = data(&args[0])?;
    let (kind, name, mode, enc, closed, closefd) = {
        let f = f.borrow();
        (f.kind, f.name.clone(), f.mode.clone(), f.enc_name.clone(), f.is_closed(), f.closefd)
    };
    let cls = type_ref(&args[0]);
    let cname = cls.as_type().map(|t| t.qualname.borrow().clone()).unwrap_or_default();
    let qual = {
        let m = cls.as_type().and_then(|t| dict::dict_get_str(&t.dict, "__module__")).and_then(|m| m.as_str().map(|s| s.to_string()));
        match m {
            Some(m) if m != "builtins" => format!("{m}.{cname}"),
            _ => cname,
        }
    };
    let name_r = vm.repr_string(&name)?;
    Ok(Value::string(match kind {
        Kind::Text => {
            let mode_r = vm.repr_string(&Value::str(&mode))?;
            let enc_r = vm.repr_string(&Value::str(&enc))?;
            format!("<{qual} name={name_r} mode={mode_r} encoding={enc_r}>")
        }
        Kind::Raw => {
            if closed {
                format!("<{qual} [closed]>")
            } else {
                let cfd = if closefd { "True" } else { "False" };
                format!("<{qual} name={name_r} mode='{mode}' closefd={cfd}>")
            }
        }
        _ => format!("<{qual} name={name_r}>"),
    }))
}

// Attributes.

fn get_closed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "closed")?;
    Ok(Value::bool(data(&args[0])?.borrow().is_closed()))
}

fn get_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "name")?;
    Ok(data(&args[0])?.borrow().name.clone())
}

fn get_mode(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "mode")?;
    Ok(Value::str(&data(&args[0])?.borrow().mode))
}

fn get_encoding(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "encoding")?;
    Ok(Value::str(&data(&args[0])?.borrow().enc_name))
}

fn get_errors(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "errors")?;
    Ok(Value::str(&data(&args[0])?.borrow().errors))
}

fn get_line_buffering(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "line_buffering")?;
    Ok(Value::bool(data(&args[0])?.borrow().line_buffering))
}

fn get_closefd(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "closefd")?;
    Ok(Value::bool(data(&args[0])?.borrow().closefd))
}

fn get_newlines(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "newlines")?;
    let seen = data(&args[0])?.borrow().seen_newlines;
    let mut kinds = Vec::new();
    if seen & 1 != 0 {
        kinds.push(Value::str("\r"));
    }
    if seen & 2 != 0 {
        kinds.push(Value::str("\n"));
    }
    if seen & 4 != 0 {
        kinds.push(Value::str("\r\n"));
    }
    Ok(match kinds.len() {
        0 => Value::NONE,
        1 => kinds.pop().unwrap_or(Value::NONE),
        _ => Value::tuple(kinds),
    })
}

fn file_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args.first().and_then(|c| c.as_obj()).and_then(|c| c.as_type()).map(|t| t.name.borrow().clone()).unwrap_or_default();
    Err(PyErr::type_error(format!("cannot create '_io.{name}' instances directly; use open()")))
}

pub fn init(t: &Types) {
    let all = [&t.text_io, &t.buffered_reader, &t.buffered_io, &t.buffered_random, &t.file_io];
    for ty in all {
        dict::dict_set_str(&ty.as_obj().unwrap().type_data().dict, "__module__", Value::str("_io"));
        add_native(ty, "__new__", file_new, NativeKind::StaticMethod);
        add_method(ty, "read", file_read);
        add_method(ty, "readline", file_readline);
        add_method(ty, "readlines", file_readlines);
        add_method(ty, "write", file_write);
        add_method(ty, "writelines", file_writelines);
        add_method(ty, "flush", file_flush);
        add_method(ty, "close", file_close);
        add_method(ty, "tell", file_tell);
        add_method(ty, "seek", file_seek);
        add_method(ty, "truncate", file_truncate);
        add_method(ty, "fileno", file_fileno);
        add_method(ty, "isatty", file_isatty);
        add_method(ty, "readable", file_readable);
        add_method(ty, "writable", file_writable);
        add_method(ty, "seekable", file_seekable);
        add_method(ty, "__enter__", file_enter);
        add_method(ty, "__exit__", file_exit);
        add_method(ty, "__iter__", file_iter);
        add_method(ty, "__next__", file_next);
        add_method(ty, "__repr__", file_repr);
        add_getset(ty, "closed", get_closed, None);
        add_getset(ty, "name", get_name, None);
        add_getset(ty, "mode", get_mode, None);
    }
    for ty in [&t.buffered_reader, &t.buffered_io, &t.buffered_random, &t.file_io] {
        add_method(ty, "read1", file_read1);
        add_method(ty, "readinto", file_readinto);
    }
    add_getset(&t.file_io, "closefd", get_closefd, None);
    add_getset(&t.text_io, "encoding", get_encoding, None);
    add_getset(&t.text_io, "errors", get_errors, None);
    add_getset(&t.text_io, "line_buffering", get_line_buffering, None);
    add_getset(&t.text_io, "newlines", get_newlines, None);
}
