//! Text dump of an AST in the exact format of CPython's `ast.dump(node,
//! include_attributes=...)` (no indentation), for tests and debugging.

use crate::ast::*;
use std::fmt::Write;

pub fn dump(m: &Mod, attrs: bool) -> String {
    let mut d = Dumper {
        out: String::new(),
        attrs,
    };
    match m {
        Mod::Module { body } => {
            d.out.push_str("Module(body=");
            d.stmts(body);
            d.out.push_str(", type_ignores=[])");
        }
        Mod::Expression { body } => {
            d.out.push_str("Expression(body=");
            d.expr(body);
            d.out.push(')');
        }
        Mod::Interactive { body } => {
            d.out.push_str("Interactive(body=");
            d.stmts(body);
            d.out.push(')');
        }
    }
    d.out
}

/// Python's `repr()` of a str given as code points.
pub fn repr_str_cps(cps: &[u32]) -> String {
    let has_sq = cps.contains(&('\'' as u32));
    let has_dq = cps.contains(&('"' as u32));
    let q = if has_sq && !has_dq { '"' } else { '\'' };
    let mut s = String::new();
    s.push(q);
    for &cp in cps {
        match char::from_u32(cp) {
            Some(c) if c == q || c == '\\' => {
                s.push('\\');
                s.push(c);
            }
            Some('\n') => s.push_str("\\n"),
            Some('\r') => s.push_str("\\r"),
            Some('\t') => s.push_str("\\t"),
            Some(c) if crate::lexer::is_printable(c) => s.push(c),
            _ => {
                if cp < 0x100 {
                    let _ = write!(s, "\\x{:02x}", cp);
                } else if cp < 0x10000 {
                    let _ = write!(s, "\\u{:04x}", cp);
                } else {
                    let _ = write!(s, "\\U{:08x}", cp);
                }
            }
        }
    }
    s.push(q);
    s
}

pub fn repr_str(t: &str) -> String {
    let cps: Vec<u32> = t.chars().map(|c| c as u32).collect();
    repr_str_cps(&cps)
}

pub fn repr_bytes(b: &[u8]) -> String {
    let has_sq = b.contains(&b'\'');
    let has_dq = b.contains(&b'"');
    let q = if has_sq && !has_dq { b'"' } else { b'\'' };
    let mut s = String::from("b");
    s.push(q as char);
    for &c in b {
        match c {
            _ if c == q || c == b'\\' => {
                s.push('\\');
                s.push(c as char);
            }
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b'\t' => s.push_str("\\t"),
            0x20..=0x7e => s.push(c as char),
            _ => {
                let _ = write!(s, "\\x{:02x}", c);
            }
        }
    }
    s.push(q as char);
    s
}

/// Python's `repr()` of a float.
pub fn repr_float(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if f == 0.0 {
        return if f.is_sign_negative() {
            "-0.0".into()
        } else {
            "0.0".into()
        };
    }
    let e = format!("{:e}", f); // shortest round-trip digits, e.g. "1.5e16"
    let (mant, exp) = e.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let neg = mant.starts_with('-');
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut s = String::new();
    if neg {
        s.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp < 0 {
            s.push_str("0.");
            for _ in 0..(-exp - 1) {
                s.push('0');
            }
            s.push_str(&digits);
        } else {
            let point = exp as usize + 1;
            if digits.len() <= point {
                s.push_str(&digits);
                for _ in digits.len()..point {
                    s.push('0');
                }
                s.push_str(".0");
            } else {
                s.push_str(&digits[..point]);
                s.push('.');
                s.push_str(&digits[point..]);
            }
        }
    } else {
        s.push_str(&digits[..1]);
        if digits.len() > 1 {
            s.push('.');
            s.push_str(&digits[1..]);
        }
        let _ = write!(s, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    s
}

pub fn repr_constant(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(f) => repr_float(*f),
        Constant::Complex { real, imag } => {
            let mut im = repr_float(*imag);
            if im.ends_with(".0") {
                im.truncate(im.len() - 2);
            }
            if *real == 0.0 && !real.is_sign_negative() {
                format!("{}j", im)
            } else {
                let mut re = repr_float(*real);
                if re.ends_with(".0") {
                    re.truncate(re.len() - 2);
                }
                let sign = if im.starts_with('-') { "" } else { "+" };
                format!("({}{}{}j)", re, sign, im)
            }
        }
        Constant::Str(s) => repr_str(s),
        Constant::StrWide(w) => repr_str_cps(w),
        Constant::Bytes(b) => repr_bytes(b),
        Constant::Ellipsis => "Ellipsis".into(),
    }
}

struct Dumper {
    out: String,
    attrs: bool,
}

impl Dumper {
    fn loc(&mut self, l: &Loc) {
        if self.attrs {
            let _ = write!(
                self.out,
                ", lineno={}, col_offset={}, end_lineno={}, end_col_offset={}",
                l.line, l.col, l.end_line, l.end_col
            );
        }
    }

    fn list<T>(&mut self, items: &[T], f: impl Fn(&mut Self, &T)) {
        self.out.push('[');
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            f(self, x);
        }
        self.out.push(']');
    }

    fn stmts(&mut self, b: &[Stmt]) {
        self.list(b, |d, s| d.stmt(s));
    }

    fn exprs(&mut self, b: &[Expr]) {
        self.list(b, |d, e| d.expr(e));
    }

    fn names(&mut self, b: &[Ident]) {
        self.list(b, |d, n| d.out.push_str(&repr_str(n)));
    }

    fn opt_expr(&mut self, name: &str, e: &Option<Expr>) {
        if let Some(e) = e {
            let _ = write!(self.out, ", {}=", name);
            self.expr(e);
        }
    }

    fn ctx(&mut self, c: ExprContext) {
        self.out.push_str(match c {
            ExprContext::Load => "Load()",
            ExprContext::Store => "Store()",
            ExprContext::Del => "Del()",
        });
    }

    fn stmt(&mut self, s: &Stmt) {
        use StmtKind::*;
        match &s.kind {
            FunctionDef(f) | AsyncFunctionDef(f) => {
                let n = if matches!(s.kind, FunctionDef(_)) {
                    "FunctionDef"
                } else {
                    "AsyncFunctionDef"
                };
                let _ = write!(self.out, "{}(name={}, args=", n, repr_str(&f.name));
                self.arguments(&f.args);
                self.out.push_str(", body=");
                self.stmts(&f.body);
                self.out.push_str(", decorator_list=");
                self.exprs(&f.decorator_list);
                self.opt_expr("returns", &f.returns);
            }
            ClassDef(c) => {
                let _ = write!(self.out, "ClassDef(name={}, bases=", repr_str(&c.name));
                self.exprs(&c.bases);
                self.out.push_str(", keywords=");
                self.list(&c.keywords, |d, k| d.keyword(k));
                self.out.push_str(", body=");
                self.stmts(&c.body);
                self.out.push_str(", decorator_list=");
                self.exprs(&c.decorator_list);
            }
            Return { value } => {
                self.out.push_str("Return(");
                if let Some(v) = value {
                    self.out.push_str("value=");
                    self.expr(v);
                }
            }
            Delete { targets } => {
                self.out.push_str("Delete(targets=");
                self.exprs(targets);
            }
            Assign { targets, value } => {
                self.out.push_str("Assign(targets=");
                self.exprs(targets);
                self.out.push_str(", value=");
                self.expr(value);
            }
            AugAssign { target, op, value } => {
                self.out.push_str("AugAssign(target=");
                self.expr(target);
                let _ = write!(self.out, ", op={}(), value=", op_name(*op));
                self.expr(value);
            }
            AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.out.push_str("AnnAssign(target=");
                self.expr(target);
                self.out.push_str(", annotation=");
                self.expr(annotation);
                self.opt_expr("value", value);
                let _ = write!(self.out, ", simple={}", *simple as u8);
            }
            For {
                target,
                iter,
                body,
                orelse,
            }
            | AsyncFor {
                target,
                iter,
                body,
                orelse,
            } => {
                let n = if matches!(s.kind, For { .. }) {
                    "For"
                } else {
                    "AsyncFor"
                };
                let _ = write!(self.out, "{}(target=", n);
                self.expr(target);
                self.out.push_str(", iter=");
                self.expr(iter);
                self.out.push_str(", body=");
                self.stmts(body);
                self.out.push_str(", orelse=");
                self.stmts(orelse);
            }
            While { test, body, orelse } | If { test, body, orelse } => {
                let n = if matches!(s.kind, While { .. }) {
                    "While"
                } else {
                    "If"
                };
                let _ = write!(self.out, "{}(test=", n);
                self.expr(test);
                self.out.push_str(", body=");
                self.stmts(body);
                self.out.push_str(", orelse=");
                self.stmts(orelse);
            }
            With { items, body } | AsyncWith { items, body } => {
                let n = if matches!(s.kind, With { .. }) {
                    "With"
                } else {
                    "AsyncWith"
                };
                let _ = write!(self.out, "{}(items=", n);
                self.list(items, |d, it| {
                    d.out.push_str("withitem(context_expr=");
                    d.expr(&it.context_expr);
                    d.opt_expr("optional_vars", &it.optional_vars);
                    d.out.push(')');
                });
                self.out.push_str(", body=");
                self.stmts(body);
            }
            Match { subject, cases } => {
                self.out.push_str("Match(subject=");
                self.expr(subject);
                self.out.push_str(", cases=");
                self.list(cases, |d, c| {
                    d.out.push_str("match_case(pattern=");
                    d.pattern(&c.pattern);
                    d.opt_expr("guard", &c.guard);
                    d.out.push_str(", body=");
                    d.stmts(&c.body);
                    d.out.push(')');
                });
            }
            Raise { exc, cause } => {
                self.out.push_str("Raise(");
                let mut first = true;
                if let Some(e) = exc {
                    self.out.push_str("exc=");
                    self.expr(e);
                    first = false;
                }
                if let Some(c) = cause {
                    if !first {
                        self.out.push_str(", ");
                    }
                    self.out.push_str("cause=");
                    self.expr(c);
                }
            }
            Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
            | TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let n = if matches!(s.kind, Try { .. }) {
                    "Try"
                } else {
                    "TryStar"
                };
                let _ = write!(self.out, "{}(body=", n);
                self.stmts(body);
                self.out.push_str(", handlers=");
                self.list(handlers, |d, h| {
                    d.out.push_str("ExceptHandler(");
                    if let Some(t) = &h.typ {
                        d.out.push_str("type=");
                        d.expr(t);
                        d.out.push_str(", ");
                    }
                    if let Some(n) = &h.name {
                        let _ = write!(d.out, "name={}, ", repr_str(n));
                    }
                    d.out.push_str("body=");
                    d.stmts(&h.body);
                    d.loc(&h.loc);
                    d.out.push(')');
                });
                self.out.push_str(", orelse=");
                self.stmts(orelse);
                self.out.push_str(", finalbody=");
                self.stmts(finalbody);
            }
            Assert { test, msg } => {
                self.out.push_str("Assert(test=");
                self.expr(test);
                self.opt_expr("msg", msg);
            }
            Import { names } => {
                self.out.push_str("Import(names=");
                self.list(names, |d, a| d.alias(a));
            }
            ImportFrom {
                module,
                names,
                level,
            } => {
                self.out.push_str("ImportFrom(");
                if let Some(m) = module {
                    let _ = write!(self.out, "module={}, ", repr_str(m));
                }
                self.out.push_str("names=");
                self.list(names, |d, a| d.alias(a));
                let _ = write!(self.out, ", level={}", level);
            }
            Global { names } => {
                self.out.push_str("Global(names=");
                self.names(names);
            }
            Nonlocal { names } => {
                self.out.push_str("Nonlocal(names=");
                self.names(names);
            }
            Expr { value } => {
                self.out.push_str("Expr(value=");
                self.expr(value);
            }
            Pass => self.out.push_str("Pass("),
            Break => self.out.push_str("Break("),
            Continue => self.out.push_str("Continue("),
        }
        if self.attrs {
            let l = s.loc;
            let sep = if self.out.ends_with('(') { "" } else { ", " };
            let _ = write!(
                self.out,
                "{}lineno={}, col_offset={}, end_lineno={}, end_col_offset={}",
                sep, l.line, l.col, l.end_line, l.end_col
            );
        }
        self.out.push(')');
    }

    fn alias(&mut self, a: &Alias) {
        let _ = write!(self.out, "alias(name={}", repr_str(&a.name));
        if let Some(n) = &a.asname {
            let _ = write!(self.out, ", asname={}", repr_str(n));
        }
        self.loc(&a.loc);
        self.out.push(')');
    }

    fn keyword(&mut self, k: &Keyword) {
        self.out.push_str("keyword(");
        if let Some(a) = &k.arg {
            let _ = write!(self.out, "arg={}, ", repr_str(a));
        }
        self.out.push_str("value=");
        self.expr(&k.value);
        self.loc(&k.loc);
        self.out.push(')');
    }

    fn arg(&mut self, a: &Arg) {
        let _ = write!(self.out, "arg(arg={}", repr_str(&a.arg));
        self.opt_expr("annotation", &a.annotation);
        self.loc(&a.loc);
        self.out.push(')');
    }

    fn arguments(&mut self, a: &Arguments) {
        self.out.push_str("arguments(posonlyargs=");
        self.list(&a.posonlyargs, |d, x| d.arg(x));
        self.out.push_str(", args=");
        self.list(&a.args, |d, x| d.arg(x));
        if let Some(v) = &a.vararg {
            self.out.push_str(", vararg=");
            self.arg(v);
        }
        self.out.push_str(", kwonlyargs=");
        self.list(&a.kwonlyargs, |d, x| d.arg(x));
        self.out.push_str(", kw_defaults=");
        self.list(&a.kw_defaults, |d, x| match x {
            Some(e) => d.expr(e),
            None => d.out.push_str("None"),
        });
        if let Some(v) = &a.kwarg {
            self.out.push_str(", kwarg=");
            self.arg(v);
        }
        self.out.push_str(", defaults=");
        self.exprs(&a.defaults);
        self.out.push(')');
    }

    fn comps(&mut self, g: &[Comprehension]) {
        self.list(g, |d, c| {
            d.out.push_str("comprehension(target=");
            d.expr(&c.target);
            d.out.push_str(", iter=");
            d.expr(&c.iter);
            d.out.push_str(", ifs=");
            d.exprs(&c.ifs);
            let _ = write!(d.out, ", is_async={})", c.is_async as u8);
        });
    }

    fn expr(&mut self, e: &Expr) {
        use ExprKind::*;
        match &e.kind {
            BoolOp { op, values } => {
                let _ = write!(
                    self.out,
                    "BoolOp(op={}(), values=",
                    if *op == crate::ast::BoolOp::And {
                        "And"
                    } else {
                        "Or"
                    }
                );
                self.exprs(values);
            }
            NamedExpr { target, value } => {
                self.out.push_str("NamedExpr(target=");
                self.expr(target);
                self.out.push_str(", value=");
                self.expr(value);
            }
            BinOp { left, op, right } => {
                self.out.push_str("BinOp(left=");
                self.expr(left);
                let _ = write!(self.out, ", op={}(), right=", op_name(*op));
                self.expr(right);
            }
            UnaryOp { op, operand } => {
                let n = match op {
                    crate::ast::UnaryOp::Invert => "Invert",
                    crate::ast::UnaryOp::Not => "Not",
                    crate::ast::UnaryOp::UAdd => "UAdd",
                    crate::ast::UnaryOp::USub => "USub",
                };
                let _ = write!(self.out, "UnaryOp(op={}(), operand=", n);
                self.expr(operand);
            }
            Lambda { args, body } => {
                self.out.push_str("Lambda(args=");
                self.arguments(args);
                self.out.push_str(", body=");
                self.expr(body);
            }
            IfExp { test, body, orelse } => {
                self.out.push_str("IfExp(test=");
                self.expr(test);
                self.out.push_str(", body=");
                self.expr(body);
                self.out.push_str(", orelse=");
                self.expr(orelse);
            }
            Dict { keys, values } => {
                self.out.push_str("Dict(keys=");
                self.list(keys, |d, k| match k {
                    Some(k) => d.expr(k),
                    None => d.out.push_str("None"),
                });
                self.out.push_str(", values=");
                self.exprs(values);
            }
            Set { elts } => {
                self.out.push_str("Set(elts=");
                self.exprs(elts);
            }
            ListComp { elt, generators }
            | SetComp { elt, generators }
            | GeneratorExp { elt, generators } => {
                let n = match &e.kind {
                    ListComp { .. } => "ListComp",
                    SetComp { .. } => "SetComp",
                    _ => "GeneratorExp",
                };
                let _ = write!(self.out, "{}(elt=", n);
                self.expr(elt);
                self.out.push_str(", generators=");
                self.comps(generators);
            }
            DictComp {
                key,
                value,
                generators,
            } => {
                self.out.push_str("DictComp(key=");
                self.expr(key);
                self.out.push_str(", value=");
                self.expr(value);
                self.out.push_str(", generators=");
                self.comps(generators);
            }
            Await { value } => {
                self.out.push_str("Await(value=");
                self.expr(value);
            }
            Yield { value } => {
                self.out.push_str("Yield(");
                if let Some(v) = value {
                    self.out.push_str("value=");
                    self.expr(v);
                }
            }
            YieldFrom { value } => {
                self.out.push_str("YieldFrom(value=");
                self.expr(value);
            }
            Compare {
                left,
                ops,
                comparators,
            } => {
                self.out.push_str("Compare(left=");
                self.expr(left);
                self.out.push_str(", ops=");
                self.list(ops, |d, o| {
                    let _ = write!(d.out, "{}()", cmp_name(*o));
                });
                self.out.push_str(", comparators=");
                self.exprs(comparators);
            }
            Call {
                func,
                args,
                keywords,
            } => {
                self.out.push_str("Call(func=");
                self.expr(func);
                self.out.push_str(", args=");
                self.exprs(args);
                self.out.push_str(", keywords=");
                self.list(keywords, |d, k| d.keyword(k));
            }
            FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.out.push_str("FormattedValue(value=");
                self.expr(value);
                let _ = write!(self.out, ", conversion={}", conversion);
                if let Some(f) = format_spec {
                    self.out.push_str(", format_spec=");
                    self.expr(f);
                }
            }
            JoinedStr { values } => {
                self.out.push_str("JoinedStr(values=");
                self.exprs(values);
            }
            Constant { value } => {
                let _ = write!(self.out, "Constant(value={}", repr_constant(value));
            }
            Attribute { value, attr, ctx } => {
                self.out.push_str("Attribute(value=");
                self.expr(value);
                let _ = write!(self.out, ", attr={}, ctx=", repr_str(attr));
                self.ctx(*ctx);
            }
            Subscript { value, slice, ctx } => {
                self.out.push_str("Subscript(value=");
                self.expr(value);
                self.out.push_str(", slice=");
                self.expr(slice);
                self.out.push_str(", ctx=");
                self.ctx(*ctx);
            }
            Starred { value, ctx } => {
                self.out.push_str("Starred(value=");
                self.expr(value);
                self.out.push_str(", ctx=");
                self.ctx(*ctx);
            }
            Name { id, ctx } => {
                let _ = write!(self.out, "Name(id={}, ctx=", repr_str(id));
                self.ctx(*ctx);
            }
            List { elts, ctx } | Tuple { elts, ctx } => {
                let n = if matches!(e.kind, List { .. }) {
                    "List"
                } else {
                    "Tuple"
                };
                let _ = write!(self.out, "{}(elts=", n);
                self.exprs(elts);
                self.out.push_str(", ctx=");
                self.ctx(*ctx);
            }
            Slice { lower, upper, step } => {
                self.out.push_str("Slice(");
                let mut first = true;
                for (n, v) in [("lower", lower), ("upper", upper), ("step", step)] {
                    if let Some(v) = v {
                        if !first {
                            self.out.push_str(", ");
                        }
                        first = false;
                        let _ = write!(self.out, "{}=", n);
                        self.expr(v);
                    }
                }
            }
        }
        if self.attrs {
            let l = e.loc;
            let sep = if self.out.ends_with('(') { "" } else { ", " };
            let _ = write!(
                self.out,
                "{}lineno={}, col_offset={}, end_lineno={}, end_col_offset={}",
                sep, l.line, l.col, l.end_line, l.end_col
            );
        }
        self.out.push(')');
    }

    fn pattern(&mut self, p: &Pattern) {
        use PatternKind::*;
        match &p.kind {
            MatchValue { value } => {
                self.out.push_str("MatchValue(value=");
                self.expr(value);
            }
            MatchSingleton { value } => {
                let _ = write!(self.out, "MatchSingleton(value={}", repr_constant(value));
            }
            MatchSequence { patterns } => {
                self.out.push_str("MatchSequence(patterns=");
                self.list(patterns, |d, x| d.pattern(x));
            }
            MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.out.push_str("MatchMapping(keys=");
                self.exprs(keys);
                self.out.push_str(", patterns=");
                self.list(patterns, |d, x| d.pattern(x));
                if let Some(r) = rest {
                    let _ = write!(self.out, ", rest={}", repr_str(r));
                }
            }
            MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                self.out.push_str("MatchClass(cls=");
                self.expr(cls);
                self.out.push_str(", patterns=");
                self.list(patterns, |d, x| d.pattern(x));
                self.out.push_str(", kwd_attrs=");
                self.names(kwd_attrs);
                self.out.push_str(", kwd_patterns=");
                self.list(kwd_patterns, |d, x| d.pattern(x));
            }
            MatchStar { name } => {
                self.out.push_str("MatchStar(");
                if let Some(n) = name {
                    let _ = write!(self.out, "name={}", repr_str(n));
                }
            }
            MatchAs { pattern, name } => {
                self.out.push_str("MatchAs(");
                if let Some(pt) = pattern {
                    self.out.push_str("pattern=");
                    self.pattern(pt);
                }
                if let Some(n) = name {
                    if pattern.is_some() {
                        self.out.push_str(", ");
                    }
                    let _ = write!(self.out, "name={}", repr_str(n));
                }
            }
            MatchOr { patterns } => {
                self.out.push_str("MatchOr(patterns=");
                self.list(patterns, |d, x| d.pattern(x));
            }
        }
        if self.attrs {
            let l = p.loc;
            let sep = if self.out.ends_with('(') { "" } else { ", " };
            let _ = write!(
                self.out,
                "{}lineno={}, col_offset={}, end_lineno={}, end_col_offset={}",
                sep, l.line, l.col, l.end_line, l.end_col
            );
        }
        self.out.push(')');
    }
}

fn op_name(op: Operator) -> &'static str {
    use Operator::*;
    match op {
        Add => "Add",
        Sub => "Sub",
        Mult => "Mult",
        MatMult => "MatMult",
        Div => "Div",
        Mod => "Mod",
        Pow => "Pow",
        LShift => "LShift",
        RShift => "RShift",
        BitOr => "BitOr",
        BitXor => "BitXor",
        BitAnd => "BitAnd",
        FloorDiv => "FloorDiv",
    }
}

fn cmp_name(op: CmpOp) -> &'static str {
    use CmpOp::*;
    match op {
        Eq => "Eq",
        NotEq => "NotEq",
        Lt => "Lt",
        LtE => "LtE",
        Gt => "Gt",
        GtE => "GtE",
        Is => "Is",
        IsNot => "IsNot",
        In => "In",
        NotIn => "NotIn",
    }
}
