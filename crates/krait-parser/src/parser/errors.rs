//! CPython-style error reporting: target validation, names of expression
//! kinds, and the heuristics that emulate the PEG parser's second
//! (error-reporting) pass: missing commas, `=` for `==`, walrus misuse.

use super::*;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum TargetKind {
    /// Assignment targets (`x = ...`, `with ... as x`).
    Star,
    /// `for` targets.
    For,
    /// `del` targets.
    Del,
}

/// CPython's `_PyPegen_get_expr_name`.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that
/// cannot be a target of the given kind.
pub(crate) fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        ExprKind::Starred { value, .. } => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if kind == TargetKind::For && ops[0] == CmpOp::In {
                return invalid_target(left, kind);
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

impl Parser {
    /// Inside brackets, an expression followed by something that cannot
    /// continue it: CPython suggests a missing comma when another
    /// expression follows.
    pub(crate) fn invalid_in_brackets(&mut self, prev: &Expr) -> SyntaxError {
        if self.speculative > 0 {
            return self.invalid();
        }
        self.speculative += 1;
        let r = self.invalid_in_brackets_inner(prev);
        self.speculative -= 1;
        r
    }

    fn invalid_in_brackets_inner(&mut self, prev: &Expr) -> SyntaxError {
        let save = self.pos;
        let save_furthest = self.furthest.get();
        if let ExprKind::Name { id, .. } = &prev.kind {
            // `print x` inside brackets: the legacy statement message.
            if (id == "print" || id == "exec") && self.starts_expr(true) && !self.at_op(Op::LPar) {
                let id = id.clone();
                if let Ok(b) = self.star_expressions() {
                    self.pos = save;
                    return self.error_range(
                        prev.loc,
                        b.loc,
                        format!(
                            "Missing parentheses in call to '{}'. Did you mean {}(...)?",
                            id, id
                        ),
                    );
                }
                self.pos = save;
                self.furthest.set(save_furthest);
            }
            if matches!(id.as_str(), "match" | "case" | "_") && self.toks_start_at(prev.loc) {
                return self.invalid();
            }
        }
        if self.starts_expr(false) && !self.prev_is_soft_kw_string(prev) {
            if let Ok(next) = self.expression() {
                let level = self.toks[self.pos.saturating_sub(1)].level;
                if level > 0 {
                    self.furthest.set(save_furthest.max(self.furthest.get()));
                    let e = self.error_range(
                        prev.loc,
                        next.loc,
                        "invalid syntax. Perhaps you forgot a comma?",
                    );
                    self.pos = save;
                    return e;
                }
            }
            self.pos = save;
            self.furthest.set(save_furthest);
        }
        self.invalid()
    }

    /// Whether `loc` starts at a token (it is not parenthesized).
    pub(crate) fn toks_start_at(&self, loc: Loc) -> bool {
        let p = Pos {
            line: loc.line,
            col: loc.col,
        };
        let i = self.toks.partition_point(|t| t.start < p);
        i < self.toks.len()
            && self.toks[i].start == p
            && !matches!(self.toks[i].kind, Tok::Op(Op::LPar))
    }

    /// Whether the expression at `loc` is enclosed in its own parentheses.
    pub(crate) fn is_parenthesized(&self, loc: Loc) -> bool {
        let p = Pos {
            line: loc.line,
            col: loc.col,
        };
        let i = self.toks.partition_point(|t| t.start < p);
        let e = Pos {
            line: loc.end_line,
            col: loc.end_col,
        };
        let j = self.toks.partition_point(|t| t.end < e);
        i > 0
            && j + 1 < self.toks.len()
            && matches!(self.toks[i - 1].kind, Tok::Op(Op::LPar))
            && matches!(self.toks[j + 1].kind, Tok::Op(Op::RPar))
    }

    /// An element of a display followed by something unexpected.
    pub(crate) fn bad_element(&mut self, prev: &Expr) -> SyntaxError {
        if let Some(e) = self.named_eq_error(prev) {
            return e;
        }
        self.invalid_in_brackets(prev)
    }

    /// CPython's invalid_named_expression: `e = value` where a named
    /// expression was expected (the cursor is at `=`).
    pub(crate) fn named_eq_error(&mut self, e: &Expr) -> Option<SyntaxError> {
        self.spec(None, |p| p.named_eq_error_inner(e))
    }

    fn named_eq_error_inner(&mut self, e: &Expr) -> Option<SyntaxError> {
        if !self.at_op(Op::Equal) {
            return None;
        }
        let save = self.pos;
        let f = self.furthest.get();
        self.bump();
        let mut res = None;
        if self.starts_expr(false) {
            if let Ok(v) = self.bitwise_or() {
                if !self.at_op(Op::Equal) && !self.at_op(Op::ColonEqual) {
                    if let ExprKind::Name { .. } = e.kind {
                        if self.toks_start_at(e.loc) {
                            res = Some(self.error_range(
                                e.loc,
                                v.loc,
                                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                            ));
                        }
                    }
                    if res.is_none() && self.suggest_eq_target(e) {
                        res = Some(self.error_at(
                            e.loc,
                            format!(
                                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                                errors::expr_name(e)
                            ),
                        ));
                    }
                }
            }
        }
        self.pos = save;
        if res.is_none() {
            self.furthest.set(f);
        }
        res
    }

    /// The target shapes for which CPython suggests `==` (a `bitwise_or`
    /// that is not a display, a generator or True/None/False).
    pub(crate) fn suggest_eq_target(&self, t: &Expr) -> bool {
        if self.is_parenthesized(t.loc) {
            return true;
        }
        !matches!(
            &t.kind,
            ExprKind::Tuple { .. }
                | ExprKind::List { .. }
                | ExprKind::GeneratorExp { .. }
                | ExprKind::Name { .. }
                | ExprKind::Constant {
                    value: Constant::Bool(_) | Constant::None
                }
                | ExprKind::Compare { .. }
                | ExprKind::BoolOp { .. }
                | ExprKind::IfExp { .. }
                | ExprKind::Lambda { .. }
                | ExprKind::NamedExpr { .. }
                | ExprKind::Starred { .. }
                | ExprKind::Yield { .. }
                | ExprKind::YieldFrom { .. }
                | ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    ..
                }
        )
    }

    pub(crate) fn prev_is_soft_kw_string(&self, prev: &Expr) -> bool {
        // `NAME STRING` (e.g. a string prefix typo) is excluded by CPython.
        if let ExprKind::Name { .. } = prev.kind {
            if let Tok::Str(_) = self.toks[self.pos].kind {
                return true;
            }
        }
        false
    }

    /// `e := ...` where `e` is not a name.
    pub(crate) fn walrus_error(&mut self, e: &Expr) -> SyntaxError {
        if self.speculative > 0 {
            let l = self.tok_loc(self.pos);
            return self.error_at(l, "invalid syntax");
        }
        self.speculative += 1;
        let r = self.walrus_error_inner(e);
        self.speculative -= 1;
        r
    }

    pub(crate) fn walrus_error_inner(&mut self, e: &Expr) -> SyntaxError {
        let save = self.pos;
        let f = self.furthest.get();
        self.bump();
        let ok = self.starts_expr(false) && self.expression().is_ok();
        self.pos = save;
        if ok {
            return self.error_at(
                e.loc,
                format!(
                    "cannot use assignment expressions with {}",
                    errors::expr_name(e)
                ),
            );
        }
        self.furthest.set(f.max(save));
        let l = self.tok_loc(save);
        self.error_at(l, "invalid syntax")
    }

    /// Set the context of a target expression, validating it.
    pub(crate) fn set_context(
        &self,
        e: &mut Expr,
        ctx: ExprContext,
        kind: TargetKind,
    ) -> PResult<()> {
        if let Some(bad) = invalid_target(e, kind) {
            let msg = match kind {
                TargetKind::Del => format!("cannot delete {}", expr_name(bad)),
                _ => format!("cannot assign to {}", expr_name(bad)),
            };
            return Err(self.error_at(bad.loc, msg));
        }
        set_ctx(e, ctx);
        Ok(())
    }
}

/// Set the context recursively (the target is known valid).
pub(crate) fn set_ctx(e: &mut Expr, new: ExprContext) {
    match &mut e.kind {
        ExprKind::Name { ctx, .. }
        | ExprKind::Attribute { ctx, .. }
        | ExprKind::Subscript { ctx, .. } => *ctx = new,
        ExprKind::Starred { ctx, value } => {
            *ctx = new;
            set_ctx(value, new);
        }
        ExprKind::List { ctx, elts } | ExprKind::Tuple { ctx, elts } => {
            *ctx = new;
            for x in elts {
                set_ctx(x, new);
            }
        }
        _ => {}
    }
}
