//! krait-compiler: AST to bytecode.
//!
//! - `opcodes`: the instruction table (the single definition of every instruction).
//! - `code`: code objects, constants, locations and the exception table.
//! - `symtable`: scope analysis (local/global/nonlocal/cell/free).
//! - `compile`: bytecode emission.
//! - `dis`: a textual disassembler in CPython's `dis` format.

pub mod code;
pub mod opcodes;

pub use code::{CodeObject, Constant};
pub use opcodes::{Instr, Op};
