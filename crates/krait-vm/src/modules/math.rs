//! The `math` module (CPython 3.11's function set).
//!
//! Error conventions (as CPython): a NaN result from non-NaN input is
//! ValueError("math domain error"); an infinite result from finite input is
//! OverflowError("math range error") for functions that can overflow (exp,
//! cosh, ...) and ValueError otherwise (poles such as `atanh(1)`).
//! `erf`, `erfc`, `gamma` and `lgamma` come from the platform's C math
//! library; `fsum` is exact (Shewchuk's partials); `hypot`/`dist` sum exact
//! squares and correct the square root.

use crate::args::{bind, check_arity};
use crate::types::float::{float_from, float_of, frexp};
use crate::types::int::bigint_to_f64;
use crate::types::int_methods::{float_to_int, ldexp_exact};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{lookup, type_ref};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::BinOpKind;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn tgamma(x: f64) -> f64;
    fn lgamma_r(x: f64, sign: *mut i32) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
    fn remainder(x: f64, y: f64) -> f64;
    fn asinh(x: f64) -> f64;
    fn acosh(x: f64) -> f64;
    fn atanh(x: f64) -> f64;
}

/// The C library's inverse hyperbolic functions (Rust's own differ in the
/// last bit for large arguments; CPython uses the C ones).
pub fn c_asinh(x: f64) -> f64 {
    // SAFETY: pure C math function.
    unsafe { asinh(x) }
}
pub fn c_acosh(x: f64) -> f64 {
    // SAFETY: pure C math function.
    unsafe { acosh(x) }
}
pub fn c_atanh(x: f64) -> f64 {
    // SAFETY: pure C math function.
    unsafe { atanh(x) }
}

pub fn domain_error() -> PyErr {
    PyErr::value_error("math domain error")
}
pub fn range_error() -> PyErr {
    PyErr::overflow("math range error")
}

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

/// A real-number argument as f64 (float, int, `__float__`, `__index__`).
pub fn arg_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = float_of(v) {
        return Ok(f);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i as f64);
    }
    if v.is_int() {
        return bigint_to_f64(&v.to_bigint().unwrap_or_default());
    }
    let ty = type_ref(v);
    if lookup(ty, "__float__").is_some() || lookup(ty, "__index__").is_some() {
        return float_from(vm, v);
    }
    Err(PyErr::type_error(format!("must be real number, not {}", tname(v))))
}

/// An integer argument (`__index__`) as BigInt.
pub fn arg_index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = v.to_bigint() {
        return Ok(b);
    }
    if let Some(f) = lookup(type_ref(v), "__index__") {
        let r = vm.call(&f, &[v.clone()])?;
        return r.to_bigint().ok_or_else(|| PyErr::type_error(format!("__index__ returned non-int (type {})", tname(&r))));
    }
    Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tname(v))))
}

fn one_arg<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!("math.{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("math.{name}() takes exactly one argument ({} given)", args.len())));
    }
    Ok(&args[0])
}

fn two_args<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<(&'a Value, &'a Value)> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("{name} expected 2 arguments, got {}", args.len())));
    }
    Ok((&args[0], &args[1]))
}

/// Apply a one-argument libm-style function with CPython's error rules.
fn math1(vm: &mut Vm, name: &str, args: &[Value], kw: &[Value], f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = arg_f64(vm, one_arg(name, args, kw)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range_error() } else { domain_error() });
    }
    Ok(Value::float(r))
}

macro_rules! math1_fns {
    ($(($fname:ident, $name:literal, $f:expr, $ovf:expr)),* $(,)?) => {
        $(fn $fname(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            math1(vm, $name, args, kw, $f, $ovf)
        })*
        fn register_math1(m: &Value) {
            $(add_function(m, $name, $fname);)*
        }
    };
}

fn c_erf(x: f64) -> f64 {
    // SAFETY: pure C math function.
    unsafe { erf(x) }
}
/// The system libm's `cbrt` (CPython's); a builtin `cbrt` symbol from the
/// Rust runtime shadows it at link time, so it is looked up dynamically.
fn c_cbrt(x: f64) -> f64 {
    use std::sync::OnceLock;
    static F: OnceLock<Option<extern "C" fn(f64) -> f64>> = OnceLock::new();
    let f = F.get_or_init(|| {
        // SAFETY: dlopen/dlsym with valid NUL-terminated names; the symbol,
        // when found, is libm's `double cbrt(double)`.
        unsafe {
            let h = libc::dlopen(c"libm.so.6".as_ptr(), libc::RTLD_LAZY);
            if h.is_null() {
                return None;
            }
            let p = libc::dlsym(h, c"cbrt".as_ptr());
            if p.is_null() {
                None
            } else {
                Some(std::mem::transmute::<*mut libc::c_void, extern "C" fn(f64) -> f64>(p))
            }
        }
    });
    match f {
        Some(f) => f(x),
        None => x.cbrt(),
    }
}
fn c_erfc(x: f64) -> f64 {
    // SAFETY: pure C math function.
    unsafe { erfc(x) }
}

math1_fns!(
    (m_sqrt, "sqrt", f64::sqrt, false),
    (m_exp, "exp", f64::exp, true),
    (m_exp2, "exp2", f64::exp2, true),
    (m_expm1, "expm1", f64::exp_m1, true),
    (m_sin, "sin", f64::sin, false),
    (m_cos, "cos", f64::cos, false),
    (m_tan, "tan", f64::tan, false),
    (m_asin, "asin", f64::asin, false),
    (m_acos, "acos", f64::acos, false),
    (m_atan, "atan", f64::atan, false),
    (m_sinh, "sinh", f64::sinh, true),
    (m_cosh, "cosh", f64::cosh, true),
    (m_tanh, "tanh", f64::tanh, false),
    (m_asinh, "asinh", c_asinh, false),
    (m_acosh, "acosh", c_acosh, false),
    (m_atanh, "atanh", c_atanh, false),
    (m_log1p, "log1p", f64::ln_1p, false),
    (m_fabs, "fabs", f64::abs, false),
    (m_cbrt, "cbrt", c_cbrt, false),
    (m_erf, "erf", c_erf, false),
    (m_erfc, "erfc", c_erfc, false),
);

fn m_gamma(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = arg_f64(vm, one_arg("gamma", args, kw)?)?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if x.is_infinite() {
        return if x > 0.0 { Ok(Value::float(x)) } else { Err(domain_error()) };
    }
    if x == 0.0 || (x < 0.0 && x == x.floor()) {
        return Err(domain_error());
    }
    if x > 171.7 {
        return Err(range_error());
    }
    if x == x.floor() {
        // Exact (correctly rounded) factorial for positive integers.
        let f = range_product(1, x as u64).to_f64().unwrap_or(f64::INFINITY);
        if f.is_infinite() {
            return Err(range_error());
        }
        return Ok(Value::float(f));
    }
    // SAFETY: pure C math function.
    let r = unsafe { tgamma(x) };
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::float(r))
}

fn m_lgamma(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = arg_f64(vm, one_arg("lgamma", args, kw)?)?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if x.is_infinite() {
        return Ok(Value::float(f64::INFINITY));
    }
    if x <= 0.0 && x == x.floor() {
        return Err(domain_error());
    }
    if x == 1.0 || x == 2.0 {
        return Ok(Value::float(0.0));
    }
    let mut sign = 0i32;
    // SAFETY: pure C math function; `sign` is a valid out pointer.
    let r = unsafe { lgamma_r(x, &mut sign) };
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::float(r))
}

// ---------------------------------------------------------------------------
// Logarithms

/// `f(x)` for a positive real or int argument; big ints are split as
/// `m * 2**e` so that `log(10**400)` works.
fn log_helper(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if v.is_int() && v.as_small_int().is_none() {
        let b = v.to_bigint().unwrap_or_default();
        if !b.is_positive() {
            return Err(domain_error());
        }
        if let Some(x) = b.to_f64().filter(|x| x.is_finite()) {
            return Ok(f(x));
        }
        let bits = b.bits();
        let shift = bits - 60;
        let top = (&b >> shift as usize).to_u64().unwrap_or(0) as f64;
        let m = top / 2f64.powi(60); // in [0.5, 1)
        let e = bits as f64;
        return Ok(f(m) + f(2.0) * e);
    }
    let x = arg_f64(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error());
    }
    if x.is_infinite() {
        return Ok(x);
    }
    Ok(f(x))
}

fn m_log(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("math.log() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "log expected {} arguments, got {}",
            if args.is_empty() { "at least 1" } else { "at most 2" },
            args.len()
        )));
    }
    let num = log_helper(vm, &args[0], f64::ln)?;
    if args.len() == 2 {
        let den = log_helper(vm, &args[1], f64::ln)?;
        if den == 0.0 {
            return Err(PyErr::zero_division("float division by zero"));
        }
        return Ok(Value::float(num / den));
    }
    Ok(Value::float(num))
}

fn m_log2(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("log2", args, kw)?;
    Ok(Value::float(log_helper(vm, v, f64::log2)?))
}

fn m_log10(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("log10", args, kw)?;
    Ok(Value::float(log_helper(vm, v, f64::log10)?))
}

// ---------------------------------------------------------------------------
// Two-argument float functions

fn m_pow(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two_args("pow", args, kw)?;
    let x = arg_f64(vm, a)?;
    let y = arg_f64(vm, b)?;
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if x == 0.0 && y < 0.0 {
            return Err(domain_error());
        }
        if r.is_nan() {
            return Err(domain_error());
        }
        if r.is_infinite() {
            return Err(range_error());
        }
    }
    Ok(Value::float(r))
}

fn m_atan2(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two_args("atan2", args, kw)?;
    let y = arg_f64(vm, a)?;
    let x = arg_f64(vm, b)?;
    Ok(Value::float(y.atan2(x)))
}

fn m_copysign(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two_args("copysign", args, kw)?;
    let x = arg_f64(vm, a)?;
    let y = arg_f64(vm, b)?;
    Ok(Value::float(x.copysign(y)))
}

fn m_fmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two_args("fmod", args, kw)?;
    let x = arg_f64(vm, a)?;
    let y = arg_f64(vm, b)?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(Value::float(r))
}

fn m_remainder(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two_args("remainder", args, kw)?;
    let x = arg_f64(vm, a)?;
    let y = arg_f64(vm, b)?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if y.is_nan() {
        return Ok(Value::float(y));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain_error());
    }
    if y.is_infinite() {
        return Ok(Value::float(x));
    }
    // SAFETY: pure C math function.
    Ok(Value::float(unsafe { remainder(x, y) }))
}

fn m_nextafter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two_args("nextafter", args, kw)?;
    let x = arg_f64(vm, a)?;
    let y = arg_f64(vm, b)?;
    // SAFETY: pure C math function.
    Ok(Value::float(unsafe { nextafter(x, y) }))
}

fn m_ulp(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = arg_f64(vm, one_arg("ulp", args, kw)?)?;
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::float(x));
    }
    // SAFETY: pure C math function.
    let r = unsafe {
        if x == f64::MAX {
            x - nextafter(x, 0.0)
        } else {
            nextafter(x, f64::INFINITY) - x
        }
    };
    Ok(Value::float(r))
}

fn m_ldexp(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (a, b) = two_args("ldexp", args, kw)?;
    let x = arg_f64(vm, a)?;
    let Some(e) = b.to_bigint() else {
        return Err(PyErr::type_error("Expected an int as second argument to ldexp."));
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::float(x));
    }
    let e = e.to_i64().unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
    if e > 3000 {
        return Err(range_error());
    }
    if e < -3000 {
        return Ok(Value::float(0.0f64.copysign(x)));
    }
    let r = ldexp_exact(x, e as i32);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::float(r))
}

fn m_frexp(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = arg_f64(vm, one_arg("frexp", args, kw)?)?;
    let (m, e) = frexp(x);
    Ok(Value::tuple(vec![Value::float(m), Value::int(e as i64)]))
}

fn m_modf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = arg_f64(vm, one_arg("modf", args, kw)?)?;
    if x.is_infinite() {
        return Ok(Value::tuple(vec![Value::float(0.0f64.copysign(x)), Value::float(x)]));
    }
    if x.is_nan() {
        return Ok(Value::tuple(vec![Value::float(x), Value::float(x)]));
    }
    let t = x.trunc();
    Ok(Value::tuple(vec![Value::float((x - t).copysign(x)), Value::float(t)]))
}

fn m_degrees(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = arg_f64(vm, one_arg("degrees", args, kw)?)?;
    Ok(Value::float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = arg_f64(vm, one_arg("radians", args, kw)?)?;
    Ok(Value::float(x * (std::f64::consts::PI / 180.0)))
}

fn m_isfinite(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = arg_f64(vm, one_arg("isfinite", args, kw)?)?;
    Ok(Value::bool(x.is_finite()))
}
fn m_isinf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = arg_f64(vm, one_arg("isinf", args, kw)?)?;
    Ok(Value::bool(x.is_infinite()))
}
fn m_isnan(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = arg_f64(vm, one_arg("isnan", args, kw)?)?;
    Ok(Value::bool(x.is_nan()))
}

fn m_isclose(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [a, b, rel, abs] = bind("isclose", args, kw, &["a", "b", "/", "*", "rel_tol=", "abs_tol="])?;
    let a = arg_f64(vm, &a.unwrap_or(Value::NONE))?;
    let b = arg_f64(vm, &b.unwrap_or(Value::NONE))?;
    let rel = match rel {
        Some(v) => arg_f64(vm, &v)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(v) => arg_f64(vm, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b - a).abs();
    Ok(Value::bool(diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs))
}

// ---------------------------------------------------------------------------
// Rounding to int

fn m_floor(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("floor", args, kw)?;
    if let Some(f) = v.as_float() {
        return float_to_int(f.floor());
    }
    if let Some(r) = vm.call_special(v, "__floor__", &[])? {
        return Ok(r);
    }
    float_to_int(arg_f64(vm, v)?.floor())
}

fn m_ceil(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("ceil", args, kw)?;
    if let Some(f) = v.as_float() {
        return float_to_int(f.ceil());
    }
    if let Some(r) = vm.call_special(v, "__ceil__", &[])? {
        return Ok(r);
    }
    float_to_int(arg_f64(vm, v)?.ceil())
}

fn m_trunc(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("trunc", args, kw)?;
    if let Some(f) = v.as_float() {
        return float_to_int(f);
    }
    match vm.call_special(v, "__trunc__", &[])? {
        Some(r) => Ok(r),
        None => Err(PyErr::type_error(format!("type {} doesn't define __trunc__ method", tname(v)))),
    }
}

// ---------------------------------------------------------------------------
// Integer functions

/// Product of the integers in `lo..hi` (binary splitting).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for i in lo..hi {
            match small.checked_mul(i) {
                Some(s) => small = s,
                None => {
                    acc *= small;
                    small = i;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn m_factorial(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("factorial", args, kw)?;
    let n = arg_index(vm, v)?;
    if n.is_negative() {
        return Err(PyErr::value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_i64() else {
        return Err(PyErr::overflow("factorial() argument should not exceed 9223372036854775807"));
    };
    if n > 5_000_000 {
        return Err(PyErr::memory_error());
    }
    Ok(Value::bigint(range_product(1, n as u64 + 1)))
}

fn m_gcd(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("gcd() takes no keyword arguments"));
    }
    let mut g = BigInt::zero();
    for a in args {
        let x = arg_index(vm, a)?;
        g = g.gcd(&x);
    }
    Ok(Value::bigint(g))
}

fn m_lcm(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("lcm() takes no keyword arguments"));
    }
    let mut l = BigInt::one();
    for a in args {
        let x = arg_index(vm, a)?;
        if l.is_zero() || x.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&x);
    }
    Ok(Value::bigint(l.abs()))
}

fn m_isqrt(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("isqrt", args, kw)?;
    let n = arg_index(vm, v)?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::bigint(n.sqrt()))
}

fn nk_args(vm: &mut Vm, n: &Value, k: &Value) -> PyResult<(BigInt, BigInt)> {
    let n = arg_index(vm, n)?;
    let k = arg_index(vm, k)?;
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

/// n * (n-1) * ... * (n-k+1) for BigInt n.
fn falling(n: &BigInt, k: u64) -> BigInt {
    if let Some(nn) = n.to_u64() {
        return range_product(nn - k + 1, nn + 1);
    }
    let mut acc = BigInt::one();
    let mut x = n.clone();
    for _ in 0..k {
        acc *= &x;
        x -= 1;
    }
    acc
}

fn m_comb(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (n, k) = two_args("comb", args, kw)?;
    let (n, k) = nk_args(vm, n, k)?;
    if k > n {
        return Ok(Value::int(0));
    }
    let k2 = std::cmp::min(k.clone(), &n - &k);
    let Some(k2) = k2.to_u64() else {
        return Err(PyErr::overflow(format!("min(n - k, k) must not exceed {}", i64::MAX)));
    };
    if k2 > 10_000_000 {
        return Err(PyErr::memory_error());
    }
    let num = falling(&n, k2);
    let den = range_product(1, k2 + 1);
    Ok(Value::bigint(num / den))
}

fn m_perm(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("perm() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        return Err(PyErr::type_error(format!(
            "perm expected {} arguments, got {}",
            if args.is_empty() { "at least 1" } else { "at most 2" },
            args.len()
        )));
    }
    if args.len() == 1 || args[1].is_none() {
        return m_factorial(vm, &args[..1], &[]);
    }
    let (n, k) = nk_args(vm, &args[0], &args[1])?;
    if k > n {
        return Ok(Value::int(0));
    }
    let Some(k) = k.to_u64() else {
        return Err(PyErr::overflow(format!("k must not exceed {}", i64::MAX)));
    };
    if k > 10_000_000 {
        return Err(PyErr::memory_error());
    }
    Ok(Value::bigint(falling(&n, k)))
}

fn m_prod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [it, start] = bind("prod", args, kw, &["iterable", "/", "*", "start="])?;
    let mut acc = start.unwrap_or(Value::int(1));
    let items = vm.iter(&it.unwrap_or(Value::NONE))?;
    while let Some(x) = vm.next(&items)? {
        acc = vm.binary_op(&acc, &x, BinOpKind::Multiply, false)?;
    }
    Ok(acc)
}

// ---------------------------------------------------------------------------
// Exact summation

/// Add `x` into the non-overlapping partials (Shewchuk); returns the
/// leftover high part, which is non-finite only on overflow.
fn partials_add(partials: &mut Vec<f64>, mut x: f64) -> f64 {
    let mut i = 0;
    for j in 0..partials.len() {
        let mut y = partials[j];
        if x.abs() < y.abs() {
            std::mem::swap(&mut x, &mut y);
        }
        let hi = x + y;
        let lo = y - (hi - x);
        if lo != 0.0 {
            partials[i] = lo;
            i += 1;
        }
        x = hi;
    }
    partials.truncate(i);
    x
}

/// Correctly rounded sum of the partials.
fn partials_sum(partials: &[f64]) -> f64 {
    let mut n = partials.len();
    if n == 0 {
        return 0.0;
    }
    n -= 1;
    let mut hi = partials[n];
    let mut lo = 0.0;
    while n > 0 {
        let x = hi;
        n -= 1;
        let y = partials[n];
        hi = x + y;
        let yr = hi - x;
        lo = y - yr;
        if lo != 0.0 {
            break;
        }
    }
    // Half-way case: round according to the sign of the remaining partials.
    if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
        let y = lo * 2.0;
        let x = hi + y;
        let yr = x - hi;
        if y == yr {
            hi = x;
        }
    }
    hi
}

fn m_fsum(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let v = one_arg("fsum", args, kw)?;
    let it = vm.iter(v)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let mut inf_sum = 0.0f64;
    while let Some(item) = vm.next(&it)? {
        let x = arg_f64(vm, &item)?;
        if !x.is_finite() {
            if x.is_infinite() {
                inf_sum += x;
            }
            special += x;
            continue;
        }
        let hi = partials_add(&mut partials, x);
        if hi != 0.0 {
            if !hi.is_finite() {
                return Err(PyErr::overflow("intermediate overflow in fsum"));
            }
            partials.push(hi);
        }
    }
    if special != 0.0 || special.is_nan() {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::float(special));
    }
    Ok(Value::float(partials_sum(&partials)))
}

/// sqrt(sum of squares), scaled and corrected to (nearly always) the
/// correctly rounded result.
fn vector_norm(xs: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut saw_nan = false;
    for &x in xs {
        if x.is_infinite() {
            return f64::INFINITY;
        }
        if x.is_nan() {
            saw_nan = true;
        }
        max = max.max(x.abs());
    }
    if saw_nan {
        return f64::NAN;
    }
    if max == 0.0 || xs.len() == 1 {
        return max;
    }
    let (_, e) = frexp(max);
    // Scale so that the largest value is in [0.5, 1).
    let scaled: Vec<f64> = xs.iter().map(|&x| ldexp_exact(x.abs(), -e)).collect();
    let mut partials = Vec::new();
    for &x in &scaled {
        let hi = x * x;
        let lo = x.mul_add(x, -hi);
        for p in [hi, lo] {
            let h = partials_add(&mut partials, p);
            if h != 0.0 {
                partials.push(h);
            }
        }
    }
    let s = partials_sum(&partials);
    let mut h = s.sqrt();
    if h > 0.0 {
        // One Newton correction using the exact residual s_exact - h*h.
        let hh = h * h;
        let hl = h.mul_add(h, -hh);
        let mut res = partials.clone();
        for p in [-hh, -hl] {
            let x = partials_add(&mut res, p);
            if x != 0.0 {
                res.push(x);
            }
        }
        let r = partials_sum(&res);
        h += r / (2.0 * h);
    }
    ldexp_exact(h, e)
}

fn m_hypot(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("hypot() takes no keyword arguments"));
    }
    let mut xs = Vec::with_capacity(args.len());
    for a in args {
        xs.push(arg_f64(vm, a)?);
    }
    Ok(Value::float(vector_norm(&xs)))
}

fn m_dist(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (p, q) = two_args("dist", args, kw)?;
    let p = vm.collect(p)?;
    let q = vm.collect(q)?;
    if p.len() != q.len() {
        return Err(PyErr::value_error("both points must have the same number of dimensions"));
    }
    let mut xs = Vec::with_capacity(p.len());
    for (a, b) in p.iter().zip(q.iter()) {
        let x = arg_f64(vm, a)?;
        let y = arg_f64(vm, b)?;
        xs.push((x - y).abs());
    }
    Ok(Value::float(vector_norm(&xs)))
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("math");
    set_attr(&m, "pi", Value::float(std::f64::consts::PI));
    set_attr(&m, "e", Value::float(std::f64::consts::E));
    set_attr(&m, "tau", Value::float(std::f64::consts::TAU));
    set_attr(&m, "inf", Value::float(f64::INFINITY));
    set_attr(&m, "nan", Value::float(f64::NAN));
    register_math1(&m);
    add_function(&m, "gamma", m_gamma);
    add_function(&m, "lgamma", m_lgamma);
    add_function(&m, "log", m_log);
    add_function(&m, "log2", m_log2);
    add_function(&m, "log10", m_log10);
    add_function(&m, "pow", m_pow);
    add_function(&m, "atan2", m_atan2);
    add_function(&m, "copysign", m_copysign);
    add_function(&m, "fmod", m_fmod);
    add_function(&m, "remainder", m_remainder);
    add_function(&m, "nextafter", m_nextafter);
    add_function(&m, "ulp", m_ulp);
    add_function(&m, "ldexp", m_ldexp);
    add_function(&m, "frexp", m_frexp);
    add_function(&m, "modf", m_modf);
    add_function(&m, "degrees", m_degrees);
    add_function(&m, "radians", m_radians);
    add_function(&m, "isfinite", m_isfinite);
    add_function(&m, "isinf", m_isinf);
    add_function(&m, "isnan", m_isnan);
    add_function(&m, "isclose", m_isclose);
    add_function(&m, "floor", m_floor);
    add_function(&m, "ceil", m_ceil);
    add_function(&m, "trunc", m_trunc);
    add_function(&m, "factorial", m_factorial);
    add_function(&m, "gcd", m_gcd);
    add_function(&m, "lcm", m_lcm);
    add_function(&m, "isqrt", m_isqrt);
    add_function(&m, "comb", m_comb);
    add_function(&m, "perm", m_perm);
    add_function(&m, "prod", m_prod);
    add_function(&m, "fsum", m_fsum);
    add_function(&m, "hypot", m_hypot);
    add_function(&m, "dist", m_dist);
    let _ = check_arity;
    m
}
