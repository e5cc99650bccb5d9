//! Expressions back to source text, for `from __future__ import annotations`
//! (annotations are then stored as strings).
//!
//! Owns [`unparse_expr`]: it inserts parentheses from operator precedence,
//! so the text re-parses to the same tree (the same contract as CPython's
//! `ast.unparse`, written independently); formatting of constants follows
//! Python's `repr`.

use crate::dis::{bytes_repr, float_repr, str_repr};
use krait_parser::ast::{
    self, Arguments, BoolOp, CmpOp, Comprehension, Expr, ExprKind, Operator, UnaryOp,
};

// Precedence levels, lowest first.
const TUPLE: u8 = 0;
const TEST: u8 = 1; // if-else, lambda
const OR: u8 = 2;
const AND: u8 = 3;
const NOT: u8 = 4;
const CMP: u8 = 5;
const BOR: u8 = 6;
const BXOR: u8 = 7;
const BAND: u8 = 8;
const SHIFT: u8 = 9;
const ARITH: u8 = 10;
const TERM: u8 = 11;
const FACTOR: u8 = 12;
const POWER: u8 = 13;
const AWAIT: u8 = 14;
const ATOM: u8 = 15;

/// Source text of an expression.
pub fn unparse_expr(e: &Expr) -> String {
    let mut out = String::new();
    write_expr(&mut out, e, TEST);
    out
}

fn op_info(op: Operator) -> (&'static str, u8) {
    match op {
        Operator::Add => ("+", ARITH),
        Operator::Sub => ("-", ARITH),
        Operator::Mult => ("*", TERM),
        Operator::MatMult => ("@", TERM),
        Operator::Div => ("/", TERM),
        Operator::Mod => ("%", TERM),
        Operator::FloorDiv => ("//", TERM),
        Operator::Pow => ("**", POWER),
        Operator::LShift => ("<<", SHIFT),
        Operator::RShift => (">>", SHIFT),
        Operator::BitOr => ("|", BOR),
        Operator::BitXor => ("^", BXOR),
        Operator::BitAnd => ("&", BAND),
    }
}

fn cmp_str(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

fn write_seq(out: &mut String, es: &[Expr], level: u8) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_expr(out, e, level);
    }
}

fn write_constant(out: &mut String, c: &ast::Constant) {
    match c {
        ast::Constant::None => out.push_str("None"),
        ast::Constant::Bool(true) => out.push_str("True"),
        ast::Constant::Bool(false) => out.push_str("False"),
        ast::Constant::Int(i) => out.push_str(&i.to_string()),
        ast::Constant::Float(f) => {
            if f.is_infinite() {
                out.push_str("1e309");
            } else {
                out.push_str(&float_repr(*f, true));
            }
        }
        ast::Constant::Complex { real, imag } => {
            let c = crate::code::Constant::Complex { real: *real, imag: *imag };
            out.push_str(&crate::dis::const_repr(&c).replace("inf", "1e309"));
        }
        ast::Constant::Str(s) => out.push_str(&str_repr(s.chars().map(|c| c as u32))),
        ast::Constant::StrWide(w) => out.push_str(&str_repr(w.iter().copied())),
        ast::Constant::Bytes(b) => out.push_str(&bytes_repr(b)),
        ast::Constant::Ellipsis => out.push_str("..."),
    }
}

fn write_args(out: &mut String, a: &Arguments) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(", ");
        }
        first = false;
    };
    let npos = a.posonlyargs.len() + a.args.len();
    let ndef = a.defaults.len();
    for (i, arg) in a.posonlyargs.iter().chain(&a.args).enumerate() {
        sep(out);
        out.push_str(&arg.arg);
        if i + ndef >= npos {
            out.push('=');
            write_expr(out, &a.defaults[i + ndef - npos], TEST);
        }
        if i + 1 == a.posonlyargs.len() {
            out.push_str(", /");
        }
    }
    if let Some(v) = &a.vararg {
        sep(out);
        out.push('*');
        out.push_str(&v.arg);
    } else if !a.kwonlyargs.is_empty() {
        sep(out);
        out.push('*');
    }
    for (arg, d) in a.kwonlyargs.iter().zip(&a.kw_defaults) {
        sep(out);
        out.push_str(&arg.arg);
        if let Some(d) = d {
            out.push('=');
            write_expr(out, d, TEST);
        }
    }
    if let Some(k) = &a.kwarg {
        sep(out);
        out.push_str("**");
        out.push_str(&k.arg);
    }
}

fn write_comprehensions(out: &mut String, gens: &[Comprehension]) {
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        write_expr(out, &g.target, TUPLE);
        out.push_str(" in ");
        write_expr(out, &g.iter, TEST + 1);
        for cond in &g.ifs {
            out.push_str(" if ");
            write_expr(out, cond, TEST + 1);
        }
    }
}

/// The body of an f-string (without quotes), with `{` `}` doubled in text.
fn write_fstring_body(out: &mut String, values: &[Expr]) {
    for v in values {
        match &v.kind {
            ExprKind::Constant { value: ast::Constant::Str(s) } => {
                out.push_str(&s.replace('{', "{{").replace('}', "}}"))
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                let mut inner = String::new();
                write_expr(&mut inner, value, TEST + 1);
                out.push('{');
                if inner.starts_with('{') {
                    out.push(' ');
                }
                out.push_str(&inner);
                if *conversion > 0 {
                    out.push('!');
                    out.push(char::from_u32(*conversion as u32).unwrap_or('r'));
                }
                if let Some(spec) = format_spec {
                    out.push(':');
                    if let ExprKind::JoinedStr { values } = &spec.kind {
                        write_fstring_body(out, values);
                    }
                }
                out.push('}');
            }
            other => {
                let _ = other;
            }
        }
    }
}

fn write_expr(out: &mut String, e: &Expr, level: u8) {
    let paren = |out: &mut String, own: u8, f: &mut dyn FnMut(&mut String)| {
        if level > own {
            out.push('(');
            f(out);
            out.push(')');
        } else {
            f(out);
        }
    };
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (s, p) = if *op == BoolOp::And { (" and ", AND) } else { (" or ", OR) };
            paren(out, p, &mut |out| {
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        out.push_str(s);
                    }
                    write_expr(out, v, p + 1);
                }
            });
        }
        ExprKind::NamedExpr { target, value } => {
            paren(out, TUPLE, &mut |out| {
                write_expr(out, target, ATOM);
                out.push_str(" := ");
                write_expr(out, value, ATOM);
            });
        }
        ExprKind::BinOp { left, op, right } => {
            let (s, p) = op_info(*op);
            let right_assoc = *op == Operator::Pow;
            paren(out, p, &mut |out| {
                write_expr(out, left, if right_assoc { p + 1 } else { p });
                out.push(' ');
                out.push_str(s);
                out.push(' ');
                write_expr(out, right, if right_assoc { p } else { p + 1 });
            });
        }
        ExprKind::UnaryOp { op, operand } => {
            let (s, p) = match op {
                UnaryOp::Not => ("not ", NOT),
                UnaryOp::USub => ("-", FACTOR),
                UnaryOp::UAdd => ("+", FACTOR),
                UnaryOp::Invert => ("~", FACTOR),
            };
            paren(out, p, &mut |out| {
                out.push_str(s);
                write_expr(out, operand, p);
            });
        }
        ExprKind::Lambda { args, body } => {
            paren(out, TEST, &mut |out| {
                let mut a = String::new();
                write_args(&mut a, args);
                if a.is_empty() {
                    out.push_str("lambda: ");
                } else {
                    out.push_str("lambda ");
                    out.push_str(&a);
                    out.push_str(": ");
                }
                write_expr(out, body, TEST);
            });
        }
        ExprKind::IfExp { test, body, orelse } => {
            paren(out, TEST, &mut |out| {
                write_expr(out, body, TEST + 1);
                out.push_str(" if ");
                write_expr(out, test, TEST + 1);
                out.push_str(" else ");
                write_expr(out, orelse, TEST);
            });
        }
        ExprKind::Dict { keys, values } => {
            out.push('{');
            for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        write_expr(out, k, TEST);
                        out.push_str(": ");
                        write_expr(out, v, TEST);
                    }
                    None => {
                        out.push_str("**");
                        write_expr(out, v, BOR);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set { elts } => {
            if elts.is_empty() {
                out.push_str("{*()}");
            } else {
                out.push('{');
                write_seq(out, elts, TEST);
                out.push('}');
            }
        }
        ExprKind::ListComp { elt, generators } => {
            out.push('[');
            write_expr(out, elt, TEST);
            write_comprehensions(out, generators);
            out.push(']');
        }
        ExprKind::SetComp { elt, generators } => {
            out.push('{');
            write_expr(out, elt, TEST);
            write_comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::DictComp { key, value, generators } => {
            out.push('{');
            write_expr(out, key, TEST);
            out.push_str(": ");
            write_expr(out, value, TEST);
            write_comprehensions(out, generators);
            out.push('}');
        }
        ExprKind::GeneratorExp { elt, generators } => {
            out.push('(');
            write_expr(out, elt, TEST);
            write_comprehensions(out, generators);
            out.push(')');
        }
        ExprKind::Await { value } => {
            paren(out, AWAIT, &mut |out| {
                out.push_str("await ");
                write_expr(out, value, ATOM);
            });
        }
        ExprKind::Yield { value } => {
            out.push_str("(yield");
            if let Some(v) = value {
                out.push(' ');
                write_expr(out, v, TUPLE);
            }
            out.push(')');
        }
        ExprKind::YieldFrom { value } => {
            out.push_str("(yield from ");
            write_expr(out, value, TEST);
            out.push(')');
        }
        ExprKind::Compare { left, ops, comparators } => {
            paren(out, CMP, &mut |out| {
                write_expr(out, left, CMP + 1);
                for (op, c) in ops.iter().zip(comparators) {
                    out.push(' ');
                    out.push_str(cmp_str(*op));
                    out.push(' ');
                    write_expr(out, c, CMP + 1);
                }
            });
        }
        ExprKind::Call { func, args, keywords } => {
            write_expr(out, func, ATOM);
            out.push('(');
            let single_genexp = args.len() == 1
                && keywords.is_empty()
                && matches!(args[0].kind, ExprKind::GeneratorExp { .. });
            if single_genexp {
                // `f(x for x in y)`: the genexp's own parentheses suffice.
                let mut inner = String::new();
                write_expr(&mut inner, &args[0], TEST);
                out.push_str(&inner[1..inner.len() - 1]);
            } else {
                let mut first = true;
                for a in args {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    write_expr(out, a, TEST);
                }
                for k in keywords {
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    match &k.arg {
                        Some(n) => {
                            out.push_str(n);
                            out.push('=');
                        }
                        None => out.push_str("**"),
                    }
                    write_expr(out, &k.value, TEST);
                }
            }
            out.push(')');
        }
        ExprKind::FormattedValue { .. } | ExprKind::JoinedStr { .. } => {
            let values: &[Expr] = match &e.kind {
                ExprKind::JoinedStr { values } => values,
                _ => std::slice::from_ref(e),
            };
            let mut body = String::new();
            write_fstring_body(&mut body, values);
            out.push('f');
            out.push_str(&str_repr(body.chars().map(|c| c as u32)));
        }
        ExprKind::Constant { value } => write_constant(out, value),
        ExprKind::Attribute { value, attr, .. } => {
            // `1 .real`: an int literal needs a space before the dot.
            let mut v = String::new();
            write_expr(&mut v, value, ATOM);
            out.push_str(&v);
            if matches!(value.kind, ExprKind::Constant { value: ast::Constant::Int(_) }) {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice, .. } => {
            write_expr(out, value, ATOM);
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple { elts, .. } if !elts.is_empty() => {
                    write_seq(out, elts, TEST);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => write_expr(out, slice, TUPLE),
            }
            out.push(']');
        }
        ExprKind::Starred { value, .. } => {
            out.push('*');
            write_expr(out, value, BOR);
        }
        ExprKind::Name { id, .. } => out.push_str(id),
        ExprKind::List { elts, .. } => {
            out.push('[');
            write_seq(out, elts, TEST);
            out.push(']');
        }
        ExprKind::Tuple { elts, .. } => {
            if elts.is_empty() {
                out.push_str("()");
            } else {
                paren(out, TUPLE, &mut |out| {
                    write_seq(out, elts, TEST);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                });
            }
        }
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                write_expr(out, l, TEST);
            }
            out.push(':');
            if let Some(u) = upper {
                write_expr(out, u, TEST);
            }
            if let Some(s) = step {
                out.push(':');
                write_expr(out, s, TEST);
            }
        }
    }
}
