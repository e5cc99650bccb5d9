//! Number parsing and radix conversion: `int(str, base)`, `float(str)`,
//! `hex()`/`oct()`/`bin()`, `float.hex()` and `float.fromhex()`
//! (CPython 3.11).
//!
//! Compatibility notes:
//! * Errors carry CPython's complete message, built with `repr()` of the
//!   original string: `invalid literal for int() with base 10: 'abc'` (the
//!   repr is truncated to 200 chars as CPython's `%.200R` does) and
//!   `could not convert string to float: 'x'` (not truncated).
//! * Leading/trailing whitespace is stripped (C `isspace` plus non-ASCII
//!   Python whitespace; `'\x1c'`-`'\x1f'` are not skipped); any Unicode decimal
//!   digit (category Nd, e.g. `'٣'`, `'３'`) counts as its ASCII digit;
//!   a single `_` is allowed between digits (and after a base prefix for
//!   ints); no whitespace between sign and digits.
//! * `int()` with base 0 detects `0x`/`0o`/`0b` and rejects non-zero
//!   decimal literals with a leading zero (`'010'`); `'00'`, `'0_0'` pass.
//! * The 3.11 integer string conversion length limit (default 4300 digits,
//!   `sys.set_int_max_str_digits`) applies to non-power-of-two bases; it
//!   is checked before trailing garbage, as in CPython. The limit is a
//!   process-wide setting ([`set_int_max_str_digits`]); [`parse_int_limited`]
//!   takes it explicitly (0 = unlimited). [`int_to_decimal`] applies the
//!   same limit to int -> decimal string conversion (`str`, `repr`,
//!   `format(v, 'd')`, `'%d'`); `format_spec` and `printf` use it.
//! * `float()` accepts `inf`, `infinity`, `nan` in any case with a sign;
//!   out-of-range values give `inf`/`0.0`; no hex.
//! * `float.fromhex` rounds half-to-even (subnormals included) and raises
//!   OverflowError "hexadecimal value too large to represent as a float".

use super::strmethods::{decimal_value, is_py_space, str_repr};
use super::TextError;
use num_bigint::{BigInt, BigUint, Sign};
use std::sync::atomic::{AtomicUsize, Ordering};

/// CPython 3.11's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// The process-wide `sys.get_int_max_str_digits()` value (0 = unlimited).
static INT_MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(DEFAULT_MAX_STR_DIGITS);

/// `sys.get_int_max_str_digits()`.
pub fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS.load(Ordering::Relaxed)
}

/// `sys.set_int_max_str_digits(n)`: 0 or at least 640.
pub fn set_int_max_str_digits(n: i64) -> Result<(), TextError> {
    if n != 0 && !(640..=isize::MAX as i64).contains(&n) {
        return Err(TextError::Value("maxdigits must be 0 or larger than 640".into()));
    }
    INT_MAX_STR_DIGITS.store(n as usize, Ordering::Relaxed);
    Ok(())
}

/// Decimal `str(v)` honouring the global digit limit (also what
/// `repr`, `format(v, 'd')` and `'%d' % v` must use).
pub fn int_to_decimal(v: &BigInt) -> Result<String, TextError> {
    int_to_decimal_limited(v, int_max_str_digits())
}

/// Decimal `str(v)` with an explicit digit limit (0 = unlimited). The
/// error is CPython's "Exceeds the limit (4300 digits) for integer string
/// conversion; use sys.set_int_max_str_digits() to increase the limit".
pub fn int_to_decimal_limited(v: &BigInt, max_digits: usize) -> Result<String, TextError> {
    let err = || {
        TextError::Value(format!(
            "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            max_digits
        ))
    };
    if max_digits > 0 {
        // Lower bound on the digit count from the bit length, to reject
        // huge values without the quadratic conversion.
        let bits = v.bits();
        if bits > 0 && ((bits - 1) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1 > max_digits as u64 {
            return Err(err());
        }
    }
    let s = v.to_string();
    let ndigits = s.len() - (v.sign() == Sign::Minus) as usize;
    if max_digits > 0 && ndigits > max_digits {
        return Err(err());
    }
    Ok(s)
}

/// C `isspace`: the only whitespace the parsers skip after mapping.
fn is_c_space(c: char) -> bool {
    matches!(c, ' ' | '\t'..='\r')
}

/// Maps a char to its ASCII equivalent for number parsing: non-ASCII
/// whitespace to `' '`, Unicode decimal digits to `'0'..='9'`; any other
/// non-ASCII char becomes `'\u{FFFD}'` (never valid). ASCII is kept, so
/// `'\x1c'` (a Python space) is not skipped, as in CPython.
fn to_ascii_equiv(c: char) -> char {
    if c.is_ascii() {
        c
    } else if is_py_space(c) {
        ' '
    } else if let Some(d) = decimal_value(c) {
        (b'0' + d as u8) as char
    } else {
        '\u{FFFD}'
    }
}

fn int_error(s: &str, base: u32) -> TextError {
    let r = str_repr(s);
    let r: String = r.chars().take(200).collect();
    TextError::Value(format!("invalid literal for int() with base {}: {}", base, r))
}

fn digit_of(c: char) -> Option<u32> {
    c.to_digit(36)
}

/// `int(s, base)` with the global digit limit ([`int_max_str_digits`]).
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, TextError> {
    parse_int_limited(s, base, int_max_str_digits())
}

/// `int(s, base)`; `max_digits == 0` disables the length limit. `base`
/// is validated here: 1 and values > 36 give CPython's "int() base must
/// be >= 2 and <= 36, or 0" (callers map negative or huge Python ints to
/// e.g. `u32::MAX`). For `bytes`/`bytearray` input use
/// [`parse_int_digits`] on the ASCII text (any byte >= 0x80 makes the
/// literal invalid in CPython) and build the message with the bytes repr.
pub fn parse_int_limited(s: &str, base: u32, max_digits: usize) -> Result<BigInt, TextError> {
    if base == 1 || base > 36 {
        return Err(TextError::Value("int() base must be >= 2 and <= 36, or 0".into()));
    }
    match parse_int_digits(s, base, max_digits) {
        Ok(v) => Ok(v),
        Err(None) => Err(int_error(s, base)),
        Err(Some(e)) => Err(e),
    }
}

/// Core of [`parse_int_limited`] without the base check: `Err(None)`
/// means "invalid literal" (the caller builds the message with the repr of
/// its object, e.g. for bytes), `Err(Some(e))` is a complete error (the
/// digit limit).
pub fn parse_int_digits(s: &str, base: u32, max_digits: usize) -> Result<BigInt, Option<TextError>> {
    let chars: Vec<char> = s.chars().map(to_ascii_equiv).collect();
    let mut i = 0;
    let n = chars.len();
    while i < n && is_c_space(chars[i]) {
        i += 1;
    }
    let mut negative = false;
    if i < n && (chars[i] == '+' || chars[i] == '-') {
        negative = chars[i] == '-';
        i += 1;
    }
    let mut base = base;
    let mut after_prefix = false;
    let mut base0_decimal = false;
    if i + 1 < n && chars[i] == '0' {
        let p = chars[i + 1].to_ascii_lowercase();
        let pb = match p {
            'x' => 16,
            'o' => 8,
            'b' => 2,
            _ => 0,
        };
        if pb != 0 && (base == 0 || base == pb) {
            base = pb;
            i += 2;
            after_prefix = true;
        }
    }
    if base == 0 {
        base = 10;
        base0_decimal = true;
    }
    // Scan digits with single underscores between them (one may also
    // directly follow a base prefix).
    let mut digits = String::new();
    let mut allow_underscore = after_prefix;
    let mut last_underscore = false;
    while i < n {
        let c = chars[i];
        if c == '_' {
            if !allow_underscore {
                return Err(None);
            }
            allow_underscore = false;
            last_underscore = true;
        } else if digit_of(c).is_some_and(|d| d < base) {
            digits.push(c);
            allow_underscore = true;
            last_underscore = false;
        } else {
            break;
        }
        i += 1;
    }
    if digits.is_empty() || last_underscore {
        return Err(None);
    }
    if max_digits > 0 && !base.is_power_of_two() && digits.len() > max_digits {
        return Err(Some(TextError::Value(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            max_digits,
            digits.len()
        ))));
    }
    while i < n && is_c_space(chars[i]) {
        i += 1;
    }
    if i < n {
        return Err(None);
    }
    if base0_decimal && digits.starts_with('0') && digits.bytes().any(|b| b != b'0') {
        return Err(None);
    }
    let mag = BigUint::parse_bytes(digits.as_bytes(), base).ok_or(None)?;
    Ok(BigInt::from_biguint(if negative { Sign::Minus } else { Sign::Plus }, mag))
}

/// `float(s)` for a str.
pub fn parse_float(s: &str) -> Result<f64, TextError> {
    parse_float_ascii(s).ok_or_else(|| {
        TextError::Value(format!("could not convert string to float: {}", str_repr(s)))
    })
}

/// Core of [`parse_float`]: `None` means invalid (for bytes the caller
/// builds the message with the bytes repr).
pub fn parse_float_ascii(s: &str) -> Option<f64> {
    let mapped: String = s.chars().map(to_ascii_equiv).collect();
    let t = mapped.trim_matches(is_c_space);
    // Remove underscores, each of which must sit between two digits.
    let b = t.as_bytes();
    let mut clean = String::with_capacity(t.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let ok = i > 0 && b[i - 1].is_ascii_digit() && i + 1 < b.len() && b[i + 1].is_ascii_digit();
            if !ok {
                return None;
            }
        } else {
            clean.push(c as char);
        }
    }
    let (neg, body) = match clean.as_bytes().first() {
        Some(b'-') => (true, &clean[1..]),
        Some(b'+') => (false, &clean[1..]),
        _ => (false, &clean[..]),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if !valid_decimal(body.as_bytes()) {
                return None;
            }
            body.parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

/// digits [. digits] | . digits, then optional e[sign]digits.
fn valid_decimal(b: &[u8]) -> bool {
    let mut i = 0;
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut ndigits = i - int_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let f = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        ndigits += i - f;
    }
    if ndigits == 0 {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let e = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == e {
            return false;
        }
    }
    i == b.len()
}

/// `hex()`/`oct()`/`bin()`-style conversion: `radix` in 2..=36, lowercase
/// digits; with `prefix` radix 2/8/16 get `0b`/`0o`/`0x` after the sign
/// (`-0x1f`).
pub fn int_to_str_radix(v: &BigInt, radix: u32, prefix: bool) -> String {
    let digits = v.magnitude().to_str_radix(radix);
    let p = match (prefix, radix) {
        (true, 2) => "0b",
        (true, 8) => "0o",
        (true, 16) => "0x",
        _ => "",
    };
    let sign = if v.sign() == Sign::Minus { "-" } else { "" };
    format!("{}{}{}", sign, p, digits)
}

/// `float.hex(x)`: `'0x1.8000000000000p+0'`, `'-0x0.0p+0'`, `'inf'`.
pub fn float_to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x < 0.0 { "-inf".into() } else { "inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{}0x0.0p+0", sign);
    }
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if exp_bits == 0 { (0, -1022) } else { (1, exp_bits - 1023) };
    format!("{}0x{}.{:013x}p{}{}", sign, lead, mant, if exp < 0 { "-" } else { "+" }, exp.abs())
}

/// `float.fromhex(s)`.
pub fn float_fromhex(s: &str) -> Result<f64, TextError> {
    let invalid = || TextError::Value("invalid hexadecimal floating-point string".into());
    let t = s.trim_matches(is_c_space);
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let apply = |v: f64| if neg { -v } else { v };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(apply(f64::INFINITY)),
        "nan" => return Ok(apply(f64::NAN)),
        _ => {}
    }
    let b = lower.as_bytes();
    let mut i = if b.starts_with(b"0x") { 2 } else { 0 };
    // Accumulate up to 60 significant bits; the rest only sets `sticky`.
    let mut acc: u64 = 0;
    let mut e2: i64 = 0;
    let mut sticky = false;
    let mut ndigits = 0;
    let mut seen_point = false;
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            ndigits += 1;
            if acc >> 56 == 0 {
                acc = acc * 16 + d as u64;
                if seen_point {
                    e2 -= 4;
                }
            } else {
                sticky |= d != 0;
                if !seen_point {
                    e2 += 4;
                }
            }
        } else {
            break;
        }
        i += 1;
    }
    if ndigits == 0 {
        return Err(invalid());
    }
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            eneg = b[i] == b'-';
            i += 1;
        }
        let start = i;
        let mut ev: i64 = 0;
        while i < b.len() && b[i].is_ascii_digit() {
            ev = (ev * 10 + (b[i] - b'0') as i64).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(invalid());
        }
        e2 += if eneg { -ev } else { ev };
    }
    // CPython reports overflow before trailing garbage.
    let v = hex_value(acc, e2, sticky)?;
    if i != b.len() {
        return Err(invalid());
    }
    Ok(apply(v))
}

/// Correctly rounded `(acc + sticky) * 2^e2` (`sticky`: nonzero bits below
/// `acc`'s last bit).
fn hex_value(acc: u64, e2: i64, sticky: bool) -> Result<f64, TextError> {
    if acc == 0 {
        return Ok(0.0);
    }
    // value = (acc + sticky) * 2^e2; top bit exponent:
    let len = 64 - acc.leading_zeros() as i64;
    let top = len - 1 + e2;
    let overflow = || TextError::Overflow("hexadecimal value too large to represent as a float".into());
    if top > 1023 {
        return Err(overflow());
    }
    // Bits of precision available at this magnitude.
    let prec = if top >= -1022 { 53 } else { top + 1075 };
    if prec <= 0 {
        // Below half the smallest subnormal, or exactly half / just above.
        let half = prec == 0 && (acc.count_ones() > 1 || sticky);
        return Ok(if half { f64::from_bits(1) } else { 0.0 });
    }
    let shift = len - prec;
    let (mut m, mut exp) = (acc, e2);
    if shift > 0 {
        let dropped = acc & ((1u64 << shift) - 1);
        let halfway = 1u64 << (shift - 1);
        m = acc >> shift;
        exp += shift;
        let round_up = dropped > halfway || dropped == halfway && (sticky || m & 1 == 1);
        if round_up {
            m += 1;
        }
    }
    let v = (m as f64) * pow2(exp);
    if v.is_infinite() {
        return Err(overflow());
    }
    Ok(v)
}

/// 2^e as an f64 product that stays exact for results in range.
fn pow2(e: i64) -> f64 {
    fn p(e: i64) -> f64 {
        f64::from_bits(((e + 1023) as u64) << 52)
    }
    if e > 1023 {
        p(1023) * p(e - 1023)
    } else if e < -1022 {
        // Split so that the first factor keeps the intermediate normal.
        p(-1000) * p((e + 1000).max(-1022))
    } else {
        p(e)
    }
}

#[cfg(test)]
#[allow(clippy::approx_constant, clippy::excessive_precision)]
mod tests {
    use super::*;

    fn pi(s: &str, base: u32) -> String {
        match parse_int(s, base) {
            Ok(v) => v.to_string(),
            Err(e) => format!("!{}", e.message()),
        }
    }

    #[test]
    fn ints() {
        // Expected values from CPython 3.11.
        let cases: &[(&str, u32, &str)] = &[
            ("abc", 10, "!invalid literal for int() with base 10: 'abc'"),
            (" 12 ", 10, "12"),
            ("0x1f", 16, "31"),
            ("0x1f", 0, "31"),
            ("0x_1f", 0, "31"),
            ("0_x1f", 0, "!invalid literal for int() with base 0: '0_x1f'"),
            ("010", 0, "!invalid literal for int() with base 0: '010'"),
            ("00", 0, "0"),
            ("0_0", 0, "0"),
            ("1__0", 10, "!invalid literal for int() with base 10: '1__0'"),
            ("_1", 10, "!invalid literal for int() with base 10: '_1'"),
            ("1_", 10, "!invalid literal for int() with base 10: '1_'"),
            ("- 5", 10, "!invalid literal for int() with base 10: '- 5'"),
            ("-5", 10, "-5"),
            ("+_5", 10, "!invalid literal for int() with base 10: '+_5'"),
            ("٣", 10, "3"),
            ("１２", 10, "12"),
            ("1\u{a0}", 10, "1"),
            ("\u{2003} 7\u{3000}", 10, "7"),
            ("", 10, "!invalid literal for int() with base 10: ''"),
            ("  ", 10, "!invalid literal for int() with base 10: '  '"),
            ("0b", 0, "!invalid literal for int() with base 0: '0b'"),
            ("0b1", 16, "177"),
            ("0b1", 2, "1"),
            ("Z", 36, "35"),
            ("1", 37, "!int() base must be >= 2 and <= 36, or 0"),
            ("1", 1, "!int() base must be >= 2 and <= 36, or 0"),
            ("0x", 16, "!invalid literal for int() with base 16: '0x'"),
            ("0O17", 0, "15"),
            ("0B11", 0, "3"),
            ("12é", 10, "!invalid literal for int() with base 10: '12é'"),
            ("-0", 0, "0"),
            ("0_", 0, "!invalid literal for int() with base 0: '0_'"),
            ("0x_", 0, "!invalid literal for int() with base 0: '0x_'"),
            ("0x__1", 0, "!invalid literal for int() with base 0: '0x__1'"),
            ("12", 2, "!invalid literal for int() with base 2: '12'"),
            ("\x1c5", 10, "!invalid literal for int() with base 10: '\\x1c5'"),
            ("\x0b5\u{85}", 10, "5"),
        ];
        for (s, b, want) in cases {
            assert_eq!(pi(s, *b), *want, "int({:?}, {})", s, b);
        }
        let long = "a".repeat(300);
        let msg = pi(&long, 10);
        assert_eq!(msg, format!("!invalid literal for int() with base 10: '{}", "a".repeat(199)));
        let big = "1".repeat(5000) + "x";
        assert_eq!(
            pi(&big, 10),
            "!Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit"
        );
        let under = "1_".repeat(4300) + "1";
        assert!(pi(&under, 10).contains("value has 4301 digits"));
        assert_eq!(parse_int(&"1".repeat(5000), 16).unwrap().bits(), 19997);
        assert!(parse_int_limited(&"1".repeat(5000), 10, 0).is_ok());
        let v = BigInt::from(10u8).pow(4300);
        let lim = "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit";
        assert_eq!(int_to_decimal_limited(&v, 4300), Err(TextError::Value(lim.into())));
        assert_eq!(int_to_decimal_limited(&(&v - 1u8), 4300).unwrap().len(), 4300);
        assert_eq!(int_to_decimal_limited(&(1u8 - &v), 4300).unwrap().len(), 4301);
        assert!(int_to_decimal_limited(&(BigInt::from(1u8) << 100000u32), 4300).is_err());
        assert_eq!(int_to_decimal_limited(&v, 0).unwrap().len(), 4301);
        assert!(set_int_max_str_digits(5).is_err());
        assert!(set_int_max_str_digits(-1).is_err());
    }

    #[test]
    fn floats() {
        let ok: &[(&str, f64)] = &[
            ("1_000.5", 1000.5),
            ("1e1_0", 1e10),
            ("-Infinity", f64::NEG_INFINITY),
            ("1.", 1.0),
            (".5", 0.5),
            ("+.5e-3", 0.0005),
            ("１.５", 1.5),
            ("\u{3000} 2.5\u{2003}", 2.5),
            ("1.5e99999", f64::INFINITY),
            ("0_0.0_0", 0.0),
            ("00.5", 0.5),
            ("1e0001", 10.0),
            ("0.1", 0.1),
            ("2.2250738585072011e-308", 2.2250738585072011e-308),
        ];
        for (s, v) in ok {
            assert_eq!(parse_float(s).unwrap(), *v, "{:?}", s);
        }
        assert!(parse_float("+nAn").unwrap().is_nan());
        assert!(parse_float("-1e-99999").unwrap().is_sign_negative());
        for s in ["x", "", "  ", "1_.5", "1._5", "_1", "1__0", "1e_10", "1_e10", "0x1p3", "infinit", ".", "e5", "1e", "1e+", "nan(123)", "1,5", "١٫٥", "  -  1", "- 1", "++1", "1.5j"] {
            assert_eq!(
                parse_float(s),
                Err(TextError::Value(format!("could not convert string to float: {}", str_repr(s)))),
                "{:?}",
                s
            );
        }
    }

    #[test]
    fn radix_and_hex() {
        assert_eq!(int_to_str_radix(&BigInt::from(-31), 16, true), "-0x1f");
        assert_eq!(int_to_str_radix(&BigInt::from(0), 2, true), "0b0");
        assert_eq!(int_to_str_radix(&BigInt::from(8), 8, true), "0o10");
        assert_eq!(float_to_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_to_hex(f64::MAX), "0x1.fffffffffffffp+1023");
        assert_eq!(float_to_hex(0.1), "0x1.999999999999ap-4");
        let fh = |s: &str| float_fromhex(s);
        assert_eq!(fh("0x1.8p1").unwrap(), 3.0);
        assert_eq!(fh(" -0X1P-1 ").unwrap(), -0.5);
        assert_eq!(fh("1").unwrap(), 1.0);
        assert_eq!(fh(".8").unwrap(), 0.5);
        assert_eq!(fh("0x1p-1074").unwrap(), 5e-324);
        assert_eq!(fh("0x1p-1075").unwrap(), 0.0);
        assert_eq!(fh("0x1.0000000000001p-1075").unwrap(), 5e-324);
        assert_eq!(fh("0x3p-1076").unwrap(), 5e-324);
        assert_eq!(fh("0x1.8p-1074").unwrap(), 1e-323);
        assert!(fh("\u{85}0x1p0").is_err());
        assert_eq!(fh("0x1.fffffffffffff8p1023"), Err(TextError::Overflow("hexadecimal value too large to represent as a float".into())));
        assert_eq!(fh("0x1.fffffffffffff7p1023").unwrap(), f64::MAX);
        assert_eq!(fh("0x1.00000000000008p0").unwrap(), 1.0);
        assert_eq!(fh("0x1.00000000000018p0").unwrap(), 1.0000000000000004);
        assert_eq!(fh("0x0p99999999999999").unwrap(), 0.0);
        assert_eq!(fh("-inf").unwrap(), f64::NEG_INFINITY);
        assert!(matches!(fh("0x1p9999zz"), Err(TextError::Overflow(_))));
        assert!(matches!(fh("0x1p-99999zz"), Err(TextError::Value(_))));
        for s in ["", "0x", "0x.", "0x1p", "0x1.2.3", "1q", "0xg"] {
            assert_eq!(fh(s), Err(TextError::Value("invalid hexadecimal floating-point string".into())), "{:?}", s);
        }
    }
}
