//! Native modules. Each file builds one module; `find` maps a module name
//! to its constructor for the import system.

pub mod gc;
pub mod math;
pub mod struct_;
pub mod sys;
pub mod time;

use crate::value::Value;
use crate::Vm;

/// Constructor of a native module by name.
pub fn find(name: &str) -> Option<fn(&mut Vm) -> Value> {
    Some(match name {
        "math" => math::make_module,
        "time" => time::make_module,
        "_struct" => struct_::make_module,
        "struct" => struct_::make_module,
        "gc" => gc::make_module,
        _ => return None,
    })
}

/// Names of every native module (`sys.builtin_module_names`).
pub const NAMES: &[&str] = &["builtins", "sys", "math", "time", "_struct", "gc"];
