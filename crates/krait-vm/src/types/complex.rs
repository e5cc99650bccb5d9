//! `complex`: a pair of floats.

use crate::object::{Payload, PyObject};
use crate::types::{types, Types};
use crate::value::Value;
use crate::{PyResult, Vm};
use krait_compiler::opcodes::BinOpKind;

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

/// Complex operators with int/float/complex operands; None otherwise.
pub fn complex_binop(_vm: &mut Vm, _a: &Value, _b: &Value, _op: BinOpKind) -> PyResult<Option<Value>> {
    Ok(None)
}

pub fn init(_t: &Types) {}
