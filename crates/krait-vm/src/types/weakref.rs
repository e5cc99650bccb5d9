//! Weak references (`_weakref`): `weakref.ref` objects hold an `Rc::Weak`
//! to their referent; proxies (`weakref.proxy`) forward operations to it.
//!
//! A registry maps each referent's address to the weak reference objects
//! pointing at it (themselves held weakly), for `getweakrefcount`,
//! `getweakrefs`, reuse of the callback-less `ref`, and callbacks. An
//! object with weak references carries `FLAG_HAS_WEAKREFS`, so the
//! finaliser hook (gc.rs) calls [`finalize_with_weakrefs`] before it is
//! freed: `__del__` runs first, then (unless resurrected) every weak
//! reference is cleared and the callbacks run, newest first, each with the
//! now-dead weak reference object.
//!
//! The address of a referent cannot be reused while a weak reference to it
//! exists (a `Weak` keeps the allocation), so registry keys never alias.

use crate::object::{NativeKind, Obj, Payload, PyObject, FLAG_HAS_WEAKREFS};
use crate::types::{add_getset, add_method, add_native, dict, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::{BinOpKind, CmpOpKind};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use std::sync::OnceLock;

/// A weak reference (`ref`) or proxy.
pub struct WeakRefData {
    /// The referent; set to an empty `Weak` once it has died.
    pub target: RefCell<Weak<PyObject>>,
    /// The callback (None when absent).
    pub callback: Value,
    /// The callback has run (or the referent died): `__callback__` is None.
    pub callback_done: Cell<bool>,
    /// `hash(ref)`, computed from the referent on first use.
    pub hash: Cell<Option<i64>>,
    /// 0 = ref, 1 = proxy, 2 = callable proxy.
    pub kind: u8,
}

static REGISTRY: crate::gil::GilLazy<RefCell<HashMap<usize, Vec<Weak<PyObject>>>>> = crate::gil::GilLazy::new(|| RefCell::new(HashMap::new()));

struct ProxyTypes {
    proxy: Value,
    callable: Value,
}
// SAFETY: the types are immortal and only touched by the GIL holder.
unsafe impl Sync for ProxyTypes {}
unsafe impl Send for ProxyTypes {}
static PROXY_TYPES: OnceLock<ProxyTypes> = OnceLock::new();

/// Guard for natives called unbound with too few arguments.
fn need(args: &[Value], n: usize, name: &str) -> PyResult<()> {
    if args.len() < n {
        return Err(PyErr::type_error(if args.is_empty() {
            format!("descriptor '{name}' of 'weakref' object needs an argument")
        } else {
            format!("{name}() takes exactly {} argument{} ({} given)", n - 1, if n == 2 { "" } else { "s" }, args.len() - 1)
        }));
    }
    Ok(())
}

fn proxy_types() -> &'static ProxyTypes {
    PROXY_TYPES.get_or_init(|| ProxyTypes { proxy: make_proxy_type("ProxyType"), callable: make_proxy_type("CallableProxyType") })
}

/// `weakref.ProxyType`.
pub fn proxy_type() -> Value {
    proxy_types().proxy.clone()
}

/// `weakref.CallableProxyType`.
pub fn callable_proxy_type() -> Value {
    proxy_types().callable.clone()
}

fn wdata(v: &Value) -> Option<&WeakRefData> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::WeakRef(w)) => Some(w),
        _ => None,
    }
}

fn wdata_or_err(v: &Value) -> PyResult<&WeakRefData> {
    wdata(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'weakref.ReferenceType' object but received a '{}'",
            type_ref(v).type_name_str()
        ))
    })
}

/// The referent of a weak reference or proxy, if still alive.
pub fn referent(v: &Value) -> Option<Value> {
    wdata(v).and_then(|w| w.target.borrow().upgrade()).map(Value::from_obj)
}

/// The full name used in messages (`weakref.ReferenceType` for builtins with a module).
fn qualified_type_name(ty: &PyObject) -> String {
    let Some(td) = ty.as_type() else { return "?".into() };
    let name = td.name.borrow().clone();
    let pt = proxy_types();
    if pt.proxy.as_obj().map_or(false, |p| std::ptr::eq(p, ty)) || pt.callable.as_obj().map_or(false, |p| std::ptr::eq(p, ty)) {
        return format!("weakref.{name}");
    }
    if td.heap {
        return name;
    }
    match dict::dict_get_str(&td.dict, "__module__").and_then(|m| m.as_str().map(|s| s.to_string())) {
        Some(m) if m != "builtins" => format!("{m}.{name}"),
        _ => name,
    }
}

fn slots_mention_weakref(vm: &mut Vm, sl: &Value) -> bool {
    if let Some(s) = sl.as_str() {
        return s == "__weakref__";
    }
    let items = match sl.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(t)) => t.to_vec(),
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => vm.collect(sl).unwrap_or_default(),
    };
    items.iter().any(|x| x.as_str() == Some("__weakref__"))
}

/// Whether `v` may be weakly referenced.
pub fn weakrefable(vm: &mut Vm, v: &Value) -> bool {
    let Some(o) = v.as_obj() else { return false };
    if matches!(o.payload, Payload::Int(_) | Payload::Tuple(_) | Payload::Bytes(_)) {
        return false;
    }
    if let Payload::WeakRef(w) = &o.payload {
        if w.kind != 0 {
            return false;
        }
    }
    let ty = o.ty();
    if let Some(td) = ty.as_type() {
        let mro: Vec<Obj> = td.mro.borrow().clone();
        for m in &mro {
            let mtd = m.type_data();
            if !mtd.heap {
                continue;
            }
            match dict::dict_get_str(&mtd.dict, "__slots__") {
                None => return true,
                Some(sl) => {
                    if slots_mention_weakref(vm, &sl) {
                        return true;
                    }
                }
            }
        }
    }
    matches!(
        o.payload,
        Payload::Function(_)
            | Payload::Native(_)
            | Payload::Method { .. }
            | Payload::Type(_)
            | Payload::Set(_)
            | Payload::FrozenSet(_)
            | Payload::Module(_)
            | Payload::Code(_)
            | Payload::Generator(_)
            | Payload::File(_)
            | Payload::MemoryView(_)
            | Payload::Opaque(_)
    )
}

/// Live weak reference objects to the object at `addr`, oldest first.
fn live_refs(addr: usize) -> Vec<Value> {
    REGISTRY.with(|r| {
        r.borrow()
            .get(&addr)
            .map(|l| l.iter().filter_map(|w| w.upgrade()).map(Value::from_obj).collect())
            .unwrap_or_default()
    })
}

/// Create a weak reference (or proxy) of class `cls` to `obj`.
pub fn new_weakref(vm: &mut Vm, cls: &Value, obj: &Value, callback: Value, kind: u8) -> PyResult<Value> {
    if !weakrefable(vm, obj) {
        return Err(PyErr::type_error(format!(
            "cannot create weak reference to '{}' object",
            qualified_type_name(type_ref(obj))
        )));
    }
    let target = obj.as_obj().map(|_| ()).and_then(|_| obj.to_obj()).ok_or_else(|| PyErr::type_error("cannot create weak reference"))?;
    let addr = Rc::as_ptr(&target) as usize;
    let exact = match kind {
        0 => cls.is(&types().weakref),
        _ => true,
    };
    // The callback-less basic ref/proxy is shared.
    if callback.is_none() && exact {
        for r in live_refs(addr) {
            let w = match wdata(&r) {
                Some(w) => w,
                None => continue,
            };
            if w.kind == kind && w.callback.is_none() && type_ref(&r).as_type().map_or(false, |_| {
                let rt = crate::types::type_of(&r);
                rt.is(cls)
            }) {
                return Ok(r);
            }
        }
    }
    let cls_o = cls.as_obj().ok_or_else(|| PyErr::type_error("weakref class expected"))?;
    let nslots = cls_o.as_type().map_or(0, |t| t.slot_names.borrow().len());
    let data = WeakRefData {
        target: RefCell::new(Rc::downgrade(&target)),
        callback,
        callback_done: Cell::new(false),
        hash: Cell::new(None),
        kind,
    };
    let wr = PyObject::new_with_slots(cls_o, Payload::WeakRef(data), nslots);
    REGISTRY.with(|r| {
        let mut r = r.borrow_mut();
        let l = r.entry(addr).or_default();
        if l.len() >= 8 && l.len().is_power_of_two() {
            l.retain(|w| w.strong_count() > 0);
        }
        l.push(Rc::downgrade(&wr));
    });
    target.set_flag(FLAG_HAS_WEAKREFS);
    Ok(Value::from_obj(wr))
}

/// Clear every weak reference to `o` (they now report a dead referent)
/// and return those whose callbacks must run, in calling order.
pub fn clear_weakrefs(o: &PyObject) -> Vec<(Value, Value)> {
    o.clear_flag(FLAG_HAS_WEAKREFS);
    let addr = o as *const PyObject as usize;
    let list = REGISTRY.with(|r| r.borrow_mut().remove(&addr)).unwrap_or_default();
    let mut calls = Vec::new();
    for w in list.iter().rev() {
        let Some(wr) = w.upgrade() else { continue };
        if let Payload::WeakRef(d) = &wr.payload {
            *d.target.borrow_mut() = Weak::new();
            let done = d.callback_done.replace(true);
            if !done && !d.callback.is_none() {
                calls.push((Value::from_obj(wr.clone()), d.callback.clone()));
            }
        }
    }
    calls
}

/// Finaliser for an object with weak references (called by
/// `gc::finalize_hook`): run `__del__`, then, unless the object was
/// resurrected, clear its weak references and run their callbacks.
/// Returns true if the object was resurrected.
pub fn finalize_with_weakrefs(o: &Obj, vm: *mut Vm) -> bool {
    o.clear_flag(FLAG_HAS_WEAKREFS);
    let resurrected = crate::gc::finalize_hook(o);
    if resurrected {
        o.set_flag(FLAG_HAS_WEAKREFS);
        return true;
    }
    let calls = clear_weakrefs(o);
    if calls.is_empty() || vm.is_null() {
        return false;
    }
    // SAFETY: the pointer comes from gc.rs, which sets it for the running VM.
    let vm = unsafe { &mut *vm };
    run_callbacks(vm, calls);
    false
}

/// Call weakref callbacks, reporting (not raising) their errors.
pub fn run_callbacks(vm: &mut Vm, calls: Vec<(Value, Value)>) {
    let saved = std::mem::replace(&mut vm.handled_exc, Value::NONE);
    for (wr, cb) in calls {
        if let Err(e) = vm.call(&cb, &[wr]) {
            crate::modules::sys_extra::write_unraisable(vm, &e, None, Some(&cb));
        }
    }
    vm.handled_exc = saved;
}

// ---------------------------------------------------------------------------
// `weakref.ref`.

fn ref_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__new__")?;
    let npos = args.len() - kw.len();
    let cls = &args[0];
    let n = npos - 1;
    if !kw.is_empty() && cls.is(&types().weakref) {
        return Err(PyErr::type_error("ref() takes no keyword arguments"));
    }
    if n < 1 {
        return Err(PyErr::type_error(format!("__new__ expected at least 1 argument, got {n}")));
    }
    if n > 2 && cls.is(&types().weakref) {
        return Err(PyErr::type_error(format!("__new__ expected at most 2 arguments, got {n}")));
    }
    let cb = if n >= 2 { args[2].clone() } else { Value::NONE };
    new_weakref(vm, cls, &args[1], cb, 0)
}

fn ref_init(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn ref_call(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__call__")?;
    if args.len() > 1 || !kw.is_empty() {
        return Err(PyErr::type_error(format!(
            "weakref() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    wdata_or_err(&args[0])?;
    Ok(referent(&args[0]).unwrap_or(Value::NONE))
}

fn addr_of(v: &Value) -> String {
    format!("{:#x}", v.id())
}

fn ref_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__repr__")?;
    let me = &args[0];
    wdata_or_err(me)?;
    let what = match wdata(me).map(|w| w.kind) {
        Some(0) | None => "weakref",
        _ => "weakproxy",
    };
    Ok(Value::string(match referent(me) {
        Some(obj) => {
            let tname = type_ref(&obj).as_type().map(|t| t.name.borrow().clone()).unwrap_or_default();
            format!("<{what} at {}; to '{tname}' at {}>", addr_of(me), addr_of(&obj))
        }
        None => format!("<{what} at {}; dead>", addr_of(me)),
    }))
}

fn ref_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__hash__")?;
    let w = wdata_or_err(&args[0])?;
    if let Some(h) = w.hash.get() {
        return Ok(Value::int(h));
    }
    match referent(&args[0]) {
        Some(obj) => {
            let h = vm.hash(&obj)?;
            if let Some(w) = wdata(&args[0]) {
                w.hash.set(Some(h));
            }
            Ok(Value::int(h))
        }
        None => Err(PyErr::type_error("weak object has gone away")),
    }
}

fn ref_richcmp(vm: &mut Vm, args: &[Value], op: CmpOpKind) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(PyErr::type_error("expected 1 argument"));
    }
    let (a, b) = (&args[0], &args[1]);
    let is_ref = |v: &Value| wdata(v).map_or(false, |w| w.kind == 0);
    if !is_ref(a) || !is_ref(b) || !matches!(op, CmpOpKind::Eq | CmpOpKind::Ne) {
        return Ok(types().not_implemented.clone());
    }
    match (referent(a), referent(b)) {
        (Some(x), Some(y)) => vm.compare(&x, &y, op),
        _ => {
            let same = a.is(b);
            Ok(Value::bool(if op == CmpOpKind::Eq { same } else { !same }))
        }
    }
}

fn ref_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    ref_richcmp(vm, args, CmpOpKind::Eq)
}

fn ref_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    ref_richcmp(vm, args, CmpOpKind::Ne)
}

fn ref_lt(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(types().not_implemented.clone())
}

fn get_callback(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__callback__")?;
    let w = wdata_or_err(&args[0])?;
    Ok(if w.callback_done.get() { Value::NONE } else { w.callback.clone() })
}

fn ref_class_getitem(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::NONE))
}

// ---------------------------------------------------------------------------
// Module-level functions.

/// `weakref.proxy(obj, callback=None)`.
pub fn proxy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("proxy", args, kw, 1, 2)?;
    let cb = args.get(1).cloned().unwrap_or(Value::NONE);
    let callable = vm.callable(&args[0]);
    let (cls, kind) = if callable { (callable_proxy_type(), 2) } else { (proxy_type(), 1) };
    new_weakref(vm, &cls, &args[0], cb, kind)
}

/// `weakref.getweakrefcount(obj)`.
pub fn getweakrefcount(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getweakrefcount", args, kw, 1, 1)?;
    let n = match args[0].as_obj() {
        Some(o) if o.has_flag(FLAG_HAS_WEAKREFS) => live_refs(o as *const PyObject as usize).len(),
        _ => 0,
    };
    Ok(Value::int(n as i64))
}

/// `weakref.getweakrefs(obj)`: basic refs first, then newest first.
pub fn getweakrefs(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("getweakrefs", args, kw, 1, 1)?;
    let refs = match args[0].as_obj() {
        Some(o) if o.has_flag(FLAG_HAS_WEAKREFS) => live_refs(o as *const PyObject as usize),
        _ => vec![],
    };
    let (mut basic, mut rest): (Vec<Value>, Vec<Value>) =
        refs.into_iter().partition(|r| wdata(r).map_or(false, |w| w.callback.is_none()));
    rest.reverse();
    basic.extend(rest);
    Ok(Value::list(basic))
}

/// `_weakref._remove_dead_weakref(dict, key)`.
pub fn remove_dead_weakref(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_remove_dead_weakref", args, kw, 2, 2)?;
    let (d, key) = (&args[0], &args[1]);
    let cur = match vm.getitem(d, key) {
        Ok(v) => v,
        Err(e) if e.matches(&types().exc.key_error) => return Ok(Value::NONE),
        Err(e) => return Err(e),
    };
    if wdata(&cur).is_some() && referent(&cur).is_none() {
        vm.delitem(d, key)?;
    }
    Ok(Value::NONE)
}

// ---------------------------------------------------------------------------
// Proxies: every operation is forwarded to the referent.

fn proxy_target(v: &Value) -> PyResult<Value> {
    match wdata(v) {
        Some(_) => referent(v).ok_or_else(|| PyErr::new(&types().exc.reference_error, "weakly-referenced object no longer exists")),
        None => Ok(v.clone()),
    }
}

/// Replace proxies among `args` by their referents.
fn unwrap_all(args: &[Value]) -> PyResult<Vec<Value>> {
    args.iter()
        .map(|a| match wdata(a) {
            Some(w) if w.kind != 0 => proxy_target(a),
            _ => Ok(a.clone()),
        })
        .collect()
}

fn proxy_getattribute(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 2, "__getattribute__")?;
    let obj = proxy_target(&args[0])?;
    vm.getattr(&obj, &args[1])
}

fn proxy_setattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 3, "__setattr__")?;
    let obj = proxy_target(&args[0])?;
    vm.setattr(&obj, &args[1], args[2].clone())?;
    Ok(Value::NONE)
}

fn proxy_delattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 2, "__delattr__")?;
    let obj = proxy_target(&args[0])?;
    vm.delattr(&obj, &args[1])?;
    Ok(Value::NONE)
}

fn proxy_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__str__")?;
    let obj = proxy_target(&args[0])?;
    vm.str(&obj)
}

fn proxy_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__call__")?;
    let obj = proxy_target(&args[0])?;
    vm.call_kw(&obj, &args[1..], kw)
}

fn proxy_hash(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__hash__")?;
    Err(PyErr::type_error(format!("unhashable type: '{}'", qualified_type_name(type_ref(&args[0])))))
}

fn proxy_bool(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__bool__")?;
    let obj = proxy_target(&args[0])?;
    Ok(Value::bool(vm.truthy(&obj)?))
}

fn proxy_len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__len__")?;
    let obj = proxy_target(&args[0])?;
    Ok(Value::int(vm.len(&obj)? as i64))
}

fn proxy_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__iter__")?;
    let obj = proxy_target(&args[0])?;
    vm.iter(&obj)
}

fn proxy_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__next__")?;
    let obj = proxy_target(&args[0])?;
    match vm.next(&obj)? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration(Value::NONE)),
    }
}

fn proxy_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 2, "__getitem__")?;
    let a = unwrap_all(args)?;
    vm.getitem(&a[0], &a[1])
}

fn proxy_setitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 3, "__setitem__")?;
    let a = unwrap_all(args)?;
    vm.setitem(&a[0], &a[1], a[2].clone())?;
    Ok(Value::NONE)
}

fn proxy_delitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 2, "__delitem__")?;
    let a = unwrap_all(args)?;
    vm.delitem(&a[0], &a[1])?;
    Ok(Value::NONE)
}

fn proxy_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 2, "__contains__")?;
    let a = unwrap_all(args)?;
    Ok(Value::bool(vm.contains(&a[0], &a[1])?))
}

macro_rules! proxy_binops {
    ($($f:ident, $rf:ident, $if_:ident, $op:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                need(args, 2, "operator")?;
                let a = unwrap_all(args)?;
                vm.binary_op(&a[0], &a[1], $op, false)
            }
            fn $rf(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                need(args, 2, "operator")?;
                let a = unwrap_all(args)?;
                vm.binary_op(&a[1], &a[0], $op, false)
            }
            fn $if_(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                need(args, 2, "operator")?;
                let a = unwrap_all(args)?;
                vm.binary_op(&a[0], &a[1], $op, true)
            }
        )*
    };
}

proxy_binops! {
    p_add, p_radd, p_iadd, BinOpKind::Add;
    p_sub, p_rsub, p_isub, BinOpKind::Subtract;
    p_mul, p_rmul, p_imul, BinOpKind::Multiply;
    p_truediv, p_rtruediv, p_itruediv, BinOpKind::TrueDivide;
    p_floordiv, p_rfloordiv, p_ifloordiv, BinOpKind::FloorDivide;
    p_mod, p_rmod, p_imod, BinOpKind::Remainder;
    p_pow, p_rpow, p_ipow, BinOpKind::Power;
    p_lshift, p_rlshift, p_ilshift, BinOpKind::Lshift;
    p_rshift, p_rrshift, p_irshift, BinOpKind::Rshift;
    p_and, p_rand, p_iand, BinOpKind::And;
    p_or, p_ror, p_ior, BinOpKind::Or;
    p_xor, p_rxor, p_ixor, BinOpKind::Xor;
    p_matmul, p_rmatmul, p_imatmul, BinOpKind::MatrixMultiply;
}

macro_rules! proxy_cmps {
    ($($f:ident, $op:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                need(args, 2, "comparison")?;
                let a = unwrap_all(args)?;
                vm.compare(&a[0], &a[1], $op)
            }
        )*
    };
}

proxy_cmps! {
    p_eq, CmpOpKind::Eq;
    p_ne, CmpOpKind::Ne;
    p_lt, CmpOpKind::Lt;
    p_le, CmpOpKind::Le;
    p_gt, CmpOpKind::Gt;
    p_ge, CmpOpKind::Ge;
}

macro_rules! proxy_unary {
    ($($f:ident, $name:expr;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                need(args, 1, "operator")?;
                let obj = proxy_target(&args[0])?;
                vm.unary_op(&obj, $name)
            }
        )*
    };
}

proxy_unary! {
    p_neg, "__neg__";
    p_pos, "__pos__";
    p_invert, "__invert__";
}

macro_rules! proxy_conv {
    ($($f:ident, $conv:ident;)*) => {
        $(
            fn $f(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
                need(args, 1, "operator")?;
                let obj = proxy_target(&args[0])?;
                let ty = types().$conv.clone();
                vm.call(&ty, &[obj])
            }
        )*
    };
}

proxy_conv! {
    p_int, int;
    p_float, float;
}

fn p_abs(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__abs__")?;
    let obj = proxy_target(&args[0])?;
    vm.call_method(&obj, "__abs__", &[])
}

fn p_index(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__index__")?;
    let obj = proxy_target(&args[0])?;
    Ok(Value::int(vm.index_value(&obj)?))
}

fn p_reversed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    need(args, 1, "__reversed__")?;
    let obj = proxy_target(&args[0])?;
    let r = types().reversed.clone();
    vm.call(&r, &[obj])
}

fn make_proxy_type(name: &str) -> Value {
    let t = types();
    let d = dict::new_dict();
    let td = crate::types::new_type_data_pub(name, d, true);
    let o = PyObject::new(t.type_.as_obj().unwrap(), Payload::Type(td));
    let obj = t.object.to_obj().unwrap();
    o.type_data().solid_base.set(&*o as *const PyObject);
    *o.type_data().mro.borrow_mut() = vec![o.clone(), obj.clone()];
    *o.type_data().bases.borrow_mut() = vec![obj];
    let v = Value::from_obj(o);
    dict::dict_set_str(&v.as_obj().unwrap().type_data().dict, "__module__", Value::str("weakref"));
    add_method(&v, "__getattribute__", proxy_getattribute);
    add_method(&v, "__getattr__", proxy_getattribute);
    // Registered under the dunder names but with their own native names so the
    // attribute machinery does not take them for object's defaults.
    let sa = crate::types::native_function("proxy_setattr", proxy_setattr, NativeKind::Method, Value::NULL, Some(v.clone()));
    crate::types::add_attr(&v, "__setattr__", sa);
    let da = crate::types::native_function("proxy_delattr", proxy_delattr, NativeKind::Method, Value::NULL, Some(v.clone()));
    crate::types::add_attr(&v, "__delattr__", da);
    add_method(&v, "__repr__", ref_repr);
    add_method(&v, "__str__", proxy_str);
    add_method(&v, "__hash__", proxy_hash);
    add_method(&v, "__bool__", proxy_bool);
    add_method(&v, "__len__", proxy_len);
    add_method(&v, "__iter__", proxy_iter);
    add_method(&v, "__next__", proxy_next);
    add_method(&v, "__getitem__", proxy_getitem);
    add_method(&v, "__setitem__", proxy_setitem);
    add_method(&v, "__delitem__", proxy_delitem);
    add_method(&v, "__contains__", proxy_contains);
    add_method(&v, "__reversed__", p_reversed);
    add_method(&v, "__neg__", p_neg);
    add_method(&v, "__pos__", p_pos);
    add_method(&v, "__invert__", p_invert);
    add_method(&v, "__abs__", p_abs);
    add_method(&v, "__int__", p_int);
    add_method(&v, "__float__", p_float);
    add_method(&v, "__index__", p_index);
    for (n, f) in [("__eq__", p_eq as crate::object::NativeFn), ("__ne__", p_ne), ("__lt__", p_lt), ("__le__", p_le), ("__gt__", p_gt), ("__ge__", p_ge)] {
        add_method(&v, n, f);
    }
    let binops: [(&'static str, &'static str, &'static str, crate::object::NativeFn, crate::object::NativeFn, crate::object::NativeFn); 13] = [
        ("__add__", "__radd__", "__iadd__", p_add, p_radd, p_iadd),
        ("__sub__", "__rsub__", "__isub__", p_sub, p_rsub, p_isub),
        ("__mul__", "__rmul__", "__imul__", p_mul, p_rmul, p_imul),
        ("__truediv__", "__rtruediv__", "__itruediv__", p_truediv, p_rtruediv, p_itruediv),
        ("__floordiv__", "__rfloordiv__", "__ifloordiv__", p_floordiv, p_rfloordiv, p_ifloordiv),
        ("__mod__", "__rmod__", "__imod__", p_mod, p_rmod, p_imod),
        ("__pow__", "__rpow__", "__ipow__", p_pow, p_rpow, p_ipow),
        ("__lshift__", "__rlshift__", "__ilshift__", p_lshift, p_rlshift, p_ilshift),
        ("__rshift__", "__rrshift__", "__irshift__", p_rshift, p_rrshift, p_irshift),
        ("__and__", "__rand__", "__iand__", p_and, p_rand, p_iand),
        ("__or__", "__ror__", "__ior__", p_or, p_ror, p_ior),
        ("__xor__", "__rxor__", "__ixor__", p_xor, p_rxor, p_ixor),
        ("__matmul__", "__rmatmul__", "__imatmul__", p_matmul, p_rmatmul, p_imatmul),
    ];
    for (n, rn, inn, f, rf, inf) in binops {
        add_method(&v, n, f);
        add_method(&v, rn, rf);
        add_method(&v, inn, inf);
    }
    if name == "CallableProxyType" {
        add_method(&v, "__call__", proxy_call);
    }
    v
}

pub fn init(t: &Types) {
    let w = &t.weakref;
    if let Some(td) = w.as_obj().and_then(|o| o.as_type()) {
        *td.name.borrow_mut() = "ReferenceType".into();
        *td.qualname.borrow_mut() = "ReferenceType".into();
    }
    dict::dict_set_str(&w.as_obj().unwrap().type_data().dict, "__module__", Value::str("weakref"));
    add_native(w, "__new__", ref_new, NativeKind::StaticMethod);
    add_method(w, "__init__", ref_init);
    add_method(w, "__call__", ref_call);
    add_method(w, "__repr__", ref_repr);
    add_method(w, "__hash__", ref_hash);
    add_method(w, "__eq__", ref_eq);
    add_method(w, "__ne__", ref_ne);
    add_method(w, "__lt__", ref_lt);
    add_method(w, "__le__", ref_lt);
    add_method(w, "__gt__", ref_lt);
    add_method(w, "__ge__", ref_lt);
    add_native(w, "__class_getitem__", ref_class_getitem, NativeKind::ClassMethod);
    add_getset(w, "__callback__", get_callback, None);
}
