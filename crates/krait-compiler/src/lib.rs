//! krait-compiler: AST to bytecode.
//!
//! - `opcodes`: the instruction table (the single definition of every instruction).
//! - `code`: code objects, constants, locations and the exception table.
//! - `symtable`: scope analysis (local/global/nonlocal/cell/free).
//! - `compile`: bytecode emission ([`compile()`], [`compile_source()`]).
//! - `dis`: a textual disassembler in CPython's `dis` format.
//! - `unparse`: expressions back to source (string annotations).
//!
//! # What the VM can rely on
//!
//! Code shapes follow CPython 3.11 (without `RESUME`, `PRECALL`, caches,
//! `MAKE_CELL`/`COPY_FREE_VARS`/`RETURN_GENERATOR`: cells are created at
//! frame entry from `cellvars` and `cell2arg`, generators on call from the
//! flags). In particular:
//!
//! - **Calls**: `PushNull; <callable>; <args>; Call n` or, for `obj.m(...)`,
//!   `<obj>; LoadMethod m; <args>; Call n`. A non-NULL first slot is called
//!   with the second slot as first argument; decorators (`[dec, func]`),
//!   comprehension calls (`[func, iterator]`), `exit(None, None, None)` in
//!   `with` (`[exit, None, None, None] Call 2`) and `AssertionError(msg)` use
//!   that too. Keyword calls push a const tuple of names and use `CallKw`.
//!   Calls with `*`/`**` or more than 30 arguments use `CallFunctionEx`.
//! - **Functions**: `consts[0]` is the docstring or None. `MakeFunction`
//!   operands are described in the table; annotations are a dict.
//! - **Classes**: see `Compiler::compile_class` (`compile/func.rs`): the
//!   body function runs with the namespace as its locals mapping and returns
//!   the `__class__` cell (also stored as `__classcell__`) or None.
//! - **Comprehensions**: one parameter `.0`, the iterator of the outermost
//!   iterable, created by the caller (`compile/func.rs`).
//! - **Generators/coroutines**: `yield x` is `YieldValue 0`; `yield from` and
//!   `await` are `GetYieldFromIter`/`GetAwaitable; LoadConst None;
//!   Send exit; YieldValue 1; JumpBackward (to the Send); exit:`.
//! - **Loops**: every backward edge is an unconditional `JumpBackward`
//!   (conditions are tested at the loop top), so the periodic check there
//!   runs once per iteration of every loop.
//! - **Exceptions**: exception table entries never overlap and are sorted;
//!   `Reraise n` (n > 0) finds the lasti `n` deep *after* popping the
//!   exception and must not pop it (`with` cleanup uses `Reraise 2`).
//! - **Errors**: [`compile()`] returns `SyntaxError` values whose `kind` is
//!   "SyntaxError", or "RecursionError" for input nested deeper than
//!   [`symtable::MAX_NESTING`] (about 1 KiB of stack per level in debug
//!   builds, so compile on a thread with at least 2 MiB of stack), or
//!   "SystemError" for an internal compiler bug (never expected).

pub mod code;
mod compile;
pub mod dis;
pub mod opcodes;
pub mod serialize;
pub mod symtable;
pub mod unparse;

pub use code::{CodeObject, Constant};
pub use compile::{compile, compile_source};
pub use opcodes::{Instr, Op};
