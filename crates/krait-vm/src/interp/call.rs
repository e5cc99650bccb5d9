//! Calling: `Vm::call`/`call_kw` for every kind of callable, the binding of
//! arguments to a Python function's parameters (with CPython's error
//! messages), and the helpers of the call-like instructions (`with`, `**`
//! merging, `match` protocols).

use crate::interp::eval::{run, Exit};
use crate::interp::{Frame, VmCode};
use crate::object::{FunctionData, NativeKind, Payload};
use crate::types::{self, dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::code::flags;
use std::rc::Rc;

impl Vm {
    /// Call `f(*args)`.
    #[inline]
    pub fn call(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_kw(f, args, &[])
    }

    /// Call with keyword arguments: the last `kwnames.len()` items of `args`
    /// are the keyword values.
    pub fn call_kw(&mut self, f: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        let Some(o) = f.as_obj() else {
            return Err(not_callable(f));
        };
        match &o.payload {
            Payload::Function(fd) => call_function(self, f, fd, args, kwnames),
            Payload::Native(nf) => {
                if nf.bound.is_null() {
                    if nf.kind == NativeKind::Method {
                        check_descriptor_self(nf, args, kwnames)?;
                    }
                    call_native(self, nf, args, kwnames)
                } else {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(nf.bound.clone());
                    a.extend_from_slice(args);
                    call_native(self, nf, &a, kwnames)
                }
            }
            Payload::Method { func, self_ } => {
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(self_.clone());
                a.extend_from_slice(args);
                let func = func.clone();
                self.call_kw(&func, &a, kwnames)
            }
            Payload::Type(_) => crate::types::type_::call_type(self, f, args, kwnames),
            _ => match types::lookup(o.ty(), "__call__") {
                Some(c) => {
                    let mut a = Vec::with_capacity(args.len() + 1);
                    a.push(f.clone());
                    a.extend_from_slice(args);
                    // `__call__` may itself be an instance with a `__call__`:
                    // count the level so that a cycle raises RecursionError.
                    if self.enter_call().is_err() {
                        return Err(PyErr::recursion_error("maximum recursion depth exceeded while calling a Python object"));
                    }
                    let r = self.call_kw(&c, &a, kwnames);
                    self.leave_call();
                    r
                }
                None => Err(not_callable(f)),
            },
        }
    }

    /// Call with a dict of keyword arguments (`f(*args, **kwargs)`).
    pub fn call_with_dict(&mut self, f: &Value, args: &[Value], kwargs: Option<&Value>) -> PyResult<Value> {
        match kwargs {
            None => self.call(f, args),
            Some(d) => {
                let items = d.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
                let mut a = args.to_vec();
                let mut names = Vec::with_capacity(items.len());
                for (k, v) in items {
                    if k.as_pystr().is_none() {
                        return Err(PyErr::type_error("keywords must be strings"));
                    }
                    names.push(k);
                    a.push(v);
                }
                self.call_kw(f, &a, &names)
            }
        }
    }

    /// Whether `v` is callable.
    pub fn callable(&self, v: &Value) -> bool {
        match v.as_obj().map(|o| &o.payload) {
            Some(Payload::Function(_) | Payload::Native(_) | Payload::Method { .. } | Payload::Type(_)) => true,
            Some(_) => types::lookup(type_ref(v), "__call__").is_some(),
            None => false,
        }
    }
}

/// An unbound method descriptor (`list.append`) needs an instance of its
/// type as first argument: natives rely on it, so it is checked here once.
fn check_descriptor_self(nf: &crate::object::NativeFunction, args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let Some(owner) = nf.owner.as_ref() else { return Ok(()) };
    let Some(oo) = owner.as_obj().filter(|o| o.as_type().is_some()) else { return Ok(()) };
    if args.len() <= kwnames.len() {
        return Err(PyErr::type_error(format!(
            "unbound method {}.{}() needs an argument",
            oo.type_name_str(), nf.name
        )));
    }
    let me = &args[0];
    let ok = types::is_subtype_ref(type_ref(me), oo);
    if !ok && !std::ptr::eq(oo, types().object.as_obj().unwrap()) {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            nf.name,
            oo.type_name_str(),
            type_ref(me).type_name_str()
        )));
    }
    Ok(())
}

fn not_callable(f: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not callable", type_ref(f).type_name_str()))
}

/// Call a Python function object.
fn call_function(vm: &mut Vm, fv: &Value, fd: &FunctionData, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    let code: &Rc<VmCode> = &fd.code;
    if code.code.is_generator_like() {
        // Generator frames outlive this call: they get their own heap block.
        let mut frame = Frame::new(code.clone(), fd.globals.clone(), fd.builtins.clone(), Value::NULL);
        frame.func = fv.clone();
        bind_args(vm, fd, code, &mut frame.fast, args, kwnames)?;
        if code.ncells + code.nfrees > 0 {
            init_cells(code, fd, &mut frame.fast);
        }
        return Ok(crate::types::generator::new_generator(frame, fd));
    }
    let mut frame = Frame::new_in(vm, code.clone(), fd.globals.clone(), fd.builtins.clone(), Value::NULL);
    if let Err(e) = bind_args(vm, fd, code, &mut frame.fast, args, kwnames) {
        vm.recycle_frame(&mut frame);
        return Err(e);
    }
    if code.ncells + code.nfrees > 0 {
        init_cells(code, fd, &mut frame.fast);
    }
    if let Err(e) = vm.enter_call() {
        vm.recycle_frame(&mut frame);
        return Err(e);
    }
    let r = run(vm, &mut frame);
    vm.leave_call();
    vm.recycle_frame(&mut frame);
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(PyErr::runtime_error("yield from a non-generator frame")),
    }
}

/// `Call` of a plain Python function given exactly its positional
/// parameters (the common case): the arguments *move* from the caller's
/// stack (the top `nargs` values) into the new frame, with no general
/// binding. None, with nothing changed, when the fast path does not apply.
#[inline]
pub fn try_call_exact(vm: &mut Vm, caller: &mut Frame, callable_ix: usize, nargs: usize) -> Option<PyResult<Value>> {
    let func = caller.stack[callable_ix].clone();
    let Payload::Function(fd) = &func.as_obj()?.payload else { return None };
    let code: &Rc<VmCode> = &fd.code;
    let co = &code.code;
    if co.argcount as usize != nargs
        || co.kwonlyargcount != 0
        || co.flags & (flags::VARARGS | flags::VARKEYWORDS) != 0
        || co.is_generator_like()
    {
        return None;
    }
    let mut frame = Frame::new_in(vm, code.clone(), fd.globals.clone(), fd.builtins.clone(), Value::NULL);
    caller.stack.move_top_into(&mut frame.fast[..nargs]);
    if code.ncells + code.nfrees > 0 {
        init_cells(code, fd, &mut frame.fast);
    }
    if let Err(e) = vm.enter_call() {
        vm.recycle_frame(&mut frame);
        return Some(Err(e));
    }
    let r = run(vm, &mut frame);
    vm.leave_call();
    vm.recycle_frame(&mut frame);
    Some(match r {
        Ok(Exit::Return(v)) => Ok(v),
        Ok(Exit::Yield(_)) => Err(PyErr::runtime_error("yield from a non-generator frame")),
        Err(e) => Err(e),
    })
}

/// Run a code object with explicit namespaces (module bodies, `exec`, class
/// bodies). `locals` NULL means "use the fast locals".
pub fn run_code(vm: &mut Vm, code: Rc<VmCode>, globals: Value, locals: Value, closure: Option<&Value>) -> PyResult<Value> {
    let builtins = builtins_of(vm, &globals);
    let mut frame = Frame::new(code.clone(), globals, builtins, locals);
    if let Some(cl) = closure {
        let cells = cl.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
        let base = code.nlocals;
        for i in 0..code.ncells {
            frame.fast[base + i] = new_cell(Value::NULL);
        }
        for (i, c) in cells.into_iter().enumerate() {
            frame.fast[base + code.ncells + i] = c;
        }
    } else {
        for i in 0..code.ncells {
            frame.fast[code.nlocals + i] = new_cell(Value::NULL);
        }
    }
    vm.enter_call()?;
    let r = run(vm, &mut frame);
    vm.leave_call();
    match r? {
        Exit::Return(v) => Ok(v),
        Exit::Yield(_) => Err(PyErr::runtime_error("yield outside a generator")),
    }
}

/// The builtins dict for code running with `globals`.
pub fn builtins_of(vm: &Vm, globals: &Value) -> Value {
    if let Some(b) = dict::dict_get_str(globals, "__builtins__") {
        if let Some(Payload::Module(_)) = b.as_obj().map(|o| &o.payload) {
            return crate::types::module::module_dict(&b);
        }
        if b.as_dict().is_some() {
            return b;
        }
    }
    vm.builtins_dict.clone()
}

pub fn new_cell(v: Value) -> Value {
    Value::from_obj(crate::object::PyObject::new(
        types().cell.as_obj().unwrap(),
        Payload::Cell(std::cell::RefCell::new(v)),
    ))
}

/// Create the cells of a new frame: cellvars (moving parameters into their
/// cells when `cell2arg` says so) and the closure's free cells.
fn init_cells(code: &VmCode, fd: &FunctionData, fast: &mut [Value]) {
    let base = code.nlocals;
    for i in 0..code.ncells {
        let init = match code.code.cell2arg.get(i).copied().flatten() {
            Some(a) => std::mem::replace(&mut fast[a as usize], Value::NULL),
            None => Value::NULL,
        };
        fast[base + i] = new_cell(init);
    }
    if code.nfrees > 0 {
        if let Some(t) = fd.closure.as_tuple() {
            for (i, c) in t.iter().enumerate() {
                fast[base + code.ncells + i] = c.clone();
            }
        }
    }
}

fn qualname(fd: &FunctionData) -> String {
    fd.qualname.borrow().as_str().unwrap_or("?").to_string()
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        _ => format!("{}, and {}", q[..q.len() - 1].join(", "), q[q.len() - 1]),
    }
}

/// Bind call arguments into a frame's fast locals, as CPython does.
fn bind_args(vm: &mut Vm, fd: &FunctionData, code: &VmCode, fast: &mut [Value], args: &[Value], kwnames: &[Value]) -> PyResult<()> {
    let co = &code.code;
    let nkw = kwnames.len();
    let npos = args.len() - nkw;
    let argcount = co.argcount as usize;
    let posonly = co.posonlyargcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let has_varargs = co.flags & flags::VARARGS != 0;
    let has_varkw = co.flags & flags::VARKEYWORDS != 0;
    // Fast path: exact positional call.
    if nkw == 0 && npos == argcount && kwonly == 0 && !has_varargs && !has_varkw {
        for (i, a) in args.iter().enumerate() {
            fast[i] = a.clone();
        }
        return Ok(());
    }
    let n = npos.min(argcount);
    for i in 0..n {
        fast[i] = args[i].clone();
    }
    let varargs_ix = argcount + kwonly;
    let varkw_ix = varargs_ix + has_varargs as usize;
    if has_varargs {
        let extra = if npos > argcount { args[argcount..npos].to_vec() } else { vec![] };
        fast[varargs_ix] = Value::tuple(extra);
    } else if npos > argcount {
        let defaults = fd.defaults.borrow().as_tuple().map(|t| t.len()).unwrap_or(0);
        let given_kw = (0..nkw)
            .filter(|&k| {
                let kn = kwnames[k].as_str().unwrap_or("");
                co.varnames[argcount..argcount + kwonly].iter().any(|v| &**v == kn)
            })
            .count();
        let takes = if defaults > 0 {
            format!("from {} to {} positional arguments", argcount - defaults, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let kwpart = if given_kw > 0 {
            format!(" positional argument{} (and {} keyword-only argument{})", if npos == 1 { "" } else { "s" }, given_kw, if given_kw == 1 { "" } else { "s" })
        } else {
            String::new()
        };
        let was = if npos == 1 && given_kw == 0 { "was" } else { "were" };
        return Err(PyErr::type_error(if given_kw > 0 {
            format!("{}() takes {} but {}{} were given", qualname(fd), takes, npos, kwpart)
        } else {
            format!("{}() takes {} but {} {} given", qualname(fd), takes, npos, was)
        }));
    }
    let kwdict = if has_varkw {
        let d = dict::new_dict();
        fast[varkw_ix] = d.clone();
        Some(d)
    } else {
        None
    };
    let mut posonly_as_kw: Vec<String> = Vec::new();
    for k in 0..nkw {
        let name = &kwnames[k];
        let value = args[npos + k].clone();
        let ns = name.as_str().unwrap_or("");
        let total = argcount + kwonly;
        let pos = co.varnames[posonly..total].iter().position(|v| &**v == ns).map(|p| p + posonly);
        match pos {
            Some(i) => {
                if !fast[i].is_null() {
                    return Err(PyErr::type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        qualname(fd),
                        ns
                    )));
                }
                fast[i] = value;
            }
            None => match &kwdict {
                Some(d) => {
                    dict::dict_set(vm, d, name.clone(), value)?;
                }
                None => {
                    if co.varnames[..posonly].iter().any(|v| &**v == ns) {
                        posonly_as_kw.push(ns.to_string());
                        continue;
                    }
                    return Err(PyErr::type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        qualname(fd),
                        ns
                    )));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
            qualname(fd),
            posonly_as_kw.join(", ")
        )));
    }
    // Defaults for positional parameters.
    let defaults = fd.defaults.borrow().clone();
    let defaults = defaults.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let first_default = argcount - defaults.len();
    let mut missing = Vec::new();
    for i in npos.min(argcount)..argcount {
        if fast[i].is_null() {
            if i >= first_default {
                fast[i] = defaults[i - first_default].clone();
            } else {
                missing.push(co.varnames[i].to_string());
            }
        }
    }
    if !missing.is_empty() {
        return Err(PyErr::type_error(format!(
            "{}() missing {}: {}",
            qualname(fd),
            plural(missing.len(), "required positional argument"),
            name_list(&missing)
        )));
    }
    if kwonly > 0 {
        let kwdefaults = fd.kwdefaults.borrow().clone();
        let mut missing = Vec::new();
        for i in argcount..argcount + kwonly {
            if fast[i].is_null() {
                let d = if kwdefaults.as_dict().is_some() {
                    dict::dict_get_str(&kwdefaults, &co.varnames[i])
                } else {
                    None
                };
                match d {
                    Some(v) => fast[i] = v,
                    None => missing.push(co.varnames[i].to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{}() missing {}: {}",
                qualname(fd),
                plural(missing.len(), "required keyword-only argument"),
                name_list(&missing)
            )));
        }
    }
    Ok(())
}

/// How CPython names a callable in argument errors: `module.qualname()`
/// for functions outside builtins, `qualname()` otherwise.
pub fn function_str(callable: Option<&Value>) -> String {
    match callable.and_then(|c| c.as_obj()).map(|o| &o.payload) {
        Some(Payload::Function(fd)) => {
            let q = qualname(fd);
            match fd.module.borrow().as_str() {
                Some(m) if m != "builtins" => format!("{m}.{q}()"),
                _ => format!("{q}()"),
            }
        }
        Some(Payload::Native(n)) => format!("{}()", n.name),
        Some(Payload::Method { func, .. }) => function_str(Some(func)),
        Some(Payload::Type(td)) => format!("{}()", td.qualname.borrow()),
        _ => "function".to_string(),
    }
}

/// `CallFunctionEx`: `first` is the NULL/method slot.
pub fn call_ex(vm: &mut Vm, first: Value, callable: Value, args: Value, kwargs: Option<Value>) -> PyResult<Value> {
    let mut a: Vec<Value> = match args.as_tuple() {
        Some(t) => t.to_vec(),
        None => {
            let iterable = crate::types::lookup(type_ref(&args), "__iter__").is_some()
                || crate::types::lookup(type_ref(&args), "__getitem__").is_some();
            if !iterable {
                let f = if first.is_null() { &callable } else { &first };
                return Err(PyErr::type_error(format!(
                    "{} argument after * must be an iterable, not {}",
                    function_str(Some(f)),
                    type_ref(&args).type_name_str()
                )));
            }
            vm.collect(&args)?
        }
    };
    let f = if first.is_null() {
        callable
    } else {
        a.insert(0, callable);
        first
    };
    vm.call_with_dict(&f, &a, kwargs.as_ref())
}

/// `DictMerge`: merge `**m` into the call's kwargs dict, rejecting repeats.
pub fn dict_merge_kwargs(vm: &mut Vm, d: &Value, m: &Value, callable: Option<Value>) -> PyResult<()> {
    let fname = || function_str(callable.as_ref());
    let items: Vec<(Value, Value)> = if let Some(md) = m.as_dict() {
        md.borrow().items()
    } else {
        let keys_f = match vm.getattr_opt(m, &Value::str("keys"))? {
            Some(k) => k,
            None => {
                return Err(PyErr::type_error(format!(
                    "{} argument after ** must be a mapping, not {}",
                    fname(),
                    type_ref(m).type_name_str()
                )))
            }
        };
        let keys = vm.call(&keys_f, &[])?;
        let mut out = Vec::new();
        for k in vm.collect(&keys)? {
            let v = vm.getitem(m, &k)?;
            out.push((k, v));
        }
        out
    };
    for (k, v) in items {
        if k.as_pystr().is_none() {
            return Err(PyErr::type_error("keywords must be strings"));
        }
        if dict::dict_get(vm, d, &k)?.is_some() {
            return Err(PyErr::type_error(format!(
                "{} got multiple values for keyword argument '{}'",
                fname(),
                k.as_str().unwrap_or("")
            )));
        }
        dict::dict_set(vm, d, k, v)?;
    }
    Ok(())
}

/// `BeforeWith`: returns (bound `__exit__`, result of `__enter__()`).
pub fn before_with(vm: &mut Vm, mgr: &Value, is_async: bool) -> PyResult<(Value, Value)> {
    let (enter_n, exit_n) = if is_async { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
    let tr = type_ref(mgr);
    let enter = types::lookup(tr, enter_n);
    let exit = types::lookup(tr, exit_n);
    let tn = tr.type_name_str();
    let Some(enter) = enter else {
        return Err(PyErr::type_error(if is_async {
            format!("'{tn}' object does not support the asynchronous context manager protocol")
        } else {
            format!("'{tn}' object does not support the context manager protocol")
        }));
    };
    let Some(exit) = exit else {
        return Err(PyErr::type_error(if is_async {
            format!("'{tn}' object does not support the asynchronous context manager protocol (missed __aexit__ method)")
        } else {
            format!("'{tn}' object does not support the context manager protocol (missed __exit__ method)")
        }));
    };
    let owner = types::type_of(mgr);
    let exit_b = crate::ops::attr::descr_get(vm, exit, Some(mgr), &owner)?;
    let enter_b = crate::ops::attr::descr_get(vm, enter, Some(mgr), &owner)?;
    let entered = vm.call(&enter_b, &[])?;
    Ok((exit_b, entered))
}

/// `match` mapping check: dicts and anything registered as a Mapping.
pub fn is_mapping(vm: &mut Vm, v: &Value) -> bool {
    if matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Dict(_) | Payload::MappingProxy(_))) {
        return true;
    }
    abc_check(vm, v, "Mapping")
}

/// `match` sequence check: list/tuple/range/registered Sequences, not str/bytes.
pub fn is_match_sequence(vm: &mut Vm, v: &Value) -> bool {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::List(_) | Payload::Tuple(_) | Payload::Range { .. } | Payload::MemoryView(_)) => true,
        Some(Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_) | Payload::Dict(_)) => false,
        _ => abc_check(vm, v, "Sequence"),
    }
}

fn abc_check(vm: &mut Vm, v: &Value, name: &str) -> bool {
    if v.as_obj().is_none() {
        return false;
    }
    let Some(abc) = dict::dict_get_str(&vm.modules, "collections.abc") else { return false };
    let Ok(cls) = vm.getattr_str(&abc, name) else { return false };
    vm.isinstance(v, &cls).unwrap_or(false)
}

/// `MatchKeys`: a tuple of the subject's values for `keys`, or None.
pub fn match_keys(vm: &mut Vm, subject: &Value, keys: &Value) -> PyResult<Value> {
    let keys = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut out = Vec::with_capacity(keys.len());
    let get = vm.getattr_str(subject, "get")?;
    let dummy = Value::from_obj(crate::object::PyObject::new(types().object.as_obj().unwrap(), Payload::Object));
    for (i, k) in keys.iter().enumerate() {
        if keys[..i].iter().any(|p| vm.eq(p, k).unwrap_or(false)) {
            let r = vm.repr_string(k)?;
            return Err(PyErr::value_error(format!("mapping pattern checks duplicate key ({r})")));
        }
        let v = vm.call(&get, &[k.clone(), dummy.clone()])?;
        if v.is(&dummy) {
            return Ok(Value::NONE);
        }
        out.push(v);
    }
    Ok(Value::tuple(out))
}

/// `MatchClass`: attributes for a class pattern, or None when it does not match.
pub fn match_class(vm: &mut Vm, subject: &Value, cls: &Value, npos: usize, names: &Value) -> PyResult<Value> {
    if cls.as_obj().and_then(|o| o.as_type()).is_none() {
        return Err(PyErr::type_error("called match pattern must be a class"));
    }
    if !vm.isinstance(subject, cls)? {
        return Ok(Value::NONE);
    }
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if npos > 0 {
        let match_args = vm.getattr_opt(cls, &Value::str("__match_args__"))?;
        let cname = cls.as_obj().unwrap().type_name_str();
        match match_args {
            Some(ma) => {
                let Some(t) = ma.as_tuple().map(|t| t.to_vec()) else {
                    return Err(PyErr::type_error(format!(
                        "{cname}.__match_args__ must be a tuple (got {})",
                        type_ref(&ma).type_name_str()
                    )));
                };
                if npos > t.len() {
                    return Err(PyErr::type_error(format!(
                        "{cname}() accepts {} positional sub-pattern{} ({npos} given)",
                        t.len(),
                        if t.len() == 1 { "" } else { "s" }
                    )));
                }
                for n in t.iter().take(npos) {
                    let s = n.as_str().unwrap_or("").to_string();
                    seen.push(s);
                    match vm.getattr_opt(subject, n)? {
                        Some(v) => out.push(v),
                        None => return Ok(Value::NONE),
                    }
                }
            }
            None => {
                // Builtins that match themselves positionally.
                let t = types();
                let selfmatch = [&t.bool, &t.bytearray, &t.bytes, &t.dict, &t.float, &t.frozenset, &t.int, &t.list, &t.set, &t.str, &t.tuple]
                    .iter()
                    .any(|b| types::is_subtype(cls, b));
                if selfmatch && npos == 1 {
                    out.push(subject.clone());
                } else {
                    return Err(PyErr::type_error(format!(
                        "{cname}() accepts 0 positional sub-patterns ({npos} given)"
                    )));
                }
            }
        }
    }
    for n in names.as_tuple().map(|t| t.to_vec()).unwrap_or_default() {
        let s = n.as_str().unwrap_or("").to_string();
        if seen.contains(&s) {
            return Err(PyErr::type_error(format!(
                "{}() got multiple sub-patterns for attribute '{s}'",
                cls.as_obj().unwrap().type_name_str()
            )));
        }
        seen.push(s);
        match vm.getattr_opt(subject, &n)? {
            Some(v) => out.push(v),
            None => return Ok(Value::NONE),
        }
    }
    Ok(Value::tuple(out))
}

#[allow(unused)]
fn _kinds(k: NativeKind) -> bool {
    k == NativeKind::Method
}

/// Run a native function; a Rust panic inside it (a Krait bug) becomes a
/// Python exception instead of ending the process (see `error::panic_to_pyerr`).
#[inline]
pub fn call_native(vm: &mut Vm, nf: &crate::object::NativeFunction, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
    guard_native(nf.name, || (nf.func)(vm, args, kwnames))
}

/// Run native code named `name`, turning a Rust panic into a Python exception.
#[inline]
pub fn guard_native(name: &str, f: impl FnOnce() -> PyResult<Value>) -> PyResult<Value> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(_) => Err(crate::error::panic_to_pyerr(name)),
    }
}
