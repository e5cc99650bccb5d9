//! `bytes`, `bytearray` and `memoryview`.

use crate::object::{Payload, PyObject};
use crate::types::{types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

pub struct MemoryViewData {
    pub obj: Value,
    pub start: usize,
    pub len: usize,
    pub released: bool,
}

impl Value {
    pub fn bytes(b: Vec<u8>) -> Value {
        Value::from_obj(PyObject::new(types().bytes.as_obj().unwrap(), Payload::Bytes(b.into_boxed_slice())))
    }

    pub fn as_bytes(&self) -> Option<&[u8]> {
        match &self.as_obj()?.payload {
            Payload::Bytes(b) => Some(b),
            _ => None,
        }
    }
}

/// `b'...' % args`.
pub fn bytes_percent(_vm: &mut Vm, _a: &Value, _b: &Value) -> PyResult<Value> {
    Err(PyErr::not_implemented("bytes % formatting"))
}

pub fn init(_t: &Types) {}
