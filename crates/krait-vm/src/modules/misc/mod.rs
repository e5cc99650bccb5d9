//! `_thread`, `_signal`, `atexit`, `_socket`, `_contextvars`, `_queue`, `faulthandler`, `_imp`, `_opcode` and other small runtime modules.

pub mod atexit;
pub mod contextvars;
pub mod queue;
pub mod signal;
pub mod small;
pub mod socket;
pub mod thread;

use crate::value::Value;
use crate::Vm;

/// The module names this group provides (listed only once they work).
pub const NAMES: &[&str] = &["_thread", "_signal", "atexit", "_contextvars", "faulthandler", "_tracemalloc", "_imp", "_socket", "_opcode", "_queue"];

/// Build the module `name` (one of `NAMES`).
pub fn make(vm: &mut Vm, name: &str) -> Value {
    match name {
        "_thread" => thread::make(vm),
        "_signal" => signal::make(vm),
        "atexit" => atexit::make(),
        "_contextvars" => contextvars::make(),
        "faulthandler" => small::make_faulthandler(),
        "_tracemalloc" => small::make_tracemalloc(),
        "_imp" => small::make_imp(),
        "_socket" => socket::make(vm),
        "_opcode" => small::make_opcode(),
        "_queue" => queue::make(vm),
        _ => crate::types::module::new_module(name),
    }
}
