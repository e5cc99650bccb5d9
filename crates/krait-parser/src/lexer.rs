//! Tokenizer: source text to a token vector, following CPython 3.11's
//! tokenizer rules (INDENT/DEDENT with tab consistency checks, implicit line
//! joining inside brackets, backslash continuation, number and string
//! literal scanning). String literals are kept raw: escape decoding and
//! f-string parsing happen in the parser.

use crate::ast::Constant;
pub use crate::token::*;
use crate::SyntaxError;
use num_bigint::BigInt;

/// Result of tokenizing a whole source.
pub struct Lexed {
    pub tokens: Vec<Token>,
    /// A tokenizer error (which wins over parser errors).
    pub error: Option<SyntaxError>,
    /// The innermost bracket left open at EOF: (char, line, col).
    pub unclosed: Option<(char, u32, u32)>,
}

const MAXINDENT: usize = 100;
const MAXLEVEL: usize = 200;

pub fn err(
    kind: &'static str,
    msg: impl Into<String>,
    line: u32,
    col: u32,
    end_line: u32,
    end_col: u32,
) -> SyntaxError {
    SyntaxError {
        kind,
        msg: msg.into(),
        line,
        col,
        end_line,
        end_col,
    }
}

struct Lexer {
    src: Vec<char>,
    i: usize,
    line: u32,
    line_start: usize,
    tokens: Vec<Token>,
    indstack: Vec<u32>,
    altindstack: Vec<u32>,
    /// (char, line, col)
    parens: Vec<(char, u32, u32)>,
    atbol: bool,
    /// Whether a NEWLINE is pending to close the current logical line.
    line_has_tokens: bool,
}

pub fn is_id_start(c: char) -> bool {
    c.is_ascii_alphabetic() || c == '_' || (c as u32 >= 128)
}

pub fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || (c as u32 >= 128)
}

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let u = c as u32;
    let i = table.partition_point(|&(_, hi)| hi < u);
    i < table.len() && table[i].0 <= u
}

/// `str.isprintable()` for one character (Python's `Py_UNICODE_ISPRINTABLE`).
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(crate::unicode_tables::PRINTABLE, c)
}

/// Unicode XID_Start (plus `_`), as Python identifiers use it.
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    in_ranges(crate::unicode_tables::XID_START, c)
}

/// Unicode XID_Continue, as Python identifiers use it.
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(crate::unicode_tables::XID_CONTINUE, c)
}

/// NFKC normalization of an identifier (per character; identifiers whose
/// normal form needs canonical composition across characters are rare).
pub fn nfkc_identifier(s: &str) -> String {
    let table = crate::unicode_tables::NFKC_ID;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        match table.binary_search_by_key(&(c as u32), |&(k, _)| k) {
            Ok(i) => out.push_str(table[i].1),
            Err(_) => out.push(c),
        }
    }
    out
}

impl Lexer {
    #[inline]
    fn peek(&self) -> char {
        self.src.get(self.i).copied().unwrap_or('\0')
    }
    #[inline]
    fn peek_at(&self, k: usize) -> char {
        self.src.get(self.i + k).copied().unwrap_or('\0')
    }
    #[inline]
    fn at_eof(&self) -> bool {
        self.i >= self.src.len()
    }
    #[inline]
    fn pos_of(&self, idx: usize) -> Pos {
        Pos {
            line: self.line,
            col: (idx - self.line_start) as u32,
        }
    }
    fn col(&self) -> u32 {
        (self.i - self.line_start) as u32
    }
    fn newline_at(&mut self, idx: usize) {
        // `idx` is the index of a '\n'.
        self.line += 1;
        self.line_start = idx + 1;
    }

    fn push(&mut self, kind: Tok, start: Pos, end: Pos) {
        self.tokens.push(Token {
            kind,
            start,
            end,
            level: self.parens.len() as u32,
        });
    }

    /// An error at the cursor (CPython's `syntaxerror(tok, ...)`): both
    /// columns equal the 0-based cursor index, which as a 1-based column
    /// designates the character just before the cursor.
    fn err_here(&self, msg: impl Into<String>) -> SyntaxError {
        let c = self.col();
        err("SyntaxError", msg, self.line, c, self.line, c)
    }

    fn run(&mut self) -> Result<(), SyntaxError> {
        loop {
            if self.atbol {
                self.atbol = false;
                if self.indentation()? {
                    continue;
                }
            }
            // Skip spaces.
            while matches!(self.peek(), ' ' | '\t' | '\x0c') {
                self.i += 1;
            }
            let start_idx = self.i;
            let start = self.pos_of(start_idx);
            if self.peek() == '#' {
                while !self.at_eof() && self.peek() != '\n' {
                    self.i += 1;
                }
            }
            if self.at_eof() {
                if !self.parens.is_empty() {
                    self.push(Tok::EofInBrackets, start, start);
                    return Ok(());
                }
                if self.line_has_tokens {
                    self.push(Tok::Newline, start, start);
                }
                // CPython's tokenizer is still on the last line, past its end.
                let p = if self.line > 1 && self.i > 0 {
                    let ls = self.prev_line_start(self.i - 1);
                    Pos {
                        line: self.line - 1,
                        col: (self.i - ls) as u32,
                    }
                } else {
                    Pos {
                        line: self.line,
                        col: 0,
                    }
                };
                for _ in 1..self.indstack.len() {
                    self.push(Tok::Dedent, p, p);
                }
                self.push(Tok::EndMarker, p, p);
                return Ok(());
            }
            let c = self.peek();
            if is_id_start(c) {
                self.name_or_string()?;
                continue;
            }
            if c == '\n' {
                let idx = self.i;
                self.i += 1;
                if self.parens.is_empty() && self.line_has_tokens {
                    let end = self.pos_of(idx);
                    self.push(Tok::Newline, start, end);
                    self.line_has_tokens = false;
                }
                self.newline_at(idx);
                self.atbol = self.parens.is_empty();
                continue;
            }
            self.line_has_tokens = true;
            if c == '.' {
                if self.peek_at(1).is_ascii_digit() {
                    self.number()?;
                    continue;
                }
                if self.peek_at(1) == '.' && self.peek_at(2) == '.' {
                    self.i += 3;
                    self.push(Tok::Op(Op::Ellipsis), start, self.pos_of(self.i));
                } else {
                    self.i += 1;
                    self.push(Tok::Op(Op::Dot), start, self.pos_of(self.i));
                }
                continue;
            }
            if c.is_ascii_digit() {
                self.number()?;
                continue;
            }
            if c == '\'' || c == '"' {
                self.string(start_idx, false, false, false, false)?;
                continue;
            }
            if c == '\\' {
                self.continuation()?;
                continue;
            }
            self.operator(start)?;
        }
    }

    /// After a backslash: require a newline, then continue on the next line.
    fn continuation(&mut self) -> Result<(), SyntaxError> {
        self.i += 1;
        if self.peek() != '\n' {
            let c = self.col() + 1;
            return Err(err(
                "SyntaxError",
                "unexpected character after line continuation character",
                self.line,
                c,
                self.line,
                0,
            ));
        }
        let idx = self.i;
        self.i += 1;
        self.newline_at(idx);
        if self.at_eof() {
            let prevline = self.line - 1;
            let len = self.tokens.last().map(|t| t.end.col).unwrap_or(0);
            let _ = len;
            // CPython reports at the end of the previous line.
            let col = (idx - self.prev_line_start(idx)) as u32 + 1;
            return Err(err(
                "SyntaxError",
                "unexpected EOF while parsing",
                prevline,
                col,
                prevline,
                0,
            ));
        }
        Ok(())
    }

    fn prev_line_start(&self, nl_idx: usize) -> usize {
        let mut j = nl_idx;
        while j > 0 && self.src[j - 1] != '\n' {
            j -= 1;
        }
        j
    }

    /// Handle indentation at the beginning of a line. Returns true when the
    /// line was blank (and has been consumed up to, not including, EOF).
    fn indentation(&mut self) -> Result<bool, SyntaxError> {
        let mut col: u32 = 0;
        let mut altcol: u32 = 0;
        let mut cont_col: Option<(u32, u32)> = None;
        loop {
            match self.peek() {
                ' ' => {
                    col += 1;
                    altcol += 1;
                }
                '\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                '\x0c' => {
                    col = 0;
                    altcol = 0;
                }
                '\\' if self.peek_at(1) == '\n' => {
                    if cont_col.is_none() {
                        cont_col = Some((col, altcol));
                    }
                    let idx = self.i + 1;
                    self.i += 2;
                    self.newline_at(idx);
                    if self.at_eof() {
                        let prevline = self.line - 1;
                        return Err(err(
                            "SyntaxError",
                            "unexpected EOF while parsing",
                            prevline,
                            2,
                            prevline,
                            0,
                        ));
                    }
                    continue;
                }
                _ => break,
            }
            self.i += 1;
        }
        let c = self.peek();
        if c == '#' || c == '\n' || self.at_eof() {
            // Blank line: skip it entirely.
            if c == '#' {
                while !self.at_eof() && self.peek() != '\n' {
                    self.i += 1;
                }
            }
            if self.peek() == '\n' {
                let idx = self.i;
                self.i += 1;
                self.newline_at(idx);
                self.atbol = true;
                return Ok(true);
            }
            return Ok(false);
        }
        if let Some((c0, a0)) = cont_col {
            col = c0;
            altcol = a0;
        }
        let top = *self.indstack.last().unwrap();
        let alttop = *self.altindstack.last().unwrap();
        let p = self.pos_of(self.i);
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error());
            }
        } else if col > top {
            if self.indstack.len() >= MAXINDENT {
                return Err(err(
                    "IndentationError",
                    "too many levels of indentation",
                    self.line,
                    self.line_len() + 1,
                    self.line,
                    0,
                ));
            }
            if altcol <= alttop {
                return Err(self.tab_error());
            }
            self.indstack.push(col);
            self.altindstack.push(altcol);
            self.push(
                Tok::Indent,
                Pos {
                    line: p.line,
                    col: 0,
                },
                p,
            );
        } else {
            // Check the whole dedent before emitting any DEDENT token.
            let mut n = 0;
            while self.indstack.len() > n + 1 && col < self.indstack[self.indstack.len() - 1 - n] {
                n += 1;
            }
            for _ in 0..n {
                self.indstack.pop();
                self.altindstack.pop();
            }
            if col != *self.indstack.last().unwrap() {
                let len = self.line_len();
                return Err(err(
                    "IndentationError",
                    "unindent does not match any outer indentation level",
                    self.line,
                    len,
                    self.line,
                    0,
                ));
            }
            if altcol != *self.altindstack.last().unwrap() {
                return Err(self.tab_error());
            }
            for _ in 0..n {
                self.push(Tok::Dedent, p, p);
            }
        }
        Ok(false)
    }

    /// Number of characters of the current line including its newline.
    fn line_len(&self) -> u32 {
        let mut j = self.line_start;
        while j < self.src.len() && self.src[j] != '\n' {
            j += 1;
        }
        if j < self.src.len() {
            j += 1;
        }
        (j - self.line_start) as u32
    }

    fn tab_error(&self) -> SyntaxError {
        err(
            "TabError",
            "inconsistent use of tabs and spaces in indentation",
            self.line,
            1,
            self.line,
            0,
        )
    }

    fn name_or_string(&mut self) -> Result<(), SyntaxError> {
        let start_idx = self.i;
        self.line_has_tokens = true;
        // String prefixes.
        let (mut b, mut r, mut u, mut f) = (false, false, false, false);
        loop {
            let c = self.peek();
            match c {
                'b' | 'B' if !(b || u || f) => b = true,
                'u' | 'U' if !(b || u || r || f) => u = true,
                'r' | 'R' if !(r || u) => r = true,
                'f' | 'F' if !(f || b || u) => f = true,
                _ => break,
            }
            self.i += 1;
            let q = self.peek();
            if q == '"' || q == '\'' {
                return self.string(start_idx, r, b, f, u);
            }
        }
        let mut nonascii = false;
        while is_id_char(self.peek()) {
            if self.peek() as u32 >= 128 {
                nonascii = true;
            }
            self.i += 1;
        }
        if nonascii {
            self.verify_identifier(start_idx)?;
        }
        let mut text: String = self.src[start_idx..self.i].iter().collect();
        if nonascii {
            text = nfkc_identifier(&text);
        }
        let start = self.pos_of(start_idx);
        let end = self.pos_of(self.i);
        let kind = match Kw::from_name(&text) {
            Some(k) => Tok::Kw(k),
            None => Tok::Name(text),
        };
        self.push(kind, start, end);
        Ok(())
    }

    fn verify_identifier(&mut self, start_idx: usize) -> Result<(), SyntaxError> {
        for j in start_idx..self.i {
            let c = self.src[j];
            let ok = if j == start_idx {
                is_xid_start(c)
            } else {
                is_xid_continue(c)
            };
            if !ok {
                let col = (j - self.line_start) as u32 + 1;
                let msg = if is_printable(c) {
                    format!("invalid character '{}' (U+{:04X})", c, c as u32)
                } else {
                    format!("invalid non-printable character U+{:04X}", c as u32)
                };
                return Err(err("SyntaxError", msg, self.line, col, self.line, col));
            }
        }
        Ok(())
    }

    fn string(
        &mut self,
        start_idx: usize,
        raw: bool,
        bytes: bool,
        fstring: bool,
        unicode: bool,
    ) -> Result<(), SyntaxError> {
        self.line_has_tokens = true;
        let start = self.pos_of(start_idx);
        let start_line_start = self.line_start;
        let quote = self.peek();
        let triple = self.peek_at(1) == quote && self.peek_at(2) == quote;
        let qsize = if triple { 3 } else { 1 };
        self.i += qsize;
        let body_start_idx = self.i;
        let body_start = self.pos_of(body_start_idx);
        let mut end_quotes = 0;
        loop {
            if self.at_eof() || (!triple && self.peek() == '\n') {
                // At EOF the last line (ended by '\n') is the one detected.
                let detected = if self.at_eof() {
                    self.line - 1
                } else {
                    self.line
                };
                let col = (start_idx - start_line_start) as u32 + 1;
                let msg = if triple {
                    format!(
                        "unterminated triple-quoted string literal (detected at line {})",
                        detected
                    )
                } else {
                    format!(
                        "unterminated string literal (detected at line {})",
                        detected
                    )
                };
                return Err(err("SyntaxError", msg, start.line, col, start.line, col));
            }
            let c = self.peek();
            let idx = self.i;
            self.i += 1;
            if c == quote {
                end_quotes += 1;
                if end_quotes == qsize {
                    break;
                }
                continue;
            }
            end_quotes = 0;
            if c == '\n' {
                self.newline_at(idx);
            } else if c == '\\' {
                if self.at_eof() {
                    continue;
                }
                let n = self.peek();
                let nidx = self.i;
                self.i += 1;
                if n == '\n' {
                    self.newline_at(nidx);
                }
            }
        }
        let body: String = self.src[body_start_idx..self.i - qsize].iter().collect();
        let end = self.pos_of(self.i);
        let tok = StrTok {
            raw,
            bytes,
            fstring,
            unicode,
            triple,
            quote,
            body,
            body_start,
        };
        self.push(Tok::Str(Box::new(tok)), start, end);
        Ok(())
    }

    fn operator(&mut self, start: Pos) -> Result<(), SyntaxError> {
        use Op::*;
        let c = self.peek();
        let c1 = self.peek_at(1);
        let c2 = self.peek_at(2);
        let (op, n) = match (c, c1, c2) {
            ('*', '*', '=') => (DoubleStarEqual, 3),
            ('/', '/', '=') => (DoubleSlashEqual, 3),
            ('<', '<', '=') => (LeftShiftEqual, 3),
            ('>', '>', '=') => (RightShiftEqual, 3),
            ('*', '*', _) => (DoubleStar, 2),
            ('/', '/', _) => (DoubleSlash, 2),
            ('<', '<', _) => (LeftShift, 2),
            ('>', '>', _) => (RightShift, 2),
            ('=', '=', _) => (EqEqual, 2),
            ('!', '=', _) => (NotEqual, 2),
            ('<', '=', _) => (LessEqual, 2),
            ('>', '=', _) => (GreaterEqual, 2),
            ('+', '=', _) => (PlusEqual, 2),
            ('-', '=', _) => (MinEqual, 2),
            ('*', '=', _) => (StarEqual, 2),
            ('/', '=', _) => (SlashEqual, 2),
            ('%', '=', _) => (PercentEqual, 2),
            ('&', '=', _) => (AmperEqual, 2),
            ('|', '=', _) => (VBarEqual, 2),
            ('^', '=', _) => (CircumflexEqual, 2),
            ('@', '=', _) => (AtEqual, 2),
            ('-', '>', _) => (RArrow, 2),
            (':', '=', _) => (ColonEqual, 2),
            ('(', _, _) => (LPar, 1),
            (')', _, _) => (RPar, 1),
            ('[', _, _) => (LSqb, 1),
            (']', _, _) => (RSqb, 1),
            ('{', _, _) => (LBrace, 1),
            ('}', _, _) => (RBrace, 1),
            (':', _, _) => (Colon, 1),
            (',', _, _) => (Comma, 1),
            (';', _, _) => (Semi, 1),
            ('+', _, _) => (Plus, 1),
            ('-', _, _) => (Minus, 1),
            ('*', _, _) => (Star, 1),
            ('/', _, _) => (Slash, 1),
            ('|', _, _) => (VBar, 1),
            ('&', _, _) => (Amper, 1),
            ('<', _, _) => (Less, 1),
            ('>', _, _) => (Greater, 1),
            ('=', _, _) => (Equal, 1),
            ('%', _, _) => (Percent, 1),
            ('~', _, _) => (Tilde, 1),
            ('^', _, _) => (Circumflex, 1),
            ('@', _, _) => (At, 1),
            _ => {
                self.i += 1;
                if !is_printable(c) {
                    let col = self.col();
                    return Err(err(
                        "SyntaxError",
                        format!("invalid non-printable character U+{:04X}", c as u32),
                        self.line,
                        col,
                        self.line,
                        col,
                    ));
                }
                self.push(Tok::ErrorChar(c), start, self.pos_of(self.i));
                return Ok(());
            }
        };
        self.i += n;
        match op {
            LPar | LSqb | LBrace => {
                if self.parens.len() >= MAXLEVEL {
                    return Err(self.err_here("too many nested parentheses"));
                }
                self.parens.push((c, self.line, start.col));
            }
            RPar | RSqb | RBrace => {
                let Some((open, oline, _)) = self.parens.pop() else {
                    return Err(self.err_here(format!("unmatched '{}'", c)));
                };
                let ok = matches!((open, c), ('(', ')') | ('[', ']') | ('{', '}'));
                if !ok {
                    let msg = if oline != self.line {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c, open, oline
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c, open
                        )
                    };
                    return Err(self.err_here(msg));
                }
            }
            _ => {}
        }
        self.push(Tok::Op(op), start, self.pos_of(self.i));
        Ok(())
    }

    // ---- numbers -------------------------------------------------------

    /// Digits with single underscores between them. Returns false (with the
    /// cursor just after the bad underscore) if an underscore is not
    /// followed by a digit.
    fn decimal_tail(&mut self, s: &mut String) -> Result<(), SyntaxError> {
        loop {
            while self.peek().is_ascii_digit() {
                s.push(self.peek());
                self.i += 1;
            }
            if self.peek() != '_' {
                return Ok(());
            }
            self.i += 1;
            if !self.peek().is_ascii_digit() {
                return Err(self.err_here("invalid decimal literal"));
            }
        }
    }

    /// CPython's verify_end_of_number: a number immediately followed by an
    /// identifier character is an error unless it starts a keyword that
    /// can legally follow a number.
    fn verify_end(&mut self, kind: &str) -> Result<(), SyntaxError> {
        let c = self.peek();
        let la = |s: &str| -> bool {
            s.chars()
                .enumerate()
                .all(|(k, ch)| self.peek_at(k + 1) == ch)
        };
        let ok = match c {
            'a' => la("nd"),
            'e' => la("lse"),
            'f' => la("or"),
            'i' => matches!(self.peek_at(1), 'f' | 'n' | 's'),
            'o' => la("r"),
            'n' => la("ot"),
            _ => false,
        };
        if ok {
            return Ok(());
        }
        if is_id_char(c) {
            return Err(self.err_here(format!("invalid {} literal", kind)));
        }
        Ok(())
    }

    fn number(&mut self) -> Result<(), SyntaxError> {
        let start_idx = self.i;
        let start = self.pos_of(start_idx);
        let value = self.number_value()?;
        let end = self.pos_of(self.i);
        self.push(Tok::Number(value), start, end);
        Ok(())
    }

    fn radix_digits(&mut self, radix: u32, kind: &str) -> Result<Constant, SyntaxError> {
        // Cursor is after the 0x / 0o / 0b prefix.
        let mut s = String::new();
        loop {
            if self.peek() == '_' {
                self.i += 1;
            }
            let c = self.peek();
            if !c.is_digit(radix) {
                if radix < 10 && c.is_ascii_digit() {
                    self.i += 1;
                    return Err(self.err_here(format!("invalid digit '{}' in {} literal", c, kind)));
                }
                return Err(self.err_here(format!("invalid {} literal", kind)));
            }
            while self.peek().is_digit(radix) {
                s.push(self.peek());
                self.i += 1;
            }
            if self.peek() != '_' {
                break;
            }
        }
        if radix < 10 && self.peek().is_ascii_digit() {
            let c = self.peek();
            self.i += 1;
            return Err(self.err_here(format!("invalid digit '{}' in {} literal", c, kind)));
        }
        self.verify_end(kind)?;
        let v = BigInt::parse_bytes(s.as_bytes(), radix).unwrap_or_default();
        Ok(Constant::Int(v))
    }

    fn number_value(&mut self) -> Result<Constant, SyntaxError> {
        let start_idx = self.i;
        let mut s = String::new();
        let c = self.peek();
        if c == '0' {
            let c1 = self.peek_at(1);
            match c1 {
                'x' | 'X' => {
                    self.i += 2;
                    return self.radix_digits(16, "hexadecimal");
                }
                'o' | 'O' => {
                    self.i += 2;
                    return self.radix_digits(8, "octal");
                }
                'b' | 'B' => {
                    self.i += 2;
                    return self.radix_digits(2, "binary");
                }
                _ => {}
            }
            // Leading zeros: only zeros allowed unless it turns out a float.
            let mut nonzero = false;
            self.decimal_tail(&mut s)?;
            let mut zeros_end = None;
            for (k, ch) in self.src[start_idx..self.i].iter().enumerate() {
                if *ch != '0' && *ch != '_' {
                    nonzero = true;
                    zeros_end = Some(start_idx + k + 1);
                    break;
                }
            }
            let c = self.peek();
            if c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J' {
                return self.float_rest(s);
            }
            if nonzero {
                let col = (start_idx - self.line_start) as u32 + 1;
                let end = (zeros_end.unwrap() - self.line_start) as u32;
                return Err(err(
                    "SyntaxError",
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    self.line,
                    col,
                    self.line,
                    end,
                ));
            }
            self.verify_end("decimal")?;
            return Ok(Constant::Int(BigInt::from(0)));
        }
        if c == '.' {
            return self.float_rest(s);
        }
        self.decimal_tail(&mut s)?;
        let c = self.peek();
        if c == '.' || c == 'e' || c == 'E' || c == 'j' || c == 'J' {
            return self.float_rest(s);
        }
        self.verify_end("decimal")?;
        let v = if s.len() <= 18 {
            BigInt::from(s.parse::<i64>().unwrap_or(0))
        } else {
            BigInt::parse_bytes(s.as_bytes(), 10).unwrap_or_default()
        };
        Ok(Constant::Int(v))
    }

    /// Continue a float after the integer part `s` (cursor at '.', 'e' or 'j').
    fn float_rest(&mut self, mut s: String) -> Result<Constant, SyntaxError> {
        if self.peek() == '.' {
            s.push('.');
            self.i += 1;
            if self.peek().is_ascii_digit() {
                self.decimal_tail(&mut s)?;
            }
        }
        if matches!(self.peek(), 'e' | 'E') {
            let e_idx = self.i;
            self.i += 1;
            let mut exp = String::from("e");
            let c = self.peek();
            if c == '+' || c == '-' {
                exp.push(c);
                self.i += 1;
                if !self.peek().is_ascii_digit() {
                    return Err(self.err_here("invalid decimal literal"));
                }
            } else if !c.is_ascii_digit() {
                // Not an exponent after all: 'e' starts something else.
                self.i = e_idx;
                self.verify_end("decimal")?;
                return Ok(Constant::Float(parse_float(&s)));
            }
            self.decimal_tail(&mut exp)?;
            s.push_str(&exp);
        }
        if matches!(self.peek(), 'j' | 'J') {
            self.i += 1;
            self.verify_end("imaginary")?;
            return Ok(Constant::Complex {
                real: 0.0,
                imag: parse_float(&s),
            });
        }
        self.verify_end("decimal")?;
        Ok(Constant::Float(parse_float(&s)))
    }
}

fn parse_float(s: &str) -> f64 {
    let mut t = String::with_capacity(s.len() + 2);
    if s.starts_with('.') {
        t.push('0');
    }
    t.push_str(s);
    if t.ends_with('.') {
        t.push('0');
    }
    let t = t.replace(".e", ".0e");
    t.parse::<f64>().unwrap_or(0.0)
}

/// Normalize newlines (`\r\n` and `\r` become `\n`) and make sure the
/// text ends with a newline, as CPython does for string input.
pub fn prepare_source(source: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(source.len() + 1);
    let mut it = source.chars().peekable();
    while let Some(c) = it.next() {
        if c == '\r' {
            if it.peek() == Some(&'\n') {
                it.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    if out.last() != Some(&'\n') {
        out.push('\n');
    }
    out
}

/// Tokenize a whole source text.
pub fn tokenize(source: &str) -> Lexed {
    let src = prepare_source(source);
    tokenize_chars(src)
}

pub fn tokenize_chars(src: Vec<char>) -> Lexed {
    tokenize_with(src, 1, true)
}

/// Tokenize an f-string replacement-field fragment (already wrapped in
/// parentheses and padded so columns are true), starting on `line`.
pub fn tokenize_fragment(src: Vec<char>, line: u32) -> Lexed {
    tokenize_with(src, line, false)
}

fn tokenize_with(src: Vec<char>, line: u32, atbol: bool) -> Lexed {
    let cap = src.len() / 4 + 16;
    let mut lx = Lexer {
        src,
        i: 0,
        line,
        line_start: 0,
        tokens: Vec::with_capacity(cap),
        indstack: vec![0],
        altindstack: vec![0],
        parens: Vec::new(),
        atbol,
        line_has_tokens: false,
    };
    let res = lx.run();
    let unclosed = lx.parens.last().copied();
    let mut tokens = lx.tokens;
    let error = match res {
        Ok(()) => None,
        Err(e) => {
            let p = Pos {
                line: lx.line,
                col: (lx.i.saturating_sub(lx.line_start)) as u32,
            };
            tokens.push(Token {
                kind: Tok::LexError,
                start: p,
                end: p,
                level: 0,
            });
            Some(e)
        }
    };
    Lexed {
        tokens,
        error,
        unclosed,
    }
}
