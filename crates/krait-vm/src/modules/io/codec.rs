//! Native text codecs for the common encodings (utf-8, utf-8-sig, latin-1,
//! ascii with the strict/replace/ignore/backslashreplace handlers), the
//! newline translation state shared by `StringIO`, `TextIOWrapper` and the
//! `IncrementalNewlineDecoder` class. Anything else goes through the codec
//! registry (`codecs.getincrementaldecoder` ...) from textio.rs.

use super::{state, this, tname, IoClasses};
use crate::object::{new_opaque, NativeData, NativeKind};
use crate::types::{add_getset, add_method, add_native};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::borrow::Cow;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NativeCodec {
    Utf8,
    Utf8Sig,
    Latin1,
    Ascii,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Handler {
    Strict,
    Replace,
    Ignore,
    BackslashReplace,
    XmlCharRefReplace,
    /// Decoding: each undecodable byte becomes U+FFFD (strings cannot hold
    /// lone surrogates; the same choice as bytes.decode).
    SurrogateEscape,
}

/// Normalise an encoding name roughly as `encodings.normalize_encoding` does.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// The native codec for an encoding name, if there is one.
pub fn native_codec(name: &str) -> Option<NativeCodec> {
    let n = normalize(name);
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => NativeCodec::Utf8,
        "utf_8_sig" | "utf8_sig" => NativeCodec::Utf8Sig,
        "latin_1" | "latin1" | "iso8859_1" | "iso_8859_1" | "8859" | "cp819" | "l1" | "latin" | "iso_ir_100" | "csisolatin1"
        | "iso_8859_1_1987" | "ibm819" => NativeCodec::Latin1,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367" | "csascii"
        | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" => NativeCodec::Ascii,
        _ => return None,
    })
}

pub fn decode_handler(errors: &str) -> Option<Handler> {
    Some(match errors {
        "strict" => Handler::Strict,
        "replace" => Handler::Replace,
        "ignore" => Handler::Ignore,
        "backslashreplace" => Handler::BackslashReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::Strict,
        _ => return None,
    })
}

pub fn encode_handler(errors: &str) -> Option<Handler> {
    Some(match errors {
        "strict" => Handler::Strict,
        "replace" => Handler::Replace,
        "ignore" => Handler::Ignore,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        // No lone surrogates exist to be encoded back.
        "surrogateescape" | "surrogatepass" => Handler::Strict,
        _ => return None,
    })
}

pub fn codec_name(c: NativeCodec) -> &'static str {
    match c {
        NativeCodec::Utf8 => "utf-8",
        NativeCodec::Utf8Sig => "utf-8-sig",
        NativeCodec::Latin1 => "latin-1",
        NativeCodec::Ascii => "ascii",
    }
}

fn decode_error(codec: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    crate::types::str_methods::codec::decode_error(codec, data, start, end, reason)
}

fn push_escapes(out: &mut String, bytes: &[u8]) {
    for b in bytes {
        out.push_str(&format!("\\x{b:02x}"));
    }
}

/// Decode UTF-8 `data`; with `final_` false an incomplete sequence at the
/// end is left unconsumed. Returns the text and the number of bytes used.
pub fn utf8_decode(data: &[u8], h: Handler, final_: bool, codec: &str) -> PyResult<(String, usize)> {
    if let Ok(s) = std::str::from_utf8(data) {
        return Ok((s.to_string(), data.len()));
    }
    let mut out = String::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        match std::str::from_utf8(&data[i..]) {
            Ok(s) => {
                out.push_str(s);
                i = data.len();
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&data[i..i + good]).unwrap_or(""));
                i += good;
                match e.error_len() {
                    None => {
                        // Incomplete sequence at the end.
                        if !final_ {
                            return Ok((out, i));
                        }
                        match h {
                            Handler::Strict => return Err(decode_error(codec, data, i, data.len(), "unexpected end of data")),
                            Handler::Replace => out.push('\u{FFFD}'),
                            Handler::SurrogateEscape => out.extend(std::iter::repeat('\u{FFFD}').take(data.len() - i)),
                            Handler::Ignore => {}
                            _ => push_escapes(&mut out, &data[i..]),
                        }
                        i = data.len();
                    }
                    Some(n) => {
                        match h {
                            Handler::Strict => {
                                let lead = data[i];
                                let reason = if (0xC2..=0xF4).contains(&lead) { "invalid continuation byte" } else { "invalid start byte" };
                                return Err(decode_error(codec, data, i, i + n, reason));
                            }
                            Handler::Replace => out.push('\u{FFFD}'),
                            Handler::SurrogateEscape => out.extend(std::iter::repeat('\u{FFFD}').take(n)),
                            Handler::Ignore => {}
                            _ => push_escapes(&mut out, &data[i..i + n]),
                        }
                        i += n;
                    }
                }
            }
        }
    }
    Ok((out, i))
}

pub fn latin1_decode(data: &[u8]) -> String {
    if data.is_ascii() {
        return String::from_utf8_lossy(data).into_owned();
    }
    data.iter().map(|&c| c as char).collect()
}

pub fn ascii_decode(data: &[u8], h: Handler) -> PyResult<String> {
    if data.is_ascii() {
        return Ok(String::from_utf8_lossy(data).into_owned());
    }
    let mut out = String::with_capacity(data.len());
    for (i, &c) in data.iter().enumerate() {
        if c < 0x80 {
            out.push(c as char);
            continue;
        }
        match h {
            Handler::Strict => return Err(decode_error("ascii", data, i, i + 1, "ordinal not in range(128)")),
            Handler::Replace | Handler::SurrogateEscape => out.push('\u{FFFD}'),
            Handler::Ignore => {}
            _ => push_escapes(&mut out, &[c]),
        }
    }
    Ok(out)
}

/// Encode with a native codec (the BOM of utf-8-sig is the caller's).
pub fn encode(codec: NativeCodec, h: Handler, s: &str) -> PyResult<Cow<'_, [u8]>> {
    let limit: u32 = match codec {
        NativeCodec::Utf8 | NativeCodec::Utf8Sig => return Ok(Cow::Borrowed(s.as_bytes())),
        NativeCodec::Latin1 => 0x100,
        NativeCodec::Ascii => 0x80,
    };
    if s.is_ascii() {
        return Ok(Cow::Borrowed(s.as_bytes()));
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let n = chars[i] as u32;
        if n < limit {
            out.push(n as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match h {
            Handler::Strict | Handler::SurrogateEscape => {
                return Err(crate::types::str_methods::codec::encode_error(
                    codec_name(codec),
                    s,
                    i,
                    j,
                    &format!("ordinal not in range({limit})"),
                ))
            }
            Handler::Replace => out.extend(std::iter::repeat(b'?').take(j - i)),
            Handler::Ignore => {}
            Handler::BackslashReplace => {
                for c in &chars[i..j] {
                    let n = *c as u32;
                    let esc = if n < 0x100 {
                        format!("\\x{n:02x}")
                    } else if n < 0x10000 {
                        format!("\\u{n:04x}")
                    } else {
                        format!("\\U{n:08x}")
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
            }
            Handler::XmlCharRefReplace => {
                for c in &chars[i..j] {
                    out.extend_from_slice(format!("&#{};", *c as u32).as_bytes());
                }
            }
        }
        i = j;
    }
    Ok(Cow::Owned(out))
}

/// An incremental decoder for a native codec.
#[derive(Clone)]
pub struct NativeDecoder {
    pub codec: NativeCodec,
    pub handler: Handler,
    pending: Vec<u8>,
    /// utf-8-sig: the BOM has not been looked for yet.
    first: bool,
}

impl NativeDecoder {
    pub fn new(codec: NativeCodec, handler: Handler) -> NativeDecoder {
        NativeDecoder { codec, handler, pending: Vec::new(), first: true }
    }

    pub fn decode(&mut self, input: &[u8], final_: bool) -> PyResult<String> {
        match self.codec {
            NativeCodec::Latin1 => Ok(latin1_decode(input)),
            NativeCodec::Ascii => ascii_decode(input, self.handler),
            NativeCodec::Utf8 | NativeCodec::Utf8Sig => {
                let mut data: Cow<[u8]> = if self.pending.is_empty() {
                    Cow::Borrowed(input)
                } else {
                    let mut d = std::mem::take(&mut self.pending);
                    d.extend_from_slice(input);
                    Cow::Owned(d)
                };
                if self.codec == NativeCodec::Utf8Sig && self.first {
                    const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
                    if data.len() < 3 && BOM.starts_with(&data) && !final_ {
                        self.pending = data.into_owned();
                        return Ok(String::new());
                    }
                    self.first = false;
                    if data.starts_with(BOM) {
                        data = Cow::Owned(data[3..].to_vec());
                    }
                }
                let name = codec_name(self.codec);
                let (s, used) = utf8_decode(&data, self.handler, final_, if name == "utf-8-sig" { "utf-8" } else { name })?;
                if used < data.len() {
                    self.pending = data[used..].to_vec();
                }
                Ok(s)
            }
        }
    }

    pub fn getstate(&self) -> (Vec<u8>, i64) {
        let flag = if self.codec == NativeCodec::Utf8Sig { self.first as i64 } else { 0 };
        (self.pending.clone(), flag)
    }

    pub fn setstate(&mut self, buf: &[u8], flags: i64) {
        self.pending = buf.to_vec();
        if self.codec == NativeCodec::Utf8Sig {
            self.first = flags != 0;
        }
    }

    pub fn reset(&mut self) {
        self.pending.clear();
        self.first = true;
    }
}

// ---------------------------------------------------------------- newlines

pub const SEEN_LF: u8 = 1;
pub const SEEN_CR: u8 = 2;
pub const SEEN_CRLF: u8 = 4;

/// Universal-newline decoding state (`IncrementalNewlineDecoder` without
/// the wrapped decoder).
#[derive(Clone, Default)]
pub struct NlState {
    pub translate: bool,
    pub pendingcr: bool,
    pub seennl: u8,
}

impl NlState {
    pub fn new(translate: bool) -> NlState {
        NlState { translate, pendingcr: false, seennl: 0 }
    }

    pub fn decode_cow<'a>(&mut self, input: &'a str, final_: bool) -> Cow<'a, str> {
        let mut s: Cow<'a, str> = Cow::Borrowed(input);
        if self.pendingcr && (!input.is_empty() || final_) {
            let mut o = String::with_capacity(input.len() + 1);
            o.push('\r');
            o.push_str(input);
            s = Cow::Owned(o);
            self.pendingcr = false;
        }
        if !final_ && s.ends_with('\r') {
            let mut o = s.into_owned();
            o.pop();
            s = Cow::Owned(o);
            self.pendingcr = true;
        }
        let b = s.as_bytes();
        if !b.contains(&b'\r') {
            if b.contains(&b'\n') {
                self.seennl |= SEEN_LF;
            }
            return s;
        }
        let (mut cr, mut lf, mut crlf) = (false, false, false);
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'\r' if b.get(i + 1) == Some(&b'\n') => {
                    crlf = true;
                    i += 1;
                }
                b'\r' => cr = true,
                b'\n' => lf = true,
                _ => {}
            }
            i += 1;
        }
        if lf {
            self.seennl |= SEEN_LF;
        }
        if cr {
            self.seennl |= SEEN_CR;
        }
        if crlf {
            self.seennl |= SEEN_CRLF;
        }
        if self.translate {
            let mut o = if crlf { s.replace("\r\n", "\n") } else { s.into_owned() };
            if cr {
                o = o.replace('\r', "\n");
            }
            return Cow::Owned(o);
        }
        s
    }

    pub fn decode(&mut self, input: &str, final_: bool) -> String {
        self.decode_cow(input, final_).into_owned()
    }

    pub fn newlines(&self) -> Value {
        let s = |x: &str| Value::str(x);
        match self.seennl {
            0 => Value::NONE,
            1 => s("\n"),
            2 => s("\r"),
            3 => Value::tuple(vec![s("\r"), s("\n")]),
            4 => s("\r\n"),
            5 => Value::tuple(vec![s("\n"), s("\r\n")]),
            6 => Value::tuple(vec![s("\r"), s("\r\n")]),
            _ => Value::tuple(vec![s("\r"), s("\n"), s("\r\n")]),
        }
    }

    pub fn reset(&mut self) {
        self.seennl = 0;
        self.pendingcr = false;
    }
}

// ---------------------------------------------------------------- IncrementalNewlineDecoder

pub struct NlDecoderObj {
    decoder: Value,
    nl: NlState,
    errors: Value,
    ok: bool,
}

impl NativeData for NlDecoderObj {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.decoder);
        f(&self.errors);
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.decoder, Value::NONE));
    }
}

fn nst<'a>(v: &'a Value) -> PyResult<std::cell::RefMut<'a, NlDecoderObj>> {
    let s = state::<NlDecoderObj>(v, "IncrementalNewlineDecoder")?;
    if !s.ok {
        return Err(PyErr::value_error("IncrementalNewlineDecoder.__init__() not called"));
    }
    Ok(s)
}

fn nl_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = this(args, "IncrementalNewlineDecoder.__new__")?;
    Ok(new_opaque(cls, NlDecoderObj { decoder: Value::NONE, nl: NlState::new(false), errors: Value::str("strict"), ok: false }))
}

fn nl_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, decoder, translate, errors] =
        crate::args::bind("IncrementalNewlineDecoder", args, kw, &["self", "decoder", "translate", "errors="])?;
    let s = s.unwrap_or(Value::NONE);
    let translate = vm.truthy(&translate.unwrap_or(Value::FALSE))?;
    let mut st = state::<NlDecoderObj>(&s, "IncrementalNewlineDecoder")?;
    st.decoder = decoder.unwrap_or(Value::NONE);
    st.nl = NlState::new(translate);
    st.errors = errors.unwrap_or_else(|| Value::str("strict"));
    st.ok = true;
    Ok(Value::NONE)
}

/// Decode through a Python-level decoder object then translate newlines.
fn nl_decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, input, final_] = crate::args::bind("decode", args, kw, &["self", "input", "final="])?;
    let s = s.unwrap_or(Value::NONE);
    let input = input.unwrap_or(Value::NONE);
    let final_ = match final_ {
        Some(f) => vm.truthy(&f)?,
        None => false,
    };
    let decoder = nst(&s)?.decoder.clone();
    let output = if decoder.is_none() {
        input
    } else {
        let dec = vm.getattr_str(&decoder, "decode")?;
        vm.call_kw(&dec, &[input, Value::bool(final_)], &[Value::str("final")])?
    };
    let Some(text) = output.as_str() else {
        return Err(PyErr::type_error(format!("decoder should return a string result, not '{}'", tname(&output))));
    };
    let r = nst(&s)?.nl.decode(text, final_);
    Ok(Value::string(r))
}

fn nl_getstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "getstate")?;
    let (decoder, pendingcr) = {
        let st = nst(s)?;
        (st.decoder.clone(), st.nl.pendingcr)
    };
    let (buf, flag) = if decoder.is_none() {
        (Value::bytes(Vec::new()), 0i64)
    } else {
        let state = vm.call_method(&decoder, "getstate", &[])?;
        match state.as_tuple() {
            Some(t) if t.len() == 2 => (t[0].clone(), vm.index_value(&t[1])?),
            _ => return Err(PyErr::type_error("illegal decoder state")),
        }
    };
    let flag = (flag << 1) | pendingcr as i64;
    Ok(Value::tuple(vec![buf, Value::int(flag)]))
}

fn nl_setstate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("setstate", args, kw, 2, 2)?;
    let s = &args[0];
    let (buf, flag) = match args[1].as_tuple() {
        Some(t) if t.len() == 2 => (t[0].clone(), vm.index_value(&t[1])?),
        _ => return Err(PyErr::type_error("state argument must be a tuple")),
    };
    let decoder = {
        let mut st = nst(s)?;
        st.nl.pendingcr = flag & 1 != 0;
        st.decoder.clone()
    };
    if !decoder.is_none() {
        vm.call_method(&decoder, "setstate", &[Value::tuple(vec![buf, Value::int(flag >> 1)])])?;
    }
    Ok(Value::NONE)
}

fn nl_reset(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = this(args, "reset")?;
    let decoder = {
        let mut st = nst(s)?;
        st.nl.reset();
        st.decoder.clone()
    };
    if !decoder.is_none() {
        vm.call_method(&decoder, "reset", &[])?;
    }
    Ok(Value::NONE)
}

fn nl_newlines(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(nst(this(args, "newlines")?)?.nl.newlines())
}

pub fn init(c: &IoClasses) {
    let t = &c.nl_decoder;
    add_native(t, "__new__", nl_new, NativeKind::StaticMethod);
    add_method(t, "__init__", nl_init);
    add_method(t, "decode", nl_decode);
    add_method(t, "getstate", nl_getstate);
    add_method(t, "setstate", nl_setstate);
    add_method(t, "reset", nl_reset);
    add_getset(t, "newlines", nl_newlines, None);
}
