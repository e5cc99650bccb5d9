//! `itertools`, `_collections`, `_functools`, `_operator`, `_bisect`, `_heapq`.

use crate::value::Value;
use crate::Vm;

pub mod bisect;
pub mod collections;
pub mod common;
pub mod functools;
pub mod heapq;
pub mod itertools;
pub mod operator;

/// The module names this group provides (listed only once they work).
pub const NAMES: &[&str] = &["itertools", "_collections", "_functools", "_operator", "_heapq", "_bisect"];

/// Build the module `name` (one of `NAMES`).
pub fn make(vm: &mut Vm, name: &str) -> Value {
    match name {
        "itertools" => itertools::make_module(vm),
        "_collections" => collections::make_module(vm),
        "_functools" => functools::make_module(vm),
        "_operator" => operator::make_module(vm),
        "_heapq" => heapq::make_module(vm),
        "_bisect" => bisect::make_module(vm),
        _ => crate::types::module::new_module(name),
    }
}
