//! Code objects: the compiler's output and the interpreter's input.
//!
//! A `CodeObject` is immutable once built. The VM wraps it (converting
//! `consts` to runtime values once) rather than mutating it.

use crate::opcodes::Instr;
use num_bigint::BigInt;
use std::rc::Rc;

/// `co_flags` bits, as CPython numbers them.
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const NOFREE: u32 = 0x40;
    pub const COROUTINE: u32 = 0x80;
    pub const ITERABLE_COROUTINE: u32 = 0x100;
    pub const ASYNC_GENERATOR: u32 = 0x200;
}

/// A constant in `co_consts`.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    /// An int that fits in i64.
    Int(i64),
    /// An int that does not.
    BigInt(BigInt),
    Float(f64),
    Complex { real: f64, imag: f64 },
    Str(Rc<str>),
    /// A str with lone surrogates, as code points.
    StrWide(Rc<[u32]>),
    Bytes(Rc<[u8]>),
    Tuple(Rc<[Constant]>),
    /// A frozenset literal produced by constant folding (`x in {1, 2}`).
    FrozenSet(Rc<[Constant]>),
    Ellipsis,
    Code(Rc<CodeObject>),
}

/// Source span of one instruction (1-based lines, 0-based char columns).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// One row of the zero-cost exception table: instructions in
/// `start..end` that raise jump to `target` with the stack cut to `depth`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    /// Push the index of the raising instruction before the exception.
    pub push_lasti: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CodeObject {
    /// `co_name`: function name, `<module>`, `<lambda>`, `<listcomp>`, ...
    pub name: Rc<str>,
    /// `co_qualname`: `Outer.method.<locals>.inner`.
    pub qualname: Rc<str>,
    pub filename: Rc<str>,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub firstlineno: u32,
    pub instrs: Vec<Instr>,
    /// One per instruction.
    pub locations: Vec<Location>,
    pub consts: Vec<Constant>,
    /// Global, attribute and import names.
    pub names: Vec<Rc<str>>,
    /// Fast locals: parameters first (positional, keyword-only, *args, **kwargs), then others.
    pub varnames: Vec<Rc<str>>,
    /// Locals captured by inner functions (these live in cells).
    pub cellvars: Vec<Rc<str>>,
    /// Variables this code takes from enclosing scopes' cells.
    pub freevars: Vec<Rc<str>>,
    /// For each cellvar that is also a parameter, the parameter's index in varnames.
    pub cell2arg: Vec<Option<u32>>,
    pub exception_table: Vec<ExceptionEntry>,
    /// Maximum stack depth the code needs.
    pub max_stack: u32,
}

impl CodeObject {
    /// Total number of parameters, counting `*args` and `**kwargs`.
    pub fn total_args(&self) -> u32 {
        let mut n = self.argcount + self.kwonlyargcount;
        if self.flags & flags::VARARGS != 0 {
            n += 1;
        }
        if self.flags & flags::VARKEYWORDS != 0 {
            n += 1;
        }
        n
    }

    /// The exception table entry covering instruction `index`, if any
    /// (innermost entries are listed first).
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionEntry> {
        self.exception_table.iter().find(|e| e.start <= index && index < e.end)
    }

    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }
}
