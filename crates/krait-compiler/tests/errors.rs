//! SyntaxErrors raised by the compiler, with CPython 3.11's messages, and
//! robustness: no input may panic or overflow the stack.

use krait_parser::ast::{Expr, ExprContext, ExprKind, Loc, Mod, Operator, Stmt, StmtKind};
use krait_parser::Mode;

fn compile_err(src: &str) -> krait_parser::SyntaxError {
    match krait_compiler::compile_source(src, "<test>", Mode::Exec) {
        Ok(_) => panic!("expected an error for {:?}", src),
        Err(e) => e,
    }
}

fn msg(src: &str) -> String {
    compile_err(src).msg
}

#[test]
fn statement_context_errors() {
    assert_eq!(msg("return 1\n"), "'return' outside function");
    assert_eq!(msg("class C:\n    return\n"), "'return' outside function");
    assert_eq!(msg("yield 1\n"), "'yield' outside function");
    assert_eq!(msg("class C:\n    yield\n"), "'yield' outside function");
    assert_eq!(msg("break\n"), "'break' outside loop");
    assert_eq!(msg("continue\n"), "'continue' not properly in loop");
    assert_eq!(msg("def f():\n    for x in y:\n        def g():\n            break\n"), "'break' outside loop");
    assert_eq!(msg("await x\n"), "'await' outside function");
    assert_eq!(msg("def f():\n    await x\n"), "'await' outside async function");
    assert_eq!(msg("async def f():\n    yield from x\n"), "'yield from' inside async function");
    assert_eq!(msg("async def f():\n    yield 1\n    return 2\n"), "'return' with value in async generator");
    assert_eq!(msg("def f():\n    async with x:\n        pass\n"), "'async with' outside async function");
    assert_eq!(msg("def f():\n    async for x in y:\n        pass\n"), "'async for' outside async function");
    assert_eq!(msg("def f():\n    return [x async for x in y]\n"), "asynchronous comprehension outside of an asynchronous function");
    assert_eq!(msg("for x in y:\n    try:\n        pass\n    except* E:\n        break\n"), "'break', 'continue' and 'return' cannot appear in an except* block");
}

#[test]
fn assignment_errors() {
    assert_eq!(msg("__debug__ = 1\n"), "cannot assign to __debug__");
    assert_eq!(msg("del __debug__\n"), "cannot delete __debug__");
    assert_eq!(msg("f(a=1, a=2)\n"), "keyword argument repeated: a");
    assert_eq!(msg("from __future__ import braces\n"), "not a chance");
    assert_eq!(msg("from __future__ import nope\n"), "future feature nope is not defined");
    assert_eq!(msg("x = 1\nfrom __future__ import annotations\n"), "from __future__ imports must occur at the beginning of the file");
}

#[test]
fn pattern_errors() {
    assert_eq!(msg("match x:\n    case y:\n        pass\n    case 1:\n        pass\n"), "name capture 'y' makes remaining patterns unreachable");
    assert_eq!(msg("match x:\n    case _:\n        pass\n    case 1:\n        pass\n"), "wildcard makes remaining patterns unreachable");
    assert_eq!(msg("match x:\n    case [a, a]:\n        pass\n"), "multiple assignments to name 'a' in pattern");
    assert_eq!(msg("match x:\n    case [a] | (b,):\n        pass\n"), "alternative patterns bind different names");
    assert_eq!(msg("match x:\n    case {'k': 1, 'k': 2}:\n        pass\n"), "mapping pattern checks duplicate key ('k')");
    assert_eq!(msg("match x:\n    case C(a=1, a=2):\n        pass\n"), "attribute name repeated in class pattern: a");
}

#[test]
fn error_locations() {
    let e = compile_err("x = 1\ndef f():\n    return 1\nreturn 2\n");
    assert_eq!((e.line, e.col), (4, 1));
    assert_eq!(e.kind, "SyntaxError");
}

#[test]
fn too_many_nested_blocks() {
    let mut src = String::new();
    for i in 0..21 {
        src.push_str(&" ".repeat(i * 4));
        src.push_str(&format!("for x{} in y:\n", i));
    }
    src.push_str(&" ".repeat(21 * 4));
    src.push_str("pass\n");
    assert_eq!(msg(&src), "too many statically nested blocks");
    // 20 is fine.
    let mut ok = String::new();
    for i in 0..20 {
        ok.push_str(&" ".repeat(i * 4));
        ok.push_str("while x:\n");
    }
    ok.push_str(&" ".repeat(80));
    ok.push_str("pass\n");
    assert!(krait_compiler::compile_source(&ok, "<test>", Mode::Exec).is_ok());
}

fn loc() -> Loc {
    Loc { line: 1, col: 0, end_line: 1, end_col: 1 }
}

fn name(id: &str) -> Expr {
    Expr { kind: ExprKind::Name { id: id.into(), ctx: ExprContext::Load }, loc: loc() }
}

/// An expression nested `depth` levels deep, built without the parser.
fn deep_expr(depth: usize) -> Expr {
    let mut e = name("a");
    for i in 0..depth {
        e = if i % 2 == 0 {
            Expr {
                kind: ExprKind::BinOp { left: Box::new(e), op: Operator::Add, right: Box::new(name("b")) },
                loc: loc(),
            }
        } else {
            Expr { kind: ExprKind::List { elts: vec![e], ctx: ExprContext::Load }, loc: loc() }
        };
    }
    e
}

fn module_of(e: Expr) -> Mod {
    Mod::Module { body: vec![Stmt { kind: StmtKind::Expr { value: e }, loc: loc() }] }
}

/// Deep nesting is refused with an error instead of overflowing the
/// stack; nesting just below the limit compiles on a default-sized
/// (2 MiB) test thread.
#[test]
fn deep_nesting_does_not_overflow() {
    let m = module_of(deep_expr(1000));
    let r = krait_compiler::compile(&m, "<deep>", Mode::Exec);
    assert!(r.is_ok(), "{:?}", r.err());
    let m = module_of(deep_expr(5000));
    let e = krait_compiler::compile(&m, "<deep>", Mode::Exec).unwrap_err();
    assert_eq!(e.kind, "RecursionError");
    // Free the deep tree iteratively-ish: leak it rather than risk a deep drop.
    std::mem::forget(m);
}
