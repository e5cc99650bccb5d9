//! Native modules. Each file builds one module; `find` maps a module name
//! to its constructor for the import system.

pub mod cmath;
pub mod dis;
pub mod gc;
pub mod math;
pub mod struct_;
pub mod sys;
pub mod time;
pub mod weakref_;

use crate::value::Value;
use crate::Vm;

/// Constructor of a native module by name.
pub fn find(name: &str) -> Option<fn(&mut Vm) -> Value> {
    Some(match name {
        "math" => math::make_module,
        "cmath" => cmath::make_module,
        "time" => time::make_module,
        "_struct" => struct_::make_module,
        "struct" => struct_::make_module,
        "gc" => gc::make_module,
        "dis" => dis::make_module,
        "_weakref" => weakref_::make_module,
        "weakref" => weakref_::make_weakref_module,
        _ => return None,
    })
}

/// Names of every native module (`sys.builtin_module_names`).
pub const NAMES: &[&str] = &["builtins", "sys", "math", "cmath", "time", "_struct", "gc", "_weakref", "dis"];
