//! Recursive-descent parser over the token vector produced by the lexer.
//!
//! Split by concern: `expr` (expressions, precedence climbing), `stmt`
//! (statements and blocks), `params` (function/lambda parameters and call
//! arguments), `strings` (literal decoding, concatenation, f-strings),
//! `pattern` (match patterns), `errors` (target validation and CPython's
//! error messages).

mod errors;
mod expr;
mod params;
mod pattern;
mod stmt;
mod strings;
mod unicode_names;

use crate::ast::*;
use crate::lexer::{self, Kw, Op, Pos, Tok, Token};
use crate::{Mode, SyntaxError};

pub type PResult<T> = Result<T, SyntaxError>;

/// Maximum nesting of recursive parse functions.
const MAX_DEPTH: u32 = 3000;
/// Maximum length of an iteratively built left-nested chain (`a+b+c...`,
/// `x.a.b...`, `f()()...`, `elif` chains): consumers of the AST recurse on
/// them, so their depth is bounded like CPython's (~3000).
pub(crate) const MAX_CHAIN: u32 = 3000;
/// Stack space the parser may use below its entry point (a guard against
/// stack overflow on pathological input, whatever the build's frame sizes).
const STACK_LIMIT: usize = 1280 * 1024;

#[inline(never)]
fn stack_addr() -> usize {
    let x = 0u8;
    std::hint::black_box(&x) as *const u8 as usize
}

pub struct Parser {
    pub(crate) toks: Vec<Token>,
    pub(crate) pos: usize,
    /// Furthest token index ever looked at (CPython's `p->fill - 1`).
    pub(crate) furthest: std::cell::Cell<usize>,
    pub(crate) depth: u32,
    /// Stack address at the outermost parser's entry.
    pub(crate) stack_base: usize,
    pub(crate) lex_error: Option<SyntaxError>,
    pub(crate) unclosed: Option<(char, u32, u32)>,
    /// Nesting of speculative parses done only to pick an error message
    /// (like CPython's `expression_without_invalid`, they run without
    /// further error heuristics, which keeps error reporting linear).
    pub(crate) speculative: u32,
    /// The source text was empty.
    pub(crate) empty_source: bool,
    /// Set when `star_expressions` builds an unparenthesized tuple.
    pub(crate) bare_tuple: bool,
    /// True while parsing an f-string replacement field's expression.
    pub(crate) in_fstring_expr: bool,
}

pub fn parse(source: &str, mode: Mode) -> PResult<Mod> {
    if let Some(idx) = source.find('\0') {
        let line = source[..idx].matches('\n').count() as u32 + 1;
        return Err(lexer::err(
            "SyntaxError",
            "source code string cannot contain null bytes",
            line,
            0,
            line,
            0,
        ));
    }
    let lexed = lexer::tokenize(source);
    let mut p = Parser::new(lexed.tokens, lexed.error, lexed.unclosed);
    p.empty_source = source.is_empty();
    let res = match mode {
        Mode::Exec => p.file().map(|body| Mod::Module { body }),
        Mode::Eval => p
            .eval_input()
            .map(|e| Mod::Expression { body: Box::new(e) }),
        Mode::Single => p.interactive().map(|body| Mod::Interactive { body }),
    };
    res.map_err(|e| {
        let e = p.finish_error(e);
        if p.lex_error.as_ref() == Some(&e) {
            return e;
        }
        clamp_end_col(source, e)
    })
}

/// CPython converts an error's end column using the text of the error's
/// *first* line, which clamps it to that line's length + 1.
fn clamp_end_col(source: &str, mut e: SyntaxError) -> SyntaxError {
    if e.line > 0 && e.end_line != e.line {
        if let Some(text) = source.split('\n').nth(e.line as usize - 1) {
            let len = text.trim_end_matches('\r').chars().count() as u32;
            e.end_col = e.end_col.min(len + 1);
        }
    }
    e
}

impl Parser {
    pub(crate) fn new(
        toks: Vec<Token>,
        lex_error: Option<SyntaxError>,
        unclosed: Option<(char, u32, u32)>,
    ) -> Parser {
        Parser {
            toks,
            pos: 0,
            furthest: std::cell::Cell::new(0),
            depth: 0,
            stack_base: stack_addr(),
            lex_error,
            unclosed,
            in_fstring_expr: false,
            bare_tuple: false,
            empty_source: false,
            speculative: 0,
        }
    }

    /// Apply CPython's rules for which error wins: tokenizer errors anywhere
    /// in the file override parser errors; an unclosed bracket overrides
    /// when the parser failed on a later line.
    pub(crate) fn finish_error(&mut self, e: SyntaxError) -> SyntaxError {
        // "unexpected indent/unindent" is reported without looking further.
        if e.kind == "IndentationError" && e.msg.starts_with("unexpected ") {
            return e;
        }
        if let Some(le) = &self.lex_error {
            // Errors the tokenizer raises as exceptions win over parser
            // errors; its status codes (bad dedent, tabs, continuation
            // line) only show when the parser reaches them.
            let status_only = matches!(le.kind, "IndentationError" | "TabError")
                || le.msg == "unexpected character after line continuation character"
                || le.msg == "unexpected EOF while parsing";
            let reached = matches!(
                self.toks[self.furthest.get().min(self.toks.len() - 1)].kind,
                Tok::LexError
            );
            if !status_only || reached {
                return le.clone();
            }
        }
        if let Some((c, line, col)) = self.unclosed {
            // Errors at forced tokens ("expected ':'") are raised at once.
            let cur_line = if e.msg.starts_with("expected '") {
                self.toks[self.furthest.get().min(self.toks.len() - 1)]
                    .start
                    .line
            } else {
                self.error_pass_line()
            };
            let at_eof = matches!(
                self.toks[self.furthest.get().min(self.toks.len() - 1)].kind,
                Tok::EofInBrackets
            );
            if cur_line > line || (at_eof && e.msg == "invalid syntax") {
                return lexer::err(
                    "SyntaxError",
                    format!("'{}' was never closed", c),
                    line,
                    col + 1,
                    line,
                    0,
                );
            }
        }
        e
    }

    /// The line CPython's tokenizer has reached after its second (error
    /// reporting) pass: that pass tries to parse an expression at the
    /// failing token (after a stray `=`, the right-hand side), which can
    /// fetch tokens beyond it.
    fn error_pass_line(&mut self) -> u32 {
        self.speculative += 1;
        let r = self.error_pass_line_inner();
        self.speculative -= 1;
        r
    }

    fn error_pass_line_inner(&mut self) -> u32 {
        let f = self.furthest.get().min(self.toks.len() - 1);
        self.pos = f;
        // Not in statements whose names are not expressions.
        let mut k = f;
        while k > 0
            && !matches!(
                self.toks[k - 1].kind,
                Tok::Newline | Tok::Indent | Tok::Dedent
            )
        {
            k -= 1;
        }
        let stmt_kw = matches!(
            self.toks[k].kind,
            Tok::Kw(Kw::Import | Kw::From | Kw::Class | Kw::Def | Kw::Global | Kw::Nonlocal)
        );
        let after_expr = !stmt_kw
            && f > 0
            && matches!(
                self.toks[f - 1].kind,
                Tok::Name(_)
                    | Tok::Number(_)
                    | Tok::Str(_)
                    | Tok::Kw(Kw::None | Kw::True | Kw::False)
                    | Tok::Op(Op::RPar | Op::RSqb | Op::RBrace | Op::Ellipsis)
            );
        if self.at_op(Op::Equal) && after_expr {
            self.bump();
            if self.starts_expr(false) {
                let _ = self.bitwise_or();
                let _ = self.tok();
            }
        } else if matches!(self.tok(), Tok::Op(Op::LPar | Op::LSqb | Op::LBrace)) {
            if after_expr {
                let _ = self.expression();
                let _ = self.tok();
            }
        } else if self.at_kw(Kw::Yield) {
            let _ = self.yield_expr();
            let _ = self.tok();
        }
        let f = self.furthest.get().min(self.toks.len() - 1);
        self.toks[f].start.line
    }

    /// Run `f` as a speculative parse for error reporting; returns
    /// `default` without running it when already speculating.
    pub(crate) fn spec<T>(&mut self, default: T, f: impl FnOnce(&mut Parser) -> T) -> T {
        if self.speculative > 0 {
            return default;
        }
        self.speculative += 1;
        let r = f(self);
        self.speculative -= 1;
        r
    }

    // ---- token access ----------------------------------------------------

    #[inline]
    pub(crate) fn tok(&self) -> &Tok {
        if self.pos > self.furthest.get() {
            self.furthest.set(self.pos);
        }
        &self.toks[self.pos].kind
    }

    #[inline]
    pub(crate) fn tok_at(&self, k: usize) -> &Tok {
        let i = (self.pos + k).min(self.toks.len() - 1);
        if i > self.furthest.get() {
            self.furthest.set(i);
        }
        &self.toks[i].kind
    }

    #[inline]
    pub(crate) fn at_op(&self, op: Op) -> bool {
        matches!(self.tok(), Tok::Op(o) if *o == op)
    }

    #[inline]
    pub(crate) fn at_kw(&self, kw: Kw) -> bool {
        matches!(self.tok(), Tok::Kw(k) if *k == kw)
    }

    pub(crate) fn at_soft_name(&self, s: &str) -> bool {
        matches!(self.tok(), Tok::Name(n) if n == s)
    }

    pub(crate) fn at_name(&self) -> bool {
        matches!(self.tok(), Tok::Name(_))
    }

    #[inline]
    pub(crate) fn eat_op(&mut self, op: Op) -> bool {
        if self.at_op(op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    #[inline]
    pub(crate) fn eat_kw(&mut self, kw: Kw) -> bool {
        if self.at_kw(kw) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    #[inline]
    pub(crate) fn bump(&mut self) {
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
    }

    pub(crate) fn expect_op(&mut self, op: Op) -> PResult<()> {
        if self.eat_op(op) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    pub(crate) fn expect_kw(&mut self, kw: Kw) -> PResult<()> {
        if self.eat_kw(kw) {
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    pub(crate) fn expect_newline(&mut self) -> PResult<()> {
        if matches!(self.tok(), Tok::Newline) {
            self.bump();
            Ok(())
        } else {
            Err(self.invalid())
        }
    }

    /// Consume a NAME token and return its text.
    pub(crate) fn name(&mut self) -> PResult<Ident> {
        if let Tok::Name(n) = self.tok() {
            let n = n.clone();
            self.bump();
            Ok(n)
        } else {
            Err(self.invalid())
        }
    }

    /// Start position of the current token.
    #[inline]
    pub(crate) fn start(&self) -> Pos {
        self.toks[self.pos].start
    }

    /// End position of the last consumed token that is not a NEWLINE,
    /// INDENT or DEDENT (CPython's "last non-whitespace token").
    pub(crate) fn prev_end(&self) -> Pos {
        let mut i = self.pos;
        while i > 0 {
            i -= 1;
            match self.toks[i].kind {
                Tok::Newline | Tok::Indent | Tok::Dedent => continue,
                _ => return self.toks[i].end,
            }
        }
        self.toks[0].start
    }

    #[inline]
    pub(crate) fn loc_from(&self, start: Pos) -> Loc {
        let end = self.prev_end();
        Loc {
            line: start.line,
            col: start.col,
            end_line: end.line,
            end_col: end.col,
        }
    }

    pub(crate) fn tok_loc(&self, i: usize) -> Loc {
        let t = &self.toks[i];
        Loc {
            line: t.start.line,
            col: t.start.col,
            end_line: t.end.line,
            end_col: t.end.col,
        }
    }

    // ---- depth guard -----------------------------------------------------

    #[inline]
    pub(crate) fn enter(&mut self) -> PResult<()> {
        if self.depth >= MAX_DEPTH || self.stack_base.abs_diff(stack_addr()) > STACK_LIMIT {
            return Err(self.too_complex());
        }
        self.depth += 1;
        Ok(())
    }

    pub(crate) fn too_complex(&self) -> SyntaxError {
        let t = &self.toks[self.pos];
        lexer::err(
            "SyntaxError",
            "too many nested expressions: Python source too complex to parse",
            t.start.line,
            t.start.col + 1,
            t.end.line,
            t.end.col + 1,
        )
    }

    #[inline]
    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    // ---- errors ------------------------------------------------------------

    /// The generic error at the furthest token examined, as CPython's
    /// `_PyPegen_set_syntax_error` produces it.
    pub(crate) fn invalid(&self) -> SyntaxError {
        let i = self.furthest.get().min(self.toks.len() - 1);
        let t = &self.toks[i];
        match &t.kind {
            Tok::Indent => lexer::err(
                "IndentationError",
                "unexpected indent",
                t.end.line,
                t.end.col,
                t.end.line,
                0,
            ),
            Tok::Dedent => lexer::err(
                "IndentationError",
                "unexpected unindent",
                t.end.line,
                t.end.col,
                t.end.line,
                0,
            ),
            Tok::LexError => self.lex_error.clone().unwrap_or_else(|| {
                lexer::err(
                    "SyntaxError",
                    "invalid syntax",
                    t.start.line,
                    t.start.col + 1,
                    t.end.line,
                    t.end.col + 1,
                )
            }),
            Tok::EofInBrackets => match self.unclosed {
                Some((c, line, col)) => lexer::err(
                    "SyntaxError",
                    format!("'{}' was never closed", c),
                    line,
                    col + 1,
                    line,
                    0,
                ),
                None => lexer::err(
                    "SyntaxError",
                    "unexpected EOF while parsing",
                    t.start.line,
                    t.start.col + 1,
                    t.end.line,
                    0,
                ),
            },
            _ => lexer::err(
                "SyntaxError",
                "invalid syntax",
                t.start.line,
                t.start.col + 1,
                t.end.line,
                t.end.col + 1,
            ),
        }
    }

    /// A SyntaxError at a node's location.
    pub(crate) fn error_at(&self, loc: Loc, msg: impl Into<String>) -> SyntaxError {
        lexer::err(
            "SyntaxError",
            msg,
            loc.line,
            loc.col + 1,
            loc.end_line,
            loc.end_col + 1,
        )
    }

    /// A SyntaxError spanning two locations.
    pub(crate) fn error_range(&self, a: Loc, b: Loc, msg: impl Into<String>) -> SyntaxError {
        lexer::err(
            "SyntaxError",
            msg,
            a.line,
            a.col + 1,
            b.end_line,
            b.end_col + 1,
        )
    }

    /// CPython's RAISE_SYNTAX_ERROR: at the furthest token fetched.
    pub(crate) fn error_last(&self, kind: &'static str, msg: impl Into<String>) -> SyntaxError {
        let i = self.furthest.get().min(self.toks.len() - 1);
        let t = &self.toks[i];
        match t.kind {
            Tok::Indent | Tok::Dedent | Tok::EndMarker => {
                lexer::err(kind, msg, t.end.line, t.end.col, t.end.line, 0)
            }
            _ => lexer::err(
                kind,
                msg,
                t.start.line,
                t.start.col + 1,
                t.end.line,
                t.end.col + 1,
            ),
        }
    }

    // ---- entry points --------------------------------------------------------

    fn file(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            match self.tok() {
                Tok::EndMarker => break,
                Tok::Newline => {
                    self.bump();
                }
                _ => self.statement(&mut body)?,
            }
        }
        Ok(body)
    }

    /// An error for empty input (CPython reports line 0 for no input at all).
    fn empty_input_error(&self) -> SyntaxError {
        let line = if self.empty_source { 0 } else { 1 };
        lexer::err("SyntaxError", "invalid syntax", line, 0, line, 0)
    }

    fn eval_input(&mut self) -> PResult<Expr> {
        if matches!(self.tok(), Tok::EndMarker)
            || matches!(self.tok(), Tok::Newline) && self.toks.len() <= 3
        {
            return Err(self.empty_input_error());
        }
        // `expressions`: no starred items at the top level.
        let start = self.start();
        let first = self.expression()?;
        let e = if self.at_op(Op::Comma) {
            let mut elts = vec![first];
            while self.eat_op(Op::Comma) {
                if !self.starts_expr(false) {
                    break;
                }
                elts.push(self.expression()?);
            }
            mk(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                self.loc_from(start),
            )
        } else {
            first
        };
        while matches!(self.tok(), Tok::Newline) {
            self.bump();
        }
        if !matches!(self.tok(), Tok::EndMarker) {
            return Err(self.invalid());
        }
        Ok(e)
    }

    fn interactive(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if matches!(self.tok(), Tok::EndMarker | Tok::Newline) {
            return Err(self.empty_input_error());
        }
        let compound = matches!(
            self.tok(),
            Tok::Kw(
                Kw::Def | Kw::If | Kw::Class | Kw::With | Kw::For | Kw::Try | Kw::While | Kw::Async
            ) | Tok::Op(Op::At)
        );
        self.statement(&mut body)?;
        let is_compound =
            compound || matches!(body.last().map(|s| &s.kind), Some(StmtKind::Match { .. }));
        if is_compound {
            // `compound_stmt NEWLINE`: the statement must be the last.
            if !matches!(self.tok(), Tok::EndMarker) {
                return Err(self.invalid());
            }
            return Ok(body);
        }
        if !matches!(self.tok(), Tok::EndMarker) {
            let t = &self.toks[self.pos - 1];
            return Err(lexer::err(
                "SyntaxError",
                "multiple statements found while compiling a single statement",
                t.start.line,
                t.start.col + 1,
                t.end.line,
                t.end.col + 1,
            ));
        }
        Ok(body)
    }
}

pub(crate) fn mk(kind: ExprKind, loc: Loc) -> Expr {
    Expr { kind, loc }
}

pub(crate) fn mks(kind: StmtKind, loc: Loc) -> Stmt {
    Stmt { kind, loc }
}
