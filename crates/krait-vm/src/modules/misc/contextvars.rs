//! `_contextvars`: `ContextVar`, `Context`, `Token`, `copy_context`.
//!
//! A context holds a dict from variables to values. Each thread has a
//! current context (made empty on first use); `Context.run` makes another
//! one current for the duration of a call. A context is only changed by
//! `ContextVar.set`/`reset` while it is current, and `copy` snapshots it, so
//! sharing the dict in place is indistinguishable from CPython's immutable
//! mappings.

use crate::gil::GilCell;
use crate::modules::native::GilSlot;
use crate::object::{new_opaque, with_opaque, NativeData, NativeKind};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_attr, add_getset, add_method, add_native, dict, new_native_type, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::collections::HashMap;

struct ContextState {
    vars: Value,
    entered: bool,
    prev: Value,
}
impl NativeData for ContextState {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.vars);
        f(&self.prev);
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.vars, dict::new_dict()));
        out.push(std::mem::replace(&mut self.prev, Value::NONE));
    }
}

struct VarState {
    name: Value,
    /// NULL when the variable has no default.
    default: Value,
}
impl NativeData for VarState {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.name);
        if !self.default.is_null() {
            f(&self.default);
        }
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.default, Value::NULL));
    }
}

struct TokenState {
    ctx: Value,
    var: Value,
    /// NULL: the variable had no value (`Token.MISSING`).
    old: Value,
    used: bool,
}
impl NativeData for TokenState {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.ctx);
        f(&self.var);
        if !self.old.is_null() {
            f(&self.old);
        }
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.ctx, Value::NONE));
        out.push(std::mem::replace(&mut self.var, Value::NONE));
        out.push(std::mem::replace(&mut self.old, Value::NULL));
    }
}

static CONTEXT_TYPE: GilSlot = GilSlot::new();
static VAR_TYPE: GilSlot = GilSlot::new();
static TOKEN_TYPE: GilSlot = GilSlot::new();
static MISSING: GilSlot = GilSlot::new();

/// The current context of each thread (by `thread::thread_key`).
static CURRENT: GilCell<RefCell<Option<HashMap<u64, Value>>>> = GilCell::new(RefCell::new(None));

fn context_type() -> Value {
    CONTEXT_TYPE.get_or_init(|| {
        let t = new_native_type("_contextvars", "Context", &types().object, false);
        add_native(&t, "__new__", context_new, NativeKind::StaticMethod);
        add_method(&t, "run", context_run);
        add_method(&t, "copy", context_copy);
        add_method(&t, "get", context_get);
        add_method(&t, "keys", context_keys);
        add_method(&t, "values", context_values);
        add_method(&t, "items", context_items);
        add_method(&t, "__getitem__", context_getitem);
        add_method(&t, "__contains__", context_contains);
        add_method(&t, "__len__", context_len);
        add_method(&t, "__iter__", context_iter);
        add_method(&t, "__eq__", context_eq);
        add_attr(&t, "__hash__", Value::NONE);
        t
    })
}

fn var_type() -> Value {
    VAR_TYPE.get_or_init(|| {
        let t = new_native_type("_contextvars", "ContextVar", &types().object, false);
        add_native(&t, "__new__", var_new, NativeKind::StaticMethod);
        add_method(&t, "get", var_get);
        add_method(&t, "set", var_set);
        add_method(&t, "reset", var_reset);
        add_method(&t, "__repr__", var_repr);
        add_getset(&t, "name", var_name, None);
        add_native(&t, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
        t
    })
}

fn token_type() -> Value {
    TOKEN_TYPE.get_or_init(|| {
        let t = new_native_type("_contextvars", "Token", &types().object, false);
        add_native(&t, "__new__", token_new, NativeKind::StaticMethod);
        add_method(&t, "__repr__", token_repr);
        add_getset(&t, "var", token_var, None);
        add_getset(&t, "old_value", token_old_value, None);
        add_native(&t, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
        add_attr(&t, "MISSING", missing());
        t
    })
}

fn missing() -> Value {
    MISSING.get_or_init(|| {
        let t = new_native_type("builtins", "Token.MISSING", &types().object, false);
        add_method(&t, "__repr__", missing_repr);
        Value::from_obj(crate::object::PyObject::new(t.as_obj().unwrap(), crate::object::Payload::Object))
    })
}

fn missing_repr(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str("<Token.MISSING>"))
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(PyErr::type_error("__class_getitem__ expects 1 argument"));
    }
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

// ---------------------------------------------------------------- the current context

fn new_context(vars: Value) -> Value {
    new_opaque(&context_type(), ContextState { vars, entered: false, prev: Value::NONE })
}

/// The calling thread's current context (made on first use).
pub fn current(_vm: &mut Vm) -> Value {
    let key = super::thread::thread_key();
    if let Some(c) = CURRENT.with(|m| m.borrow().as_ref().and_then(|m| m.get(&key).cloned())) {
        return c;
    }
    let c = new_context(dict::new_dict());
    set_current(c.clone());
    c
}

fn set_current(ctx: Value) {
    let key = super::thread::thread_key();
    let old = CURRENT.with(|m| m.borrow_mut().get_or_insert_with(HashMap::new).insert(key, ctx));
    drop(old);
}

fn ctx_vars(v: &Value) -> PyResult<Value> {
    with_opaque::<ContextState, _>(v, |s| s.vars.clone()).ok_or_else(|| wrong_self("Context", v))
}

fn wrong_self(what: &str, v: &Value) -> PyErr {
    PyErr::type_error(format!("descriptor requires a '_contextvars.{what}' object but received a '{}'", type_ref(v).type_name_str()))
}

fn is_var(v: &Value) -> bool {
    with_opaque::<VarState, _>(v, |_| ()).is_some()
}

// ---------------------------------------------------------------- Context

fn context_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        return Err(PyErr::type_error("Context() does not accept any arguments"));
    }
    Ok(new_context(dict::new_dict()))
}

fn copy_context(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("copy_context", args, kw, 0, 0)?;
    let c = current(vm);
    copy_of(vm, &c)
}

fn copy_of(vm: &mut Vm, ctx: &Value) -> PyResult<Value> {
    let vars = ctx_vars(ctx)?;
    let items = vars.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
    let nd = dict::new_dict();
    for (k, v) in items {
        dict::dict_set(vm, &nd, k, v)?;
    }
    Ok(new_context(nd))
}

fn context_copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("copy", args, kw, 1, 1)?;
    copy_of(vm, &args[0])
}

fn context_run(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if npos < 2 {
        return Err(PyErr::type_error("run() missing 1 required positional argument"));
    }
    let ctx = args[0].clone();
    let entered = with_opaque::<ContextState, _>(&ctx, |s| s.entered).ok_or_else(|| wrong_self("Context", &ctx))?;
    if entered {
        let r = vm.repr_string(&ctx)?;
        return Err(PyErr::runtime_error(format!("cannot enter context: {r} is already entered")));
    }
    let prev = current(vm);
    with_opaque::<ContextState, _>(&ctx, |s| {
        s.entered = true;
        s.prev = prev.clone();
    });
    set_current(ctx.clone());
    let r = vm.call_kw(&args[1], &args[2..], kw);
    let prev = with_opaque::<ContextState, _>(&ctx, |s| {
        s.entered = false;
        std::mem::replace(&mut s.prev, Value::NONE)
    })
    .unwrap_or(prev);
    set_current(prev);
    r
}

fn key_arg(vm: &mut Vm, k: &Value) -> PyResult<()> {
    if !is_var(k) {
        let r = vm.repr_string(k)?;
        return Err(PyErr::type_error(format!("a ContextVar key was expected, got {r}")));
    }
    Ok(())
}

fn context_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__getitem__", args, kw, 2, 2)?;
    let vars = ctx_vars(&args[0])?;
    key_arg(vm, &args[1])?;
    dict::dict_get(vm, &vars, &args[1])?.ok_or_else(|| PyErr::key_error(args[1].clone()))
}

fn context_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, key, default] = crate::args::bind("get", args, kw, &["self", "key", "default=", "/"])?;
    let (s, key) = (s.unwrap_or(Value::NONE), key.unwrap_or(Value::NONE));
    let vars = ctx_vars(&s)?;
    key_arg(vm, &key)?;
    Ok(dict::dict_get(vm, &vars, &key)?.unwrap_or_else(|| default.unwrap_or(Value::NONE)))
}

fn context_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__contains__", args, kw, 2, 2)?;
    let vars = ctx_vars(&args[0])?;
    key_arg(vm, &args[1])?;
    Ok(Value::bool(dict::dict_get(vm, &vars, &args[1])?.is_some()))
}

fn context_len(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let vars = ctx_vars(&args[0])?;
    Ok(Value::int(vars.as_dict().map_or(0, |d| d.borrow().len()) as i64))
}

fn context_keys(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let vars = ctx_vars(&args[0])?;
    Ok(Value::list(vars.as_dict().map(|d| d.borrow().keys()).unwrap_or_default()))
}

fn context_values(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let vars = ctx_vars(&args[0])?;
    Ok(Value::list(vars.as_dict().map(|d| d.borrow().values()).unwrap_or_default()))
}

fn context_items(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let vars = ctx_vars(&args[0])?;
    let items = vars.as_dict().map(|d| d.borrow().items()).unwrap_or_default();
    Ok(Value::list(items.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect()))
}

fn context_iter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let keys = context_keys(vm, args, kw)?;
    vm.iter(&keys)
}

fn context_eq(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__eq__", args, kw, 2, 2)?;
    let a = ctx_vars(&args[0])?;
    let Some(b) = with_opaque::<ContextState, _>(&args[1], |s| s.vars.clone()) else {
        return Ok(types().not_implemented.clone());
    };
    Ok(Value::bool(vm.eq(&a, &b)?))
}

// ---------------------------------------------------------------- ContextVar

fn var_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_cls, name, default] = crate::args::bind("ContextVar", args, kw, &["cls", "name", "/", "*", "default="])?;
    let name = name.unwrap_or(Value::NONE);
    if name.as_pystr().is_none() {
        return Err(PyErr::type_error("context variable name must be a str"));
    }
    let default = default.unwrap_or(Value::NULL);
    Ok(new_opaque(&var_type(), VarState { name, default }))
}

fn var_parts(v: &Value) -> PyResult<(Value, Value)> {
    with_opaque::<VarState, _>(v, |s| (s.name.clone(), s.default.clone())).ok_or_else(|| wrong_self("ContextVar", v))
}

fn var_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(var_parts(&args[0])?.0)
}

fn var_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, default] = crate::args::bind("get", args, kw, &["self", "default=", "/"])?;
    let s = s.unwrap_or(Value::NONE);
    let (_, vdefault) = var_parts(&s)?;
    let ctx = current(vm);
    let vars = ctx_vars(&ctx)?;
    if let Some(v) = dict::dict_get(vm, &vars, &s)? {
        return Ok(v);
    }
    if let Some(d) = default {
        return Ok(d);
    }
    if !vdefault.is_null() {
        return Ok(vdefault);
    }
    Err(PyErr::with_args(&types().exc.lookup_error, vec![s]))
}

fn var_set(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, value] = crate::args::bind("set", args, kw, &["self", "value", "/"])?;
    let (s, value) = (s.unwrap_or(Value::NONE), value.unwrap_or(Value::NONE));
    var_parts(&s)?;
    let ctx = current(vm);
    let vars = ctx_vars(&ctx)?;
    let old = dict::dict_get(vm, &vars, &s)?.unwrap_or(Value::NULL);
    dict::dict_set(vm, &vars, s.clone(), value)?;
    Ok(new_opaque(&token_type(), TokenState { ctx, var: s, old, used: false }))
}

fn var_reset(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [s, token] = crate::args::bind("reset", args, kw, &["self", "token", "/"])?;
    let (s, token) = (s.unwrap_or(Value::NONE), token.unwrap_or(Value::NONE));
    var_parts(&s)?;
    let Some((tctx, tvar, old, used)) = with_opaque::<TokenState, _>(&token, |t| (t.ctx.clone(), t.var.clone(), t.old.clone(), t.used)) else {
        return Err(PyErr::type_error(format!("expected an instance of Token, got {}", vm.repr_string(&token)?)));
    };
    let r = vm.repr_string(&token)?;
    if used {
        return Err(PyErr::runtime_error(format!("{r} has already been used once")));
    }
    if !tvar.is(&s) {
        return Err(PyErr::value_error(format!("{r} was created by a different ContextVar")));
    }
    let ctx = current(vm);
    if !tctx.is(&ctx) {
        return Err(PyErr::value_error(format!("{r} was created in a different Context")));
    }
    with_opaque::<TokenState, _>(&token, |t| t.used = true);
    let vars = ctx_vars(&ctx)?;
    if old.is_null() {
        dict::dict_del(vm, &vars, &s)?;
    } else {
        dict::dict_set(vm, &vars, s, old)?;
    }
    Ok(Value::NONE)
}

fn var_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = &args[0];
    let (name, default) = var_parts(s)?;
    let mut out = format!("<ContextVar name={}", vm.repr_string(&name)?);
    if !default.is_null() {
        out.push_str(&format!(" default={}", vm.repr_string(&default)?));
    }
    out.push_str(&format!(" at {:#x}>", s.id()));
    Ok(Value::string(out))
}

// ---------------------------------------------------------------- Token

fn token_new(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::runtime_error("Tokens can only be created by ContextVars"))
}

fn token_parts(v: &Value) -> PyResult<(Value, Value, bool)> {
    with_opaque::<TokenState, _>(v, |t| (t.var.clone(), t.old.clone(), t.used)).ok_or_else(|| wrong_self("Token", v))
}

fn token_var(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(token_parts(&args[0])?.0)
}

fn token_old_value(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let old = token_parts(&args[0])?.1;
    Ok(if old.is_null() { missing() } else { old })
}

fn token_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = &args[0];
    let (var, _, used) = token_parts(s)?;
    let vr = vm.repr_string(&var)?;
    Ok(Value::string(format!("<Token{} var={vr} at {:#x}>", if used { " used" } else { "" }, s.id())))
}

pub fn make() -> Value {
    let m = new_module("_contextvars");
    set_attr(&m, "Context", context_type());
    set_attr(&m, "ContextVar", var_type());
    set_attr(&m, "Token", token_type());
    add_function(&m, "copy_context", copy_context);
    m
}
