//! Expressions: precedence climbing for boolean, comparison and binary
//! operators; primaries, atoms, displays, comprehensions and slices.

use super::*;
use crate::ast::ExprContext::*;

const P_OR: u8 = 1;
const P_AND: u8 = 2;
const P_NOT: u8 = 3;
const P_CMP: u8 = 4;
const P_BOR: u8 = 5;

enum Trailer {
    Attr(Ident),
    Call(Vec<Expr>, Vec<Keyword>),
    Sub(Expr),
}

enum Infix {
    Or,
    And,
    Cmp,
    Bin(Operator),
}

fn infix_of(t: &Tok) -> Option<(u8, Infix)> {
    Some(match t {
        Tok::Kw(Kw::Or) => (P_OR, Infix::Or),
        Tok::Kw(Kw::And) => (P_AND, Infix::And),
        Tok::Kw(Kw::In) | Tok::Kw(Kw::Not) | Tok::Kw(Kw::Is) => (P_CMP, Infix::Cmp),
        Tok::Op(op) => match op {
            Op::EqEqual
            | Op::NotEqual
            | Op::Less
            | Op::LessEqual
            | Op::Greater
            | Op::GreaterEqual => (P_CMP, Infix::Cmp),
            Op::VBar => (5, Infix::Bin(Operator::BitOr)),
            Op::Circumflex => (6, Infix::Bin(Operator::BitXor)),
            Op::Amper => (7, Infix::Bin(Operator::BitAnd)),
            Op::LeftShift => (8, Infix::Bin(Operator::LShift)),
            Op::RightShift => (8, Infix::Bin(Operator::RShift)),
            Op::Plus => (9, Infix::Bin(Operator::Add)),
            Op::Minus => (9, Infix::Bin(Operator::Sub)),
            Op::Star => (10, Infix::Bin(Operator::Mult)),
            Op::Slash => (10, Infix::Bin(Operator::Div)),
            Op::DoubleSlash => (10, Infix::Bin(Operator::FloorDiv)),
            Op::Percent => (10, Infix::Bin(Operator::Mod)),
            Op::At => (10, Infix::Bin(Operator::MatMult)),
            _ => return None,
        },
        _ => return None,
    })
}

impl Parser {
    /// Whether the current token can begin an expression.
    pub(crate) fn starts_expr(&mut self, allow_star: bool) -> bool {
        match self.tok() {
            Tok::Name(_) | Tok::Number(_) | Tok::Str(_) => true,
            Tok::Kw(k) => matches!(
                k,
                Kw::Not | Kw::Lambda | Kw::Await | Kw::None | Kw::True | Kw::False
            ),
            Tok::Op(o) => match o {
                Op::LPar
                | Op::LSqb
                | Op::LBrace
                | Op::Minus
                | Op::Plus
                | Op::Tilde
                | Op::Ellipsis => true,
                Op::Star => allow_star,
                _ => false,
            },
            _ => false,
        }
    }

    /// `star_expressions`: an unparenthesized tuple of (starred) expressions.
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_expression()?;
        if !self.at_op(Op::Comma) {
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.starts_expr(true) {
                break;
            }
            elts.push(self.star_expression()?);
        }
        self.bare_tuple = true;
        Ok(mk(
            ExprKind::Tuple { elts, ctx: Load },
            self.loc_from(start),
        ))
    }

    pub(crate) fn star_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.bump();
            let v = self.bitwise_or()?;
            return Ok(mk(
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: Load,
                },
                self.loc_from(start),
            ));
        }
        self.expression()
    }

    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.bump();
            let v = self.bitwise_or()?;
            return Ok(mk(
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: Load,
                },
                self.loc_from(start),
            ));
        }
        self.named_expression()
    }

    /// `star_named_expressions` continuing after `first` up to a closing token.
    fn star_named_list(&mut self, first: Expr, close: Op) -> PResult<Vec<Expr>> {
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(close) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(elts)
    }

    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        if let Tok::Name(n) = self.tok() {
            if matches!(self.tok_at(1), Tok::Op(Op::ColonEqual)) {
                let n = n.clone();
                let start = self.start();
                let tloc = self.tok_loc(self.pos);
                self.pos += 2;
                let value = self.expression()?;
                let target = mk(ExprKind::Name { id: n, ctx: Store }, tloc);
                return Ok(mk(
                    ExprKind::NamedExpr {
                        target: Box::new(target),
                        value: Box::new(value),
                    },
                    self.loc_from(start),
                ));
            }
        }
        let e = self.expression()?;
        if self.at_op(Op::ColonEqual) {
            return Err(self.walrus_error(&e));
        }
        Ok(e)
    }

    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.expression_inner();
        self.leave();
        r
    }

    fn expression_inner(&mut self) -> PResult<Expr> {
        if self.at_kw(Kw::Lambda) {
            return self.lambdef();
        }
        let start = self.start();
        let body = self.expr_bp(P_OR)?;
        if !self.at_kw(Kw::If) {
            return Ok(body);
        }
        self.bump();
        let test = self.expr_bp(P_OR)?;
        if !self.eat_kw(Kw::Else) {
            if !self.at_op(Op::Colon) {
                return Err(self.error_range(
                    body.loc,
                    test.loc,
                    "expected 'else' after 'if' expression",
                ));
            }
            return Err(self.invalid());
        }
        let orelse = self.expression()?;
        Ok(mk(
            ExprKind::IfExp {
                test: Box::new(test),
                body: Box::new(body),
                orelse: Box::new(orelse),
            },
            self.loc_from(start),
        ))
    }

    pub(crate) fn disjunction(&mut self) -> PResult<Expr> {
        self.expr_bp(P_OR)
    }

    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.expr_bp(P_BOR)
    }

    fn cmp_op(&mut self) -> Option<(CmpOp, usize)> {
        Some(match self.tok() {
            Tok::Op(Op::EqEqual) => (CmpOp::Eq, 1),
            Tok::Op(Op::NotEqual) => (CmpOp::NotEq, 1),
            Tok::Op(Op::Less) => (CmpOp::Lt, 1),
            Tok::Op(Op::LessEqual) => (CmpOp::LtE, 1),
            Tok::Op(Op::Greater) => (CmpOp::Gt, 1),
            Tok::Op(Op::GreaterEqual) => (CmpOp::GtE, 1),
            Tok::Kw(Kw::In) => (CmpOp::In, 1),
            Tok::Kw(Kw::Not) => {
                if matches!(self.tok_at(1), Tok::Kw(Kw::In)) {
                    (CmpOp::NotIn, 2)
                } else {
                    return None;
                }
            }
            Tok::Kw(Kw::Is) => {
                if matches!(self.tok_at(1), Tok::Kw(Kw::Not)) {
                    (CmpOp::IsNot, 2)
                } else {
                    (CmpOp::Is, 1)
                }
            }
            _ => return None,
        })
    }

    /// Precedence climbing over `or`, `and`, `not`, comparisons and the
    /// binary operators down to `*`-level terms.
    pub(crate) fn expr_bp(&mut self, min: u8) -> PResult<Expr> {
        self.enter()?;
        let r = self.expr_bp_inner(min);
        self.leave();
        r
    }

    fn expr_bp_inner(&mut self, min: u8) -> PResult<Expr> {
        let start = self.start();
        let mut left = if self.at_kw(Kw::Not) && min <= P_NOT {
            self.bump();
            let operand = self.expr_bp(P_NOT)?;
            mk(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(operand),
                },
                self.loc_from(start),
            )
        } else {
            self.factor()?
        };
        let mut chain = 0;
        loop {
            chain += 1;
            if chain > MAX_CHAIN {
                return Err(self.too_complex());
            }
            let Some((prec, kind)) = infix_of(self.tok()) else {
                break;
            };
            if prec < min {
                break;
            }
            match kind {
                Infix::Or | Infix::And => {
                    let (kw, op) = if matches!(kind, Infix::Or) {
                        (Kw::Or, BoolOp::Or)
                    } else {
                        (Kw::And, BoolOp::And)
                    };
                    let mut values = vec![left];
                    while self.eat_kw(kw) {
                        values.push(self.expr_bp(prec + 1)?);
                    }
                    left = mk(ExprKind::BoolOp { op, values }, self.loc_from(start));
                }
                Infix::Cmp => {
                    let mut ops = Vec::new();
                    let mut comparators = Vec::new();
                    while let Some((op, n)) = self.cmp_op() {
                        self.pos += n;
                        ops.push(op);
                        comparators.push(self.expr_bp(P_CMP + 1)?);
                    }
                    if ops.is_empty() {
                        break;
                    }
                    left = mk(
                        ExprKind::Compare {
                            left: Box::new(left),
                            ops,
                            comparators,
                        },
                        self.loc_from(start),
                    );
                }
                Infix::Bin(op) => {
                    self.bump();
                    let right = self.expr_bp(prec + 1)?;
                    left = mk(
                        ExprKind::BinOp {
                            left: Box::new(left),
                            op,
                            right: Box::new(right),
                        },
                        self.loc_from(start),
                    );
                }
            }
        }
        Ok(left)
    }

    pub(crate) fn factor(&mut self) -> PResult<Expr> {
        let op = match self.tok() {
            Tok::Op(Op::Plus) => UnaryOp::UAdd,
            Tok::Op(Op::Minus) => UnaryOp::USub,
            Tok::Op(Op::Tilde) => UnaryOp::Invert,
            _ => return self.power(),
        };
        let start = self.start();
        self.enter()?;
        self.bump();
        let operand = self.factor();
        self.leave();
        let operand = operand?;
        Ok(mk(
            ExprKind::UnaryOp {
                op,
                operand: Box::new(operand),
            },
            self.loc_from(start),
        ))
    }

    fn power(&mut self) -> PResult<Expr> {
        let start = self.start();
        let base = if self.at_kw(Kw::Await) {
            self.bump();
            let v = self.primary()?;
            mk(ExprKind::Await { value: Box::new(v) }, self.loc_from(start))
        } else {
            self.primary()?
        };
        if self.eat_op(Op::DoubleStar) {
            self.enter()?;
            let right = self.factor();
            self.leave();
            let right = right?;
            return Ok(mk(
                ExprKind::BinOp {
                    left: Box::new(base),
                    op: Operator::Pow,
                    right: Box::new(right),
                },
                self.loc_from(start),
            ));
        }
        Ok(base)
    }

    pub(crate) fn primary(&mut self) -> PResult<Expr> {
        let start = self.start();
        let mut e = self.atom()?;
        let mut chain = 0;
        loop {
            chain += 1;
            if chain > MAX_CHAIN {
                return Err(self.too_complex());
            }
            let save = self.pos;
            let r = match self.tok() {
                Tok::Op(Op::Dot) => {
                    self.bump();
                    self.name().map(Trailer::Attr)
                }
                Tok::Op(Op::LPar) => {
                    let lpar = self.pos;
                    self.bump();
                    self.call_args(lpar).map(|(a, k)| Trailer::Call(a, k))
                }
                Tok::Op(Op::LSqb) => {
                    self.bump();
                    self.slices().and_then(|slice| {
                        if self.eat_op(Op::RSqb) {
                            Ok(Trailer::Sub(slice))
                        } else if let Some(err) = self.named_eq_error(&slice) {
                            Err(err)
                        } else {
                            Err(self.invalid())
                        }
                    })
                }
                _ => break,
            };
            let kind = match r {
                Ok(Trailer::Attr(attr)) => ExprKind::Attribute {
                    value: Box::new(e),
                    attr,
                    ctx: Load,
                },
                Ok(Trailer::Call(args, keywords)) => ExprKind::Call {
                    func: Box::new(e),
                    args,
                    keywords,
                },
                Ok(Trailer::Sub(slice)) => ExprKind::Subscript {
                    value: Box::new(e),
                    slice: Box::new(slice),
                    ctx: Load,
                },
                Err(err) => {
                    // Like a PEG parser, a failed trailer leaves the
                    // primary as it was; only specific errors propagate.
                    if err.msg != "invalid syntax" {
                        return Err(err);
                    }
                    self.pos = save;
                    break;
                }
            };
            e = mk(kind, self.loc_from(start));
        }
        Ok(e)
    }

    fn atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        let kind = match self.tok() {
            Tok::Name(n) => ExprKind::Name {
                id: n.clone(),
                ctx: Load,
            },
            Tok::Number(c) => ExprKind::Constant { value: c.clone() },
            Tok::Kw(Kw::True) => ExprKind::Constant {
                value: Constant::Bool(true),
            },
            Tok::Kw(Kw::False) => ExprKind::Constant {
                value: Constant::Bool(false),
            },
            Tok::Kw(Kw::None) => ExprKind::Constant {
                value: Constant::None,
            },
            Tok::Op(Op::Ellipsis) => ExprKind::Constant {
                value: Constant::Ellipsis,
            },
            Tok::Str(_) => return self.strings(),
            Tok::Op(Op::LPar) => return self.paren_atom(),
            Tok::Op(Op::LSqb) => return self.list_atom(),
            Tok::Op(Op::LBrace) => return self.brace_atom(),
            _ => return Err(self.invalid()),
        };
        self.bump();
        Ok(mk(kind, self.loc_from(start)))
    }

    pub(crate) fn at_comp_for(&mut self) -> bool {
        match self.tok() {
            Tok::Kw(Kw::For) => true,
            Tok::Kw(Kw::Async) => matches!(self.tok_at(1), Tok::Kw(Kw::For)),
            _ => false,
        }
    }

    fn paren_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op(Op::RPar) {
            return Ok(mk(
                ExprKind::Tuple {
                    elts: Vec::new(),
                    ctx: Load,
                },
                self.loc_from(start),
            ));
        }
        if self.at_kw(Kw::Yield) {
            let y = self.yield_expr()?;
            self.expect_op(Op::RPar)?;
            return Ok(y);
        }
        let first = self.star_named_expression()?;
        if self.at_comp_for() {
            self.check_comp_elt(&first)?;
            let generators = self.comp_for()?;
            self.expect_op(Op::RPar)?;
            return Ok(mk(
                ExprKind::GeneratorExp {
                    elt: Box::new(first),
                    generators,
                },
                self.loc_from(start),
            ));
        }
        if self.eat_op(Op::RPar) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(self.error_at(first.loc, "cannot use starred expression here"));
            }
            return Ok(first);
        }
        if !self.at_op(Op::Comma) {
            return Err(self.bad_element(&first));
        }
        let elts = self.star_named_list(first, Op::RPar)?;
        if !self.eat_op(Op::RPar) {
            let last = elts.last().unwrap().clone();
            return Err(self.bad_element(&last));
        }
        Ok(mk(
            ExprKind::Tuple { elts, ctx: Load },
            self.loc_from(start),
        ))
    }

    fn list_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op(Op::RSqb) {
            return Ok(mk(
                ExprKind::List {
                    elts: Vec::new(),
                    ctx: Load,
                },
                self.loc_from(start),
            ));
        }
        let first = self.star_named_expression()?;
        if self.at_comp_for() {
            self.check_comp_elt(&first)?;
            let generators = self.comp_for()?;
            self.expect_op(Op::RSqb)?;
            return Ok(mk(
                ExprKind::ListComp {
                    elt: Box::new(first),
                    generators,
                },
                self.loc_from(start),
            ));
        }
        let elts = self.star_named_list(first, Op::RSqb)?;
        if !self.eat_op(Op::RSqb) {
            let last = elts.last().unwrap().clone();
            return Err(self.bad_element(&last));
        }
        Ok(mk(ExprKind::List { elts, ctx: Load }, self.loc_from(start)))
    }

    fn brace_atom(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.bump();
        if self.eat_op(Op::RBrace) {
            return Ok(mk(
                ExprKind::Dict {
                    keys: Vec::new(),
                    values: Vec::new(),
                },
                self.loc_from(start),
            ));
        }
        if self.at_op(Op::DoubleStar) {
            let dstar = self.tok_loc(self.pos);
            self.bump();
            let v = self.bitwise_or()?;
            if self.at_comp_for() {
                return Err(
                    self.error_at(dstar, "dict unpacking cannot be used in dict comprehension")
                );
            }
            return self.dict_rest(start, vec![None], vec![v]);
        }
        let first = self.star_named_expression()?;
        if self.eat_op(Op::Colon) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(self.invalid());
            }
            let value = self.dict_value()?;
            if self.at_comp_for() {
                let generators = self.comp_for()?;
                self.expect_op(Op::RBrace)?;
                return Ok(mk(
                    ExprKind::DictComp {
                        key: Box::new(first),
                        value: Box::new(value),
                        generators,
                    },
                    self.loc_from(start),
                ));
            }
            return self.dict_rest(start, vec![Some(first)], vec![value]);
        }
        if self.at_comp_for() {
            self.check_comp_elt(&first)?;
            let generators = self.comp_for()?;
            self.expect_op(Op::RBrace)?;
            return Ok(mk(
                ExprKind::SetComp {
                    elt: Box::new(first),
                    generators,
                },
                self.loc_from(start),
            ));
        }
        let elts = self.star_named_list(first, Op::RBrace)?;
        if !self.eat_op(Op::RBrace) {
            let last = elts.last().unwrap().clone();
            return Err(self.bad_element(&last));
        }
        Ok(mk(ExprKind::Set { elts }, self.loc_from(start)))
    }

    /// Dict items after the first (if any); the cursor is at `,`, `}` or `**`.
    fn dict_rest(
        &mut self,
        start: Pos,
        mut keys: Vec<Option<Expr>>,
        mut values: Vec<Expr>,
    ) -> PResult<Expr> {
        let mut first = false;
        loop {
            if !first {
                if !self.eat_op(Op::Comma) {
                    break;
                }
                if self.at_op(Op::RBrace) {
                    break;
                }
            }
            first = false;
            if self.eat_op(Op::DoubleStar) {
                let v = self.bitwise_or()?;
                keys.push(None);
                values.push(v);
            } else {
                let k = self.expression()?;
                if !self.eat_op(Op::Colon) {
                    let l = k.loc;
                    return Err(lexer::err(
                        "SyntaxError",
                        "':' expected after dictionary key",
                        l.end_line,
                        l.end_col,
                        l.end_line,
                        0,
                    ));
                }
                let v = self.dict_value()?;
                keys.push(Some(k));
                values.push(v);
            }
        }
        if !self.eat_op(Op::RBrace) {
            if let Some(v) = values.last() {
                let v = v.clone();
                return Err(self.invalid_in_brackets(&v));
            }
            return Err(self.invalid());
        }
        Ok(mk(ExprKind::Dict { keys, values }, self.loc_from(start)))
    }

    fn dict_value(&mut self) -> PResult<Expr> {
        if self.at_op(Op::RBrace) || self.at_op(Op::Comma) {
            let colon = self.tok_loc(self.pos - 1);
            return Err(self.error_at(colon, "expression expected after dictionary key and ':'"));
        }
        if self.at_op(Op::Star) {
            let start = self.start();
            self.bump();
            let _ = self.bitwise_or();
            let loc = self.loc_from(start);
            return Err(self.error_at(loc, "cannot use a starred expression in a dictionary value"));
        }
        self.expression()
    }

    fn check_comp_elt(&mut self, elt: &Expr) -> PResult<()> {
        if let ExprKind::Starred { .. } = elt.kind {
            return Err(self.error_at(
                elt.loc,
                "iterable unpacking cannot be used in comprehension",
            ));
        }
        Ok(())
    }

    /// One or more `[async] for target in iter [if cond]*` clauses.
    pub(crate) fn comp_for(&mut self) -> PResult<Vec<Comprehension>> {
        let mut gens = Vec::new();
        while self.at_comp_for() {
            let is_async = self.eat_kw(Kw::Async);
            self.expect_kw(Kw::For)?;
            let target = self.target_list(errors::TargetKind::For)?;
            if !self.eat_kw(Kw::In) {
                let last = match &target.kind {
                    ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                        elts[elts.len() - 1].clone()
                    }
                    _ => target.clone(),
                };
                return Err(self.invalid_in_brackets(&last));
            }
            let iter = self.disjunction()?;
            let mut ifs = Vec::new();
            while self.eat_kw(Kw::If) {
                ifs.push(self.disjunction()?);
            }
            gens.push(Comprehension {
                target,
                iter,
                ifs,
                is_async,
            });
        }
        Ok(gens)
    }

    /// `star_targets` as in `for` loops and comprehensions: parsed at
    /// `bitwise_or` level so that `in` ends it, then set to Store.
    pub(crate) fn target_list(&mut self, kind: errors::TargetKind) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_target_expr()?;
        let mut e = if self.at_op(Op::Comma) {
            let mut elts = vec![first];
            while self.eat_op(Op::Comma) {
                if !self.starts_expr(true) {
                    break;
                }
                elts.push(self.star_target_expr()?);
            }
            mk(ExprKind::Tuple { elts, ctx: Load }, self.loc_from(start))
        } else {
            first
        };
        self.set_context(&mut e, Store, kind)?;
        Ok(e)
    }

    fn star_target_expr(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.bump();
            self.enter()?;
            let v = self.star_target_expr();
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

    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.expect_kw(Kw::Yield)?;
        if self.eat_kw(Kw::From) {
            let v = self.expression()?;
            return Ok(mk(
                ExprKind::YieldFrom { value: Box::new(v) },
                self.loc_from(start),
            ));
        }
        let value = if self.starts_expr(true) {
            Some(Box::new(self.star_expressions()?))
        } else {
            None
        };
        Ok(mk(ExprKind::Yield { value }, self.loc_from(start)))
    }

    /// Subscript contents: a slice, an expression, or a tuple of them.
    fn slices(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.slice_item()?;
        if !self.at_op(Op::Comma) {
            if let ExprKind::Starred { .. } = first.kind {
                return Ok(mk(
                    ExprKind::Tuple {
                        elts: vec![first],
                        ctx: Load,
                    },
                    self.loc_from(start),
                ));
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_op(Op::RSqb) {
                break;
            }
            elts.push(self.slice_item()?);
        }
        Ok(mk(
            ExprKind::Tuple { elts, ctx: Load },
            self.loc_from(start),
        ))
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.bump();
            let v = self.expression()?;
            return Ok(mk(
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: Load,
                },
                self.loc_from(start),
            ));
        }
        let start = self.start();
        let lower = if self.at_op(Op::Colon) {
            None
        } else {
            let e = self.named_expression()?;
            if !self.at_op(Op::Colon) {
                return Ok(e);
            }
            Some(Box::new(e))
        };
        self.expect_op(Op::Colon)?;
        let ends = |p: &mut Parser| p.at_op(Op::Colon) || p.at_op(Op::Comma) || p.at_op(Op::RSqb);
        let upper = if ends(self) {
            None
        } else {
            Some(Box::new(self.expression()?))
        };
        let step = if self.eat_op(Op::Colon) {
            if self.at_op(Op::Comma) || self.at_op(Op::RSqb) {
                None
            } else {
                Some(Box::new(self.expression()?))
            }
        } else {
            None
        };
        Ok(mk(
            ExprKind::Slice { lower, upper, step },
            self.loc_from(start),
        ))
    }
}
