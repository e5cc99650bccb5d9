//! krait-parser: Python 3.11 source text to [`ast::Mod`].
//!
//! Pipeline: [`lexer`] turns text into tokens (with INDENT/DEDENT and
//! implicit line joining; string literals stay raw), the private `parser`
//! module builds the AST by recursive descent with precedence climbing.
//! Errors are [`SyntaxError`]s carrying CPython 3.11's message, line and
//! columns, including its heuristics for specific messages ("Perhaps you
//! forgot a comma?", "expected ':'", "'(' was never closed", ...).
//!
//! - [`parse`] is the entry point; [`dump::dump`] prints an AST exactly
//!   like `ast.dump(tree, include_attributes=True)` (columns in characters).
//! - Input is text: a caller decoding a file must strip a UTF-8 BOM itself
//!   (like `compile()` of a `str`, a leading U+FEFF is an error here).
//!   `\r\n` and `\r` newlines are normalized.
//! - Pathological nesting gives a `SyntaxError` ("too many nested
//!   parentheses" from the tokenizer at 200 levels, or "too many nested
//!   expressions: ..." where CPython raises MemoryError/RecursionError);
//!   left-nested chains (`a+b+...`, `x.a.b...`, `elif` chains) are limited
//!   to 3000 links, so consumers can recurse on the AST with bounded depth.
//!   The parser itself uses at most about 1.3 MiB of stack.
//! - Source containing NUL characters is rejected with a `SyntaxError`
//!   "source code string cannot contain null bytes" (CPython: ValueError).

pub mod ast;
pub mod dump;
pub mod lexer;
mod parser;
pub mod token;
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
