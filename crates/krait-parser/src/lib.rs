//! krait-parser: Python 3.11 source text to [`ast::Mod`].
//!
//! Pipeline: `lexer` turns text into tokens (with INDENT/DEDENT and implicit
//! line joining), `parser` builds the AST by recursive descent. Errors are
//! [`SyntaxError`]s carrying CPython's message, line and column.

pub mod ast;
pub mod dump;
pub mod lexer;
mod parser;
#[rustfmt::skip]
mod unicode_tables;
pub use num_bigint;

/// A syntax error as CPython reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    /// "SyntaxError", "IndentationError" or "TabError".
    pub kind: &'static str,
    pub msg: String,
    /// 1-based line, 1-based column (as in CPython's SyntaxError.offset).
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// How the text is to be parsed (`compile()`'s mode argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Exec,
    Eval,
    Single,
}

/// Parse Python source text. `filename` is accepted for API symmetry with
/// `compile()`; errors carry only positions.
pub fn parse(source: &str, filename: &str, mode: Mode) -> Result<ast::Mod, SyntaxError> {
    let _ = filename;
    parser::parse(source, mode)
}
