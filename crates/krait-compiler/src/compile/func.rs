//! Code objects inside code objects: functions, lambdas, classes and
//! comprehensions, and the closures that link them.
//!
//! Owns the calling conventions the VM relies on:
//! - **Functions**: `MakeFunction` flags 1 defaults tuple, 2 kw-defaults
//!   dict (mangled names), 4 annotations dict (`{name: value, 'return': ..}`,
//!   values are strings under `from __future__ import annotations`),
//!   8 closure tuple of cells (in the child's `freevars` order). Decorators
//!   are evaluated first and applied with `Call 0` on `[decorator, func]`
//!   (a non-NULL first slot is called with the second item as argument).
//! - **Classes**: see [`Compiler::compile_class`].
//! - **Comprehensions**: see [`Compiler::compile_comprehension`].

use super::{CResult, Compiler};
use crate::code::{flags, CodeObject, Constant};
use crate::opcodes::Op;
use crate::symtable::{mangle, CompKind, ScopeId, ScopeKind};
use krait_parser::ast::{
    Arguments, ClassDef, Comprehension, Expr, ExprContext, ExprKind, FunctionDef, Stmt,
};
use std::rc::Rc;

impl<'a> Compiler<'a> {
    fn scope_for_stmt(&self, s: &Stmt) -> CResult<ScopeId> {
        self.st.scope_of_stmt(s).ok_or_else(|| self.internal("no scope for definition"))
    }

    fn scope_for_expr(&self, e: &Expr) -> CResult<ScopeId> {
        self.st.scope_of_expr(e).ok_or_else(|| self.internal("no scope for expression"))
    }

    /// `co_flags` and argument counts of the current unit from its scope.
    fn set_code_shape(&mut self, args: Option<&Arguments>) {
        let sc = &self.st.scopes[self.ur().scope];
        let mut f = 0;
        if sc.kind.is_function_like() {
            f |= flags::OPTIMIZED | flags::NEWLOCALS;
            if sc.nested {
                f |= flags::NESTED;
            }
            match (sc.is_generator, sc.is_coroutine) {
                (true, false) => f |= flags::GENERATOR,
                (false, true) => f |= flags::COROUTINE,
                (true, true) => f |= flags::ASYNC_GENERATOR,
                _ => {}
            }
            if sc.has_varargs {
                f |= flags::VARARGS;
            }
            if sc.has_varkw {
                f |= flags::VARKEYWORDS;
            }
        }
        let u = self.u();
        u.flags = f;
        if let Some(a) = args {
            u.posonlyargcount = a.posonlyargs.len() as u32;
            u.argcount = (a.posonlyargs.len() + a.args.len()) as u32;
            u.kwonlyargcount = a.kwonlyargs.len() as u32;
        }
    }

    /// Push defaults (tuple) and keyword-only defaults (dict); returns the
    /// `MakeFunction` flag bits for them.
    fn compile_defaults(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut fl = 0;
        if !args.defaults.is_empty() {
            self.compile_exprs(&args.defaults)?;
            self.emit(Op::BuildTuple, args.defaults.len() as u32);
            fl |= 1;
        }
        let mut n = 0;
        for (arg, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                let m = mangle(self.ur().private.as_deref(), &arg.arg);
                self.load_const(Constant::Str(Rc::from(m.as_str())));
                self.compile_expr(d)?;
                n += 1;
            }
        }
        if n > 0 {
            self.emit(Op::BuildMap, n);
            fl |= 2;
        }
        Ok(fl)
    }

    fn compile_arg_annotation(&mut self, name: &str, ann: &'a Expr, count: &mut u32) -> CResult {
        let m = mangle(self.ur().private.as_deref(), name);
        self.load_const(Constant::Str(Rc::from(m.as_str())));
        match &ann.kind {
            ExprKind::Starred { value, .. } if !self.future_annotations => {
                // `*args: *Ts`
                self.compile_expr(value)?;
                self.emit(Op::UnpackSequence, 1);
            }
            _ => self.compile_annotation(ann)?,
        }
        *count += 1;
        Ok(())
    }

    /// Push the annotations dict if there are annotations; returns the flag bit.
    fn compile_annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> CResult<u32> {
        let mut count = 0;
        for a in args.args.iter().chain(&args.posonlyargs) {
            if let Some(ann) = &a.annotation {
                self.compile_arg_annotation(&a.arg, ann, &mut count)?;
            }
        }
        if let Some(a) = &args.vararg {
            if let Some(ann) = &a.annotation {
                self.compile_arg_annotation(&a.arg, ann, &mut count)?;
            }
        }
        for a in &args.kwonlyargs {
            if let Some(ann) = &a.annotation {
                self.compile_arg_annotation(&a.arg, ann, &mut count)?;
            }
        }
        if let Some(a) = &args.kwarg {
            if let Some(ann) = &a.annotation {
                self.compile_arg_annotation(&a.arg, ann, &mut count)?;
            }
        }
        if let Some(r) = returns {
            self.compile_arg_annotation("return", r, &mut count)?;
        }
        if count > 0 {
            self.emit(Op::BuildMap, count);
            return Ok(4);
        }
        Ok(0)
    }

    /// Push a function made from `code`, with a closure tuple if it has
    /// free variables (`fl` holds the flags of what is already pushed).
    pub fn make_closure(&mut self, code: Rc<CodeObject>, mut fl: u32) -> CResult {
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                let i = self.cell_index(name)?;
                self.emit(Op::LoadClosure, i);
            }
            self.emit(Op::BuildTuple, code.freevars.len() as u32);
            fl |= 8;
        }
        self.load_const(Constant::Code(code));
        self.emit(Op::MakeFunction, fl);
        Ok(())
    }

    fn apply_decorators(&mut self, decorators: &'a [Expr]) {
        for d in decorators.iter().rev() {
            let saved = self.ur().loc;
            self.set_loc(d.loc);
            self.emit(Op::Call, 0);
            self.u().loc = saved;
        }
    }

    pub fn compile_function(&mut self, s: &'a Stmt, f: &'a FunctionDef, is_async: bool) -> CResult {
        let _ = is_async; // the scope records it
        let scope = self.scope_for_stmt(s)?;
        self.check_args(&f.args)?;
        self.compile_exprs(&f.decorator_list)?;
        let firstlineno = f.decorator_list.first().map_or(s.loc.line, |d| d.loc.line);
        let mut fl = self.compile_defaults(&f.args)?;
        fl |= self.compile_annotations(&f.args, f.returns.as_ref())?;

        self.enter_unit(scope, &f.name, firstlineno, ScopeKind::Function)?;
        self.set_code_shape(Some(&f.args));
        let mut body: &'a [Stmt] = &f.body;
        match super::docstring(body) {
            Some(doc) => {
                self.add_const(doc);
                body = &body[1..];
            }
            None => {
                self.add_const(Constant::None);
            }
        }
        self.compile_stmts(body)?;
        if let Some(last) = f.body.last() {
            self.set_loc(last.loc);
        }
        self.emit_return_none();
        let code = self.exit_unit()?;

        self.make_closure(code, fl)?;
        self.apply_decorators(&f.decorator_list);
        self.name_op(&f.name, ExprContext::Store)
    }

    fn check_args(&self, args: &Arguments) -> CResult {
        let all = args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.vararg)
            .chain(&args.kwonlyargs)
            .chain(&args.kwarg);
        for a in all {
            if a.arg == "__debug__" {
                return Err(super::error_at("cannot assign to __debug__", a.loc));
            }
        }
        if args.kw_defaults.len() != args.kwonlyargs.len() {
            return Err(self.internal("kw_defaults and kwonlyargs differ in length"));
        }
        Ok(())
    }

    pub fn compile_lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult {
        let scope = self.scope_for_expr(e)?;
        self.check_args(args)?;
        let fl = self.compile_defaults(args)?;
        self.enter_unit(scope, "<lambda>", e.loc.line, ScopeKind::Lambda)?;
        self.set_code_shape(Some(args));
        // A lambda has no docstring: consts[0] is None.
        self.add_const(Constant::None);
        self.set_loc(body.loc);
        self.compile_expr(body)?;
        self.emit(Op::ReturnValue, 0);
        let code = self.exit_unit()?;
        self.make_closure(code, fl)
    }

    /// `class C(bases, **kw): body`.
    ///
    /// Class-body convention (what the VM's `__build_class__` must do):
    /// the body is compiled to a code object with no parameters and
    /// `co_flags` 0 (no fast locals: every class-level name uses
    /// `LoadName`/`StoreName`, free variables `LoadClassDeref`). It is
    /// wrapped by `MakeFunction` (with a closure if it has free variables)
    /// and called as `__build_class__(func, 'C', *bases, **kw)` from
    /// `[NULL, build_class, func, 'C', bases..]` with `Call`/`CallKw`/
    /// `CallFunctionEx`. `__build_class__` must run the function's code with
    /// a fresh namespace mapping (from `metaclass.__prepare__`) as its
    /// locals mapping and the function's globals. The body begins with
    /// `__module__ = __name__` and `__qualname__ = '<qualname>'` (then
    /// `__doc__` if there is a docstring) and ends by returning either
    /// `None` or, when a method uses `super()`/`__class__`, the `__class__`
    /// cell (`cellvars[0]`) after also storing it as `__classcell__` in the
    /// namespace. `__build_class__` then calls `metaclass(name, bases, ns)`
    /// and, if a cell was returned, sets its content to the new class (as
    /// `type.__new__` does from `__classcell__`). Decorators are applied
    /// after with `Call 0`, innermost first.
    pub fn compile_class(&mut self, s: &'a Stmt, c: &'a ClassDef) -> CResult {
        let scope = self.scope_for_stmt(s)?;
        self.compile_exprs(&c.decorator_list)?;
        let firstlineno = c.decorator_list.first().map_or(s.loc.line, |d| d.loc.line);

        self.enter_unit(scope, &c.name, firstlineno, ScopeKind::Class)?;
        self.u().private = Some(c.name.clone());
        self.set_code_shape(None);
        self.set_loc(s.loc);
        self.name_op("__name__", ExprContext::Load)?;
        self.name_op("__module__", ExprContext::Store)?;
        let qualname = self.ur().qualname.clone();
        self.load_const(Constant::Str(Rc::from(qualname.as_str())));
        self.name_op("__qualname__", ExprContext::Store)?;
        self.compile_body(&c.body, false)?;
        self.set_loc(s.loc);
        if self.st.scopes[scope].needs_class_closure {
            let i = self.cell_index("__class__")?;
            self.emit(Op::LoadClosure, i);
            self.emit(Op::Copy, 1);
            self.name_op("__classcell__", ExprContext::Store)?;
            self.emit(Op::ReturnValue, 0);
        } else {
            self.emit_return_none();
        }
        let code = self.exit_unit()?;

        self.emit(Op::PushNull, 0);
        self.emit(Op::LoadBuildClass, 0);
        self.make_closure(code, 0)?;
        self.load_const(Constant::Str(Rc::from(c.name.as_str())));
        self.call_helper(2, &c.bases, &c.keywords)?;
        self.apply_decorators(&c.decorator_list);
        self.name_op(&c.name, ExprContext::Store)
    }

    /// List/set/dict comprehensions and generator expressions.
    ///
    /// Calling convention: the body is a separate code object (`<listcomp>`,
    /// `<setcomp>`, `<dictcomp>`, `<genexpr>`) with exactly one positional
    /// parameter named `.0`, which receives the *iterator* over the
    /// outermost iterable (`GetIter`, or `GetAIter` for `async for`, is
    /// applied in the enclosing scope, where that iterable is evaluated).
    /// The enclosing code pushes `[func, iterator]` and calls `Call 0`
    /// (the function is in the method slot, the iterator is its argument).
    /// List/set/dict comprehensions return the built container; a
    /// comprehension using `await`/`async for` is a coroutine and the
    /// caller awaits the call's result. A generator expression's code is a
    /// generator (or async generator) function.
    pub fn compile_comprehension(&mut self, e: &'a Expr) -> CResult {
        let (kind, generators, elt, value): (CompKind, &'a [Comprehension], &'a Expr, Option<&'a Expr>) =
            match &e.kind {
                ExprKind::ListComp { elt, generators } => (CompKind::List, generators, elt, None),
                ExprKind::SetComp { elt, generators } => (CompKind::Set, generators, elt, None),
                ExprKind::DictComp { key, value, generators } => {
                    (CompKind::Dict, generators, key, Some(value))
                }
                ExprKind::GeneratorExp { elt, generators } => (CompKind::Gen, generators, elt, None),
                _ => return Err(self.internal("not a comprehension")),
            };
        let scope = self.scope_for_expr(e)?;
        let Some(outermost) = generators.first() else {
            return Err(self.error("comprehension without 'for'"));
        };
        let is_async = self.st.scopes[scope].is_coroutine;
        let outer_ok = self.ur().is_async || self.ur().kind == ScopeKind::Comprehension;
        if is_async && kind != CompKind::Gen && !outer_ok {
            return Err(self.error("asynchronous comprehension outside of an asynchronous function"));
        }

        self.enter_unit(scope, kind.code_name(), e.loc.line, ScopeKind::Comprehension)?;
        self.set_code_shape(None);
        self.u().argcount = 1;
        self.set_loc(e.loc);
        match kind {
            CompKind::List => self.emit(Op::BuildList, 0),
            CompKind::Set => self.emit(Op::BuildSet, 0),
            CompKind::Dict => self.emit(Op::BuildMap, 0),
            CompKind::Gen => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, value, kind)?;
        self.set_loc(e.loc);
        if kind == CompKind::Gen {
            self.emit_return_none();
        } else {
            self.emit(Op::ReturnValue, 0);
        }
        let code = self.exit_unit()?;

        self.make_closure(code, 0)?;
        self.compile_expr(&outermost.iter)?;
        self.emit(if outermost.is_async { Op::GetAIter } else { Op::GetIter }, 0);
        self.emit(Op::Call, 0);
        if is_async && kind != CompKind::Gen {
            self.emit(Op::GetAwaitable, 0);
            self.load_const(Constant::None);
            self.yield_from_loop();
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        value: Option<&'a Expr>,
        kind: CompKind,
    ) -> CResult {
        let g = &gens[index];
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            let i = self.varname_index(".0");
            self.emit(Op::LoadFast, i);
        } else {
            self.compile_expr(&g.iter)?;
            self.emit(if g.is_async { Op::GetAIter } else { Op::GetIter }, 0);
        }
        let depth = depth + 1;
        self.bind(start);
        if g.is_async {
            self.setup_handler(anchor, false, 0);
            self.emit(Op::GetANext, 0);
            self.load_const(Constant::None);
            self.yield_from_loop();
            self.pop_handler();
        } else {
            self.emit_jump(Op::ForIter, anchor);
        }
        self.compile_store(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < gens.len() {
            self.comprehension_generator(gens, index + 1, depth, elt, value, kind)?;
        } else {
            match kind {
                CompKind::List => {
                    self.compile_expr(elt)?;
                    self.emit(Op::ListAppend, depth + 1);
                }
                CompKind::Set => {
                    self.compile_expr(elt)?;
                    self.emit(Op::SetAdd, depth + 1);
                }
                CompKind::Dict => {
                    self.compile_expr(elt)?;
                    if let Some(v) = value {
                        self.compile_expr(v)?;
                    }
                    self.emit(Op::MapAdd, depth + 1);
                }
                CompKind::Gen => {
                    self.compile_expr(elt)?;
                    self.emit(Op::YieldValue, 0);
                    self.emit(Op::PopTop, 0);
                }
            }
        }
        self.bind(if_cleanup);
        self.emit_jump(Op::Jump, start);
        self.bind(anchor);
        if g.is_async {
            self.emit(Op::EndAsyncFor, 0);
        }
        Ok(())
    }
}
