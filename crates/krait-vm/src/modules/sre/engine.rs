//! The matching engine: a backtracking interpreter of the code words that
//! `re._compiler` produces.
//!
//! Matching from a code position means "match from here to the SUCCESS that
//! ends the current sub-program" (the whole pattern, or the body of an
//! assertion, atomic group or possessive repeat). Every choice point
//! (alternation, repeat) is a `Frame` on an explicit heap stack: trying an
//! alternative starts a *child* match of the rest of the pattern; when the
//! child fails, the frame resumes and tries the next choice. No Rust
//! recursion is involved, so deep patterns and long subjects cannot overflow
//! the native stack.
//!
//! Capture positions live in `marks` (two per group, `NONE` when unset);
//! `lastmark` is the highest valid mark index. Frames that may need to undo
//! captures save the marks on `mark_stack`.
//!
//! The engine is generic over the subject's character width: `u8` for bytes
//! and for strings whose characters are all below U+0100, `u32` otherwise.

use crate::text::strmethods as sm;

pub const MAXREPEAT: u32 = u32::MAX;
pub const MAXGROUPS: u64 = 0x3FFF_FFFF;
pub const MAGIC: i64 = 20220615;
pub const CODESIZE: i64 = 4;

/// An unset mark.
pub const NONE: usize = usize::MAX;

#[allow(dead_code)]
pub mod op {
    pub const FAILURE: u32 = 0;
    pub const SUCCESS: u32 = 1;
    pub const ANY: u32 = 2;
    pub const ANY_ALL: u32 = 3;
    pub const ASSERT: u32 = 4;
    pub const ASSERT_NOT: u32 = 5;
    pub const AT: u32 = 6;
    pub const BRANCH: u32 = 7;
    pub const CATEGORY: u32 = 8;
    pub const CHARSET: u32 = 9;
    pub const BIGCHARSET: u32 = 10;
    pub const GROUPREF: u32 = 11;
    pub const GROUPREF_EXISTS: u32 = 12;
    pub const IN: u32 = 13;
    pub const INFO: u32 = 14;
    pub const JUMP: u32 = 15;
    pub const LITERAL: u32 = 16;
    pub const MARK: u32 = 17;
    pub const MAX_UNTIL: u32 = 18;
    pub const MIN_UNTIL: u32 = 19;
    pub const NOT_LITERAL: u32 = 20;
    pub const NEGATE: u32 = 21;
    pub const RANGE: u32 = 22;
    pub const REPEAT: u32 = 23;
    pub const REPEAT_ONE: u32 = 24;
    pub const SUBPATTERN: u32 = 25;
    pub const MIN_REPEAT_ONE: u32 = 26;
    pub const ATOMIC_GROUP: u32 = 27;
    pub const POSSESSIVE_REPEAT: u32 = 28;
    pub const POSSESSIVE_REPEAT_ONE: u32 = 29;
    pub const GROUPREF_IGNORE: u32 = 30;
    pub const IN_IGNORE: u32 = 31;
    pub const LITERAL_IGNORE: u32 = 32;
    pub const NOT_LITERAL_IGNORE: u32 = 33;
    pub const GROUPREF_LOC_IGNORE: u32 = 34;
    pub const IN_LOC_IGNORE: u32 = 35;
    pub const LITERAL_LOC_IGNORE: u32 = 36;
    pub const NOT_LITERAL_LOC_IGNORE: u32 = 37;
    pub const GROUPREF_UNI_IGNORE: u32 = 38;
    pub const IN_UNI_IGNORE: u32 = 39;
    pub const LITERAL_UNI_IGNORE: u32 = 40;
    pub const NOT_LITERAL_UNI_IGNORE: u32 = 41;
    pub const RANGE_UNI_IGNORE: u32 = 42;
}

#[allow(dead_code)]
pub mod at {
    pub const BEGINNING: u32 = 0;
    pub const BEGINNING_LINE: u32 = 1;
    pub const BEGINNING_STRING: u32 = 2;
    pub const BOUNDARY: u32 = 3;
    pub const NON_BOUNDARY: u32 = 4;
    pub const END: u32 = 5;
    pub const END_LINE: u32 = 6;
    pub const END_STRING: u32 = 7;
    pub const LOC_BOUNDARY: u32 = 8;
    pub const LOC_NON_BOUNDARY: u32 = 9;
    pub const UNI_BOUNDARY: u32 = 10;
    pub const UNI_NON_BOUNDARY: u32 = 11;
}

pub const INFO_PREFIX: u32 = 1;
pub const INFO_LITERAL: u32 = 2;
pub const INFO_CHARSET: u32 = 4;

/// Why matching stopped without an answer.
#[derive(Debug)]
pub enum SreError {
    /// Malformed code (RuntimeError "internal error in regular expression engine").
    Internal,
    /// Ctrl-C arrived during a long match (KeyboardInterrupt).
    Interrupted,
}

/// Whether a Ctrl-C is pending for this thread (consumes it).
fn interrupted() -> bool {
    crate::gil::is_main_thread() && crate::interp::signals::take_sigint()
}

// ------------------------------------------------------------------ characters

/// A character of the subject.
pub trait SreChar: Copy + 'static {
    fn cp(self) -> u32;
}
impl SreChar for u8 {
    #[inline(always)]
    fn cp(self) -> u32 {
        self as u32
    }
}
impl SreChar for u32 {
    #[inline(always)]
    fn cp(self) -> u32 {
        self
    }
}

#[inline]
fn as_char(ch: u32) -> Option<char> {
    char::from_u32(ch)
}

#[inline]
pub fn lower_ascii(ch: u32) -> u32 {
    if (b'A' as u32..=b'Z' as u32).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

#[inline]
pub fn upper_ascii(ch: u32) -> u32 {
    if (b'a' as u32..=b'z' as u32).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

/// Locale-aware lowering: the C locale's `tolower` (ASCII only).
#[inline]
fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

#[inline]
fn upper_locale(ch: u32) -> u32 {
    upper_ascii(ch)
}

/// Characters that became cased after Unicode 14.0 (CPython 3.11's
/// database) but are cased in Rust's newer tables: kept uncased here.
const NEWER_CASED: &[(u32, u32)] = &[
    (0x19B, 0x19B),
    (0x264, 0x264),
    (0x1C89, 0x1C8A),
    (0xA7CB, 0xA7CF),
    (0xA7D2, 0xA7D5),
    (0xA7DA, 0xA7DC),
    (0x10D50, 0x10D65),
    (0x10D70, 0x10D85),
    (0x16EA0, 0x16EB8),
    (0x16EBB, 0x16ED3),
];

fn newer_cased(ch: u32) -> bool {
    NEWER_CASED.iter().any(|&(a, b)| a <= ch && ch <= b)
}

/// The single-character case mapping shared by `lower_unicode` and
/// `upper_unicode`: `ascii` below 128, else the first character of the full
/// mapping `full` (characters cased only in newer Unicode versions unchanged).
fn map_case<I: Iterator<Item = char>>(ch: u32, ascii: fn(u32) -> u32, full: fn(char) -> I) -> u32 {
    if ch < 128 {
        return ascii(ch);
    }
    if newer_cased(ch) {
        return ch;
    }
    as_char(ch).and_then(|c| full(c).next()).map_or(ch, |m| m as u32)
}

/// CPython's `_PyUnicode_ToLowercase`: the single-character lowercase
/// mapping (the first character of the full mapping when it has several).
pub fn lower_unicode(ch: u32) -> u32 {
    map_case(ch, lower_ascii, char::to_lowercase)
}

/// CPython's `_PyUnicode_ToUppercase` (single character).
pub fn upper_unicode(ch: u32) -> u32 {
    map_case(ch, upper_ascii, char::to_uppercase)
}

pub fn unicode_iscased(ch: u32) -> bool {
    ch != lower_unicode(ch) || ch != upper_unicode(ch)
}

pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

#[inline]
fn is_ascii_digit(ch: u32) -> bool {
    (b'0' as u32..=b'9' as u32).contains(&ch)
}

#[inline]
fn is_ascii_space(ch: u32) -> bool {
    matches!(ch, 9..=13 | 32)
}

#[inline]
fn is_ascii_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == b'_' as u32)
}

#[inline]
fn is_loc_word(ch: u32) -> bool {
    is_ascii_word(ch)
}

#[inline]
fn is_uni_word(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_word(ch);
    }
    as_char(ch).map_or(false, sm::is_alnum_char)
}

#[inline]
fn is_uni_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_ascii_digit(ch);
    }
    as_char(ch).map_or(false, sm::is_decimal_char)
}

#[inline]
fn is_uni_space(ch: u32) -> bool {
    if ch < 128 {
        return matches!(ch, 9..=13 | 28..=32);
    }
    as_char(ch).map_or(false, sm::is_py_space)
}

#[inline]
fn is_uni_linebreak(ch: u32) -> bool {
    as_char(ch).map_or(false, sm::is_linebreak)
}

/// `CATEGORY` test.
pub fn category(code: u32, ch: u32) -> bool {
    match code {
        0 => is_ascii_digit(ch),
        1 => !is_ascii_digit(ch),
        2 => is_ascii_space(ch),
        3 => !is_ascii_space(ch),
        4 => is_ascii_word(ch),
        5 => !is_ascii_word(ch),
        6 => ch == 10,
        7 => ch != 10,
        8 => is_loc_word(ch),
        9 => !is_loc_word(ch),
        10 => is_uni_digit(ch),
        11 => !is_uni_digit(ch),
        12 => is_uni_space(ch),
        13 => !is_uni_space(ch),
        14 => is_uni_word(ch),
        15 => !is_uni_word(ch),
        16 => is_uni_linebreak(ch),
        17 => !is_uni_linebreak(ch),
        _ => false,
    }
}

#[inline]
fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}


// ------------------------------------------------------------------ programs

const NO_TABLE: u32 = u32::MAX;

/// Compiled code plus, for every set operator (IN and its case-folding
/// variants), a 256-bit table of which Latin-1 characters it accepts.
pub struct Prog {
    pub code: Vec<u32>,
    /// Code position -> index in `tables` (NO_TABLE when none).
    index: Vec<u32>,
    tables: Vec<[u64; 4]>,
    /// The table of the INFO block's charset prefix, if any.
    pub info_table: Option<[u64; 4]>,
}

impl Prog {
    /// `set_ops`: positions of the IN operators (from the validator).
    pub fn new(code: Vec<u32>, set_ops: &[usize]) -> Prog {
        let mut p = Prog { code, index: Vec::new(), tables: Vec::new(), info_table: None };
        if !set_ops.is_empty() {
            let mut index = vec![NO_TABLE; p.code.len()];
            let mut tables = Vec::with_capacity(set_ops.len());
            for &pc in set_ops {
                if pc < index.len() {
                    index[pc] = tables.len() as u32;
                    tables.push(p.table(|ch| p.single_slow(pc, ch)));
                }
            }
            p.index = index;
            p.tables = tables;
        }
        if p.w(0) == op::INFO && p.w(2) & INFO_CHARSET != 0 && p.w(2) & INFO_PREFIX == 0 {
            p.info_table = Some(p.table(|ch| p.charset(5, ch)));
        }
        p
    }

    fn table(&self, f: impl Fn(u32) -> bool) -> [u64; 4] {
        let mut t = [0u64; 4];
        for ch in 0..256u32 {
            if f(ch) {
                t[(ch >> 6) as usize] |= 1 << (ch & 63);
            }
        }
        t
    }

    #[inline(always)]
    fn w(&self, i: usize) -> u32 {
        match self.code.get(i) {
            Some(&v) => v,
            None => op::FAILURE,
        }
    }


    /// Whether `ch` is in the set starting at `i` (ends with FAILURE).
    pub fn charset(&self, mut i: usize, ch: u32) -> bool {
        let mut ok = true;
        loop {
            match self.w(i) {
                op::FAILURE => return !ok,
                op::LITERAL => {
                    if ch == self.w(i + 1) {
                        return ok;
                    }
                    i += 2;
                }
                op::CATEGORY => {
                    if category(self.w(i + 1), ch) {
                        return ok;
                    }
                    i += 2;
                }
                op::CHARSET => {
                    if ch < 256 && self.w(i + 1 + (ch as usize >> 5)) & (1u32 << (ch & 31)) != 0 {
                        return ok;
                    }
                    i += 1 + 8;
                }
                op::RANGE => {
                    if self.w(i + 1) <= ch && ch <= self.w(i + 2) {
                        return ok;
                    }
                    i += 3;
                }
                op::RANGE_UNI_IGNORE => {
                    let (lo, hi) = (self.w(i + 1), self.w(i + 2));
                    if lo <= ch && ch <= hi {
                        return ok;
                    }
                    let u = upper_unicode(ch);
                    if lo <= u && u <= hi {
                        return ok;
                    }
                    i += 3;
                }
                op::NEGATE => {
                    ok = !ok;
                    i += 1;
                }
                op::BIGCHARSET => {
                    let count = self.w(i + 1) as usize;
                    i += 2;
                    if ch < 0x10000 {
                        let k = (ch >> 8) as usize;
                        let block = self.w(i + k / 4).to_ne_bytes()[k % 4] as usize;
                        let bit = block * 256 + (ch as usize & 255);
                        if self.w(i + 64 + bit / 32) & (1u32 << (bit & 31)) != 0 {
                            return ok;
                        }
                    }
                    i += 64 + count * 8;
                }
                _ => return false,
            }
        }
    }

    fn charset_loc_ignore(&self, set: usize, ch: u32) -> bool {
        if self.charset(set, ch) {
            return true;
        }
        let lo = lower_locale(ch);
        if lo != ch && self.charset(set, lo) {
            return true;
        }
        let up = upper_locale(ch);
        up != ch && self.charset(set, up)
    }

    /// Whether the one-character operator at `pc` matches `ch`.
    #[inline]
    pub fn single(&self, pc: usize, ch: u32) -> bool {
        if ch < 256 {
            if let Some(&t) = self.index.get(pc) {
                if t != NO_TABLE {
                    let bits = &self.tables[t as usize];
                    return bits[(ch >> 6) as usize] >> (ch & 63) & 1 != 0;
                }
            }
        }
        self.single_slow(pc, ch)
    }

    fn single_slow(&self, pc: usize, ch: u32) -> bool {
        let a = self.w(pc + 1);
        match self.w(pc) {
            op::ANY => ch != 10,
            op::ANY_ALL => true,
            op::LITERAL => ch == a,
            op::NOT_LITERAL => ch != a,
            op::LITERAL_IGNORE => lower_ascii(ch) == a,
            op::NOT_LITERAL_IGNORE => lower_ascii(ch) != a,
            op::LITERAL_UNI_IGNORE => lower_unicode(ch) == a,
            op::NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != a,
            op::LITERAL_LOC_IGNORE => char_loc_ignore(a, ch),
            op::NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(a, ch),
            op::IN => self.charset(pc + 2, ch),
            op::IN_IGNORE => self.charset(pc + 2, lower_ascii(ch)),
            op::IN_UNI_IGNORE => self.charset(pc + 2, lower_unicode(ch)),
            op::IN_LOC_IGNORE => self.charset_loc_ignore(pc + 2, ch),
            op::CATEGORY => category(a, ch),
            _ => false,
        }
    }

}

#[inline(always)]
fn in_table(t: &[u64; 4], ch: u32) -> bool {
    ch < 256 && t[(ch >> 6) as usize] >> (ch & 63) & 1 != 0
}

// ------------------------------------------------------------------ frames

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    Branch,
    RepeatOne,
    RepeatOneLit,
    MinRepeatOne,
    Repeat,
    MaxUntil1,
    MaxUntil2,
    MaxUntil3,
    MinUntil1,
    MinUntil2,
    MinUntil3,
    Poss1,
    Poss2,
    Atomic,
    Assert,
    AssertNot,
}

/// A suspended choice point (or a context waiting for a sub-match).
#[derive(Clone, Copy)]
struct Frame {
    kind: Kind,
    toplevel: bool,
    /// Marks were saved on `mark_stack` at `mark_sp`.
    pushed: bool,
    /// Position of the operator's arguments (BRANCH: the current alternative).
    pc: usize,
    /// The subject position of the context (REPEAT_ONE: the base position).
    ptr: usize,
    count: isize,
    lastmark: isize,
    lastindex: isize,
    mark_sp: usize,
    rep: usize,
    aux: usize,
}

impl Frame {
    fn new(kind: Kind, toplevel: bool, pc: usize, ptr: usize) -> Frame {
        Frame {
            kind,
            toplevel,
            pushed: false,
            pc,
            ptr,
            count: 0,
            lastmark: -1,
            lastindex: -1,
            mark_sp: 0,
            rep: NONE,
            aux: NONE,
        }
    }
}

/// An active REPEAT ... MAX_UNTIL/MIN_UNTIL loop.
#[derive(Clone, Copy)]
struct Repeat {
    count: isize,
    /// Position of the REPEAT operator.
    pc: usize,
    last_ptr: usize,
    prev: usize,
}

/// Matching state over one subject.
pub struct State<'a, C: SreChar> {
    prog: &'a Prog,
    code: &'a [u32],
    pub s: &'a [C],
    /// Where the current match starts.
    pub start: usize,
    /// End of the searched region (`endpos`).
    pub end: usize,
    /// Where the current match ends (after success).
    pub ptr: usize,
    pub marks: Vec<usize>,
    pub lastmark: isize,
    pub lastindex: isize,
    pub match_all: bool,
    pub must_advance: bool,
    repeat: usize,
    repeats: Vec<Repeat>,
    mark_stack: Vec<usize>,
    frames: Vec<Frame>,
    /// Operators executed, for the periodic interrupt check.
    steps: u32,
}

impl<'a, C: SreChar> State<'a, C> {
    pub fn new(prog: &'a Prog, s: &'a [C], start: usize, end: usize, groups: usize) -> State<'a, C> {
        let end = end.min(s.len());
        State {
            prog,
            code: &prog.code,
            s,
            start,
            end,
            ptr: start,
            marks: vec![NONE; groups * 2],
            lastmark: -1,
            lastindex: -1,
            match_all: false,
            must_advance: false,
            repeat: NONE,
            repeats: Vec::new(),
            mark_stack: Vec::new(),
            frames: Vec::new(),
            steps: 0,
        }
    }

    /// Forget captures and backtracking state before a new attempt.
    pub fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = NONE;
        self.repeats.clear();
        self.mark_stack.clear();
        self.frames.clear();
    }

    #[inline(always)]
    fn w(&self, i: usize) -> u32 {
        match self.code.get(i) {
            Some(&v) => v,
            None => op::FAILURE,
        }
    }

    #[inline(always)]
    fn ch(&self, i: usize) -> u32 {
        self.s[i].cp()
    }

    /// The span of group `g` (0-based capture group), if set.
    pub fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * g;
        if (j as isize) + 1 <= self.lastmark {
            let (a, b) = (self.marks[j], self.marks[j + 1]);
            if a != NONE && b != NONE {
                return Some((a, b));
            }
        }
        None
    }

    #[inline(always)]
    fn charset(&self, i: usize, ch: u32) -> bool {
        self.prog.charset(i, ch)
    }

    /// Whether the one-character operator at `pc` matches `ch`.
    #[inline(always)]
    fn single(&self, pc: usize, ch: u32) -> bool {
        self.prog.single(pc, ch)
    }

    /// How many times (up to `maxcount`) the one-character item at `item`
    /// matches from `ptr`.
    fn count(&self, item: usize, ptr: usize, maxcount: u32) -> usize {
        let mut end = self.end;
        if maxcount != MAXREPEAT && (maxcount as usize) < end.saturating_sub(ptr) {
            end = ptr + maxcount as usize;
        }
        if ptr >= end {
            return 0;
        }
        let s = &self.s[..end];
        let mut p = ptr;
        match self.w(item) {
            op::ANY_ALL => p = end,
            op::ANY => {
                while p < end && s[p].cp() != 10 {
                    p += 1;
                }
            }
            op::LITERAL => {
                let c = self.w(item + 1);
                while p < end && s[p].cp() == c {
                    p += 1;
                }
            }
            op::NOT_LITERAL => {
                let c = self.w(item + 1);
                while p < end && s[p].cp() != c {
                    p += 1;
                }
            }
            op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                let t = self.prog.index.get(item).copied().unwrap_or(NO_TABLE);
                if t != NO_TABLE {
                    let bits = &self.prog.tables[t as usize];
                    while p < end {
                        let ch = s[p].cp();
                        let hit = if ch < 256 { bits[(ch >> 6) as usize] >> (ch & 63) & 1 != 0 } else { self.prog.single_slow(item, ch) };
                        if !hit {
                            break;
                        }
                        p += 1;
                    }
                } else {
                    while p < end && self.single(item, s[p].cp()) {
                        p += 1;
                    }
                }
            }
            _ => {
                while p < end && self.single(item, s[p].cp()) {
                    p += 1;
                }
            }
        }
        p - ptr
    }

    fn at(&self, ptr: usize, code: u32) -> bool {
        let end = self.end;
        match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == 0,
            at::BEGINNING_LINE => ptr == 0 || self.ch(ptr - 1) == 10,
            at::END => ptr == end || (ptr + 1 == end && self.ch(ptr) == 10),
            at::END_LINE => ptr == end || (ptr < self.s.len() && self.ch(ptr) == 10),
            at::END_STRING => ptr == end,
            at::BOUNDARY | at::NON_BOUNDARY | at::LOC_BOUNDARY | at::LOC_NON_BOUNDARY | at::UNI_BOUNDARY
            | at::UNI_NON_BOUNDARY => {
                if end == 0 {
                    return false;
                }
                let isw: fn(u32) -> bool = match code {
                    at::BOUNDARY | at::NON_BOUNDARY => is_ascii_word,
                    at::LOC_BOUNDARY | at::LOC_NON_BOUNDARY => is_loc_word,
                    _ => is_uni_word,
                };
                let that = ptr > 0 && ptr - 1 < self.s.len() && isw(self.ch(ptr - 1));
                let this = ptr < end && isw(self.ch(ptr));
                if matches!(code, at::BOUNDARY | at::LOC_BOUNDARY | at::UNI_BOUNDARY) {
                    this != that
                } else {
                    this == that
                }
            }
            _ => false,
        }
    }

    // -------------------------------------------------------------- marks

    fn mark_push(&mut self, lastmark: isize) -> usize {
        let sp = self.mark_stack.len();
        if lastmark >= 0 {
            let n = (lastmark as usize + 1).min(self.marks.len());
            self.mark_stack.extend_from_slice(&self.marks[..n]);
        }
        sp
    }

    /// Restore the marks saved by `f` (and drop them from the stack if `pop`).
    fn mark_restore(&mut self, f: &Frame, pop: bool) {
        if f.lastmark >= 0 {
            let n = (f.lastmark as usize + 1).min(self.marks.len());
            if f.mark_sp + n <= self.mark_stack.len() {
                self.marks[..n].copy_from_slice(&self.mark_stack[f.mark_sp..f.mark_sp + n]);
            }
        }
        if pop {
            self.mark_stack.truncate(f.mark_sp);
        }
    }

    fn mark_discard(&mut self, f: &Frame) {
        self.mark_stack.truncate(f.mark_sp);
    }

    /// LASTMARK_SAVE (+ MARK_PUSH when `push`) into a new frame.
    fn save(&mut self, f: &mut Frame, push: bool) {
        f.lastmark = self.lastmark;
        f.lastindex = self.lastindex;
        if push {
            f.pushed = true;
            f.mark_sp = self.mark_push(f.lastmark);
        }
    }

    /// How many times the single-width item of the (POSSESSIVE_)REPEAT_ONE at
    /// `a` repeats from `ptr` (at most its max), or None when fewer than its
    /// min. Sets `self.ptr` to `ptr`.
    fn count_repeat_one(&mut self, a: usize, ptr: usize) -> Option<usize> {
        let min = self.w(a + 1) as usize;
        if min > self.end.saturating_sub(ptr) {
            return None;
        }
        self.ptr = ptr;
        let c = self.count(a + 3, ptr, self.w(a + 2));
        (c >= min).then_some(c)
    }

    /// Push the single-item repeat frame `f` back and go on with its tail
    /// from `at`: the new (ptr, toplevel, pc).
    #[inline]
    fn resume_tail(&mut self, f: Frame, at: usize) -> (usize, bool, usize) {
        self.ptr = at;
        let next = (at, f.toplevel, f.pc + self.w(f.pc) as usize);
        self.frames.push(f);
        next
    }

    /// `save`, pushing the marks only inside a repeat.
    fn save_in_repeat(&mut self, f: &mut Frame) {
        let push = self.repeat != NONE;
        self.save(f, push);
    }

    /// Drop the marks `f` pushed, if it pushed any.
    fn discard_pushed(&mut self, f: &Frame) {
        if f.pushed {
            self.mark_discard(f);
        }
    }

    /// Restore the marks `f` pushed (dropping them from the stack if `pop`)
    /// and the lastmark.
    fn restore_pushed(&mut self, f: &Frame, pop: bool) {
        if f.pushed {
            self.mark_restore(f, pop);
        }
        self.lastmark_restore(f);
    }

    fn lastmark_restore(&mut self, f: &Frame) {
        self.lastmark = f.lastmark;
        self.lastindex = f.lastindex;
    }

    /// The first alternative of a BRANCH, from `alt`, that can start at `ptr`.
    fn next_alt(&self, mut alt: usize, ptr: usize) -> Option<usize> {
        loop {
            let skip = self.w(alt) as usize;
            if skip == 0 {
                return None;
            }
            let viable = match self.w(alt + 1) {
                op::LITERAL => ptr < self.end && self.ch(ptr) == self.w(alt + 2),
                op::IN => ptr < self.end && self.single(alt + 1, self.ch(ptr)),
                _ => true,
            };
            if viable {
                return Some(alt);
            }
            alt += skip;
        }
    }

    /// Scan a REPEAT_ONE frame back to a position where the tail's leading
    /// literal can match; false when the count drops below the minimum.
    fn repeat_one_lit_scan(&self, f: &mut Frame, min: isize) -> bool {
        let chr = f.aux as u32;
        loop {
            if f.count < min {
                return false;
            }
            let p = f.ptr + f.count as usize;
            if p < self.end && self.ch(p) == chr {
                return true;
            }
            f.count -= 1;
        }
    }

    // -------------------------------------------------------------- matching

    /// Match from code position `pc0` at `self.ptr`. On success `self.ptr`
    /// is the end of the match.
    pub fn run(&mut self, pc0: usize, toplevel0: bool) -> Result<bool, SreError> {
        self.frames.clear();
        self.mark_stack.clear();
        self.repeats.clear();
        self.repeat = NONE;
        let end = self.end;
        let mut pc = pc0;
        let mut toplevel = toplevel0;
        let mut ptr = self.ptr;
        if self.w(pc) == op::INFO {
            let min = self.w(pc + 3) as usize;
            if min != 0 && end.saturating_sub(ptr) < min {
                return Ok(false);
            }
            pc += self.w(pc + 1) as usize + 1;
        }
        let mut ret: bool;
        'main: loop {
            // ---------------------------------------------------- forward
            ret = 'fwd: loop {
                self.steps = self.steps.wrapping_add(1);
                if self.steps & 0xffff == 0 && interrupted() {
                    return Err(SreError::Interrupted);
                }
                let opcode = self.w(pc);
                let a = pc + 1;
                match opcode {
                    op::FAILURE => break 'fwd false,
                    op::SUCCESS => {
                        if toplevel
                            && ((self.match_all && ptr != end) || (self.must_advance && ptr == self.start))
                        {
                            break 'fwd false;
                        }
                        self.ptr = ptr;
                        break 'fwd true;
                    }
                    op::MARK => {
                        let i = self.w(a) as usize;
                        if i >= self.marks.len() {
                            return Err(SreError::Internal);
                        }
                        if i & 1 == 1 {
                            self.lastindex = (i / 2 + 1) as isize;
                        }
                        if i as isize > self.lastmark {
                            let j0 = (self.lastmark + 1) as usize;
                            for j in j0..i {
                                self.marks[j] = NONE;
                            }
                            self.lastmark = i as isize;
                        }
                        self.marks[i] = ptr;
                        pc = a + 1;
                    }
                    op::LITERAL => {
                        if ptr >= end || self.ch(ptr) != self.w(a) {
                            break 'fwd false;
                        }
                        pc = a + 1;
                        ptr += 1;
                    }
                    op::NOT_LITERAL
                    | op::LITERAL_IGNORE
                    | op::NOT_LITERAL_IGNORE
                    | op::LITERAL_UNI_IGNORE
                    | op::NOT_LITERAL_UNI_IGNORE
                    | op::LITERAL_LOC_IGNORE
                    | op::NOT_LITERAL_LOC_IGNORE
                    | op::CATEGORY => {
                        if ptr >= end || !self.single(pc, self.ch(ptr)) {
                            break 'fwd false;
                        }
                        pc = a + 1;
                        ptr += 1;
                    }
                    op::ANY => {
                        if ptr >= end || self.ch(ptr) == 10 {
                            break 'fwd false;
                        }
                        pc = a;
                        ptr += 1;
                    }
                    op::ANY_ALL => {
                        if ptr >= end {
                            break 'fwd false;
                        }
                        pc = a;
                        ptr += 1;
                    }
                    op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                        if ptr >= end || !self.single(pc, self.ch(ptr)) {
                            break 'fwd false;
                        }
                        pc = a + self.w(a) as usize;
                        ptr += 1;
                    }
                    op::AT => {
                        if !self.at(ptr, self.w(a)) {
                            break 'fwd false;
                        }
                        pc = a + 1;
                    }
                    op::JUMP | op::INFO => {
                        pc = a + self.w(a) as usize;
                    }
                    op::BRANCH => {
                        let mut f = Frame::new(Kind::Branch, toplevel, a, ptr);
                        self.save_in_repeat(&mut f);
                        match self.next_alt(a, ptr) {
                            Some(alt) => {
                                f.pc = alt;
                                self.frames.push(f);
                                self.ptr = ptr;
                                pc = alt + 1;
                            }
                            None => {
                                self.discard_pushed(&f);
                                break 'fwd false;
                            }
                        }
                    }
                    op::REPEAT_ONE => {
                        let min = self.w(a + 1) as usize;
                        let Some(c) = self.count_repeat_one(a, ptr) else {
                            break 'fwd false;
                        };
                        let tail = a + self.w(a) as usize;
                        let after = ptr + c;
                        if self.w(tail) == op::SUCCESS
                            && after == end
                            && !(toplevel && self.must_advance && after == self.start)
                        {
                            self.ptr = after;
                            break 'fwd true;
                        }
                        let mut f = Frame::new(Kind::RepeatOne, toplevel, a, ptr);
                        f.count = c as isize;
                        self.save_in_repeat(&mut f);
                        if self.w(tail) == op::LITERAL {
                            f.kind = Kind::RepeatOneLit;
                            f.aux = self.w(tail + 1) as usize;
                            if !self.repeat_one_lit_scan(&mut f, min as isize) {
                                self.discard_pushed(&f);
                                break 'fwd false;
                            }
                        }
                        ptr = f.ptr + f.count as usize;
                        self.frames.push(f);
                        self.ptr = ptr;
                        pc = tail;
                    }
                    op::MIN_REPEAT_ONE => {
                        let min = self.w(a + 1) as usize;
                        let max = self.w(a + 2);
                        if min > end.saturating_sub(ptr) {
                            break 'fwd false;
                        }
                        self.ptr = ptr;
                        let mut count = 0usize;
                        if min > 0 {
                            let c = self.count(a + 3, ptr, min as u32);
                            if c < min {
                                break 'fwd false;
                            }
                            count = c;
                            ptr += c;
                        }
                        let tail = a + self.w(a) as usize;
                        if self.w(tail) == op::SUCCESS
                            && !(toplevel
                                && ((self.match_all && ptr != end) || (self.must_advance && ptr == self.start)))
                        {
                            self.ptr = ptr;
                            break 'fwd true;
                        }
                        let mut f = Frame::new(Kind::MinRepeatOne, toplevel, a, ptr);
                        f.count = count as isize;
                        self.save_in_repeat(&mut f);
                        if max == MAXREPEAT || count <= max as usize {
                            self.frames.push(f);
                            self.ptr = ptr;
                            pc = tail;
                        } else {
                            self.discard_pushed(&f);
                            break 'fwd false;
                        }
                    }
                    op::POSSESSIVE_REPEAT_ONE => {
                        let Some(c) = self.count_repeat_one(a, ptr) else {
                            break 'fwd false;
                        };
                        ptr += c;
                        let tail = a + self.w(a) as usize;
                        if self.w(tail) == op::SUCCESS
                            && ptr == end
                            && !(toplevel && self.must_advance && ptr == self.start)
                        {
                            self.ptr = ptr;
                            break 'fwd true;
                        }
                        pc = tail;
                    }
                    op::REPEAT => {
                        let idx = self.repeats.len();
                        self.repeats.push(Repeat { count: -1, pc, last_ptr: NONE, prev: self.repeat });
                        self.repeat = idx;
                        let mut f = Frame::new(Kind::Repeat, toplevel, a, ptr);
                        f.rep = idx;
                        self.frames.push(f);
                        self.ptr = ptr;
                        pc = a + self.w(a) as usize;
                    }
                    op::MAX_UNTIL | op::MIN_UNTIL => {
                        let r = self.repeat;
                        if r == NONE || r >= self.repeats.len() {
                            return Err(SreError::Internal);
                        }
                        self.ptr = ptr;
                        let rep = self.repeats[r];
                        let count = rep.count + 1;
                        let min = self.w(rep.pc + 2) as isize;
                        let max = self.w(rep.pc + 3);
                        let body = rep.pc + 4;
                        if count < min {
                            self.repeats[r].count = count;
                            let kind = if opcode == op::MAX_UNTIL { Kind::MaxUntil1 } else { Kind::MinUntil1 };
                            let mut f = Frame::new(kind, toplevel, a, ptr);
                            f.rep = r;
                            f.count = count;
                            self.frames.push(f);
                            pc = body;
                            continue 'fwd;
                        }
                        if opcode == op::MAX_UNTIL {
                            if (max == MAXREPEAT || count < max as isize) && ptr != rep.last_ptr {
                                self.repeats[r].count = count;
                                let mut f = Frame::new(Kind::MaxUntil2, toplevel, a, ptr);
                                f.rep = r;
                                f.count = count;
                                self.save(&mut f, true);
                                f.aux = rep.last_ptr;
                                self.repeats[r].last_ptr = ptr;
                                self.frames.push(f);
                                pc = body;
                                continue 'fwd;
                            }
                            // The tail.
                            self.repeat = rep.prev;
                            let mut f = Frame::new(Kind::MaxUntil3, toplevel, a, ptr);
                            f.rep = r;
                            self.frames.push(f);
                            pc = a;
                        } else {
                            // MIN_UNTIL: try the tail first.
                            self.repeat = rep.prev;
                            let mut f = Frame::new(Kind::MinUntil2, toplevel, a, ptr);
                            f.rep = r;
                            f.count = count;
                            self.save_in_repeat(&mut f);
                            self.frames.push(f);
                            pc = a;
                        }
                    }
                    op::GROUPREF
                    | op::GROUPREF_IGNORE
                    | op::GROUPREF_UNI_IGNORE
                    | op::GROUPREF_LOC_IGNORE => {
                        let g = self.w(a) as usize * 2;
                        if g as isize >= self.lastmark || g + 1 >= self.marks.len() {
                            break 'fwd false;
                        }
                        let (mut p, e) = (self.marks[g], self.marks[g + 1]);
                        if p == NONE || e == NONE || e < p {
                            break 'fwd false;
                        }
                        let fold: fn(u32) -> u32 = match opcode {
                            op::GROUPREF => |c| c,
                            op::GROUPREF_IGNORE => lower_ascii,
                            op::GROUPREF_UNI_IGNORE => lower_unicode,
                            _ => lower_locale,
                        };
                        while p < e {
                            if ptr >= end || fold(self.ch(ptr)) != fold(self.ch(p)) {
                                break 'fwd false;
                            }
                            p += 1;
                            ptr += 1;
                        }
                        pc = a + 1;
                    }
                    op::GROUPREF_EXISTS => {
                        let g = self.w(a) as usize * 2;
                        let exists = (g as isize) < self.lastmark
                            && g + 1 < self.marks.len()
                            && self.marks[g] != NONE
                            && self.marks[g + 1] != NONE
                            && self.marks[g] <= self.marks[g + 1];
                        if exists {
                            pc = a + 2;
                        } else {
                            pc = a + self.w(a + 1) as usize;
                        }
                    }
                    op::ASSERT => {
                        let back = self.w(a + 1) as usize;
                        if ptr < back {
                            break 'fwd false;
                        }
                        let f = Frame::new(Kind::Assert, toplevel, a, ptr);
                        self.frames.push(f);
                        ptr -= back;
                        self.ptr = ptr;
                        toplevel = false;
                        pc = a + 2;
                    }
                    op::ASSERT_NOT => {
                        let back = self.w(a + 1) as usize;
                        if ptr >= back {
                            let mut f = Frame::new(Kind::AssertNot, toplevel, a, ptr);
                            self.save_in_repeat(&mut f);
                            self.frames.push(f);
                            ptr -= back;
                            self.ptr = ptr;
                            toplevel = false;
                            pc = a + 2;
                        } else {
                            pc = a + self.w(a) as usize;
                        }
                    }
                    op::ATOMIC_GROUP => {
                        let f = Frame::new(Kind::Atomic, toplevel, a, ptr);
                        self.frames.push(f);
                        self.ptr = ptr;
                        toplevel = false;
                        pc = a + 1;
                    }
                    op::POSSESSIVE_REPEAT => {
                        self.ptr = ptr;
                        let min = self.w(a + 1) as isize;
                        let mut f = Frame::new(Kind::Poss1, toplevel, a, ptr);
                        f.count = 0;
                        if 0 < min {
                            self.frames.push(f);
                            toplevel = false;
                            pc = a + 3;
                        } else {
                            match self.poss_loop(f) {
                                Some(np) => {
                                    toplevel = false;
                                    pc = np;
                                    ptr = self.ptr;
                                }
                                None => {
                                    pc = a + self.w(a) as usize + 1;
                                    ptr = self.ptr;
                                }
                            }
                        }
                    }
                    _ => return Err(SreError::Internal),
                }
            };

            // ---------------------------------------------------- unwind
            loop {
                let Some(mut f) = self.frames.pop() else {
                    return Ok(ret);
                };
                match f.kind {
                    Kind::Branch => {
                        if ret {
                            self.discard_pushed(&f);
                            continue;
                        }
                        self.restore_pushed(&f, false);
                        let nxt = f.pc + self.w(f.pc) as usize;
                        match self.next_alt(nxt, f.ptr) {
                            Some(alt) => {
                                f.pc = alt;
                                self.frames.push(f);
                                ptr = f.ptr;
                                self.ptr = ptr;
                                toplevel = f.toplevel;
                                pc = alt + 1;
                                continue 'main;
                            }
                            None => {
                                self.discard_pushed(&f);
                                ret = false;
                            }
                        }
                    }
                    Kind::RepeatOne | Kind::RepeatOneLit => {
                        if ret {
                            self.discard_pushed(&f);
                            continue;
                        }
                        self.restore_pushed(&f, false);
                        let min = self.w(f.pc + 1) as isize;
                        f.count -= 1;
                        let go = if f.kind == Kind::RepeatOneLit {
                            self.repeat_one_lit_scan(&mut f, min)
                        } else {
                            f.count >= min
                        };
                        if go {
                            let at = f.ptr + f.count as usize;
                            (ptr, toplevel, pc) = self.resume_tail(f, at);
                            continue 'main;
                        }
                        self.discard_pushed(&f);
                        ret = false;
                    }
                    Kind::MinRepeatOne => {
                        if ret {
                            self.discard_pushed(&f);
                            continue;
                        }
                        self.restore_pushed(&f, false);
                        self.ptr = f.ptr;
                        let max = self.w(f.pc + 2);
                        if self.count(f.pc + 3, f.ptr, 1) == 0 {
                            self.discard_pushed(&f);
                            ret = false;
                            continue;
                        }
                        f.ptr += 1;
                        f.count += 1;
                        if max == MAXREPEAT || f.count <= max as isize {
                            let at = f.ptr;
                            (ptr, toplevel, pc) = self.resume_tail(f, at);
                            continue 'main;
                        }
                        self.discard_pushed(&f);
                        ret = false;
                    }
                    Kind::Repeat => {
                        if f.rep < self.repeats.len() {
                            self.repeat = self.repeats[f.rep].prev;
                            self.repeats.truncate(f.rep);
                        }
                    }
                    Kind::MaxUntil1 | Kind::MinUntil1 => {
                        if !ret {
                            if let Some(r) = self.repeats.get_mut(f.rep) {
                                r.count = f.count - 1;
                            }
                            self.ptr = f.ptr;
                        }
                    }
                    Kind::MaxUntil2 => {
                        let r = f.rep;
                        if r >= self.repeats.len() {
                            return Err(SreError::Internal);
                        }
                        self.repeats[r].last_ptr = f.aux;
                        if ret {
                            self.mark_discard(&f);
                            continue;
                        }
                        self.mark_restore(&f, true);
                        self.lastmark_restore(&f);
                        self.repeats[r].count = f.count - 1;
                        self.ptr = f.ptr;
                        // Try the tail.
                        self.repeat = self.repeats[r].prev;
                        let mut g = Frame::new(Kind::MaxUntil3, f.toplevel, f.pc, f.ptr);
                        g.rep = r;
                        self.frames.push(g);
                        ptr = f.ptr;
                        toplevel = f.toplevel;
                        pc = f.pc;
                        continue 'main;
                    }
                    Kind::MaxUntil3 => {
                        self.repeat = f.rep;
                        if !ret {
                            self.ptr = f.ptr;
                        }
                    }
                    Kind::MinUntil2 => {
                        let r = f.rep;
                        if r >= self.repeats.len() {
                            return Err(SreError::Internal);
                        }
                        self.repeat = r;
                        if ret {
                            self.discard_pushed(&f);
                            continue;
                        }
                        self.restore_pushed(&f, true);
                        self.ptr = f.ptr;
                        let rep = self.repeats[r];
                        let max = self.w(rep.pc + 3);
                        if (max != MAXREPEAT && f.count >= max as isize) || f.ptr == rep.last_ptr {
                            ret = false;
                            continue;
                        }
                        self.repeats[r].count = f.count;
                        let mut g = Frame::new(Kind::MinUntil3, f.toplevel, f.pc, f.ptr);
                        g.rep = r;
                        g.count = f.count;
                        g.aux = rep.last_ptr;
                        self.repeats[r].last_ptr = f.ptr;
                        self.frames.push(g);
                        ptr = f.ptr;
                        toplevel = f.toplevel;
                        pc = rep.pc + 4;
                        continue 'main;
                    }
                    Kind::MinUntil3 => {
                        if let Some(r) = self.repeats.get_mut(f.rep) {
                            r.last_ptr = f.aux;
                            if !ret {
                                r.count = f.count - 1;
                            }
                        }
                        if !ret {
                            self.ptr = f.ptr;
                        }
                    }
                    Kind::Assert => {
                        if ret {
                            ptr = f.ptr;
                            toplevel = f.toplevel;
                            pc = f.pc + self.w(f.pc) as usize;
                            continue 'main;
                        }
                    }
                    Kind::AssertNot => {
                        if ret {
                            self.discard_pushed(&f);
                            ret = false;
                            continue;
                        }
                        self.restore_pushed(&f, true);
                        ptr = f.ptr;
                        toplevel = f.toplevel;
                        pc = f.pc + self.w(f.pc) as usize;
                        continue 'main;
                    }
                    Kind::Atomic => {
                        if ret {
                            ptr = self.ptr;
                            toplevel = f.toplevel;
                            pc = f.pc + self.w(f.pc) as usize;
                            continue 'main;
                        }
                        self.ptr = f.ptr;
                    }
                    Kind::Poss1 => {
                        if !ret {
                            self.ptr = f.ptr;
                            continue;
                        }
                        f.count += 1;
                        let min = self.w(f.pc + 1) as isize;
                        if f.count < min {
                            self.frames.push(f);
                            ptr = self.ptr;
                            toplevel = false;
                            pc = f.pc + 3;
                            continue 'main;
                        }
                        f.aux = NONE;
                        let (a, tl) = (f.pc, f.toplevel);
                        match self.poss_loop(f) {
                            Some(np) => {
                                toplevel = false;
                                pc = np;
                            }
                            None => {
                                toplevel = tl;
                                pc = a + self.w(a) as usize + 1;
                            }
                        }
                        ptr = self.ptr;
                        continue 'main;
                    }
                    Kind::Poss2 => {
                        let (a, tl) = (f.pc, f.toplevel);
                        if ret {
                            self.mark_discard(&f);
                            f.count += 1;
                            match self.poss_loop(f) {
                                Some(np) => {
                                    toplevel = false;
                                    pc = np;
                                }
                                None => {
                                    toplevel = tl;
                                    pc = a + self.w(a) as usize + 1;
                                }
                            }
                        } else {
                            self.mark_restore(&f, true);
                            self.lastmark_restore(&f);
                            self.ptr = f.aux;
                            toplevel = tl;
                            pc = a + self.w(a) as usize + 1;
                        }
                        ptr = self.ptr;
                        continue 'main;
                    }
                }
            }
        }
    }

    /// One more round of a possessive repeat: pushes the frame and returns
    /// the body's position, or None when the loop is over (continue with
    /// the tail at `self.ptr`, with the frame's toplevel).
    fn poss_loop(&mut self, mut f: Frame) -> Option<usize> {
        let max = self.w(f.pc + 2);
        if (max == MAXREPEAT || f.count < max as isize) && self.ptr != f.aux {
            f.kind = Kind::Poss2;
            f.pushed = false;
            self.save(&mut f, true);
            f.aux = self.ptr;
            let body = f.pc + 3;
            self.frames.push(f);
            Some(body)
        } else {
            None
        }
    }

    // -------------------------------------------------------------- entry points

    /// `match`: anchored at `self.start`.
    pub fn do_match(&mut self) -> Result<bool, SreError> {
        self.ptr = self.start;
        self.run(0, true)
    }

    /// `search`: the first match at or after `self.start`.
    pub fn search(&mut self) -> Result<bool, SreError> {
        let mut ptr = self.start;
        let end = self.end;
        if ptr > end {
            return Ok(false);
        }
        let mut pc = 0usize;
        let mut flags = 0u32;
        let mut prefix: Option<(usize, usize, usize)> = None;
        let mut charset: Option<usize> = None;
        let mut end_adj = end;
        if self.w(0) == op::INFO {
            flags = self.w(2);
            let min = self.w(3) as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                end_adj = end - (min - 1);
                if end_adj <= ptr {
                    end_adj = ptr;
                }
            }
            if flags & INFO_PREFIX != 0 {
                prefix = Some((self.w(5) as usize, self.w(6) as usize, 7));
            } else if flags & INFO_CHARSET != 0 {
                charset = Some(5);
            }
            pc = 1 + self.w(1) as usize;
        }
        if let Some((plen, pskip, ppos)) = prefix.filter(|p| p.0 >= 1) {
            if std::mem::size_of::<C>() == 1 && (0..plen).any(|i| self.w(ppos + i) > 255) {
                return Ok(false);
            }
            self.must_advance = false;
            let first = self.w(ppos);
            let s = self.s;
            let mut p = ptr;
            while p + plen <= end {
                // Find the first character.
                let mut q = p;
                while q + plen <= end && s[q].cp() != first {
                    q += 1;
                }
                if q + plen > end {
                    return Ok(false);
                }
                if (1..plen).all(|i| s[q + i].cp() == self.w(ppos + i)) {
                    self.start = q;
                    self.ptr = q + pskip;
                    if flags & INFO_LITERAL != 0 {
                        return Ok(true);
                    }
                    if self.run(pc + 2 * pskip, false)? {
                        return Ok(true);
                    }
                    self.lastmark = -1;
                    self.lastindex = -1;
                }
                p = q + 1;
            }
            return Ok(false);
        }
        if let Some(cs) = charset {
            self.must_advance = false;
            loop {
                match &self.prog.info_table {
                    Some(t) if std::mem::size_of::<C>() == 1 => {
                        while ptr < end && !in_table(t, self.ch(ptr)) {
                            ptr += 1;
                        }
                    }
                    _ => {
                        while ptr < end && !self.charset(cs, self.ch(ptr)) {
                            ptr += 1;
                        }
                    }
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.start = ptr;
                self.ptr = ptr;
                if self.run(pc, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.lastmark = -1;
                self.lastindex = -1;
            }
        }
        // General case.
        self.start = ptr;
        self.ptr = ptr;
        let mut status = self.run(pc, true)?;
        self.must_advance = false;
        if !status
            && self.w(pc) == op::AT
            && (self.w(pc + 1) == at::BEGINNING || self.w(pc + 1) == at::BEGINNING_STRING)
        {
            self.start = end;
            self.ptr = end;
            return Ok(false);
        }
        // A pattern starting with a literal character: skip to its occurrences.
        let lead = if self.w(pc) == op::LITERAL { Some(self.w(pc + 1)) } else { None };
        while !status && ptr < end_adj {
            ptr += 1;
            if let Some(c) = lead {
                while ptr < end_adj && self.ch(ptr) != c {
                    ptr += 1;
                }
            }
            self.lastmark = -1;
            self.lastindex = -1;
            self.start = ptr;
            self.ptr = ptr;
            status = self.run(pc, false)?;
        }
        Ok(status)
    }
}
