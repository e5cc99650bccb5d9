//! File objects live in `modules/io` (the `_io` module: FileIO, Buffered*,
//! TextIOWrapper, ...). This file keeps the entry points other parts of the
//! interpreter use.

use crate::types::Types;
use crate::value::Value;
use crate::{PyResult, Vm};

/// Unused payload kind (`Payload::File`); file objects are `_io` objects.
pub struct FileData;

/// Nothing to set up: the `_io` classes are built on first use.
pub fn init(_t: &Types) {}

/// Flush every file object still open (called at interpreter exit).
pub fn flush_all() {
    crate::modules::io::stdio::flush_all();
}

/// `open()`: `io.open`.
pub fn open(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::modules::io::open::open(vm, args, kw)
}

/// `io.UnsupportedOperation`.
pub fn unsupported_operation(vm: &mut Vm) -> Value {
    crate::modules::io::unsupported_operation(vm)
}
