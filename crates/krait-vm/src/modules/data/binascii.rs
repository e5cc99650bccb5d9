//! `binascii`: conversions between binary data and ASCII encodings
//! (hex, base64, uuencode, quoted-printable) and the CRC-32 / CRC-HQX checksums.

use super::{ascii_buffer, need_bytes, truth, u32_mask};
use crate::args::bind;
use crate::modules::native::{new_exception, GilSlot};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::types;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

static ERROR: GilSlot = GilSlot::new();
static INCOMPLETE: GilSlot = GilSlot::new();

fn error_class(vm: &mut Vm) -> Value {
    if let Some(v) = ERROR.get() {
        return v;
    }
    let e = new_exception(vm, "binascii", "Error", &[types().exc.value_error.clone()]);
    ERROR.get_or_init(|| e)
}

fn incomplete_class(vm: &mut Vm) -> Value {
    if let Some(v) = INCOMPLETE.get() {
        return v;
    }
    let e = new_exception(vm, "binascii", "Incomplete", &[]);
    INCOMPLETE.get_or_init(|| e)
}

fn err(vm: &mut Vm, msg: &str) -> PyErr {
    let c = error_class(vm);
    PyErr::new(&c, msg)
}

// ---------------------------------------------------------------- CRCs

static CRC32_TABLE: [u32; 256] = {
    let mut t = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

/// CRC-32 (the zlib/PNG polynomial) of `data`, continuing from `crc`.
pub fn crc32(data: &[u8], crc: u32) -> u32 {
    let mut c = !crc;
    for &b in data {
        c = CRC32_TABLE[((c ^ b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

static HQX_TABLE: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = (i as u16) << 8;
        let mut k = 0;
        while k < 8 {
            c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
            k += 1;
        }
        t[i] = c;
        i += 1;
    }
    t
};

fn crc_hqx(data: &[u8], crc: u32) -> u32 {
    let mut c = crc & 0xffff;
    for &b in data {
        c = ((c << 8) & 0xff00) ^ HQX_TABLE[(((c >> 8) & 0xff) as u8 ^ b) as usize] as u32;
    }
    c
}

fn m_crc32(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, crc] = bind("crc32", args, kw, &["data", "crc=", "/"])?;
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let c = match crc {
        Some(c) => u32_mask(vm, &c)?,
        None => 0,
    };
    Ok(Value::int(crc32(&data, c) as i64))
}

fn m_crc_hqx(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, crc] = bind("crc_hqx", args, kw, &["data", "crc", "/"])?;
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let c = u32_mask(vm, &crc.unwrap_or(Value::NONE))?;
    Ok(Value::int(crc_hqx(&data, c) as i64))
}

// ---------------------------------------------------------------- hex

/// The separator argument of `hexlify`/`bytes.hex`: one ASCII character.
pub(crate) fn hex_sep(v: &Option<Value>) -> PyResult<Option<u8>> {
    let Some(v) = v else { return Ok(None) };
    let bytes: Vec<u8> = if let Some(s) = v.as_str() {
        let cs: Vec<char> = s.chars().collect();
        if cs.len() != 1 {
            return Err(PyErr::value_error("sep must be length 1."));
        }
        if cs[0] as u32 > 255 {
            return Err(PyErr::value_error("sep must be ASCII."));
        }
        vec![cs[0] as u32 as u8]
    } else if let Some(b) = super::bytes_like(v) {
        b
    } else {
        return Err(PyErr::type_error(format!("object of type '{}' has no len()", super::tname(v))));
    };
    if bytes.len() != 1 {
        return Err(PyErr::value_error("sep must be length 1."));
    }
    Ok(Some(bytes[0]))
}

fn hexlify_impl(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, sep, per] = bind(name, args, kw, &["data", "sep=", "bytes_per_sep="])?;
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let sep = hex_sep(&sep)?;
    let per = match per {
        Some(p) => super::c_int(vm, &p)? as i64,
        None => 1,
    };
    let s = crate::types::bytes::hex_with_sep(&data, sep, per);
    Ok(Value::bytes(s.chars().map(|c| c as u32 as u8).collect()))
}

fn m_hexlify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    hexlify_impl(vm, "hexlify", args, kw)
}

fn m_b2a_hex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    hexlify_impl(vm, "b2a_hex", args, kw)
}

fn hexval(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn unhexlify_impl(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [h] = bind(name, args, kw, &["hexstr", "/"])?;
    let h = ascii_buffer(&h.unwrap_or(Value::NONE))?;
    if h.len() % 2 != 0 {
        return Err(err(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(h.len() / 2);
    for pair in h.chunks(2) {
        match (hexval(pair[0]), hexval(pair[1])) {
            (Some(a), Some(b)) => out.push(a << 4 | b),
            _ => return Err(err(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(Value::bytes(out))
}

fn m_unhexlify(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unhexlify_impl(vm, "unhexlify", args, kw)
}

fn m_a2b_hex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unhexlify_impl(vm, "a2b_hex", args, kw)
}

// ---------------------------------------------------------------- base64

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

fn b64val(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    } as u32)
}

/// Base64 encoding of `data` (no newline).
pub fn b64encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity((data.len() + 2) / 3 * 4 + 1);
    for ch in data.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if ch.len() > 1 { B64[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if ch.len() > 2 { B64[n as usize & 63] } else { b'=' });
    }
    out
}

fn m_b2a_base64(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, newline] = bind("b2a_base64", args, kw, &["data", "/", "*", "newline="])?;
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let newline = truth(_vm, &newline, true)?;
    let mut out = b64encode(&data);
    if newline {
        out.push(b'\n');
    }
    Ok(Value::bytes(out))
}

fn m_a2b_base64(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, strict] = bind("a2b_base64", args, kw, &["data", "/", "*", "strict_mode="])?;
    let data = ascii_buffer(&data.unwrap_or(Value::NONE))?;
    let strict = truth(vm, &strict, false)?;
    if strict && data.first() == Some(&b'=') {
        return Err(err(vm, "Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let mut quad = 0;
    let mut left: u32 = 0;
    let mut pads = 0;
    let mut padding_started = false;
    let mut complete = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(err(vm, "Excess data after padding"));
                    }
                    complete = true;
                    break;
                }
            }
            continue;
        }
        let Some(v) = b64val(c) else {
            if strict {
                return Err(err(vm, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(err(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                left = v;
                quad = 1;
            }
            1 => {
                out.push(((left << 2) | (v >> 4)) as u8);
                left = v & 0xf;
                quad = 2;
            }
            2 => {
                out.push(((left << 4) | (v >> 2)) as u8);
                left = v & 3;
                quad = 3;
            }
            _ => {
                out.push(((left << 6) | v) as u8);
                quad = 0;
            }
        }
    }
    if !complete && quad != 0 {
        if quad == 1 {
            let n = out.len() / 3 * 4 + 1;
            return Err(err(
                vm,
                &format!("Invalid base64-encoded string: number of data characters ({n}) cannot be 1 more than a multiple of 4"),
            ));
        }
        return Err(err(vm, "Incorrect padding"));
    }
    Ok(Value::bytes(out))
}

// ---------------------------------------------------------------- uuencode

fn m_b2a_uu(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, backtick] = bind("b2a_uu", args, kw, &["data", "/", "*", "backtick="])?;
    let data = need_bytes(&data.unwrap_or(Value::NONE))?;
    let backtick = truth(vm, &backtick, false)?;
    if data.len() > 45 {
        return Err(err(vm, "At most 45 bytes at once"));
    }
    let enc = |v: u32| -> u8 {
        if backtick && v == 0 {
            b'`'
        } else {
            b' ' + v as u8
        }
    };
    let mut out = vec![enc(data.len() as u32 & 0o77)];
    for ch in data.chunks(3) {
        let b = [ch[0], *ch.get(1).unwrap_or(&0), *ch.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for s in [18, 12, 6, 0] {
            out.push(enc((n >> s) & 63));
        }
    }
    out.push(b'\n');
    Ok(Value::bytes(out))
}

fn m_a2b_uu(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data] = bind("a2b_uu", args, kw, &["data", "/"])?;
    let data = ascii_buffer(&data.unwrap_or(Value::NONE))?;
    // An empty line decodes as 32 zero bytes (the length byte reads as a space... of 0).
    let (len_ch, rest) = match data.split_first() {
        Some((c, r)) => (*c, r),
        None => (b' ', &data[..]),
    };
    let mut bin_len = (len_ch.wrapping_sub(b' ') & 0o77) as usize;
    if data.is_empty() {
        bin_len = 32;
    }
    let mut out = Vec::with_capacity(bin_len);
    let mut left: u32 = 0;
    let mut bits = 0;
    let mut i = 0;
    while out.len() < bin_len {
        let c = rest.get(i).copied();
        let v = match c {
            None | Some(b'\n') | Some(b'\r') => 0,
            Some(c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(err(vm, "Illegal char"));
                }
                (c - b' ') as u32 & 0o77
            }
        };
        i += 1;
        left = (left << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((left >> bits) as u8);
            left &= (1 << bits) - 1;
        }
    }
    for &c in rest.iter().skip(i) {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(err(vm, "Trailing garbage"));
        }
    }
    Ok(Value::bytes(out))
}

// ---------------------------------------------------------------- quoted-printable

fn m_a2b_qp(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, header] = bind("a2b_qp", args, kw, &["data", "header="])?;
    let d = ascii_buffer(&data.unwrap_or(Value::NONE))?;
    let header = truth(vm, &header, false)?;
    let mut out = Vec::with_capacity(d.len());
    let mut i = 0;
    let n = d.len();
    while i < n {
        if d[i] == b'=' {
            i += 1;
            if i >= n {
                break;
            }
            if d[i] == b'\n' || d[i] == b'\r' {
                if d[i] != b'\n' {
                    while i < n && d[i] != b'\n' {
                        i += 1;
                    }
                }
                if i < n {
                    i += 1;
                }
            } else if d[i] == b'=' {
                out.push(b'=');
                i += 1;
            } else if i + 1 < n && hexval(d[i]).is_some() && hexval(d[i + 1]).is_some() {
                out.push(hexval(d[i]).unwrap_or(0) << 4 | hexval(d[i + 1]).unwrap_or(0));
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && d[i] == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(d[i]);
            i += 1;
        }
    }
    Ok(Value::bytes(out))
}

const MAXLINESIZE: usize = 76;

fn push_hex(out: &mut Vec<u8>, c: u8) {
    const H: &[u8; 16] = b"0123456789ABCDEF";
    out.push(H[(c >> 4) as usize]);
    out.push(H[(c & 15) as usize]);
}

fn m_b2a_qp(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [data, quotetabs, istext, header] =
        bind("b2a_qp", args, kw, &["data", "quotetabs=", "istext=", "header="])?;
    let d = need_bytes(&data.unwrap_or(Value::NONE))?;
    let quotetabs = truth(vm, &quotetabs, false)?;
    let istext = truth(vm, &istext, true)?;
    let header = truth(vm, &header, false)?;
    let n = d.len();
    let crlf = match d.iter().position(|&c| c == b'\n') {
        Some(p) => p > 0 && d[p - 1] == b'\r',
        None => false,
    };
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut out = Vec::with_capacity(n * 2);
    let mut linelen = 0usize;
    let mut i = 0;
    while i < n {
        let c = d[i];
        let next = d.get(i + 1).copied();
        let encode = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n') | Some(b'\r') | Some(0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && i + 1 == n)
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if encode {
            if linelen + 3 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            out.push(b'=');
            push_hex(&mut out, c);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    out.push(b'=');
                    push_hex(&mut out, last);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if i + 1 != n && next != Some(b'\n') && linelen + 1 >= MAXLINESIZE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            if header && c == b' ' {
                out.push(b'_');
            } else {
                out.push(c);
            }
            i += 1;
        }
    }
    Ok(Value::bytes(out))
}

pub fn make_module(vm: &mut Vm) -> Value {
    let m = new_module("binascii");
    let e = error_class(vm);
    set_attr(&m, "Error", e);
    let e = incomplete_class(vm);
    set_attr(&m, "Incomplete", e);
    add_function(&m, "crc32", m_crc32);
    add_function(&m, "crc_hqx", m_crc_hqx);
    add_function(&m, "hexlify", m_hexlify);
    add_function(&m, "b2a_hex", m_b2a_hex);
    add_function(&m, "unhexlify", m_unhexlify);
    add_function(&m, "a2b_hex", m_a2b_hex);
    add_function(&m, "b2a_base64", m_b2a_base64);
    add_function(&m, "a2b_base64", m_a2b_base64);
    add_function(&m, "b2a_uu", m_b2a_uu);
    add_function(&m, "a2b_uu", m_a2b_uu);
    add_function(&m, "b2a_qp", m_b2a_qp);
    add_function(&m, "a2b_qp", m_a2b_qp);
    m
}
