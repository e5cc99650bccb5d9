//! `complex`: a pair of floats.
//!
//! Arithmetic follows CPython 3.11: a real operand is widened to
//! `complex(x, 0.0)` before the operation (which matters for signed zeros
//! and infinities), division uses the scaled (Smith) algorithm, integer
//! powers up to 100 use repeated squaring and other powers the polar form.

use crate::object::{NativeKind, Payload, PyObject};
use crate::text::float_repr::complex_repr;
use crate::types::float::{float_from, float_of, hash_float, real_operand};
use crate::types::{add_getset, add_method, add_native, lookup, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::{BinOpKind, CmpOpKind};

impl Value {
    pub fn complex(re: f64, im: f64) -> Value {
        Value::from_obj(PyObject::new(types().complex.as_obj().unwrap(), Payload::Complex(re, im)))
    }

    pub fn as_complex(&self) -> Option<(f64, f64)> {
        match &self.as_obj()?.payload {
            Payload::Complex(r, i) => Some((*r, *i)),
            _ => None,
        }
    }
}

type C = (f64, f64);

/// A complex, float or int operand as a complex (None if not a number).
#[inline]
pub fn complex_operand(v: &Value) -> Option<PyResult<C>> {
    if let Some(c) = v.as_complex() {
        return Some(Ok(c));
    }
    match real_operand(v)? {
        Ok(x) => Some(Ok((x, 0.0))),
        Err(e) => Some(Err(e)),
    }
}

#[inline]
pub fn c_mul(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `a / b`; None on division by zero.
pub fn c_div(a: C, b: C) -> Option<C> {
    let abs_br = b.0.abs();
    let abs_bi = b.1.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn c_powu(x: C, n: u64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_mul(r, p);
        }
        mask <<= 1;
        p = c_mul(p, p);
    }
    r
}

fn pow_domain() -> PyErr {
    PyErr::zero_division("0.0 to a negative or complex power")
}

/// General complex power (polar form).
fn c_pow(a: C, b: C) -> PyResult<C> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(pow_domain());
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `a ** b` with CPython's errors.
pub fn complex_pow(a: C, b: C) -> PyResult<C> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n >= 0 {
            c_powu(a, n as u64)
        } else {
            let p = c_powu(a, (-n) as u64);
            c_div((1.0, 0.0), p).ok_or_else(pow_domain)?
        }
    } else {
        c_pow(a, b)?
    };
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(PyErr::overflow("complex exponentiation"));
    }
    Ok(r)
}

fn c_op(a: C, b: C, op: BinOpKind) -> Option<PyResult<C>> {
    Some(Ok(match op {
        BinOpKind::Add => (a.0 + b.0, a.1 + b.1),
        BinOpKind::Subtract => (a.0 - b.0, a.1 - b.1),
        BinOpKind::Multiply => c_mul(a, b),
        BinOpKind::TrueDivide => match c_div(a, b) {
            Some(r) => r,
            None => return Some(Err(PyErr::zero_division("complex division by zero"))),
        },
        BinOpKind::Power => return Some(complex_pow(a, b)),
        _ => return None,
    }))
}

/// Complex operators with int/float/complex operands; None otherwise.
pub fn complex_binop(_vm: &mut Vm, a: &Value, b: &Value, op: BinOpKind) -> PyResult<Option<Value>> {
    // Hot path: two complex objects (mandelbrot's `z * z + c`).
    if let (Some(x), Some(y)) = (a.as_complex(), b.as_complex()) {
        return match c_op(x, y, op) {
            Some(r) => r.map(|(re, im)| Some(Value::complex(re, im))),
            None => Ok(None),
        };
    }
    if a.as_complex().is_none() && b.as_complex().is_none() {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (complex_operand(a), complex_operand(b)) else { return Ok(None) };
    if !matches!(
        op,
        BinOpKind::Add | BinOpKind::Subtract | BinOpKind::Multiply | BinOpKind::TrueDivide | BinOpKind::Power
    ) {
        return Ok(None);
    }
    let (x, y) = (x?, y?);
    match c_op(x, y, op) {
        Some(r) => r.map(|(re, im)| Some(Value::complex(re, im))),
        None => Ok(None),
    }
}

/// `abs(z)`.
pub fn complex_abs(c: C) -> PyResult<f64> {
    if c.0.is_infinite() || c.1.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if c.0.is_nan() || c.1.is_nan() {
        return Ok(f64::NAN);
    }
    let r = c.0.hypot(c.1);
    if r.is_infinite() {
        return Err(PyErr::overflow("absolute value too large"));
    }
    Ok(r)
}

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

// ---------------------------------------------------------------------------
// Construction

/// Parse `complex("1+2j")`.
pub fn parse_complex(s: &str) -> Option<C> {
    let mut t = s.trim_matches(|c: char| c.is_whitespace());
    if t.starts_with('(') && t.ends_with(')') && t.len() >= 2 {
        t = t[1..t.len() - 1].trim_matches(|c: char| c.is_whitespace());
    }
    if t.is_empty() || t.chars().any(|c| c.is_whitespace()) {
        return None;
    }
    let num = |p: &str| -> Option<f64> {
        if p.is_empty() || p.chars().any(|c| c.is_whitespace()) {
            return None;
        }
        crate::text::numparse::parse_float_ascii(p)
    };
    let b = t.as_bytes();
    // Last sign that is not the first char and does not follow an exponent marker.
    let mut split = None;
    for i in 1..b.len() {
        if (b[i] == b'+' || b[i] == b'-') && !matches!(b[i - 1], b'e' | b'E') {
            split = Some(i);
        }
    }
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        let imag_of = |p: &str| -> Option<f64> {
            match p {
                "" | "+" => Some(1.0),
                "-" => Some(-1.0),
                _ => num(p),
            }
        };
        match split {
            Some(i) if i < body.len() => {
                let re = num(&body[..i])?;
                let im = imag_of(&body[i..])?;
                Some((re, im))
            }
            _ => Some((0.0, imag_of(body)?)),
        }
    } else {
        if split.is_some() {
            // Only an exponent sign may follow; "1+2" is malformed.
            return None;
        }
        Some((num(t)?, 0.0))
    }
}

/// The result of `v.__complex__()` if its type has one: a complex, or a
/// complex subclass (deprecated), else TypeError.
pub(crate) fn complex_dunder(vm: &mut Vm, v: &Value) -> PyResult<Option<C>> {
    let Some(r) = vm.call_special(v, "__complex__", &[])? else {
        return Ok(None);
    };
    let Some(c) = r.as_complex() else {
        return Err(PyErr::type_error(format!("__complex__ returned non-complex (type {})", tname(&r))));
    };
    if type_ref(&r).type_data().heap {
        crate::types::int_methods::deprecation(
            vm,
            &format!(
                "__complex__ returned non-complex (type {}).  The ability to return an instance of a strict subclass of complex is deprecated, and may be removed in a future version of Python.",
                tname(&r)
            ),
        )?;
    }
    Ok(Some(c))
}

/// `complex(x)` for one argument that is a number: (value, is_complex).
fn complex_part(vm: &mut Vm, v: &Value, first: bool) -> PyResult<(C, bool)> {
    if let Some(c) = v.as_complex() {
        if !type_ref(v).type_data().heap {
            return Ok((c, true));
        }
    }
    let ty = type_ref(v);
    if first {
        if let Some(c) = complex_dunder(vm, v)? {
            return Ok((c, true));
        }
    }
    if let Some(c) = v.as_complex() {
        return Ok((c, true));
    }
    if let Some(f) = float_of(v) {
        return Ok(((f, 0.0), false));
    }
    if v.is_int() || lookup(ty, "__float__").is_some() || lookup(ty, "__index__").is_some() {
        return Ok(((float_from(vm, v)?, 0.0), false));
    }
    Err(PyErr::type_error(if first {
        format!("complex() first argument must be a string or a number, not '{}'", tname(v))
    } else {
        format!("complex() second argument must be a number, not '{}'", tname(v))
    }))
}

fn complex_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args[0].clone();
    let [real, imag] = crate::args::bind("complex", &args[1..], kw, &["real=", "imag="])?;
    let c: C = match (&real, &imag) {
        (None, None) => (0.0, 0.0),
        (Some(r), i) if r.as_str().is_some() => {
            if i.is_some() {
                return Err(PyErr::type_error("complex() can't take second arg if first is a string"));
            }
            parse_complex(r.as_str().unwrap_or("")).ok_or_else(|| PyErr::value_error("complex() arg is a malformed string"))?
        }
        (r, Some(i)) if i.as_str().is_some() => {
            let _ = r;
            return Err(PyErr::type_error("complex() second arg can't be a string"));
        }
        (r, i) => {
            if let (Some(r), None) = (r, i) {
                if r.as_complex().is_some() && !type_ref(r).type_data().heap && cls.is(&types().complex) {
                    return Ok(r.clone());
                }
            }
            let (cr, cr_c) = match r {
                Some(r) => complex_part(vm, r, true)?,
                None => ((0.0, 0.0), false),
            };
            match i {
                None => cr,
                Some(i) => {
                    let (ci, ci_c) = complex_part(vm, i, false)?;
                    let mut re = cr.0;
                    let mut im = ci.0;
                    if ci_c {
                        re -= ci.1;
                    }
                    if cr_c {
                        im += cr.1;
                    }
                    (re, im)
                }
            }
        }
    };
    if cls.is(&types().complex) {
        return Ok(Value::complex(c.0, c.1));
    }
    let co = cls.as_obj().filter(|o| o.as_type().is_some()).ok_or_else(|| PyErr::type_error("complex.__new__(X): X is not a type object"))?;
    if !crate::types::is_subtype(&cls, &types().complex) {
        return Err(PyErr::type_error(format!(
            "complex.__new__({}): {} is not a subtype of complex",
            co.type_name_str(),
            co.type_name_str()
        )));
    }
    let n = co.type_data().slot_names.borrow().len();
    Ok(Value::from_obj(PyObject::new_with_slots(co, Payload::Complex(c.0, c.1), n)))
}

// ---------------------------------------------------------------------------
// Dunders

fn self_complex(args: &[Value], name: &str) -> PyResult<C> {
    match args.first() {
        Some(v) => v.as_complex().ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor '{name}' requires a 'complex' object but received a '{}'",
                tname(v)
            ))
        }),
        None => Err(PyErr::type_error(format!("descriptor '{name}' of 'complex' object needs an argument"))),
    }
}

fn arity(name: &str, args: &[Value], kw: &[Value], n: usize) -> PyResult<()> {
    crate::args::method_arity("complex", name, args, kw, n)
}

fn notimpl() -> Value {
    types().not_implemented.clone()
}

fn binop_dunder(args: &[Value], kw: &[Value], name: &str, op: BinOpKind, reflected: bool) -> PyResult<Value> {
    let x = self_complex(args, name)?;
    if op == BinOpKind::Power {
        if kw.is_empty() && args.len() == 3 && !args[2].is_none() {
            return Err(PyErr::value_error("complex modulo"));
        }
        if args.len() == 3 && kw.is_empty() {
            return binop_dunder(&args[..2], kw, name, op, reflected);
        }
    }
    arity(name, args, kw, 2)?;
    let y = match complex_operand(&args[1]) {
        Some(y) => y?,
        None => return Ok(notimpl()),
    };
    let (a, b) = if reflected { (y, x) } else { (x, y) };
    match c_op(a, b, op) {
        Some(r) => r.map(|(re, im)| Value::complex(re, im)),
        None => Ok(notimpl()),
    }
}

binop_dunders!(
    (complex_add, complex_radd, "__add__", "__radd__", BinOpKind::Add),
    (complex_sub, complex_rsub, "__sub__", "__rsub__", BinOpKind::Subtract),
    (complex_mul, complex_rmul, "__mul__", "__rmul__", BinOpKind::Multiply),
    (complex_truediv, complex_rtruediv, "__truediv__", "__rtruediv__", BinOpKind::TrueDivide),
    (complex_pow_m, complex_rpow, "__pow__", "__rpow__", BinOpKind::Power),
);

/// `complex == other` for numbers; None if `other` is not a number.
fn complex_eq_value(c: C, b: &Value) -> Option<bool> {
    if let Some(d) = b.as_complex() {
        return Some(c.0 == d.0 && c.1 == d.1);
    }
    if let Some(f) = float_of(b) {
        return Some(c.1 == 0.0 && c.0 == f);
    }
    if b.is_int() {
        if c.1 != 0.0 {
            return Some(false);
        }
        let bi = b.to_bigint()?;
        return Some(crate::ops::compare::int_float_cmp(&bi, c.0) == Some(std::cmp::Ordering::Equal));
    }
    None
}

fn richcmp(args: &[Value], kw: &[Value], name: &str, op: CmpOpKind) -> PyResult<Value> {
    let c = self_complex(args, name)?;
    arity(name, args, kw, 2)?;
    if !matches!(op, CmpOpKind::Eq | CmpOpKind::Ne) {
        return Ok(notimpl());
    }
    match complex_eq_value(c, &args[1]) {
        Some(e) => Ok(Value::bool(e == (op == CmpOpKind::Eq))),
        None => Ok(notimpl()),
    }
}

cmp_dunders!(
    (complex_eq, "__eq__", CmpOpKind::Eq),
    (complex_ne, "__ne__", CmpOpKind::Ne),
    (complex_lt, "__lt__", CmpOpKind::Lt),
    (complex_le, "__le__", CmpOpKind::Le),
    (complex_gt, "__gt__", CmpOpKind::Gt),
    (complex_ge, "__ge__", CmpOpKind::Ge)
);

fn unary(args: &[Value], kw: &[Value], name: &str) -> PyResult<C> {
    let c = self_complex(args, name)?;
    arity(name, args, kw, 1)?;
    Ok(c)
}

fn complex_neg(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = unary(args, kw, "__neg__")?;
    Ok(Value::complex(-c.0, -c.1))
}
fn complex_pos(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = unary(args, kw, "__pos__")?;
    Ok(Value::complex(c.0, c.1))
}
fn complex_abs_m(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = unary(args, kw, "__abs__")?;
    Ok(Value::float(complex_abs(c)?))
}
fn complex_bool(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = unary(args, kw, "__bool__")?;
    Ok(Value::bool(c.0 != 0.0 || c.1 != 0.0))
}
fn complex_conjugate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = unary(args, kw, "conjugate")?;
    Ok(Value::complex(c.0, -c.1))
}
fn complex_complex(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = unary(args, kw, "__complex__")?;
    if !type_ref(&args[0]).type_data().heap {
        return Ok(args[0].clone());
    }
    Ok(Value::complex(c.0, c.1))
}
fn complex_getnewargs(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = unary(args, kw, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::float(c.0), Value::float(c.1)]))
}
fn complex_repr_m(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = unary(args, kw, "__repr__")?;
    Ok(Value::string(complex_repr(c.0, c.1)))
}

/// CPython's complex hash.
pub fn hash_complex(c: C, v: &Value) -> i64 {
    let hr = hash_float(c.0, v) as u64;
    let hi = hash_float(c.1, v) as u64;
    let h = hr.wrapping_add(hi.wrapping_mul(1000003)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn complex_hash(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = unary(args, kw, "__hash__")?;
    Ok(Value::int(hash_complex(c, &args[0])))
}

fn complex_format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let c = self_complex(args, "__format__")?;
    arity("__format__", args, kw, 2)?;
    let Some(spec) = args[1].as_str() else {
        return Err(PyErr::type_error(format!("__format__() argument must be str, not {}", tname(&args[1]))));
    };
    if spec.is_empty() {
        return vm.str(&args[0]);
    }
    crate::text::format_spec::format_complex_spec(c.0, c.1, spec, &tname(&args[0]))
        .map(Value::string)
        .map_err(crate::text::to_pyerr)
}

fn get_real(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(args.first().and_then(|v| v.as_complex()).map_or(0.0, |c| c.0)))
}
fn set_readonly(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("readonly attribute"))
}
fn get_imag(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(args.first().and_then(|v| v.as_complex()).map_or(0.0, |c| c.1)))
}

pub fn init(t: &Types) {
    let ty = &t.complex;
    add_native(ty, "__new__", complex_new, NativeKind::StaticMethod);
    register_binops(ty);
    register_cmps(ty);
    add_method(ty, "__neg__", complex_neg);
    add_method(ty, "__pos__", complex_pos);
    add_method(ty, "__abs__", complex_abs_m);
    add_method(ty, "__bool__", complex_bool);
    add_method(ty, "__complex__", complex_complex);
    add_method(ty, "__getnewargs__", complex_getnewargs);
    add_method(ty, "__repr__", complex_repr_m);
    add_method(ty, "__hash__", complex_hash);
    add_method(ty, "__format__", complex_format);
    add_method(ty, "conjugate", complex_conjugate);
    add_getset(ty, "real", get_real, Some(set_readonly));
    add_getset(ty, "imag", get_imag, Some(set_readonly));
}
