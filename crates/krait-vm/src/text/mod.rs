//! Pure text/number formatting and parsing helpers implementing CPython 3.11
//! semantics, independent of VM types (depends only on `std` and the `num-*`
//! crates). The VM wires these into `str`, `int`, `float`, `complex`, `bytes`
//! methods and the `%`/`format()` machinery.
//!
//! Every error is a [`TextError`] whose variant names the Python exception
//! class and whose message is exactly CPython's message.

pub mod float_repr;
pub mod format_spec;
pub mod numparse;
pub mod printf;
pub mod strmethods;
pub mod unicode_tables;

use std::fmt;

/// An error to be raised as the Python exception named by the variant.
/// The string is exactly CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextError {
    /// `ValueError`
    Value(String),
    /// `TypeError`
    Type(String),
    /// `OverflowError`
    Overflow(String),
    /// `ZeroDivisionError`
    ZeroDivision(String),
}

impl TextError {
    /// The message (without the exception class name).
    pub fn message(&self) -> &str {
        match self {
            TextError::Value(m)
            | TextError::Type(m)
            | TextError::Overflow(m)
            | TextError::ZeroDivision(m) => m,
        }
    }

    /// The Python exception class name, e.g. `"ValueError"`.
    pub fn class_name(&self) -> &'static str {
        match self {
            TextError::Value(_) => "ValueError",
            TextError::Type(_) => "TypeError",
            TextError::Overflow(_) => "OverflowError",
            TextError::ZeroDivision(_) => "ZeroDivisionError",
        }
    }
}

impl fmt::Display for TextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.class_name(), self.message())
    }
}

impl std::error::Error for TextError {}


/// Raise a [`TextError`] as the Python exception it names.
pub fn to_pyerr(e: TextError) -> crate::PyErr {
    match e {
        TextError::Value(m) => crate::PyErr::value_error(m),
        TextError::Type(m) => crate::PyErr::type_error(m),
        TextError::Overflow(m) => crate::PyErr::overflow(m),
        TextError::ZeroDivision(m) => crate::PyErr::zero_division(m),
    }
}
