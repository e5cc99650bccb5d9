//! Pure implementations of Python `str` method semantics on `&str`, plus
//! `repr()`/`ascii()` of str and `repr()` of bytes (CPython 3.11).
//!
//! Compatibility notes:
//! * All indexes are code-point indexes; `start`/`end` arguments follow
//!   CPython's slice-index adjustment (negative values count from the end
//!   and clamp at 0, `end` clamps at `len`, `start` is not clamped so a
//!   `start` past the end finds nothing, not even the empty string).
//! * Whitespace (`split()`, `strip()`, `isspace`) is Python's exact set
//!   (includes `\x1c`-`\x1f`, `\x85`, `\xa0`, U+1680, U+2000-U+200A, U+2028,
//!   U+2029, U+202F, U+205F, U+3000).
//! * `isalpha`, `isdecimal`, `isdigit`, `isnumeric`, `isalnum`,
//!   `isidentifier`, `isprintable`, `islower`, `isupper`, `istitle` and
//!   `repr` printability are exact for Unicode 14.0 (CPython 3.11) via the
//!   generated `unicode_tables`.
//! * `upper`/`lower` use Rust's full Unicode mappings (SpecialCasing, and
//!   the final-sigma rule for `lower`) restricted to chars that are cased in
//!   Unicode 14, with a small exception list, so results match CPython 3.11
//!   for every code point (verified exhaustively). `title`,
//!   `capitalize` (3.8+: titlecase first char), `swapcase` use titlecase
//!   tables from Unicode 14 and apply the final-sigma rule to `Σ`.
//!   `casefold` uses the full case folding (`ß` -> `ss`).
//! * `center` puts the odd extra fill on the left when the width is odd
//!   (`'ab'.center(5) == '  ab '`), unlike `format(..., '^')`.
//! * Not implemented here (trivial or VM-level): `join`, `translate`,
//!   `maketrans`, `format`, `encode`, `index`/`rindex` (use `find`/`rfind`
//!   and raise "substring not found").

use super::unicode_tables::{self as tables, in_map, in_table};
use super::TextError;

// ---------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------

/// Python's `str.isspace` for one code point.
pub fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x20'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Line boundaries recognised by `str.splitlines`.
pub fn is_linebreak(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// The value of a Unicode decimal digit (category Nd), e.g. `'٣'` -> 3.
pub fn decimal_value(c: char) -> Option<u32> {
    let c = c as u32;
    let zeros = tables::DECIMAL_ZEROS;
    let i = match zeros.binary_search(&c) {
        Ok(i) => i,
        Err(0) => return None,
        Err(i) => i - 1,
    };
    let d = c - zeros[i];
    if d < 10 {
        Some(d)
    } else {
        None
    }
}

pub fn is_decimal_char(c: char) -> bool {
    decimal_value(c).is_some()
}
pub fn is_digit_char(c: char) -> bool {
    in_table(tables::DIGIT, c)
}
pub fn is_numeric_char(c: char) -> bool {
    in_table(tables::NUMERIC, c)
}
pub fn is_alpha_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_table(tables::ALPHA, c)
}
pub fn is_alnum_char(c: char) -> bool {
    is_alpha_char(c) || is_numeric_char(c)
}
/// Python's printability (used by `repr`): not Cc Cf Cs Co Cn Zl Zp, and
/// not Zs except the ASCII space.
pub fn is_printable_char(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_table(tables::PRINTABLE, c)
}
pub fn is_lower_char(c: char) -> bool {
    in_table(tables::LOWER, c)
}
pub fn is_upper_char(c: char) -> bool {
    in_table(tables::UPPER, c)
}
/// Category Lt.
pub fn is_title_char(c: char) -> bool {
    matches!(
        c as u32,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC
    )
}
/// The Cased property.
pub fn is_cased_char(c: char) -> bool {
    is_lower_char(c) || is_upper_char(c) || is_title_char(c)
}

fn all_nonempty(s: &str, f: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

pub fn isspace(s: &str) -> bool {
    all_nonempty(s, is_py_space)
}
pub fn isalpha(s: &str) -> bool {
    all_nonempty(s, is_alpha_char)
}
pub fn isdecimal(s: &str) -> bool {
    all_nonempty(s, is_decimal_char)
}
pub fn isdigit(s: &str) -> bool {
    all_nonempty(s, is_digit_char)
}
pub fn isnumeric(s: &str) -> bool {
    all_nonempty(s, is_numeric_char)
}
pub fn isalnum(s: &str) -> bool {
    all_nonempty(s, is_alnum_char)
}
pub fn isascii(s: &str) -> bool {
    s.is_ascii()
}
pub fn isprintable(s: &str) -> bool {
    s.chars().all(is_printable_char)
}
pub fn isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if in_table(tables::XID_START, c) => it.all(|c| in_table(tables::XID_CONTINUE, c)),
        _ => false,
    }
}
pub fn islower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper_char(c) || is_title_char(c) {
            return false;
        }
        cased |= is_lower_char(c);
    }
    cased
}
pub fn isupper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower_char(c) || is_title_char(c) {
            return false;
        }
        cased |= is_upper_char(c);
    }
    cased
}
pub fn istitle(s: &str) -> bool {
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if is_upper_char(c) || is_title_char(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower_char(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

// ---------------------------------------------------------------------
// Case conversion
// ---------------------------------------------------------------------

/// Full uppercase mapping of one char; identity for chars that are not
/// cased in Unicode 14 (so mappings added in later Unicode versions, which
/// Rust's tables contain, are not applied).
fn upper_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if is_cased_char(c) && !NO_UPPER_14.contains(&c) {
        out.extend(c.to_uppercase());
    } else {
        out.push(c);
    }
}

/// Cased chars that had no uppercase mapping in Unicode 14 but gained one
/// later (Rust's tables are newer).
const NO_UPPER_14: &[char] = &['\u{19B}', '\u{264}', '\u{A7D3}', '\u{A7D5}'];

pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        upper_char(c, &mut out);
    }
    out
}

pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        lower_at(&chars, i, &mut out);
    }
    out
}

/// Case_Ignorable, as Rust's final-sigma implementation sees it.
fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    if is_cased_char(c) {
        // Cased and case-ignorable (U+0345): a final Σ before it stays final.
        let probe: String = ['A', 'Σ', c].iter().collect();
        return probe.to_lowercase().contains('ς');
    }
    // Σ between a cased letter and c + cased letter lowercases to σ exactly
    // when c is skipped as case-ignorable.
    let probe: String = ['A', 'Σ', c, 'B'].iter().collect();
    probe.to_lowercase().contains('σ')
}

/// Lowercase of the char at `chars[i]`, with the final-sigma rule.
fn lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c != 'Σ' {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if is_cased_char(c) {
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
        return;
    }
    let before = chars[..i].iter().rev().find(|&&c| !is_case_ignorable(c));
    let after = chars[i + 1..].iter().find(|&&c| !is_case_ignorable(c));
    let final_ = before.is_some_and(|&c| is_cased_char(c)) && !after.is_some_and(|&c| is_cased_char(c));
    out.push(if final_ { 'ς' } else { 'σ' });
}

fn title_char(c: char, out: &mut String) {
    match in_map(tables::TITLE_MAP, c) {
        Some(t) => out.push_str(t),
        None => upper_char(c, out),
    }
}

pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            lower_at(&chars, i, &mut out);
        } else {
            title_char(c, &mut out);
        }
        prev_cased = is_cased_char(c);
    }
    out
}

pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            title_char(chars[0], &mut out);
        } else {
            lower_at(&chars, i, &mut out);
        }
    }
    out
}

pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper_char(c) {
            lower_at(&chars, i, &mut out);
        } else if is_lower_char(c) {
            upper_char(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

pub fn casefold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match in_map(tables::FOLD_MAP, c) {
            Some(f) => out.push_str(f),
            None if is_cased_char(c) => out.extend(c.to_lowercase()),
            None => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------
// Indexing helpers
// ---------------------------------------------------------------------

/// CPython's ADJUST_INDICES: returns (start, end) in code points; `start`
/// may exceed `len`.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let mut e = end.unwrap_or(len_i);
    if e > len_i {
        e = len_i;
    } else if e < 0 {
        e = (e + len_i).max(0);
    }
    let mut st = start.unwrap_or(0);
    if st < 0 {
        st = (st + len_i).max(0);
    }
    (st as usize, e as usize)
}

/// Byte offset of code-point index `idx` (clamped to the end).
fn byte_offset(s: &str, idx: usize) -> usize {
    if idx == 0 {
        return 0;
    }
    s.char_indices().nth(idx).map_or(s.len(), |(b, _)| b)
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// The code-point sub-slice [st, en) of `s`, given st <= en <= len.
fn region(s: &str, st: usize, en: usize, ascii: bool) -> &str {
    if ascii {
        &s[st..en]
    } else {
        let b0 = byte_offset(s, st);
        let b1 = b0 + byte_offset(&s[b0..], en - st);
        &s[b0..b1]
    }
}

/// `s.find(sub, start, end)`: code-point index or -1.
pub fn find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let ascii = s.is_ascii();
    let n = if ascii { s.len() } else { char_len(s) };
    let (st, en) = adjust_indices(start, end, n);
    if st > en {
        return -1;
    }
    let r = region(s, st, en, ascii);
    match r.find(sub) {
        Some(b) => (st + if ascii { b } else { char_len(&r[..b]) }) as i64,
        None => -1,
    }
}

/// `s.rfind(sub, start, end)`: code-point index or -1.
pub fn rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    let ascii = s.is_ascii();
    let n = if ascii { s.len() } else { char_len(s) };
    let (st, en) = adjust_indices(start, end, n);
    if st > en {
        return -1;
    }
    let r = region(s, st, en, ascii);
    match r.rfind(sub) {
        Some(b) => (st + if ascii { b } else { char_len(&r[..b]) }) as i64,
        None => -1,
    }
}

/// `s.count(sub, start, end)` (non-overlapping).
pub fn count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> usize {
    let ascii = s.is_ascii();
    let n = if ascii { s.len() } else { char_len(s) };
    let (st, en) = adjust_indices(start, end, n);
    if st > en {
        return 0;
    }
    if sub.is_empty() {
        return en - st + 1;
    }
    region(s, st, en, ascii).matches(sub).count()
}

/// `s.startswith(prefix, start, end)` for one prefix.
pub fn startswith(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let ascii = s.is_ascii();
    let n = if ascii { s.len() } else { char_len(s) };
    let (st, en) = adjust_indices(start, end, n);
    if st > en {
        return false;
    }
    region(s, st, en, ascii).starts_with(prefix)
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    let ascii = s.is_ascii();
    let n = if ascii { s.len() } else { char_len(s) };
    let (st, en) = adjust_indices(start, end, n);
    if st > en {
        return false;
    }
    region(s, st, en, ascii).ends_with(suffix)
}

pub fn removeprefix<'a>(s: &'a str, prefix: &str) -> &'a str {
    s.strip_prefix(prefix).unwrap_or(s)
}
pub fn removesuffix<'a>(s: &'a str, suffix: &str) -> &'a str {
    s.strip_suffix(suffix).unwrap_or(s)
}

// ---------------------------------------------------------------------
// Splitting, stripping, partitioning
// ---------------------------------------------------------------------

fn empty_sep() -> TextError {
    TextError::Value("empty separator".into())
}

/// `s.split(sep, maxsplit)`; `maxsplit < 0` means no limit.
pub fn split<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    match sep {
        Some("") => Err(empty_sep()),
        Some(sep) => Ok(if maxsplit < 0 {
            s.split(sep).collect()
        } else {
            s.splitn(maxsplit.saturating_add(1) as usize, sep).collect()
        }),
        None => {
            let mut out = Vec::new();
            let mut rest = s;
            loop {
                rest = rest.trim_start_matches(is_py_space);
                if rest.is_empty() {
                    break;
                }
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest);
                    break;
                }
                let end = rest.find(is_py_space).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = &rest[end..];
            }
            Ok(out)
        }
    }
}

/// `s.rsplit(sep, maxsplit)`; `maxsplit < 0` means no limit.
pub fn rsplit<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Result<Vec<&'a str>, TextError> {
    let mut out: Vec<&str> = match sep {
        Some("") => return Err(empty_sep()),
        Some(sep) => {
            if maxsplit < 0 {
                s.rsplit(sep).collect()
            } else {
                s.rsplitn(maxsplit.saturating_add(1) as usize, sep).collect()
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s;
            loop {
                rest = rest.trim_end_matches(is_py_space);
                if rest.is_empty() {
                    break;
                }
                if maxsplit >= 0 && out.len() as i64 == maxsplit {
                    out.push(rest);
                    break;
                }
                let start = rest.rfind(is_py_space).map_or(0, |b| b + rest[b..].chars().next().unwrap().len_utf8());
                out.push(&rest[start..]);
                rest = &rest[..start];
            }
            out
        }
    };
    out.reverse();
    Ok(out)
}

/// `s.splitlines(keepends)`.
pub fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' && matches!(it.peek(), Some((_, '\n'))) {
                it.next();
                end += 1;
            }
            out.push(if keepends { &s[start..end] } else { &s[start..i] });
            start = end;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

fn strip_set(chars: Option<&str>) -> impl Fn(char) -> bool + '_ {
    move |c| match chars {
        None => is_py_space(c),
        Some(set) => set.contains(c),
    }
}

pub fn strip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_matches(strip_set(chars))
}
pub fn lstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_start_matches(strip_set(chars))
}
pub fn rstrip<'a>(s: &'a str, chars: Option<&str>) -> &'a str {
    s.trim_end_matches(strip_set(chars))
}

/// `s.partition(sep)`.
pub fn partition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(empty_sep());
    }
    Ok(match s.find(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => (s, "", ""),
    })
}

/// `s.rpartition(sep)`.
pub fn rpartition<'a>(s: &'a str, sep: &str) -> Result<(&'a str, &'a str, &'a str), TextError> {
    if sep.is_empty() {
        return Err(empty_sep());
    }
    Ok(match s.rfind(sep) {
        Some(i) => (&s[..i], &s[i..i + sep.len()], &s[i + sep.len()..]),
        None => ("", "", s),
    })
}

// ---------------------------------------------------------------------
// Building new strings
// ---------------------------------------------------------------------

/// `s.replace(old, new, count)`; `count < 0` means all.
pub fn replace(s: &str, old: &str, new: &str, count: i64) -> String {
    let limit = if count < 0 { usize::MAX } else { count as usize };
    let mut out = String::with_capacity(s.len());
    if old.is_empty() {
        let mut n = 0;
        for c in s.chars() {
            if n < limit {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if n < limit {
            out.push_str(new);
        }
        return out;
    }
    let mut last = 0;
    for (n, (i, _)) in s.match_indices(old).enumerate() {
        if n >= limit {
            break;
        }
        out.push_str(&s[last..i]);
        out.push_str(new);
        last = i + old.len();
    }
    out.push_str(&s[last..]);
    out
}

/// `s.expandtabs(tabsize)`.
pub fn expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// `s.center(width, fillchar)`.
pub fn center(s: &str, width: i64, fill: char) -> String {
    let n = char_len(s) as i64;
    if width <= n {
        return s.to_string();
    }
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    pad(s, left as usize, (marg - left) as usize, fill)
}

/// `s.ljust(width, fillchar)`.
pub fn ljust(s: &str, width: i64, fill: char) -> String {
    let n = char_len(s) as i64;
    if width <= n {
        return s.to_string();
    }
    pad(s, 0, (width - n) as usize, fill)
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &str, width: i64, fill: char) -> String {
    let n = char_len(s) as i64;
    if width <= n {
        return s.to_string();
    }
    pad(s, (width - n) as usize, 0, fill)
}

/// `s.zfill(width)`.
pub fn zfill(s: &str, width: i64) -> String {
    let n = char_len(s) as i64;
    if width <= n {
        return s.to_string();
    }
    let zeros = "0".repeat((width - n) as usize);
    match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{}{}{}", c, zeros, &s[1..]),
        _ => format!("{}{}", zeros, s),
    }
}

// ---------------------------------------------------------------------
// repr
// ---------------------------------------------------------------------

fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

fn push_escape(out: &mut String, c: u32) {
    use std::fmt::Write;
    let _ = if c < 0x100 {
        write!(out, "\\x{:02x}", c)
    } else if c < 0x10000 {
        write!(out, "\\u{:04x}", c)
    } else {
        write!(out, "\\U{:08x}", c)
    };
}

fn repr_impl(s: &str, ascii_only: bool) -> String {
    let quote = choose_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if !ascii_only && !c.is_ascii() && is_printable_char(c) => out.push(c),
            c => push_escape(&mut out, c as u32),
        }
    }
    out.push(quote);
    out
}

/// `repr(s)` for a str.
pub fn str_repr(s: &str) -> String {
    repr_impl(s, false)
}

/// `ascii(s)` for a str: like `repr` with every non-ASCII char escaped.
pub fn ascii_repr(s: &str) -> String {
    repr_impl(s, true)
}

/// `repr(b)` for bytes: `b'...'`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = choose_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            b' '..=b'~' => out.push(c as char),
            c => push_escape(&mut out, c as u32),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
#[allow(clippy::approx_constant, clippy::excessive_precision)]
mod tests {
    use super::*;

    #[test]
    fn repr() {
        // Expected values from CPython 3.11.
        assert_eq!(str_repr("abc"), "'abc'");
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(str_repr("a\\b\n\r\t\x00\x7f\u{85}\u{a0}é中"), "'a\\\\b\\n\\r\\t\\x00\\x7f\\x85\\xa0é中'");
        assert_eq!(str_repr("\u{200b}\u{2028}\u{e000}\u{10ffff}\u{1f600}"), "'\\u200b\\u2028\\ue000\\U0010ffff😀'");
        assert_eq!(ascii_repr("é中😀\x7f"), "'\\xe9\\u4e2d\\U0001f600\\x7f'");
        assert_eq!(bytes_repr(b"a'\x00\xff\\\""), "b'a\\'\\x00\\xff\\\\\"'");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
    }

    #[test]
    fn predicates() {
        assert!(isdecimal("٣١２"));
        assert!(!isdecimal("²"));
        assert!(isdigit("²") && !isdigit("½") && isnumeric("½一"));
        assert!(isalpha("éa中") && !isalpha("ा") && !isalpha(""));
        assert!(isidentifier("_a1") && isidentifier("é") && !isidentifier("1a") && !isidentifier(""));
        assert!(isspace(" \x1c\u{85}\u{a0}\u{3000}") && !isspace("\u{200b}") && !isspace(""));
        assert!(istitle("Hello World") && !istitle("HeLlo") && istitle("ǅa") && !istitle("1"));
        assert!(isupper("ABC1") && !isupper("1") && islower("abc1") && !islower("ǅ"));
        assert!(isprintable("") && isprintable("é ") && !isprintable("\n"));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('a'), None);
    }

    #[test]
    fn casing() {
        // (s, capitalize, title, swapcase, lower, upper, casefold) from CPython 3.11
        let cases: &[[&str; 7]] = &[
            ["ǆa", "ǅa", "ǅa", "ǄA", "ǆa", "ǄA", "ǆa"],
            ["ǆA", "ǅa", "ǅa", "Ǆa", "ǆa", "ǄA", "ǆa"],
            ["ﬁx", "Fix", "Fix", "FIX", "ﬁx", "FIX", "fix"],
            ["ᾳb", "ᾼb", "ᾼb", "ΑΙB", "ᾳb", "ΑΙB", "αιb"],
            ["ΣΑΣ", "Σας", "Σας", "σας", "σας", "ΣΑΣ", "σασ"],
            ["aΣ b", "Aς b", "Aς B", "Aς B", "aς b", "AΣ B", "aσ b"],
            ["ßa", "Ssa", "Ssa", "SSA", "ßa", "SSA", "ssa"],
            ["İx", "İx", "İx", "i̇X", "i̇x", "İX", "i̇x"],
            ["hello wORLD 3rd", "Hello world 3rd", "Hello World 3Rd", "HELLO World 3RD", "hello world 3rd", "HELLO WORLD 3RD", "hello world 3rd"],
        ];
        for c in cases {
            assert_eq!(
                [capitalize(c[0]), title(c[0]), swapcase(c[0]), lower(c[0]), upper(c[0]), casefold(c[0])],
                [c[1], c[2], c[3], c[4], c[5], c[6]],
                "{:?}",
                c[0]
            );
        }
    }

    #[test]
    fn searching() {
        assert_eq!(find("héllo", "l", None, None), 2);
        assert_eq!(find("héllo", "l", Some(3), None), 3);
        assert_eq!(find("abc", "", Some(3), None), 3);
        assert_eq!(find("abc", "", Some(4), None), -1);
        assert_eq!(find("abc", "c", Some(-1), None), 2);
        assert_eq!(find("abc", "c", None, Some(-1)), -1);
        assert_eq!(rfind("héllo", "l", None, None), 3);
        assert_eq!(rfind("abc", "", None, None), 3);
        assert_eq!(count("aaaa", "aa", None, None), 2);
        assert_eq!(count("héllo", "", None, None), 6);
        assert_eq!(count("abc", "", Some(4), None), 0);
        assert_eq!(count("abc", "", Some(-10), Some(-2)), 2);
        assert!(startswith("abc", "", Some(3), None));
        assert!(!startswith("abc", "", Some(4), None));
        assert!(startswith("héllo", "ll", Some(2), None));
        assert!(endswith("héllo", "é", None, Some(2)));
        assert!(!endswith("abc", "abc", Some(1), None));
    }

    #[test]
    fn splitting() {
        assert_eq!(split("a b  c ", None, 1).unwrap(), ["a", "b  c "]);
        assert_eq!(split("  a\u{3000}b\x1cc  ", None, -1).unwrap(), ["a", "b", "c"]);
        assert_eq!(split("", None, -1).unwrap(), Vec::<&str>::new());
        assert_eq!(split("", Some(","), -1).unwrap(), [""]);
        assert_eq!(split("a,b,,c", Some(","), -1).unwrap(), ["a", "b", "", "c"]);
        assert_eq!(split("a,b,,c", Some(","), 2).unwrap(), ["a", "b", ",c"]);
        assert_eq!(split("a,b", Some(","), 0).unwrap(), ["a,b"]);
        assert_eq!(split("a", Some(""), -1), Err(TextError::Value("empty separator".into())));
        assert_eq!(rsplit("  a b c", None, 1).unwrap(), ["  a b", "c"]);
        assert_eq!(rsplit("a,b,,c", Some(","), 2).unwrap(), ["a,b", "", "c"]);
        assert_eq!(rsplit(" a é ", None, -1).unwrap(), ["a", "é"]);
        assert_eq!(splitlines("a\nb\r\nc\rd\x0be\x1cf\u{85}g\u{2028}h\n", false), ["a", "b", "c", "d", "e", "f", "g", "h"]);
        assert_eq!(splitlines("a\r\n\nb", true), ["a\r\n", "\n", "b"]);
        assert_eq!(splitlines("", true), Vec::<&str>::new());
        assert_eq!(strip(" \u{a0}x\u{85} ", None), "x");
        assert_eq!(lstrip("xyxzx", Some("xy")), "zx");
        assert_eq!(rstrip("xyxzx", Some("xy")), "xyxz");
        assert_eq!(partition("a=b=c", "=").unwrap(), ("a", "=", "b=c"));
        assert_eq!(rpartition("a=b=c", "=").unwrap(), ("a=b", "=", "c"));
        assert_eq!(partition("abc", "=").unwrap(), ("abc", "", ""));
        assert_eq!(rpartition("abc", "=").unwrap(), ("", "", "abc"));
    }

    #[test]
    fn building() {
        assert_eq!(replace("abc", "", "-", -1), "-a-b-c-");
        assert_eq!(replace("abc", "", "-", 2), "-a-bc");
        assert_eq!(replace("", "", "-", -1), "-");
        assert_eq!(replace("aaa", "a", "b", 2), "bba");
        assert_eq!(replace("aaa", "a", "b", 0), "aaa");
        assert_eq!(expandtabs("a\tb\n\tc", 8), "a       b\n        c");
        assert_eq!(expandtabs("ab\tc\r\td", 4), "ab  c\r    d");
        assert_eq!(expandtabs("a\tb", 0), "ab");
        assert_eq!(center("ab", 5, ' '), "  ab ");
        assert_eq!(center("ab", 6, ' '), "  ab  ");
        assert_eq!(center("abc", 6, '*'), "*abc**");
        assert_eq!(center("a", 4, ' '), " a  ");
        assert_eq!(ljust("é", 3, '-'), "é--");
        assert_eq!(rjust("é", 3, '-'), "--é");
        assert_eq!(zfill("-42", 5), "-0042");
        assert_eq!(zfill("+", 3), "+00");
        assert_eq!(zfill("abc", 5), "00abc");
        assert_eq!(zfill("abc", -1), "abc");
        assert_eq!(removeprefix("abc", "ab"), "c");
        assert_eq!(removesuffix("abc", "x"), "abc");
    }
}
