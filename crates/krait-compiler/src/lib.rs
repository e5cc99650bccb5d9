//! krait-compiler: AST to bytecode.
//!
//! - `opcodes`: the instruction table (the single definition of every instruction).
//! - `code`: code objects, constants, locations and the exception table.
//! - `symtable`: scope analysis (local/global/nonlocal/cell/free).
//! - `compile`: bytecode emission ([`compile()`], [`compile_source()`]).
//! - `dis`: a textual disassembler in CPython's `dis` format.
//! - `unparse`: expressions back to source (string annotations).

pub mod code;
mod compile;
pub mod dis;
pub mod opcodes;
pub mod symtable;
pub mod unparse;

pub use code::{CodeObject, Constant};
pub use compile::{compile, compile_source};
pub use opcodes::{Instr, Op};
