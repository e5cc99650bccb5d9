//! Pass 1 of scope analysis: walk the AST, open a scope per module, class,
//! function, lambda and comprehension, and record how each name is used
//! there (see `flags`). Scope-local errors (`global` after use, duplicate
//! parameters, `import *` in a function, walrus misuse in comprehensions,
//! `yield` in a comprehension, `yield`/`await`/`:=` in string annotations)
//! are raised here. Invariant: `Builder::stack` is the chain of open scopes,
//! the module at the bottom; `private` is the innermost enclosing class name.

use super::flags::*;
use super::{error, mangle, nesting_error, CompKind, Scope, ScopeId, ScopeKind, MAX_NESTING};
use krait_parser::ast::{
    Arguments, Comprehension, Expr, ExprContext, ExprKind, Loc, Pattern, PatternKind, Stmt, StmtKind,
};
use krait_parser::SyntaxError;
use std::collections::HashMap;

pub(super) struct Builder {
    pub(super) scopes: Vec<Scope>,
    pub(super) stack: Vec<ScopeId>,
    pub(super) by_node: HashMap<usize, ScopeId>,
    /// Name of the innermost enclosing class (for mangling).
    pub(super) private: Option<String>,
    pub(super) future_annotations: bool,
    pub(super) depth: u32,
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

    pub(super) fn visit_stmt(&mut self, s: &Stmt) -> R {
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
            // Stored as strings: never evaluated, so binds and uses nothing,
            // but some expressions are still refused.
            return check_string_annotation(e);
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

    pub(super) fn visit_expr(&mut self, e: &Expr) -> R {
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

/// Under `from __future__ import annotations`, an annotation may not
/// contain `yield`, `await` or `:=` (outside nested scopes' own rules).
fn check_string_annotation(e: &Expr) -> R {
    let mut stack = vec![e];
    while let Some(e) = stack.pop() {
        let what = match &e.kind {
            ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => Some("'yield expression'"),
            ExprKind::Await { .. } => Some("'await expression'"),
            ExprKind::NamedExpr { .. } => Some("'named expression'"),
            _ => None,
        };
        if let Some(w) = what {
            return Err(error(format!("{} can not be used within an annotation", w), e.loc));
        }
        match &e.kind {
            // Comprehensions report their own errors for these.
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. }
            | ExprKind::Lambda { .. } => {}
            ExprKind::BoolOp { values: v, .. } | ExprKind::JoinedStr { values: v } => stack.extend(v),
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => stack.extend(elts),
            ExprKind::BinOp { left, right, .. } => {
                stack.push(left);
                stack.push(right);
            }
            ExprKind::UnaryOp { operand, .. } => stack.push(operand),
            ExprKind::IfExp { test, body, orelse } => stack.extend([&**test, &**body, &**orelse]),
            ExprKind::Dict { keys, values } => {
                stack.extend(keys.iter().flatten());
                stack.extend(values);
            }
            ExprKind::Compare { left, comparators, .. } => {
                stack.push(left);
                stack.extend(comparators);
            }
            ExprKind::Call { func, args, keywords } => {
                stack.push(func);
                stack.extend(args);
                stack.extend(keywords.iter().map(|k| &k.value));
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                stack.push(value);
                if let Some(f) = format_spec {
                    stack.push(f);
                }
            }
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => stack.push(value),
            ExprKind::Subscript { value, slice, .. } => {
                stack.push(value);
                stack.push(slice);
            }
            ExprKind::Slice { lower, upper, step } => {
                stack.extend([lower, upper, step].into_iter().flatten().map(|b| &**b));
            }
            _ => {}
        }
    }
    Ok(())
}
