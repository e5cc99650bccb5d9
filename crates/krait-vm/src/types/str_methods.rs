//! Python-visible methods of `str` (built on `text::strmethods`) and
//! `%`-formatting.

use crate::types::Types;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// `fmt % args` for str.
pub fn percent_format(_vm: &mut Vm, _fmt: &str, _args: &Value) -> PyResult<Value> {
    Err(PyErr::not_implemented("str % formatting"))
}

pub fn init(_t: &Types) {}
