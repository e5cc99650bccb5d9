//! Statements and blocks.

use super::errors::{expr_name, TargetKind};
use super::*;
use crate::ast::ExprContext::*;

fn aug_op(t: &Tok) -> Option<Operator> {
    Some(match t {
        Tok::Op(op) => match op {
            Op::PlusEqual => Operator::Add,
            Op::MinEqual => Operator::Sub,
            Op::StarEqual => Operator::Mult,
            Op::AtEqual => Operator::MatMult,
            Op::SlashEqual => Operator::Div,
            Op::PercentEqual => Operator::Mod,
            Op::AmperEqual => Operator::BitAnd,
            Op::VBarEqual => Operator::BitOr,
            Op::CircumflexEqual => Operator::BitXor,
            Op::LeftShiftEqual => Operator::LShift,
            Op::RightShiftEqual => Operator::RShift,
            Op::DoubleStarEqual => Operator::Pow,
            Op::DoubleSlashEqual => Operator::FloorDiv,
            _ => return None,
        },
        _ => return None,
    })
}

impl Parser {
    /// One statement (compound, or a line of simple statements), appended
    /// to `body`.
    pub(crate) fn statement(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        let s = match self.tok() {
            Tok::Kw(Kw::Def) => self.funcdef(Vec::new(), None)?,
            Tok::Kw(Kw::If) => self.if_stmt()?,
            Tok::Kw(Kw::Class) => self.classdef(Vec::new())?,
            Tok::Kw(Kw::With) => self.with_stmt(None)?,
            Tok::Kw(Kw::For) => self.for_stmt(None)?,
            Tok::Kw(Kw::Try) => self.try_stmt()?,
            Tok::Kw(Kw::While) => self.while_stmt()?,
            Tok::Kw(Kw::Async) => {
                let start = self.start();
                match self.tok_at(1) {
                    Tok::Kw(Kw::Def) => {
                        self.bump();
                        self.funcdef(Vec::new(), Some(start))?
                    }
                    Tok::Kw(Kw::For) => {
                        self.bump();
                        self.for_stmt(Some(start))?
                    }
                    Tok::Kw(Kw::With) => {
                        self.bump();
                        self.with_stmt(Some(start))?
                    }
                    _ => {
                        self.bump();
                        return Err(self.invalid());
                    }
                }
            }
            Tok::Op(Op::At) => self.decorated()?,
            Tok::Name(n) if n == "match" => match self.match_stmt()? {
                Some(s) => s,
                None => return self.simple_stmts(body),
            },
            _ => return self.simple_stmts(body),
        };
        body.push(s);
        Ok(())
    }

    /// `simple_stmt (';' simple_stmt)* [';'] NEWLINE`
    pub(crate) fn simple_stmts(&mut self, body: &mut Vec<Stmt>) -> PResult<()> {
        loop {
            let s = self.simple_stmt()?;
            body.push(s);
            if self.eat_op(Op::Semi) {
                if matches!(self.tok(), Tok::Newline) {
                    self.bump();
                    return Ok(());
                }
                continue;
            }
            if matches!(self.tok(), Tok::Newline) {
                self.bump();
                return Ok(());
            }
            return Err(self.after_stmt_error(body.last().unwrap()));
        }
    }

    /// The error for a statement followed by something unexpected.
    fn after_stmt_error(&mut self, s: &Stmt) -> SyntaxError {
        if self.speculative > 0 {
            return self.invalid();
        }
        self.speculative += 1;
        let r = self.after_stmt_error_inner(s);
        self.speculative -= 1;
        r
    }

    fn after_stmt_error_inner(&mut self, s: &Stmt) -> SyntaxError {
        if let StmtKind::Expr { value } = &s.kind {
            if self.at_op(Op::ColonEqual) {
                if let ExprKind::Name { .. } = value.kind {
                    let l = self.tok_loc(self.pos);
                    return self.error_at(l, "invalid syntax");
                }
                let v = value.clone();
                return self.walrus_error_inner(&v);
            }
            if let ExprKind::Name { id, .. } = &value.kind {
                if (id == "print" || id == "exec")
                    && self.starts_expr(true)
                    && !self.at_op(Op::LPar)
                {
                    let id = id.clone();
                    let save = self.pos;
                    if let Ok(b) = self.star_expressions() {
                        return self.error_range(
                            value.loc,
                            b.loc,
                            format!(
                                "Missing parentheses in call to '{}'. Did you mean {}(...)?",
                                id, id
                            ),
                        );
                    }
                    self.pos = save;
                }
            }
        }
        self.invalid()
    }

    fn simple_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let kind = match self.tok() {
            Tok::Kw(Kw::Pass) => {
                self.bump();
                StmtKind::Pass
            }
            Tok::Kw(Kw::Break) => {
                self.bump();
                StmtKind::Break
            }
            Tok::Kw(Kw::Continue) => {
                self.bump();
                StmtKind::Continue
            }
            Tok::Kw(Kw::Return) => {
                self.bump();
                let value = if self.starts_expr(true) {
                    Some(self.star_expressions()?)
                } else {
                    None
                };
                StmtKind::Return { value }
            }
            Tok::Kw(Kw::Import) => return self.import_name(),
            Tok::Kw(Kw::From) => return self.import_from(),
            Tok::Kw(Kw::Raise) => {
                self.bump();
                let mut exc = None;
                let mut cause = None;
                if self.starts_expr(false) {
                    exc = Some(self.expression()?);
                    if self.eat_kw(Kw::From) {
                        cause = Some(self.expression()?);
                    }
                }
                StmtKind::Raise { exc, cause }
            }
            Tok::Kw(Kw::Global) | Tok::Kw(Kw::Nonlocal) => {
                let global = matches!(self.tok(), Tok::Kw(Kw::Global));
                self.bump();
                let mut names = vec![self.name()?];
                while self.eat_op(Op::Comma) {
                    names.push(self.name()?);
                }
                if global {
                    StmtKind::Global { names }
                } else {
                    StmtKind::Nonlocal { names }
                }
            }
            Tok::Kw(Kw::Del) => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let mut t = self.star_expression()?;
                    self.set_context(&mut t, Del, TargetKind::Del)?;
                    targets.push(t);
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                    if !self.starts_expr(true) {
                        break;
                    }
                }
                if !matches!(self.tok(), Tok::Newline | Tok::Op(Op::Semi)) {
                    return Err(self.invalid());
                }
                StmtKind::Delete { targets }
            }
            Tok::Kw(Kw::Assert) => {
                self.bump();
                let test = self.expression()?;
                let msg = if self.eat_op(Op::Comma) {
                    Some(self.expression()?)
                } else {
                    None
                };
                StmtKind::Assert { test, msg }
            }
            Tok::Indent => return Err(self.invalid()),
            _ => return self.expr_stmt(),
        };
        Ok(mks(kind, self.loc_from(start)))
    }

    fn rhs(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Yield) {
            self.yield_expr()
        } else {
            self.star_expressions()
        }
    }

    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        let first_tok = self.pos;
        self.bare_tuple = false;
        let first = self.rhs()?;
        let parenthesized = if let ExprKind::Tuple { .. } = first.kind {
            !self.bare_tuple
        } else {
            first.loc.col != start.col || first.loc.line != start.line
        };
        if self.at_op(Op::Colon) {
            return self.ann_assign(start, first, parenthesized);
        }
        if let Some(op) = aug_op(self.tok()) {
            let mut target = first;
            match target.kind {
                ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                }
                _ => {
                    return Err(self.error_at(
                        target.loc,
                        format!(
                            "'{}' is an illegal expression for augmented assignment",
                            expr_name(&target)
                        ),
                    ))
                }
            }
            errors::set_ctx(&mut target, Store);
            self.bump();
            let value = self.rhs()?;
            return Ok(mks(
                StmtKind::AugAssign { target, op, value },
                self.loc_from(start),
            ));
        }
        if !self.at_op(Op::Equal) {
            return Ok(mks(StmtKind::Expr { value: first }, self.loc_from(start)));
        }
        let _ = first_tok;
        let first_bare = self.bare_tuple && matches!(first.kind, ExprKind::Tuple { .. });
        let mut exprs = vec![first];
        let first_eq = self.pos;
        while self.at_op(Op::Equal) {
            let k = exprs.len() - 1;
            if let Some(bad) = errors::invalid_target(&exprs[k], TargetKind::Star) {
                let (bad_loc, bad_name) = (bad.loc, expr_name(bad));
                // CPython's error pass first tries invalid_named_expression
                // on the first target (`x = a < b = c`: "Maybe you meant
                // '=='...").
                let cand = match &exprs[0].kind {
                    ExprKind::Tuple { elts, .. } if first_bare && !elts.is_empty() => {
                        elts[elts.len() - 1].clone()
                    }
                    _ => exprs[0].clone(),
                };
                let here = self.pos;
                self.pos = first_eq;
                let named = self.named_eq_error(&cand);
                self.pos = here;
                if let Some(e) = named {
                    return Err(e);
                }
                let t = &exprs[k];
                if matches!(t.kind, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. })
                    && !self.is_parenthesized(t.loc)
                {
                    return Err(self.error_at(t.loc, "assignment to yield expression not possible"));
                }
                return Err(self.error_at(bad_loc, format!("cannot assign to {}", bad_name)));
            }
            self.bump();
            let e = self.rhs()?;
            exprs.push(e);
        }
        let value = exprs.pop().unwrap();
        for t in exprs.iter_mut() {
            errors::set_ctx(t, Store);
        }
        Ok(mks(
            StmtKind::Assign {
                targets: exprs,
                value,
            },
            self.loc_from(start),
        ))
    }

    fn ann_assign(&mut self, start: Pos, first: Expr, parenthesized: bool) -> PResult<Stmt> {
        let mut target = first;
        let valid = matches!(
            target.kind,
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
        );
        if !valid {
            // CPython only explains when an annotation follows the colon.
            let colon = self.pos;
            let f = self.furthest.get();
            self.bump();
            let ok = self.spec(false, |p| p.starts_expr(false) && p.expression().is_ok());
            self.pos = colon;
            if !ok {
                self.furthest.set(f.max(colon));
                let l = self.tok_loc(colon);
                return Err(self.error_at(l, "invalid syntax"));
            }
        }
        match &target.kind {
            ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
            ExprKind::Tuple { elts, .. } if !parenthesized && !elts.is_empty() => {
                let l = elts[0].loc;
                return Err(self.error_at(l, "only single target (not tuple) can be annotated"));
            }
            ExprKind::Tuple { .. } => {
                return Err(self.error_at(
                    target.loc,
                    "only single target (not tuple) can be annotated",
                ))
            }
            ExprKind::List { .. } => {
                return Err(
                    self.error_at(target.loc, "only single target (not list) can be annotated")
                )
            }
            _ => return Err(self.error_at(target.loc, "illegal target for annotation")),
        }
        let simple = matches!(target.kind, ExprKind::Name { .. }) && !parenthesized;
        errors::set_ctx(&mut target, Store);
        self.bump();
        let annotation = self.expression()?;
        let value = if self.eat_op(Op::Equal) {
            Some(self.rhs()?)
        } else {
            None
        };
        Ok(mks(
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            },
            self.loc_from(start),
        ))
    }

    // ---- imports --------------------------------------------------------------

    fn dotted_name(&mut self) -> PResult<String> {
        let mut s = self.name()?;
        while self.at_op(Op::Dot) {
            self.bump();
            s.push('.');
            s.push_str(&self.name()?);
        }
        Ok(s)
    }

    fn import_name(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let mut names = Vec::new();
        loop {
            let s = self.start();
            let name = self.dotted_name()?;
            let asname = if self.eat_kw(Kw::As) {
                Some(self.name()?)
            } else {
                None
            };
            names.push(Alias {
                name,
                asname,
                loc: self.loc_from(s),
            });
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        Ok(mks(StmtKind::Import { names }, self.loc_from(start)))
    }

    fn import_from(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let mut level = 0;
        loop {
            if self.eat_op(Op::Dot) {
                level += 1;
            } else if self.eat_op(Op::Ellipsis) {
                level += 3;
            } else {
                break;
            }
        }
        let module = if self.at_name() {
            Some(self.dotted_name()?)
        } else {
            None
        };
        if module.is_none() && level == 0 {
            return Err(self.invalid());
        }
        self.expect_kw(Kw::Import)?;
        let mut names = Vec::new();
        if self.at_op(Op::Star) {
            let l = self.tok_loc(self.pos);
            self.bump();
            names.push(Alias {
                name: "*".into(),
                asname: None,
                loc: l,
            });
        } else {
            let paren = self.eat_op(Op::LPar);
            loop {
                let s = self.start();
                let name = self.name()?;
                let asname = if self.eat_kw(Kw::As) {
                    Some(self.name()?)
                } else {
                    None
                };
                names.push(Alias {
                    name,
                    asname,
                    loc: self.loc_from(s),
                });
                if !self.eat_op(Op::Comma) {
                    break;
                }
                if paren && self.at_op(Op::RPar) {
                    break;
                }
                if !paren && matches!(self.tok(), Tok::Newline) {
                    return Err(self.error_last(
                        "SyntaxError",
                        "trailing comma not allowed without surrounding parentheses",
                    ));
                }
            }
            if paren {
                self.expect_op(Op::RPar)?;
            }
        }
        Ok(mks(
            StmtKind::ImportFrom {
                module,
                names,
                level,
            },
            self.loc_from(start),
        ))
    }

    // ---- blocks ----------------------------------------------------------------

    /// `:` that CPython requires with a forced token (error at the
    /// current token whatever it is).
    pub(crate) fn colon_forced(&mut self) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            return Ok(());
        }
        let l = self.tok_loc(self.pos);
        Err(self.error_at(l, "expected ':'"))
    }

    /// `:` where CPython says "expected ':'" only before a NEWLINE.
    pub(crate) fn colon_nl(&mut self) -> PResult<()> {
        if self.eat_op(Op::Colon) {
            return Ok(());
        }
        if matches!(self.tok(), Tok::Newline) {
            let l = self.tok_loc(self.pos);
            return Err(self.error_at(l, "expected ':'"));
        }
        Err(self.invalid())
    }

    /// A condition followed by `=` where `:` was expected.
    fn cond_colon(&mut self, test: &Expr) -> PResult<()> {
        if let Some(e) = self.named_eq_error(test) {
            return Err(e);
        }
        self.colon_nl()
    }

    /// A block after `:`. `what` names the statement for the
    /// "expected an indented block" message.
    pub(crate) fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if matches!(self.tok(), Tok::Newline) {
            self.bump();
            if !matches!(self.tok(), Tok::Indent) {
                return Err(self.error_last(
                    "IndentationError",
                    format!("expected an indented block after {} on line {}", what, line),
                ));
            }
            self.bump();
            loop {
                match self.tok() {
                    Tok::Dedent => {
                        self.bump();
                        break;
                    }
                    Tok::EndMarker => break,
                    _ => self.statement(&mut body)?,
                }
            }
        } else {
            self.simple_stmts(&mut body)?;
        }
        Ok(body)
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        // (start, test, body) for the `if` and each `elif`.
        let mut arms: Vec<(Pos, Expr, Vec<Stmt>)> = Vec::new();
        let mut orelse = Vec::new();
        let mut what = "'if' statement";
        loop {
            let start = self.start();
            self.bump();
            let test = self.named_expression()?;
            self.cond_colon(&test)?;
            let body = self.block(what, start.line)?;
            arms.push((start, test, body));
            if arms.len() as u32 > MAX_CHAIN {
                return Err(self.too_complex());
            }
            if self.at_kw(Kw::Elif) {
                what = "'elif' statement";
                continue;
            }
            if self.at_kw(Kw::Else) {
                let l = self.start().line;
                self.bump();
                self.colon_forced()?;
                orelse = self.block("'else' statement", l)?;
            }
            break;
        }
        let end = self.prev_end();
        let mut result: Option<Stmt> = None;
        while let Some((start, test, body)) = arms.pop() {
            let orelse = match result.take() {
                Some(s) => vec![s],
                None => std::mem::take(&mut orelse),
            };
            let loc = Loc {
                line: start.line,
                col: start.col,
                end_line: end.line,
                end_col: end.col,
            };
            result = Some(mks(StmtKind::If { test, body, orelse }, loc));
        }
        Ok(result.unwrap())
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.at_kw(Kw::Else) {
            let l = self.start().line;
            self.bump();
            self.colon_forced()?;
            return self.block("'else' statement", l);
        }
        Ok(Vec::new())
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let test = self.named_expression()?;
        self.cond_colon(&test)?;
        let body = self.block("'while' statement", start.line)?;
        let orelse = self.else_block()?;
        Ok(mks(
            StmtKind::While { test, body, orelse },
            self.loc_from(start),
        ))
    }

    fn for_stmt(&mut self, async_start: Option<Pos>) -> PResult<Stmt> {
        let start = async_start.unwrap_or_else(|| self.start());
        let line = self.start().line;
        self.bump();
        let target = self.target_list(TargetKind::For)?;
        self.expect_kw(Kw::In)?;
        let iter = self.star_expressions()?;
        self.colon_nl()?;
        let body = self.block("'for' statement", line)?;
        let orelse = self.else_block()?;
        let loc = self.loc_from(start);
        Ok(if async_start.is_some() {
            mks(
                StmtKind::AsyncFor {
                    target,
                    iter,
                    body,
                    orelse,
                },
                loc,
            )
        } else {
            mks(
                StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                },
                loc,
            )
        })
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat_kw(Kw::As) {
            let mut t = self.star_target_single()?;
            self.set_context(&mut t, Store, TargetKind::Star)?;
            Some(t)
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    /// A single `star_target` (used by `with ... as`).
    fn star_target_single(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.bump();
            self.enter()?;
            let v = self.star_target_single();
            self.leave();
            let v = v?;
            return Ok(mk(
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: Load,
                },
                self.loc_from(start),
            ));
        }
        self.bitwise_or()
    }

    fn with_stmt(&mut self, async_start: Option<Pos>) -> PResult<Stmt> {
        let start = async_start.unwrap_or_else(|| self.start());
        let line = self.start().line;
        self.bump();
        let mut items = None;
        if self.at_op(Op::LPar) {
            // Try the parenthesized form `with (a as b, c):`.
            let save = self.pos;
            self.bump();
            let mut list = Vec::new();
            let ok = loop {
                match self.with_item() {
                    Ok(it) => list.push(it),
                    Err(_) => break false,
                }
                if self.eat_op(Op::Comma) {
                    if self.at_op(Op::RPar) {
                        self.bump();
                        break true;
                    }
                    continue;
                }
                break self.eat_op(Op::RPar);
            };
            if ok && self.at_op(Op::Colon) {
                items = Some(list);
            } else {
                self.pos = save;
            }
        }
        let items = match items {
            Some(i) => i,
            None => {
                let mut list = vec![self.with_item()?];
                while self.eat_op(Op::Comma) {
                    list.push(self.with_item()?);
                }
                list
            }
        };
        self.colon_nl()?;
        let body = self.block("'with' statement", line)?;
        let loc = self.loc_from(start);
        Ok(if async_start.is_some() {
            mks(StmtKind::AsyncWith { items, body }, loc)
        } else {
            mks(StmtKind::With { items, body }, loc)
        })
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        self.colon_forced()?;
        let body = self.block("'try' statement", start.line)?;
        let mut handlers = Vec::new();
        let mut star: Option<bool> = None;
        while self.at_kw(Kw::Except) {
            let hstart = self.start();
            let kw_loc = self.tok_loc(self.pos);
            self.bump();
            let star_loc = self.tok_loc(self.pos);
            let is_star = self.eat_op(Op::Star);
            if let Some(prev) = star {
                if prev != is_star {
                    let end = if is_star { star_loc } else { kw_loc };
                    return Err(self.error_range(
                        kw_loc,
                        end,
                        "cannot have both 'except' and 'except*' on the same 'try'",
                    ));
                }
            }
            star = Some(is_star);
            let mut typ = None;
            let mut name = None;
            if !self.at_op(Op::Colon) || is_star {
                if is_star && self.at_op(Op::Colon) {
                    return Err(
                        self.error_last("SyntaxError", "expected one or more exception types")
                    );
                }
                if matches!(self.tok(), Tok::Newline) {
                    return Err(self.error_last("SyntaxError", "expected ':'"));
                }
                let t = self.expression()?;
                if self.at_op(Op::Comma) && self.speculative == 0 {
                    let save = self.pos;
                    self.bump();
                    if let Ok(e2) = self.expression() {
                        let mut last = e2;
                        while self.eat_op(Op::Comma) {
                            match self.expression() {
                                Ok(e) => last = e,
                                Err(_) => break,
                            }
                        }
                        if self.at_op(Op::Colon) || self.at_kw(Kw::As) {
                            return Err(self.error_range(
                                t.loc,
                                last.loc,
                                "multiple exception types must be parenthesized",
                            ));
                        }
                    }
                    self.pos = save;
                }
                typ = Some(t);
                if self.eat_kw(Kw::As) {
                    name = Some(self.name()?);
                }
            }
            self.colon_nl()?;
            let what = if is_star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let hbody = self.block(what, hstart.line)?;
            handlers.push(ExceptHandler {
                typ,
                name,
                body: hbody,
                loc: self.loc_from(hstart),
            });
        }
        let orelse = if !handlers.is_empty() {
            self.else_block()?
        } else {
            Vec::new()
        };
        let mut finalbody = Vec::new();
        if self.at_kw(Kw::Finally) {
            let l = self.start().line;
            self.bump();
            self.colon_forced()?;
            finalbody = self.block("'finally' statement", l)?;
        }
        if handlers.is_empty() && finalbody.is_empty() {
            return Err(self.error_last("SyntaxError", "expected 'except' or 'finally' block"));
        }
        let loc = self.loc_from(start);
        Ok(if star == Some(true) {
            mks(
                StmtKind::TryStar {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                },
                loc,
            )
        } else {
            mks(
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                },
                loc,
            )
        })
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op(Op::At) {
            decorators.push(self.named_expression()?);
            self.expect_newline()?;
        }
        match self.tok() {
            Tok::Kw(Kw::Def) => self.funcdef(decorators, None),
            Tok::Kw(Kw::Class) => self.classdef(decorators),
            Tok::Kw(Kw::Async) if matches!(self.tok_at(1), Tok::Kw(Kw::Def)) => {
                let start = self.start();
                self.bump();
                self.funcdef(decorators, Some(start))
            }
            _ => Err(self.invalid()),
        }
    }

    fn funcdef(&mut self, decorator_list: Vec<Expr>, async_start: Option<Pos>) -> PResult<Stmt> {
        let start = async_start.unwrap_or_else(|| self.start());
        let line = self.start().line;
        self.bump();
        let name = self.name()?;
        if !self.eat_op(Op::LPar) {
            let l = self.tok_loc(self.pos);
            return Err(self.error_at(l, "expected '('"));
        }
        let args = self.parameters(true, Op::RPar)?;
        self.expect_op(Op::RPar)?;
        let returns = if self.at_op(Op::RArrow) {
            let arrow = self.pos;
            self.bump();
            match self.expression() {
                Ok(e) => Some(e),
                Err(e) => {
                    if self.starts_expr(false) {
                        return Err(e);
                    }
                    self.pos = arrow;
                    None
                }
            }
        } else {
            None
        };
        self.colon_forced()?;
        let body = self.block("function definition", line)?;
        let f = Box::new(FunctionDef {
            name,
            args,
            body,
            decorator_list,
            returns,
        });
        let loc = self.loc_from(start);
        Ok(if async_start.is_some() {
            mks(StmtKind::AsyncFunctionDef(f), loc)
        } else {
            mks(StmtKind::FunctionDef(f), loc)
        })
    }

    fn classdef(&mut self, decorator_list: Vec<Expr>) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let name = self.name()?;
        let (bases, keywords) = if self.at_op(Op::LPar) {
            let lpar = self.pos;
            self.bump();
            self.call_args_ex(lpar, false)?
        } else {
            (Vec::new(), Vec::new())
        };
        self.colon_nl()?;
        let body = self.block("class definition", start.line)?;
        let c = Box::new(ClassDef {
            name,
            bases,
            keywords,
            body,
            decorator_list,
        });
        Ok(mks(StmtKind::ClassDef(c), self.loc_from(start)))
    }
}
