//! Call arguments, function and lambda parameters.

use super::*;
use crate::ast::ExprContext::*;

impl Parser {
    /// Arguments of a call; the cursor is after `(` (token index `lpar`).
    /// Consumes the closing `)`.
    pub(crate) fn call_args(&mut self, lpar: usize) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        self.call_args_ex(lpar, true)
    }

    /// `allow_genexp`: a lone generator expression argument (not allowed in
    /// a class definition's bases).
    pub(crate) fn call_args_ex(
        &mut self,
        lpar: usize,
        allow_genexp: bool,
    ) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let mut args: Vec<Expr> = Vec::new();
        let mut keywords: Vec<Keyword> = Vec::new();
        let mut seen_kw = false; // a `name=value`
        let mut seen_dstar = false; // a `**value`
        let mut first = true;
        loop {
            if self.eat_op(Op::RPar) {
                break;
            }
            if !first && !self.eat_op(Op::Comma) {
                // Adjacent expressions inside brackets.
                if let Some(last) = self.last_arg_expr(&args, &keywords) {
                    return Err(self.invalid_in_brackets(&last));
                }
                return Err(self.invalid());
            }
            if !first && self.eat_op(Op::RPar) {
                break;
            }
            first = false;
            let start = self.start();
            match self.tok() {
                Tok::Op(Op::Star) => {
                    let star_loc = self.tok_loc(self.pos);
                    self.bump();
                    let v = self.expression()?;
                    if seen_dstar {
                        return Err(self.error_at(
                            star_loc,
                            "iterable argument unpacking follows keyword argument unpacking",
                        ));
                    }
                    args.push(mk(
                        ExprKind::Starred {
                            value: Box::new(v),
                            ctx: Load,
                        },
                        self.loc_from(start),
                    ));
                }
                Tok::Op(Op::DoubleStar) => {
                    self.bump();
                    let v = self.expression()?;
                    seen_dstar = true;
                    keywords.push(Keyword {
                        arg: None,
                        value: v,
                        loc: self.loc_from(start),
                    });
                }
                Tok::Kw(Kw::True | Kw::False | Kw::None)
                    if matches!(self.tok_at(1), Tok::Op(Op::Equal)) =>
                {
                    let a = self.tok_loc(self.pos);
                    let b = self.tok_loc(self.pos + 1);
                    let name = match self.tok() {
                        Tok::Kw(k) => k.text(),
                        _ => "",
                    };
                    return Err(self.error_range(a, b, format!("cannot assign to {}", name)));
                }
                Tok::Name(n) if matches!(self.tok_at(1), Tok::Op(Op::Equal)) => {
                    let n = n.clone();
                    self.pos += 2;
                    let v = self.expression()?;
                    seen_kw = true;
                    keywords.push(Keyword {
                        arg: Some(n),
                        value: v,
                        loc: self.loc_from(start),
                    });
                }
                _ => {
                    let e = if matches!(self.tok(), Tok::Name(_))
                        && matches!(self.tok_at(1), Tok::Op(Op::ColonEqual))
                    {
                        self.named_expression()?
                    } else {
                        let e = self.expression()?;
                        if self.at_op(Op::ColonEqual) {
                            // Call arguments are not named expressions.
                            let l = self.tok_loc(self.pos);
                            return Err(self.error_at(l, "invalid syntax"));
                        }
                        e
                    };
                    if self.at_op(Op::Equal) {
                        // `f(a.b=1)`, `f(1=2)`
                        let eq = self.pos;
                        self.bump();
                        if self.starts_expr(false) {
                            let _ = self.expression();
                            let loc = Loc {
                                line: e.loc.line,
                                col: e.loc.col,
                                end_line: self.toks[eq].end.line,
                                end_col: self.toks[eq].end.col,
                            };
                            return Err(self.error_at(
                                loc,
                                "expression cannot contain assignment, perhaps you meant \"==\"?",
                            ));
                        }
                        return Err(self.invalid());
                    }
                    if self.at_comp_for() {
                        if !allow_genexp {
                            let l = self.tok_loc(self.pos);
                            return Err(self.error_at(l, "invalid syntax"));
                        }
                        let generators = self.comp_for()?;
                        let gen_loc = self.loc_from(start);
                        let first_arg = args.is_empty() && keywords.is_empty();
                        if first_arg && !self.at_op(Op::RPar) && !self.at_op(Op::Comma) {
                            return Err(self.invalid());
                        }
                        // A lone generator argument takes the call's parentheses.
                        if first_arg && self.at_op(Op::RPar) {
                            let l = self.tok_loc(lpar);
                            let r = self.tok_loc(self.pos);
                            let loc = Loc {
                                line: l.line,
                                col: l.col,
                                end_line: r.end_line,
                                end_col: r.end_col,
                            };
                            self.bump();
                            args.push(mk(
                                ExprKind::GeneratorExp {
                                    elt: Box::new(e),
                                    generators,
                                },
                                loc,
                            ));
                            break;
                        }
                        return Err(
                            self.error_at(gen_loc, "Generator expression must be parenthesized")
                        );
                    }
                    if seen_kw || seen_dstar {
                        let msg = if seen_kw {
                            "positional argument follows keyword argument"
                        } else {
                            "positional argument follows keyword argument unpacking"
                        };
                        // CPython reports at the token after the arguments.
                        while self.speculative == 0 && self.eat_op(Op::Comma) {
                            if self.at_op(Op::DoubleStar) || self.at_op(Op::Star) {
                                self.bump();
                            } else if matches!(self.tok(), Tok::Name(_))
                                && matches!(self.tok_at(1), Tok::Op(Op::Equal))
                            {
                                self.pos += 2;
                            }
                            if self.expression().is_err() {
                                break;
                            }
                        }
                        let _ = self.tok();
                        return Err(self.error_last("SyntaxError", msg));
                    }
                    args.push(e);
                }
            }
        }
        // A generator argument among others must be parenthesized.
        Ok((args, keywords))
    }

    fn last_arg_expr(&self, args: &[Expr], keywords: &[Keyword]) -> Option<Expr> {
        let a = args.last().map(|a| match &a.kind {
            ExprKind::Starred { value, .. } => &**value,
            _ => a,
        });
        let k = keywords.last().map(|k| &k.value);
        match (a, k) {
            (Some(a), Some(k)) => Some(
                if (a.loc.end_line, a.loc.end_col) > (k.loc.end_line, k.loc.end_col) {
                    a.clone()
                } else {
                    k.clone()
                },
            ),
            (Some(a), None) => Some(a.clone()),
            (None, Some(k)) => Some(k.clone()),
            _ => None,
        }
    }

    pub(crate) fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.start();
        self.expect_kw(Kw::Lambda)?;
        let args = self.parameters(false, Op::Colon)?;
        self.expect_op(Op::Colon)?;
        let body = self.expression()?;
        Ok(mk(
            ExprKind::Lambda {
                args: Box::new(args),
                body: Box::new(body),
            },
            self.loc_from(start),
        ))
    }

    /// Parameters of a `def` (`annotations` true, closed by `)`) or a
    /// lambda (closed by `:`). The closing token is not consumed.
    pub(crate) fn parameters(&mut self, annotations: bool, close: Op) -> PResult<Arguments> {
        let mut a = Arguments::default();
        let mut seen_slash = false;
        let mut seen_star = false; // `*` or `*args`
        let mut bare_star: Option<Loc> = None;
        let mut seen_default = false;
        let mut first = true;
        let mut last_default: Option<Expr> = None;
        loop {
            if self.at_op(close) {
                break;
            }
            if !first {
                if !self.eat_op(Op::Comma) {
                    if let Some(d) = last_default.take() {
                        return Err(self.invalid_in_brackets(&d));
                    }
                    return Err(self.invalid());
                }
                if self.at_op(close) {
                    break;
                }
            }
            first = false;
            last_default = None;
            if annotations && self.at_op(Op::LPar) {
                // `def f((a, b)):`
                let lpar = self.tok_loc(self.pos);
                let save = self.pos;
                self.bump();
                let mut n = 0;
                while self.at_name() {
                    self.bump();
                    n += 1;
                    if !self.eat_op(Op::Comma) {
                        break;
                    }
                }
                if n > 0 && self.at_op(Op::RPar) {
                    let rpar = self.tok_loc(self.pos);
                    return Err(self.error_range(
                        lpar,
                        rpar,
                        "Function parameters cannot be parenthesized",
                    ));
                }
                self.pos = save;
                self.furthest.set(save);
                return Err(self.error_at(lpar, "invalid syntax"));
            }
            if a.kwarg.is_some() {
                // Something after **kwargs.
                let t = self.tok_loc(self.pos);
                if self.starts_param() {
                    return Err(self.error_at(t, "arguments cannot follow var-keyword argument"));
                }
                return Err(self.invalid());
            }
            match self.tok() {
                Tok::Op(Op::Slash) => {
                    let loc = self.tok_loc(self.pos);
                    if seen_slash {
                        return Err(self.error_at(loc, "/ may appear only once"));
                    }
                    if seen_star {
                        return Err(self.error_at(loc, "/ must be ahead of *"));
                    }
                    if a.args.is_empty() {
                        if matches!(self.tok_at(1), Tok::Op(Op::Comma)) {
                            return Err(self.error_at(loc, "at least one argument must precede /"));
                        }
                        return Err(self.error_at(loc, "invalid syntax"));
                    }
                    self.bump();
                    seen_slash = true;
                    a.posonlyargs = std::mem::take(&mut a.args);
                }
                Tok::Op(Op::Star) => {
                    let star_loc = self.tok_loc(self.pos);
                    if seen_star {
                        return Err(self.error_at(star_loc, "* argument may appear only once"));
                    }
                    self.bump();
                    seen_star = true;
                    if self.at_op(Op::Comma) || self.at_op(close) {
                        bare_star = Some(star_loc);
                        continue;
                    }
                    let arg = self.param(annotations, true)?;
                    if self.at_op(Op::Equal) {
                        let l = self.tok_loc(self.pos);
                        return Err(
                            self.error_at(l, "var-positional argument cannot have default value")
                        );
                    }
                    a.vararg = Some(arg);
                }
                Tok::Op(Op::DoubleStar) => {
                    self.bump();
                    let arg = self.param(annotations, false)?;
                    if self.at_op(Op::Equal) {
                        let l = self.tok_loc(self.pos);
                        return Err(
                            self.error_at(l, "var-keyword argument cannot have default value")
                        );
                    }
                    a.kwarg = Some(arg);
                }
                Tok::Name(_) => {
                    let arg = self.param(annotations, false)?;
                    let default = if self.at_op(Op::Equal) {
                        let eq = self.tok_loc(self.pos);
                        self.bump();
                        if self.at_op(Op::Comma) || self.at_op(close) {
                            return Err(self.error_at(eq, "expected default value expression"));
                        }
                        let d = self.expression()?;
                        last_default = Some(d.clone());
                        Some(d)
                    } else {
                        None
                    };
                    if default.is_none() && !self.at_op(Op::Comma) && !self.at_op(close) {
                        return Err(self.invalid());
                    }
                    if seen_star {
                        a.kwonlyargs.push(arg);
                        a.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(d) => {
                                seen_default = true;
                                a.defaults.push(d);
                            }
                            None => {
                                if seen_default {
                                    return Err(self.error_at(
                                        arg.loc,
                                        "non-default argument follows default argument",
                                    ));
                                }
                            }
                        }
                        a.args.push(arg);
                    }
                }
                _ => return Err(self.invalid()),
            }
        }
        if let Some(loc) = bare_star {
            if a.kwonlyargs.is_empty() {
                return Err(self.error_at(loc, "named arguments must follow bare *"));
            }
        }
        Ok(a)
    }

    fn starts_param(&mut self) -> bool {
        matches!(
            self.tok(),
            Tok::Name(_) | Tok::Op(Op::Star) | Tok::Op(Op::DoubleStar) | Tok::Op(Op::Slash)
        )
    }

    /// A parameter name with an optional annotation (`star` allows the
    /// 3.11 `*args: *Ts` form).
    fn param(&mut self, annotations: bool, star: bool) -> PResult<Arg> {
        let start = self.start();
        let name = self.name()?;
        let annotation = if annotations && self.eat_op(Op::Colon) {
            if star && self.at_op(Op::Star) {
                Some(self.star_expression()?)
            } else {
                Some(self.expression()?)
            }
        } else {
            None
        };
        Ok(Arg {
            arg: name,
            annotation,
            loc: self.loc_from(start),
        })
    }
}
