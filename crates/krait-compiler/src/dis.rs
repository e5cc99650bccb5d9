//! A textual disassembler in the format of CPython 3.11's `dis.dis`.
//!
//! Owns [`disassemble`] (instructions of a code object and, recursively,
//! of the code objects among its constants), [`dump_exception_table`] and
//! Python-style `repr` of constants (also used by the unparser and by
//! compiler error messages).
//!
//! Offsets are instruction index × 2 (CPython's byte offsets without
//! inline caches). Code object addresses are printed as the stable
//! placeholder `0x...` so that output is reproducible.

use crate::code::{CodeObject, Constant};
use crate::opcodes::{ArgKind, BinOpKind, CmpOpKind, Op};
use std::collections::HashSet;
use std::fmt::Write;

/// The `repr()` of a code object, with a placeholder address.
pub fn code_repr(code: &CodeObject) -> String {
    format!(
        "<code object {} at 0x..., file \"{}\", line {}>",
        code.name, code.filename, code.firstlineno
    )
}

/// Disassemble `code` and every code object nested in its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    dis_recursive(code, &mut out);
    out
}

fn dis_recursive(code: &CodeObject, out: &mut String) {
    dis_code(code, out);
    for c in &code.consts {
        if let Constant::Code(child) = c {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {}:", code_repr(child));
            dis_recursive(child, out);
        }
    }
}

/// The rendered operand of instruction `i` (the text in parentheses).
fn argrepr(code: &CodeObject, op: Op, arg: u32) -> String {
    let name_at = |v: &[std::rc::Rc<str>], i: u32| v.get(i as usize).map(|s| s.to_string()).unwrap_or_else(|| "?".into());
    match op.arg_kind() {
        ArgKind::None => String::new(),
        ArgKind::Const => code.consts.get(arg as usize).map(const_repr).unwrap_or_else(|| "?".into()),
        ArgKind::Name => name_at(&code.names, arg),
        ArgKind::Local => name_at(&code.varnames, arg),
        ArgKind::Cell => {
            let nc = code.cellvars.len() as u32;
            if arg < nc {
                name_at(&code.cellvars, arg)
            } else {
                name_at(&code.freevars, arg - nc)
            }
        }
        ArgKind::Jump => format!("to {}", arg * 2),
        ArgKind::BinOp => {
            if arg >= 26 {
                return "?".into();
            }
            let (k, inplace) = BinOpKind::from_arg(arg);
            format!("{}{}", k.symbol(), if inplace { "=" } else { "" })
        }
        ArgKind::CmpOp => {
            if arg >= 6 {
                return "?".into();
            }
            CmpOpKind::from_arg(arg).symbol().to_string()
        }
        ArgKind::Count => match op {
            Op::FormatValue => {
                let mut s = ["", "str", "repr", "ascii"][(arg & 3) as usize].to_string();
                if arg & 4 != 0 {
                    if !s.is_empty() {
                        s.push_str(", ");
                    }
                    s.push_str("with format");
                }
                s
            }
            Op::MakeFunction => {
                let names = ["defaults", "kwdefaults", "annotations", "closure"];
                names
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| arg & (1 << i) != 0)
                    .map(|(_, n)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            _ => String::new(),
        },
    }
}

fn dis_code(code: &CodeObject, out: &mut String) {
    let n = code.instrs.len();
    let mut targets: HashSet<u32> = HashSet::new();
    for ins in &code.instrs {
        if ins.op.is_jump() {
            targets.insert(ins.arg);
        }
    }
    for e in &code.exception_table {
        targets.insert(e.target);
    }
    let max_line = code.locations.iter().map(|l| l.line).max().unwrap_or(0);
    let lineno_width = if max_line >= 1000 { max_line.to_string().len() } else { 3 };
    let max_offset = n.saturating_sub(1) * 2;
    let offset_width = if max_offset >= 10000 { max_offset.to_string().len() } else { 4 };
    let mut prev_line = 0u32;
    for (i, ins) in code.instrs.iter().enumerate() {
        let line = code.locations.get(i).map_or(0, |l| l.line);
        let starts = line != 0 && line != prev_line;
        if starts {
            if i > 0 {
                out.push('\n');
            }
            prev_line = line;
        }
        let mut fields: Vec<String> = Vec::new();
        fields.push(if starts {
            format!("{:>w$}", line, w = lineno_width)
        } else {
            " ".repeat(lineno_width)
        });
        fields.push("   ".into());
        fields.push(if targets.contains(&(i as u32)) { ">>".into() } else { "  ".into() });
        fields.push(format!("{:>w$}", i * 2, w = offset_width));
        fields.push(format!("{:<20}", ins.op.name()));
        if ins.op.arg_kind() != ArgKind::None {
            fields.push(format!("{:>5}", ins.arg));
            let r = argrepr(code, ins.op, ins.arg);
            if !r.is_empty() {
                fields.push(format!("({})", r));
            }
        }
        out.push_str(fields.join(" ").trim_end());
        out.push('\n');
    }
    out.push_str(&dump_exception_table(code));
}

/// The `ExceptionTable:` section of `dis` (empty if there are no entries).
pub fn dump_exception_table(code: &CodeObject) -> String {
    let mut out = String::new();
    if code.exception_table.is_empty() {
        return out;
    }
    out.push_str("ExceptionTable:\n");
    for e in &code.exception_table {
        let _ = writeln!(
            out,
            "  {} to {} -> {} [{}]{}",
            e.start * 2,
            e.end.saturating_sub(1) * 2,
            e.target * 2,
            e.depth,
            if e.push_lasti { " lasti" } else { "" }
        );
    }
    out
}

/// Python's `repr()` of a constant.
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(true) => "True".into(),
        Constant::Bool(false) => "False".into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(b) => b.to_string(),
        Constant::Float(f) => float_repr(*f, true),
        Constant::Complex { real, imag } => {
            let im = float_repr(*imag, false);
            if *real == 0.0 && real.is_sign_positive() {
                format!("{}j", im)
            } else {
                let re = float_repr(*real, false);
                let sign = if im.starts_with('-') { "" } else { "+" };
                format!("({}{}{}j)", re, sign, im)
            }
        }
        Constant::Str(s) => str_repr(s.chars().map(|c| c as u32)),
        Constant::StrWide(w) => str_repr(w.iter().copied()),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Tuple(items) => {
            let parts: Vec<String> = items.iter().map(const_repr).collect();
            if parts.len() == 1 {
                format!("({},)", parts[0])
            } else {
                format!("({})", parts.join(", "))
            }
        }
        Constant::FrozenSet(items) => {
            if items.is_empty() {
                "frozenset()".into()
            } else {
                let parts: Vec<String> = items.iter().map(const_repr).collect();
                format!("frozenset({{{}}})", parts.join(", "))
            }
        }
        Constant::Ellipsis => "Ellipsis".into(),
        Constant::Code(code) => code_repr(code),
    }
}

/// Python's `repr(float)`; without `dot_zero`, integral values have no
/// `.0` (the style used inside complex reprs).
pub fn float_repr(f: f64, dot_zero: bool) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{}0{}", sign, if dot_zero { ".0" } else { "" });
    }
    // Shortest round-trip digits and exponent from Rust's formatter.
    let sci = format!("{:e}", f.abs());
    let (mant, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    let decpt = exp + 1;
    let body = if decpt <= -4 || decpt > 16 {
        let (first, rest) = digits.split_at(1);
        let e = decpt - 1;
        format!(
            "{}{}{}e{}{:02}",
            first,
            if rest.is_empty() { "" } else { "." },
            rest,
            if e < 0 { "-" } else { "+" },
            e.abs()
        )
    } else if decpt <= 0 {
        format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
    } else if decpt as usize >= digits.len() {
        format!(
            "{}{}{}",
            digits,
            "0".repeat(decpt as usize - digits.len()),
            if dot_zero { ".0" } else { "" }
        )
    } else {
        let (a, b) = digits.split_at(decpt as usize);
        format!("{}.{}", a, b)
    };
    format!("{}{}", sign, body)
}

fn is_printable(c: char) -> bool {
    let u = c as u32;
    !(u < 0x20
        || (0x7f..=0xa0).contains(&u)
        || u == 0xad
        || (0x2028..=0x2029).contains(&u)
        || (0x200b..=0x200f).contains(&u)
        || (0x202a..=0x202e).contains(&u)
        || (0x2060..=0x2064).contains(&u)
        || u == 0xfeff
        || (0xe000..=0xf8ff).contains(&u)
        || (0xfff9..=0xfffb).contains(&u)
        || u >= 0xf0000)
}

/// Python's `repr(str)` of a sequence of code points (surrogates allowed).
pub fn str_repr(cps: impl Iterator<Item = u32> + Clone) -> String {
    let has_single = cps.clone().any(|c| c == '\'' as u32);
    let has_double = cps.clone().any(|c| c == '"' as u32);
    let quote = if has_single && !has_double { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for cp in cps {
        match char::from_u32(cp) {
            Some('\\') => out.push_str("\\\\"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some('\t') => out.push_str("\\t"),
            Some(c) if c == quote => {
                out.push('\\');
                out.push(c);
            }
            Some(c) if is_printable(c) => out.push(c),
            _ => {
                if cp < 0x100 {
                    let _ = write!(out, "\\x{:02x}", cp);
                } else if cp < 0x10000 {
                    let _ = write!(out, "\\u{:04x}", cp);
                } else {
                    let _ = write!(out, "\\U{:08x}", cp);
                }
            }
        }
    }
    out.push(quote);
    out
}

/// Python's `repr(bytes)`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if x as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(x as char),
            _ => {
                let _ = write!(out, "\\x{:02x}", x);
            }
        }
    }
    out.push(quote);
    out
}
