//! Constants: AST literals to code-object constants, and constant folding.
//!
//! Owns: [`convert`] (narrowing ints to `i64` when they fit) and
//! [`fold`], which evaluates at compile time the expressions whose value
//! can never differ at run time: literals, `__debug__`, unary `-`/`+`/`~`
//! on numbers, `+ - *` on numbers (ints kept small), `+` on two strings or
//! two bytes (size-limited), and tuples of those. Folding never raises: an
//! expression that could fail (division, huge results) is left alone.

use crate::code::Constant;
use krait_parser::ast::{self, ExprContext, ExprKind, Operator, UnaryOp};
use num_bigint::BigInt;
use std::rc::Rc;

/// Largest folded int, in bits (CPython uses the same order of magnitude).
const MAX_INT_BITS: u64 = 128;
/// Largest folded string or bytes concatenation.
const MAX_STR_LEN: usize = 4096;

pub(crate) fn convert(c: &ast::Constant) -> Constant {
    match c {
        ast::Constant::None => Constant::None,
        ast::Constant::Bool(b) => Constant::Bool(*b),
        ast::Constant::Int(i) => int_const(i.clone()),
        ast::Constant::Float(f) => Constant::Float(*f),
        ast::Constant::Complex { real, imag } => Constant::Complex { real: *real, imag: *imag },
        ast::Constant::Str(s) => Constant::Str(Rc::from(s.as_str())),
        ast::Constant::StrWide(w) => Constant::StrWide(Rc::from(w.as_slice())),
        ast::Constant::Bytes(b) => Constant::Bytes(Rc::from(b.as_slice())),
        ast::Constant::Ellipsis => Constant::Ellipsis,
    }
}

pub(crate) fn int_const(i: BigInt) -> Constant {
    match i64::try_from(&i) {
        Ok(v) => Constant::Int(v),
        Err(_) => Constant::BigInt(i),
    }
}

/// The compile-time value of `e`, if it has one.
pub(crate) fn fold(e: &ast::Expr) -> Option<Constant> {
    match &e.kind {
        ExprKind::Constant { value } => Some(convert(value)),
        ExprKind::Name { id, ctx: ExprContext::Load } if id == "__debug__" => Some(Constant::Bool(true)),
        ExprKind::UnaryOp { op, operand } => {
            let v = fold(operand)?;
            fold_unary(*op, &v)
        }
        ExprKind::BinOp { left, op, right } => {
            let l = fold(left)?;
            let r = fold(right)?;
            fold_binary(&l, *op, &r)
        }
        ExprKind::Tuple { elts, ctx: ExprContext::Load } => {
            let mut items = Vec::with_capacity(elts.len());
            for x in elts {
                items.push(fold(x)?);
            }
            Some(Constant::Tuple(Rc::from(items)))
        }
        _ => None,
    }
}

#[derive(Clone, Debug)]
enum Num {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
}

fn as_num(c: &Constant) -> Option<Num> {
    match c {
        Constant::Int(i) => Some(Num::Int(BigInt::from(*i))),
        Constant::BigInt(b) => Some(Num::Int(b.clone())),
        Constant::Float(f) => Some(Num::Float(*f)),
        Constant::Complex { real, imag } => Some(Num::Complex(*real, *imag)),
        _ => None,
    }
}

fn from_num(n: Num) -> Option<Constant> {
    match n {
        Num::Int(i) => {
            if i.bits() > MAX_INT_BITS {
                return None;
            }
            Some(int_const(i))
        }
        Num::Float(f) => Some(Constant::Float(f)),
        Num::Complex(r, i) => Some(Constant::Complex { real: r, imag: i }),
    }
}

fn to_f64(i: &BigInt) -> Option<f64> {
    let f: f64 = i.to_string().parse().ok()?;
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

fn fold_unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    let n = as_num(v)?;
    let r = match (op, n) {
        (UnaryOp::USub, Num::Int(i)) => Num::Int(-i),
        (UnaryOp::USub, Num::Float(f)) => Num::Float(-f),
        (UnaryOp::USub, Num::Complex(r, i)) => Num::Complex(-r, -i),
        (UnaryOp::UAdd, n) => n,
        (UnaryOp::Invert, Num::Int(i)) => Num::Int(-i - 1),
        _ => return None,
    };
    from_num(r)
}

fn fold_binary(l: &Constant, op: Operator, r: &Constant) -> Option<Constant> {
    match (l, op, r) {
        (Constant::Str(a), Operator::Add, Constant::Str(b)) => {
            if a.chars().count() + b.chars().count() > MAX_STR_LEN {
                return None;
            }
            return Some(Constant::Str(Rc::from(format!("{}{}", a, b).as_str())));
        }
        (Constant::Bytes(a), Operator::Add, Constant::Bytes(b)) => {
            if a.len() + b.len() > MAX_STR_LEN {
                return None;
            }
            let mut v = a.to_vec();
            v.extend_from_slice(b);
            return Some(Constant::Bytes(Rc::from(v.as_slice())));
        }
        _ => {}
    }
    let a = as_num(l)?;
    let b = as_num(r)?;
    let res = match (a, b) {
        (Num::Int(x), Num::Int(y)) => match op {
            Operator::Add => Num::Int(x + y),
            Operator::Sub => Num::Int(x - y),
            Operator::Mult => {
                if x.bits() + y.bits() > MAX_INT_BITS {
                    return None;
                }
                Num::Int(x * y)
            }
            _ => return None,
        },
        (a, b) => {
            let is_complex = matches!(a, Num::Complex(..)) || matches!(b, Num::Complex(..));
            let (ar, ai) = to_complex(&a)?;
            let (br, bi) = to_complex(&b)?;
            if is_complex {
                match op {
                    Operator::Add => Num::Complex(ar + br, ai + bi),
                    Operator::Sub => Num::Complex(ar - br, ai - bi),
                    Operator::Mult => Num::Complex(ar * br - ai * bi, ar * bi + ai * br),
                    _ => return None,
                }
            } else {
                match op {
                    Operator::Add => Num::Float(ar + br),
                    Operator::Sub => Num::Float(ar - br),
                    Operator::Mult => Num::Float(ar * br),
                    _ => return None,
                }
            }
        }
    };
    from_num(res)
}

fn to_complex(n: &Num) -> Option<(f64, f64)> {
    match n {
        Num::Int(i) => Some((to_f64(i)?, 0.0)),
        Num::Float(f) => Some((*f, 0.0)),
        Num::Complex(r, i) => Some((*r, *i)),
    }
}

/// Whether a constant is "true" (for folding `if`/`while` tests).
pub(crate) fn truthy(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(_) => true,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { real, imag } => *real != 0.0 || *imag != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::StrWide(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        Constant::Ellipsis | Constant::Code(_) => true,
    }
}
