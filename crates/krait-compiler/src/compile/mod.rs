//! Bytecode emission: AST + symbol table -> [`CodeObject`]s.
//!
//! Owns: the [`Compiler`] and its stack of per-code-object [`Unit`]s
//! (instruction buffer, constants, names, locals, cells, labels, exception
//! handlers and the "frame block" stack used to unwind `break`, `continue`
//! and `return` through `try`/`with`/loops). Sub-modules:
//! - `expr`: expressions, calls, boolean jumps;
//! - `stmt`: statements, loops, `try`, `with`, unwinding;
//! - `func`: functions, lambdas, classes, comprehensions, closures;
//! - `pattern`: `match` statements;
//! - `consts`: AST constants to code constants, constant folding;
//! - `assemble`: label resolution, stack depth, exception table.
//!
//! Invariants:
//! - Every emitted instruction carries the [`Location`] of the AST node
//!   being compiled (`Unit::loc`, saved/restored around each node) and the
//!   innermost active exception handler (`Unit::handler_stack`).
//! - Jump operands are label ids until `assemble` rewrites them to absolute
//!   instruction indexes (choosing `Jump` or `JumpBackward` by direction).
//! - A handler is opened with [`Compiler::setup_handler`], which also emits
//!   a marker; the handler's stack depth is the depth at that marker (minus
//!   `adjust`), found by the flow analysis in `assemble`.
//! - A function's `consts[0]` is its docstring or None (the VM uses a
//!   `Str` there as `__doc__`).

mod assemble;
mod consts;
mod expr;
mod func;
mod pattern;
mod stmt;

use crate::code::{CodeObject, Constant, Location};
use crate::opcodes::Op;
use crate::symtable::{mangle, nesting_error, ScopeId, ScopeKind, SymbolScope, SymbolTable, MAX_NESTING};
use krait_parser::ast::{self, ExprContext, ExprKind, Loc, Stmt, StmtKind};
use krait_parser::{Mode, SyntaxError};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

pub(crate) type CResult<T = ()> = Result<T, SyntaxError>;

/// CPython's limit on statically nested blocks (loops, try, with).
const MAX_BLOCKS: usize = 20;

/// Above this many items, displays and calls are built incrementally.
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// Compile a parsed module to its top-level code object.
pub fn compile(module: &ast::Mod, filename: &str, mode: Mode) -> Result<Rc<CodeObject>, SyntaxError> {
    let _ = mode; // the shape of `module` already says which mode it is
    let future_annotations = check_future(module)?;
    let st = SymbolTable::build(module, future_annotations.0)?;
    let mut c = Compiler {
        st,
        filename: Rc::from(filename),
        units: Vec::new(),
        future_annotations: future_annotations.0,
        future_stmts: future_annotations.1,
        interactive: matches!(module, ast::Mod::Interactive { .. }),
        depth: 0,
        code_ids: 0,
    };
    c.enter_unit(0, "<module>", 1, ScopeKind::Module)?;
    match module {
        ast::Mod::Module { body } => {
            c.compile_body(body, true)?;
            if let Some(last) = body.last() {
                c.set_loc(last.loc);
            }
            c.emit_return_none();
        }
        ast::Mod::Interactive { body } => {
            if stmt::find_ann(body) {
                c.emit(Op::SetupAnnotations, 0);
            }
            for s in body {
                c.compile_stmt(s)?;
            }
            if let Some(last) = body.last() {
                c.set_loc(last.loc);
            }
            c.emit_return_none();
        }
        ast::Mod::Expression { body } => {
            c.set_loc(body.loc);
            c.compile_expr(body)?;
            c.emit(Op::ReturnValue, 0);
        }
    }
    let code = c.exit_unit()?;
    Ok(code)
}

/// Parse `src` and compile it.
pub fn compile_source(src: &str, filename: &str, mode: Mode) -> Result<Rc<CodeObject>, SyntaxError> {
    let module = krait_parser::parse(src, filename, mode)?;
    compile(&module, filename, mode)
}

/// Validate the `from __future__ import ...` statements at the top of a
/// module. Returns whether `annotations` is on, and the addresses of the
/// valid future statements (any other `from __future__` is an error).
fn check_future(module: &ast::Mod) -> CResult<(bool, HashSet<usize>)> {
    let body = match module {
        ast::Mod::Module { body } | ast::Mod::Interactive { body } => body,
        ast::Mod::Expression { .. } => return Ok((false, HashSet::new())),
    };
    let mut annotations = false;
    let mut valid = HashSet::new();
    for (i, s) in body.iter().enumerate() {
        match &s.kind {
            StmtKind::Expr { value } if i == 0 && is_docstring_expr(value) => continue,
            StmtKind::ImportFrom { module: Some(m), names, level: 0 } if m == "__future__" => {
                for a in names {
                    match a.name.as_str() {
                        "nested_scopes" | "generators" | "division" | "absolute_import"
                        | "with_statement" | "print_function" | "unicode_literals"
                        | "barry_as_FLUFL" | "generator_stop" => {}
                        "annotations" => annotations = true,
                        "braces" => return Err(error_at("not a chance", s.loc)),
                        other => {
                            return Err(error_at(
                                &format!("future feature {} is not defined", other),
                                s.loc,
                            ))
                        }
                    }
                }
                valid.insert(s as *const Stmt as usize);
            }
            _ => break,
        }
    }
    Ok((annotations, valid))
}

fn is_docstring_expr(e: &ast::Expr) -> bool {
    matches!(&e.kind, ExprKind::Constant { value: ast::Constant::Str(_) | ast::Constant::StrWide(_) })
}

pub(crate) fn error_at(msg: &str, loc: Loc) -> SyntaxError {
    crate::symtable::error(msg.to_string(), loc)
}

pub(crate) fn to_location(l: Loc) -> Location {
    Location { line: l.line, col: l.col, end_line: l.end_line, end_col: l.end_col }
}

/// A jump target; bound to an instruction index with [`Compiler::bind`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(pub u32);

pub(crate) const NO_HANDLER: u32 = u32::MAX;
pub(crate) const UNBOUND: u32 = u32::MAX;

/// An instruction before assembly (jump operands are label ids).
#[derive(Clone, Copy, Debug)]
pub(crate) struct IInstr {
    pub op: Op,
    pub arg: u32,
    pub loc: Location,
    /// Innermost active handler id, or `NO_HANDLER`.
    pub handler: u32,
    /// A marker opening handler `arg` (not a real instruction).
    pub marker: bool,
}

/// An exception handler region's target and entry shape.
#[derive(Clone, Copy, Debug)]
pub(crate) struct HandlerInfo {
    pub label: Label,
    pub lasti: bool,
    /// Subtracted from the stack depth at the setup marker.
    pub adjust: u32,
}

/// What a frame block is, for unwinding on `break`/`continue`/`return`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    TryExcept,
    /// The `try` body of `try/finally`: unwinding runs the finally body.
    FinallyTry(&'a [Stmt]),
    /// The finally body on the exceptional path: `[.., prev_exc, exc]` on the stack.
    FinallyEnd,
    With(Location),
    AsyncWith(Location),
    /// An `except` body: `[.., prev_exc]`; `Some(name)` for `except E as name`.
    HandlerCleanup(Option<&'a str>),
    /// A value on the stack to pop when unwinding (a preserved return value).
    PopValue,
    /// An `except*` body (no break/continue/return allowed through it).
    ExceptionGroupHandler,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlock<'a> {
    pub kind: FBlockKind<'a>,
    /// Loop start (`continue` target).
    pub start: Label,
    /// Loop exit (`break` target).
    pub exit: Label,
    /// `handler_stack.len()` before this block's own handlers were pushed.
    pub handlers_below: usize,
}

/// Hashable identity of a constant for deduplication in `consts`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    Big(String),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    Wide(Rc<[u32]>),
    Bytes(Rc<[u8]>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Ellipsis,
    Code(usize),
}

fn const_key(c: &Constant, code_id: &mut usize) -> ConstKey {
    match c {
        Constant::None => ConstKey::None,
        Constant::Bool(b) => ConstKey::Bool(*b),
        Constant::Int(i) => ConstKey::Int(*i),
        Constant::BigInt(b) => ConstKey::Big(b.to_string()),
        Constant::Float(f) => ConstKey::Float(f.to_bits()),
        Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
        Constant::Str(s) => ConstKey::Str(s.clone()),
        Constant::StrWide(s) => ConstKey::Wide(s.clone()),
        Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
        Constant::Tuple(t) => ConstKey::Tuple(t.iter().map(|x| const_key(x, code_id)).collect()),
        Constant::FrozenSet(t) => {
            ConstKey::FrozenSet(t.iter().map(|x| const_key(x, code_id)).collect())
        }
        Constant::Ellipsis => ConstKey::Ellipsis,
        Constant::Code(_) => {
            *code_id += 1;
            ConstKey::Code(*code_id)
        }
    }
}

/// The state of one code object being compiled.
pub(crate) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: ScopeKind,
    pub is_async: bool,
    pub name: String,
    pub qualname: String,
    pub private: Option<String>,
    pub instrs: Vec<IInstr>,
    pub labels: Vec<u32>,
    pub handlers: Vec<HandlerInfo>,
    pub handler_stack: Vec<u32>,
    pub consts: Vec<Constant>,
    const_map: HashMap<ConstKey, u32>,
    pub names: Vec<Rc<str>>,
    name_map: HashMap<String, u32>,
    pub varnames: Vec<Rc<str>>,
    varname_map: HashMap<String, u32>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub firstlineno: u32,
    pub loc: Location,
    pub fblocks: Vec<FBlock<'a>>,
}

pub(crate) struct Compiler<'a> {
    pub st: SymbolTable,
    pub filename: Rc<str>,
    pub units: Vec<Unit<'a>>,
    pub future_annotations: bool,
    future_stmts: HashSet<usize>,
    pub interactive: bool,
    depth: u32,
    code_ids: usize,
}

impl<'a> Compiler<'a> {
    // ----- units --------------------------------------------------------

    pub fn u(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("no code unit")
    }

    pub fn ur(&self) -> &Unit<'a> {
        self.units.last().expect("no code unit")
    }

    /// Start compiling a new code object for symbol-table scope `scope`.
    pub fn enter_unit(&mut self, scope: ScopeId, name: &str, firstlineno: u32, kind: ScopeKind) -> CResult {
        let sc = &self.st.scopes[scope];
        let private = self.units.last().and_then(|u| u.private.clone());
        let mut cellvars = sc.sorted_names(SymbolScope::Cell, false);
        if sc.needs_class_closure {
            cellvars.insert(0, "__class__".to_string());
        }
        let freevars = if kind == ScopeKind::Class {
            sc.sorted_names(SymbolScope::Free, true)
        } else {
            sc.sorted_names(SymbolScope::Free, false)
        };
        let qualname = self.qualname_for(name, kind);
        let mut u = Unit {
            scope,
            kind,
            is_async: sc.is_async_def,
            name: name.to_string(),
            qualname,
            private,
            instrs: Vec::new(),
            labels: Vec::new(),
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames: Vec::new(),
            varname_map: HashMap::new(),
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            firstlineno,
            loc: Location { line: firstlineno, col: 0, end_line: firstlineno, end_col: 0 },
            fblocks: Vec::new(),
        };
        for p in &sc.params {
            let i = u.varnames.len() as u32;
            u.varnames.push(Rc::from(p.as_str()));
            u.varname_map.insert(p.clone(), i);
        }
        self.units.push(u);
        Ok(())
    }

    /// `co_qualname` of a new unit named `name` nested in the current one.
    fn qualname_for(&self, name: &str, kind: ScopeKind) -> String {
        let Some(parent) = self.units.last() else { return name.to_string() };
        if parent.kind == ScopeKind::Module {
            return name.to_string();
        }
        if matches!(kind, ScopeKind::Function | ScopeKind::Class) {
            let m = mangle(parent.private.as_deref(), name);
            if self.st.scopes[parent.scope].scope_of(&m) == SymbolScope::GlobalExplicit {
                return name.to_string();
            }
        }
        if matches!(parent.kind, ScopeKind::Function | ScopeKind::Lambda) {
            format!("{}.<locals>.{}", parent.qualname, name)
        } else {
            format!("{}.{}", parent.qualname, name)
        }
    }

    /// Finish the current unit and return its code object.
    pub fn exit_unit(&mut self) -> CResult<Rc<CodeObject>> {
        let u = self.units.pop().expect("no code unit");
        let code = assemble::assemble(u, &self.filename)?;
        Ok(Rc::new(code))
    }

    // ----- emission -----------------------------------------------------

    pub fn set_loc(&mut self, l: Loc) {
        self.u().loc = to_location(l);
    }

    pub fn emit(&mut self, op: Op, arg: u32) {
        let u = self.u();
        let handler = u.handler_stack.last().copied().unwrap_or(NO_HANDLER);
        let loc = u.loc;
        u.instrs.push(IInstr { op, arg, loc, handler, marker: false });
    }

    pub fn emit_jump(&mut self, op: Op, target: Label) {
        debug_assert!(op.is_jump());
        self.emit(op, target.0);
    }

    pub fn new_label(&mut self) -> Label {
        let u = self.u();
        u.labels.push(UNBOUND);
        Label(u.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        let u = self.u();
        u.labels[l.0 as usize] = u.instrs.len() as u32;
    }

    /// Open an exception handler region jumping to `target`. When an
    /// instruction in the region raises, the stack is cut to the depth at
    /// this point minus `adjust`, then `lasti` (if asked) and the exception
    /// are pushed.
    pub fn setup_handler(&mut self, target: Label, lasti: bool, adjust: u32) {
        let u = self.u();
        let id = u.handlers.len() as u32;
        u.handlers.push(HandlerInfo { label: target, lasti, adjust });
        let loc = u.loc;
        let handler = u.handler_stack.last().copied().unwrap_or(NO_HANDLER);
        u.instrs.push(IInstr { op: Op::Nop, arg: id, loc, handler, marker: true });
        u.handler_stack.push(id);
    }

    /// Close the innermost handler region (CPython's POP_BLOCK).
    pub fn pop_handler(&mut self) {
        self.u().handler_stack.pop();
    }

    pub fn add_const(&mut self, c: Constant) -> u32 {
        // Identical code objects (a `finally` body compiled twice) are
        // merged, as CPython does; they are immutable, so sharing is safe.
        if let Constant::Code(code) = &c {
            let u = self.ur();
            if let Some(i) = u.consts.iter().position(|x| matches!(x, Constant::Code(o) if **o == **code)) {
                return i as u32;
            }
        }
        let key = const_key(&c, &mut self.code_ids);
        let u = self.u();
        if let Some(&i) = u.const_map.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(c);
        u.const_map.insert(key, i);
        i
    }

    pub fn load_const(&mut self, c: Constant) {
        let i = self.add_const(c);
        self.emit(Op::LoadConst, i);
    }

    pub fn emit_return_none(&mut self) {
        self.load_const(Constant::None);
        self.emit(Op::ReturnValue, 0);
    }

    /// Index of `name` in `names` (not mangled).
    pub fn add_name(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.name_map.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(Rc::from(name));
        u.name_map.insert(name.to_string(), i);
        i
    }

    /// Emit `op` with a mangled `names` operand (attributes, imports).
    pub fn emit_name(&mut self, op: Op, name: &str) {
        let m = mangle(self.ur().private.as_deref(), name);
        let i = self.add_name(&m);
        self.emit(op, i);
    }

    pub fn varname_index(&mut self, name: &str) -> u32 {
        let u = self.u();
        if let Some(&i) = u.varname_map.get(name) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(Rc::from(name));
        u.varname_map.insert(name.to_string(), i);
        i
    }

    /// Index of a cell or free variable in `cellvars ++ freevars`.
    pub fn cell_index(&self, name: &str) -> CResult<u32> {
        let u = self.ur();
        if let Some(i) = u.cellvars.iter().position(|n| n == name) {
            return Ok(i as u32);
        }
        if let Some(i) = u.freevars.iter().position(|n| n == name) {
            return Ok((u.cellvars.len() + i) as u32);
        }
        Err(self.internal(&format!("no cell for '{}' in {}", name, u.name)))
    }

    pub fn internal(&self, what: &str) -> SyntaxError {
        let l = self.units.last().map(|u| u.loc).unwrap_or_default();
        let mut e = error_at(
            &format!("internal compiler error: {}", what),
            Loc { line: l.line, col: l.col, end_line: l.end_line, end_col: l.end_col },
        );
        e.kind = "SystemError";
        e
    }

    pub fn error(&self, msg: &str) -> SyntaxError {
        let l = self.units.last().map(|u| u.loc).unwrap_or_default();
        error_at(msg, Loc { line: l.line, col: l.col, end_line: l.end_line, end_col: l.end_col })
    }

    /// Load, store or delete a variable, choosing the instruction from the
    /// name's scope in the current unit.
    pub fn name_op(&mut self, name: &str, ctx: ExprContext) -> CResult {
        if name == "__debug__" {
            match ctx {
                ExprContext::Load => {
                    self.load_const(Constant::Bool(true));
                    return Ok(());
                }
                ExprContext::Store => return Err(self.error("cannot assign to __debug__")),
                ExprContext::Del => return Err(self.error("cannot delete __debug__")),
            }
        }
        let mangled = mangle(self.ur().private.as_deref(), name);
        let kind = self.ur().kind;
        let scope = self.st.scopes[self.ur().scope].scope_of(&mangled);
        let fast = kind.is_function_like();
        match scope {
            SymbolScope::Free | SymbolScope::Cell => {
                let i = self.cell_index(&mangled)?;
                let op = match ctx {
                    ExprContext::Load if kind == ScopeKind::Class => Op::LoadClassDeref,
                    ExprContext::Load => Op::LoadDeref,
                    ExprContext::Store => Op::StoreDeref,
                    ExprContext::Del => Op::DeleteDeref,
                };
                self.emit(op, i);
            }
            SymbolScope::Local if fast => {
                let i = self.varname_index(&mangled);
                let op = match ctx {
                    ExprContext::Load => Op::LoadFast,
                    ExprContext::Store => Op::StoreFast,
                    ExprContext::Del => Op::DeleteFast,
                };
                self.emit(op, i);
            }
            SymbolScope::GlobalExplicit | SymbolScope::GlobalImplicit
                if fast || scope == SymbolScope::GlobalExplicit =>
            {
                let i = self.add_name(&mangled);
                let op = match ctx {
                    ExprContext::Load => Op::LoadGlobal,
                    ExprContext::Store => Op::StoreGlobal,
                    ExprContext::Del => Op::DeleteGlobal,
                };
                self.emit(op, i);
            }
            _ => {
                let i = self.add_name(&mangled);
                let op = match ctx {
                    ExprContext::Load => Op::LoadName,
                    ExprContext::Store => Op::StoreName,
                    ExprContext::Del => Op::DeleteName,
                };
                self.emit(op, i);
            }
        }
        Ok(())
    }

    // ----- frame blocks -------------------------------------------------

    pub fn push_fblock(&mut self, kind: FBlockKind<'a>, start: Label, exit: Label, handlers_below: usize) -> CResult {
        if self.ur().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u().fblocks.push(FBlock { kind, start, exit, handlers_below });
        Ok(())
    }

    pub fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    pub fn handler_len(&self) -> usize {
        self.ur().handler_stack.len()
    }

    // ----- nesting guard -------------------------------------------------

    pub fn enter_nesting(&mut self, loc: Loc) -> CResult {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(nesting_error(loc));
        }
        Ok(())
    }

    pub fn leave_nesting(&mut self) {
        self.depth -= 1;
    }

    // ----- bodies ---------------------------------------------------------

    /// A module or class body: `__annotations__` setup, docstring, statements.
    pub fn compile_body(&mut self, body: &'a [Stmt], is_module: bool) -> CResult {
        if is_module {
            if let Some(first) = body.first() {
                self.set_loc(first.loc);
            }
        }
        if stmt::find_ann(body) {
            self.emit(Op::SetupAnnotations, 0);
        }
        let mut rest = body;
        if let Some(doc) = docstring(body) {
            self.set_loc(body[0].loc);
            self.load_const(doc);
            self.name_op("__doc__", ExprContext::Store)?;
            rest = &body[1..];
        }
        for s in rest {
            self.compile_stmt(s)?;
        }
        Ok(())
    }

    pub fn is_valid_future(&self, s: &Stmt) -> bool {
        self.future_stmts.contains(&(s as *const Stmt as usize))
    }
}

/// The docstring constant of a body, if its first statement is a string.
pub(crate) fn docstring(body: &[Stmt]) -> Option<Constant> {
    let first = body.first()?;
    if let StmtKind::Expr { value } = &first.kind {
        if let ExprKind::Constant { value: c @ (ast::Constant::Str(_) | ast::Constant::StrWide(_)) } =
            &value.kind
        {
            return Some(consts::convert(c));
        }
    }
    None
}
