//! String literals: escape decoding, implicit concatenation, f-strings.

use super::*;
use crate::lexer::StrTok;

/// A string being built; switches to code points when a lone surrogate
/// (which Rust's `String` cannot hold) appears.
#[derive(Default, Clone)]
pub(crate) struct SBuf {
    s: String,
    wide: Option<Vec<u32>>,
}

impl SBuf {
    pub(crate) fn push(&mut self, c: char) {
        match &mut self.wide {
            Some(w) => w.push(c as u32),
            None => self.s.push(c),
        }
    }
    fn push_cp(&mut self, cp: u32) {
        match char::from_u32(cp) {
            Some(c) => self.push(c),
            None => {
                self.widen();
                self.wide.as_mut().unwrap().push(cp);
            }
        }
    }
    pub(crate) fn push_str(&mut self, t: &str) {
        match &mut self.wide {
            Some(w) => w.extend(t.chars().map(|c| c as u32)),
            None => self.s.push_str(t),
        }
    }
    fn widen(&mut self) {
        if self.wide.is_none() {
            self.wide = Some(self.s.chars().map(|c| c as u32).collect());
            self.s.clear();
        }
    }
    pub(crate) fn append(&mut self, other: SBuf) {
        match other.wide {
            None => self.push_str(&other.s),
            Some(w) => {
                self.widen();
                self.wide.as_mut().unwrap().extend(w);
            }
        }
    }
    pub(crate) fn is_empty(&self) -> bool {
        match &self.wide {
            Some(w) => w.is_empty(),
            None => self.s.is_empty(),
        }
    }
    pub(crate) fn into_constant(self) -> Constant {
        match self.wide {
            Some(w) => Constant::StrWide(w),
            None => Constant::Str(self.s),
        }
    }
}

/// Error message of the unicode-escape decoder.
fn unicode_err(start: usize, end: usize, what: &str) -> String {
    format!(
        "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
        start,
        end.saturating_sub(1),
        what
    )
}

fn hex_val(c: u8) -> Option<u32> {
    (c as char).to_digit(16)
}

/// Decode the escapes of a (non-raw) str literal body.
pub(crate) fn decode_str(body: &str, out: &mut SBuf) -> Result<(), String> {
    let b = body.as_bytes();
    if !b.contains(&b'\\') {
        out.push_str(body);
        return Ok(());
    }
    let mut i = 0;
    let mut lit_start = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        out.push_str(&body[lit_start..i]);
        let esc_start = i;
        i += 1;
        if i >= b.len() {
            // A lone trailing backslash (only in f-string pieces) is kept.
            out.push('\\');
            lit_start = i;
            break;
        }
        let c = b[i];
        i += 1;
        match c {
            b'\n' => {}
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push_cp(v);
            }
            b'x' | b'u' | b'U' => {
                let (count, msg) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for _ in 0..count {
                    match b.get(i).and_then(|&d| hex_val(d)) {
                        Some(d) => {
                            v = v * 16 + d;
                            i += 1;
                        }
                        None => return Err(unicode_err(esc_start, i, msg)),
                    }
                }
                if v > 0x10ffff {
                    return Err(unicode_err(esc_start, i, "illegal Unicode character"));
                }
                out.push_cp(v);
            }
            b'N' => {
                let malformed = "malformed \\N character escape";
                if i >= b.len() || b[i] != b'{' {
                    return Err(unicode_err(esc_start, i, malformed));
                }
                i += 1;
                let name_start = i;
                while i < b.len() && b[i] != b'}' {
                    i += 1;
                }
                if i >= b.len() {
                    return Err(unicode_err(esc_start, i, malformed));
                }
                let name = &body[name_start..i];
                if name.is_empty() {
                    return Err(unicode_err(esc_start, i, malformed));
                }
                i += 1;
                match unicode_names::lookup(name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_err(esc_start, i, "unknown Unicode character name"))
                    }
                }
            }
            _ => {
                // Invalid escape: kept as is (CPython warns).
                out.push('\\');
                i -= 1;
                // Copy the (possibly multi-byte) character that follows.
                let ch = body[i..].chars().next().unwrap();
                out.push(ch);
                i += ch.len_utf8();
            }
        }
        lit_start = i;
    }
    if lit_start < b.len() {
        out.push_str(&body[lit_start..]);
    }
    Ok(())
}

/// Decode a bytes literal body (ASCII already checked).
fn decode_bytes(body: &str, raw: bool, out: &mut Vec<u8>) -> Result<(), String> {
    let b = body.as_bytes();
    if raw {
        out.extend_from_slice(b);
        return Ok(());
    }
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c != b'\\' {
            out.push(c);
            continue;
        }
        if i >= b.len() {
            out.push(b'\\');
            break;
        }
        let e = b[i];
        let esc_start = i - 1;
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let d1 = b.get(i).and_then(|&d| hex_val(d));
                let d2 = b.get(i + 1).and_then(|&d| hex_val(d));
                match (d1, d2) {
                    (Some(a), Some(c2)) => {
                        out.push((a * 16 + c2) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(format!(
                            "(value error) invalid \\x escape at position {}",
                            esc_start
                        ))
                    }
                }
            }
            _ => {
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    Ok(())
}

/// One piece of an f-string under construction.
pub(crate) enum Piece {
    Lit(SBuf),
    Expr(Expr),
}

/// Accumulates JoinedStr values, merging adjacent literals.
#[derive(Default)]
pub(crate) struct Joined {
    pub(crate) values: Vec<Piece>,
}

impl Joined {
    pub(crate) fn lit(&mut self, s: SBuf) {
        if s.is_empty() {
            return;
        }
        if let Some(Piece::Lit(prev)) = self.values.last_mut() {
            prev.append(s);
            return;
        }
        self.values.push(Piece::Lit(s));
    }
    pub(crate) fn lit_str(&mut self, s: &str) {
        let mut b = SBuf::default();
        b.push_str(s);
        self.lit(b);
    }
    pub(crate) fn expr(&mut self, e: Expr) {
        self.values.push(Piece::Expr(e));
    }
    /// The values; a trailing literal gets `last_loc` (CPython gives it the
    /// location of the innermost token in a format spec).
    pub(crate) fn into_exprs(self, loc: Loc, last_loc: Loc) -> Vec<Expr> {
        let n = self.values.len();
        self.values
            .into_iter()
            .enumerate()
            .map(|(i, p)| match p {
                Piece::Lit(s) => mk(
                    ExprKind::Constant {
                        value: s.into_constant(),
                    },
                    if i + 1 == n { last_loc } else { loc },
                ),
                Piece::Expr(e) => e,
            })
            .collect()
    }
}

impl Parser {
    /// One or more adjacent string literal tokens.
    pub(crate) fn strings(&mut self) -> PResult<Expr> {
        let first = self.pos;
        let start = self.start();
        while let Tok::Str(_) = self.tok() {
            self.bump();
        }
        let last = self.pos; // exclusive
        let loc = self.loc_from(start);
        let mut any_bytes = false;
        let mut any_str = false;
        let mut any_f = false;
        for i in first..last {
            if let Tok::Str(s) = &self.toks[i].kind {
                if s.bytes {
                    any_bytes = true;
                } else {
                    any_str = true;
                }
                any_f |= s.fstring;
            }
        }
        if any_bytes && any_str {
            return Err(self.error_last("SyntaxError", "cannot mix bytes and nonbytes literals"));
        }
        if any_bytes {
            let mut out = Vec::new();
            for i in first..last {
                let Tok::Str(s) = &self.toks[i].kind else {
                    unreachable!()
                };
                if !s.body.is_ascii() {
                    let l = self.tok_loc(i);
                    return Err(self.error_at(l, "bytes can only contain ASCII literal characters"));
                }
                if let Err(m) = decode_bytes(&s.body, s.raw, &mut out) {
                    return Err(self.error_last("SyntaxError", m));
                }
            }
            return Ok(mk(
                ExprKind::Constant {
                    value: Constant::Bytes(out),
                },
                loc,
            ));
        }
        if !any_f {
            let mut out = SBuf::default();
            for i in first..last {
                let Tok::Str(s) = &self.toks[i].kind else {
                    unreachable!()
                };
                if s.raw {
                    out.push_str(&s.body);
                } else if let Err(m) = decode_str(&s.body, &mut out) {
                    return Err(self.error_last("SyntaxError", m));
                }
            }
            return Ok(mk(
                ExprKind::Constant {
                    value: out.into_constant(),
                },
                loc,
            ));
        }
        let mut joined = Joined::default();
        for i in first..last {
            let Tok::Str(s) = &self.toks[i].kind else {
                unreachable!()
            };
            if s.fstring {
                let s: StrTok = (**s).clone();
                let tloc = self.tok_loc(i);
                self.fstring(&s, loc, tloc, &mut joined)?;
            } else {
                let mut out = SBuf::default();
                if s.raw {
                    out.push_str(&s.body);
                } else if let Err(m) = decode_str(&s.body, &mut out) {
                    return Err(self.error_last("SyntaxError", m));
                }
                joined.lit(out);
            }
        }
        Ok(mk(
            ExprKind::JoinedStr {
                values: joined.into_exprs(loc, loc),
            },
            loc,
        ))
    }

    fn fstring(&mut self, s: &StrTok, loc: Loc, tok_loc: Loc, joined: &mut Joined) -> PResult<()> {
        let body: Vec<char> = s.body.chars().collect();
        let mut fp = FParse {
            body: &body,
            i: 0,
            raw: s.raw,
            start: s.body_start,
            loc,
            tok_loc,
            line_starts: Vec::new(),
        };
        fp.index_lines();
        self.fstring_parse(&mut fp, 0, joined)?;
        if fp.i < body.len() {
            return Err(self.error_last("SyntaxError", "f-string: unexpected end of string"));
        }
        Ok(())
    }

    /// Parse literal text and replacement fields until the end of the body
    /// (level 0) or a closing `}` (format spec, level > 0).
    fn fstring_parse(&mut self, fp: &mut FParse, level: u32, joined: &mut Joined) -> PResult<()> {
        loop {
            let lit_start = fp.i;
            let mut resume = None;
            while fp.i < fp.body.len() {
                let mut ch = fp.body[fp.i];
                fp.i += 1;
                if !fp.raw && ch == '\\' && fp.i < fp.body.len() {
                    ch = fp.body[fp.i];
                    fp.i += 1;
                    if ch == 'N' {
                        if fp.i < fp.body.len() {
                            let c2 = fp.body[fp.i];
                            fp.i += 1;
                            if c2 == '{' {
                                while fp.i < fp.body.len() {
                                    let c3 = fp.body[fp.i];
                                    fp.i += 1;
                                    if c3 == '}' {
                                        break;
                                    }
                                }
                            }
                        }
                        continue;
                    }
                }
                if ch == '{' || ch == '}' {
                    if level == 0 {
                        if fp.i < fp.body.len() && fp.body[fp.i] == ch {
                            resume = Some(fp.i + 1);
                            break;
                        }
                        if ch == '}' {
                            fp.i -= 1;
                            return Err(self
                                .error_last("SyntaxError", "f-string: single '}' is not allowed"));
                        }
                    }
                    fp.i -= 1;
                    break;
                }
            }
            let lit_end = fp.i;
            if lit_end > lit_start {
                let text: String = fp.body[lit_start..lit_end].iter().collect();
                let mut out = SBuf::default();
                if fp.raw {
                    out.push_str(&text);
                } else if let Err(m) = decode_str(&text, &mut out) {
                    return Err(self.error_last("SyntaxError", m));
                }
                joined.lit(out);
            }
            if let Some(r) = resume {
                fp.i = r;
                continue;
            }
            if fp.i >= fp.body.len() || fp.body[fp.i] == '}' {
                break;
            }
            // A replacement field.
            self.fstring_field(fp, level, joined)?;
        }
        if level > 0 && (fp.i >= fp.body.len() || fp.body[fp.i] != '}') {
            return Err(self.error_last("SyntaxError", "f-string: expecting '}'"));
        }
        Ok(())
    }

    fn fstring_field(&mut self, fp: &mut FParse, level: u32, joined: &mut Joined) -> PResult<()> {
        if level >= 2 {
            return Err(self.error_last("SyntaxError", "f-string: expressions nested too deeply"));
        }
        let brace = fp.i;
        fp.i += 1;
        let expr_start = fp.i;
        let mut quote: Option<char> = None;
        let mut triple = false;
        let mut stack: Vec<char> = Vec::new();
        let n = fp.body.len();
        while fp.i < n {
            let ch = fp.body[fp.i];
            if ch == '\\' {
                return Err(self.error_last(
                    "SyntaxError",
                    "f-string expression part cannot include a backslash",
                ));
            }
            if let Some(q) = quote {
                if ch == q {
                    if triple {
                        if fp.i + 2 < n && fp.body[fp.i + 1] == q && fp.body[fp.i + 2] == q {
                            fp.i += 3;
                            quote = None;
                            continue;
                        }
                    } else {
                        quote = None;
                    }
                }
                fp.i += 1;
                continue;
            }
            match ch {
                '\'' | '"' => {
                    if fp.i + 2 < n && fp.body[fp.i + 1] == ch && fp.body[fp.i + 2] == ch {
                        triple = true;
                        fp.i += 2;
                    } else {
                        triple = false;
                    }
                    quote = Some(ch);
                }
                '[' | '{' | '(' => {
                    if stack.len() >= 200 {
                        return Err(
                            self.error_last("SyntaxError", "f-string: too many nested parenthesis")
                        );
                    }
                    stack.push(ch);
                }
                '#' => {
                    return Err(self
                        .error_last("SyntaxError", "f-string expression part cannot include '#'"));
                }
                '!' | ':' | '}' | '=' | '>' | '<' if stack.is_empty() => {
                    if fp.i + 1 < n {
                        let next = fp.body[fp.i + 1];
                        if next == '=' && matches!(ch, '!' | '=' | '<' | '>') {
                            fp.i += 2;
                            continue;
                        }
                    }
                    if ch == '>' || ch == '<' {
                        fp.i += 1;
                        continue;
                    }
                    break;
                }
                ']' | '}' | ')' => {
                    let Some(open) = stack.pop() else {
                        return Err(
                            self.error_last("SyntaxError", format!("f-string: unmatched '{}'", ch))
                        );
                    };
                    if !matches!((open, ch), ('(', ')') | ('[', ']') | ('{', '}')) {
                        return Err(self.error_last(
                            "SyntaxError",
                            format!(
                                "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                                ch, open
                            ),
                        ));
                    }
                }
                _ => {}
            }
            fp.i += 1;
        }
        let expr_end = fp.i.min(n);
        if quote.is_some() {
            return Err(self.error_last("SyntaxError", "f-string: unterminated string"));
        }
        if let Some(open) = stack.last() {
            return Err(self.error_last("SyntaxError", format!("f-string: unmatched '{}'", open)));
        }
        if fp.i >= n {
            return Err(self.error_last("SyntaxError", "f-string: expecting '}'"));
        }
        // The expression must not be blank.
        if fp.body[expr_start..expr_end]
            .iter()
            .all(|c| matches!(c, ' ' | '\t' | '\n' | '\x0c'))
        {
            let c = fp.body[expr_end];
            if c == '!' || c == ':' || c == '=' {
                return Err(self.error_last(
                    "SyntaxError",
                    format!("f-string: expression required before '{}'", c),
                ));
            }
            return Err(self.error_last("SyntaxError", "f-string: empty expression not allowed"));
        }
        let value = self.fstring_expr(fp, brace, expr_start, expr_end)?;
        let mut debug_text = None;
        if fp.body[fp.i] == '=' {
            fp.i += 1;
            while fp.i < n && matches!(fp.body[fp.i], ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c') {
                fp.i += 1;
            }
            if fp.i >= n {
                return Err(self.error_last("SyntaxError", "f-string: expecting '}'"));
            }
            debug_text = Some(fp.body[expr_start..fp.i].iter().collect::<String>());
        }
        let mut conversion: i32 = -1;
        if fp.body[fp.i] == '!' {
            fp.i += 1;
            if fp.i >= n {
                return Err(self.error_last("SyntaxError", "f-string: expecting '}'"));
            }
            let c = fp.body[fp.i];
            fp.i += 1;
            if !matches!(c, 's' | 'r' | 'a') {
                return Err(self.error_last(
                    "SyntaxError",
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                ));
            }
            conversion = c as i32;
        }
        let mut format_spec = None;
        if fp.i < n && fp.body[fp.i] == ':' {
            fp.i += 1;
            if fp.i >= n {
                return Err(self.error_last("SyntaxError", "f-string: expecting '}'"));
            }
            let mut spec = Joined::default();
            self.fstring_parse(fp, level + 1, &mut spec)?;
            let values = spec.into_exprs(fp.loc, fp.tok_loc);
            format_spec = Some(Box::new(mk(ExprKind::JoinedStr { values }, fp.tok_loc)));
        }
        if fp.i >= n || fp.body[fp.i] != '}' {
            return Err(self.error_last("SyntaxError", "f-string: expecting '}'"));
        }
        fp.i += 1;
        if let Some(t) = debug_text {
            joined.lit_str(&t);
            if format_spec.is_none() && conversion == -1 {
                conversion = 'r' as i32;
            }
        }
        joined.expr(mk(
            ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            fp.loc,
        ));
        Ok(())
    }

    /// Parse the expression text of a replacement field with a sub-parser.
    fn fstring_expr(
        &mut self,
        fp: &FParse,
        brace: usize,
        start: usize,
        end: usize,
    ) -> PResult<Expr> {
        let bpos = fp.pos_at(brace);
        let mut src: Vec<char> = Vec::with_capacity(bpos.col as usize + end - start + 4);
        src.extend(std::iter::repeat_n(' ', bpos.col as usize));
        src.push('(');
        src.extend_from_slice(&fp.body[start..end]);
        src.push(')');
        src.push('\n');
        let lexed = lexer::tokenize_fragment(src, bpos.line);
        let mut sub = Parser::new(lexed.tokens, lexed.error, lexed.unclosed);
        sub.depth = self.depth;
        sub.stack_base = self.stack_base;
        sub.speculative = self.speculative;
        sub.in_fstring_expr = true;
        let res = sub.star_expressions().and_then(|e| {
            if matches!(sub.tok(), Tok::Newline) {
                Ok(e)
            } else {
                Err(sub.invalid())
            }
        });
        match res {
            Ok(e) => Ok(e),
            Err(e) => {
                let mut e = sub.finish_error(e);
                let from_tokenizer = sub.lex_error.as_ref() == Some(&e);
                if !e.msg.starts_with("f-string") && !from_tokenizer {
                    e.msg = format!("f-string: {}", e.msg);
                }
                if e.line == bpos.line {
                    e.col = e.col.saturating_sub(bpos.col);
                    if e.end_line == bpos.line {
                        e.end_col = e.end_col.saturating_sub(bpos.col);
                    }
                }
                Err(e)
            }
        }
    }
}

pub(crate) struct FParse<'a> {
    body: &'a [char],
    i: usize,
    raw: bool,
    start: Pos,
    /// Location of the whole implicitly concatenated string.
    loc: Loc,
    /// Location of the token being parsed.
    tok_loc: Loc,
    /// Indices in `body` where a new line starts (after a '\n').
    line_starts: Vec<usize>,
}

impl FParse<'_> {
    fn index_lines(&mut self) {
        for (k, c) in self.body.iter().enumerate() {
            if *c == '\n' {
                self.line_starts.push(k + 1);
            }
        }
    }

    /// Source position of body index `idx`.
    fn pos_at(&self, idx: usize) -> Pos {
        let nl = self.line_starts.partition_point(|&s| s <= idx);
        if nl == 0 {
            Pos {
                line: self.start.line,
                col: self.start.col + idx as u32,
            }
        } else {
            Pos {
                line: self.start.line + nl as u32,
                col: (idx - self.line_starts[nl - 1]) as u32,
            }
        }
    }
}
