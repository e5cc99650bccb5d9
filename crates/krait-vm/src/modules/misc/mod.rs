//! `_thread`, `_signal`, `atexit`, `_socket`, `_contextvars`, `faulthandler`, `_imp`, `_opcode` and other small runtime modules.

use crate::value::Value;
use crate::Vm;

/// The module names this group provides (listed only once they work).
pub const NAMES: &[&str] = &[];

/// Build the module `name` (one of `NAMES`).
pub fn make(_vm: &mut Vm, name: &str) -> Value {
    crate::types::module::new_module(name)
}
