//! The instruction table: every bytecode instruction is declared exactly once
//! here, with its operand kind, its stack effect and a one-line doc.
//!
//! Everything else is derived from this table by the `instructions!` macro:
//! the [`Op`] enum, `Op::name` (CPython-style `LOAD_FAST` names used by `dis`),
//! `Op::arg_kind` (how `dis` renders the operand), `Op::stack_effect` (used by
//! the compiler's max-stack computation) and `Op::doc`.
//! The interpreter dispatches on `Op` with a plain `match` (crates/krait-vm).
//!
//! Conventions (close to CPython 3.11):
//! - Operands are `u32`; jump targets are absolute instruction indexes.
//! - "TOS" is the top of the value stack; `[a, b]` lists items bottom to top.
//! - `NULL` is the VM's internal null value (never visible to Python code).
//! - Exceptions use a zero-cost exception table (`CodeObject::exception_table`):
//!   when an instruction raises, the VM pops the stack down to the entry's
//!   depth, pushes the offending instruction index if `push_lasti`, pushes the
//!   exception and jumps to the handler.

/// How an instruction's operand is interpreted (drives `dis` output).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// The operand is unused (always 0).
    None,
    /// Index into `consts`.
    Const,
    /// Index into `names`.
    Name,
    /// Index into `varnames` (fast locals).
    Local,
    /// Index into `cellvars ++ freevars`.
    Cell,
    /// Absolute instruction index.
    Jump,
    /// A count or small integer.
    Count,
    /// A [`BinOpKind`] number.
    BinOp,
    /// A [`CmpOpKind`] number.
    CmpOp,
}

macro_rules! instructions {
    ($( $(#[doc = $doc:literal])+ $name:ident ( $kind:ident ) => $effect:expr ; )*) => {
        /// A bytecode operation. See the table in `opcodes.rs` for each one's doc.
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Op { $($name),* }

        impl Op {
            /// Every operation, in opcode order.
            pub const ALL: &'static [Op] = &[$(Op::$name),*];

            /// The CamelCase Rust name (`LoadFast`).
            pub fn rust_name(self) -> &'static str {
                match self { $(Op::$name => stringify!($name)),* }
            }

            /// How the operand is interpreted.
            pub fn arg_kind(self) -> ArgKind {
                match self { $(Op::$name => ArgKind::$kind),* }
            }

            /// The one-line documentation from the table.
            pub fn doc(self) -> &'static str {
                match self { $(Op::$name => concat!($($doc),+).trim_start()),* }
            }

            /// Net change of the stack depth. `jump` selects the effect when a
            /// conditional jump is taken (for non-jumps it is ignored).
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                match self {
                    $(Op::$name => {
                        let f: fn(u32, bool) -> i32 = $effect;
                        f(arg, jump)
                    }),*
                }
            }
        }
    };
}

instructions! {
    /// Do nothing.
    Nop(None) => |_, _| 0;
    /// Pop TOS.
    PopTop(None) => |_, _| -1;
    /// Push the NULL marker (before a callable that is not a method).
    PushNull(None) => |_, _| 1;
    /// Push a copy of the item `arg` deep (1 = TOS).
    Copy(Count) => |_, _| 1;
    /// Swap TOS with the item `arg` deep (2 = the one below TOS).
    Swap(Count) => |_, _| 0;
    /// Push `consts[arg]`.
    LoadConst(Const) => |_, _| 1;
    /// Return TOS to the caller.
    ReturnValue(None) => |_, _| -1;

    /// Push fast local `varnames[arg]`; UnboundLocalError if unset.
    LoadFast(Local) => |_, _| 1;
    /// Pop TOS into fast local `varnames[arg]`.
    StoreFast(Local) => |_, _| -1;
    /// Unset fast local `varnames[arg]`; UnboundLocalError if unset.
    DeleteFast(Local) => |_, _| 0;
    /// Push the contents of cell `arg` (NameError/UnboundLocalError if empty).
    LoadDeref(Cell) => |_, _| 1;
    /// Pop TOS into cell `arg`.
    StoreDeref(Cell) => |_, _| -1;
    /// Empty cell `arg`.
    DeleteDeref(Cell) => |_, _| 0;
    /// Push the cell object `arg` itself (to build a closure).
    LoadClosure(Cell) => |_, _| 1;
    /// Class bodies: look `freevars` name up in the locals mapping first, then in cell `arg`.
    LoadClassDeref(Cell) => |_, _| 1;
    /// Push name `names[arg]` from locals, then globals, then builtins.
    LoadName(Name) => |_, _| 1;
    /// Pop TOS into the locals mapping under `names[arg]`.
    StoreName(Name) => |_, _| -1;
    /// Delete `names[arg]` from the locals mapping.
    DeleteName(Name) => |_, _| 0;
    /// Push global (or builtin) `names[arg]`.
    LoadGlobal(Name) => |_, _| 1;
    /// Pop TOS into global `names[arg]`.
    StoreGlobal(Name) => |_, _| -1;
    /// Delete global `names[arg]`.
    DeleteGlobal(Name) => |_, _| 0;
    /// Replace TOS with `TOS.names[arg]`.
    LoadAttr(Name) => |_, _| 0;
    /// `[value, obj]`: set `obj.names[arg] = value`.
    StoreAttr(Name) => |_, _| -2;
    /// Pop obj and delete `obj.names[arg]`.
    DeleteAttr(Name) => |_, _| -1;
    /// Replace obj with `[meth, obj]` if `names[arg]` is a plain method found on the type, else `[NULL, obj.attr]`.
    LoadMethod(Name) => |_, _| 1;
    /// Push the locals mapping (end of a class body).
    LoadLocals(None) => |_, _| 1;
    /// Push `builtins.__build_class__`.
    LoadBuildClass(None) => |_, _| 1;
    /// Push `AssertionError`.
    LoadAssertionError(None) => |_, _| 1;
    /// Create `__annotations__` in the locals mapping if missing.
    SetupAnnotations(None) => |_, _| 0;

    /// `[NULL|meth, callable|self, arg1..argN]`: call with `arg` positional arguments (a non-NULL first slot is called with the second as its first argument: also used as `[decorator, func]` `Call 0`).
    Call(Count) => |a, _| -(a as i32) - 1;
    /// `[NULL|meth, callable|self, args.., kwvalues.., kwnames]`: `arg` = positional + keyword values; `kwnames` a const tuple.
    CallKw(Count) => |a, _| -(a as i32) - 2;
    /// `[NULL, callable, args, kwargs_dict if arg&1]`: `f(*args, **kwargs)`; `args` is a tuple or any iterable to convert to one.
    CallFunctionEx(Count) => |a, _| -2 - (a & 1) as i32;
    /// `[defaults tuple if arg&1, kwdefaults dict if arg&2, annotations dict if arg&4, closure tuple of cells if arg&8, code]`: push a new function.
    MakeFunction(Count) => |a, _| -(((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1)) as i32);

    /// `[a, b]`: push `a op b` where op is `BinOpKind(arg)` (in-place forms >= 13).
    BinaryOp(BinOp) => |_, _| -1;
    /// Replace TOS with `-TOS`.
    UnaryNegative(None) => |_, _| 0;
    /// Replace TOS with `+TOS`.
    UnaryPositive(None) => |_, _| 0;
    /// Replace TOS with `not TOS`.
    UnaryNot(None) => |_, _| 0;
    /// Replace TOS with `~TOS`.
    UnaryInvert(None) => |_, _| 0;
    /// `[a, b]`: push `a <op> b` for `CmpOpKind(arg)`.
    CompareOp(CmpOp) => |_, _| -1;
    /// `[a, b]`: push `a is b` (`a is not b` if arg is 1).
    IsOp(Count) => |_, _| -1;
    /// `[a, b]`: push `a in b` (`a not in b` if arg is 1).
    ContainsOp(Count) => |_, _| -1;
    /// `[container, key]`: push `container[key]`.
    BinarySubscr(None) => |_, _| -1;
    /// `[value, container, key]`: `container[key] = value`.
    StoreSubscr(None) => |_, _| -3;
    /// `[container, key]`: `del container[key]`.
    DeleteSubscr(None) => |_, _| -2;
    /// Push `slice(...)` from the top 2 or 3 items (`arg`).
    BuildSlice(Count) => |a, _| 1 - a as i32;

    /// Pop `arg` items and push them as a tuple.
    BuildTuple(Count) => |a, _| 1 - a as i32;
    /// Pop `arg` items and push them as a list.
    BuildList(Count) => |a, _| 1 - a as i32;
    /// Pop `arg` items and push them as a set.
    BuildSet(Count) => |a, _| 1 - a as i32;
    /// Pop `arg` key/value pairs `[k1, v1, k2, v2, ...]` and push a dict.
    BuildMap(Count) => |a, _| 1 - 2 * a as i32;
    /// `[v1..vN, keys_tuple]`: push a dict from a const key tuple.
    BuildConstKeyMap(Count) => |a, _| -(a as i32);
    /// Pop `arg` strings and push their concatenation.
    BuildString(Count) => |a, _| 1 - a as i32;
    /// Pop TOS and append it to the list `arg` deep (after the pop).
    ListAppend(Count) => |_, _| -1;
    /// Pop TOS and add it to the set `arg` deep.
    SetAdd(Count) => |_, _| -1;
    /// `[.., key, value]`: pop both and store into the dict `arg` deep.
    MapAdd(Count) => |_, _| -2;
    /// Pop an iterable and extend the list `arg` deep with it.
    ListExtend(Count) => |_, _| -1;
    /// Pop an iterable and update the set `arg` deep with it.
    SetUpdate(Count) => |_, _| -1;
    /// Pop a mapping and update the dict `arg` deep with it (`{**d}`).
    DictUpdate(Count) => |_, _| -1;
    /// Like DictUpdate but a repeated key is a TypeError (`f(**a, **b)`).
    DictMerge(Count) => |_, _| -1;
    /// Replace the list at TOS with a tuple of its items.
    ListToTuple(None) => |_, _| 0;
    /// Pop an iterable of exactly `arg` items and push them, first item on top.
    UnpackSequence(Count) => |a, _| a as i32 - 1;
    /// `a, *b, c = x`: `arg` = before | after << 8; pushes before + 1 + after items.
    UnpackEx(Count) => |a, _| ((a & 0xff) + (a >> 8)) as i32;

    /// Replace TOS with `iter(TOS)`.
    GetIter(None) => |_, _| 0;
    /// TOS is an iterator: push its next item, or pop it and jump to `arg` when exhausted.
    ForIter(Jump) => |_, j| if j { -1 } else { 1 };
    /// Jump forward to `arg`.
    Jump(Jump) => |_, _| 0;
    /// Jump back to `arg` (a loop edge: the interpreter's periodic check runs here).
    JumpBackward(Jump) => |_, _| 0;
    /// Pop TOS; jump to `arg` if it is false.
    PopJumpIfFalse(Jump) => |_, _| -1;
    /// Pop TOS; jump to `arg` if it is true.
    PopJumpIfTrue(Jump) => |_, _| -1;
    /// Pop TOS; jump to `arg` if it is None.
    PopJumpIfNone(Jump) => |_, _| -1;
    /// Pop TOS; jump to `arg` if it is not None.
    PopJumpIfNotNone(Jump) => |_, _| -1;
    /// If TOS is false jump to `arg` keeping it, else pop it (`and`).
    JumpIfFalseOrPop(Jump) => |_, j| if j { 0 } else { -1 };
    /// If TOS is true jump to `arg` keeping it, else pop it (`or`).
    JumpIfTrueOrPop(Jump) => |_, j| if j { 0 } else { -1 };

    /// f-strings: `[value, spec if arg&4]`: push `format(value, spec)` after conversion `arg&3` (1 str, 2 repr, 3 ascii).
    FormatValue(Count) => |a, _| if a & 4 != 0 { -1 } else { 0 };
    /// `raise` with `arg` operands: 0 re-raise, 1 `raise exc`, 2 `raise exc from cause`.
    RaiseVarargs(Count) => |a, _| -(a as i32);
    /// Pop the exception at TOS and re-raise it; if `arg` > 0, the item `arg` deep after that pop is a lasti to restore as the frame's current instruction.
    Reraise(Count) => |_, _| -1;
    /// `[exc]`: push the previously handled exception below it and make exc the current one: `[prev, exc]`.
    PushExcInfo(None) => |_, _| 1;
    /// Pop the saved previous exception and make it current again.
    PopExcept(None) => |_, _| -1;
    /// `[exc, type]`: replace type with whether exc matches it (`except type:`).
    CheckExcMatch(None) => |_, _| 0;
    /// `[eg, type]` for `except*`: push `[rest, match]` splitting the group.
    CheckEgMatch(None) => |_, _| 0;
    /// `[orig, list_of_raised]` at the end of `try/except*`: push the exception to re-raise (or None).
    PrepReraiseStar(None) => |_, _| -1;
    /// `[exit_func, lasti, prev_exc, exc]`: push `exit_func(type, exc, tb)`.
    WithExceptStart(None) => |_, _| 1;
    /// `[mgr]`: push `[mgr.__exit__ bound, mgr.__enter__()]`.
    BeforeWith(None) => |_, _| 1;
    /// `[mgr]`: push `[mgr.__aexit__ bound, mgr.__aenter__()]`.
    BeforeAsyncWith(None) => |_, _| 1;

    /// `[level, fromlist]`: push `__import__(names[arg], ...)`.
    ImportName(Name) => |_, _| -1;
    /// `[module]`: push `module.names[arg]` (ImportError if missing), keeping module.
    ImportFrom(Name) => |_, _| 1;
    /// `[module]`: `from module import *` into the locals mapping.
    ImportStar(None) => |_, _| -1;

    /// Yield TOS to the generator's caller; push the sent value on resume. `arg` 0: a `yield` (in an async generator, the value for `asend`); 1: inside a `yield from`/`await` loop (always followed by `JumpBackward` to its `Send`; the receiver is below TOS and gets `throw()`/`close()` delegated).
    YieldValue(Count) => |_, _| 0;
    /// Replace TOS with an iterator suitable for `yield from` / `await`.
    GetYieldFromIter(None) => |_, _| 0;
    /// `[receiver, value]`: send value into receiver; on yield replace value with the yielded item; on return pop receiver, push the result and jump to `arg`.
    Send(Jump) => |_, j| if j { -1 } else { 0 };
    /// Replace TOS with `TOS.__await__()` iterator (`arg` says where: 0 await, 1 aenter, 2 aexit).
    GetAwaitable(Count) => |_, _| 0;
    /// Replace TOS with `TOS.__aiter__()`.
    GetAIter(None) => |_, _| 0;
    /// Push the awaitable `TOS.__anext__()` (keeping TOS), already converted like `GetAwaitable`.
    GetANext(None) => |_, _| 1;
    /// `[aiter, exc]`: end of `async for`: pop both if exc is StopAsyncIteration, else re-raise.
    EndAsyncFor(None) => |_, _| -2;

    /// Interactive mode: print `repr(TOS)` via `sys.displayhook` and pop it.
    PrintExpr(None) => |_, _| -1;

    /// `[subject]`: push whether subject is a mapping (for `match`).
    MatchMapping(None) => |_, _| 1;
    /// `[subject]`: push whether subject is a sequence (for `match`).
    MatchSequence(None) => |_, _| 1;
    /// `[subject, keys]`: push a tuple of the values for keys, or None if any is missing.
    MatchKeys(None) => |_, _| 1;
    /// `[subject, cls, names]`: with `arg` positional sub-patterns, push a tuple of attributes or None.
    MatchClass(Count) => |_, _| -2;
    /// `[obj]`: push `len(obj)`.
    GetLen(None) => |_, _| 1;
    /// `[subject, keys]`: replace keys with a dict of subject minus those keys.
    CopyDictWithoutKeys(None) => |_, _| 0;
}

impl Op {
    /// The `dis` name in CPython's style: `LoadFast` -> `LOAD_FAST`.
    pub fn name(self) -> String {
        let mut out = String::new();
        for (i, ch) in self.rust_name().chars().enumerate() {
            if ch.is_ascii_uppercase() && i > 0 {
                out.push('_');
            }
            out.push(ch.to_ascii_uppercase());
        }
        out
    }

    /// True for instructions whose operand is a jump target.
    pub fn is_jump(self) -> bool {
        self.arg_kind() == ArgKind::Jump
    }

    /// True when control never falls through to the next instruction.
    pub fn is_terminator(self) -> bool {
        matches!(
            self,
            Op::ReturnValue | Op::Jump | Op::JumpBackward | Op::RaiseVarargs | Op::Reraise
        )
    }
}

/// One instruction: an operation and its operand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    pub op: Op,
    pub arg: u32,
}

impl Instr {
    pub fn new(op: Op, arg: u32) -> Instr {
        Instr { op, arg }
    }
}

/// Binary operators, numbered as CPython 3.11's `NB_*` (in-place = +13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum BinOpKind {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

impl BinOpKind {
    pub const ALL: [BinOpKind; 13] = [
        BinOpKind::Add,
        BinOpKind::And,
        BinOpKind::FloorDivide,
        BinOpKind::Lshift,
        BinOpKind::MatrixMultiply,
        BinOpKind::Multiply,
        BinOpKind::Remainder,
        BinOpKind::Or,
        BinOpKind::Power,
        BinOpKind::Rshift,
        BinOpKind::Subtract,
        BinOpKind::TrueDivide,
        BinOpKind::Xor,
    ];

    /// Decode a `BinaryOp` operand: the operator and whether it is in-place.
    pub fn from_arg(arg: u32) -> (BinOpKind, bool) {
        let inplace = arg >= 13;
        (BinOpKind::ALL[(arg % 13) as usize], inplace)
    }

    /// The Python symbol (`+`, `//`, ...).
    pub fn symbol(self) -> &'static str {
        match self {
            BinOpKind::Add => "+",
            BinOpKind::And => "&",
            BinOpKind::FloorDivide => "//",
            BinOpKind::Lshift => "<<",
            BinOpKind::MatrixMultiply => "@",
            BinOpKind::Multiply => "*",
            BinOpKind::Remainder => "%",
            BinOpKind::Or => "|",
            BinOpKind::Power => "**",
            BinOpKind::Rshift => ">>",
            BinOpKind::Subtract => "-",
            BinOpKind::TrueDivide => "/",
            BinOpKind::Xor => "^",
        }
    }
}

/// Rich comparison operators, numbered as CPython's `Py_LT`..`Py_GE`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CmpOpKind {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CmpOpKind {
    pub const ALL: [CmpOpKind; 6] =
        [CmpOpKind::Lt, CmpOpKind::Le, CmpOpKind::Eq, CmpOpKind::Ne, CmpOpKind::Gt, CmpOpKind::Ge];

    pub fn from_arg(arg: u32) -> CmpOpKind {
        CmpOpKind::ALL[arg as usize]
    }

    pub fn symbol(self) -> &'static str {
        match self {
            CmpOpKind::Lt => "<",
            CmpOpKind::Le => "<=",
            CmpOpKind::Eq => "==",
            CmpOpKind::Ne => "!=",
            CmpOpKind::Gt => ">",
            CmpOpKind::Ge => ">=",
        }
    }

    /// The operator with its operands swapped (`a < b` == `b > a`).
    pub fn swapped(self) -> CmpOpKind {
        match self {
            CmpOpKind::Lt => CmpOpKind::Gt,
            CmpOpKind::Le => CmpOpKind::Ge,
            CmpOpKind::Eq => CmpOpKind::Eq,
            CmpOpKind::Ne => CmpOpKind::Ne,
            CmpOpKind::Gt => CmpOpKind::Lt,
            CmpOpKind::Ge => CmpOpKind::Le,
        }
    }
}
