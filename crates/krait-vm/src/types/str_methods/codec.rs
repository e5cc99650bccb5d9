//! The builtin codecs used by `str.encode`, `bytes.decode` and `str(b, enc)`:
//! UTF-8 (and `-sig`), ASCII, Latin-1, UTF-16 and UTF-32 (with and without
//! BOM), with the error handlers strict, ignore, replace, backslashreplace,
//! xmlcharrefreplace (encode). Other codecs and error handlers go through
//! the codec registry (`modules/textmods/codecs.rs`).
//!
//! Errors are `UnicodeEncodeError`/`UnicodeDecodeError` instances carrying
//! `encoding`, `object`, `start`, `end` and `reason` like CPython's; their
//! `__str__` (registered here) gives CPython's messages.
//!
//! Strings cannot hold lone surrogates, so `surrogateescape` decoding maps
//! each undecodable byte to U+FFFD instead.

use super::tname;
use crate::object::NativeKind;
use crate::types::{add_method, dict, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    Utf16,
    Utf16Le,
    Utf16Be,
    Utf32,
    Utf32Le,
    Utf32Be,
    Cp1252,
}

/// cp1252 code points of bytes 0x80..=0x9F (0 = undefined).
const CP1252_HIGH: [u32; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
    0x0178,
];

fn cp1252_decode_byte(b: u8) -> Option<char> {
    if (0x80..0xA0).contains(&b) {
        match CP1252_HIGH[(b - 0x80) as usize] {
            0 => None,
            c => char::from_u32(c),
        }
    } else {
        Some(b as char)
    }
}

fn cp1252_encode_char(c: char) -> Option<u8> {
    let n = c as u32;
    if n < 0x80 || (0xA0..0x100).contains(&n) {
        return Some(n as u8);
    }
    CP1252_HIGH.iter().position(|&x| x == n && x != 0).map(|i| 0x80 + i as u8)
}

impl Codec {
    /// The name CPython shows in error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 => "utf-16",
            Codec::Utf16Le => "utf-16-le",
            Codec::Utf16Be => "utf-16-be",
            Codec::Utf32 => "utf-32",
            Codec::Utf32Le => "utf-32-le",
            Codec::Utf32Be => "utf-32-be",
            Codec::Cp1252 => "charmap",
        }
    }
}

/// Find a codec by name (case, `-`, `_` and spaces are not significant).
pub fn lookup_codec(name: &str) -> Option<Codec> {
    let n: String = name
        .trim()
        .chars()
        .map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() })
        .collect();
    Some(match n.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "cp367" | "csascii"
        | "ibm367" | "iso646_us" | "iso_646.irv_1991" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "iso_8859_1_1987" | "8859"
        | "cp819" | "iso_ir_100" | "ibm819" | "csisolatin1" | "iso88591" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16,
        "utf_16_le" | "utf_16le" | "utf16le" | "unicodelittleunmarked" => Codec::Utf16Le,
        "utf_16_be" | "utf_16be" | "utf16be" | "unicodebigunmarked" => Codec::Utf16Be,
        "utf_32" | "utf32" | "u32" => Codec::Utf32,
        "utf_32_le" | "utf_32le" | "utf32le" => Codec::Utf32Le,
        "utf_32_be" | "utf_32be" | "utf32be" => Codec::Utf32Be,
        "cp1252" | "windows_1252" | "1252" => Codec::Cp1252,
        _ => return None,
    })
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::new(&types().exc.lookup_error, format!("unknown error handler name '{errors}'"))
}

fn set_attrs(e: &Value, attrs: &[(&str, Value)]) {
    let Some(o) = e.as_obj() else { return };
    let d = o.dict.borrow().clone();
    let d = match d {
        Some(d) => d,
        None => {
            let d = dict::new_dict();
            *o.dict.borrow_mut() = Some(d.clone());
            d
        }
    };
    for (k, v) in attrs {
        dict::dict_set_str(&d, k, v.clone());
    }
}

fn unicode_exc(ty: &Value, enc: &str, obj: Value, start: usize, end: usize, reason: &str) -> PyErr {
    let args = vec![Value::str(enc), obj.clone(), Value::int(start as i64), Value::int(end as i64), Value::str(reason)];
    let e = PyErr::with_args(ty, args);
    set_attrs(
        &e.exc,
        &[
            ("encoding", Value::str(enc)),
            ("object", obj),
            ("start", Value::int(start as i64)),
            ("end", Value::int(end as i64)),
            ("reason", Value::str(reason)),
        ],
    );
    e
}

/// A `UnicodeEncodeError` for `s[start:end]` (code-point positions).
pub fn encode_error(enc: &str, s: &str, start: usize, end: usize, reason: &str) -> PyErr {
    unicode_exc(&types().exc.unicode_encode_error, enc, Value::str(s), start, end, reason)
}

/// A `UnicodeDecodeError` for `data[start:end]`.
pub fn decode_error(enc: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    unicode_exc(&types().exc.unicode_decode_error, enc, Value::bytes(data.to_vec()), start, end, reason)
}

fn push_backslash(out: &mut Vec<u8>, c: char) {
    let n = c as u32;
    let s = if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    };
    out.extend_from_slice(s.as_bytes());
}

/// Encode with a one-byte charset.
fn encode_charset(s: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let map = |c: char| -> Option<u8> {
        match codec {
            Codec::Ascii => (c.is_ascii()).then_some(c as u32 as u8),
            Codec::Latin1 => ((c as u32) < 256).then_some(c as u32 as u8),
            _ => cp1252_encode_char(c),
        }
    };
    let reason = match codec {
        Codec::Ascii => "ordinal not in range(128)",
        Codec::Latin1 => "ordinal not in range(256)",
        _ => "character maps to <undefined>",
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(b) = map(c) {
            out.push(b);
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end < chars.len() && map(chars[end]).is_none() {
            end += 1;
        }
        match errors {
            "strict" | "surrogateescape" | "surrogatepass" => {
                return Err(encode_error(codec.name(), s, start, end, reason));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', end - start)),
            "backslashreplace" | "namereplace" => {
                for &c in &chars[start..end] {
                    push_backslash(&mut out, c);
                }
            }
            "xmlcharrefreplace" => {
                for &c in &chars[start..end] {
                    out.extend_from_slice(format!("&#{};", c as u32).as_bytes());
                }
            }
            _ => return Err(unknown_handler(errors)),
        }
        i = end;
    }
    Ok(out)
}

/// `s.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    // Codecs and error handlers not handled here go through the codec
    // registry (`_codecs`, the `encodings` package).
    let codec = match lookup_codec(encoding) {
        Some(c) if matches!(errors, "strict" | "ignore" | "replace" | "backslashreplace" | "xmlcharrefreplace" | "surrogatepass") => c,
        _ => return crate::modules::textmods::codecs::text_encode(vm, s, encoding, errors),
    };
    Ok(match codec {
        Codec::Utf8 => s.as_bytes().to_vec(),
        Codec::Utf8Sig => {
            let mut v = vec![0xEF, 0xBB, 0xBF];
            v.extend_from_slice(s.as_bytes());
            v
        }
        Codec::Ascii => {
            if s.is_ascii() {
                s.as_bytes().to_vec()
            } else {
                encode_charset(s, codec, errors)?
            }
        }
        Codec::Latin1 | Codec::Cp1252 => encode_charset(s, codec, errors)?,
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            let be = codec == Codec::Utf16Be;
            let mut v = Vec::with_capacity(s.len() * 2 + 2);
            if codec == Codec::Utf16 {
                v.extend_from_slice(&[0xFF, 0xFE]);
            }
            for u in s.encode_utf16() {
                v.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            v
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            let be = codec == Codec::Utf32Be;
            let mut v = Vec::with_capacity(s.len() * 4 + 4);
            if codec == Codec::Utf32 {
                v.extend_from_slice(&[0xFF, 0xFE, 0, 0]);
            }
            for c in s.chars() {
                let u = c as u32;
                v.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            }
            v
        }
    })
}

/// Apply a decode error handler to `data[start..end]`.
fn decode_handle(out: &mut String, name: &str, data: &[u8], start: usize, end: usize, reason: &str, errors: &str) -> PyResult<()> {
    match errors {
        "strict" | "surrogatepass" => Err(decode_error(name, data, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{FFFD}');
            Ok(())
        }
        "surrogateescape" => {
            for _ in start..end {
                out.push('\u{FFFD}');
            }
            Ok(())
        }
        "backslashreplace" => {
            for &b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        _ => Err(unknown_handler(errors)),
    }
}

fn decode_utf8(data: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    if let Ok(s) = std::str::from_utf8(data) {
        return Ok(s.to_string());
    }
    let name = codec.name();
    let mut out = String::with_capacity(data.len());
    let mut pos = 0;
    while pos < data.len() {
        match std::str::from_utf8(&data[pos..]) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                // SAFETY-free: re-validate the valid prefix.
                out.push_str(std::str::from_utf8(&data[pos..pos + valid]).unwrap_or(""));
                let bad = pos + valid;
                let (len, reason) = match e.error_len() {
                    Some(n) => {
                        let b0 = data[bad];
                        let r = if (0x80..=0xC1).contains(&b0) || b0 >= 0xF5 {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        (n, r)
                    }
                    None => (data.len() - bad, "unexpected end of data"),
                };
                decode_handle(&mut out, name, data, bad, bad + len, reason, errors)?;
                pos = bad + len;
            }
        }
    }
    Ok(out)
}

pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = match lookup_codec(encoding) {
        Some(c) if matches!(errors, "strict" | "ignore" | "replace" | "backslashreplace" | "surrogateescape") => c,
        _ => return crate::modules::textmods::codecs::text_decode(vm, data, encoding, errors),
    };
    match codec {
        Codec::Utf8 => decode_utf8(data, codec, errors),
        Codec::Utf8Sig => {
            let d = data.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(data);
            decode_utf8(d, codec, errors)
        }
        Codec::Ascii => {
            if data.is_ascii() {
                return Ok(data.iter().map(|&b| b as char).collect());
            }
            let name = codec.name();
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    decode_handle(&mut out, name, data, i, i + 1, "ordinal not in range(128)", errors)?;
                }
            }
            Ok(out)
        }
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Cp1252 => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                match cp1252_decode_byte(b) {
                    Some(c) => out.push(c),
                    None => decode_handle(&mut out, "charmap", data, i, i + 1, "character maps to <undefined>", errors)?,
                }
            }
            Ok(out)
        }
        // One UTF-16/32 decoder for the whole VM, `_codecs`' (byte order:
        // 0 = read a BOM, -1 little-endian, 1 big-endian).
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be | Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            let bo = match codec {
                Codec::Utf16 | Codec::Utf32 => 0,
                Codec::Utf16Le | Codec::Utf32Le => -1,
                _ => 1,
            };
            let wide = matches!(codec, Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be);
            let r = if wide {
                crate::modules::textmods::codecs::utf32_decode(vm, data, errors, bo, true)
            } else {
                crate::modules::textmods::codecs::utf16_decode(vm, data, errors, bo, true)
            };
            r.map(|(text, _, _)| text)
        }
    }
}

// ---------------------------------------------------------------------
// UnicodeEncodeError / UnicodeDecodeError
// ---------------------------------------------------------------------

fn attr(vm: &mut Vm, e: &Value, name: &str) -> PyResult<Value> {
    vm.getattr_str(e, name)
}

fn attr_str(vm: &mut Vm, e: &Value, name: &str) -> PyResult<String> {
    let v = vm.getattr_str(e, name)?;
    vm.str_string(&v)
}

fn has_details(e: &Value) -> bool {
    e.as_obj()
        .and_then(|o| o.dict.borrow().clone())
        .map_or(false, |d| dict::dict_get_str(&d, "reason").is_some())
}

fn base_str(vm: &mut Vm, e: &Value) -> PyResult<Value> {
    let be = &types().exc.base_exception;
    match crate::types::lookup(be.as_obj().unwrap(), "__str__") {
        Some(f) => vm.call(&f, &[e.clone()]),
        None => Ok(Value::str("")),
    }
}

fn encode_error_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = &args[0];
    if !has_details(e) {
        return base_str(vm, e);
    }
    let enc = attr_str(vm, e, "encoding")?;
    let obj = attr(vm, e, "object")?;
    let start = attr(vm, e, "start")?.as_i64().unwrap_or(0);
    let end = attr(vm, e, "end")?.as_i64().unwrap_or(0);
    let reason = attr_str(vm, e, "reason")?;
    let s = obj.as_pystr();
    if let Some(s) = s {
        if start >= 0 && end == start + 1 && (start as usize) < s.char_len() {
            let c = s.char_at(start as usize) as u32;
            let shown = if c <= 0xff {
                format!("\\x{c:02x}")
            } else if c <= 0xffff {
                format!("\\u{c:04x}")
            } else {
                format!("\\U{c:08x}")
            };
            return Ok(Value::string(format!(
                "'{enc}' codec can't encode character '{shown}' in position {start}: {reason}"
            )));
        }
    }
    Ok(Value::string(format!(
        "'{enc}' codec can't encode characters in position {start}-{}: {reason}",
        end - 1
    )))
}

fn decode_error_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let e = &args[0];
    if !has_details(e) {
        return base_str(vm, e);
    }
    let enc = attr_str(vm, e, "encoding")?;
    let obj = attr(vm, e, "object")?;
    let start = attr(vm, e, "start")?.as_i64().unwrap_or(0);
    let end = attr(vm, e, "end")?.as_i64().unwrap_or(0);
    let reason = attr_str(vm, e, "reason")?;
    if let Some(b) = crate::types::bytes::buffer_bytes(&obj) {
        if start >= 0 && end == start + 1 && (start as usize) < b.len() {
            return Ok(Value::string(format!(
                "'{enc}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
                b[start as usize]
            )));
        }
    }
    Ok(Value::string(format!(
        "'{enc}' codec can't decode bytes in position {start}-{}: {reason}",
        end - 1
    )))
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)` (and the decode form).
fn unicode_error_init(vm: &mut Vm, args: &[Value], kw: &[Value], decode: bool) -> PyResult<Value> {
    let be = &types().exc.base_exception;
    if let Some(f) = crate::types::lookup(be.as_obj().unwrap(), "__init__") {
        vm.call_kw(&f, args, kw)?;
    }
    let a = &args[1..args.len() - kw.len()];
    let cls = if decode { "UnicodeDecodeError" } else { "UnicodeEncodeError" };
    if a.len() != 5 {
        return Err(PyErr::type_error(format!(
            "function takes exactly 5 arguments ({} given)",
            a.len()
        )));
    }
    let _ = cls;
    if a[0].as_pystr().is_none() {
        return Err(PyErr::type_error(format!("argument 1 must be str, not {}", tname(&a[0]))));
    }
    let obj = if decode {
        match crate::types::bytes::buffer_bytes(&a[1]) {
            Some(b) => Value::bytes(b),
            None => {
                return Err(PyErr::type_error(format!(
                    "argument 2 must be bytes-like object, not '{}'",
                    tname(&a[1])
                )))
            }
        }
    } else {
        if a[1].as_pystr().is_none() {
            return Err(PyErr::type_error(format!("argument 2 must be str, not {}", tname(&a[1]))));
        }
        a[1].clone()
    };
    let start = vm.index_value(&a[2])?;
    let end = vm.index_value(&a[3])?;
    if a[4].as_pystr().is_none() {
        return Err(PyErr::type_error(format!("argument 5 must be str, not {}", tname(&a[4]))));
    }
    set_attrs(
        &args[0],
        &[
            ("encoding", a[0].clone()),
            ("object", obj),
            ("start", Value::int(start)),
            ("end", Value::int(end)),
            ("reason", a[4].clone()),
        ],
    );
    Ok(Value::NONE)
}

fn encode_error_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unicode_error_init(vm, args, kw, false)
}

fn decode_error_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unicode_error_init(vm, args, kw, true)
}

pub fn init(t: &Types) {
    let _ = NativeKind::Method;
    add_method(&t.exc.unicode_encode_error, "__str__", encode_error_str);
    add_method(&t.exc.unicode_encode_error, "__init__", encode_error_init);
    add_method(&t.exc.unicode_decode_error, "__str__", decode_error_str);
    add_method(&t.exc.unicode_decode_error, "__init__", decode_error_init);
}
