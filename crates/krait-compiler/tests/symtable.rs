//! Scope analysis: classification of names and scope-level errors.

use krait_compiler::symtable::{flags, ScopeKind, SymbolScope, SymbolTable};
use krait_parser::Mode;

fn table(src: &str) -> SymbolTable {
    let m = krait_parser::parse(src, "<test>", Mode::Exec).expect("parses");
    SymbolTable::build(&m, false).expect("symtable builds")
}

fn scope_named<'t>(st: &'t SymbolTable, name: &str) -> &'t krait_compiler::symtable::Scope {
    st.scopes.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no scope {}", name))
}

fn sc(st: &SymbolTable, scope: &str, name: &str) -> SymbolScope {
    scope_named(st, scope).scope_of(name)
}

/// Compile and return the SyntaxError message (the test expects failure).
fn err(src: &str) -> String {
    let m = krait_parser::parse(src, "<test>", Mode::Exec).expect("parses");
    match krait_compiler::compile(&m, "<test>", Mode::Exec) {
        Ok(_) => panic!("expected an error for {:?}", src),
        Err(e) => e.msg,
    }
}

#[test]
fn module_and_function_locals() {
    let st = table("x = 1\ndef f(a, *b, c, **d):\n    y = a\n    return x, y, z\n");
    assert_eq!(st.top().kind, ScopeKind::Module);
    assert_eq!(sc(&st, "top", "x"), SymbolScope::Local);
    assert_eq!(sc(&st, "top", "f"), SymbolScope::Local);
    let f = scope_named(&st, "f");
    assert_eq!(f.params, vec!["a", "c", "b", "d"]);
    assert!(f.has_varargs && f.has_varkw);
    assert_eq!(sc(&st, "f", "a"), SymbolScope::Local);
    assert_eq!(sc(&st, "f", "y"), SymbolScope::Local);
    assert_eq!(sc(&st, "f", "x"), SymbolScope::GlobalImplicit);
    assert_eq!(sc(&st, "f", "z"), SymbolScope::GlobalImplicit);
}

#[test]
fn cells_and_free_variables() {
    let src = "def outer(p):\n    v = 1\n    def mid():\n        def inner():\n            return v + p\n        return inner\n    return mid\n";
    let st = table(src);
    assert_eq!(sc(&st, "outer", "v"), SymbolScope::Cell);
    assert_eq!(sc(&st, "outer", "p"), SymbolScope::Cell);
    // `mid` does not use v itself but passes it down.
    assert_eq!(sc(&st, "mid", "v"), SymbolScope::Free);
    assert_eq!(sc(&st, "inner", "v"), SymbolScope::Free);
    assert_eq!(sc(&st, "inner", "p"), SymbolScope::Free);
    assert!(scope_named(&st, "inner").nested);
}

#[test]
fn global_and_nonlocal() {
    let src = "def f():\n    global g\n    g = 1\n    n = 0\n    def h():\n        nonlocal n\n        n = 2\n";
    let st = table(src);
    assert_eq!(sc(&st, "f", "g"), SymbolScope::GlobalExplicit);
    assert_eq!(sc(&st, "f", "n"), SymbolScope::Cell);
    assert_eq!(sc(&st, "h", "n"), SymbolScope::Free);
    // The module records names declared global anywhere.
    assert!(st.top().lookup("g").unwrap().flags & flags::DEF_GLOBAL != 0);
}

#[test]
fn class_scopes() {
    let src = "def f():\n    x = 1\n    class C:\n        x = 2\n        y = x\n        def m(self):\n            return x, y, super()\n";
    let st = table(src);
    // Class bodies do not make names visible to methods.
    assert_eq!(sc(&st, "m", "y"), SymbolScope::GlobalImplicit);
    // x in the method comes from f, through the class.
    assert_eq!(sc(&st, "m", "x"), SymbolScope::Free);
    let c = scope_named(&st, "C");
    assert_eq!(c.scope_of("x"), SymbolScope::Local);
    assert!(c.lookup("x").unwrap().flags & flags::DEF_FREE_CLASS != 0);
    // super() needs the implicit __class__ cell.
    assert!(c.needs_class_closure);
    assert_eq!(sc(&st, "m", "__class__"), SymbolScope::Free);
}

#[test]
fn class_without_super_has_no_cell() {
    let st = table("class C:\n    def m(self):\n        return 1\n");
    assert!(!scope_named(&st, "C").needs_class_closure);
}

#[test]
fn private_names_are_mangled() {
    let st = table("class _Cls:\n    __a = 1\n    __b__ = 2\n    def m(self, __p):\n        return __p\n");
    let c = scope_named(&st, "_Cls");
    assert!(c.lookup("_Cls__a").is_some());
    assert!(c.lookup("__b__").is_some());
    let m = scope_named(&st, "m");
    assert_eq!(m.params, vec!["self", "_Cls__p"]);
}

#[test]
fn comprehensions_are_scopes() {
    let src = "def f(xs):\n    return [x for x in xs if (last := x)], last\n";
    let st = table(src);
    let lc = scope_named(&st, "<listcomp>");
    assert_eq!(lc.kind, ScopeKind::Comprehension);
    assert_eq!(lc.params, vec![".0"]);
    assert_eq!(lc.scope_of("x"), SymbolScope::Local);
    // The outermost iterable is evaluated in f.
    assert_eq!(lc.scope_of("xs"), SymbolScope::Unknown);
    // The walrus target binds in f.
    assert_eq!(lc.scope_of("last"), SymbolScope::Free);
    assert_eq!(sc(&st, "f", "last"), SymbolScope::Cell);
}

#[test]
fn generator_and_coroutine_flags() {
    let st = table("def g():\n    yield 1\nasync def c():\n    await x\nasync def ag():\n    yield 1\nlambda: (yield)\n");
    let g = scope_named(&st, "g");
    assert!(g.is_generator && !g.is_coroutine);
    let c = scope_named(&st, "c");
    assert!(c.is_coroutine && !c.is_generator);
    let ag = scope_named(&st, "ag");
    assert!(ag.is_coroutine && ag.is_generator);
    assert!(scope_named(&st, "lambda").is_generator);
    let st = table("x = (i for i in y)\n");
    assert!(scope_named(&st, "<genexpr>").is_generator);
}

#[test]
fn scope_errors() {
    assert_eq!(err("def f():\n    x = 1\n    global x\n"), "name 'x' is assigned to before global declaration");
    assert_eq!(err("def f():\n    print(x)\n    global x\n"), "name 'x' is used prior to global declaration");
    assert_eq!(err("def f(x):\n    global x\n"), "name 'x' is parameter and global");
    assert_eq!(err("def f():\n    x: int\n    global x\n"), "annotated name 'x' can't be global");
    assert_eq!(err("def f():\n    def g():\n        nonlocal x\n"), "no binding for nonlocal 'x' found");
    assert_eq!(err("nonlocal x\n"), "nonlocal declaration not allowed at module level");
    assert_eq!(err("def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n"), "name 'x' is assigned to before nonlocal declaration");
    assert_eq!(err("def f(a, a): pass\n"), "duplicate argument 'a' in function definition");
    assert_eq!(err("def f():\n    from os import *\n"), "import * only allowed at module level");
    assert_eq!(err("[i := 0 for i in range(3)]\n"), "assignment expression cannot rebind comprehension iteration variable 'i'");
    assert_eq!(err("[x for x in (y := [1])]\n"), "assignment expression cannot be used in a comprehension iterable expression");
    assert_eq!(err("class C:\n    [(y := x) for x in range(3)]\n"), "assignment expression within a comprehension cannot be used in a class body");
    assert_eq!(err("def f():\n    [(yield x) for x in y]\n"), "'yield' inside list comprehension");
    assert_eq!(err("def f():\n    ((yield x) for x in y)\n"), "'yield' inside generator expression");
}
