//! `repr(float)`, `repr(complex)` and the shared float-to-decimal layout
//! engine used by `format()` (see `format_spec`) and `%`-formatting (see
//! `printf`).
//!
//! Compatibility notes (CPython 3.11):
//! * `repr(float)` uses the shortest digit string that round-trips (Rust's
//!   `{:e}` produces exactly that digit string), switching to scientific
//!   notation when the decimal exponent is < -4 or >= 16; the exponent has at
//!   least two digits and an explicit sign (`1e+16`, `1.5e-05`); integral
//!   values in fixed notation get `.0`.
//! * Precision-based digits are correctly rounded from the exact binary value
//!   with ties-to-even, which is what Rust's `{:.N}` / `{:.Ne}` produce and
//!   what CPython's `dtoa` produces.
//! * Shortest-digit ties (exact value halfway between two shortest
//!   candidates, e.g. `-34192865020895.3125`) resolve to the even digit as
//!   in CPython (`...895.312`), not upwards as Rust's `{:e}` does.
//! * NaN never carries a sign (`repr(-nan) == 'nan'`); `-0.0` does.
//! * `repr(complex)` omits the real part when it is `+0.0`, otherwise uses
//!   `(re±imj)`; integral parts get no `.0` (`(1+2j)`, `-0j`, `(-0+0j)`).

/// `repr(x)` / `str(x)` for a Python float.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&format_abs(x.abs(), 'r', 0, false, true));
    out
}

/// The repr of one component of a complex number (no `.0` for integers).
pub fn complex_part_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".to_string();
    }
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    out.push_str(&format_abs(x.abs(), 'r', 0, false, false));
    out
}

/// `repr(complex(re, im))`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let im_s = complex_part_repr(im);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", im_s);
    }
    let re_s = complex_part_repr(re);
    let sep = if im_s.starts_with('-') { "" } else { "+" };
    format!("({}{}{}j)", re_s, sep, im_s)
}

/// Shortest round-trip digits of a finite `x` (sign ignored), and the
/// position of the decimal point relative to the start of the digits
/// (`decpt`): value = 0.DIGITS * 10^decpt. Zero gives `("0", 1)`.
pub fn shortest_digits(x: f64) -> (String, i32) {
    let x = x.abs();
    let (digits, decpt) = split_exp(&format!("{:e}", x));
    // When the exact value lies exactly halfway between two shortest
    // candidates, Rust rounds the last digit up while CPython's dtoa picks
    // the correctly rounded (ties-to-even) one. A disagreement can only
    // show as an odd last digit from Rust; re-derive and keep the
    // correctly rounded digits if they round-trip too.
    let odd = digits.as_bytes().last().is_some_and(|d| d % 2 == 1);
    if odd && digits.len() > 1 {
        let s = format!("{:.*e}", digits.len() - 1, x);
        if s.parse::<f64>().ok() == Some(x) {
            let (d2, p2) = split_exp(&s);
            if d2.len() == digits.len() {
                return (d2, p2);
            }
        }
    }
    (digits, decpt)
}

/// `n >= 1` correctly rounded significant digits of a finite `x` (sign
/// ignored), with `decpt` as in [`shortest_digits`]. Trailing zeros kept.
pub fn significant_digits(x: f64, n: usize) -> (String, i32) {
    let n = n.max(1);
    // A double's exact decimal expansion has at most 767 significant digits;
    // beyond that only zeros follow (and Rust caps precisions at 65535).
    const EXACT: usize = 800;
    if n > EXACT {
        let (mut d, e) = split_exp(&format!("{:.*e}", EXACT - 1, x.abs()));
        d.extend(std::iter::repeat('0').take(n - d.len().min(n)));
        return (d, e);
    }
    split_exp(&format!("{:.*e}", n - 1, x.abs()))
}

/// Parses Rust's `{:e}` output ("1.2345e-5") into digits and decpt.
fn split_exp(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').expect("exponent form");
    let exp: i32 = exp.parse().expect("exponent");
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp + 1)
}

/// Formats the exponent suffix: `e+05`, `E-100`.
fn exp_suffix(out: &mut String, exp: i32, upper: bool) {
    out.push(if upper { 'E' } else { 'e' });
    out.push(if exp < 0 { '-' } else { '+' });
    let a = exp.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

/// Lays out `digits` (value = 0.DIGITS * 10^decpt) in fixed notation.
/// `alt` forces a decimal point, `dot0` appends `.0` to integers.
fn layout_fixed(digits: &str, decpt: i32, alt: bool, dot0: bool) -> String {
    let mut out = String::new();
    let n = digits.len() as i32;
    if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..(-decpt) {
            out.push('0');
        }
        out.push_str(digits);
    } else if decpt >= n {
        out.push_str(digits);
        for _ in 0..(decpt - n) {
            out.push('0');
        }
        if dot0 {
            out.push_str(".0");
        } else if alt {
            out.push('.');
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

/// Lays out `digits` in scientific notation (`d.ddde+XX`).
fn layout_exp(digits: &str, decpt: i32, alt: bool, upper: bool) -> String {
    let mut out = String::new();
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    } else if alt {
        out.push('.');
    }
    exp_suffix(&mut out, decpt - 1, upper);
    out
}

/// Formats the magnitude of a finite float (the sign of `x` is ignored) in
/// one of the styles of Python's float formatting:
///
/// * `'e'`/`'E'`: `precision` digits after the point;
/// * `'f'`/`'F'`: `precision` digits after the point;
/// * `'g'`/`'G'`: `precision` significant digits (0 means 1), trailing
///   zeros removed unless `alt`; with `dot0` the fixed/scientific switch
///   happens one digit earlier and integral fixed results get `.0` (the
///   behaviour of `format(x, '.3')`);
/// * `'r'`: shortest round-trip digits, fixed for exponents in [-4, 16),
///   integral results get `.0` when `dot0`.
///
/// `alt` (`#`) always keeps the decimal point. Non-finite input gives
/// `inf`/`nan` (uppercase for `E`, `F`, `G`).
pub fn format_abs(x: f64, ty: char, precision: usize, alt: bool, dot0: bool) -> String {
    let upper = matches!(ty, 'E' | 'F' | 'G');
    if !x.is_finite() {
        let s = if x.is_nan() { "nan" } else { "inf" };
        return if upper { s.to_uppercase() } else { s.to_string() };
    }
    let x = x.abs();
    match ty {
        'f' | 'F' => {
            // At most 1074 fractional digits are non-zero (Rust caps precisions at 65535).
            const EXACT: usize = 1100;
            let mut s = format!("{:.*}", precision.min(EXACT), x);
            if precision > EXACT {
                s.extend(std::iter::repeat('0').take(precision - EXACT));
            }
            if alt && precision == 0 {
                s.push('.');
            }
            s
        }
        'e' | 'E' => {
            let (digits, decpt) = significant_digits(x, precision + 1);
            layout_exp(&digits, decpt, alt, upper)
        }
        'g' | 'G' => {
            let p = precision.max(1);
            let (mut digits, decpt) = significant_digits(x, p);
            if !alt {
                while digits.len() > 1 && digits.ends_with('0') {
                    digits.pop();
                }
            }
            let limit = if dot0 { p as i64 - 1 } else { p as i64 };
            if decpt <= -4 || decpt as i64 > limit {
                layout_exp(&digits, decpt, alt, upper)
            } else {
                layout_fixed(&digits, decpt, alt, dot0)
            }
        }
        _ => {
            // 'r'
            let (digits, decpt) = shortest_digits(x);
            if decpt <= -4 || decpt > 16 {
                layout_exp(&digits, decpt, alt, false)
            } else {
                layout_fixed(&digits, decpt, alt, dot0)
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::approx_constant, clippy::excessive_precision)]
mod tests {
    use super::*;

    #[test]
    fn repr_table() {
        // (value, python repr) generated with CPython 3.11
        let cases: &[(f64, &str)] = &[
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (1.0, "1.0"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (0.3, "0.3"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (123456789012345.0, "123456789012345.0"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1e100, "1e+100"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (5e-324, "5e-324"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (123.456, "123.456"),
            (1e22, "1e+22"),
            (1.2345678901234567e-7, "1.2345678901234566e-07"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
            (3.141592653589793, "3.141592653589793"),
            (100.0, "100.0"),
            (-34192865020895.312, "-34192865020895.312"),
            (1e-4 * 3.0, "0.00030000000000000003"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(*x), *want, "repr({:e})", x);
        }
    }

    #[test]
    fn complex_repr_table() {
        let nan = f64::NAN;
        let inf = f64::INFINITY;
        let cases: &[(f64, f64, &str)] = &[
            (1.0, -nan, "(1+nanj)"),
            (-nan, 1.0, "(nan+1j)"),
            (nan, nan, "(nan+nanj)"),
            (0.0, -0.0, "-0j"),
            (-0.0, 0.0, "(-0+0j)"),
            (-0.0, -0.0, "(-0-0j)"),
            (1e16, 1e-5, "(1e+16+1e-05j)"),
            (0.0, inf, "infj"),
            (1.5, -inf, "(1.5-infj)"),
            (0.0, nan, "nanj"),
            (1.0, 2.0, "(1+2j)"),
            (0.0, 1.0, "1j"),
            (1.5, 0.25, "(1.5+0.25j)"),
        ];
        for (re, im, want) in cases {
            assert_eq!(complex_repr(*re, *im), *want);
        }
    }

    #[test]
    fn styles() {
        assert_eq!(format_abs(1.5, 'g', 0, true, false), "2.");
        assert_eq!(format_abs(1.5, 'e', 0, true, false), "2.e+00");
        assert_eq!(format_abs(1.5, 'f', 0, true, false), "2.");
        assert_eq!(format_abs(1e16, 'r', 0, true, true), "1.e+16");
        assert_eq!(format_abs(10.0, 'g', 2, false, true), "1e+01");
        assert_eq!(format_abs(1e22, 'g', 30, false, true), "10000000000000000000000.0");
        assert_eq!(format_abs(123456789.0, 'G', 6, false, false), "1.23457E+08");
        assert_eq!(format_abs(0.0001, 'g', 3, false, true), "0.0001");
        assert_eq!(format_abs(2.5, 'f', 0, false, false), "2");
        assert_eq!(format_abs(0.125, 'f', 2, false, false), "0.12");
        assert_eq!(format_abs(0.375, 'f', 2, false, false), "0.38");
        assert_eq!(format_abs(1e300, 'e', 2, false, false), "1.00e+300");
        assert_eq!(format_abs(f64::NAN, 'F', 2, false, false), "NAN");
    }
}
