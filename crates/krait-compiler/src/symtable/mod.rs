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

mod collect;

use collect::Builder;
use krait_parser::ast::{Expr, Loc, Mod, Stmt};
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

