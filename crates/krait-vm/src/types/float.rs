//! `float`: immediates (see value.rs); arithmetic, hashing, and methods.

use crate::types::Types;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::BinOpKind;

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
        _ => return None,
    })))
}

/// Mixed int/float operators; None if neither is a float.
pub fn float_binop_mixed(_vm: &mut Vm, _a: &Value, _b: &Value, _op: BinOpKind) -> PyResult<Option<Value>> {
    Ok(None)
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

pub fn init(_t: &Types) {}
