//! `%`-formatting (`'%5.2f' % x`, `bytes % args`): parsing of the format
//! string into literal chunks and conversion specs, and the numeric
//! conversions `d i u o x X e E f F g G`, plus padding for the text
//! conversions (`s r a c`, whose values the caller produces).
//!
//! Compatibility notes (CPython 3.11):
//! * `%%` is a literal `%` only when immediately following the `%`; `%5%`
//!   consumes an argument and then fails with "unsupported format
//!   character '%' (0x25) at index 2".
//! * Spec syntax: `%[(key)][flags][width|*][.precision|*][h|l|L]conv`; the
//!   key may contain balanced parentheses; one length modifier is skipped.
//! * Errors are reported in CPython's order. The parser reports errors that
//!   CPython raises while scanning ("incomplete format key", "width too
//!   big", "precision too big"); "incomplete format" (format ends before the
//!   conversion char) and "unsupported format character" are deferred to
//!   [`PercentSpec::conversion`] / [`PercentSpec::unsupported`] because
//!   CPython raises them only after fetching the `*` arguments
//!   (respectively after fetching the value). The intended caller order
//!   for one spec is: mapping key lookup, `*` width, `*` precision,
//!   `conversion()?`, fetch the value, dispatch on the conversion char
//!   (calling `unsupported()` for unknown ones).
//! * In the "unsupported format character" message, chars U+001F..=U+007E
//!   are shown verbatim and all others as `?` (as CPython does).
//! * Negative `*` width sets the `-` flag; negative `*` precision means 0.
//! * Numeric: precision is the minimum digit count for integers; `#` gives
//!   `0o`/`0x`/`0X` prefixes; `0` pads after sign and prefix (also for
//!   `inf`/`nan`); `-` overrides `0`; `+` overrides ` `. NaN has no sign.

use super::float_repr::format_abs;
use super::numparse::int_to_decimal;
use super::TextError;
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

/// Conversion flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PercentFlags {
    pub minus: bool,
    pub plus: bool,
    pub space: bool,
    pub alt: bool,
    pub zero: bool,
}

/// A width or precision field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Count {
    #[default]
    Absent,
    /// `*`: taken from the arguments (resolve with `apply_star_*`).
    Star,
    Num(usize),
}

/// One `%...` conversion spec.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PercentSpec {
    /// The mapping key of `%(key)s`.
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Count,
    pub precision: Count,
    /// The conversion character; `None` if the format string ended first.
    pub conv: Option<char>,
    /// Char index of the conversion character in the format string.
    pub conv_index: usize,
}

/// A piece of a `%`-format string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PercentPiece<'a> {
    /// Literal text (a `%%` yields `Literal("%")`).
    Literal(&'a str),
    Spec(PercentSpec),
}

/// Lazily splits a `%`-format string into pieces; errors are yielded at
/// the position where CPython raises them (after all earlier pieces).
pub struct PercentParser<'a> {
    fmt: &'a str,
    pos: usize,
    char_idx: usize,
    done: bool,
}

impl<'a> PercentParser<'a> {
    pub fn new(fmt: &'a str) -> Self {
        PercentParser { fmt, pos: 0, char_idx: 0, done: false }
    }

    fn peek(&self) -> Option<char> {
        self.fmt[self.pos..].chars().next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        self.char_idx += 1;
        Some(c)
    }

    fn parse_spec(&mut self) -> Result<PercentSpec, TextError> {
        let mut spec = PercentSpec::default();
        if self.peek() == Some('(') {
            self.bump();
            let start = self.pos;
            let mut depth = 1;
            loop {
                match self.bump() {
                    None => return Err(TextError::Value("incomplete format key".into())),
                    Some('(') => depth += 1,
                    Some(')') => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    Some(_) => {}
                }
            }
            spec.key = Some(self.fmt[start..self.pos - 1].to_string());
        }
        while let Some(c) = self.peek() {
            match c {
                '-' => spec.flags.minus = true,
                '+' => spec.flags.plus = true,
                ' ' => spec.flags.space = true,
                '#' => spec.flags.alt = true,
                '0' => spec.flags.zero = true,
                _ => break,
            }
            self.bump();
        }
        spec.width = self.parse_count(isize::MAX as usize, "width too big")?;
        if self.peek() == Some('.') {
            self.bump();
            spec.precision = match self.parse_count(i32::MAX as usize, "precision too big")? {
                Count::Absent => Count::Num(0),
                c => c,
            };
        }
        if matches!(self.peek(), Some('h' | 'l' | 'L')) {
            self.bump();
        }
        spec.conv_index = self.char_idx;
        spec.conv = self.bump();
        Ok(spec)
    }

    fn parse_count(&mut self, max: usize, msg: &str) -> Result<Count, TextError> {
        if self.peek() == Some('*') {
            self.bump();
            return Ok(Count::Star);
        }
        let mut v: Option<usize> = None;
        while let Some(c) = self.peek().filter(|c| c.is_ascii_digit()) {
            let d = c as usize - '0' as usize;
            let n = v.unwrap_or(0).checked_mul(10).and_then(|n| n.checked_add(d));
            match n {
                Some(n) if n <= max => v = Some(n),
                _ => return Err(TextError::Value(msg.to_string())),
            }
            self.bump();
        }
        Ok(v.map_or(Count::Absent, Count::Num))
    }
}

impl<'a> Iterator for PercentParser<'a> {
    type Item = Result<PercentPiece<'a>, TextError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.pos >= self.fmt.len() {
            return None;
        }
        let rest = &self.fmt[self.pos..];
        if !rest.starts_with('%') {
            let end = rest.find('%').unwrap_or(rest.len());
            let lit = &rest[..end];
            self.pos += end;
            self.char_idx += lit.chars().count();
            return Some(Ok(PercentPiece::Literal(lit)));
        }
        self.bump();
        if self.peek() == Some('%') {
            let start = self.pos;
            self.bump();
            return Some(Ok(PercentPiece::Literal(&self.fmt[start..self.pos])));
        }
        match self.parse_spec() {
            Ok(spec) => Some(Ok(PercentPiece::Spec(spec))),
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// Parses a whole format string eagerly (convenience; note that this
/// reports a scanning error even if an earlier spec would fail first).
pub fn parse_percent_format(fmt: &str) -> Result<Vec<PercentPiece<'_>>, TextError> {
    PercentParser::new(fmt).collect()
}

impl PercentSpec {
    /// The conversion char, or CPython's "incomplete format" error.
    pub fn conversion(&self) -> Result<char, TextError> {
        self.conv.ok_or_else(|| TextError::Value("incomplete format".into()))
    }

    /// The "unsupported format character" error for this spec.
    pub fn unsupported(&self) -> TextError {
        let c = self.conv.unwrap_or('\0');
        let shown = if ('\u{1f}'..='~').contains(&c) { c } else { '?' };
        TextError::Value(format!(
            "unsupported format character '{}' (0x{:x}) at index {}",
            shown, c as u32, self.conv_index
        ))
    }

    /// Resolves a `*` width from its argument (already checked to be an
    /// int by the caller, which raises "* wants int" otherwise).
    pub fn apply_star_width(&mut self, v: &BigInt) -> Result<(), TextError> {
        let n = v.to_isize().ok_or_else(|| {
            TextError::Overflow("Python int too large to convert to C ssize_t".into())
        })?;
        if n < 0 {
            self.flags.minus = true;
        }
        self.width = Count::Num(n.unsigned_abs());
        Ok(())
    }

    /// Resolves a `*` precision from its argument (negative means 0).
    pub fn apply_star_precision(&mut self, v: &BigInt) -> Result<(), TextError> {
        let n = v.to_i32().ok_or_else(|| {
            TextError::Overflow("Python int too large to convert to C int".into())
        })?;
        self.precision = Count::Num(n.max(0) as usize);
        Ok(())
    }

    fn width_num(&self) -> usize {
        match self.width {
            Count::Num(n) => n,
            _ => 0,
        }
    }

    fn precision_num(&self) -> Option<usize> {
        match self.precision {
            Count::Num(n) => Some(n),
            _ => None,
        }
    }

    fn sign(&self, negative: bool) -> &'static str {
        if negative {
            "-"
        } else if self.flags.plus {
            "+"
        } else if self.flags.space {
            " "
        } else {
            ""
        }
    }

    /// Joins sign, prefix and digits, padding to the width.
    fn finish(&self, sign: &str, prefix: &str, body: &str) -> String {
        let len = sign.len() + prefix.len() + body.chars().count();
        let width = self.width_num();
        let mut out = String::with_capacity(width.max(len));
        if len >= width {
            out.push_str(sign);
            out.push_str(prefix);
            out.push_str(body);
        } else if self.flags.minus {
            out.push_str(sign);
            out.push_str(prefix);
            out.push_str(body);
            out.extend(std::iter::repeat_n(' ', width - len));
        } else if self.flags.zero {
            out.push_str(sign);
            out.push_str(prefix);
            out.extend(std::iter::repeat_n('0', width - len));
            out.push_str(body);
        } else {
            out.extend(std::iter::repeat_n(' ', width - len));
            out.push_str(sign);
            out.push_str(prefix);
            out.push_str(body);
        }
        out
    }
}

/// Formats an integer for conversions `d i u o x X` (anything else is
/// treated as `d`). The caller converts the argument to an int first
/// (`__index__` for `o x X`, `__int__` for `d i u`).
/// Decimal output honours the int/str digit limit
/// (`numparse::int_max_str_digits`), the only possible error.
pub fn format_percent_int(v: &BigInt, spec: &PercentSpec) -> Result<String, TextError> {
    let conv = spec.conv.unwrap_or('d');
    let (radix, prefix) = match conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        let mut d = int_to_decimal(v)?;
        if d.starts_with('-') {
            d.remove(0);
        }
        d
    } else {
        v.magnitude().to_str_radix(radix)
    };
    if conv == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.precision_num() {
        if digits.len() < p {
            let mut z = "0".repeat(p - digits.len());
            z.push_str(&digits);
            digits = z;
        }
    }
    let prefix = if spec.flags.alt { prefix } else { "" };
    Ok(spec.finish(spec.sign(v.sign() == Sign::Minus), prefix, &digits))
}

/// Formats a float for conversions `e E f F g G` (anything else is
/// treated as `g`). Default precision 6.
pub fn format_percent_float(x: f64, spec: &PercentSpec) -> String {
    let conv = spec.conv.filter(|c| matches!(c, 'e' | 'E' | 'f' | 'F' | 'g' | 'G')).unwrap_or('g');
    let body = format_abs(x, conv, spec.precision_num().unwrap_or(6), spec.flags.alt, false);
    let negative = x.is_sign_negative() && !x.is_nan();
    spec.finish(spec.sign(negative), "", &body)
}

/// Pads an already-converted text value for `s r a c` (precision truncates
/// to that many code points for `s r a`; `0`, `+`, ` `, `#` are ignored).
pub fn format_percent_text(s: &str, spec: &PercentSpec) -> String {
    let mut text = s;
    if spec.conv != Some('c') {
        if let Some(p) = spec.precision_num() {
            if let Some((idx, _)) = s.char_indices().nth(p) {
                text = &s[..idx];
            }
        }
    }
    let plain = PercentSpec {
        flags: PercentFlags { minus: spec.flags.minus, ..PercentFlags::default() },
        ..spec.clone()
    };
    plain.finish("", "", text)
}

#[cfg(test)]
#[allow(clippy::approx_constant, clippy::excessive_precision)]
mod tests {
    use super::*;

    /// Formats with all-positional numeric args, mimicking `fmt % args`
    /// for the numeric conversions only (test helper).
    fn run(fmt: &str, args: &[f64]) -> Result<String, String> {
        let mut out = String::new();
        let mut args = args.iter();
        for piece in PercentParser::new(fmt) {
            match piece.map_err(|e| e.message().to_string())? {
                PercentPiece::Literal(s) => out.push_str(s),
                PercentPiece::Spec(mut spec) => {
                    let mut next = || args.next().copied().ok_or("not enough arguments for format string");
                    if spec.width == Count::Star {
                        spec.apply_star_width(&BigInt::from(next()? as i64)).unwrap();
                    }
                    if spec.precision == Count::Star {
                        spec.apply_star_precision(&BigInt::from(next()? as i64)).unwrap();
                    }
                    let c = spec.conversion().map_err(|e| e.message().to_string())?;
                    let v = next()?;
                    match c {
                        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                            out.push_str(&format_percent_int(&BigInt::from(v as i64), &spec).unwrap())
                        }
                        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => out.push_str(&format_percent_float(v, &spec)),
                        _ => return Err(spec.unsupported().message().to_string()),
                    }
                }
            }
        }
        Ok(out)
    }

    #[test]
    fn table() {
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        // Expected values from CPython 3.11; "!" marks an error message.
        let cases: &[(&str, &[f64], &str)] = &[
            ("%y", &[], "!not enough arguments for format string"),
            ("%*", &[], "!not enough arguments for format string"),
            ("%*", &[5.0], "!incomplete format"),
            ("%", &[], "!incomplete format"),
            ("abc%", &[], "!incomplete format"),
            ("%(a", &[], "!incomplete format key"),
            ("%5%", &[1.0], "!unsupported format character '%' (0x25) at index 2"),
            ("%lld", &[5.0], "!unsupported format character 'l' (0x6c) at index 2"),
            ("%ld %hd %Ld", &[5.0, 6.0, 7.0], "5 6 7"),
            ("%5", &[], "!incomplete format"),
            ("%5.", &[], "!incomplete format"),
            ("%d%é", &[1.0, 2.0], "!unsupported format character '?' (0xe9) at index 3"),
            ("%\n", &[1.0], "!unsupported format character '?' (0xa) at index 1"),
            ("%\u{1f}", &[1.0], "!unsupported format character '\u{1f}' (0x1f) at index 1"),
            ("%\u{1e}", &[1.0], "!unsupported format character '?' (0x1e) at index 1"),
            ("% ", &[1.0], "!incomplete format"),
            ("%99999999999999999999d", &[1.0], "!width too big"),
            ("%.99999999999999999999d", &[1.0], "!precision too big"),
            ("%.2147483648f", &[1.0], "!precision too big"),
            ("%*d|", &[-5.0, 1.0], "1    |"),
            ("%.*d", &[-5.0, 1.0], "1"),
            ("%.*f", &[-1.0, 1.5], "2"),
            ("%.*x", &[-3.0, 255.0], "ff"),
            ("%-0*d|", &[-4.0, 7.0], "7   |"),
            ("%o", &[-8.0], "-10"),
            ("%#o", &[-8.0], "-0o10"),
            ("%#x", &[255.0], "0xff"),
            ("%#X", &[255.0], "0XFF"),
            ("%u", &[5.0], "5"),
            ("%08.3d", &[-5.0], "-0000005"),
            ("%-08d|", &[5.0], "5       |"),
            ("%+ d", &[5.0], "+5"),
            ("% d", &[5.0], " 5"),
            ("%.0e", &[5.0], "5e+00"),
            ("%#.0e", &[5.0], "5.e+00"),
            ("%#.0g", &[5.0], "5."),
            ("%g", &[1e16], "1e+16"),
            ("%5.1f%%", &[99.44], " 99.4%"),
            ("%#.3x", &[5.0], "0x005"),
            ("%#.3o", &[5.0], "0o005"),
            ("%.3x", &[-5.0], "-005"),
            ("%020.3x", &[-5.0], "-0000000000000000005"),
            ("%#020.3x", &[-5.0], "-0x00000000000000005"),
            ("%+.3e", &[inf], "+inf"),
            ("%010f", &[-inf], "-000000inf"),
            ("%-010f|", &[nan], "nan       |"),
            ("%+f", &[-nan], "+nan"),
            ("% 5d", &[5.0], "    5"),
            ("%+5d", &[-5.0], "   -5"),
            ("%#5o", &[0.0], "  0o0"),
            ("%#.0f", &[0.0], "0."),
            ("%F", &[nan], "NAN"),
            ("%G", &[1e-10], "1E-10"),
            ("%-+6.2f|", &[3.14159], "+3.14 |"),
            ("%06.2f", &[-3.14159], "-03.14"),
            ("%#-8x|", &[255.0], "0xff    |"),
            ("%#08x", &[255.0], "0x0000ff"),
            ("% 08x", &[255.0], " 00000ff"),
            ("%+08X", &[-255.0], "-00000FF"),
            ("%.0f %.0f", &[0.5, 1.5], "0 2"),
            ("%10.3e|%-10.3e|%010.3e", &[12345.678, 12345.678, -12345.678], " 1.235e+04|1.235e+04 |-1.235e+04"),
            ("%g %g %#g", &[0.0001, 0.00001, 0.00001], "0.0001 1e-05 1.00000e-05"),
            ("%.0g %.1g %g %f", &[123.0, 0.0, -0.0, -0.0], "1e+02 0 -0 -0.000000"),
            ("%.0d|%.0x", &[0.0, 0.0], "0|0"),
            ("a%%b%dc", &[3.0], "a%b3c"),
        ];
        for (fmt, args, want) in cases {
            let got = match run(fmt, args) {
                Ok(s) => s,
                Err(e) => format!("!{}", e),
            };
            assert_eq!(got, *want, "{:?} % {:?}", fmt, args);
        }
    }

    #[test]
    fn keys_and_text() {
        let pieces = parse_percent_format("x%(a(b)c)-5s|%%%(k)r").unwrap();
        assert_eq!(pieces.len(), 5);
        match &pieces[1] {
            PercentPiece::Spec(s) => {
                assert_eq!(s.key.as_deref(), Some("a(b)c"));
                assert!(s.flags.minus);
                assert_eq!(s.width, Count::Num(5));
                assert_eq!(format_percent_text("ab", s), "ab   ");
            }
            p => panic!("{:?}", p),
        }
        assert_eq!(pieces[3], PercentPiece::Literal("%"));
        let spec = |f: &str| match parse_percent_format(f).unwrap().remove(0) {
            PercentPiece::Spec(s) => s,
            p => panic!("{:?}", p),
        };
        assert_eq!(format_percent_text("abcdef", &spec("%5.3s")), "  abc");
        assert_eq!(format_percent_text("'abc'", &spec("%.2r")), "'a");
        assert_eq!(format_percent_text("a", &spec("%05s")), "    a");
        assert_eq!(format_percent_text("a", &spec("%.0c")), "a");
        assert_eq!(format_percent_text("A", &spec("%-5c")), "A    ");
        let mut s = spec("%*d");
        assert_eq!(
            s.apply_star_width(&(BigInt::from(1) << 63)),
            Err(TextError::Overflow("Python int too large to convert to C ssize_t".into()))
        );
        let mut s = spec("%.*d");
        assert_eq!(
            s.apply_star_precision(&(BigInt::from(1) << 31)),
            Err(TextError::Overflow("Python int too large to convert to C int".into()))
        );
        assert_eq!(format_percent_int(&(BigInt::from(1) << 70), &spec("%x")).unwrap(), "400000000000000000");
        assert!(format_percent_int(&BigInt::from(10).pow(4300), &spec("%d")).is_err());
        assert_eq!(format_percent_int(&BigInt::from(10).pow(4300), &spec("%x")).unwrap().len(), 3572);
    }
}
