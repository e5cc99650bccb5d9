//! krait-vm: values, the object model, the interpreter, builtins, native
//! modules and the import system.
//!
//! Map of the crate:
//! - `value`: the one-word `Value` (NaN-boxing) and reference counting.
//! - `object`: heap objects (`PyObject`), payload kinds, type data.
//! - `types/`: one file per builtin type (methods, dunders, reprs).
//! - `interp/`: code objects as the VM sees them, frames, the eval loop,
//!   calls, operators, exceptions and tracebacks.
//! - `builtins/`: the `builtins` module's functions.
//! - `modules/`: native modules (`sys`, `math`, `time`, `_struct`, `gc`, ...).
//! - `import`: finding and loading modules.
//! - `gc`: the cycle collector.
//! - `text/`: pure string/number formatting and parsing routines.
//! - `vm`: `Vm`, the per-thread interpreter state every API takes (`&mut Vm`
//!   is the proof of holding the GIL).

pub mod args;
pub mod builtins;
pub mod bytecode_cache;
pub mod error;
pub mod entry;
pub mod gc;
pub mod gil;
pub mod import;
pub mod interp;
pub mod modules;
pub mod object;
pub mod ops;
pub mod stdlib_path;
pub mod text;
pub mod threads;
pub mod types;
pub mod value;
pub mod vm;

pub use error::{PyErr, PyResult};
pub use object::{Obj, PyObject, Payload};
pub use value::Value;
pub use vm::Vm;
pub use krait_parser::Mode as ParseMode;
