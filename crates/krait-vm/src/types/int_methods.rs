//! Arithmetic on ints (the operator fast paths) and the Python-visible
//! methods of `int` and `bool`.
//!
//! `small_int_binop` handles two immediates and declines (None) when the
//! result may leave i64; `int_binop` is the general arbitrary-precision
//! path used by the operators and by every `int.__op__` dunder. Bool
//! operands are ints, except that `&`, `|`, `^` of two bools give a bool.

use crate::object::{NativeKind, Payload, PyObject};
use crate::ops::compare::int_float_cmp;
use crate::text::numparse;
use crate::types::float::{float_of, float_pow};
use crate::types::int::{bigint_to_f64, floordiv, hash_bigint, hash_i64, modulo, pow_mod};
use crate::types::{add_getset, add_method, add_native, lookup, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::{BinOpKind, CmpOpKind};
use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;

/// Largest shift/exponent result (in bits) we attempt before MemoryError.
const MAX_RESULT_BITS: u64 = 1 << 32;

fn div_zero() -> PyErr {
    PyErr::zero_division("integer division or modulo by zero")
}
fn mod_zero() -> PyErr {
    PyErr::zero_division("integer modulo by zero")
}

/// `x op y` on two small ints; None when the operator needs the general path.
#[inline]
pub fn small_int_binop(x: i64, y: i64, op: BinOpKind) -> Option<PyResult<Value>> {
    Some(Ok(match op {
        BinOpKind::Add => Value::int(x + y),
        BinOpKind::Subtract => Value::int(x - y),
        BinOpKind::Multiply => match x.checked_mul(y) {
            Some(r) => Value::int(r),
            None => return None,
        },
        BinOpKind::FloorDivide => {
            if y == 0 {
                return Some(Err(div_zero()));
            }
            Value::int(Integer::div_floor(&x, &y))
        }
        BinOpKind::Remainder => {
            if y == 0 {
                return Some(Err(mod_zero()));
            }
            Value::int(Integer::mod_floor(&x, &y))
        }
        BinOpKind::TrueDivide => {
            if y == 0 {
                return Some(Err(PyErr::zero_division("division by zero")));
            }
            if x.unsigned_abs() <= (1 << 53) && y.unsigned_abs() <= (1 << 53) {
                Value::float(x as f64 / y as f64)
            } else {
                return None;
            }
        }
        BinOpKind::And => Value::int(x & y),
        BinOpKind::Or => Value::int(x | y),
        BinOpKind::Xor => Value::int(x ^ y),
        BinOpKind::Lshift => {
            if y < 0 {
                return Some(Err(PyErr::value_error("negative shift count")));
            }
            if x == 0 {
                return Some(Ok(Value::int(0)));
            }
            if y >= 64 {
                return None;
            }
            let r = (x as i128) << y;
            match i64::try_from(r) {
                Ok(r) => Value::int(r),
                Err(_) => return None,
            }
        }
        BinOpKind::Rshift => {
            if y < 0 {
                return Some(Err(PyErr::value_error("negative shift count")));
            }
            Value::int(if y >= 63 { if x < 0 { -1 } else { 0 } } else { x >> y })
        }
        BinOpKind::Power => {
            if y < 0 || y > u32::MAX as i64 {
                return None;
            }
            match x.checked_pow(y as u32) {
                Some(r) => Value::int(r),
                None => return None,
            }
        }
        _ => return None,
    }))
}

/// Int (and bool) operators with arbitrary precision; None if not both ints.
pub fn int_binop(_vm: &mut Vm, a: &Value, b: &Value, op: BinOpKind) -> PyResult<Option<Value>> {
    if !(a.is_int() && b.is_int()) {
        return Ok(None);
    }
    int_op(a, b, op)
}

/// `a op b` for two int values (the caller checked `is_int`).
pub fn int_op(a: &Value, b: &Value, op: BinOpKind) -> PyResult<Option<Value>> {
    if a.is_bool() && b.is_bool() {
        let (x, y) = (a.is_true_singleton(), b.is_true_singleton());
        match op {
            BinOpKind::And => return Ok(Some(Value::bool(x & y))),
            BinOpKind::Or => return Ok(Some(Value::bool(x | y))),
            BinOpKind::Xor => return Ok(Some(Value::bool(x ^ y))),
            _ => {}
        }
    }
    if op == BinOpKind::MatrixMultiply {
        return Ok(None);
    }
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        if let Some(r) = i64_op(x, y, op) {
            return r.map(Some);
        }
    }
    let (Some(x), Some(y)) = (a.to_bigint(), b.to_bigint()) else { return Ok(None) };
    big_op(&x, &y, op).map(Some)
}

/// i64 operators; None when the result needs a BigInt.
fn i64_op(x: i64, y: i64, op: BinOpKind) -> Option<PyResult<Value>> {
    Some(Ok(match op {
        BinOpKind::Add => Value::int(x.checked_add(y)?),
        BinOpKind::Subtract => Value::int(x.checked_sub(y)?),
        BinOpKind::Multiply => Value::int(x.checked_mul(y)?),
        BinOpKind::FloorDivide => {
            if y == 0 {
                return Some(Err(div_zero()));
            }
            if x == i64::MIN && y == -1 {
                return None;
            }
            Value::int(Integer::div_floor(&x, &y))
        }
        BinOpKind::Remainder => {
            if y == 0 {
                return Some(Err(mod_zero()));
            }
            if y == -1 {
                return Some(Ok(Value::int(0)));
            }
            Value::int(Integer::mod_floor(&x, &y))
        }
        BinOpKind::And => Value::int(x & y),
        BinOpKind::Or => Value::int(x | y),
        BinOpKind::Xor => Value::int(x ^ y),
        _ => return None,
    }))
}

fn big_op(x: &BigInt, y: &BigInt, op: BinOpKind) -> PyResult<Value> {
    Ok(match op {
        BinOpKind::Add => Value::bigint(x + y),
        BinOpKind::Subtract => Value::bigint(x - y),
        BinOpKind::Multiply => Value::bigint(x * y),
        BinOpKind::FloorDivide => {
            if y.is_zero() {
                return Err(div_zero());
            }
            Value::bigint(floordiv(x, y))
        }
        BinOpKind::Remainder => {
            if y.is_zero() {
                return Err(mod_zero());
            }
            Value::bigint(modulo(x, y))
        }
        BinOpKind::TrueDivide => Value::float(int_truediv(x, y)?),
        BinOpKind::And => Value::bigint(x & y),
        BinOpKind::Or => Value::bigint(x | y),
        BinOpKind::Xor => Value::bigint(x ^ y),
        BinOpKind::Lshift => Value::bigint(int_lshift(x, y)?),
        BinOpKind::Rshift => Value::bigint(int_rshift(x, y)?),
        BinOpKind::Power => int_pow(x, y)?,
        BinOpKind::MatrixMultiply => return Err(PyErr::type_error("unsupported operand type(s) for @")),
    })
}

pub fn int_lshift(x: &BigInt, y: &BigInt) -> PyResult<BigInt> {
    if y.is_negative() {
        return Err(PyErr::value_error("negative shift count"));
    }
    if x.is_zero() {
        return Ok(BigInt::zero());
    }
    let Some(n) = y.to_i64() else { return Err(PyErr::overflow("too many digits in integer")) };
    if x.bits() + n as u64 > MAX_RESULT_BITS {
        return Err(PyErr::memory_error());
    }
    Ok(x << n as usize)
}

pub fn int_rshift(x: &BigInt, y: &BigInt) -> PyResult<BigInt> {
    if y.is_negative() {
        return Err(PyErr::value_error("negative shift count"));
    }
    match y.to_u64() {
        Some(n) if n < x.bits() => Ok(x >> n as usize),
        _ => Ok(if x.is_negative() { BigInt::from(-1) } else { BigInt::zero() }),
    }
}

/// `x ** y` for ints (a negative exponent gives a float).
pub fn int_pow(x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if y.is_negative() {
        let fx = bigint_to_f64(x)?;
        let fy = bigint_to_f64(y)?;
        return float_pow(fx, fy);
    }
    if x.is_zero() {
        return Ok(Value::int(if y.is_zero() { 1 } else { 0 }));
    }
    if x.is_one() {
        return Ok(Value::int(1));
    }
    if *x == BigInt::from(-1) {
        return Ok(Value::int(if y.is_even() { 1 } else { -1 }));
    }
    let Some(e) = y.to_u64() else { return Err(PyErr::memory_error()) };
    if (x.bits() - 1).saturating_mul(e) > MAX_RESULT_BITS {
        return Err(PyErr::memory_error());
    }
    Ok(Value::bigint(num_traits::pow::pow(x.clone(), e as usize)))
}

/// `a / b` for ints, correctly rounded.
pub fn int_truediv(a: &BigInt, b: &BigInt) -> PyResult<f64> {
    if b.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() <= (1 << 53) && y.unsigned_abs() <= (1 << 53) {
            return Ok(x as f64 / y as f64);
        }
    }
    let neg = a.is_negative() != b.is_negative();
    let n = a.magnitude();
    let d = b.magnitude();
    if n.is_zero() {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let e0 = n.bits() as i64 - d.bits() as i64;
    if e0 > 1025 {
        return Err(PyErr::overflow("integer division result too large for a float"));
    }
    // Choose the weight of q's lowest bit: enough bits for 53 + guard bits.
    let shift = (e0 - 56).max(-1077);
    let (q, r) = if shift >= 0 {
        let dd: BigUint = d << shift as usize;
        n.div_rem(&dd)
    } else {
        let nn: BigUint = n << (-shift) as usize;
        nn.div_rem(d)
    };
    let sticky = !r.is_zero();
    let qbits = q.bits() as i64;
    if qbits == 0 {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let top = qbits + shift; // value in [2^(top-1), 2^top)
    let unit = (top - 53).max(-1074);
    let k = (unit - shift) as usize; // bits to drop (>= 2)
    let mut m: BigUint = &q >> k;
    let rem: BigUint = &q - (&m << k);
    let half = BigUint::one() << (k - 1);
    let up = match rem.cmp(&half) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => sticky || m.bit(0),
    };
    if up {
        m += 1u32;
    }
    let mf = m.to_f64().unwrap_or(f64::INFINITY);
    let r = ldexp_exact(mf, unit as i32);
    if !r.is_finite() {
        return Err(PyErr::overflow("integer division result too large for a float"));
    }
    Ok(if neg { -r } else { r })
}

/// `x * 2**e` (exact when the result is representable).
pub fn ldexp_exact(mut x: f64, mut e: i32) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        if e >= -2000 {
            // Split so that the first step stays normal.
            let h = e / 2;
            x *= 2f64.powi(h);
            x *= 2f64.powi(e - h);
            return x;
        }
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e)
}

// ---------------------------------------------------------------------------
// Conversions

/// The value as an exact `int` (a bool or subclass instance becomes plain int).
pub fn exact_int(v: &Value) -> Value {
    if v.is_small_int() {
        return v.clone();
    }
    if v.is_bool() {
        return Value::int(v.is_true_singleton() as i64);
    }
    if let Some(o) = v.as_obj() {
        if std::ptr::eq(o.ty(), types().int.as_obj().unwrap()) {
            return v.clone();
        }
    }
    match v.to_bigint() {
        Some(b) => Value::bigint(b),
        None => Value::int(0),
    }
}

/// `int(f)` for a float: truncation, with CPython's errors for inf/nan.
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::int(t as i64));
    }
    use num_traits::FromPrimitive;
    Ok(Value::bigint(BigInt::from_f64(t).unwrap_or_default()))
}

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

/// Bytes-like contents (bytes, bytearray), if any.
fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    match &v.as_obj()?.payload {
        Payload::Bytes(b) => Some(b.to_vec()),
        Payload::ByteArray(b) => Some(b.borrow().clone()),
        _ => None,
    }
}

/// Parse the text of `x` (str or bytes-like) as an int in `base`.
fn parse_text_int(x: &Value, base: i64) -> PyResult<Option<BigInt>> {
    if let Some(bytes) = bytes_like(x) {
        return parse_bytes_int(&bytes, base).map(Some);
    }
    let b = if (0..=36).contains(&base) { base as u32 } else { u32::MAX };
    if let Some(s) = x.as_str() {
        return numparse::parse_int(s, b).map(Some).map_err(crate::text::to_pyerr);
    }
    Ok(None)
}

/// Parse the bytes of a bytes-like object as an int in `base`.
fn parse_bytes_int(bytes: &[u8], base: i64) -> PyResult<BigInt> {
    let b = if (0..=36).contains(&base) { base as u32 } else { u32::MAX };
    if b == 1 || b > 36 {
        return Err(PyErr::value_error("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || {
        let r: String = crate::text::strmethods::bytes_repr(bytes).chars().take(200).collect();
        PyErr::value_error(format!("invalid literal for int() with base {b}: {r}"))
    };
    if bytes.iter().any(|&c| c >= 0x80 || c == 0) {
        return Err(invalid());
    }
    let s: String = bytes.iter().map(|&c| c as char).collect();
    match numparse::parse_int_digits(&s, b, numparse::int_max_str_digits()) {
        Ok(v) => Ok(v),
        Err(None) => Err(invalid()),
        Err(Some(e)) => Err(crate::text::to_pyerr(e)),
    }
}

/// `warnings.warn(msg, DeprecationWarning)` from native code, attributed to
/// the calling Python code.
pub(crate) fn deprecation(vm: &mut Vm, msg: &str) -> PyResult<()> {
    let w = crate::import::import_module(vm, "warnings")?;
    let f = vm.getattr_str(&w, "warn")?;
    vm.call(&f, &[Value::str(msg), types().exc.deprecation_warning.clone(), Value::int(1)])?;
    Ok(())
}

/// Check the result `r` of `__int__`/`__index__`: an exact int, or an int
/// subclass (deprecated, converted), else TypeError.
pub(crate) fn checked_int_result(vm: &mut Vm, r: Value, name: &str) -> PyResult<Value> {
    if r.is_small_int() {
        return Ok(r);
    }
    if !r.is_int() {
        return Err(PyErr::type_error(format!("{name} returned non-int (type {})", tname(&r))));
    }
    let exact = exact_int(&r);
    if !exact.is(&r) {
        deprecation(
            vm,
            &format!(
                "{name} returned non-int (type {}).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.",
                tname(&r)
            ),
        )?;
    }
    Ok(exact)
}

/// `operator.index(x)` with the deprecation for int subclasses returned by `__index__`.
pub(crate) fn index_of(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    if x.is_int() {
        return Ok(exact_int(x));
    }
    match vm.call_special(x, "__index__", &[])? {
        Some(r) => checked_int_result(vm, r, "__index__"),
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tname(x)))),
    }
}

/// `int(x)` / `int(x, base)` as a plain int value.
pub fn int_from(vm: &mut Vm, x: Option<&Value>, base: Option<&Value>) -> PyResult<Value> {
    let Some(x) = x else {
        if base.is_some() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(Value::int(0));
    };
    if let Some(base) = base {
        let b = match base.as_i64() {
            Some(b) => b,
            None if base.is_int() => -1,
            None => vm.index_value(base)?,
        };
        if x.as_str().is_none() && bytes_like(x).is_none() {
            return Err(PyErr::type_error("int() can't convert non-string with explicit base"));
        }
        return Ok(Value::bigint(parse_text_int(x, b)?.unwrap_or_default()));
    }
    let ty = type_ref(x);
    let heap = ty.type_data().heap;
    if !heap {
        if x.is_int() {
            return Ok(exact_int(x));
        }
        if let Some(f) = float_of(x) {
            return float_to_int(f);
        }
        if let Some(v) = parse_text_int(x, 10)? {
            return Ok(Value::bigint(v));
        }
    }
    if let Some(r) = vm.call_special(x, "__int__", &[])? {
        return checked_int_result(vm, r, "__int__");
    }
    if lookup(ty, "__index__").is_some() {
        return index_of(vm, x);
    }
    if let Some(r) = vm.call_special(x, "__trunc__", &[])? {
        deprecation(vm, "The delegation of int() to __trunc__ is deprecated.")?;
        if r.is_int() {
            return Ok(exact_int(&r));
        }
        if lookup(type_ref(&r), "__index__").is_none() {
            return Err(PyErr::type_error(format!("__trunc__ returned non-Integral (type {})", tname(&r))));
        }
        return index_of(vm, &r);
    }
    if let Some(v) = parse_text_int(x, 10)? {
        return Ok(Value::bigint(v));
    }
    if let Some(b) = crate::types::bytes::buffer_bytes(x) {
        return Ok(Value::bigint(parse_bytes_int(&b, 10)?));
    }
    Err(PyErr::type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        tname(x)
    )))
}

/// An instance of int subclass `cls` holding `v`.
pub fn new_int_subclass(cls: &Value, v: BigInt) -> PyResult<Value> {
    let co = cls.as_obj().ok_or_else(|| PyErr::type_error("int.__new__(X): X is not a type object"))?;
    if co.as_type().is_none() {
        return Err(PyErr::type_error("int.__new__(X): X is not a type object"));
    }
    if !crate::types::is_subtype(cls, &types().int) {
        return Err(PyErr::type_error(format!(
            "int.__new__({}): {} is not a subtype of int",
            co.type_name_str(),
            co.type_name_str()
        )));
    }
    if cls.is(&types().bool) {
        return Err(PyErr::type_error("int.__new__(bool) is not safe, use bool.__new__()"));
    }
    let n = co.type_data().slot_names.borrow().len();
    Ok(Value::from_obj(PyObject::new_with_slots(co, Payload::Int(v), n)))
}

fn int_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = &args[0];
    let rest = &args[1..];
    let npos = rest.len() - kw.len();
    if npos > 2 {
        return Err(PyErr::type_error(format!("int() takes at most 2 arguments ({} given)", npos + kw.len())));
    }
    let x = if npos >= 1 { Some(&rest[0]) } else { None };
    let mut base = if npos >= 2 { Some(&rest[1]) } else { None };
    for (i, name) in kw.iter().enumerate() {
        let n = name.as_str().unwrap_or("");
        if n == "base" {
            if base.is_some() {
                return Err(PyErr::type_error("argument for int() given by name ('base') and position (2)"));
            }
            base = Some(&rest[npos + i]);
        } else {
            return Err(PyErr::type_error(format!("'{n}' is an invalid keyword argument for int()")));
        }
    }
    let v = int_from(vm, x, base)?;
    if cls.is(&types().int) {
        return Ok(v);
    }
    new_int_subclass(cls, v.to_bigint().unwrap_or_default())
}

fn bool_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("bool() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("bool expected at most 1 argument, got {}", args.len() - 1)));
    }
    if let Some(c) = args.first() {
        if !c.is(&types().bool) {
            return Err(PyErr::type_error("bool.__new__(X): X is not bool"));
        }
    }
    match args.get(1) {
        Some(x) => Ok(Value::bool(vm.truthy(x)?)),
        None => Ok(Value::FALSE),
    }
}

// ---------------------------------------------------------------------------
// Dunders

fn self_int(args: &[Value], name: &str) -> PyResult<()> {
    match args.first() {
        Some(v) if v.is_int() => Ok(()),
        Some(v) => Err(PyErr::type_error(format!(
            "descriptor '{name}' requires a 'int' object but received a '{}'",
            tname(v)
        ))),
        None => Err(PyErr::type_error(format!("descriptor '{name}' of 'int' object needs an argument"))),
    }
}

fn arity(name: &str, args: &[Value], kw: &[Value], n: usize) -> PyResult<()> {
    crate::args::method_arity("int", name, args, kw, n)
}

fn binop_dunder(args: &[Value], kw: &[Value], name: &str, op: BinOpKind, reflected: bool) -> PyResult<Value> {
    self_int(args, name)?;
    arity(name, args, kw, 2)?;
    let (a, b) = if reflected { (&args[1], &args[0]) } else { (&args[0], &args[1]) };
    if !b.is_int() || !a.is_int() {
        return Ok(types().not_implemented.clone());
    }
    Ok(int_op(a, b, op)?.unwrap_or_else(|| types().not_implemented.clone()))
}

binop_dunders!(
    (int_add, int_radd, "__add__", "__radd__", BinOpKind::Add),
    (int_sub, int_rsub, "__sub__", "__rsub__", BinOpKind::Subtract),
    (int_mul, int_rmul, "__mul__", "__rmul__", BinOpKind::Multiply),
    (int_floordiv, int_rfloordiv, "__floordiv__", "__rfloordiv__", BinOpKind::FloorDivide),
    (int_mod, int_rmod, "__mod__", "__rmod__", BinOpKind::Remainder),
    (int_truediv_m, int_rtruediv, "__truediv__", "__rtruediv__", BinOpKind::TrueDivide),
    (int_and, int_rand, "__and__", "__rand__", BinOpKind::And),
    (int_or, int_ror, "__or__", "__ror__", BinOpKind::Or),
    (int_xor, int_rxor, "__xor__", "__rxor__", BinOpKind::Xor),
    (int_lshift_m, int_rlshift, "__lshift__", "__rlshift__", BinOpKind::Lshift),
    (int_rshift_m, int_rrshift, "__rshift__", "__rrshift__", BinOpKind::Rshift),
);

fn pow_common(args: &[Value], kw: &[Value], name: &str, reflected: bool) -> PyResult<Value> {
    self_int(args, name)?;
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() < 2 || args.len() > 3 {
        return Err(PyErr::type_error(format!("expected 1 or 2 arguments, got {}", args.len() - 1)));
    }
    let (a, b) = if reflected { (&args[1], &args[0]) } else { (&args[0], &args[1]) };
    if !a.is_int() || !b.is_int() {
        return Ok(types().not_implemented.clone());
    }
    match args.get(2) {
        Some(m) if !m.is_none() => {
            if !m.is_int() {
                return Ok(types().not_implemented.clone());
            }
            let (x, y, z) = (a.to_bigint().unwrap_or_default(), b.to_bigint().unwrap_or_default(), m.to_bigint().unwrap_or_default());
            Ok(Value::bigint(pow_mod(&x, &y, &z)?))
        }
        _ => Ok(int_op(a, b, BinOpKind::Power)?.unwrap_or_else(|| types().not_implemented.clone())),
    }
}

fn int_pow_m(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pow_common(args, kw, "__pow__", false)
}
fn int_rpow(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pow_common(args, kw, "__rpow__", true)
}

fn divmod_common(args: &[Value], kw: &[Value], name: &str, reflected: bool) -> PyResult<Value> {
    self_int(args, name)?;
    arity(name, args, kw, 2)?;
    let (a, b) = if reflected { (&args[1], &args[0]) } else { (&args[0], &args[1]) };
    if !a.is_int() || !b.is_int() {
        return Ok(types().not_implemented.clone());
    }
    let x = a.to_bigint().unwrap_or_default();
    let y = b.to_bigint().unwrap_or_default();
    if y.is_zero() {
        return Err(div_zero());
    }
    let (q, r) = x.div_mod_floor(&y);
    Ok(Value::tuple(vec![Value::bigint(q), Value::bigint(r)]))
}

fn int_divmod(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    divmod_common(args, kw, "__divmod__", false)
}
fn int_rdivmod(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    divmod_common(args, kw, "__rdivmod__", true)
}

/// Compare an int with a number (int or float); None if `b` is neither.
pub fn int_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    if b.is_int() {
        if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
            return Some(Some(x.cmp(&y)));
        }
        return Some(Some(a.to_bigint()?.cmp(&b.to_bigint()?)));
    }
    let f = float_of(b)?;
    if let Some(x) = a.as_i64() {
        if x.unsigned_abs() < (1 << 53) {
            return Some((x as f64).partial_cmp(&f));
        }
    }
    Some(int_float_cmp(&a.to_bigint()?, f))
}

fn richcmp(args: &[Value], kw: &[Value], name: &str, op: CmpOpKind) -> PyResult<Value> {
    self_int(args, name)?;
    arity(name, args, kw, 2)?;
    if !args[1].is_int() {
        // int vs float is decided by float's reflected method, as in CPython.
        return Ok(types().not_implemented.clone());
    }
    match int_cmp(&args[0], &args[1]) {
        Some(Some(o)) => Ok(Value::bool(crate::ops::arith::cmp_ord(o, op))),
        Some(None) => Ok(Value::bool(op == CmpOpKind::Ne)),
        None => Ok(types().not_implemented.clone()),
    }
}

cmp_dunders!(
    (int_eq, "__eq__", CmpOpKind::Eq),
    (int_ne, "__ne__", CmpOpKind::Ne),
    (int_lt, "__lt__", CmpOpKind::Lt),
    (int_le, "__le__", CmpOpKind::Le),
    (int_gt, "__gt__", CmpOpKind::Gt),
    (int_ge, "__ge__", CmpOpKind::Ge)
);

fn unary(args: &[Value], kw: &[Value], name: &str) -> PyResult<BigInt> {
    self_int(args, name)?;
    arity(name, args, kw, 1)?;
    Ok(args[0].to_bigint().unwrap_or_default())
}

fn int_neg(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if let Some(i) = args.first().and_then(|v| v.as_i64()) {
        if args.len() == 1 && kw.is_empty() {
            return Ok(Value::bigint(-BigInt::from(i)));
        }
    }
    Ok(Value::bigint(-unary(args, kw, "__neg__")?))
}
fn int_pos(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unary(args, kw, "__pos__")?;
    Ok(exact_int(&args[0]))
}
fn int_abs(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bigint(unary(args, kw, "__abs__")?.abs()))
}
fn int_invert(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bigint(!unary(args, kw, "__invert__")?))
}
fn int_bool(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(!unary(args, kw, "__bool__")?.is_zero()))
}
fn int_int(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unary(args, kw, "__int__")?;
    Ok(exact_int(&args[0]))
}
fn int_index(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unary(args, kw, "__index__")?;
    Ok(exact_int(&args[0]))
}
fn int_trunc(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unary(args, kw, "__trunc__")?;
    Ok(exact_int(&args[0]))
}
fn int_floor(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unary(args, kw, "__floor__")?;
    Ok(exact_int(&args[0]))
}
fn int_ceil(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unary(args, kw, "__ceil__")?;
    Ok(exact_int(&args[0]))
}
fn int_conjugate(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unary(args, kw, "conjugate")?;
    Ok(exact_int(&args[0]))
}
fn int_float(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    Ok(Value::float(bigint_to_f64(&unary(args, kw, "__float__")?)?))
}
fn int_hash(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if let Some(i) = args.first().and_then(|v| v.as_i64()) {
        return Ok(Value::int(hash_i64(i)));
    }
    Ok(Value::int(hash_bigint(&unary(args, kw, "__hash__")?)))
}
fn int_getnewargs(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unary(args, kw, "__getnewargs__")?;
    Ok(Value::tuple(vec![exact_int(&args[0])]))
}

/// Decimal text of an int value (honouring the digit limit).
pub fn int_to_string(v: &Value) -> PyResult<String> {
    if let Some(i) = v.as_small_int() {
        return Ok(i.to_string());
    }
    match v.as_bigint_ref() {
        Some(b) => numparse::int_to_decimal(b).map_err(crate::text::to_pyerr),
        None => Ok(v.as_i64().unwrap_or(0).to_string()),
    }
}

fn int_repr_m(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    self_int(args, "__repr__")?;
    arity("__repr__", args, kw, 1)?;
    Ok(Value::string(int_to_string(&args[0])?))
}

fn bool_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(v) if v.is_bool() => Ok(Value::str(if v.is_true_singleton() { "True" } else { "False" })),
        Some(v) => Err(PyErr::type_error(format!(
            "descriptor '__repr__' requires a 'bool' object but received a '{}'",
            tname(v)
        ))),
        None => Err(PyErr::type_error("descriptor '__repr__' of 'bool' object needs an argument")),
    }
}

fn int_format(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    self_int(args, "__format__")?;
    arity("__format__", args, kw, 2)?;
    let Some(spec) = args[1].as_str() else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            tname(&args[1])
        )));
    };
    if spec.is_empty() {
        return vm.str(&args[0]);
    }
    let b = args[0].to_bigint().unwrap_or_default();
    let name = tname(&args[0]);
    crate::text::format_spec::format_int_spec(&b, spec, &name)
        .map(Value::string)
        .map_err(crate::text::to_pyerr)
}

/// Round an int to `-nd` decimal places (nd < 0), half to even.
pub fn round_int(x: &BigInt, nd: i64) -> BigInt {
    if nd >= 0 {
        return x.clone();
    }
    let k = nd.unsigned_abs();
    if k as f64 * std::f64::consts::LOG2_10 > x.bits() as f64 + 2.0 {
        return BigInt::zero();
    }
    let p = num_traits::pow::pow(BigInt::from(10), k as usize);
    let (q, r) = x.div_mod_floor(&p);
    let twice: BigInt = &r * 2;
    let up = match twice.cmp(&p) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => q.is_odd(),
    };
    let q = if up { q + 1 } else { q };
    q * p
}

fn int_round(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    self_int(args, "__round__")?;
    if !kw.is_empty() {
        return Err(PyErr::type_error("__round__() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("__round__ expected at most 1 argument, got {}", args.len() - 1)));
    }
    let Some(nd) = args.get(1) else { return Ok(exact_int(&args[0])) };
    let nd = match nd.to_bigint() {
        Some(b) => b.to_i64().unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }),
        None => vm.index_value(nd)?,
    };
    if nd >= 0 {
        return Ok(exact_int(&args[0]));
    }
    Ok(Value::bigint(round_int(&args[0].to_bigint().unwrap_or_default(), nd)))
}

fn int_bit_length(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = unary(args, kw, "bit_length")?;
    Ok(Value::int(b.bits() as i64))
}

fn int_bit_count(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let b = unary(args, kw, "bit_count")?;
    Ok(Value::int(b.magnitude().count_ones() as i64))
}

fn int_as_integer_ratio(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    unary(args, kw, "as_integer_ratio")?;
    Ok(Value::tuple(vec![exact_int(&args[0]), Value::int(1)]))
}

fn byteorder_little(v: Option<&Value>, fname: &str) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => match v.as_str() {
            Some("little") => Ok(true),
            Some("big") => Ok(false),
            Some(_) => Err(PyErr::value_error("byteorder must be either 'little' or 'big'")),
            None => Err(PyErr::type_error(format!(
                "{fname}() argument 'byteorder' must be str, not {}",
                tname(v)
            ))),
        },
    }
}

fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    self_int(args, "to_bytes")?;
    let [length, byteorder, signed] = crate::args::bind("to_bytes", &args[1..], kw, &["length=", "byteorder=", "*", "signed="])?;
    let length = match &length {
        Some(l) => vm.index_value(l)?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let little = byteorder_little(byteorder.as_ref(), "to_bytes")?;
    let signed = match &signed {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let x = args[0].to_bigint().unwrap_or_default();
    if x.is_negative() && !signed {
        return Err(PyErr::overflow("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    // Minimal two's complement / unsigned size check.
    let needed_bits = if signed {
        if x.is_negative() {
            (-(&x) - 1u32).bits() + 1
        } else {
            x.bits() + 1
        }
    } else {
        x.bits()
    };
    if needed_bits > (length as u64) * 8 {
        return Err(PyErr::overflow("int too big to convert"));
    }
    let mut bytes = if x.is_negative() {
        let mut b = x.to_signed_bytes_le();
        b.resize(length, 0xff);
        b
    } else {
        let mut b = x.magnitude().to_bytes_le();
        if x.is_zero() {
            b.clear();
        }
        b.resize(length, 0);
        b
    };
    bytes.truncate(length);
    if !little {
        bytes.reverse();
    }
    Ok(Value::bytes(bytes))
}

fn int_from_bytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args[0].clone();
    let [bytes, byteorder, signed] = crate::args::bind("from_bytes", &args[1..], kw, &["bytes", "byteorder=", "*", "signed="])?;
    let bytes = bytes.unwrap_or(Value::NONE);
    let little = byteorder_little(byteorder.as_ref(), "from_bytes")?;
    let signed = match &signed {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut data = None;
    if type_ref(&bytes).type_data().heap {
        if let Some(r) = vm.call_special(&bytes, "__bytes__", &[])? {
            match r.as_bytes() {
                Some(b) => data = Some(b.to_vec()),
                None => return Err(PyErr::type_error(format!("__bytes__ returned non-bytes (type {})", tname(&r)))),
            }
        }
    }
    let data: Vec<u8> = match data.or_else(|| crate::types::bytes::buffer_bytes(&bytes)) {
        Some(b) => b,
        None => {
            if bytes.as_str().is_some() {
                return Err(PyErr::type_error("cannot convert 'str' object to bytes"));
            }
            let items = vm.collect(&bytes).map_err(|e| {
                if e.matches(&types().exc.type_error) {
                    PyErr::type_error(format!("cannot convert '{}' object to bytes", tname(&bytes)))
                } else {
                    e
                }
            })?;
            let mut out = Vec::with_capacity(items.len());
            for it in items {
                let n = vm.index_value(&it)?;
                if !(0..256).contains(&n) {
                    return Err(PyErr::value_error("bytes must be in range(0, 256)"));
                }
                out.push(n as u8);
            }
            out
        }
    };
    let mut le = data;
    if !little {
        le.reverse();
    }
    let v = if signed {
        if le.is_empty() {
            BigInt::zero()
        } else {
            BigInt::from_signed_bytes_le(&le)
        }
    } else {
        BigInt::from_bytes_le(Sign::Plus, &le)
    };
    let r = Value::bigint(v);
    if cls.is(&types().int) {
        return Ok(r);
    }
    vm.call(&cls, &[r])
}

fn get_self_int(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args.first().map(exact_int).unwrap_or(Value::int(0)))
}
fn get_zero(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(0))
}
fn get_one(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(1))
}

pub fn init(t: &Types) {
    let ty = &t.int;
    add_native(ty, "__new__", int_new, NativeKind::StaticMethod);
    register_binops(ty);
    register_cmps(ty);
    add_method(ty, "__pow__", int_pow_m);
    add_method(ty, "__rpow__", int_rpow);
    add_method(ty, "__divmod__", int_divmod);
    add_method(ty, "__rdivmod__", int_rdivmod);
    add_method(ty, "__neg__", int_neg);
    add_method(ty, "__pos__", int_pos);
    add_method(ty, "__abs__", int_abs);
    add_method(ty, "__invert__", int_invert);
    add_method(ty, "__bool__", int_bool);
    add_method(ty, "__int__", int_int);
    add_method(ty, "__index__", int_index);
    add_method(ty, "__float__", int_float);
    add_method(ty, "__trunc__", int_trunc);
    add_method(ty, "__floor__", int_floor);
    add_method(ty, "__ceil__", int_ceil);
    add_method(ty, "__round__", int_round);
    add_method(ty, "__hash__", int_hash);
    add_method(ty, "__repr__", int_repr_m);
    add_method(ty, "__format__", int_format);
    add_method(ty, "__getnewargs__", int_getnewargs);
    add_method(ty, "bit_length", int_bit_length);
    add_method(ty, "bit_count", int_bit_count);
    add_method(ty, "to_bytes", int_to_bytes);
    add_native(ty, "from_bytes", int_from_bytes, NativeKind::ClassMethod);
    add_method(ty, "as_integer_ratio", int_as_integer_ratio);
    add_method(ty, "conjugate", int_conjugate);
    add_getset(ty, "real", get_self_int, None);
    add_getset(ty, "imag", get_zero, None);
    add_getset(ty, "numerator", get_self_int, None);
    add_getset(ty, "denominator", get_one, None);

    let b = &t.bool;
    add_native(b, "__new__", bool_new, NativeKind::StaticMethod);
    add_method(b, "__repr__", bool_repr);
    add_method(b, "__and__", int_and);
    add_method(b, "__rand__", int_rand);
    add_method(b, "__or__", int_or);
    add_method(b, "__ror__", int_ror);
    add_method(b, "__xor__", int_xor);
    add_method(b, "__rxor__", int_rxor);
}
