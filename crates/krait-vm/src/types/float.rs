//! `float`: immediates (see value.rs); arithmetic, hashing, and methods.
//!
//! A plain float is an immediate `Value`; an instance of a float subclass
//! is a heap object with `Payload::Float`. [`float_of`] reads both.
//! Mixed int/float arithmetic converts the int exactly-or-OverflowError
//! ("int too large to convert to float") and then uses float semantics;
//! comparisons between ints and floats are exact (ops/compare.rs).

use crate::object::{NativeKind, Payload, PyObject};
use crate::ops::compare::int_float_cmp;
use crate::text::numparse;
use crate::types::int::bigint_to_f64;
use crate::types::int_methods::float_to_int;
use crate::types::{add_getset, add_method, add_native, lookup, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::{BinOpKind, CmpOpKind};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// The float value of a float or float-subclass instance.
#[inline]
pub fn float_of(v: &Value) -> Option<f64> {
    if let Some(f) = v.as_float() {
        return Some(f);
    }
    match &v.as_obj()?.payload {
        Payload::Float(f) => Some(*f),
        _ => None,
    }
}

/// A float or int operand as f64 (None if neither; Err if the int is too big).
#[inline]
pub fn real_operand(v: &Value) -> Option<PyResult<f64>> {
    if let Some(f) = float_of(v) {
        return Some(Ok(f));
    }
    if let Some(i) = v.as_small_int() {
        return Some(Ok(i as f64));
    }
    if v.is_int() {
        return Some(bigint_to_f64(&v.to_bigint()?));
    }
    None
}

fn range_error() -> PyErr {
    PyErr::overflow("(34, 'Numerical result out of range')")
}

/// Python's `divmod` for floats (caller checks y != 0).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut d = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            d -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let q = if d != 0.0 {
        let mut f = d.floor();
        if d - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        (0.0f64).copysign(x / y)
    };
    (q, m)
}

/// Python's `%` for floats (caller checks y != 0).
pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && y == y.trunc() && (y % 2.0).abs() == 1.0
}

/// `x ** y` for floats with CPython's special cases; a negative base with a
/// fractional exponent gives a complex.
pub fn float_pow(x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::float(x));
    }
    if y.is_nan() {
        return Ok(Value::float(if x == 1.0 { 1.0 } else { y }));
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(Value::float(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return Ok(Value::float(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(PyErr::zero_division("0.0 cannot be raised to a negative power"));
        }
        return Ok(Value::float(if is_odd_integer(y) { x } else { 0.0 }));
    }
    if x < 0.0 && y != y.floor() {
        let (re, im) = crate::types::complex::complex_pow((x, 0.0), (y, 0.0))?;
        return Ok(Value::complex(re, im));
    }
    if x == 1.0 {
        return Ok(Value::float(1.0));
    }
    if x == -1.0 {
        return Ok(Value::float(if is_odd_integer(y) { -1.0 } else { 1.0 }));
    }
    let r = x.powf(y);
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::float(r))
}

/// `x op y` on two floats.
#[inline]
pub fn float_binop(x: f64, y: f64, op: BinOpKind) -> Option<PyResult<Value>> {
    Some(Ok(Value::float(match op {
        BinOpKind::Add => x + y,
        BinOpKind::Subtract => x - y,
        BinOpKind::Multiply => x * y,
        BinOpKind::TrueDivide => {
            if y == 0.0 {
                return Some(Err(PyErr::zero_division("float division by zero")));
            }
            x / y
        }
        BinOpKind::FloorDivide => {
            if y == 0.0 {
                return Some(Err(PyErr::zero_division("float floor division by zero")));
            }
            float_divmod(x, y).0
        }
        BinOpKind::Remainder => {
            if y == 0.0 {
                return Some(Err(PyErr::zero_division("float modulo")));
            }
            float_mod(x, y)
        }
        BinOpKind::Power => return Some(float_pow(x, y)),
        _ => return None,
    })))
}

/// Mixed int/float operators; None if neither is a float.
pub fn float_binop_mixed(_vm: &mut Vm, a: &Value, b: &Value, op: BinOpKind) -> PyResult<Option<Value>> {
    if float_of(a).is_none() && float_of(b).is_none() {
        return Ok(None);
    }
    let (Some(x), Some(y)) = (real_operand(a), real_operand(b)) else { return Ok(None) };
    if !matches!(
        op,
        BinOpKind::Add
            | BinOpKind::Subtract
            | BinOpKind::Multiply
            | BinOpKind::TrueDivide
            | BinOpKind::FloorDivide
            | BinOpKind::Remainder
            | BinOpKind::Power
    ) {
        return Ok(None);
    }
    let (x, y) = (x?, y?);
    match float_binop(x, y, op) {
        Some(r) => r.map(Some),
        None => Ok(None),
    }
}

/// CPython's float hash (consistent with ints for integral values).
pub fn hash_float(x: f64, v: &Value) -> i64 {
    if x.is_nan() {
        return crate::ops::pointer_hash(v);
    }
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    let (m, e) = frexp(x);
    let mut m = m;
    let mut e = e;
    let sign: i64 = if m < 0.0 { -1 } else { 1 };
    if m < 0.0 {
        m = -m;
    }
    let modulus = crate::types::int::HASH_MODULUS as u64;
    let mut x_: u64 = 0;
    const BITS: i32 = 61;
    while m != 0.0 {
        x_ = ((x_ << 28) & modulus) | (x_ >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x_ += y;
        if x_ >= modulus {
            x_ -= modulus;
        }
    }
    let e = if e >= 0 { e % BITS } else { BITS - 1 - ((-1 - e) % BITS) };
    x_ = ((x_ << e) & modulus) | (x_ >> (BITS - e));
    let h = x_ as i64 * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Split x into mantissa in [0.5, 1) and exponent (C's frexp).
pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// A finite nonzero float as `mant * 2**exp` with an odd-or-zero integer mantissa.
pub fn decompose(x: f64) -> (i64, i32) {
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    let frac = (bits & ((1u64 << 52) - 1)) as i64;
    let (mut m, mut e) = if exp_bits == 0 { (frac, -1074) } else { (frac | (1 << 52), exp_bits - 1075) };
    if m != 0 {
        let tz = m.trailing_zeros() as i32;
        m >>= tz;
        e += tz;
    }
    if x < 0.0 {
        m = -m;
    }
    (m, e)
}

/// `round(x, nd)` correctly rounded (half to even on the exact value).
pub fn round_float(x: f64, nd: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if nd > 323 {
        return Ok(x);
    }
    if nd < -308 {
        return Ok(0.0 * x);
    }
    let (m, e) = decompose(x.abs());
    let mut num = BigInt::from(m);
    let mut den = BigInt::from(1);
    if e >= 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let p = num_traits::pow::pow(BigInt::from(10), nd.unsigned_abs() as usize);
    if nd >= 0 {
        num *= p;
    } else {
        den *= p;
    }
    let (q, r) = num.div_rem(&den);
    let twice: BigInt = r * 2;
    let q = match twice.cmp(&den) {
        Ordering::Greater => q + 1,
        Ordering::Equal if q.is_odd() => q + 1,
        _ => q,
    };
    let s = format!("{}e{}", q, -nd);
    let r: f64 = s.parse().unwrap_or(f64::INFINITY);
    if r.is_infinite() {
        return Err(PyErr::overflow("rounded value too large to represent"));
    }
    Ok(r.copysign(x))
}

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match &v.as_obj()?.payload {
        Payload::Bytes(b) => Some(b.to_vec()),
        Payload::ByteArray(b) => Some(b.borrow().clone()),
        _ => None,
    }
}

/// The text of a float given as bytes-like data; the error shows `shown`.
fn parse_float_bytes(b: &[u8], shown: impl FnOnce() -> String) -> PyResult<f64> {
    let s: Option<String> = if b.iter().all(|&c| c < 0x80 && c != 0) { Some(b.iter().map(|&c| c as char).collect()) } else { None };
    if let Some(f) = s.as_deref().and_then(numparse::parse_float_ascii) {
        return Ok(f);
    }
    Err(PyErr::value_error(format!("could not convert string to float: {}", shown())))
}

/// Check the result of `__float__`: a float, or a float subclass
/// (deprecated), else TypeError.
fn checked_float_result(vm: &mut Vm, x: &Value, r: &Value) -> PyResult<f64> {
    let Some(v) = float_of(r) else {
        return Err(PyErr::type_error(format!(
            "{}.__float__ returned non-float (type {})",
            tname(x),
            tname(r)
        )));
    };
    if r.as_float().is_none() && type_ref(r).type_data().heap {
        crate::types::int_methods::deprecation(
            vm,
            &format!(
                "{}.__float__ returned non-float (type {}).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.",
                tname(x),
                tname(r)
            ),
        )?;
    }
    Ok(v)
}

/// `float(x)` as an f64.
pub fn float_from(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    if let Some(f) = x.as_float() {
        return Ok(f);
    }
    if let Some(i) = x.as_small_int() {
        return Ok(i as f64);
    }
    let ty = type_ref(x);
    if !ty.type_data().heap {
        if let Some(s) = x.as_str() {
            return numparse::parse_float(s).map_err(crate::text::to_pyerr);
        }
        if let Some(f) = float_of(x) {
            return Ok(f);
        }
        if let Some(b) = x.as_bigint_ref() {
            return bigint_to_f64(b);
        }
        if x.is_bool() {
            return Ok(x.is_true_singleton() as i64 as f64);
        }
    }
    if let Some(r) = vm.call_special(x, "__float__", &[])? {
        return checked_float_result(vm, x, &r);
    }
    if lookup(ty, "__index__").is_some() {
        let r = crate::types::int_methods::index_of(vm, x)?;
        let Some(b) = r.to_bigint() else {
            return Err(PyErr::type_error(format!("__index__ returned non-int (type {})", tname(&r))));
        };
        return bigint_to_f64(&b);
    }
    if let Some(f) = float_of(x) {
        return Ok(f);
    }
    if let Some(b) = x.to_bigint() {
        return bigint_to_f64(&b);
    }
    if let Some(s) = x.as_str() {
        return numparse::parse_float(s).map_err(crate::text::to_pyerr);
    }
    if let Some(b) = bytes_like(x) {
        return parse_float_bytes(&b, || {
            let r = crate::text::strmethods::bytes_repr(&b);
            if matches!(x.as_obj().map(|o| &o.payload), Some(Payload::ByteArray(_))) {
                format!("bytearray({r})")
            } else {
                r
            }
        });
    }
    if let Some(b) = crate::types::bytes::buffer_bytes(x) {
        let shown = match vm.repr(x) {
            Ok(r) => r.as_str().map(|s| s.to_string()).unwrap_or_default(),
            Err(e) => return Err(e),
        };
        return parse_float_bytes(&b, || shown);
    }
    Err(PyErr::type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        tname(x)
    )))
}

fn float_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    // Subclasses with their own `__init__` may take keyword arguments.
    let own_init = || {
        let base = types().float.as_obj().and_then(|t| lookup(t, "__init__"));
        let mine = args.first().and_then(|c| c.as_obj()).filter(|o| o.as_type().is_some()).and_then(|t| lookup(t, "__init__"));
        match (mine, base) {
            (Some(m), Some(b)) => !m.is(&b),
            _ => false,
        }
    };
    if !kw.is_empty() && !own_init() {
        return Err(PyErr::type_error("float() takes no keyword arguments"));
    }
    let args = &args[..args.len() - kw.len()];
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("float expected at most 1 argument, got {}", args.len() - 1)));
    }
    let cls = &args[0];
    let f = match args.get(1) {
        Some(x) => float_from(vm, x)?,
        None => 0.0,
    };
    if cls.is(&types().float) {
        return Ok(Value::float(f));
    }
    let co = cls.as_obj().filter(|o| o.as_type().is_some()).ok_or_else(|| PyErr::type_error("float.__new__(X): X is not a type object"))?;
    if !crate::types::is_subtype(cls, &types().float) {
        return Err(PyErr::type_error(format!(
            "float.__new__({}): {} is not a subtype of float",
            co.type_name_str(),
            co.type_name_str()
        )));
    }
    let n = co.type_data().slot_names.borrow().len();
    Ok(Value::from_obj(PyObject::new_with_slots(co, Payload::Float(f), n)))
}

// ---------------------------------------------------------------------------
// Dunders

fn self_float(args: &[Value], name: &str) -> PyResult<f64> {
    match args.first() {
        Some(v) => float_of(v).ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor '{name}' requires a 'float' object but received a '{}'",
                tname(v)
            ))
        }),
        None => Err(PyErr::type_error(format!("descriptor '{name}' of 'float' object needs an argument"))),
    }
}

fn arity(name: &str, args: &[Value], kw: &[Value], n: usize) -> PyResult<()> {
    crate::args::method_arity("float", name, args, kw, n)
}

fn notimpl() -> Value {
    types().not_implemented.clone()
}

fn binop_dunder(args: &[Value], kw: &[Value], name: &str, op: BinOpKind, reflected: bool) -> PyResult<Value> {
    let x = self_float(args, name)?;
    arity(name, args, kw, 2)?;
    let y = match real_operand(&args[1]) {
        Some(y) => y?,
        None => return Ok(notimpl()),
    };
    let (a, b) = if reflected { (y, x) } else { (x, y) };
    match float_binop(a, b, op) {
        Some(r) => r,
        None => Ok(notimpl()),
    }
}

binop_dunders!(
    (float_add, float_radd, "__add__", "__radd__", BinOpKind::Add),
    (float_sub, float_rsub, "__sub__", "__rsub__", BinOpKind::Subtract),
    (float_mul, float_rmul, "__mul__", "__rmul__", BinOpKind::Multiply),
    (float_truediv, float_rtruediv, "__truediv__", "__rtruediv__", BinOpKind::TrueDivide),
    (float_floordiv, float_rfloordiv, "__floordiv__", "__rfloordiv__", BinOpKind::FloorDivide),
    (float_mod_m, float_rmod, "__mod__", "__rmod__", BinOpKind::Remainder),
);

fn pow_common(args: &[Value], kw: &[Value], name: &str, reflected: bool) -> PyResult<Value> {
    let x = self_float(args, name)?;
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() < 2 || args.len() > 3 {
        return Err(PyErr::type_error(format!("expected 1 or 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    if let Some(m) = args.get(2) {
        if !m.is_none() {
            return Err(PyErr::type_error("pow() 3rd argument not allowed unless all arguments are integers"));
        }
    }
    let y = match real_operand(&args[1]) {
        Some(y) => y?,
        None => return Ok(notimpl()),
    };
    if reflected {
        float_pow(y, x)
    } else {
        float_pow(x, y)
    }
}

fn float_pow_m(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pow_common(args, kw, "__pow__", false)
}
fn float_rpow(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pow_common(args, kw, "__rpow__", true)
}

fn divmod_common(args: &[Value], kw: &[Value], name: &str, reflected: bool) -> PyResult<Value> {
    let x = self_float(args, name)?;
    arity(name, args, kw, 2)?;
    let y = match real_operand(&args[1]) {
        Some(y) => y?,
        None => return Ok(notimpl()),
    };
    let (a, b) = if reflected { (y, x) } else { (x, y) };
    if b == 0.0 {
        return Err(PyErr::zero_division("float divmod()"));
    }
    let (q, r) = float_divmod(a, b);
    Ok(Value::tuple(vec![Value::float(q), Value::float(r)]))
}

fn float_divmod_m(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    divmod_common(args, kw, "__divmod__", false)
}
fn float_rdivmod(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    divmod_common(args, kw, "__rdivmod__", true)
}

/// Compare a float with a number (int or float); None if `b` is neither.
pub fn float_cmp(x: f64, b: &Value) -> Option<Option<Ordering>> {
    if let Some(y) = float_of(b) {
        return Some(x.partial_cmp(&y));
    }
    if let Some(i) = b.as_i64() {
        if i.unsigned_abs() < (1 << 53) {
            return Some(x.partial_cmp(&(i as f64)));
        }
    }
    let bi = b.to_bigint()?;
    Some(int_float_cmp(&bi, x).map(|o| o.reverse()))
}

fn richcmp(args: &[Value], kw: &[Value], name: &str, op: CmpOpKind) -> PyResult<Value> {
    let x = self_float(args, name)?;
    arity(name, args, kw, 2)?;
    match float_cmp(x, &args[1]) {
        Some(Some(o)) => Ok(Value::bool(crate::ops::arith::cmp_ord(o, op))),
        Some(None) => Ok(Value::bool(op == CmpOpKind::Ne)),
        None => Ok(notimpl()),
    }
}

cmp_dunders!(
    (float_eq, "__eq__", CmpOpKind::Eq),
    (float_ne, "__ne__", CmpOpKind::Ne),
    (float_lt, "__lt__", CmpOpKind::Lt),
    (float_le, "__le__", CmpOpKind::Le),
    (float_gt, "__gt__", CmpOpKind::Gt),
    (float_ge, "__ge__", CmpOpKind::Ge)
);

fn unary(args: &[Value], kw: &[Value], name: &str) -> PyResult<f64> {
    let x = self_float(args, name)?;
    arity(name, args, kw, 1)?;
    Ok(x)
}

fn float_neg(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(-unary(args, kw, "__neg__")?))
}
fn float_pos(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(unary(args, kw, "__pos__")?))
}
fn float_abs(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(unary(args, kw, "__abs__")?.abs()))
}
fn float_bool(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(unary(args, kw, "__bool__")? != 0.0))
}
fn float_float(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(unary(args, kw, "__float__")?))
}
fn float_conjugate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(unary(args, kw, "conjugate")?))
}
fn float_int(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    float_to_int(unary(args, kw, "__int__")?)
}
fn float_trunc(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    float_to_int(unary(args, kw, "__trunc__")?)
}
fn float_floor(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    float_to_int(unary(args, kw, "__floor__")?.floor())
}
fn float_ceil(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    float_to_int(unary(args, kw, "__ceil__")?.ceil())
}
fn float_hash(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = unary(args, kw, "__hash__")?;
    Ok(Value::int(hash_float(x, &args[0])))
}
fn float_repr(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = unary(args, kw, "__repr__")?;
    Ok(Value::string(crate::text::float_repr::float_repr(x)))
}
fn float_getnewargs(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = unary(args, kw, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::float(x)]))
}
fn float_is_integer(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = unary(args, kw, "is_integer")?;
    Ok(Value::bool(x.is_finite() && x == x.trunc()))
}
fn float_hex(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = unary(args, kw, "hex")?;
    Ok(Value::string(numparse::float_to_hex(x)))
}

/// `x.as_integer_ratio()` as BigInts.
pub fn float_ratio(x: f64) -> PyResult<(BigInt, BigInt)> {
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(PyErr::overflow("cannot convert Infinity to integer ratio"));
    }
    if x == 0.0 {
        return Ok((BigInt::zero(), BigInt::from(1)));
    }
    let (m, e) = decompose(x);
    let m = BigInt::from(m);
    if e >= 0 {
        Ok((m << e as usize, BigInt::from(1)))
    } else {
        Ok((m, BigInt::from(1) << (-e) as usize))
    }
}

fn float_as_integer_ratio(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = unary(args, kw, "as_integer_ratio")?;
    let (n, d) = float_ratio(x)?;
    Ok(Value::tuple(vec![Value::bigint(n), Value::bigint(d)]))
}

fn float_fromhex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("fromhex() takes no keyword arguments"));
    }
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("fromhex() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let Some(s) = args[1].as_str() else {
        return Err(PyErr::type_error(format!("fromhex() argument must be str, not {}", tname(&args[1]))));
    };
    let f = numparse::float_fromhex(s).map_err(crate::text::to_pyerr)?;
    if args[0].is(&types().float) {
        return Ok(Value::float(f));
    }
    vm.call(&args[0], &[Value::float(f)])
}

fn float_getformat(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match args.get(1).and_then(|v| v.as_str()) {
        Some("double") | Some("float") => Ok(Value::str("IEEE, little-endian")),
        Some(_) => Err(PyErr::value_error("__getformat__() argument 1 must be 'double' or 'float'")),
        None => Err(PyErr::type_error("__getformat__() argument must be str")),
    }
}

fn float_round(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = self_float(args, "__round__")?;
    if !kw.is_empty() {
        return Err(PyErr::type_error("__round__() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("__round__ expected at most 1 argument, got {}", args.len() - 1)));
    }
    match args.get(1) {
        None => float_to_int(x.round_ties_even()),
        Some(n) if n.is_none() => float_to_int(x.round_ties_even()),
        Some(n) => {
            let nd = match n.to_bigint() {
                Some(b) => b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }),
                None => vm.index_value(n)?,
            };
            Ok(Value::float(round_float(x, nd)?))
        }
    }
}

fn float_format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = self_float(args, "__format__")?;
    arity("__format__", args, kw, 2)?;
    let Some(spec) = args[1].as_str() else {
        return Err(PyErr::type_error(format!("__format__() argument must be str, not {}", tname(&args[1]))));
    };
    if spec.is_empty() {
        return vm.str(&args[0]);
    }
    crate::text::format_spec::format_float_spec(x, spec, &tname(&args[0]))
        .map(Value::string)
        .map_err(crate::text::to_pyerr)
}

fn get_real(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(args.first().and_then(float_of).unwrap_or(0.0)))
}
fn get_imag(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(0.0))
}

pub fn init(t: &Types) {
    let ty = &t.float;
    add_native(ty, "__new__", float_new, NativeKind::StaticMethod);
    register_binops(ty);
    register_cmps(ty);
    add_method(ty, "__pow__", float_pow_m);
    add_method(ty, "__rpow__", float_rpow);
    add_method(ty, "__divmod__", float_divmod_m);
    add_method(ty, "__rdivmod__", float_rdivmod);
    add_method(ty, "__neg__", float_neg);
    add_method(ty, "__pos__", float_pos);
    add_method(ty, "__abs__", float_abs);
    add_method(ty, "__bool__", float_bool);
    add_method(ty, "__float__", float_float);
    add_method(ty, "__int__", float_int);
    add_method(ty, "__trunc__", float_trunc);
    add_method(ty, "__floor__", float_floor);
    add_method(ty, "__ceil__", float_ceil);
    add_method(ty, "__round__", float_round);
    add_method(ty, "__hash__", float_hash);
    add_method(ty, "__repr__", float_repr);
    add_method(ty, "__format__", float_format);
    add_method(ty, "__getnewargs__", float_getnewargs);
    add_method(ty, "is_integer", float_is_integer);
    add_method(ty, "as_integer_ratio", float_as_integer_ratio);
    add_method(ty, "hex", float_hex);
    add_method(ty, "conjugate", float_conjugate);
    add_native(ty, "fromhex", float_fromhex, NativeKind::ClassMethod);
    add_native(ty, "__getformat__", float_getformat, NativeKind::ClassMethod);
    add_getset(ty, "real", get_real, None);
    add_getset(ty, "imag", get_imag, None);
}
