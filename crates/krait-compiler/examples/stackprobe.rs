//! Measure the stack the compiler needs per nesting level (development aid):
//! `cargo run -p krait-compiler --example stackprobe -- KIND DEPTH STACK_KIB`
//! (KIND 0 binop, 1 list, 2 call); prints whether compilation succeeded.
use krait_parser::ast::{Expr, ExprContext, ExprKind, Loc, Mod, Operator, Stmt, StmtKind};
use krait_parser::Mode;

fn loc() -> Loc {
    Loc { line: 1, col: 0, end_line: 1, end_col: 1 }
}
fn name(id: &str) -> Expr {
    Expr { kind: ExprKind::Name { id: id.into(), ctx: ExprContext::Load }, loc: loc() }
}
fn deep(depth: usize, kind: usize) -> Mod {
    let mut e = name("a");
    for _ in 0..depth {
        e = match kind {
            0 => Expr { kind: ExprKind::BinOp { left: Box::new(e), op: Operator::Add, right: Box::new(name("b")) }, loc: loc() },
            1 => Expr { kind: ExprKind::List { elts: vec![e], ctx: ExprContext::Load }, loc: loc() },
            _ => Expr { kind: ExprKind::Call { func: Box::new(name("f")), args: vec![e], keywords: vec![] }, loc: loc() },
        };
    }
    Mod::Module { body: vec![Stmt { kind: StmtKind::Expr { value: e }, loc: loc() }] }
}

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().unwrap()).collect();
    let (kind, depth, kib) = (args[0], args[1], args[2]);
    let m = deep(depth, kind);
    let ok = std::thread::Builder::new()
        .stack_size(kib << 10)
        .spawn(move || {
            let r = krait_compiler::compile(&m, "<p>", Mode::Exec);
            std::mem::forget(m);
            r.is_ok()
        })
        .unwrap()
        .join()
        .unwrap();
    println!("{}", ok);
}
