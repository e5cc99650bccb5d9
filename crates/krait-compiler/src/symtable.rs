//! Scope analysis: which names are local, global, free or cells, per scope.
//!
//! Owns: the [`SymbolTable`] built from a module's AST before compilation,
//! in two passes (as CPython's `symtable.c` does, though written afresh):
//!
//! 1. *Collect*: walk the AST, open a [`Scope`] for the module, every class,
//!    function, lambda and comprehension, and record per name how it is used
//!    in that scope (`flags::DEF_LOCAL`, `USE`, `DEF_GLOBAL`, ...). Errors
//!    that depend only on one scope (`global` after use, duplicate
//!    parameters, `import *` in a function, walrus misuse in comprehensions,
//!    `yield` in a comprehension) are raised here.
//! 2. *Analyze*: top-down with the set of names bound by enclosing function
//!    scopes, bottom-up with the set of free names of children, give every
//!    symbol its final [`SymbolScope`]. A local that a child captures
//!    becomes a `Cell`; a name a child captures from further out is added to
//!    intermediate scopes as `Free` so closures can pass it down.
//!
//! Invariants the compiler relies on:
//! - Names are stored *mangled* (`__x` inside `class C` is `_C__x`); the
//!   compiler mangles with the same private name before every lookup.
//! - Every comprehension is its own function-like scope whose only
//!   parameter is `.0`; its first iterable is visited in the enclosing scope.
//! - Class scopes never hold cells except the implicit `__class__`
//!   ([`Scope::needs_class_closure`]); a class-bound name that a method also
//!   captures from an enclosing function gets `DEF_FREE_CLASS` and is both
//!   a locals-mapping name and a free variable of the class body.
//! - Scopes are found again by the address of their AST node
//!   ([`SymbolTable::scope_of_stmt`], [`SymbolTable::scope_of_expr`]), so
//!   the compiler must be given the same `ast::Mod` value.

use krait_parser::ast::{
    Arguments, Comprehension, Expr, ExprContext, ExprKind, Loc, Mod, Pattern, PatternKind, Stmt,
    StmtKind,
};
use krait_parser::SyntaxError;
use std::collections::{BTreeSet, HashMap, HashSet};

/// How deeply the AST may nest (statements + expressions + patterns) before
/// compilation is refused instead of overflowing the Rust stack.
pub const MAX_NESTING: u32 = 1200;

/// Per-name usage bits collected in pass 1.
pub mod flags {
    pub const DEF_GLOBAL: u32 = 1;
    pub const DEF_LOCAL: u32 = 2;
    pub const DEF_PARAM: u32 = 4;
    pub const DEF_NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    /// A class-bound name that is also free in a nested function.
    pub const DEF_FREE_CLASS: u32 = 32;
    pub const DEF_IMPORT: u32 = 64;
    pub const DEF_ANNOT: u32 = 128;
    /// Bound as a comprehension iteration variable.
    pub const DEF_COMP_ITER: u32 = 256;
    pub const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}

use flags::*;

pub type ScopeId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

impl ScopeKind {
    /// Function, lambda and comprehension scopes use fast locals.
    pub fn is_function_like(self) -> bool {
        matches!(self, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

/// Which kind of comprehension a comprehension scope is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

impl CompKind {
    /// The code object name (`<listcomp>`, ...).
    pub fn code_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        }
    }
}

/// The final classification of a name in one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolScope {
    /// Not decided (implicit names the compiler adds, such as `__module__`).
    Unknown,
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u32,
    pub scope: SymbolScope,
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// Function/class name, `lambda`, `<listcomp>`..., `top` for the module.
    pub name: String,
    pub loc: Loc,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    /// Symbols in order of first mention.
    pub symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Parameter names (mangled) in `co_varnames` order.
    pub params: Vec<String>,
    /// `async def`.
    pub is_async_def: bool,
    /// Contains `yield` / `yield from` (or is a generator expression).
    pub is_generator: bool,
    /// `async def`, or an async comprehension / one containing `await`.
    pub is_coroutine: bool,
    pub comprehension: Option<CompKind>,
    pub has_varargs: bool,
    pub has_varkw: bool,
    /// Nested inside a function-like scope (`CO_NESTED`).
    pub nested: bool,
    /// A class body that must create the implicit `__class__` cell.
    pub needs_class_closure: bool,
    /// Some `return` in this scope has a value.
    pub returns_value: bool,
    directives: HashMap<String, Loc>,
    comp_iter_target: bool,
    comp_iter_expr: u32,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, loc: Loc, parent: Option<ScopeId>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            loc,
            parent,
            children: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            params: Vec::new(),
            is_async_def: false,
            is_generator: false,
            is_coroutine: false,
            comprehension: None,
            has_varargs: false,
            has_varkw: false,
            nested: false,
            needs_class_closure: false,
            returns_value: false,
            directives: HashMap::new(),
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    /// The symbol for an already mangled name.
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    fn flags_of(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    /// The final scope of an already mangled name (`Unknown` if absent).
    pub fn scope_of(&self, name: &str) -> SymbolScope {
        self.lookup(name).map_or(SymbolScope::Unknown, |s| s.scope)
    }

    fn symbol_mut(&mut self, name: &str) -> &mut Symbol {
        if let Some(&i) = self.index.get(name) {
            return &mut self.symbols[i];
        }
        let i = self.symbols.len();
        self.symbols.push(Symbol { name: name.to_string(), flags: 0, scope: SymbolScope::Unknown });
        self.index.insert(name.to_string(), i);
        &mut self.symbols[i]
    }

    /// Names of the given final scope, sorted (the order of `co_cellvars`
    /// and `co_freevars`). With `free_class`, also names flagged
    /// `DEF_FREE_CLASS` (class bodies pass those down as free variables).
    pub fn sorted_names(&self, scope: SymbolScope, free_class: bool) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == scope || (free_class && s.flags & DEF_FREE_CLASS != 0))
            .map(|s| s.name.clone())
            .collect();
        v.sort();
        v.dedup();
        v
    }
}

/// The scopes of one module, in creation order (the module is scope 0).
#[derive(Clone, Debug)]
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
}

impl SymbolTable {
    /// Build and analyze the table for `module`.
    /// `future_annotations`: `from __future__ import annotations` is in
    /// effect (annotations are then never evaluated, so not visited).
    pub fn build(module: &Mod, future_annotations: bool) -> Result<SymbolTable, SyntaxError> {
        let top = Scope::new(ScopeKind::Module, "top", Loc::default(), None);
        let mut b = Builder {
            scopes: vec![top],
            stack: vec![0],
            by_node: HashMap::new(),
            private: None,
            future_annotations,
            depth: 0,
        };
        match module {
            Mod::Module { body } | Mod::Interactive { body } => {
                for s in body {
                    b.visit_stmt(s)?;
                }
            }
            Mod::Expression { body } => b.visit_expr(body)?,
        }
        let mut st = SymbolTable { scopes: b.scopes, by_node: b.by_node };
        let mut free = BTreeSet::new();
        st.analyze_block(0, None, &mut free, &HashSet::new())?;
        Ok(st)
    }

    pub fn top(&self) -> &Scope {
        &self.scopes[0]
    }

    /// The scope opened by a `def`/`async def`/`class` statement.
    pub fn scope_of_stmt(&self, s: &Stmt) -> Option<ScopeId> {
        self.by_node.get(&(s as *const Stmt as usize)).copied()
    }

    /// The scope opened by a lambda or comprehension expression.
    pub fn scope_of_expr(&self, e: &Expr) -> Option<ScopeId> {
        self.by_node.get(&(e as *const Expr as usize)).copied()
    }

    // ----- pass 2: analysis -------------------------------------------

    fn analyze_block(
        &mut self,
        id: ScopeId,
        bound: Option<&HashSet<String>>,
        free: &mut BTreeSet<String>,
        global: &HashSet<String>,
    ) -> Result<(), SyntaxError> {
        let kind = self.scopes[id].kind;
        let mut bound: Option<HashSet<String>> = bound.cloned();
        let mut global = global.clone();
        let mut local: HashSet<String> = HashSet::new();
        let mut scopes: HashMap<String, SymbolScope> = HashMap::new();
        let mut newbound: HashSet<String> = HashSet::new();
        let mut newglobal: HashSet<String> = HashSet::new();
        let mut newfree: BTreeSet<String> = BTreeSet::new();

        // A class namespace is invisible to nested scopes: what they see is
        // decided before the class's own names are analyzed.
        if kind == ScopeKind::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }

        for i in 0..self.scopes[id].symbols.len() {
            let (name, fl) = {
                let s = &self.scopes[id].symbols[i];
                (s.name.clone(), s.flags)
            };
            let sc = self.analyze_name(id, &name, fl, &mut bound, &mut local, free, &mut global)?;
            scopes.insert(name, sc);
        }

        if kind != ScopeKind::Class {
            if kind.is_function_like() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }

        let children = self.scopes[id].children.clone();
        let mut allfree = BTreeSet::new();
        for child in children {
            let mut child_free = newfree.clone();
            self.analyze_block(child, Some(&newbound), &mut child_free, &newglobal)?;
            allfree.extend(child_free);
        }
        newfree.extend(allfree);

        if kind.is_function_like() {
            // Locals captured by children become cells.
            for (name, sc) in scopes.iter_mut() {
                if *sc == SymbolScope::Local && newfree.remove(name) {
                    *sc = SymbolScope::Cell;
                }
            }
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.scopes[id].needs_class_closure = true;
        }

        // Record the results.
        let scope = &mut self.scopes[id];
        for s in scope.symbols.iter_mut() {
            if let Some(sc) = scopes.get(&s.name) {
                s.scope = *sc;
            }
        }
        for name in &newfree {
            if let Some(&i) = scope.index.get(name) {
                let s = &mut scope.symbols[i];
                if kind == ScopeKind::Class && s.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    s.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = &bound {
                if !b.contains(name) {
                    continue;
                }
            }
            let s = scope.symbol_mut(name);
            s.scope = SymbolScope::Free;
        }
        free.extend(newfree);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &self,
        id: ScopeId,
        name: &str,
        fl: u32,
        bound: &mut Option<HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut BTreeSet<String>,
        global: &mut HashSet<String>,
    ) -> Result<SymbolScope, SyntaxError> {
        let scope = &self.scopes[id];
        let at = |msg: String| {
            let loc = scope.directives.get(name).copied().unwrap_or(scope.loc);
            error(msg, loc)
        };
        if fl & DEF_GLOBAL != 0 {
            if fl & DEF_NONLOCAL != 0 {
                return Err(at(format!("name '{}' is nonlocal and global", name)));
            }
            global.insert(name.to_string());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(SymbolScope::GlobalExplicit);
        }
        if fl & DEF_NONLOCAL != 0 {
            match bound {
                None => {
                    return Err(at("nonlocal declaration not allowed at module level".to_string()))
                }
                Some(b) if !b.contains(name) => {
                    return Err(at(format!("no binding for nonlocal '{}' found", name)))
                }
                _ => {}
            }
            free.insert(name.to_string());
            return Ok(SymbolScope::Free);
        }
        if fl & DEF_BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return Ok(SymbolScope::Local);
        }
        if let Some(b) = bound {
            if b.contains(name) {
                free.insert(name.to_string());
                return Ok(SymbolScope::Free);
            }
        }
        Ok(SymbolScope::GlobalImplicit)
    }
}

/// Apply private name mangling: `__spam` inside `class _Ham` is `_Ham__spam`.
pub fn mangle(private: Option<&str>, name: &str) -> String {
    if let Some(p) = private {
        if name.starts_with("__") && !name.ends_with("__") && !name.contains('.') {
            let stripped = p.trim_start_matches('_');
            if !stripped.is_empty() {
                return format!("_{}{}", stripped, name);
            }
        }
    }
    name.to_string()
}

pub(crate) fn error(msg: String, loc: Loc) -> SyntaxError {
    SyntaxError {
        kind: "SyntaxError",
        msg,
        line: loc.line,
        col: loc.col + 1,
        end_line: loc.end_line,
        end_col: loc.end_col + 1,
    }
}

/// The error for input nested too deeply to compile.
pub(crate) fn nesting_error(loc: Loc) -> SyntaxError {
    let mut e = error("too many nested blocks or expressions".to_string(), loc);
    e.kind = "RecursionError";
    e.msg = "maximum recursion depth exceeded during compilation".to_string();
    e
}

// ----- pass 1: collection ---------------------------------------------

struct Builder {
    scopes: Vec<Scope>,
    stack: Vec<ScopeId>,
    by_node: HashMap<usize, ScopeId>,
    /// Name of the innermost enclosing class (for mangling).
    private: Option<String>,
    future_annotations: bool,
    depth: u32,
}

type R = Result<(), SyntaxError>;

impl Builder {
    fn cur(&self) -> ScopeId {
        *self.stack.last().unwrap()
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.scopes[id]
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, node: usize, loc: Loc) {
        let parent = self.cur();
        let id = self.scopes.len();
        let mut s = Scope::new(kind, name, loc, Some(parent));
        let p = &self.scopes[parent];
        s.nested = p.nested || p.kind.is_function_like();
        self.scopes.push(s);
        self.scopes[parent].children.push(id);
        self.by_node.insert(node, id);
        self.stack.push(id);
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn mangle(&self, name: &str) -> String {
        mangle(self.private.as_deref(), name)
    }

    /// Record `flag` for `name` in the current scope.
    fn add_def(&mut self, name: &str, flag: u32, loc: Loc) -> R {
        let id = self.cur();
        self.add_def_in(id, name, flag, loc)
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u32, loc: Loc) -> R {
        let mangled = self.mangle(name);
        let scope = &mut self.scopes[id];
        let old = scope.flags_of(&mangled);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            return Err(error(format!("duplicate argument '{}' in function definition", name), loc));
        }
        let mut val = old | flag;
        if scope.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(error(
                    format!(
                        "comprehension inner loop cannot rebind assignment expression target '{}'",
                        name
                    ),
                    loc,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        scope.symbol_mut(&mangled).flags = val;
        if flag & DEF_PARAM != 0 {
            scope.params.push(mangled.clone());
        } else if flag & DEF_GLOBAL != 0 && id != 0 {
            // The module records every name declared global anywhere.
            let top = &mut self.scopes[0];
            top.symbol_mut(&mangled).flags |= flag;
        }
        Ok(())
    }

    fn enter_nesting(&mut self, loc: Loc) -> R {
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return Err(nesting_error(loc));
        }
        Ok(())
    }

    fn visit_body(&mut self, body: &[Stmt]) -> R {
        for s in body {
            self.visit_stmt(s)?;
        }
        Ok(())
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        self.enter_nesting(s.loc)?;
        let r = self.visit_stmt_inner(s);
        self.depth -= 1;
        r
    }

    fn visit_stmt_inner(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                self.add_def(&f.name, DEF_LOCAL, s.loc)?;
                self.visit_defaults(&f.args)?;
                self.visit_annotations(&f.args, f.returns.as_ref())?;
                for d in &f.decorator_list {
                    self.visit_expr(d)?;
                }
                self.enter(ScopeKind::Function, &f.name, s as *const Stmt as usize, s.loc);
                if matches!(s.kind, StmtKind::AsyncFunctionDef(_)) {
                    let sc = self.cur_scope();
                    sc.is_async_def = true;
                    sc.is_coroutine = true;
                }
                self.visit_params(&f.args)?;
                self.visit_body(&f.body)?;
                self.exit();
            }
            StmtKind::ClassDef(c) => {
                self.add_def(&c.name, DEF_LOCAL, s.loc)?;
                for b in &c.bases {
                    self.visit_expr(b)?;
                }
                for k in &c.keywords {
                    self.visit_expr(&k.value)?;
                }
                for d in &c.decorator_list {
                    self.visit_expr(d)?;
                }
                self.enter(ScopeKind::Class, &c.name, s as *const Stmt as usize, s.loc);
                let saved = self.private.replace(c.name.clone());
                let r = self.visit_body(&c.body);
                self.private = saved;
                r?;
                self.exit();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                    self.cur_scope().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.visit_expr(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.visit_expr(t)?;
                }
                self.visit_expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.scopes[self.cur()].flags_of(&self.mangle(id));
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur() != 0 && *simple {
                        let what = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(error(
                            format!("annotated name '{}' can't be {}", id, what),
                            s.loc,
                        ));
                    }
                    if *simple {
                        self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.loc)?;
                    } else if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.loc)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                self.visit_annotation(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
            }
            StmtKind::For { target, iter, body, orelse }
            | StmtKind::AsyncFor { target, iter, body, orelse } => {
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_body(body)?;
                self.visit_body(orelse)?;
            }
            StmtKind::With { items, body } | StmtKind::AsyncWith { items, body } => {
                for it in items {
                    self.visit_expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_body(body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for c in cases {
                    self.visit_pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_body(&c.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                    }
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody }
            | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                self.visit_body(body)?;
                self.visit_body(orelse)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.visit_expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, DEF_LOCAL, h.loc)?;
                    }
                    self.visit_body(&h.body)?;
                }
                self.visit_body(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.scopes[self.cur()].kind != ScopeKind::Module {
                            return Err(error(
                                "import * only allowed at module level".to_string(),
                                a.loc,
                            ));
                        }
                        continue;
                    }
                    let store = match &a.asname {
                        Some(n) => n.as_str(),
                        None => a.name.split('.').next().unwrap_or(""),
                    };
                    self.add_def(store, DEF_IMPORT, a.loc)?;
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    let cur = self.scopes[self.cur()].flags_of(&self.mangle(n));
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and global", n)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to global declaration", n)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be global", n)
                        } else {
                            format!("name '{}' is assigned to before global declaration", n)
                        };
                        return Err(error(msg, s.loc));
                    }
                    self.add_def(n, DEF_GLOBAL, s.loc)?;
                    self.record_directive(n, s.loc);
                }
            }
            StmtKind::Nonlocal { names } => {
                for n in names {
                    let cur = self.scopes[self.cur()].flags_of(&self.mangle(n));
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{}' is parameter and nonlocal", n)
                        } else if cur & USE != 0 {
                            format!("name '{}' is used prior to nonlocal declaration", n)
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{}' can't be nonlocal", n)
                        } else {
                            format!("name '{}' is assigned to before nonlocal declaration", n)
                        };
                        return Err(error(msg, s.loc));
                    }
                    self.add_def(n, DEF_NONLOCAL, s.loc)?;
                    self.record_directive(n, s.loc);
                }
            }
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn record_directive(&mut self, name: &str, loc: Loc) {
        let m = self.mangle(name);
        self.cur_scope().directives.entry(m).or_insert(loc);
    }

    fn visit_defaults(&mut self, a: &Arguments) -> R {
        for d in &a.defaults {
            self.visit_expr(d)?;
        }
        for d in a.kw_defaults.iter().flatten() {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    fn visit_annotation(&mut self, e: &Expr) -> R {
        if self.future_annotations {
            // Stored as strings: never evaluated, so binds and uses nothing.
            return Ok(());
        }
        self.visit_expr(e)
    }

    fn visit_annotations(&mut self, a: &Arguments, returns: Option<&Expr>) -> R {
        let all = a.posonlyargs.iter().chain(&a.args).chain(&a.vararg).chain(&a.kwonlyargs).chain(&a.kwarg);
        for arg in all {
            if let Some(ann) = &arg.annotation {
                self.visit_annotation(ann)?;
            }
        }
        if let Some(r) = returns {
            self.visit_annotation(r)?;
        }
        Ok(())
    }

    fn visit_params(&mut self, a: &Arguments) -> R {
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            self.add_def(&arg.arg, DEF_PARAM, arg.loc)?;
        }
        if let Some(v) = &a.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.loc)?;
            self.cur_scope().has_varargs = true;
        }
        if let Some(k) = &a.kwarg {
            self.add_def(&k.arg, DEF_PARAM, k.loc)?;
            self.cur_scope().has_varkw = true;
        }
        Ok(())
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        self.enter_nesting(e.loc)?;
        let r = self.visit_expr_inner(e);
        self.depth -= 1;
        r
    }

    fn visit_exprs(&mut self, es: &[Expr]) -> R {
        for e in es {
            self.visit_expr(e)?;
        }
        Ok(())
    }

    fn visit_expr_inner(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                if self.scopes[self.cur()].comp_iter_expr > 0 {
                    return Err(error(
                        "assignment expression cannot be used in a comprehension iterable expression"
                            .to_string(),
                        e.loc,
                    ));
                }
                if self.scopes[self.cur()].comprehension.is_some() {
                    self.extend_namedexpr_scope(target)?;
                }
                self.visit_expr(value)?;
                self.visit_expr(target)?;
            }
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_defaults(args)?;
                self.enter(ScopeKind::Lambda, "lambda", e as *const Expr as usize, e.loc);
                self.visit_params(args)?;
                self.visit_expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.visit_expr(k)?;
                }
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set, generators, elt, None)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, CompKind::Dict, generators, key, Some(value))?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Gen, generators, elt, None)?
            }
            ExprKind::Await { value } => {
                self.visit_expr(value)?;
                self.cur_scope().is_coroutine = true;
            }
            ExprKind::Yield { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.note_yield(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.visit_expr(value)?;
                self.note_yield(e)?;
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.visit_expr(value)?;
                if let Some(s) = format_spec {
                    self.visit_expr(s)?;
                }
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Name { id, ctx } => {
                let flag = if *ctx == ExprContext::Load { USE } else { DEF_LOCAL };
                self.add_def(id, flag, e.loc)?;
                // A zero-argument `super()` needs the `__class__` cell.
                if *ctx == ExprContext::Load
                    && id == "super"
                    && self.scopes[self.cur()].kind.is_function_like()
                {
                    self.add_def("__class__", USE, e.loc)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(x)?;
                }
            }
        }
        Ok(())
    }

    fn note_yield(&mut self, e: &Expr) -> R {
        let scope = self.cur_scope();
        if let Some(k) = scope.comprehension {
            let what = match k {
                CompKind::List => "list comprehension",
                CompKind::Set => "set comprehension",
                CompKind::Dict => "dict comprehension",
                CompKind::Gen => "generator expression",
            };
            return Err(error(format!("'yield' inside {}", what), e.loc));
        }
        scope.is_generator = true;
        Ok(())
    }

    /// `(x := v)` inside a comprehension binds `x` in the nearest enclosing
    /// function (or module) scope, not in the comprehension.
    fn extend_namedexpr_scope(&mut self, target: &Expr) -> R {
        let name = match &target.kind {
            ExprKind::Name { id, .. } => id.clone(),
            _ => return Ok(()),
        };
        let mangled = self.mangle(&name);
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let sc = &self.scopes[id];
            if sc.comprehension.is_some() {
                if sc.flags_of(&mangled) & DEF_COMP_ITER != 0 {
                    return Err(error(
                        format!(
                            "assignment expression cannot rebind comprehension iteration variable '{}'",
                            name
                        ),
                        target.loc,
                    ));
                }
                continue;
            }
            match sc.kind {
                ScopeKind::Function | ScopeKind::Lambda => {
                    let fl = if sc.flags_of(&mangled) & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(&name, fl, target.loc)?;
                    self.record_directive(&name, target.loc);
                    return self.add_def_in(id, &name, DEF_LOCAL, target.loc);
                }
                ScopeKind::Module => {
                    self.add_def(&name, DEF_GLOBAL, target.loc)?;
                    self.record_directive(&name, target.loc);
                    return self.add_def_in(id, &name, DEF_GLOBAL, target.loc);
                }
                ScopeKind::Class => {
                    return Err(error(
                        "assignment expression within a comprehension cannot be used in a class body"
                            .to_string(),
                        target.loc,
                    ));
                }
                ScopeKind::Comprehension => continue,
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let Some(outermost) = generators.first() else {
            return Err(error("comprehension with no 'for' clause".to_string(), e.loc));
        };
        // The outermost iterable is evaluated in the enclosing scope.
        self.cur_scope().comp_iter_expr += 1;
        let r = self.visit_expr(&outermost.iter);
        self.cur_scope().comp_iter_expr -= 1;
        r?;
        self.enter(ScopeKind::Comprehension, kind.code_name(), e as *const Expr as usize, e.loc);
        {
            let sc = self.cur_scope();
            sc.comprehension = Some(kind);
            if outermost.is_async {
                sc.is_coroutine = true;
            }
        }
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.cur_scope().comp_iter_target = true;
        let r = self.visit_expr(&outermost.target);
        self.cur_scope().comp_iter_target = false;
        r?;
        self.visit_exprs(&outermost.ifs)?;
        for g in &generators[1..] {
            self.cur_scope().comp_iter_target = true;
            let r = self.visit_expr(&g.target);
            self.cur_scope().comp_iter_target = false;
            r?;
            self.cur_scope().comp_iter_expr += 1;
            let r = self.visit_expr(&g.iter);
            self.cur_scope().comp_iter_expr -= 1;
            r?;
            self.visit_exprs(&g.ifs)?;
            if g.is_async {
                self.cur_scope().is_coroutine = true;
            }
        }
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_gen = kind == CompKind::Gen;
        let is_async = {
            let sc = self.cur_scope();
            sc.is_generator = is_gen;
            sc.is_coroutine && !is_gen
        };
        self.exit();
        if is_async {
            self.cur_scope().is_coroutine = true;
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R {
        self.enter_nesting(p.loc)?;
        let r = self.visit_pattern_inner(p);
        self.depth -= 1;
        r
    }

    fn visit_pattern_inner(&mut self, p: &Pattern) -> R {
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } => {
                for q in patterns {
                    self.visit_pattern(q)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.visit_exprs(keys)?;
                for q in patterns {
                    self.visit_pattern(q)?;
                }
                if let Some(r) = rest {
                    self.add_def(r, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.visit_expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns) {
                    self.visit_pattern(q)?;
                }
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.visit_pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchOr { patterns } => {
                for q in patterns {
                    self.visit_pattern(q)?;
                }
            }
        }
        Ok(())
    }
}
