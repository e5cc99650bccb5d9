//! `int`: arbitrary precision. Values in ±2^47 are immediates (see value.rs);
//! larger ones are heap `Payload::Int(BigInt)`. Every result is normalised
//! back to an immediate when it fits, so equal ints have one representation.
//!
//! This file holds the representation and the arithmetic core used by the
//! operators (ops.rs); the Python-visible methods are in int_methods.rs.

use crate::object::{Payload, PyObject};
use crate::types::{types, Types};
use crate::value::{Value, SMALL_INT_MAX, SMALL_INT_MIN};
use crate::{PyErr, PyResult};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// Modulus of the numeric hash (2^61 - 1), as CPython uses on 64-bit.
pub const HASH_MODULUS: i64 = (1 << 61) - 1;

impl Value {
    /// An int from an i64 (immediate when it fits).
    #[inline]
    pub fn int(n: i64) -> Value {
        if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&n) {
            Value::small_int(n)
        } else {
            Value::from_obj(PyObject::new(types().int.as_obj().unwrap(), Payload::Int(BigInt::from(n))))
        }
    }

    /// An int from a BigInt (immediate when it fits).
    pub fn bigint(n: BigInt) -> Value {
        if let Some(i) = n.to_i64() {
            if (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
                return Value::small_int(i);
            }
        }
        Value::from_obj(PyObject::new(types().int.as_obj().unwrap(), Payload::Int(n)))
    }

    /// Whether this is an int (or bool, or int subclass instance).
    pub fn is_int(&self) -> bool {
        self.is_small_int() || self.is_bool() || matches!(self.as_obj().map(|o| &o.payload), Some(Payload::Int(_)))
    }

    /// Exact int value as i64 when it is an int that fits (bools count).
    pub fn as_i64(&self) -> Option<i64> {
        if let Some(i) = self.as_small_int() {
            return Some(i);
        }
        if self.is_bool() {
            return Some(self.is_true_singleton() as i64);
        }
        match self.as_obj().map(|o| &o.payload) {
            Some(Payload::Int(b)) => b.to_i64(),
            _ => None,
        }
    }

    /// The int value as a BigInt, if this is an int.
    pub fn to_bigint(&self) -> Option<BigInt> {
        if let Some(i) = self.as_small_int() {
            return Some(BigInt::from(i));
        }
        if self.is_bool() {
            return Some(BigInt::from(self.is_true_singleton() as i64));
        }
        match self.as_obj().map(|o| &o.payload) {
            Some(Payload::Int(b)) => Some(b.clone()),
            _ => None,
        }
    }

    /// Borrow a heap BigInt.
    pub fn as_bigint_ref(&self) -> Option<&BigInt> {
        match self.as_obj().map(|o| &o.payload) {
            Some(Payload::Int(b)) => Some(b),
            _ => None,
        }
    }
}

/// Numeric equality of ints/floats/bools without Python code, or None.
pub fn numeric_eq_native(a: &Value, b: &Value) -> Option<bool> {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
        return Some(x == y);
    }
    if a.is_float() || b.is_float() {
        let fa = num_as_f64_exact(a)?;
        let fb = num_as_f64_exact(b)?;
        return Some(fa == fb);
    }
    if let (Some(x), Some(y)) = (a.to_bigint(), b.to_bigint()) {
        return Some(x == y);
    }
    None
}

/// A float or exactly-representable int as f64 (for equality only).
fn num_as_f64_exact(v: &Value) -> Option<f64> {
    if let Some(f) = v.as_float() {
        return Some(f);
    }
    let b = v.to_bigint()?;
    let f = b.to_f64()?;
    if f.is_finite() && BigInt::from(f as i128) == b {
        Some(f)
    } else {
        Some(f64::NAN) // never equal
    }
}

/// Hash of an int, as CPython computes it (value mod 2^61-1, -1 -> -2).
pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap();
    let h = if b.is_negative() { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

#[inline]
pub fn hash_i64(i: i64) -> i64 {
    let r = (i.unsigned_abs() % HASH_MODULUS as u64) as i64;
    let h = if i < 0 { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Python floor division on BigInts (caller checks zero).
pub fn floordiv(a: &BigInt, b: &BigInt) -> BigInt {
    a.div_floor(b)
}

/// Python modulo on BigInts (sign of the divisor).
pub fn modulo(a: &BigInt, b: &BigInt) -> BigInt {
    a.mod_floor(b)
}

/// `a ** b` for ints with b >= 0.
pub fn pow_bigint(a: &BigInt, b: u64) -> BigInt {
    num_traits::pow::pow(a.clone(), b as usize)
}

/// `pow(a, b, m)` with Python semantics (b may be negative: modular inverse).
pub fn pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> PyResult<BigInt> {
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let mabs = m.abs();
    let mut base = a.mod_floor(&mabs);
    let mut exp = b.clone();
    if exp.is_negative() {
        base = mod_inverse(&base, &mabs).ok_or_else(|| PyErr::value_error("base is not invertible for the given modulus"))?;
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &mabs);
    if m.is_negative() && !r.is_zero() {
        r += m;
    }
    Ok(r)
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

/// Convert an int to f64 with Python's OverflowError.
pub fn bigint_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyErr::overflow("int too large to convert to float")),
    }
}

/// `True`/`False` for bool, decimal digits otherwise.
pub fn int_repr(v: &Value) -> String {
    if v.is_bool() {
        return if v.is_true_singleton() { "True".into() } else { "False".into() };
    }
    if let Some(i) = v.as_small_int() {
        return i.to_string();
    }
    v.to_bigint().map(|b| b.to_string()).unwrap_or_default()
}

pub fn init(t: &Types) {
    crate::types::int_methods::init(t);
}
