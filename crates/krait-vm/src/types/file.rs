//! File objects returned by `open()`: text (`TextIOWrapper`) and binary
//! (`BufferedReader`/`BufferedWriter`) over `std::fs::File`. Dropping the
//! last reference flushes and closes the file (Rust's `Drop`), which is the
//! deterministic finalisation the keynote's Mandelbrot relies on.

use crate::types::Types;

pub struct FileData {
    pub file: Option<std::io::BufWriter<std::fs::File>>,
}

pub fn init(_t: &Types) {}

/// `open(file, mode='r', ...)`.
pub fn open(_vm: &mut crate::Vm, _args: &[crate::Value], _kw: &[crate::Value]) -> crate::PyResult<crate::Value> {
    Err(crate::PyErr::not_implemented("open() is not implemented yet"))
}
