//! A tiny test-only interpreter for compiled code objects.
//!
//! It exists to check the compiler's output *runs* correctly before the
//! real VM exists: enough of Python for control flow, calls, closures,
//! generators, exceptions, `with`, comprehensions and `match` on built-in
//! containers. No classes, no floats; values are compared structurally.
//! Not a model for the real VM (no performance, leaky semantics).

#![allow(dead_code, clippy::all)]

use krait_compiler::code::{flags, CodeObject, Constant};
use krait_compiler::opcodes::{BinOpKind, CmpOpKind, Op};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone)]
pub enum V {
    Null,
    None,
    Bool(bool),
    Int(i64),
    Str(Rc<str>),
    Tuple(Rc<Vec<V>>),
    List(Rc<RefCell<Vec<V>>>),
    Dict(Rc<RefCell<Vec<(V, V)>>>),
    Func(Rc<Func>),
    Builtin(&'static str),
    Method(&'static str, Box<V>),
    Cell(Rc<RefCell<Option<V>>>),
    Iter(Rc<RefCell<(Vec<V>, usize)>>),
    Gen(Rc<RefCell<Gen>>),
    ExcType(Rc<str>),
    Exc(Rc<(Rc<str>, V)>),
    Cm(Rc<str>),
    Code(Rc<CodeObject>),
}

pub struct Func {
    code: Rc<CodeObject>,
    defaults: Vec<V>,
    kwdefaults: Vec<(V, V)>,
    closure: Vec<V>,
}

pub struct Gen {
    frame: Option<Frame>,
    started: bool,
    running: bool,
}

#[derive(Clone)]
pub struct Frame {
    code: Rc<CodeObject>,
    pc: usize,
    stack: Vec<V>,
    fast: Vec<Option<V>>,
    cells: Vec<V>,
}

enum Exit {
    Return(V),
    Yield(V),
}

type R<T> = Result<T, V>;

pub struct Vm {
    pub out: String,
    globals: HashMap<String, V>,
    cur_exc: V,
    depth: u32,
}

fn err(typ: &str, msg: &str) -> V {
    V::Exc(Rc::new((Rc::from(typ), V::Str(Rc::from(msg)))))
}

fn s(x: &str) -> V {
    V::Str(Rc::from(x))
}

pub fn conv(c: &Constant) -> V {
    match c {
        Constant::None => V::None,
        Constant::Bool(b) => V::Bool(*b),
        Constant::Int(i) => V::Int(*i),
        Constant::Str(x) => V::Str(x.clone()),
        Constant::Tuple(t) => V::Tuple(Rc::new(t.iter().map(conv).collect())),
        Constant::FrozenSet(t) => V::Tuple(Rc::new(t.iter().map(conv).collect())),
        Constant::Code(c) => V::Code(c.clone()),
        Constant::Ellipsis => s("Ellipsis"),
        _ => s("<unsupported const>"),
    }
}

pub fn eq(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::None, V::None) => true,
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Int(x), V::Int(y)) => x == y,
        (V::Bool(x), V::Int(y)) | (V::Int(y), V::Bool(x)) => (*x as i64) == *y,
        (V::Str(x), V::Str(y)) => x == y,
        (V::Tuple(x), V::Tuple(y)) => x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| eq(p, q)),
        (V::List(x), V::List(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| eq(p, q))
        }
        (V::ExcType(x), V::ExcType(y)) => x == y,
        _ => false,
    }
}

fn is_same(a: &V, b: &V) -> bool {
    match (a, b) {
        (V::None, V::None) => true,
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Int(x), V::Int(y)) => x == y,
        (V::List(x), V::List(y)) => Rc::ptr_eq(x, y),
        (V::Dict(x), V::Dict(y)) => Rc::ptr_eq(x, y),
        (V::Str(x), V::Str(y)) => x == y,
        (V::ExcType(x), V::ExcType(y)) => x == y,
        (V::Exc(x), V::Exc(y)) => Rc::ptr_eq(x, y),
        _ => false,
    }
}

pub fn truthy(v: &V) -> bool {
    match v {
        V::None | V::Null => false,
        V::Bool(b) => *b,
        V::Int(i) => *i != 0,
        V::Str(x) => !x.is_empty(),
        V::Tuple(t) => !t.is_empty(),
        V::List(l) => !l.borrow().is_empty(),
        V::Dict(d) => !d.borrow().is_empty(),
        _ => true,
    }
}

pub fn repr(v: &V) -> String {
    match v {
        V::Str(x) => format!("'{}'", x),
        _ => str_of(v),
    }
}

pub fn str_of(v: &V) -> String {
    match v {
        V::Null => "<NULL>".into(),
        V::None => "None".into(),
        V::Bool(true) => "True".into(),
        V::Bool(false) => "False".into(),
        V::Int(i) => i.to_string(),
        V::Str(x) => x.to_string(),
        V::Tuple(t) => {
            let p: Vec<String> = t.iter().map(repr).collect();
            if p.len() == 1 {
                format!("({},)", p[0])
            } else {
                format!("({})", p.join(", "))
            }
        }
        V::List(l) => format!("[{}]", l.borrow().iter().map(repr).collect::<Vec<_>>().join(", ")),
        V::Dict(d) => format!(
            "{{{}}}",
            d.borrow().iter().map(|(k, v)| format!("{}: {}", repr(k), repr(v))).collect::<Vec<_>>().join(", ")
        ),
        V::Exc(e) => str_of(&e.1),
        V::ExcType(t) => format!("<class '{}'>", t),
        V::Func(f) => format!("<function {}>", f.code.qualname),
        V::Gen(_) => "<generator>".into(),
        _ => "<object>".into(),
    }
}

fn seq_items(v: &V) -> R<Vec<V>> {
    match v {
        V::Tuple(t) => Ok(t.as_ref().clone()),
        V::List(l) => Ok(l.borrow().clone()),
        V::Dict(d) => Ok(d.borrow().iter().map(|(k, _)| k.clone()).collect()),
        V::Str(x) => Ok(x.chars().map(|c| s(&c.to_string())).collect()),
        V::Iter(it) => {
            let b = it.borrow();
            Ok(b.0[b.1..].to_vec())
        }
        _ => Err(err("TypeError", "object is not iterable")),
    }
}

const EXC_TYPES: &[&str] =
    &["Exception", "ValueError", "TypeError", "KeyError", "RuntimeError", "ZeroDivisionError", "StopIteration", "AssertionError", "NameError", "IndexError"];

impl Vm {
    pub fn new() -> Vm {
        Vm { out: String::new(), globals: HashMap::new(), cur_exc: V::None, depth: 0 }
    }

    pub fn run_module(&mut self, code: Rc<CodeObject>) -> R<V> {
        let f = self.new_frame(&code, Vec::new(), Vec::new(), &[])?;
        match self.run(f)? {
            (Exit::Return(v), _) => Ok(v),
            _ => Err(err("RuntimeError", "module yielded")),
        }
    }

    fn load_global(&self, name: &str) -> R<V> {
        if let Some(v) = self.globals.get(name) {
            return Ok(v.clone());
        }
        Ok(match name {
            "print" | "range" | "len" | "list" | "tuple" | "cm" | "isinstance" | "next" | "iter" | "repr" | "str" | "sorted" | "dict" => {
                V::Builtin(match name {
                    "print" => "print",
                    "range" => "range",
                    "len" => "len",
                    "list" => "list",
                    "tuple" => "tuple",
                    "cm" => "cm",
                    "isinstance" => "isinstance",
                    "next" => "next",
                    "iter" => "iter",
                    "repr" => "repr",
                    "str" => "str",
                    "dict" => "dict",
                    _ => "sorted",
                })
            }
            n if EXC_TYPES.contains(&n) => V::ExcType(Rc::from(n)),
            _ => return Err(err("NameError", &format!("name '{}' is not defined", name))),
        })
    }

    fn new_frame(&self, code: &Rc<CodeObject>, args: Vec<V>, kwargs: Vec<(V, V)>, closure: &[V]) -> R<Frame> {
        let nv = code.varnames.len();
        let mut fast: Vec<Option<V>> = vec![None; nv];
        let total = code.total_args() as usize;
        let argc = code.argcount as usize;
        let mut extra = Vec::new();
        for (i, a) in args.into_iter().enumerate() {
            if i < argc {
                fast[i] = Some(a);
            } else {
                extra.push(a);
            }
        }
        let mut next = argc + code.kwonlyargcount as usize;
        if code.flags & flags::VARARGS != 0 {
            fast[next] = Some(V::Tuple(Rc::new(extra)));
            next += 1;
        } else if !extra.is_empty() {
            return Err(err("TypeError", "too many positional arguments"));
        }
        let mut kwd = Vec::new();
        for (k, v) in kwargs {
            let ks = str_of(&k);
            match code.varnames[code.posonlyargcount as usize..argc + code.kwonlyargcount as usize]
                .iter()
                .position(|n| **n == *ks)
            {
                Some(p) => {
                    let idx = p + code.posonlyargcount as usize;
                    if fast[idx].is_some() {
                        return Err(err("TypeError", "multiple values"));
                    }
                    fast[idx] = Some(v)
                }
                None => kwd.push((k, v)),
            }
        }
        if code.flags & flags::VARKEYWORDS != 0 {
            fast[next] = Some(V::Dict(Rc::new(RefCell::new(kwd))));
        } else if !kwd.is_empty() {
            return Err(err("TypeError", "unexpected keyword argument"));
        }
        let _ = total;
        let mut cells = Vec::new();
        for (i, _) in code.cellvars.iter().enumerate() {
            let init = code.cell2arg.get(i).copied().flatten().and_then(|a| fast[a as usize].take());
            cells.push(V::Cell(Rc::new(RefCell::new(init))));
        }
        cells.extend(closure.iter().cloned());
        Ok(Frame { code: code.clone(), pc: 0, stack: Vec::new(), fast, cells })
    }

    fn call(&mut self, f: V, args: Vec<V>, kwargs: Vec<(V, V)>) -> R<V> {
        match f {
            V::Func(func) => {
                let code = func.code.clone();
                // Apply defaults.
                let mut args = args;
                let argc = code.argcount as usize;
                let mut kwargs = kwargs;
                let names: Vec<String> = code.varnames.iter().map(|n| n.to_string()).collect();
                let nd = func.defaults.len();
                for i in args.len()..argc {
                    let given = kwargs.iter().any(|(k, _)| str_of(k) == names[i]);
                    if given {
                        break;
                    }
                    if i + nd >= argc {
                        args.push(func.defaults[i + nd - argc].clone());
                    } else {
                        return Err(err("TypeError", "missing argument"));
                    }
                }
                for i in argc..argc + code.kwonlyargcount as usize {
                    if !kwargs.iter().any(|(k, _)| str_of(k) == names[i]) {
                        match func.kwdefaults.iter().find(|(k, _)| str_of(k) == names[i]) {
                            Some((k, v)) => kwargs.push((k.clone(), v.clone())),
                            None => return Err(err("TypeError", "missing kw-only argument")),
                        }
                    }
                }
                let frame = self.new_frame(&code, args, kwargs, &func.closure)?;
                if code.flags & flags::GENERATOR != 0 {
                    return Ok(V::Gen(Rc::new(RefCell::new(Gen { frame: Some(frame), started: false, running: false }))));
                }
                self.depth += 1;
                if self.depth > 200 {
                    self.depth -= 1;
                    return Err(err("RuntimeError", "recursion"));
                }
                let r = self.run(frame);
                self.depth -= 1;
                match r? {
                    (Exit::Return(v), _) => Ok(v),
                    _ => Err(err("RuntimeError", "unexpected yield")),
                }
            }
            V::Builtin(name) => self.call_builtin(name, args, kwargs),
            V::Method(name, obj) => self.call_method(name, *obj, args),
            V::ExcType(t) => Ok(V::Exc(Rc::new((t, args.into_iter().next().unwrap_or(s("")))))),
            _ => Err(err("TypeError", "object is not callable")),
        }
    }

    fn call_builtin(&mut self, name: &str, args: Vec<V>, kwargs: Vec<(V, V)>) -> R<V> {
        match name {
            "print" => {
                let mut sep = " ".to_string();
                for (k, v) in &kwargs {
                    if str_of(k) == "sep" {
                        sep = str_of(v);
                    }
                }
                let parts: Vec<String> = args.iter().map(str_of).collect();
                self.out.push_str(&parts.join(&sep));
                self.out.push('\n');
                Ok(V::None)
            }
            "repr" => Ok(s(&repr(&args[0]))),
            "str" => Ok(s(&str_of(&args[0]))),
            "range" => {
                let (a, b) = match args.as_slice() {
                    [V::Int(n)] => (0, *n),
                    [V::Int(a), V::Int(b)] => (*a, *b),
                    _ => return Err(err("TypeError", "range")),
                };
                Ok(V::List(Rc::new(RefCell::new((a..b).map(V::Int).collect()))))
            }
            "len" => Ok(V::Int(seq_items(&args[0])?.len() as i64)),
            "list" => Ok(V::List(Rc::new(RefCell::new(match args.first() {
                Some(a) => self.collect(a.clone())?,
                None => Vec::new(),
            })))),
            "tuple" => Ok(V::Tuple(Rc::new(self.collect(args[0].clone())?))),
            "sorted" => {
                let mut v = self.collect(args[0].clone())?;
                v.sort_by_key(|x| match x {
                    V::Int(i) => *i,
                    _ => 0,
                });
                Ok(V::List(Rc::new(RefCell::new(v))))
            }
            "dict" => Ok(V::Dict(Rc::new(RefCell::new(kwargs)))),
            "cm" => Ok(V::Cm(match &args[0] {
                V::Str(x) => x.clone(),
                _ => Rc::from("?"),
            })),
            "isinstance" => Ok(V::Bool(exc_matches(&args[0], &args[1]))),
            "iter" => self.get_iter(args[0].clone()),
            "next" => match self.next(&args[0])? {
                Some(v) => Ok(v),
                None => Err(err("StopIteration", "")),
            },
            _ => Err(err("TypeError", "unknown builtin")),
        }
    }

    fn call_method(&mut self, name: &str, obj: V, args: Vec<V>) -> R<V> {
        match (name, &obj) {
            ("append", V::List(l)) => {
                l.borrow_mut().push(args[0].clone());
                Ok(V::None)
            }
            ("pop", V::List(l)) => l.borrow_mut().pop().ok_or_else(|| err("IndexError", "pop from empty list")),
            ("items", V::Dict(d)) => Ok(V::List(Rc::new(RefCell::new(
                d.borrow().iter().map(|(k, v)| V::Tuple(Rc::new(vec![k.clone(), v.clone()]))).collect(),
            )))),
            ("join", V::Str(sep)) => {
                let items = self.collect(args[0].clone())?;
                Ok(s(&items.iter().map(str_of).collect::<Vec<_>>().join(sep)))
            }
            ("upper", V::Str(x)) => Ok(s(&x.to_uppercase())),
            ("__exit__", V::Cm(name)) => {
                self.out.push_str(&format!("exit {}\n", name));
                Ok(V::None)
            }
            ("send", V::Gen(_)) => match self.resume(&obj, args[0].clone())? {
                Some(v) => Ok(v),
                None => Err(err("StopIteration", "")),
            },
            _ => Err(err("AttributeError", name)),
        }
    }

    fn collect(&mut self, v: V) -> R<Vec<V>> {
        match v {
            V::Gen(_) => {
                let mut out = Vec::new();
                while let Some(x) = self.next(&v)? {
                    out.push(x);
                }
                Ok(out)
            }
            other => seq_items(&other),
        }
    }

    fn get_iter(&mut self, v: V) -> R<V> {
        Ok(match v {
            V::Gen(_) | V::Iter(_) => v,
            other => V::Iter(Rc::new(RefCell::new((seq_items(&other)?, 0)))),
        })
    }

    /// Next item of an iterator, None when exhausted.
    fn next(&mut self, it: &V) -> R<Option<V>> {
        match it {
            V::Iter(st) => {
                let mut b = st.borrow_mut();
                if b.1 < b.0.len() {
                    b.1 += 1;
                    Ok(Some(b.0[b.1 - 1].clone()))
                } else {
                    Ok(None)
                }
            }
            V::Gen(_) => self.resume(it, V::None),
            _ => Err(err("TypeError", "not an iterator")),
        }
    }

    /// Resume a generator: Some(yielded) or None when it returned.
    fn resume(&mut self, g: &V, value: V) -> R<Option<V>> {
        Ok(match self.send(g, value)? {
            (true, v) => Some(v),
            (false, _) => None,
        })
    }

    /// Send into a generator: (yielded?, value or return value).
    fn send(&mut self, g: &V, value: V) -> R<(bool, V)> {
        let V::Gen(gen) = g else {
            // A plain iterator used by `yield from`.
            return Ok(match self.next(g)? {
                Some(v) => (true, v),
                None => (false, V::None),
            });
        };
        let (frame, started) = {
            let mut gb = gen.borrow_mut();
            if gb.running {
                return Err(err("ValueError", "generator already executing"));
            }
            match gb.frame.take() {
                None => return Ok((false, V::None)),
                Some(f) => {
                    gb.running = true;
                    let st = gb.started;
                    gb.started = true;
                    (f, st)
                }
            }
        };
        let mut frame = frame;
        if started {
            frame.stack.push(value);
        }
        let r = self.run(frame);
        let mut gb = gen.borrow_mut();
        gb.running = false;
        match r {
            Ok((Exit::Yield(v), f)) => {
                gb.frame = Some(f);
                Ok((true, v))
            }
            Ok((Exit::Return(v), _)) => Ok((false, v)),
            Err(e) => Err(e),
        }
    }

    fn binop(&self, k: BinOpKind, a: V, b: V) -> R<V> {
        Ok(match (k, &a, &b) {
            (BinOpKind::Add, V::Int(x), V::Int(y)) => V::Int(x + y),
            (BinOpKind::Subtract, V::Int(x), V::Int(y)) => V::Int(x - y),
            (BinOpKind::Multiply, V::Int(x), V::Int(y)) => V::Int(x * y),
            (BinOpKind::FloorDivide, V::Int(_), V::Int(0)) | (BinOpKind::Remainder, V::Int(_), V::Int(0)) => {
                return Err(err("ZeroDivisionError", "integer division or modulo by zero"))
            }
            (BinOpKind::FloorDivide, V::Int(x), V::Int(y)) => {
                let q = x / y;
                V::Int(if x % y != 0 && ((*x < 0) != (*y < 0)) { q - 1 } else { q })
            }
            (BinOpKind::Remainder, V::Int(x), V::Int(y)) => {
                let r = x % y;
                V::Int(if r != 0 && ((r < 0) != (*y < 0)) { r + y } else { r })
            }
            (BinOpKind::Power, V::Int(x), V::Int(y)) => V::Int(x.pow(*y as u32)),
            (BinOpKind::Add, V::Str(x), V::Str(y)) => s(&format!("{}{}", x, y)),
            (BinOpKind::Multiply, V::Str(x), V::Int(y)) => s(&x.repeat(*y as usize)),
            (BinOpKind::Add, V::List(x), V::List(y)) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                V::List(Rc::new(RefCell::new(v)))
            }
            (BinOpKind::Add, V::Tuple(x), V::Tuple(y)) => {
                let mut v = x.as_ref().clone();
                v.extend(y.iter().cloned());
                V::Tuple(Rc::new(v))
            }
            _ => return Err(err("TypeError", "unsupported operand types")),
        })
    }

    fn compare(&self, k: CmpOpKind, a: &V, b: &V) -> R<bool> {
        if let CmpOpKind::Eq = k {
            return Ok(eq(a, b));
        }
        if let CmpOpKind::Ne = k {
            return Ok(!eq(a, b));
        }
        let o = match (a, b) {
            (V::Int(x), V::Int(y)) => x.cmp(y),
            (V::Str(x), V::Str(y)) => x.cmp(y),
            _ => return Err(err("TypeError", "'<' not supported")),
        };
        Ok(match k {
            CmpOpKind::Lt => o.is_lt(),
            CmpOpKind::Le => o.is_le(),
            CmpOpKind::Gt => o.is_gt(),
            CmpOpKind::Ge => o.is_ge(),
            _ => unreachable!(),
        })
    }

    fn subscr(&self, c: &V, k: &V) -> R<V> {
        let idx = |n: i64, len: usize| -> R<usize> {
            let i = if n < 0 { n + len as i64 } else { n };
            if i < 0 || i as usize >= len {
                Err(err("IndexError", "index out of range"))
            } else {
                Ok(i as usize)
            }
        };
        match (c, k) {
            (V::List(l), V::Int(n)) => {
                let b = l.borrow();
                Ok(b[idx(*n, b.len())?].clone())
            }
            (V::Tuple(t), V::Int(n)) => Ok(t[idx(*n, t.len())?].clone()),
            (V::Dict(d), key) => d
                .borrow()
                .iter()
                .find(|(kk, _)| eq(kk, key))
                .map(|(_, v)| v.clone())
                .ok_or_else(|| err("KeyError", &repr(key))),
            _ => Err(err("TypeError", "not subscriptable")),
        }
    }

    fn dict_set(d: &Rc<RefCell<Vec<(V, V)>>>, k: V, v: V) {
        let mut b = d.borrow_mut();
        if let Some(e) = b.iter_mut().find(|(kk, _)| eq(kk, &k)) {
            e.1 = v;
        } else {
            b.push((k, v));
        }
    }

    /// Run a frame until it returns or yields; on yield the frame is
    /// handed back so it can be resumed.
    fn run(&mut self, mut f: Frame) -> R<(Exit, Frame)> {
        loop {
            match self.step(&mut f) {
                Ok(Some(exit)) => return Ok((exit, f)),
                Ok(None) => {}
                Err(exc) => {
                    let at = f.pc.saturating_sub(1) as u32;
                    match f.code.handler_for(at).copied() {
                        Some(h) => {
                            f.stack.truncate(h.depth as usize);
                            if h.push_lasti {
                                f.stack.push(V::Int(at as i64));
                            }
                            f.stack.push(exc);
                            f.pc = h.target as usize;
                        }
                        None => return Err(exc),
                    }
                }
            }
        }
    }

    fn step(&mut self, f: &mut Frame) -> R<Option<Exit>> {
        let code = f.code.clone();
        let ins = *code.instrs.get(f.pc).ok_or_else(|| err("RuntimeError", "pc out of range"))?;
        f.pc += 1;
        let arg = ins.arg;
        let st = &mut f.stack;
        macro_rules! pop {
            () => {
                st.pop().ok_or_else(|| err("RuntimeError", &format!("stack underflow at {:?}", ins.op)))?
            };
        }
        match ins.op {
            Op::Nop => {}
            Op::PopTop => {
                pop!();
            }
            Op::PushNull => st.push(V::Null),
            Op::Copy => {
                let v = st[st.len() - arg as usize].clone();
                st.push(v);
            }
            Op::Swap => {
                let n = st.len();
                st.swap(n - 1, n - arg as usize);
            }
            Op::LoadConst => st.push(conv(&code.consts[arg as usize])),
            Op::ReturnValue => return Ok(Some(Exit::Return(pop!()))),
            Op::LoadFast => {
                let v = f.fast[arg as usize].clone().ok_or_else(|| err("UnboundLocalError", &code.varnames[arg as usize]))?;
                f.stack.push(v);
            }
            Op::StoreFast => {
                let v = pop!();
                f.fast[arg as usize] = Some(v);
            }
            Op::DeleteFast => {
                if f.fast[arg as usize].take().is_none() {
                    return Err(err("UnboundLocalError", "delete"));
                }
            }
            Op::LoadDeref | Op::LoadClosure => {
                let c = f.cells[arg as usize].clone();
                if ins.op == Op::LoadClosure {
                    st.push(c);
                } else if let V::Cell(c) = c {
                    let v = c.borrow().clone().ok_or_else(|| err("NameError", "free variable referenced before assignment"))?;
                    st.push(v);
                }
            }
            Op::StoreDeref => {
                let v = pop!();
                if let V::Cell(c) = &f.cells[arg as usize] {
                    *c.borrow_mut() = Some(v);
                }
            }
            Op::DeleteDeref => {
                if let V::Cell(c) = &f.cells[arg as usize] {
                    *c.borrow_mut() = None;
                }
            }
            Op::LoadName | Op::LoadGlobal => {
                let v = self.load_global(&code.names[arg as usize])?;
                f.stack.push(v);
            }
            Op::StoreName | Op::StoreGlobal => {
                let v = pop!();
                self.globals.insert(code.names[arg as usize].to_string(), v);
            }
            Op::DeleteName | Op::DeleteGlobal => {
                self.globals.remove(&*code.names[arg as usize]);
            }
            Op::LoadMethod | Op::LoadAttr => {
                let obj = pop!();
                let name: &'static str = match &*code.names[arg as usize] {
                    "append" => "append",
                    "pop" => "pop",
                    "items" => "items",
                    "join" => "join",
                    "upper" => "upper",
                    "send" => "send",
                    _ => return Err(err("AttributeError", &code.names[arg as usize])),
                };
                if ins.op == Op::LoadMethod {
                    st.push(V::Null);
                }
                st.push(V::Method(name, Box::new(obj)));
            }
            Op::LoadAssertionError => st.push(V::ExcType(Rc::from("AssertionError"))),
            Op::Call | Op::CallKw => {
                let kwnames = if ins.op == Op::CallKw { seq_items(&pop!())? } else { Vec::new() };
                let n = arg as usize;
                let mut args = st.split_off(st.len() - n);
                let kwvals = args.split_off(n - kwnames.len());
                let second = pop!();
                let first = pop!();
                let (func, args) = match first {
                    V::Null => (second, args),
                    meth => {
                        args.insert(0, second);
                        (meth, args)
                    }
                };
                let kwargs = kwnames.into_iter().zip(kwvals).collect();
                let r = self.call(func, args, kwargs)?;
                f.stack.push(r);
            }
            Op::CallFunctionEx => {
                let kw = if arg & 1 != 0 { Some(pop!()) } else { None };
                let args = pop!();
                let func = pop!();
                let _null = pop!();
                let args = self.collect(args)?;
                let kwargs = match kw {
                    Some(V::Dict(d)) => d.borrow().clone(),
                    _ => Vec::new(),
                };
                let r = self.call(func, args, kwargs)?;
                f.stack.push(r);
            }
            Op::MakeFunction => {
                let code = match pop!() {
                    V::Code(c) => c,
                    _ => return Err(err("TypeError", "not code")),
                };
                let closure = if arg & 8 != 0 { seq_items(&pop!())? } else { Vec::new() };
                if arg & 4 != 0 {
                    pop!();
                }
                let kwdefaults = if arg & 2 != 0 {
                    match pop!() {
                        V::Dict(d) => d.borrow().clone(),
                        _ => Vec::new(),
                    }
                } else {
                    Vec::new()
                };
                let defaults = if arg & 1 != 0 { seq_items(&pop!())? } else { Vec::new() };
                st.push(V::Func(Rc::new(Func { code, defaults, kwdefaults, closure })));
            }
            Op::BinaryOp => {
                let b = pop!();
                let a = pop!();
                let (k, inplace) = BinOpKind::from_arg(arg);
                if inplace && k == BinOpKind::Add {
                    if let (V::List(l), V::List(r)) = (&a, &b) {
                        let items = r.borrow().clone();
                        l.borrow_mut().extend(items);
                        st.push(a);
                        return Ok(None);
                    }
                }
                let r = self.binop(k, a, b)?;
                f.stack.push(r);
            }
            Op::UnaryNegative => match pop!() {
                V::Int(i) => st.push(V::Int(-i)),
                _ => return Err(err("TypeError", "bad operand")),
            },
            Op::UnaryNot => {
                let v = pop!();
                st.push(V::Bool(!truthy(&v)));
            }
            Op::CompareOp => {
                let b = pop!();
                let a = pop!();
                let r = self.compare(CmpOpKind::from_arg(arg), &a, &b)?;
                f.stack.push(V::Bool(r));
            }
            Op::IsOp => {
                let b = pop!();
                let a = pop!();
                st.push(V::Bool(is_same(&a, &b) != (arg == 1)));
            }
            Op::ContainsOp => {
                let b = pop!();
                let a = pop!();
                let found = match &b {
                    V::Str(h) => h.contains(&*str_of(&a)),
                    other => seq_items(other)?.iter().any(|x| eq(x, &a)),
                };
                st.push(V::Bool(found != (arg == 1)));
            }
            Op::BinarySubscr => {
                let k = pop!();
                let c = pop!();
                let r = self.subscr(&c, &k)?;
                f.stack.push(r);
            }
            Op::StoreSubscr => {
                let k = pop!();
                let c = pop!();
                let v = pop!();
                match (&c, &k) {
                    (V::List(l), V::Int(i)) => {
                        let len = l.borrow().len() as i64;
                        let i = if *i < 0 { i + len } else { *i };
                        l.borrow_mut()[i as usize] = v;
                    }
                    (V::Dict(d), _) => Vm::dict_set(d, k, v),
                    _ => return Err(err("TypeError", "item assignment")),
                }
            }
            Op::DeleteSubscr => {
                let k = pop!();
                let c = pop!();
                match (&c, &k) {
                    (V::List(l), V::Int(i)) => {
                        l.borrow_mut().remove(*i as usize);
                    }
                    (V::Dict(d), _) => d.borrow_mut().retain(|(kk, _)| !eq(kk, &k)),
                    _ => return Err(err("TypeError", "item deletion")),
                }
            }
            Op::BuildTuple => {
                let items = st.split_off(st.len() - arg as usize);
                st.push(V::Tuple(Rc::new(items)));
            }
            Op::BuildList | Op::BuildSet => {
                let items = st.split_off(st.len() - arg as usize);
                st.push(V::List(Rc::new(RefCell::new(items))));
            }
            Op::BuildMap => {
                let items = st.split_off(st.len() - 2 * arg as usize);
                let d = Rc::new(RefCell::new(Vec::new()));
                for p in items.chunks(2) {
                    Vm::dict_set(&d, p[0].clone(), p[1].clone());
                }
                st.push(V::Dict(d));
            }
            Op::BuildConstKeyMap => {
                let keys = seq_items(&pop!())?;
                let vals = st.split_off(st.len() - arg as usize);
                let d = Rc::new(RefCell::new(Vec::new()));
                for (k, v) in keys.into_iter().zip(vals) {
                    Vm::dict_set(&d, k, v);
                }
                st.push(V::Dict(d));
            }
            Op::BuildString => {
                let items = st.split_off(st.len() - arg as usize);
                st.push(s(&items.iter().map(str_of).collect::<String>()));
            }
            Op::ListAppend | Op::SetAdd | Op::ListExtend | Op::SetUpdate => {
                let v = pop!();
                let target = st[st.len() - arg as usize].clone();
                let V::List(l) = target else { return Err(err("TypeError", "not a list")) };
                if matches!(ins.op, Op::ListAppend | Op::SetAdd) {
                    l.borrow_mut().push(v);
                } else {
                    let items = self.collect(v)?;
                    l.borrow_mut().extend(items);
                }
            }
            Op::MapAdd => {
                let v = pop!();
                let k = pop!();
                if let V::Dict(d) = &st[st.len() - arg as usize] {
                    Vm::dict_set(d, k, v);
                }
            }
            Op::DictUpdate | Op::DictMerge => {
                let v = pop!();
                if let (V::Dict(d), V::Dict(src)) = (&st[st.len() - arg as usize], &v) {
                    let items = src.borrow().clone();
                    for (k, x) in items {
                        if ins.op == Op::DictMerge && d.borrow().iter().any(|(kk, _)| eq(kk, &k)) {
                            return Err(err("TypeError", "got multiple values for keyword argument"));
                        }
                        Vm::dict_set(d, k, x);
                    }
                }
            }
            Op::ListToTuple => {
                let v = pop!();
                st.push(V::Tuple(Rc::new(seq_items(&v)?)));
            }
            Op::UnpackSequence => {
                let v = pop!();
                let items = self.collect(v)?;
                if items.len() != arg as usize {
                    return Err(err("ValueError", "wrong number of values to unpack"));
                }
                f.stack.extend(items.into_iter().rev());
            }
            Op::UnpackEx => {
                let v = pop!();
                let items = self.collect(v)?;
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                if items.len() < before + after {
                    return Err(err("ValueError", "not enough values to unpack"));
                }
                let mid = items[before..items.len() - after].to_vec();
                let mut push = Vec::new();
                push.extend(items[..before].iter().cloned());
                push.push(V::List(Rc::new(RefCell::new(mid))));
                push.extend(items[items.len() - after..].iter().cloned());
                f.stack.extend(push.into_iter().rev());
            }
            Op::GetIter | Op::GetYieldFromIter => {
                let v = pop!();
                let it = self.get_iter(v)?;
                f.stack.push(it);
            }
            Op::ForIter => {
                let it = st.last().cloned().ok_or_else(|| err("RuntimeError", "underflow"))?;
                match self.next(&it)? {
                    Some(v) => f.stack.push(v),
                    None => {
                        f.stack.pop();
                        f.pc = arg as usize;
                    }
                }
            }
            Op::Jump | Op::JumpBackward => f.pc = arg as usize,
            Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                let v = pop!();
                if truthy(&v) == (ins.op == Op::PopJumpIfTrue) {
                    f.pc = arg as usize;
                }
            }
            Op::PopJumpIfNone | Op::PopJumpIfNotNone => {
                let v = pop!();
                if matches!(v, V::None) == (ins.op == Op::PopJumpIfNone) {
                    f.pc = arg as usize;
                }
            }
            Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                let v = st.last().cloned().unwrap_or(V::None);
                if truthy(&v) == (ins.op == Op::JumpIfTrueOrPop) {
                    f.pc = arg as usize;
                } else {
                    st.pop();
                }
            }
            Op::FormatValue => {
                if arg & 4 != 0 {
                    pop!();
                }
                let v = pop!();
                st.push(s(&if arg & 3 == 2 { repr(&v) } else { str_of(&v) }));
            }
            Op::RaiseVarargs => {
                let exc = match arg {
                    0 => return Err(self.cur_exc.clone()),
                    1 => pop!(),
                    _ => {
                        pop!();
                        pop!()
                    }
                };
                let exc = match exc {
                    V::ExcType(t) => V::Exc(Rc::new((t, s("")))),
                    e => e,
                };
                return Err(exc);
            }
            Op::Reraise => {
                let exc = pop!();
                return Err(exc);
            }
            Op::PushExcInfo => {
                let exc = pop!();
                let prev = std::mem::replace(&mut self.cur_exc, exc.clone());
                f.stack.push(prev);
                f.stack.push(exc);
            }
            Op::PopExcept => {
                self.cur_exc = pop!();
            }
            Op::CheckExcMatch => {
                let t = pop!();
                let exc = st.last().cloned().unwrap_or(V::None);
                st.push(V::Bool(exc_matches(&exc, &t)));
            }
            Op::BeforeWith => {
                let mgr = pop!();
                let V::Cm(name) = &mgr else { return Err(err("TypeError", "not a context manager")) };
                self.out.push_str(&format!("enter {}\n", name));
                st.push(V::Method("__exit__", Box::new(mgr.clone())));
                st.push(s(&format!("as {}", name)));
            }
            Op::WithExceptStart => {
                let exc = st[st.len() - 1].clone();
                let exit = st[st.len() - 4].clone();
                let V::Method(_, mgr) = exit else { return Err(err("TypeError", "bad exit")) };
                let V::Cm(name) = *mgr else { return Err(err("TypeError", "bad exit")) };
                let tn = match &exc {
                    V::Exc(e) => e.0.to_string(),
                    _ => "?".into(),
                };
                self.out.push_str(&format!("exit {} with {}\n", name, tn));
                st.push(V::Bool(name.starts_with("suppress")));
            }
            Op::YieldValue => {
                let v = pop!();
                return Ok(Some(Exit::Yield(v)));
            }
            Op::Send => {
                let v = pop!();
                let recv = st.last().cloned().unwrap_or(V::None);
                match self.send(&recv, v)? {
                    (true, y) => f.stack.push(y),
                    (false, r) => {
                        f.stack.pop();
                        f.stack.push(r);
                        f.pc = arg as usize;
                    }
                }
            }
            Op::MatchSequence => {
                let v = st.last().cloned().unwrap_or(V::None);
                st.push(V::Bool(matches!(v, V::List(_) | V::Tuple(_))));
            }
            Op::MatchMapping => {
                let v = st.last().cloned().unwrap_or(V::None);
                st.push(V::Bool(matches!(v, V::Dict(_))));
            }
            Op::GetLen => {
                let v = st.last().cloned().unwrap_or(V::None);
                let n = seq_items(&v)?.len();
                st.push(V::Int(n as i64));
            }
            Op::MatchKeys => {
                let keys = seq_items(&st[st.len() - 1])?;
                let subj = st[st.len() - 2].clone();
                let mut vals = Vec::new();
                let mut ok = true;
                for k in &keys {
                    match self.subscr(&subj, k) {
                        Ok(v) => vals.push(v),
                        Err(_) => ok = false,
                    }
                }
                f.stack.push(if ok { V::Tuple(Rc::new(vals)) } else { V::None });
            }
            Op::CopyDictWithoutKeys => {
                let keys = seq_items(&pop!())?;
                let subj = st.last().cloned().unwrap_or(V::None);
                let V::Dict(d) = subj else { return Err(err("TypeError", "not a dict")) };
                let rest: Vec<(V, V)> =
                    d.borrow().iter().filter(|(k, _)| !keys.iter().any(|x| eq(x, k))).cloned().collect();
                st.push(V::Dict(Rc::new(RefCell::new(rest))));
            }
            other => return Err(err("RuntimeError", &format!("minivm: unsupported {:?}", other))),
        }
        Ok(None)
    }
}

fn exc_matches(exc: &V, t: &V) -> bool {
    match t {
        V::Tuple(ts) => ts.iter().any(|x| exc_matches(exc, x)),
        V::ExcType(name) => match exc {
            V::Exc(e) => {
                &*e.0 == &**name
                    || &**name == "Exception"
                    || (&**name == "NameError" && &*e.0 == "UnboundLocalError")
            }
            _ => false,
        },
        _ => false,
    }
}
