//! The format-specification mini-language used by `format()`, `str.format`
//! and f-strings, for `int`, `float`, `complex` and `str` (CPython 3.11).
//!
//! Grammar: `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`.
//!
//! Compatibility notes:
//! * Error messages and the order in which errors are detected follow
//!   CPython 3.11 exactly (e.g. an unknown type code is reported before a
//!   misplaced sign, the grouping/type conflict before everything else).
//! * `0` before the width sets the fill to `'0'` unless a fill was given and
//!   the alignment to `'='` unless an alignment was given (strings default to
//!   `'<'` instead, so `format('ab', '05') == 'ab000'`).
//! * With fill `'0'`, alignment `'='` and a grouping option, the zero padding
//!   is itself grouped (`format(1234, '09,') == '0,001,234'`, which may exceed
//!   the width because a separator never starts the number).
//! * `'n'` behaves as in the C locale: like `'d'` for ints and `'g'` for
//!   floats, without grouping.
//! * No type for floats: `repr` style without precision, otherwise `'g'` that
//!   switches to exponent one digit earlier and keeps at least one fractional
//!   digit (`format(10.0, '.2') == '1e+01'`, `format(1.5, '.2') == '1.5'`).
//! * Complex: no type means `repr` style (parenthesised unless the real part
//!   is `+0.0`); `=` alignment, a `'0'` fill (from the flag or explicit)
//!   and `%` are rejected.
//! * Strings reject a space sign with "Space not allowed ..." and other
//!   signs with "Sign not allowed ...".
//! * NaN is always formatted without a minus sign.
//! * Decimal int output honours the int/str digit limit
//!   (`numparse::int_max_str_digits`), as CPython 3.11 does.
//! * Functions that need the Python type name for messages take `type_name`
//!   (e.g. `"int"`, `"bool"`, `"float"`, `"str"`).

use super::float_repr::format_abs;
use super::numparse::int_to_decimal;
use super::TextError;
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// A parsed format specification. `None` means "not given".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// Explicit fill character (only present together with `align`).
    pub fill: Option<char>,
    /// `'<'`, `'>'`, `'='` or `'^'`.
    pub align: Option<char>,
    /// `'+'`, `'-'` or `' '`.
    pub sign: Option<char>,
    /// The 3.11 `z` flag (coerce negative zero to positive zero).
    pub z: bool,
    /// The `#` flag.
    pub alternate: bool,
    /// The `0` flag before the width.
    pub zero: bool,
    pub width: Option<usize>,
    /// `','` or `'_'`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type character.
    pub ty: Option<char>,
}

fn verr<T>(msg: String) -> Result<T, TextError> {
    Err(TextError::Value(msg))
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// Reads a run of ASCII digits starting at `i`; returns (value, next index).
fn read_number(chars: &[char], mut i: usize) -> Result<(Option<usize>, usize), TextError> {
    let start = i;
    let mut v: usize = 0;
    while i < chars.len() && chars[i].is_ascii_digit() {
        let d = chars[i] as usize - '0' as usize;
        v = match v.checked_mul(10).and_then(|v| v.checked_add(d)) {
            Some(v) if v <= isize::MAX as usize => v,
            _ => return verr("Too many decimal digits in format string".into()),
        };
        i += 1;
    }
    Ok((if i > start { Some(v) } else { None }, i))
}

impl FormatSpec {
    /// Parses a format spec. `type_name` is the Python type of the value
    /// being formatted, used only in the "Invalid format specifier" message.
    pub fn parse(spec: &str, type_name: &str) -> Result<FormatSpec, TextError> {
        let chars: Vec<char> = spec.chars().collect();
        let mut f = FormatSpec::default();
        let mut i = 0;
        if chars.len() >= 2 && is_align(chars[1]) {
            f.fill = Some(chars[0]);
            f.align = Some(chars[1]);
            i = 2;
        } else if !chars.is_empty() && is_align(chars[0]) {
            f.align = Some(chars[0]);
            i = 1;
        }
        if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
            f.sign = Some(chars[i]);
            i += 1;
        }
        if i < chars.len() && chars[i] == 'z' {
            f.z = true;
            i += 1;
        }
        if i < chars.len() && chars[i] == '#' {
            f.alternate = true;
            i += 1;
        }
        if i < chars.len() && chars[i] == '0' {
            f.zero = true;
            i += 1;
        }
        let (w, ni) = read_number(&chars, i)?;
        f.width = w;
        i = ni;
        if i < chars.len() && (chars[i] == ',' || chars[i] == '_') {
            f.grouping = Some(chars[i]);
            i += 1;
            if i < chars.len() && (chars[i] == ',' || chars[i] == '_') {
                if chars[i] == chars[i - 1] {
                    return verr(format!("Cannot specify '{0}' with '{0}'.", chars[i]));
                }
                return verr("Cannot specify both ',' and '_'.".into());
            }
        }
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let (p, ni) = read_number(&chars, i)?;
            match p {
                Some(p) => f.precision = Some(p),
                None => return verr("Format specifier missing precision".into()),
            }
            i = ni;
        }
        if chars.len() - i > 1 {
            return verr(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec, type_name
            ));
        }
        if i < chars.len() {
            f.ty = Some(chars[i]);
        }
        Ok(f)
    }

    /// CPython's check that the grouping option suits the type; `default_ty`
    /// is the type assumed when none was given (`'s'` for str, `'d'` for
    /// int, `None` for float/complex).
    fn check_grouping(&self, default_ty: Option<char>) -> Result<(), TextError> {
        let g = match self.grouping {
            Some(g) => g,
            None => return Ok(()),
        };
        let ty = self.ty.or(default_ty);
        let ok = match ty {
            None => true,
            Some(t) => {
                matches!(t, 'd' | 'e' | 'f' | 'g' | 'E' | 'F' | 'G' | '%')
                    || (g == '_' && matches!(t, 'b' | 'o' | 'x' | 'X'))
            }
        };
        if ok {
            Ok(())
        } else {
            verr(format!("Cannot specify '{}' with '{}'.", g, ty.unwrap()))
        }
    }
}

fn unknown_code(ty: char, type_name: &str) -> TextError {
    TextError::Value(format!(
        "Unknown format code '{}' for object of type '{}'",
        ty, type_name
    ))
}

/// Pads `body` (already complete) to the spec width with the given
/// alignment; `=` is treated as `>` here.
fn pad(body: &str, fill: char, align: char, width: Option<usize>) -> String {
    let len = body.chars().count();
    let width = width.unwrap_or(0);
    if len >= width {
        return body.to_string();
    }
    let n = width - len;
    let (left, right) = match align {
        '<' => (0, n),
        '^' => (n / 2, n - n / 2),
        _ => (n, 0),
    };
    let mut out = String::with_capacity(body.len() + n);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(body);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// Inserts `sep` every `group` digits from the right of `digits`, first
/// left-padding with zeros so the grouped result has at least `min_len`
/// characters (never starting with a separator).
fn group_digits(digits: &str, sep: char, group: usize, min_len: usize) -> String {
    let mut k = digits.len();
    while k + (k.max(1) - 1) / group < min_len {
        k += 1;
    }
    let mut padded = String::with_capacity(k);
    for _ in digits.len()..k {
        padded.push('0');
    }
    padded.push_str(digits);
    let bytes = padded.as_bytes();
    let mut out = String::with_capacity(k + k / group);
    for (idx, &b) in bytes.iter().enumerate() {
        if idx > 0 && (k - idx).is_multiple_of(group) {
            out.push(sep);
        }
        out.push(b as char);
    }
    out
}

/// The pieces of a formatted number before padding.
struct Num<'a> {
    sign: &'a str,
    prefix: &'a str,
    /// Integer-part digits (to be grouped).
    int_digits: &'a str,
    /// Everything after the integer digits (fraction, exponent, `%`, ...).
    rest: &'a str,
}

/// Assembles sign, prefix, grouped digits and rest, and pads to `width`.
fn assemble(num: &Num, spec: &FormatSpec, group: Option<(char, usize)>) -> String {
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero { '=' } else { '>' });
    let width = spec.width.unwrap_or(0);
    let fixed = num.sign.len() + num.prefix.len() + num.rest.chars().count();
    let digits = match group {
        Some((sep, size)) => {
            let min = if fill == '0' && align == '=' { width.saturating_sub(fixed) } else { 0 };
            group_digits(num.int_digits, sep, size, min)
        }
        None => num.int_digits.to_string(),
    };
    if align == '=' {
        let len = fixed + digits.chars().count();
        let mut out = String::new();
        out.push_str(num.sign);
        out.push_str(num.prefix);
        for _ in len..width {
            out.push(fill);
        }
        out.push_str(&digits);
        out.push_str(num.rest);
        out
    } else {
        let body = format!("{}{}{}{}", num.sign, num.prefix, digits, num.rest);
        pad(&body, fill, align, spec.width)
    }
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    if negative {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Splits a formatted magnitude into integer digits and the rest.
fn split_int(body: &str) -> (&str, &str) {
    let end = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
    body.split_at(end)
}

/// `format(value, spec)` for `int` (and `bool` with `type_name == "bool"`).
/// The empty spec should be handled by the caller as `str(value)` (which
/// differs for `bool`); for `int` the result is the same.
pub fn format_int(value: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, TextError> {
    spec.check_grouping(Some('d'))?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = value.to_f64().filter(|x| x.is_finite()).ok_or_else(|| {
                TextError::Overflow("int too large to convert to float".into())
            })?;
            return format_float(x, spec, "float");
        }
        _ => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return verr("Precision not allowed in integer format specifier".into());
    }
    if spec.z {
        return verr("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return verr("Sign not allowed with integer format specifier 'c'".into());
        }
        if spec.alternate {
            return verr("Alternate form (#) not allowed with integer format specifier 'c'".into());
        }
        let ch = value
            .to_u32()
            .filter(|&v| v < 0x110000)
            .ok_or_else(|| TextError::Overflow("%c arg not in range(0x110000)".into()))?;
        // Lone surrogates cannot be represented in a Rust string; U+FFFD
        // stands in for them.
        let c = char::from_u32(ch).unwrap_or('\u{FFFD}');
        let s = c.to_string();
        let num = Num { sign: "", prefix: "", int_digits: "", rest: &s };
        return Ok(assemble(&num, spec, None));
    }
    let (radix, prefix, group_size) = match ty {
        'b' => (2, "0b", 4),
        'o' => (8, "0o", 4),
        'x' => (16, "0x", 4),
        'X' => (16, "0X", 4),
        _ => (10, "", 3),
    };
    let mut digits = if radix == 10 {
        let mut d = int_to_decimal(value)?;
        if d.starts_with('-') {
            d.remove(0);
        }
        d
    } else {
        value.magnitude().to_str_radix(radix)
    };
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let negative = value.sign() == Sign::Minus;
    let num = Num {
        sign: sign_str(negative, spec.sign),
        prefix: if spec.alternate { prefix } else { "" },
        int_digits: &digits,
        rest: "",
    };
    let group = if ty == 'n' { None } else { spec.grouping.map(|g| (g, group_size)) };
    Ok(assemble(&num, spec, group))
}

/// Formats one float component (used for floats and complex parts).
/// `ty` is a resolved style for [`format_abs`]; `force_sign` replaces the
/// spec's sign (used for the imaginary part of a complex number).
fn float_component(
    x: f64,
    spec: &FormatSpec,
    ty: char,
    precision: usize,
    dot0: bool,
    percent: bool,
    force_sign: Option<char>,
) -> (String, String) {
    let mut body = format_abs(if percent { x * 100.0 } else { x }, ty, precision, spec.alternate, dot0);
    if percent {
        body.push('%');
    }
    let mut negative = x.is_sign_negative() && !x.is_nan();
    if negative && spec.z && x.is_finite() {
        let mant = body.split(['e', 'E']).next().unwrap_or("");
        if mant.chars().all(|c| !c.is_ascii_digit() || c == '0') {
            negative = false;
        }
    }
    let sign = sign_str(negative, force_sign.or(spec.sign)).to_string();
    (sign, body)
}

/// Resolves the float presentation: (style, precision, dot0, percent).
fn float_style(spec: &FormatSpec, complex: bool) -> (char, usize, bool, bool) {
    match spec.ty {
        None => match spec.precision {
            None => ('r', 0, !complex, false),
            Some(p) => ('g', p, !complex, false),
        },
        Some('n') => ('g', spec.precision.unwrap_or(6), false, false),
        Some('%') => ('f', spec.precision.unwrap_or(6), false, true),
        Some(t) => (t, spec.precision.unwrap_or(6), false, false),
    }
}

/// `format(x, spec)` for `float`.
pub fn format_float(x: f64, spec: &FormatSpec, type_name: &str) -> Result<String, TextError> {
    spec.check_grouping(None)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return verr("precision too big".into());
    }
    let (ty, precision, dot0, percent) = float_style(spec, false);
    let (sign, body) = float_component(x, spec, ty, precision, dot0, percent, None);
    let (int_digits, rest) = split_int(&body);
    let group = if x.is_finite() && spec.ty != Some('n') {
        spec.grouping.map(|g| (g, 3))
    } else {
        None
    };
    let num = Num { sign: &sign, prefix: "", int_digits, rest };
    Ok(assemble(&num, spec, group))
}

/// `format(complex(re, im), spec)`.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec, type_name: &str) -> Result<String, TextError> {
    spec.check_grouping(None)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
    }
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return verr("precision too big".into());
    }
    if spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' }) == '0' {
        return verr("Zero padding is not allowed in complex format specifier".into());
    }
    if spec.align == Some('=') {
        return verr("'=' alignment flag is not allowed in complex format specifier".into());
    }
    let (ty, precision, _, _) = float_style(spec, true);
    let skip_re = spec.ty.is_none() && re == 0.0 && re.is_sign_positive();
    let parens = spec.ty.is_none() && !skip_re;
    let group = spec.grouping.map(|g| (g, 3));
    let plain = FormatSpec { width: None, fill: None, align: None, zero: false, ..spec.clone() };
    let part = |v: f64, force: Option<char>| -> String {
        let (sign, body) = float_component(v, spec, ty, precision, false, false, force);
        let (int_digits, rest) = split_int(&body);
        let g = if v.is_finite() { group } else { None };
        assemble(&Num { sign: &sign, prefix: "", int_digits, rest }, &plain, g)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if skip_re {
        body.push_str(&part(im, None));
    } else {
        body.push_str(&part(re, None));
        body.push_str(&part(im, Some('+')));
    }
    body.push('j');
    if parens {
        body.push(')');
    }
    Ok(pad(&body, spec.fill.unwrap_or(' '), spec.align.unwrap_or('>'), spec.width))
}

/// `format(s, spec)` for `str`. Precision truncates to that many code
/// points; width counts code points.
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, TextError> {
    spec.check_grouping(Some('s'))?;
    if let Some(t) = spec.ty {
        if t != 's' {
            return Err(unknown_code(t, type_name));
        }
    }
    match spec.sign {
        Some(' ') => return verr("Space not allowed in string format specifier".into()),
        Some(_) => return verr("Sign not allowed in string format specifier".into()),
        None => {}
    }
    if spec.z {
        return verr("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if spec.alternate {
        return verr("Alternate form (#) not allowed in string format specifier".into());
    }
    if spec.align == Some('=') {
        return verr("'=' alignment not allowed in string format specifier".into());
    }
    let truncated: &str = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((idx, _)) => &s[..idx],
            None => s,
        },
        None => s,
    };
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    Ok(pad(truncated, fill, spec.align.unwrap_or('<'), spec.width))
}

/// Parses `spec` and formats an int; see [`format_int`].
pub fn format_int_spec(value: &BigInt, spec: &str, type_name: &str) -> Result<String, TextError> {
    if spec.is_empty() {
        return int_to_decimal(value);
    }
    format_int(value, &FormatSpec::parse(spec, type_name)?, type_name)
}

/// Parses `spec` and formats a float; see [`format_float`].
pub fn format_float_spec(x: f64, spec: &str, type_name: &str) -> Result<String, TextError> {
    format_float(x, &FormatSpec::parse(spec, type_name)?, type_name)
}

/// Parses `spec` and formats a complex; see [`format_complex`].
pub fn format_complex_spec(re: f64, im: f64, spec: &str, type_name: &str) -> Result<String, TextError> {
    format_complex(re, im, &FormatSpec::parse(spec, type_name)?, type_name)
}

/// Parses `spec` and formats a str; see [`format_str`].
pub fn format_str_spec(s: &str, spec: &str, type_name: &str) -> Result<String, TextError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    format_str(s, &FormatSpec::parse(spec, type_name)?, type_name)
}

#[cfg(test)]
#[allow(clippy::approx_constant, clippy::excessive_precision)]
mod tests {
    use super::*;

    fn fi(v: i64, spec: &str) -> String {
        match format_int_spec(&BigInt::from(v), spec, "int") {
            Ok(s) => s,
            Err(e) => format!("!{}", e.message()),
        }
    }
    fn ff(v: f64, spec: &str) -> String {
        match format_float_spec(v, spec, "float") {
            Ok(s) => s,
            Err(e) => format!("!{}", e.message()),
        }
    }
    fn fc(re: f64, im: f64, spec: &str) -> String {
        match format_complex_spec(re, im, spec, "complex") {
            Ok(s) => s,
            Err(e) => format!("!{}", e.message()),
        }
    }
    fn fs(v: &str, spec: &str) -> String {
        match format_str_spec(v, spec, "str") {
            Ok(s) => s,
            Err(e) => format!("!{}", e.message()),
        }
    }

    #[test]
    fn strings() {
        // Expected values from CPython 3.11.
        let cases: &[(&str, &str, &str)] = &[
            ("ab", "05", "ab000"),
            ("ab", "<05", "ab000"),
            ("ab", "=5", "!'=' alignment not allowed in string format specifier"),
            ("ab", "+", "!Sign not allowed in string format specifier"),
            ("ab", "#", "!Alternate form (#) not allowed in string format specifier"),
            ("ab", ",", "!Cannot specify ',' with 's'."),
            ("ab", "_", "!Cannot specify '_' with 's'."),
            ("ab", ".", "!Format specifier missing precision"),
            ("ab", "d", "!Unknown format code 'd' for object of type 'str'"),
            ("ab", "x5", "!Invalid format specifier 'x5' for object of type 'str'"),
            ("ab", "5.2s", "ab   "),
            ("ab", "z", "!Negative zero coercion (z) not allowed in string format specifier"),
            ("ab", "\0<5", "ab\0\0\0"),
            ("ab", "é^7", "ééabééé"),
            ("ab", "<", "ab"),
            ("ab", "010", "ab00000000"),
            ("a", "z+", "!Unknown format code '+' for object of type 'str'"),
            ("a", "#=", "!'=' alignment not allowed in string format specifier"),
            ("a", "=z", "!Negative zero coercion (z) not allowed in string format specifier"),
            ("a", ",x", "!Cannot specify ',' with 'x'."),
            ("héllo", ".2", "hé"),
            ("héllo", "^9.3", "   hél   "),
            ("ab", "ss", "!Invalid format specifier 'ss' for object of type 'str'"),
        ];
        for (v, spec, want) in cases {
            assert_eq!(fs(v, spec), *want, "format({:?}, {:?})", v, spec);
        }
    }

    #[test]
    fn ints() {
        let cases: &[(i64, &str, &str)] = &[
            (1, ".2", "!Precision not allowed in integer format specifier"),
            (1, ",,", "!Cannot specify ',' with ','."),
            (1, ",_", "!Cannot specify both ',' and '_'."),
            (1, "__", "!Cannot specify '_' with '_'."),
            (1, ",x", "!Cannot specify ',' with 'x'."),
            (1, "_n", "!Cannot specify '_' with 'n'."),
            (1, "c", "\u{1}"),
            (-1, "c", "!%c arg not in range(0x110000)"),
            (65, "+c", "!Sign not allowed with integer format specifier 'c'"),
            (65, "#c", "!Alternate form (#) not allowed with integer format specifier 'c'"),
            (65, "zd", "!Negative zero coercion (z) not allowed in integer format specifier"),
            (65, "s", "!Unknown format code 's' for object of type 'int'"),
            (65, "99999999999999999999", "!Too many decimal digits in format string"),
            (5, "^05", "00500"),
            (1234, "010,", "00,001,234"),
            (1234, "09,", "0,001,234"),
            (1234, "08,", "0,001,234"),
            (1234, "x=10,", "xxxxx1,234"),
            (1234, "<010,", "1,23400000"),
            (-1234, "011,", "-00,001,234"),
            (1234, "#012_x", "0x0_0000_04d2"),
            (11259375, "#013_x", "0x0_00ab_cdef"),
            (1, "0=10", "0000000001"),
            (-5, "x<010", "-5xxxxxxxx"),
            (0, "#b", "0b0"),
            (-255, "#X", "-0XFF"),
            (-255, "#o", "-0o377"),
            (255, "+#X", "+0XFF"),
            (255, " x", " ff"),
            (5, "0>+10", "00000000+5"),
            (10, "%", "1000.000000%"),
            (10, "g", "10"),
            (1000, ",d", "1,000"),
            (65, "#+c", "!Invalid format specifier '#+c' for object of type 'int'"),
            (1, "z.2x", "!Precision not allowed in integer format specifier"),
            (65, "^5c", "  A  "),
        ];
        for (v, spec, want) in cases {
            assert_eq!(fi(*v, spec), *want, "format({}, {:?})", v, spec);
        }
        let big = BigInt::from(10u8).pow(400);
        assert_eq!(
            format_int_spec(&big, "e", "int"),
            Err(TextError::Overflow("int too large to convert to float".into()))
        );
        let b = BigInt::from(2u8).pow(64);
        assert_eq!(
            format_int_spec(&b, "_b", "int").unwrap(),
            "1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000"
        );
        assert_eq!(format_int_spec(&-b, "#_X", "int").unwrap(), "-0X1_0000_0000_0000_0000");
    }

    #[test]
    fn floats() {
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        let cases: &[(f64, &str, &str)] = &[
            (1.5, "d", "!Unknown format code 'd' for object of type 'float'"),
            (1.5, ",n", "!Cannot specify ',' with 'n'."),
            (1.5, "zf", "1.500000"),
            (-0.0, "zf", "0.000000"),
            (-0.0, "z", "0.0"),
            (-0.0, "zg", "0"),
            (-0.0001, "z.2f", "0.00"),
            (inf, "010", "0000000inf"),
            (nan, "+010", "+000000nan"),
            (-nan, "+", "+nan"),
            (inf, "010,", "0000000inf"),
            (-inf, "=10", "-      inf"),
            (1234.5, "012,.2f", "0,001,234.50"),
            (1234.5, "012,", "00,001,234.5"),
            (1e20, ",", "1e+20"),
            (1e20, ",.2f", "100,000,000,000,000,000,000.00"),
            (1.5, "#.0e", "2.e+00"),
            (1.5, "#.0", "2.e+00"),
            (100.0, "#", "100.0"),
            (1e16, "#", "1.e+16"),
            (1e16, "", "1e+16"),
            (100.0, ".2", "1e+02"),
            (10.0, ".2", "1e+01"),
            (1.0, ".0", "1e+00"),
            (0.0001, ".3", "0.0001"),
            (0.00001, ".3", "1e-05"),
            (1e22, ".30", "10000000000000000000000.0"),
            (0.5, ".0%", "50%"),
            (inf, "%", "inf%"),
            (nan, "E", "NAN"),
            (-0.0, " ", "-0.0"),
            (-0.0, "z+", "!Unknown format code '+' for object of type 'float'"),
            (123456789.0, "n", "1.23457e+08"),
            (-0.5, "z.0f", "0"),
            (1.5, "0", "1.5"),
            (1.5, "0<5", "1.500"),
            (12345.678, "#.3", "1.23e+04"),
            (1.5, ".2147483648", "!precision too big"),
            (1.5, ".2147483648x", "!Unknown format code 'x' for object of type 'float'"),
            (1.5, "=,x", "!Cannot specify ',' with 'x'."),
            (1.5, "010", "00000001.5"),
            (-1.5, "_^+12.3e", "_-1.500e+00_"),
        ];
        for (v, spec, want) in cases {
            assert_eq!(ff(*v, spec), *want, "format({}, {:?})", v, spec);
        }
    }

    #[test]
    fn complexes() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        let cases: &[(f64, f64, &str, &str)] = &[
            (0.0, 1.0, "=", "!'=' alignment flag is not allowed in complex format specifier"),
            (0.0, 1.0, "05", "!Zero padding is not allowed in complex format specifier"),
            (0.0, 1.0, "%", "!Unknown format code '%' for object of type 'complex'"),
            (0.0, 1.0, "n", "0+1j"),
            (0.0, 1.0, "z", "1j"),
            (0.0, 1.0, "e", "0.000000e+00+1.000000e+00j"),
            (1.0, 2.0, "", "(1+2j)"),
            (1.0, 2.0, "^20", "       (1+2j)       "),
            (-0.0, 1.0, "", "(-0+1j)"),
            (0.0, -1.0, "", "-1j"),
            (1.0, 2.0, ".2f", "1.00+2.00j"),
            (1.0, 2.0, "+", "(+1+2j)"),
            (-0.0, 0.0, "", "(-0+0j)"),
            (nan, inf, "", "(nan+infj)"),
            (1234.0, 5678.0, ",.2f", "1,234.00+5,678.00j"),
            (1.0, 2.0, "#", "(1.+2.j)"),
            (1.0, 2.0, "#g", "1.00000+2.00000j"),
            (1.5, 2.0, ".0", "(2+2j)"),
            (1e20, 1.0, ".3", "(1e+20+1j)"),
            (1.0, 2.0, "x^14", "xxxx(1+2j)xxxx"),
            (-0.0, -0.0, "z", "(0+0j)"),
            (-0.0, -0.0, "zE", "0.000000E+00+0.000000E+00j"),
            (0.0, 1.0, "+", "+1j"),
            (0.0, 1.0, " ", " 1j"),
            (0.0, 1.0, "+.2f", "+0.00+1.00j"),
            (0.0, 1.0, "0=.2147483648", "!precision too big"),
            (0.0, 1.0, "0x", "!Unknown format code 'x' for object of type 'complex'"),
            (1.0, 2.0, ".0e", "1e+00+2e+00j"),
            (-nan, -nan, "+", "(+nan+nanj)"),
        ];
        for (re, im, spec, want) in cases {
            assert_eq!(fc(*re, *im, spec), *want, "format(complex({}, {}), {:?})", re, im, spec);
        }
    }
}
