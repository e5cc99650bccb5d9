//! `match` statements and patterns.

use super::*;
use crate::ast::ExprContext::*;

fn mkp(kind: PatternKind, loc: Loc) -> Pattern {
    Pattern { kind, loc }
}

impl Parser {
    /// `match` (a soft keyword) at the current token. Returns None when
    /// this is not a match statement (nothing consumed).
    pub(crate) fn match_stmt(&mut self) -> PResult<Option<Stmt>> {
        let save = self.pos;
        let start = self.start();
        self.bump();
        let subject = match self.subject_expr() {
            Ok(s) => s,
            Err(_) => {
                self.pos = save;
                return Ok(None);
            }
        };
        if !self.at_op(Op::Colon) {
            if matches!(self.tok(), Tok::Newline) {
                // `match x` without a colon: an error unless the line is a
                // valid simple statement.
                let nl = self.tok_loc(self.pos);
                self.pos = save;
                let mut scratch = Vec::new();
                let furthest = self.furthest.get();
                if self.simple_stmts(&mut scratch).is_ok() {
                    self.pos = save;
                    self.furthest.set(furthest);
                    return Ok(None);
                }
                return Err(self.error_at(nl, "expected ':'"));
            }
            self.pos = save;
            return Ok(None);
        }
        self.bump();
        if !matches!(self.tok(), Tok::Newline) {
            self.pos = save;
            return Ok(None);
        }
        self.bump();
        if !matches!(self.tok(), Tok::Indent) {
            return Err(self.error_last(
                "IndentationError",
                format!(
                    "expected an indented block after 'match' statement on line {}",
                    start.line
                ),
            ));
        }
        self.bump();
        let mut cases = Vec::new();
        loop {
            match self.tok() {
                Tok::Dedent => {
                    self.bump();
                    break;
                }
                Tok::EndMarker => break,
                Tok::Name(n) if n == "case" => cases.push(self.case_block()?),
                _ => return Err(self.invalid()),
            }
        }
        if cases.is_empty() {
            return Err(self.invalid());
        }
        Ok(Some(mks(
            StmtKind::Match { subject, cases },
            self.loc_from(start),
        )))
    }

    fn subject_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        let first = self.star_named_expression()?;
        if !self.at_op(Op::Comma) {
            if let ExprKind::Starred { .. } = first.kind {
                return Err(self.invalid());
            }
            return Ok(first);
        }
        let mut elts = vec![first];
        while self.eat_op(Op::Comma) {
            if !self.starts_expr(true) {
                break;
            }
            elts.push(self.star_named_expression()?);
        }
        Ok(mk(
            ExprKind::Tuple { elts, ctx: Load },
            self.loc_from(start),
        ))
    }

    fn case_block(&mut self) -> PResult<MatchCase> {
        let line = self.start().line;
        self.bump();
        let pattern = self.patterns()?;
        let guard = if self.eat_kw(Kw::If) {
            Some(self.named_expression()?)
        } else {
            None
        };
        self.colon_nl()?;
        let body = self.block("'case' statement", line)?;
        Ok(MatchCase {
            pattern,
            guard,
            body,
        })
    }

    fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.maybe_star_pattern()?;
        if !self.at_op(Op::Comma) {
            if let PatternKind::MatchStar { .. } = first.kind {
                return Err(self.invalid());
            }
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat_op(Op::Comma) {
            if self.at_kw(Kw::If) || self.at_op(Op::Colon) {
                break;
            }
            patterns.push(self.maybe_star_pattern()?);
        }
        Ok(mkp(
            PatternKind::MatchSequence { patterns },
            self.loc_from(start),
        ))
    }

    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        if self.at_op(Op::Star) {
            let start = self.start();
            self.bump();
            let n = self.name()?;
            let name = if n == "_" { None } else { Some(n) };
            return Ok(mkp(PatternKind::MatchStar { name }, self.loc_from(start)));
        }
        self.pattern()
    }

    fn pattern(&mut self) -> PResult<Pattern> {
        self.enter()?;
        let r = self.pattern_inner();
        self.leave();
        r
    }

    fn pattern_inner(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let p = self.or_pattern()?;
        if self.eat_kw(Kw::As) {
            let tloc = self.tok_loc(self.pos);
            if !self.at_name() && self.starts_expr(false) {
                let e = self.expression()?;
                return Err(self.error_at(e.loc, "invalid pattern target"));
            }
            let n = self.name()?;
            if n == "_" {
                return Err(self.error_at(tloc, "cannot use '_' as a target"));
            }
            if matches!(
                self.tok(),
                Tok::Op(Op::Dot) | Tok::Op(Op::LPar) | Tok::Op(Op::Equal)
            ) {
                return Err(self.invalid());
            }
            return Ok(mkp(
                PatternKind::MatchAs {
                    pattern: Some(Box::new(p)),
                    name: Some(n),
                },
                self.loc_from(start),
            ));
        }
        Ok(p)
    }

    fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        let first = self.closed_pattern()?;
        if !self.at_op(Op::VBar) {
            return Ok(first);
        }
        let mut patterns = vec![first];
        while self.eat_op(Op::VBar) {
            patterns.push(self.closed_pattern()?);
        }
        Ok(mkp(PatternKind::MatchOr { patterns }, self.loc_from(start)))
    }

    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        match self.tok() {
            Tok::Number(_) | Tok::Op(Op::Minus) | Tok::Str(_) => {
                let value = self.literal_expr()?;
                Ok(mkp(PatternKind::MatchValue { value }, self.loc_from(start)))
            }
            Tok::Kw(k @ (Kw::None | Kw::True | Kw::False)) => {
                let value = match k {
                    Kw::None => Constant::None,
                    Kw::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                self.bump();
                Ok(mkp(
                    PatternKind::MatchSingleton { value },
                    self.loc_from(start),
                ))
            }
            Tok::Name(_) => {
                let name_loc = self.tok_loc(self.pos);
                let n = self.name()?;
                if !self.at_op(Op::Dot) && !self.at_op(Op::LPar) {
                    if n == "_" {
                        return Ok(mkp(
                            PatternKind::MatchAs {
                                pattern: None,
                                name: None,
                            },
                            name_loc,
                        ));
                    }
                    return Ok(mkp(
                        PatternKind::MatchAs {
                            pattern: None,
                            name: Some(n),
                        },
                        name_loc,
                    ));
                }
                let mut e = mk(ExprKind::Name { id: n, ctx: Load }, name_loc);
                while self.eat_op(Op::Dot) {
                    let attr = self.name()?;
                    e = mk(
                        ExprKind::Attribute {
                            value: Box::new(e),
                            attr,
                            ctx: Load,
                        },
                        self.loc_from(start),
                    );
                }
                if self.at_op(Op::LPar) {
                    return self.class_pattern(start, e);
                }
                Ok(mkp(
                    PatternKind::MatchValue { value: e },
                    self.loc_from(start),
                ))
            }
            Tok::Op(Op::LPar) => {
                self.bump();
                if self.eat_op(Op::RPar) {
                    return Ok(mkp(
                        PatternKind::MatchSequence {
                            patterns: Vec::new(),
                        },
                        self.loc_from(start),
                    ));
                }
                let first = self.maybe_star_pattern()?;
                if self.at_op(Op::RPar) {
                    if let PatternKind::MatchStar { .. } = first.kind {
                        // `(*a)` is neither a group nor a sequence.
                        return Err(self.invalid());
                    }
                    self.bump();
                    return Ok(first);
                }
                let mut patterns = vec![first];
                while self.eat_op(Op::Comma) {
                    if self.at_op(Op::RPar) {
                        break;
                    }
                    patterns.push(self.maybe_star_pattern()?);
                }
                self.expect_op(Op::RPar)?;
                Ok(mkp(
                    PatternKind::MatchSequence { patterns },
                    self.loc_from(start),
                ))
            }
            Tok::Op(Op::LSqb) => {
                self.bump();
                let mut patterns = Vec::new();
                while !self.at_op(Op::RSqb) {
                    patterns.push(self.maybe_star_pattern()?);
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                self.expect_op(Op::RSqb)?;
                Ok(mkp(
                    PatternKind::MatchSequence { patterns },
                    self.loc_from(start),
                ))
            }
            Tok::Op(Op::LBrace) => self.mapping_pattern(),
            _ => Err(self.invalid()),
        }
    }

    /// Number, signed number, complex literal, or string(s).
    fn literal_expr(&mut self) -> PResult<Expr> {
        let start = self.start();
        if let Tok::Str(_) = self.tok() {
            // f-strings are rejected by the compiler, not the parser.
            let e = self.strings()?;
            return Ok(e);
        }
        let real = self.signed_number()?;
        if self.at_op(Op::Plus) || self.at_op(Op::Minus) {
            if matches!(
                &real.kind,
                ExprKind::Constant {
                    value: Constant::Complex { .. }
                }
            ) || matches!(&real.kind, ExprKind::UnaryOp { operand, .. } if matches!(operand.kind, ExprKind::Constant { value: Constant::Complex { .. } }))
            {
                let l = match &real.kind {
                    ExprKind::UnaryOp { operand, .. } => operand.loc,
                    _ => real.loc,
                };
                return Err(self.error_at(l, "real number required in complex literal"));
            }
            let op = if self.at_op(Op::Plus) {
                Operator::Add
            } else {
                Operator::Sub
            };
            self.bump();
            let nstart = self.start();
            let imag = match self.tok() {
                Tok::Number(c) => c.clone(),
                _ => return Err(self.invalid()),
            };
            self.bump();
            let imag_loc = self.loc_from(nstart);
            if !matches!(imag, Constant::Complex { .. }) {
                return Err(self.error_at(imag_loc, "imaginary number required in complex literal"));
            }
            if matches!(
                &real.kind,
                ExprKind::Constant {
                    value: Constant::Complex { .. }
                }
            ) || matches!(&real.kind, ExprKind::UnaryOp { operand, .. } if matches!(operand.kind, ExprKind::Constant { value: Constant::Complex { .. } }))
            {
                return Err(self.error_at(real.loc, "real number required in complex literal"));
            }
            let right = mk(ExprKind::Constant { value: imag }, imag_loc);
            return Ok(mk(
                ExprKind::BinOp {
                    left: Box::new(real),
                    op,
                    right: Box::new(right),
                },
                self.loc_from(start),
            ));
        }
        Ok(real)
    }

    fn signed_number(&mut self) -> PResult<Expr> {
        let start = self.start();
        let neg = self.eat_op(Op::Minus);
        let nstart = self.start();
        let c = match self.tok() {
            Tok::Number(c) => c.clone(),
            _ => return Err(self.invalid()),
        };
        self.bump();
        let num = mk(ExprKind::Constant { value: c }, self.loc_from(nstart));
        if neg {
            return Ok(mk(
                ExprKind::UnaryOp {
                    op: UnaryOp::USub,
                    operand: Box::new(num),
                },
                self.loc_from(start),
            ));
        }
        Ok(num)
    }

    fn class_pattern(&mut self, start: Pos, cls: Expr) -> PResult<Pattern> {
        self.bump(); // (
        let mut patterns = Vec::new();
        let mut kwd_attrs = Vec::new();
        let mut kwd_patterns = Vec::new();
        while !self.at_op(Op::RPar) {
            if let Tok::Name(n) = self.tok() {
                if matches!(self.tok_at(1), Tok::Op(Op::Equal)) {
                    let n = n.clone();
                    self.pos += 2;
                    kwd_attrs.push(n);
                    kwd_patterns.push(self.pattern()?);
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                    continue;
                }
            }
            let p = self.pattern()?;
            if !kwd_attrs.is_empty() {
                return Err(self.error_at(p.loc, "positional patterns follow keyword patterns"));
            }
            patterns.push(p);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RPar)?;
        Ok(mkp(
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            self.loc_from(start),
        ))
    }

    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.start();
        self.bump(); // {
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut rest = None;
        while !self.at_op(Op::RBrace) {
            if self.eat_op(Op::DoubleStar) {
                if self.at_soft_name("_") {
                    return Err(self.invalid());
                }
                rest = Some(self.name()?);
                self.eat_op(Op::Comma);
                break;
            }
            let key = match self.tok() {
                Tok::Kw(k @ (Kw::None | Kw::True | Kw::False)) => {
                    let value = match k {
                        Kw::None => Constant::None,
                        Kw::True => Constant::Bool(true),
                        _ => Constant::Bool(false),
                    };
                    let l = self.tok_loc(self.pos);
                    self.bump();
                    mk(ExprKind::Constant { value }, l)
                }
                Tok::Name(_) => {
                    let kstart = self.start();
                    let l = self.tok_loc(self.pos);
                    let n = self.name()?;
                    let mut e = mk(ExprKind::Name { id: n, ctx: Load }, l);
                    if !self.at_op(Op::Dot) {
                        return Err(self.invalid());
                    }
                    while self.eat_op(Op::Dot) {
                        let attr = self.name()?;
                        e = mk(
                            ExprKind::Attribute {
                                value: Box::new(e),
                                attr,
                                ctx: Load,
                            },
                            self.loc_from(kstart),
                        );
                    }
                    e
                }
                _ => self.literal_expr()?,
            };
            self.expect_op(Op::Colon)?;
            keys.push(key);
            patterns.push(self.pattern()?);
            if !self.eat_op(Op::Comma) {
                break;
            }
        }
        self.expect_op(Op::RBrace)?;
        Ok(mkp(
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            },
            self.loc_from(start),
        ))
    }
}
