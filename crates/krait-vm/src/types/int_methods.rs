//! Arithmetic on ints (the operator fast paths) and the Python-visible
//! methods of `int` and `bool`.

use crate::types::Types;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::BinOpKind;

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
                return Some(Err(PyErr::zero_division("integer division or modulo by zero")));
            }
            let q = x / y;
            Value::int(if x % y != 0 && ((x < 0) != (y < 0)) { q - 1 } else { q })
        }
        BinOpKind::Remainder => {
            if y == 0 {
                return Some(Err(PyErr::zero_division("integer division or modulo by zero")));
            }
            let r = x % y;
            Value::int(if r != 0 && ((r < 0) != (y < 0)) { r + y } else { r })
        }
        BinOpKind::TrueDivide => {
            if y == 0 {
                return Some(Err(PyErr::zero_division("division by zero")));
            }
            Value::float(x as f64 / y as f64)
        }
        BinOpKind::And => Value::int(x & y),
        BinOpKind::Or => Value::int(x | y),
        BinOpKind::Xor => Value::int(x ^ y),
        _ => return None,
    }))
}

/// Int (and bool) operators with arbitrary precision; None if not both ints.
pub fn int_binop(_vm: &mut Vm, _a: &Value, _b: &Value, _op: BinOpKind) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn init(_t: &Types) {}
