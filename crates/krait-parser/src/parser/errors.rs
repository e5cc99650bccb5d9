//! Assignment/deletion target validation and CPython's names for
//! expression kinds in error messages.

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
    /// Set the context of a target expression, validating it.
    pub(crate) fn set_context(&self, e: &mut Expr, ctx: ExprContext, kind: TargetKind) -> PResult<()> {
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
        ExprKind::Name { ctx, .. } | ExprKind::Attribute { ctx, .. } | ExprKind::Subscript { ctx, .. } => *ctx = new,
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
