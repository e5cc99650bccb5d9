//! The escape codecs of `_codecs` (`unicode_escape`, `raw_unicode_escape`,
//! `escape_encode`/`escape_decode` for bytes) and UTF-7.

use super::codecs::{arg_buffer, arg_buffer_or_str, arg_errors, arg_str, pair, tname, Dec};
use crate::args::bind;
use crate::types::types;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// `warnings.warn(msg, DeprecationWarning)`.
fn deprecation(vm: &mut Vm, msg: String) -> PyResult<()> {
    let w = crate::import::import_module(vm, "warnings")?;
    let f = vm.getattr_str(&w, "warn")?;
    vm.call(&f, &[Value::string(msg), types().exc.deprecation_warning.clone(), Value::int(1)])?;
    Ok(())
}

/// The warning for the first invalid escape at `data[at..]` (after the backslash).
fn invalid_escape_warning(vm: &mut Vm, data: &[u8], at: Option<usize>) -> PyResult<()> {
    let Some(at) = at else { return Ok(()) };
    let c = data[at];
    if (b'4'..=b'7').contains(&c) {
        let end = (at + 3).min(data.len());
        let s: String = data[at..end].iter().map(|&b| b as char).collect();
        deprecation(vm, format!("invalid octal escape sequence '\\{s}'"))
    } else {
        deprecation(vm, format!("invalid escape sequence '\\{}'", c as char))
    }
}

fn hexval(b: u8) -> Option<u32> {
    (b as char).to_digit(16)
}

fn final_arg(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.truthy(v),
    }
}

// ---------------------------------------------------------------- unicode_escape

/// What a one-character escape `\c` stands for: `Some(None)` for a
/// backslash-newline (nothing), None when `c` starts no such escape.
fn simple_escape(c: u8) -> Option<Option<u8>> {
    let b = match c {
        b'\n' => return Some(None),
        b'\\' | b'\'' | b'"' => c,
        b'b' => 8,
        b'f' => 12,
        b't' => b'\t',
        b'n' => b'\n',
        b'r' => b'\r',
        b'v' => 11,
        b'a' => 7,
        _ => return None,
    };
    Some(Some(b))
}

/// An octal escape's value: `first` is its first digit, up to two more are
/// read from `*s`. A value above 0o377 records where the escape began in
/// `first_invalid` (if not set yet).
fn octal_escape(data: &[u8], first: u8, s: &mut usize, first_invalid: &mut Option<usize>) -> u32 {
    let mut ch = (first - b'0') as u32;
    let mut k = 1;
    while k < 3 && *s < data.len() && (b'0'..=b'7').contains(&data[*s]) {
        ch = (ch << 3) + (data[*s] - b'0') as u32;
        *s += 1;
        k += 1;
    }
    if ch > 0o377 && first_invalid.is_none() {
        *first_invalid = Some(*s - 3);
    }
    ch
}

fn unicode_escape_decode_impl(vm: &mut Vm, data: &[u8], errors: &str, final_: bool) -> PyResult<(String, usize)> {
    let mut d = Dec::new("unicodeescape", errors, data);
    let n = data.len();
    let mut out = String::with_capacity(n);
    let mut s = 0;
    let mut first_invalid: Option<usize> = None;
    'outer: while s < n {
        let c = data[s];
        s += 1;
        if c != b'\\' {
            out.push(c as char);
            continue;
        }
        let start = s - 1;
        // `Err(msg)` with `incomplete` telling whether more input could fix it.
        let mut message = "\\ at end of string";
        let mut incomplete = false;
        'esc: {
            if s >= n {
                incomplete = true;
                break 'esc;
            }
            let c = data[s];
            s += 1;
            if let Some(r) = simple_escape(c) {
                if let Some(ch) = r {
                    out.push(ch as char);
                }
                continue 'outer;
            }
            match c {
                b'0'..=b'7' => {
                    let ch = octal_escape(data, c, &mut s, &mut first_invalid);
                    out.push(char::from_u32(ch).unwrap_or('\u{FFFD}'));
                    continue 'outer;
                }
                b'x' | b'u' | b'U' => {
                    let (count, msg) = match c {
                        b'x' => (2, "truncated \\xXX escape"),
                        b'u' => (4, "truncated \\uXXXX escape"),
                        _ => (8, "truncated \\UXXXXXXXX escape"),
                    };
                    message = msg;
                    let mut ch: u32 = 0;
                    for _ in 0..count {
                        if s >= n {
                            incomplete = true;
                            break 'esc;
                        }
                        match hexval(data[s]) {
                            Some(v) => ch = (ch << 4) | v,
                            None => break 'esc,
                        }
                        s += 1;
                    }
                    match char::from_u32(ch) {
                        Some(x) => {
                            out.push(x);
                            continue 'outer;
                        }
                        None if ch < 0x110000 => {
                            out.push('\u{FFFD}');
                            continue 'outer;
                        }
                        None => {
                            message = "illegal Unicode character";
                            break 'esc;
                        }
                    }
                }
                b'N' => {
                    message = "malformed \\N character escape";
                    if s >= n {
                        incomplete = true;
                        break 'esc;
                    }
                    if data[s] == b'{' {
                        s += 1;
                        let name_start = s;
                        while s < n && data[s] != b'}' {
                            s += 1;
                        }
                        if s >= n {
                            incomplete = true;
                            break 'esc;
                        }
                        if s > name_start {
                            let name = String::from_utf8_lossy(&data[name_start..s]).into_owned();
                            s += 1;
                            if let Some(ch) = super::unicodedata::lookup_name(&name, false) {
                                out.push(ch);
                                continue 'outer;
                            }
                            message = "unknown Unicode character name";
                        }
                    }
                    break 'esc;
                }
                _ => {
                    if first_invalid.is_none() {
                        first_invalid = Some(s - 1);
                    }
                    out.push('\\');
                    out.push(c as char);
                    continue 'outer;
                }
            }
        }
        if incomplete && !final_ {
            invalid_escape_warning(vm, data, first_invalid)?;
            return Ok((out, start));
        }
        s = d.error(vm, &mut out, start, s, message)?;
    }
    invalid_escape_warning(vm, data, first_invalid)?;
    Ok((out, n))
}

pub fn unicode_escape_decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, errors, final_] = bind("unicode_escape_decode", args, kw, &["data", "errors=", "final=", "/"])?;
    let data = arg_buffer_or_str(&data.unwrap())?;
    let errors = arg_errors("unicode_escape_decode", &errors, 2)?;
    let final_ = final_arg(vm, &final_, true)?;
    let (s, n) = unicode_escape_decode_impl(vm, &data, &errors, final_)?;
    Ok(pair(Value::string(s), n))
}

/// The `unicode_escape` form of `s` (also used by `repr`-like callers).
pub fn unicode_escape(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        match c {
            '\\' => out.extend_from_slice(b"\\\\"),
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            ' '..='~' => out.push(n as u8),
            _ if n < 0x100 => out.extend_from_slice(format!("\\x{n:02x}").as_bytes()),
            _ if n < 0x10000 => out.extend_from_slice(format!("\\u{n:04x}").as_bytes()),
            _ => out.extend_from_slice(format!("\\U{n:08x}").as_bytes()),
        }
    }
    out
}

pub fn unicode_escape_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, errors] = bind("unicode_escape_encode", args, kw, &["str", "errors=", "/"])?;
    let s = s.unwrap();
    let text = arg_str("unicode_escape_encode", &s, 1)?;
    arg_errors("unicode_escape_encode", &errors, 2)?;
    let n = s.as_pystr().map_or(0, |p| p.char_len());
    Ok(pair(Value::bytes(unicode_escape(&text)), n))
}

// ---------------------------------------------------------------- raw_unicode_escape

fn raw_unicode_escape_decode_impl(vm: &mut Vm, data: &[u8], errors: &str, final_: bool) -> PyResult<(String, usize)> {
    let mut d = Dec::new("rawunicodeescape", errors, data);
    let n = data.len();
    let mut out = String::with_capacity(n);
    let mut s = 0;
    while s < n {
        let c = data[s];
        if c != b'\\' {
            out.push(c as char);
            s += 1;
            continue;
        }
        let run_start = s;
        while s < n && data[s] == b'\\' {
            s += 1;
        }
        let run = s - run_start;
        for _ in 0..run - 1 {
            out.push('\\');
        }
        let p = s - 1; // the last backslash of the run
        if run % 2 == 0 {
            out.push('\\');
            continue;
        }
        if s >= n {
            if !final_ {
                return Ok((out, p));
            }
            out.push('\\');
            continue;
        }
        let count = match data[s] {
            b'u' => 4,
            b'U' => 8,
            _ => {
                out.push('\\');
                continue;
            }
        };
        let msg = if count == 4 { "truncated \\uXXXX escape" } else { "truncated \\UXXXXXXXX escape" };
        s += 1;
        let mut ch: u32 = 0;
        let mut bad = false;
        for _ in 0..count {
            if s >= n {
                if !final_ {
                    return Ok((out, p));
                }
                bad = true;
                break;
            }
            match hexval(data[s]) {
                Some(v) => ch = (ch << 4) | v,
                None => {
                    bad = true;
                    break;
                }
            }
            s += 1;
        }
        if bad {
            s = d.error(vm, &mut out, p, s, msg)?;
            continue;
        }
        match char::from_u32(ch) {
            Some(x) => out.push(x),
            None if ch < 0x110000 => out.push('\u{FFFD}'),
            None => s = d.error(vm, &mut out, p, s, "\\Uxxxxxxxx out of range")?,
        }
    }
    Ok((out, n))
}

pub fn raw_unicode_escape_decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, errors, final_] = bind("raw_unicode_escape_decode", args, kw, &["data", "errors=", "final=", "/"])?;
    let data = arg_buffer_or_str(&data.unwrap())?;
    let errors = arg_errors("raw_unicode_escape_decode", &errors, 2)?;
    let final_ = final_arg(vm, &final_, true)?;
    let (s, n) = raw_unicode_escape_decode_impl(vm, &data, &errors, final_)?;
    Ok(pair(Value::string(s), n))
}

pub fn raw_unicode_escape_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, errors] = bind("raw_unicode_escape_encode", args, kw, &["str", "errors=", "/"])?;
    let s = s.unwrap();
    let text = arg_str("raw_unicode_escape_encode", &s, 1)?;
    arg_errors("raw_unicode_escape_encode", &errors, 2)?;
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let n = c as u32;
        if n < 0x100 {
            out.push(n as u8);
        } else if n < 0x10000 {
            out.extend_from_slice(format!("\\u{n:04x}").as_bytes());
        } else {
            out.extend_from_slice(format!("\\U{n:08x}").as_bytes());
        }
    }
    let n = s.as_pystr().map_or(0, |p| p.char_len());
    Ok(pair(Value::bytes(out), n))
}

// ---------------------------------------------------------------- escape_encode / escape_decode (bytes)

pub fn escape_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, errors] = bind("escape_encode", args, kw, &["data", "errors=", "/"])?;
    let data = data.unwrap();
    let Some(b) = data.as_bytes().map(|b| b.to_vec()).filter(|_| crate::types::is_instance(&data, &types().bytes)) else {
        return Err(PyErr::type_error(format!("escape_encode() argument 1 must be bytes, not {}", tname(&data))));
    };
    arg_errors("escape_encode", &errors, 2)?;
    let mut out = Vec::with_capacity(b.len());
    for &c in &b {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7e => out.push(c),
            _ => out.extend_from_slice(format!("\\x{c:02x}").as_bytes()),
        }
    }
    Ok(pair(Value::bytes(out), b.len()))
}

pub fn escape_decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, errors] = bind("escape_decode", args, kw, &["data", "errors=", "/"])?;
    let data = arg_buffer_or_str(&data.unwrap())?;
    let errors = match &errors {
        Some(e) if !e.is_none() => Some(arg_str("escape_decode", e, 2)?),
        _ => None,
    };
    let n = data.len();
    let mut out = Vec::with_capacity(n);
    let mut s = 0;
    let mut first_invalid: Option<usize> = None;
    while s < n {
        let c = data[s];
        s += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        if s >= n {
            return Err(PyErr::value_error("Trailing \\ in string"));
        }
        let c = data[s];
        s += 1;
        if let Some(r) = simple_escape(c) {
            out.extend(r);
            continue;
        }
        match c {
            b'0'..=b'7' => {
                let ch = octal_escape(&data, c, &mut s, &mut first_invalid);
                out.push(ch as u8);
            }
            b'x' => {
                if s + 1 < n {
                    if let (Some(a), Some(b)) = (hexval(data[s]), hexval(data[s + 1])) {
                        out.push((a * 16 + b) as u8);
                        s += 2;
                        continue;
                    }
                }
                match errors.as_deref() {
                    None | Some("strict") => {
                        return Err(PyErr::value_error(format!("invalid \\x escape at position {}", s - 2)));
                    }
                    Some("replace") => out.push(b'?'),
                    Some("ignore") => {}
                    Some(e) => {
                        return Err(PyErr::value_error(format!(
                            "decoding error; unknown error handling code: {e}"
                        )))
                    }
                }
                if s < n && hexval(data[s]).is_some() {
                    s += 1;
                }
            }
            _ => {
                if first_invalid.is_none() {
                    first_invalid = Some(s - 1);
                }
                out.push(b'\\');
                out.push(c);
            }
        }
    }
    invalid_escape_warning(vm, &data, first_invalid)?;
    Ok(pair(Value::bytes(out), n))
}

// ---------------------------------------------------------------- UTF-7

/// 0 set D, 1 set O, 2 whitespace, 3 special (must be base64-encoded).
fn utf7_category(c: u32) -> u8 {
    if c >= 128 {
        return 3;
    }
    let b = c as u8;
    if b.is_ascii_alphanumeric() || b"'(),-./:?".contains(&b) {
        0
    } else if b"!\"#$%&*;<=>@[]^_`{|}".contains(&b) {
        1
    } else if b"\t\n\r ".contains(&b) {
        2
    } else {
        3
    }
}

fn utf7_encode_direct(c: u32) -> bool {
    c > 0 && c < 128 && utf7_category(c) != 3
}

fn is_base64(c: u32) -> bool {
    c < 128 && ((c as u8).is_ascii_alphanumeric() || c == b'+' as u32 || c == b'/' as u32)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn from_base64(c: u8) -> u32 {
    match c {
        b'A'..=b'Z' => (c - b'A') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 26,
        b'0'..=b'9' => (c - b'0') as u32 + 52,
        b'+' => 62,
        _ => 63,
    }
}

pub fn utf_7_encode(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, errors] = bind("utf_7_encode", args, kw, &["str", "errors=", "/"])?;
    let s = s.unwrap();
    let text = arg_str("utf_7_encode", &s, 1)?;
    arg_errors("utf_7_encode", &errors, 2)?;
    let mut out = Vec::with_capacity(text.len());
    let mut in_shift = false;
    let mut bits: u32 = 0;
    let mut buf: u64 = 0;
    let push_units = |units: &[u16], bits: &mut u32, buf: &mut u64, out: &mut Vec<u8>| {
        for &u in units {
            *bits += 16;
            *buf = (*buf << 16) | u as u64;
            while *bits >= 6 {
                out.push(B64[((*buf >> (*bits - 6)) & 0x3f) as usize]);
                *bits -= 6;
            }
            *buf &= (1u64 << *bits) - 1;
        }
    };
    for c in text.chars() {
        let ch = c as u32;
        if in_shift {
            if utf7_encode_direct(ch) {
                if bits > 0 {
                    out.push(B64[((buf << (6 - bits)) & 0x3f) as usize]);
                    buf = 0;
                    bits = 0;
                }
                in_shift = false;
                if is_base64(ch) || ch == b'-' as u32 {
                    out.push(b'-');
                }
                out.push(ch as u8);
                continue;
            }
        } else if ch == b'+' as u32 {
            out.extend_from_slice(b"+-");
            continue;
        } else if utf7_encode_direct(ch) {
            out.push(ch as u8);
            continue;
        } else {
            out.push(b'+');
            in_shift = true;
        }
        let mut units = [0u16; 2];
        let units = c.encode_utf16(&mut units);
        push_units(units, &mut bits, &mut buf, &mut out);
    }
    if bits > 0 {
        out.push(B64[((buf << (6 - bits)) & 0x3f) as usize]);
    }
    if in_shift {
        out.push(b'-');
    }
    let n = s.as_pystr().map_or(0, |p| p.char_len());
    Ok(pair(Value::bytes(out), n))
}

fn utf7_decode_impl(vm: &mut Vm, data: &[u8], errors: &str, final_: bool) -> PyResult<(String, usize)> {
    let mut d = Dec::new("utf7", errors, data);
    let n = data.len();
    let mut out = String::with_capacity(n);
    let mut in_shift = false;
    let mut bits: u32 = 0;
    let mut buf: u64 = 0;
    let mut surrogate: u32 = 0;
    let mut start = 0usize;
    let mut shift_out_start = 0usize;
    let mut s = 0usize;
    loop {
        while s < n {
            let ch = data[s];
            let mut err: Option<&str> = None;
            if in_shift {
                if is_base64(ch as u32) {
                    buf = (buf << 6) | from_base64(ch) as u64;
                    bits += 6;
                    s += 1;
                    if bits >= 16 {
                        let u = ((buf >> (bits - 16)) & 0xffff) as u32;
                        bits -= 16;
                        buf &= (1u64 << bits) - 1;
                        if surrogate != 0 {
                            if (0xDC00..0xE000).contains(&u) {
                                let c = 0x10000 + ((surrogate - 0xD800) << 10) + (u - 0xDC00);
                                out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                                surrogate = 0;
                                continue;
                            }
                            out.push('\u{FFFD}');
                            surrogate = 0;
                        }
                        if (0xD800..0xDC00).contains(&u) {
                            surrogate = u;
                        } else {
                            out.push(char::from_u32(u).unwrap_or('\u{FFFD}'));
                        }
                    }
                } else {
                    in_shift = false;
                    if bits > 6 {
                        s += 1;
                        err = Some("partial character in shift sequence");
                    } else if bits > 0 && buf != 0 {
                        s += 1;
                        err = Some("non-zero padding bits in shift sequence");
                    } else {
                        if surrogate != 0 && ch < 128 && ch != b'+' {
                            out.push('\u{FFFD}');
                            surrogate = 0;
                        }
                        if ch == b'-' {
                            s += 1;
                        }
                    }
                }
            } else if ch == b'+' {
                start = s;
                s += 1;
                if s < n && data[s] == b'-' {
                    s += 1;
                    out.push('+');
                } else if s < n && !is_base64(data[s] as u32) {
                    s += 1;
                    err = Some("ill-formed sequence");
                } else {
                    in_shift = true;
                    surrogate = 0;
                    shift_out_start = out.len();
                    bits = 0;
                    buf = 0;
                }
            } else if ch < 128 {
                out.push(ch as char);
                s += 1;
            } else {
                start = s;
                s += 1;
                err = Some("unexpected special character");
            }
            if let Some(msg) = err {
                s = d.error(vm, &mut out, start, s, msg)?;
            }
        }
        if in_shift && final_ && (surrogate != 0 || bits >= 6 || (bits > 0 && buf != 0)) {
            in_shift = false;
            s = d.error(vm, &mut out, start, n, "unterminated shift sequence")?;
            if s < n {
                continue;
            }
        }
        break;
    }
    if !final_ && in_shift {
        out.truncate(shift_out_start);
        return Ok((out, start));
    }
    Ok((out, s))
}

pub fn utf_7_decode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, errors, final_] = bind("utf_7_decode", args, kw, &["data", "errors=", "final=", "/"])?;
    let data = arg_buffer(&data.unwrap())?;
    let errors = arg_errors("utf_7_decode", &errors, 2)?;
    let final_ = final_arg(vm, &final_, false)?;
    let (s, n) = utf7_decode_impl(vm, &data, &errors, final_)?;
    Ok(pair(Value::string(s), n))
}

