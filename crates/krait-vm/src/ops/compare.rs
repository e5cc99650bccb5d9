//! Native rich comparison for builtin types: numbers (mixed int/float
//! compared exactly), str, bytes, and lexicographic tuple/list comparison.

use crate::object::Payload;
use crate::ops::arith::{cmp_f64, cmp_ord};
use crate::value::Value;
use crate::{PyResult, Vm};
use krait_compiler::opcodes::CmpOpKind;
use num_bigint::BigInt;
use std::cmp::Ordering;

/// Compare an int with a float exactly (no rounding of big ints).
pub fn int_float_cmp(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    let fl = f.floor();
    let fb = big_from_f64(fl);
    match i.cmp(&fb) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

fn big_from_f64(f: f64) -> BigInt {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f).unwrap_or_default()
}

fn num_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    let af = a.as_float();
    let bf = b.as_float();
    match (af, bf) {
        (Some(x), Some(y)) => Some(x.partial_cmp(&y)),
        (Some(x), None) => {
            let bi = b.to_bigint()?;
            Some(int_float_cmp(&bi, x).map(|o| o.reverse()))
        }
        (None, Some(y)) => {
            let ai = a.to_bigint()?;
            Some(int_float_cmp(&ai, y))
        }
        (None, None) => {
            if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64()) {
                return Some(Some(x.cmp(&y)));
            }
            let x = a.to_bigint()?;
            let y = b.to_bigint()?;
            Some(Some(x.cmp(&y)))
        }
    }
}

/// Compare builtin values natively; None when dunder dispatch must decide.
pub fn native_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOpKind) -> PyResult<Option<bool>> {
    if let Some(o) = num_cmp(a, b) {
        return Ok(Some(match o {
            Some(o) => cmp_ord(o, op),
            None => cmp_f64(f64::NAN, 0.0, op),
        }));
    }
    let (Some(ao), Some(bo)) = (a.as_obj(), b.as_obj()) else { return Ok(None) };
    match (&ao.payload, &bo.payload) {
        (Payload::Str(x), Payload::Str(y)) => Ok(Some(cmp_ord(x.as_str().cmp(y.as_str()), op))),
        (Payload::Bytes(x), Payload::Bytes(y)) => Ok(Some(cmp_ord(x.cmp(y), op))),
        (Payload::Tuple(x), Payload::Tuple(y)) => {
            let (x, y) = (x.to_vec(), y.to_vec());
            seq_compare(vm, &x, &y, op).map(Some)
        }
        (Payload::List(_), Payload::List(_)) => crate::types::list::list_compare(vm, a, b, op).map(Some),
        _ => Ok(None),
    }
}

/// Lexicographic comparison of two sequences, as tuples and lists do it.
pub fn seq_compare(vm: &mut Vm, x: &[Value], y: &[Value], op: CmpOpKind) -> PyResult<bool> {
    vm.check_stack(" in comparison")?;
    if x.len() != y.len() && matches!(op, CmpOpKind::Eq | CmpOpKind::Ne) {
        return Ok(op == CmpOpKind::Ne);
    }
    for (p, q) in x.iter().zip(y.iter()) {
        if !vm.eq(p, q)? {
            return match op {
                CmpOpKind::Eq => Ok(false),
                CmpOpKind::Ne => Ok(true),
                _ => vm.compare_bool(p, q, op),
            };
        }
    }
    Ok(cmp_ord(x.len().cmp(&y.len()), op))
}
