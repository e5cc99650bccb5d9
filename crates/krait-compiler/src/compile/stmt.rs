//! Statements: assignments, control flow, `try`, `with`, imports, and the
//! unwinding of `return`/`break`/`continue` through enclosing blocks.
//!
//! Owns: [`Compiler::compile_stmt`], assignment targets
//! ([`Compiler::compile_store`], [`Compiler::compile_delete`]) and the frame
//! block protocol. Code shapes follow CPython 3.11 (see each function):
//! - `try` body under a handler without lasti; `except` bodies under a
//!   "cleanup" handler (with lasti) whose code is `Copy 3; PopExcept;
//!   Reraise 1`; `except E as e` deletes `e` on every exit.
//! - `finally` bodies are compiled once for the normal path, once for the
//!   exceptional path and once more for each `return`/`break`/`continue`
//!   that leaves the `try`.
//!
//! Invariant: statements leave the stack as they found it, except where a
//! frame block documents what it keeps there (loop iterators, `with` exit
//! functions, handled exceptions).

use super::consts::fold;
use super::{CResult, Compiler, FBlock, FBlockKind, Label};
use crate::code::Constant;
use crate::opcodes::Op;
use crate::symtable::ScopeKind;
use krait_parser::ast::{
    Alias, ExceptHandler, Expr, ExprContext, ExprKind, Stmt, StmtKind, WithItem,
};
use std::rc::Rc;

/// Does this body contain an annotated assignment (outside nested
/// functions and classes)? Module and class bodies then get
/// `SetupAnnotations`.
pub(crate) fn find_ann(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => find_ann(body),
        StmtKind::Try { body, handlers, orelse, finalbody }
        | StmtKind::TryStar { body, handlers, orelse, finalbody } => {
            find_ann(body)
                || find_ann(orelse)
                || find_ann(finalbody)
                || handlers.iter().any(|h| find_ann(&h.body))
        }
        StmtKind::Match { cases, .. } => cases.iter().any(|c| find_ann(&c.body)),
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    pub fn compile_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.enter_nesting(s.loc)?;
        let saved = self.ur().loc;
        self.set_loc(s.loc);
        let r = self.stmt_inner(s);
        self.u().loc = saved;
        self.leave_nesting();
        r
    }

    pub fn compile_stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.compile_function(s, f, false),
            StmtKind::AsyncFunctionDef(f) => self.compile_function(s, f, true),
            StmtKind::ClassDef(c) => self.compile_class(s, c),
            StmtKind::Return { value } => self.compile_return(value.as_ref()),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.compile_delete(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                self.compile_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Op::Copy, 1);
                    }
                    self.compile_store(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.compile_augassign(target, *op, value),
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.compile_annassign(target, annotation, value.as_ref(), *simple)
            }
            StmtKind::For { target, iter, body, orelse } => self.compile_for(target, iter, body, orelse),
            StmtKind::AsyncFor { target, iter, body, orelse } => {
                self.compile_async_for(target, iter, body, orelse)
            }
            StmtKind::While { test, body, orelse } => self.compile_while(test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let next = if orelse.is_empty() { end } else { self.new_label() };
                self.jump_if(test, next, false)?;
                self.compile_stmts(body)?;
                if !orelse.is_empty() {
                    self.emit_jump(Op::Jump, end);
                    self.bind(next);
                    self.compile_stmts(orelse)?;
                }
                self.bind(end);
                Ok(())
            }
            StmtKind::With { items, body } => self.compile_with(s, items, body, 0, false),
            StmtKind::AsyncWith { items, body } => {
                if !self.ur().is_async {
                    return Err(self.error("'async with' outside async function"));
                }
                self.compile_with(s, items, body, 0, true)
            }
            StmtKind::Match { subject, cases } => self.compile_match(subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.compile_expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.compile_expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Op::RaiseVarargs, n);
                Ok(())
            }
            StmtKind::Try { body, handlers, orelse, finalbody } => {
                if finalbody.is_empty() {
                    self.compile_try_except(body, handlers, orelse)
                } else {
                    self.compile_try_finally(body, handlers, orelse, finalbody, false)
                }
            }
            StmtKind::TryStar { body, handlers, orelse, finalbody } => {
                if finalbody.is_empty() {
                    self.compile_try_star(body, handlers, orelse)
                } else {
                    self.compile_try_finally(body, handlers, orelse, finalbody, true)
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, end, true)?;
                // Tracebacks point at the whole assert statement, as CPython's do.
                self.set_loc(s.loc);
                self.emit(Op::LoadAssertionError, 0);
                if let Some(m) = msg {
                    self.compile_expr(m)?;
                    self.emit(Op::Call, 0);
                }
                self.emit(Op::RaiseVarargs, 1);
                self.bind(end);
                Ok(())
            }
            StmtKind::Import { names } => self.compile_import(names),
            StmtKind::ImportFrom { module, names, level } => {
                self.compile_import_from(s, module.as_deref(), names, *level)
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } | StmtKind::Pass => Ok(()),
            StmtKind::Expr { value } => {
                if self.interactive && self.units.len() == 1 {
                    self.compile_expr(value)?;
                    self.emit(Op::PrintExpr, 0);
                } else if matches!(value.kind, ExprKind::Constant { .. }) {
                    // A constant statement (a docstring-like string) does nothing.
                } else {
                    self.compile_expr(value)?;
                    self.emit(Op::PopTop, 0);
                }
                Ok(())
            }
            StmtKind::Break => self.compile_break(),
            StmtKind::Continue => self.compile_continue(),
        }
    }

    // ----- assignment targets -------------------------------------------

    /// Pop TOS into `target`.
    pub fn compile_store(&mut self, t: &'a Expr) -> CResult {
        self.enter_nesting(t.loc)?;
        let saved = self.ur().loc;
        self.set_loc(t.loc);
        let r = self.store_inner(t);
        self.u().loc = saved;
        self.leave_nesting();
        r
    }

    fn store_inner(&mut self, t: &'a Expr) -> CResult {
        match &t.kind {
            ExprKind::Name { id, .. } => self.name_op(id, ExprContext::Store),
            ExprKind::Attribute { value, attr, .. } => {
                self.compile_expr(value)?;
                self.emit_name(Op::StoreAttr, attr);
                Ok(())
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.compile_expr(value)?;
                self.compile_expr(slice)?;
                self.emit(Op::StoreSubscr, 0);
                Ok(())
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                self.unpack_helper(elts)?;
                for e in elts {
                    match &e.kind {
                        ExprKind::Starred { value, .. } => self.compile_store(value)?,
                        _ => self.compile_store(e)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred { .. } => {
                Err(self.error("starred assignment target must be in a list or tuple"))
            }
            _ => Err(self.error("cannot assign to expression")),
        }
    }

    /// `UnpackSequence`/`UnpackEx` for a tuple or list target.
    fn unpack_helper(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(super::error_at("multiple starred expressions in assignment", e.loc));
                }
                let after = n - i - 1;
                if i >= 256 || after >= (1 << 24) {
                    return Err(super::error_at(
                        "too many expressions in star-unpacking assignment",
                        e.loc,
                    ));
                }
                self.emit(Op::UnpackEx, (i | (after << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Op::UnpackSequence, n as u32);
        }
        Ok(())
    }

    pub fn compile_delete(&mut self, t: &'a Expr) -> CResult {
        self.enter_nesting(t.loc)?;
        let saved = self.ur().loc;
        self.set_loc(t.loc);
        let r = match &t.kind {
            ExprKind::Name { id, .. } => self.name_op(id, ExprContext::Del),
            ExprKind::Attribute { value, attr, .. } => self.compile_expr(value).map(|_| {
                self.emit_name(Op::DeleteAttr, attr);
            }),
            ExprKind::Subscript { value, slice, .. } => {
                self.compile_expr(value).and_then(|_| self.compile_expr(slice)).map(|_| {
                    self.emit(Op::DeleteSubscr, 0);
                })
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                elts.iter().try_for_each(|e| self.compile_delete(e))
            }
            _ => Err(self.error("cannot delete expression")),
        };
        self.u().loc = saved;
        self.leave_nesting();
        r
    }

    fn compile_augassign(&mut self, target: &'a Expr, op: krait_parser::ast::Operator, value: &'a Expr) -> CResult {
        let inplace = super::expr::binop_kind(op) as u32 + 13;
        let stmt_loc = self.ur().loc;
        self.set_loc(target.loc);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.name_op(id, ExprContext::Load)?;
                self.u().loc = stmt_loc;
                self.compile_expr(value)?;
                self.emit(Op::BinaryOp, inplace);
                self.set_loc(target.loc);
                self.name_op(id, ExprContext::Store)?;
            }
            ExprKind::Attribute { value: obj, attr, .. } => {
                self.compile_expr(obj)?;
                self.emit(Op::Copy, 1);
                self.emit_name(Op::LoadAttr, attr);
                self.u().loc = stmt_loc;
                self.compile_expr(value)?;
                self.emit(Op::BinaryOp, inplace);
                self.set_loc(target.loc);
                self.emit(Op::Swap, 2);
                self.emit_name(Op::StoreAttr, attr);
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.compile_expr(obj)?;
                self.compile_expr(slice)?;
                self.emit(Op::Copy, 2);
                self.emit(Op::Copy, 2);
                self.emit(Op::BinarySubscr, 0);
                self.u().loc = stmt_loc;
                self.compile_expr(value)?;
                self.emit(Op::BinaryOp, inplace);
                self.set_loc(target.loc);
                self.emit(Op::Swap, 3);
                self.emit(Op::Swap, 2);
                self.emit(Op::StoreSubscr, 0);
            }
            _ => return Err(self.error("illegal expression for augmented assignment")),
        }
        self.u().loc = stmt_loc;
        Ok(())
    }

    fn compile_annassign(&mut self, target: &'a Expr, annotation: &'a Expr, value: Option<&'a Expr>, simple: bool) -> CResult {
        if let Some(v) = value {
            self.compile_expr(v)?;
            self.compile_store(target)?;
        }
        let kind = self.ur().kind;
        let module_or_class = matches!(kind, ScopeKind::Module | ScopeKind::Class);
        match &target.kind {
            ExprKind::Name { id, .. } => {
                if id == "__debug__" {
                    return Err(self.error("cannot assign to __debug__"));
                }
                if simple && module_or_class {
                    self.compile_annotation(annotation)?;
                    self.name_op("__annotations__", ExprContext::Load)?;
                    let m = crate::symtable::mangle(self.ur().private.as_deref(), id);
                    self.load_const(Constant::Str(Rc::from(m.as_str())));
                    self.emit(Op::StoreSubscr, 0);
                    return Ok(());
                }
            }
            ExprKind::Attribute { value: obj, .. } => {
                if value.is_none() {
                    self.compile_expr(obj)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                if value.is_none() {
                    self.compile_expr(obj)?;
                    self.emit(Op::PopTop, 0);
                    self.compile_expr(slice)?;
                    self.emit(Op::PopTop, 0);
                }
            }
            _ => return Err(self.error("illegal target for annotation")),
        }
        // A complex target's annotation is evaluated (and dropped) in
        // module and class scopes.
        if module_or_class && !self.future_annotations {
            self.compile_expr(annotation)?;
            self.emit(Op::PopTop, 0);
        }
        Ok(())
    }

    /// Push an annotation's value: the expression, or its source text
    /// under `from __future__ import annotations`.
    pub fn compile_annotation(&mut self, ann: &'a Expr) -> CResult {
        if self.future_annotations {
            let text = crate::unparse::unparse_expr(ann);
            self.load_const(Constant::Str(Rc::from(text.as_str())));
            Ok(())
        } else {
            self.compile_expr(ann)
        }
    }

    // ----- loops --------------------------------------------------------

    fn compile_for(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.compile_expr(iter)?;
        self.emit(Op::GetIter, 0);
        let below = self.handler_len();
        self.push_fblock(FBlockKind::ForLoop, start, end, below)?;
        self.bind(start);
        self.emit_jump(Op::ForIter, cleanup);
        self.compile_store(target)?;
        self.compile_stmts(body)?;
        self.emit_jump(Op::Jump, start);
        self.bind(cleanup);
        self.pop_fblock();
        self.compile_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_async_for(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        if !self.ur().is_async {
            return Err(self.error("'async for' outside async function"));
        }
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.compile_expr(iter)?;
        self.emit(Op::GetAIter, 0);
        self.bind(start);
        let below = self.handler_len();
        self.push_fblock(FBlockKind::ForLoop, start, end, below)?;
        // Stack: [aiter]; StopAsyncIteration from __anext__ ends the loop.
        self.setup_handler(except, false, 0);
        self.emit(Op::GetANext, 0);
        self.load_const(Constant::None);
        self.yield_from_loop();
        self.pop_handler();
        self.compile_store(target)?;
        self.compile_stmts(body)?;
        self.emit_jump(Op::Jump, start);
        self.pop_fblock();
        self.bind(except);
        self.emit(Op::EndAsyncFor, 0);
        self.compile_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn compile_while(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let top = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        self.bind(top);
        let below = self.handler_len();
        self.push_fblock(FBlockKind::WhileLoop, top, end, below)?;
        self.jump_if(test, anchor, false)?;
        self.compile_stmts(body)?;
        self.emit_jump(Op::Jump, top);
        self.pop_fblock();
        self.bind(anchor);
        self.compile_stmts(orelse)?;
        self.bind(end);
        Ok(())
    }

    // ----- unwinding ----------------------------------------------------

    /// Emit the code leaving frame block `fb` (already popped). With
    /// `preserve_tos`, a value on top of the stack (a return value) is kept.
    fn unwind_fblock(&mut self, fb: FBlock<'a>, preserve_tos: bool) -> CResult {
        match fb.kind {
            FBlockKind::WhileLoop | FBlockKind::ExceptionGroupHandler => {}
            FBlockKind::ForLoop | FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
            }
            FBlockKind::TryExcept => {
                self.u().handler_stack.truncate(fb.handlers_below);
            }
            FBlockKind::FinallyTry(finalbody) => {
                self.u().handler_stack.truncate(fb.handlers_below);
                if preserve_tos {
                    let l = self.new_label();
                    let below = self.handler_len();
                    self.push_fblock(FBlockKind::PopValue, l, l, below)?;
                }
                self.compile_stmts(finalbody)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopTop, 0);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.u().handler_stack.truncate(fb.handlers_below);
                self.emit(Op::PopExcept, 0);
            }
            FBlockKind::With(loc) | FBlockKind::AsyncWith(loc) => {
                self.u().loc = loc;
                self.u().handler_stack.truncate(fb.handlers_below);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.call_exit_with_nones();
                if matches!(fb.kind, FBlockKind::AsyncWith(_)) {
                    self.emit(Op::GetAwaitable, 2);
                    self.load_const(Constant::None);
                    self.yield_from_loop();
                }
                self.emit(Op::PopTop, 0);
            }
            FBlockKind::HandlerCleanup(name) => {
                self.u().handler_stack.truncate(fb.handlers_below);
                if preserve_tos {
                    self.emit(Op::Swap, 2);
                }
                self.emit(Op::PopExcept, 0);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.name_op(n, ExprContext::Store)?;
                    self.name_op(n, ExprContext::Del)?;
                }
            }
        }
        Ok(())
    }

    /// Unwind every frame block (or up to the innermost loop when
    /// `to_loop`, which is returned and left on the stack).
    fn unwind_fblock_stack(&mut self, preserve_tos: bool, to_loop: bool) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().copied() else { return Ok(None) };
        if matches!(top.kind, FBlockKind::ExceptionGroupHandler) {
            return Err(self.error("'break', 'continue' and 'return' cannot appear in an except* block"));
        }
        if to_loop && matches!(top.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        let r = self
            .unwind_fblock(top, preserve_tos)
            .and_then(|_| self.unwind_fblock_stack(preserve_tos, to_loop));
        self.u().fblocks.push(top);
        r
    }

    fn compile_return(&mut self, value: Option<&'a Expr>) -> CResult {
        let scope = &self.st.scopes[self.ur().scope];
        if !self.ur().kind.is_function_like() {
            return Err(self.error("'return' outside function"));
        }
        if value.is_some() && scope.is_coroutine && scope.is_generator {
            return Err(self.error("'return' with value in async generator"));
        }
        let folded = value.and_then(fold);
        let preserve = value.is_some() && folded.is_none();
        if preserve {
            self.compile_expr(value.unwrap())?;
        }
        let saved_handlers = self.ur().handler_stack.clone();
        let saved_loc = self.ur().loc;
        self.unwind_fblock_stack(preserve, false)?;
        self.u().loc = saved_loc;
        match (value, folded) {
            (None, _) => self.load_const(Constant::None),
            (Some(_), Some(c)) => self.load_const(c),
            _ => {}
        }
        self.emit(Op::ReturnValue, 0);
        self.u().handler_stack = saved_handlers;
        Ok(())
    }

    fn compile_break(&mut self) -> CResult {
        let saved_handlers = self.ur().handler_stack.clone();
        let saved_loc = self.ur().loc;
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'break' outside loop"));
        };
        self.unwind_fblock(lp, false)?;
        self.u().loc = saved_loc;
        self.emit_jump(Op::Jump, lp.exit);
        self.u().handler_stack = saved_handlers;
        Ok(())
    }

    fn compile_continue(&mut self) -> CResult {
        let saved_handlers = self.ur().handler_stack.clone();
        let saved_loc = self.ur().loc;
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'continue' not properly in loop"));
        };
        self.u().loc = saved_loc;
        self.emit_jump(Op::Jump, lp.start);
        self.u().handler_stack = saved_handlers;
        Ok(())
    }

    // ----- try ------------------------------------------------------------

    /// ```text
    ///     <setup H1 -> except>   body   <pop H1>   orelse   Jump end
    /// except:                                   [exc]
    ///     <setup H2 -> cleanup, lasti>  PushExcInfo          [prev, exc]
    ///     for each handler:  <type> CheckExcMatch PopJumpIfFalse next
    ///         StoreName e / PopTop   body   PopExcept   Jump end
    ///     Reraise 0
    /// cleanup:  Copy 3  PopExcept  Reraise 1
    /// end:
    /// ```
    fn compile_try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> CResult {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let below = self.handler_len();
        self.setup_handler(except, false, 0);
        self.push_fblock(FBlockKind::TryExcept, except, end, below)?;
        self.compile_stmts(body)?;
        self.pop_fblock();
        self.pop_handler();
        self.compile_stmts(orelse)?;
        self.emit_jump(Op::Jump, end);

        self.bind(except);
        let h2_below = self.handler_len();
        let h2 = self.setup_handler_id(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        let n = handlers.len();
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.loc);
            if h.typ.is_none() && i + 1 < n {
                return Err(super::error_at("default 'except:' must be last", h.loc));
            }
            let next = self.new_label();
            if let Some(t) = &h.typ {
                self.compile_expr(t)?;
                self.emit(Op::CheckExcMatch, 0);
                self.emit_jump(Op::PopJumpIfFalse, next);
            }
            match &h.name {
                Some(name) => {
                    let cleanup_end = self.new_label();
                    self.name_op(name, ExprContext::Store)?;
                    self.setup_handler(cleanup_end, true, 0);
                    self.push_fblock(FBlockKind::HandlerCleanup(Some(name)), cleanup_end, end, h2_below)?;
                    self.compile_stmts(&h.body)?;
                    self.pop_fblock();
                    self.set_loc(h.loc);
                    self.pop_handler();
                    self.pop_handler();
                    self.emit(Op::PopExcept, 0);
                    self.load_const(Constant::None);
                    self.name_op(name, ExprContext::Store)?;
                    self.name_op(name, ExprContext::Del)?;
                    self.emit_jump(Op::Jump, end);
                    // Raised inside the body: unbind the name, re-raise.
                    self.u().handler_stack.push(h2);
                    self.bind(cleanup_end);
                    self.load_const(Constant::None);
                    self.name_op(name, ExprContext::Store)?;
                    self.name_op(name, ExprContext::Del)?;
                    self.emit(Op::Reraise, 1);
                }
                None => {
                    self.emit(Op::PopTop, 0);
                    self.push_fblock(FBlockKind::HandlerCleanup(None), cleanup, end, h2_below)?;
                    self.compile_stmts(&h.body)?;
                    self.pop_fblock();
                    self.set_loc(h.loc);
                    self.pop_handler();
                    self.emit(Op::PopExcept, 0);
                    self.emit_jump(Op::Jump, end);
                    self.u().handler_stack.push(h2);
                }
            }
            self.bind(next);
        }
        self.emit(Op::Reraise, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    /// Like [`Compiler::setup_handler`] but returns the handler id, so the
    /// region can be re-entered after code emitted outside it.
    pub fn setup_handler_id(&mut self, target: Label, lasti: bool, adjust: u32) -> u32 {
        self.setup_handler(target, lasti, adjust);
        *self.ur().handler_stack.last().unwrap()
    }

    /// The cleanup handler of an `except`/`finally` body:
    /// `[prev, lasti, exc]` -> restore `prev`, re-raise `exc`.
    pub fn pop_except_and_reraise(&mut self) {
        self.emit(Op::Copy, 3);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 1);
    }

    /// ```text
    ///     <setup H -> end>  try-body (or try/except)  <pop H>  finalbody  Jump exit
    /// end:                                       [exc]
    ///     <setup H' -> cleanup, lasti>  PushExcInfo  finalbody  Reraise 0
    /// cleanup:  Copy 3  PopExcept  Reraise 1
    /// exit:
    /// ```
    fn compile_try_finally(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        star: bool,
    ) -> CResult {
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let below = self.handler_len();
        self.setup_handler(end, false, 0);
        self.push_fblock(FBlockKind::FinallyTry(finalbody), end, exit, below)?;
        if handlers.is_empty() {
            self.compile_stmts(body)?;
        } else if star {
            self.compile_try_star(body, handlers, orelse)?;
        } else {
            self.compile_try_except(body, handlers, orelse)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.compile_stmts(finalbody)?;
        self.emit_jump(Op::Jump, exit);

        self.bind(end);
        let h_below = self.handler_len();
        self.setup_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.push_fblock(FBlockKind::FinallyEnd, end, exit, h_below)?;
        self.compile_stmts(finalbody)?;
        self.pop_fblock();
        // The re-raise belongs to the last line of the finally body (where
        // `f_lineno` then points, as in CPython).
        if let Some(last) = finalbody.last() {
            self.set_loc(last.loc);
        }
        self.emit(Op::Reraise, 0);
        self.pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    /// `try/except*`. The handlers see `[prev, orig, raised_list, rest]`:
    ///
    /// ```text
    /// except:  <setup H2 -> cleanup>  PushExcInfo  Copy 1  BuildList 0  Swap 2
    ///   each:  <type> CheckEgMatch  Copy 1  PopJumpIfNone no_match
    ///          StoreName e / PopTop   <setup H3 -> err> body <pop H3>  Jump next
    ///   err:   ListAppend 3  PopTop  Jump next
    ///   no_match: PopTop
    ///   next:
    ///   ListAppend 1  PrepReraiseStar  Copy 1  PopJumpIfNotNone reraise
    ///   PopTop  PopExcept  Jump end
    /// reraise:  Swap 2  PopExcept  Reraise 0
    /// ```
    fn compile_try_star(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> CResult {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise = self.new_label();
        let below = self.handler_len();
        self.setup_handler(except, false, 0);
        self.push_fblock(FBlockKind::TryExcept, except, end, below)?;
        self.compile_stmts(body)?;
        self.pop_fblock();
        self.pop_handler();
        self.compile_stmts(orelse)?;
        self.emit_jump(Op::Jump, end);

        self.bind(except);
        self.setup_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.loc);
            let Some(typ) = &h.typ else {
                return Err(super::error_at("expected one or more exception types", h.loc));
            };
            let next = self.new_label();
            let no_match = self.new_label();
            let with_error = self.new_label();
            if i == 0 {
                self.emit(Op::Copy, 1);
                self.emit(Op::BuildList, 0);
                self.emit(Op::Swap, 2);
            }
            self.compile_expr(typ)?;
            self.emit(Op::CheckEgMatch, 0);
            self.emit(Op::Copy, 1);
            self.emit_jump(Op::PopJumpIfNone, no_match);
            match &h.name {
                Some(n) => self.name_op(n, ExprContext::Store)?,
                None => self.emit(Op::PopTop, 0),
            }
            let hb = self.handler_len();
            self.setup_handler(with_error, true, 0);
            self.push_fblock(FBlockKind::ExceptionGroupHandler, with_error, end, hb)?;
            self.compile_stmts(&h.body)?;
            self.pop_fblock();
            self.pop_handler();
            self.set_loc(h.loc);
            if let Some(n) = &h.name {
                self.load_const(Constant::None);
                self.name_op(n, ExprContext::Store)?;
                self.name_op(n, ExprContext::Del)?;
            }
            self.emit_jump(Op::Jump, next);
            self.bind(with_error);
            if let Some(n) = &h.name {
                self.load_const(Constant::None);
                self.name_op(n, ExprContext::Store)?;
                self.name_op(n, ExprContext::Del)?;
            }
            self.emit(Op::ListAppend, 3);
            self.emit(Op::PopTop, 0);
            self.emit_jump(Op::Jump, next);
            self.bind(no_match);
            self.emit(Op::PopTop, 0);
            self.bind(next);
        }
        self.emit(Op::ListAppend, 1);
        self.emit(Op::PrepReraiseStar, 0);
        self.emit(Op::Copy, 1);
        self.emit_jump(Op::PopJumpIfNotNone, reraise);
        self.emit(Op::PopTop, 0);
        self.pop_handler();
        self.emit(Op::PopExcept, 0);
        self.emit_jump(Op::Jump, end);
        self.bind(reraise);
        self.emit(Op::Swap, 2);
        self.emit(Op::PopExcept, 0);
        self.emit(Op::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    // ----- with -------------------------------------------------------------

    /// `exit(None, None, None)` with `[exit]` on the stack.
    pub fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Op::Call, 2);
    }

    /// ```text
    ///     <ctx> BeforeWith                        [exit, enter_result]
    ///     <setup H -> final, lasti, adjust 1>  store target / PopTop
    ///     body  <pop H>  exit(None, None, None)  PopTop  Jump exit_label
    /// final:                                      [exit, lasti, exc]
    ///     <setup H' -> cleanup, lasti>  PushExcInfo  WithExceptStart
    ///     PopJumpIfTrue suppress  Reraise 2
    /// suppress: PopTop <pop H'> PopExcept PopTop PopTop  Jump exit_label
    /// cleanup:  Copy 3  PopExcept  Reraise 1
    /// ```
    fn compile_with(&mut self, s: &'a Stmt, items: &'a [WithItem], body: &'a [Stmt], pos: usize, is_async: bool) -> CResult {
        let Some(item) = items.get(pos) else {
            return Err(self.error("with statement without items"));
        };
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        let stmt_loc = super::to_location(s.loc);
        self.compile_expr(&item.context_expr)?;
        self.u().loc = stmt_loc;
        if is_async {
            self.emit(Op::BeforeAsyncWith, 0);
            self.emit(Op::GetAwaitable, 1);
            self.load_const(Constant::None);
            self.yield_from_loop();
        } else {
            self.emit(Op::BeforeWith, 0);
        }
        let below = self.handler_len();
        self.setup_handler(final_, true, 1);
        let kind = if is_async { FBlockKind::AsyncWith(stmt_loc) } else { FBlockKind::With(stmt_loc) };
        self.push_fblock(kind, final_, exit, below)?;
        match &item.optional_vars {
            Some(t) => self.compile_store(t)?,
            None => self.emit(Op::PopTop, 0),
        }
        if pos + 1 == items.len() {
            self.compile_stmts(body)?;
        } else {
            self.compile_with(s, items, body, pos + 1, is_async)?;
        }
        self.pop_fblock();
        self.pop_handler();
        self.u().loc = stmt_loc;
        self.call_exit_with_nones();
        if is_async {
            self.emit(Op::GetAwaitable, 2);
            self.load_const(Constant::None);
            self.yield_from_loop();
        }
        self.emit(Op::PopTop, 0);
        self.emit_jump(Op::Jump, exit);

        self.bind(final_);
        self.setup_handler(cleanup, true, 0);
        self.emit(Op::PushExcInfo, 0);
        self.emit(Op::WithExceptStart, 0);
        if is_async {
            self.emit(Op::GetAwaitable, 2);
            self.load_const(Constant::None);
            self.yield_from_loop();
        }
        self.emit_jump(Op::PopJumpIfTrue, suppress);
        self.emit(Op::Reraise, 2);
        self.bind(suppress);
        self.emit(Op::PopTop, 0);
        self.pop_handler();
        self.emit(Op::PopExcept, 0);
        self.emit(Op::PopTop, 0);
        self.emit(Op::PopTop, 0);
        self.emit_jump(Op::Jump, exit);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    // ----- imports ----------------------------------------------------------

    fn compile_import(&mut self, names: &'a [Alias]) -> CResult {
        // Import errors point at the whole statement, as in CPython 3.11.
        for a in names {
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            self.emit_name(Op::ImportName, &a.name);
            match &a.asname {
                Some(asname) => {
                    let parts: Vec<&str> = a.name.split('.').collect();
                    if parts.len() > 1 {
                        // `import a.b.c as d` binds d to a.b.c via attribute imports.
                        for (i, attr) in parts[1..].iter().enumerate() {
                            let idx = self.add_name(attr);
                            self.emit(Op::ImportFrom, idx);
                            if i + 2 == parts.len() {
                                break;
                            }
                            self.emit(Op::Swap, 2);
                            self.emit(Op::PopTop, 0);
                        }
                        self.name_op(asname, ExprContext::Store)?;
                        self.emit(Op::PopTop, 0);
                    } else {
                        self.name_op(asname, ExprContext::Store)?;
                    }
                }
                None => {
                    let first = a.name.split('.').next().unwrap_or("");
                    self.name_op(first, ExprContext::Store)?;
                }
            }
        }
        Ok(())
    }

    fn compile_import_from(&mut self, s: &'a Stmt, module: Option<&'a str>, names: &'a [Alias], level: u32) -> CResult {
        if module == Some("__future__") && !self.is_valid_future(s) {
            return Err(self.error("from __future__ imports must occur at the beginning of the file"));
        }
        self.load_const(Constant::Int(level as i64));
        let fromlist: Vec<Constant> =
            names.iter().map(|a| Constant::Str(Rc::from(a.name.as_str()))).collect();
        self.load_const(Constant::Tuple(Rc::from(fromlist)));
        self.emit_name(Op::ImportName, module.unwrap_or(""));
        if names.first().map(|a| a.name.as_str()) == Some("*") {
            self.emit(Op::ImportStar, 0);
            return Ok(());
        }
        for a in names {
            self.emit_name(Op::ImportFrom, &a.name);
            let store = a.asname.as_deref().unwrap_or(&a.name);
            self.name_op(store, ExprContext::Store)?;
        }
        self.set_loc(s.loc);
        self.emit(Op::PopTop, 0);
        Ok(())
    }
}
