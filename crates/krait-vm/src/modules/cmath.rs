//! The `cmath` module: complex versions of the elementary functions.
//!
//! Finite arguments use Kahan's branch-cut-correct formulas (square roots
//! of `1 ± z` for the inverse functions, `log1p` near the unit circle for
//! `log`). Non-finite arguments follow IEEE arithmetic rather than
//! CPython's full special-value tables. Errors: a pole or domain error is
//! ValueError("math domain error"); a finite argument with an infinite
//! result is OverflowError("math range error").

use crate::args::bind;
use crate::modules::math::{domain_error, range_error};
use crate::types::float::float_from;
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{lookup, type_ref};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

type C = (f64, f64);

trait CAsinh {
    fn casinh(self) -> f64;
}
impl CAsinh for f64 {
    fn casinh(self) -> f64 {
        crate::modules::math::c_asinh(self)
    }
}

/// An argument as a complex number.
fn arg_c(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(c) = v.as_complex() {
        if !type_ref(v).type_data().heap {
            return Ok(c);
        }
    }
    let ty = type_ref(v);
    if let Some(c) = crate::types::complex::complex_dunder(vm, v)? {
        return Ok(c);
    }
    if let Some(c) = v.as_complex() {
        return Ok(c);
    }
    if v.as_str().is_some() || (lookup(ty, "__float__").is_none() && lookup(ty, "__index__").is_none() && !v.is_int() && crate::types::float::float_of(v).is_none()) {
        return Err(PyErr::type_error(format!("must be real number, not {}", ty.type_name_str())));
    }
    Ok((float_from(vm, v)?, 0.0))
}

fn one<'a>(name: &str, args: &'a [Value], kw: &[Value]) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("{name}() takes exactly one argument ({} given)", args.len())));
    }
    Ok(&args[0])
}

fn finite(c: C) -> bool {
    c.0.is_finite() && c.1.is_finite()
}

/// Check the result of `f(z)`: overflow from finite input, NaN from non-NaN.
fn checked(z: C, r: C) -> PyResult<Value> {
    if finite(z) {
        if r.0.is_nan() || r.1.is_nan() {
            return Err(domain_error());
        }
        if r.0.is_infinite() || r.1.is_infinite() {
            return Err(range_error());
        }
    }
    Ok(Value::complex(r.0, r.1))
}

pub fn c_sqrt(z: C) -> C {
    let (x, y) = z;
    if x == 0.0 && y == 0.0 {
        return (0.0, y);
    }
    if y.is_infinite() {
        return (f64::INFINITY, y);
    }
    if x.is_nan() || y.is_nan() {
        if x == f64::NEG_INFINITY {
            return (f64::NAN, f64::INFINITY);
        }
        if x == f64::INFINITY {
            return (x, f64::NAN);
        }
        return (f64::NAN, f64::NAN);
    }
    if x.is_infinite() {
        return if x > 0.0 { (x, 0.0f64.copysign(y)) } else { (0.0, f64::INFINITY.copysign(y)) };
    }
    let ax = x.abs();
    let ay = y.abs();
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Scale up subnormal parts to keep precision.
        let sx = ax * 2f64.powi(54);
        let sy = ay * 2f64.powi(54);
        ((sx + sx.hypot(sy)) / 2.0).sqrt() * 2f64.powi(-27)
    } else {
        let ax8 = ax / 8.0;
        2.0 * (ax8 + ax8.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if x >= 0.0 {
        (s, d.copysign(y))
    } else {
        (d, s.copysign(y))
    }
}

fn c_log(z: C) -> PyResult<C> {
    let (x, y) = z;
    if x == 0.0 && y == 0.0 {
        return Err(domain_error());
    }
    let ax = x.abs();
    let ay = y.abs();
    let re = if ax.is_infinite() || ay.is_infinite() {
        f64::INFINITY
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            let am = ax.max(ay);
            let an = ax.min(ay);
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else if h.is_infinite() {
            // Scale down to avoid overflow.
            (ax / 2.0).hypot(ay / 2.0).ln() + std::f64::consts::LN_2
        } else {
            h.ln()
        }
    };
    Ok((re, y.atan2(x)))
}

fn c_exp(z: C) -> C {
    let (x, y) = z;
    if y == 0.0 && x.is_finite() {
        return (x.exp(), y);
    }
    if x > 708.0 {
        let l = (x - 1.0).exp();
        (l * y.cos() * std::f64::consts::E, l * y.sin() * std::f64::consts::E)
    } else {
        let l = x.exp();
        (l * y.cos(), l * y.sin())
    }
}

fn c_cosh(z: C) -> C {
    let (x, y) = z;
    if x.abs() > 708.0 {
        let xm = x.abs() - 1.0;
        let e = std::f64::consts::E;
        (y.cos() * xm.cosh() * e, y.sin() * (x - x.signum()).sinh() * e)
    } else {
        (y.cos() * x.cosh(), y.sin() * x.sinh())
    }
}

fn c_sinh(z: C) -> C {
    let (x, y) = z;
    if x.abs() > 708.0 {
        let e = std::f64::consts::E;
        (y.cos() * (x - x.signum()).sinh() * e, y.sin() * (x.abs() - 1.0).cosh() * e)
    } else {
        (y.cos() * x.sinh(), y.sin() * x.cosh())
    }
}

fn c_tanh(z: C) -> C {
    let (x, y) = z;
    if x.abs() > 354.0 {
        let r = 1.0f64.copysign(x);
        let i = 4.0 * y.sin() * y.cos() * (-2.0 * x.abs()).exp();
        return (r, i);
    }
    let tx = x.tanh();
    let ty = y.tan();
    let cx = 1.0 / x.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    (tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
}

fn c_asinh(z: C) -> C {
    let (x, y) = z;
    let s1 = c_sqrt((1.0 + y, -x));
    let s2 = c_sqrt((1.0 - y, x));
    ((s1.0 * s2.1 - s2.0 * s1.1).casinh(), y.atan2(s1.0 * s2.0 - s1.1 * s2.1))
}

fn c_acos(z: C) -> C {
    let (x, y) = z;
    let s1 = c_sqrt((1.0 - x, -y));
    let s2 = c_sqrt((1.0 + x, y));
    (2.0 * s1.0.atan2(s2.0), (s2.0 * s1.1 - s2.1 * s1.0).casinh())
}

fn c_acosh(z: C) -> C {
    let (x, y) = z;
    let s1 = c_sqrt((x - 1.0, y));
    let s2 = c_sqrt((x + 1.0, y));
    ((s1.0 * s2.0 + s1.1 * s2.1).casinh(), 2.0 * s1.1.atan2(s2.0))
}

fn c_atanh(z: C) -> PyResult<C> {
    let (x, y) = z;
    if x < 0.0 {
        let r = c_atanh((-x, -y))?;
        return Ok((-r.0, -r.1));
    }
    if x == 1.0 && y == 0.0 {
        return Err(domain_error());
    }
    let ay = y.abs();
    if x > 1e150 || ay > 1e150 {
        // Far from the origin: atanh(z) ~ 1/z + i*pi/2.
        let h = (x / 2.0).hypot(y / 2.0);
        let re = x / h / h / 4.0;
        return Ok((re, -(std::f64::consts::FRAC_PI_2.copysign(-y))));
    }
    let re = (4.0 * x / ((1.0 - x) * (1.0 - x) + ay * ay)).ln_1p() / 4.0;
    let im = -(-2.0 * y).atan2((1.0 - x) * (1.0 + x) - ay * ay) / 2.0;
    Ok((re, im))
}

macro_rules! cfn {
    ($fname:ident, $name:literal, |$z:ident| $body:expr) => {
        fn $fname(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let $z = arg_c(vm, one($name, args, kw)?)?;
            let r: PyResult<C> = $body;
            checked($z, r?)
        }
    };
}

cfn!(cm_sqrt, "sqrt", |z| Ok(c_sqrt(z)));
cfn!(cm_exp, "exp", |z| Ok(c_exp(z)));
cfn!(cm_cosh, "cosh", |z| Ok(c_cosh(z)));
cfn!(cm_sinh, "sinh", |z| Ok(c_sinh(z)));
cfn!(cm_tanh, "tanh", |z| Ok(c_tanh(z)));
cfn!(cm_cos, "cos", |z| Ok(c_cosh((-z.1, z.0))));
cfn!(cm_sin, "sin", |z| {
    let r = c_sinh((-z.1, z.0));
    Ok((r.1, -r.0))
});
cfn!(cm_tan, "tan", |z| {
    let r = c_tanh((-z.1, z.0));
    Ok((r.1, -r.0))
});
cfn!(cm_asinh, "asinh", |z| Ok(c_asinh(z)));
cfn!(cm_asin, "asin", |z| {
    let r = c_asinh((-z.1, z.0));
    Ok((r.1, -r.0))
});
cfn!(cm_acos, "acos", |z| Ok(c_acos(z)));
cfn!(cm_acosh, "acosh", |z| Ok(c_acosh(z)));
cfn!(cm_atanh, "atanh", |z| c_atanh(z));
cfn!(cm_atan, "atan", |z| {
    let r = c_atanh((-z.1, z.0))?;
    Ok((r.1, -r.0))
});
cfn!(cm_log10, "log10", |z| {
    let r = c_log(z)?;
    Ok((r.0 / std::f64::consts::LN_10, r.1 / std::f64::consts::LN_10))
});

fn cm_log(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [x, base] = bind("log", args, kw, &["x", "base=", "/"])?;
    let z = arg_c(vm, &x.unwrap_or(Value::NONE))?;
    let mut r = c_log(z)?;
    if let Some(b) = base {
        let bz = arg_c(vm, &b)?;
        let lb = c_log(bz)?;
        r = crate::types::complex::c_div(r, lb).ok_or_else(|| PyErr::zero_division("complex division by zero"))?;
    }
    checked(z, r)
}

fn cm_phase(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let z = arg_c(vm, one("phase", args, kw)?)?;
    Ok(Value::float(z.1.atan2(z.0)))
}

fn cm_polar(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let z = arg_c(vm, one("polar", args, kw)?)?;
    let r = crate::types::complex::complex_abs(z).map_err(|_| range_error())?;
    Ok(Value::tuple(vec![Value::float(r), Value::float(z.1.atan2(z.0))]))
}

fn cm_rect(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("rect() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("rect expected 2 arguments, got {}", args.len())));
    }
    let r = crate::modules::math::arg_f64(vm, &args[0])?;
    let phi = crate::modules::math::arg_f64(vm, &args[1])?;
    if r.is_finite() && phi.is_infinite() {
        return Err(domain_error());
    }
    let (re, im) = if phi == 0.0 { (r, phi * r) } else { (r * phi.cos(), r * phi.sin()) };
    Ok(Value::complex(re, im))
}

fn cm_isfinite(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let z = arg_c(vm, one("isfinite", args, kw)?)?;
    Ok(Value::bool(finite(z)))
}
fn cm_isinf(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let z = arg_c(vm, one("isinf", args, kw)?)?;
    Ok(Value::bool(z.0.is_infinite() || z.1.is_infinite()))
}
fn cm_isnan(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let z = arg_c(vm, one("isnan", args, kw)?)?;
    Ok(Value::bool(z.0.is_nan() || z.1.is_nan()))
}

fn cm_isclose(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [a, b, rel, abs] = bind("isclose", args, kw, &["a", "b", "/", "*", "rel_tol=", "abs_tol="])?;
    let a = arg_c(vm, &a.unwrap_or(Value::NONE))?;
    let b = arg_c(vm, &b.unwrap_or(Value::NONE))?;
    let rel = match rel {
        Some(v) => crate::modules::math::arg_f64(vm, &v)?,
        None => 1e-9,
    };
    let abs = match abs {
        Some(v) => crate::modules::math::arg_f64(vm, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.0.is_infinite() || a.1.is_infinite() || b.0.is_infinite() || b.1.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (a.0 - b.0).hypot(a.1 - b.1);
    let na = a.0.hypot(a.1);
    let nb = b.0.hypot(b.1);
    Ok(Value::bool(diff <= rel * nb || diff <= rel * na || diff <= abs))
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("cmath");
    set_attr(&m, "pi", Value::float(std::f64::consts::PI));
    set_attr(&m, "e", Value::float(std::f64::consts::E));
    set_attr(&m, "tau", Value::float(std::f64::consts::TAU));
    set_attr(&m, "inf", Value::float(f64::INFINITY));
    set_attr(&m, "nan", Value::float(f64::NAN));
    set_attr(&m, "infj", Value::complex(0.0, f64::INFINITY));
    set_attr(&m, "nanj", Value::complex(0.0, f64::NAN));
    add_function(&m, "sqrt", cm_sqrt);
    add_function(&m, "exp", cm_exp);
    add_function(&m, "log", cm_log);
    add_function(&m, "log10", cm_log10);
    add_function(&m, "cos", cm_cos);
    add_function(&m, "sin", cm_sin);
    add_function(&m, "tan", cm_tan);
    add_function(&m, "acos", cm_acos);
    add_function(&m, "asin", cm_asin);
    add_function(&m, "atan", cm_atan);
    add_function(&m, "cosh", cm_cosh);
    add_function(&m, "sinh", cm_sinh);
    add_function(&m, "tanh", cm_tanh);
    add_function(&m, "acosh", cm_acosh);
    add_function(&m, "asinh", cm_asinh);
    add_function(&m, "atanh", cm_atanh);
    add_function(&m, "phase", cm_phase);
    add_function(&m, "polar", cm_polar);
    add_function(&m, "rect", cm_rect);
    add_function(&m, "isfinite", cm_isfinite);
    add_function(&m, "isinf", cm_isinf);
    add_function(&m, "isnan", cm_isnan);
    add_function(&m, "isclose", cm_isclose);
    m
}
