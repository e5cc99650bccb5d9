//! The abstract syntax tree, shaped like CPython's `ast` module (3.11).
//!
//! Every statement and expression carries a [`Loc`]: 1-based lines and
//! 0-based columns counted in characters (code points), as CPython reports
//! them in SyntaxError and tracebacks. Identifiers are plain `String`s; the
//! compiler mangles private names itself.

use num_bigint::BigInt;

/// Source position of a node: start and end (end column is exclusive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

pub type Ident = String;

/// A whole module (file, `exec` input) or a single expression (`eval` input).
#[derive(Clone, Debug)]
pub enum Mod {
    Module { body: Vec<Stmt> },
    Expression { body: Box<Expr> },
    /// `single` mode of `compile`: the REPL. Expression statements print.
    Interactive { body: Vec<Stmt> },
}

#[derive(Clone, Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub enum StmtKind {
    FunctionDef(Box<FunctionDef>),
    /// `async def`: same payload as `FunctionDef`.
    AsyncFunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Return { value: Option<Expr> },
    Delete { targets: Vec<Expr> },
    Assign { targets: Vec<Expr>, value: Expr },
    AugAssign { target: Expr, op: Operator, value: Expr },
    /// `simple` is true when the target is a bare name not in parentheses.
    AnnAssign { target: Expr, annotation: Expr, value: Option<Expr>, simple: bool },
    For { target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    AsyncFor { target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    While { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    If { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    With { items: Vec<WithItem>, body: Vec<Stmt> },
    AsyncWith { items: Vec<WithItem>, body: Vec<Stmt> },
    Match { subject: Expr, cases: Vec<MatchCase> },
    Raise { exc: Option<Expr>, cause: Option<Expr> },
    Try { body: Vec<Stmt>, handlers: Vec<ExceptHandler>, orelse: Vec<Stmt>, finalbody: Vec<Stmt> },
    /// `try: ... except* E: ...`
    TryStar { body: Vec<Stmt>, handlers: Vec<ExceptHandler>, orelse: Vec<Stmt>, finalbody: Vec<Stmt> },
    Assert { test: Expr, msg: Option<Expr> },
    Import { names: Vec<Alias> },
    /// `from ..mod import a as b`; `module` is None for `from . import x`.
    ImportFrom { module: Option<Ident>, names: Vec<Alias>, level: u32 },
    Global { names: Vec<Ident> },
    Nonlocal { names: Vec<Ident> },
    Expr { value: Expr },
    Pass,
    Break,
    Continue,
}

#[derive(Clone, Debug)]
pub struct FunctionDef {
    pub name: Ident,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Expr>,
}

#[derive(Clone, Debug)]
pub struct ClassDef {
    pub name: Ident,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Clone, Debug)]
pub enum ExprKind {
    BoolOp { op: BoolOp, values: Vec<Expr> },
    NamedExpr { target: Box<Expr>, value: Box<Expr> },
    BinOp { left: Box<Expr>, op: Operator, right: Box<Expr> },
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    Lambda { args: Box<Arguments>, body: Box<Expr> },
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    /// `{k: v, **d}`: a `None` key marks a `**d` unpacking.
    Dict { keys: Vec<Option<Expr>>, values: Vec<Expr> },
    Set { elts: Vec<Expr> },
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    Await { value: Box<Expr> },
    Yield { value: Option<Box<Expr>> },
    YieldFrom { value: Box<Expr> },
    /// `a < b < c`: `ops.len() == comparators.len()`.
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    Call { func: Box<Expr>, args: Vec<Expr>, keywords: Vec<Keyword> },
    /// One `{...}` replacement field of an f-string. `conversion` is
    /// -1 (none), or 's', 'r', 'a' as a char code. `format_spec` is itself a
    /// `JoinedStr` when present.
    FormattedValue { value: Box<Expr>, conversion: i32, format_spec: Option<Box<Expr>> },
    /// An f-string: a sequence of `Constant(Str)` and `FormattedValue` parts.
    JoinedStr { values: Vec<Expr> },
    Constant { value: Constant },
    Attribute { value: Box<Expr>, attr: Ident, ctx: ExprContext },
    Subscript { value: Box<Expr>, slice: Box<Expr>, ctx: ExprContext },
    Starred { value: Box<Expr>, ctx: ExprContext },
    Name { id: Ident, ctx: ExprContext },
    List { elts: Vec<Expr>, ctx: ExprContext },
    Tuple { elts: Vec<Expr>, ctx: ExprContext },
    /// `a:b:c` inside a subscript only.
    Slice { lower: Option<Box<Expr>>, upper: Option<Box<Expr>>, step: Option<Box<Expr>> },
}

/// Literal constants as the parser produces them.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    /// Integers of any size (the compiler narrows small ones).
    Int(BigInt),
    Float(f64),
    /// Imaginary literal `3j`: the imaginary part.
    Complex { real: f64, imag: f64 },
    /// String literal (the common case: text with no lone surrogates).
    Str(String),
    /// String literal holding lone surrogates (`"\ud800"`), which Rust's
    /// `String` cannot: the code points one by one.
    StrWide(Vec<u32>),
    Bytes(Vec<u8>),
    Ellipsis,
}

impl Constant {
    /// Build a `Str` constant from Rust text.
    pub fn str(s: &str) -> Constant {
        Constant::Str(s.to_string())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Clone, Debug)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug)]
pub struct ExceptHandler {
    /// None for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
    pub loc: Loc,
}

/// Parameters of a function or lambda, in CPython's `ast.arguments` shape.
#[derive(Clone, Debug, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per `kwonlyargs`: None where there is no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    /// Defaults of the last `defaults.len()` of `posonlyargs ++ args`.
    pub defaults: Vec<Expr>,
}

#[derive(Clone, Debug)]
pub struct Arg {
    pub arg: Ident,
    pub annotation: Option<Expr>,
    pub loc: Loc,
}

/// `name=value` in a call or class definition; `arg` None means `**value`.
#[derive(Clone, Debug)]
pub struct Keyword {
    pub arg: Option<Ident>,
    pub value: Expr,
    pub loc: Loc,
}

/// `import a.b as c`: name "a.b", asname Some("c"). `*` is name "*".
#[derive(Clone, Debug)]
pub struct Alias {
    pub name: Ident,
    pub asname: Option<Ident>,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}

#[derive(Clone, Debug)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug)]
pub struct Pattern {
    pub kind: PatternKind,
    pub loc: Loc,
}

#[derive(Clone, Debug)]
pub enum PatternKind {
    /// A literal or dotted value pattern: `1`, `"x"`, `-1+2j`, `Color.RED`.
    MatchValue { value: Expr },
    /// `None`, `True`, `False` (compared by identity).
    MatchSingleton { value: Constant },
    /// `[a, *rest]` / `(a, b)`.
    MatchSequence { patterns: Vec<Pattern> },
    /// `{"k": p, **rest}`.
    MatchMapping { keys: Vec<Expr>, patterns: Vec<Pattern>, rest: Option<Ident> },
    /// `Point(x, y=p)`.
    MatchClass { cls: Expr, patterns: Vec<Pattern>, kwd_attrs: Vec<Ident>, kwd_patterns: Vec<Pattern> },
    /// `*rest` inside a sequence pattern; None for `*_`.
    MatchStar { name: Option<Ident> },
    /// `p as name`, a bare capture `name` (pattern None), or `_` (both None).
    MatchAs { pattern: Option<Box<Pattern>>, name: Option<Ident> },
    MatchOr { patterns: Vec<Pattern> },
}
