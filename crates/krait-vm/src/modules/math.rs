//! The `math` module.

use crate::types::module::new_module;
use crate::value::Value;
use crate::Vm;

pub fn make_module(_vm: &mut Vm) -> Value {
    new_module("math")
}
