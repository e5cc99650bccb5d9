//! `_abc`: the machinery behind `abc.ABCMeta` — abstract-method bookkeeping,
//! virtual-subclass registration and the subclass-check caches.
//!
//! Each ABC carries its state in `cls._abc_impl` (an opaque object): the
//! registry of virtual subclasses and a positive and a negative cache of
//! subclass-check answers. All three hold *weak* references (Rust `Weak`s to
//! the type objects), so registering or testing a class never keeps it
//! alive. A global token, bumped by every `register`, invalidates negative
//! caches.

use crate::object::{new_opaque, with_opaque, NativeData, PyObject};
use crate::modules::native::{new_type, GilSlot};
use crate::types::module::{add_function, new_module};
use crate::types::types;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicI64, Ordering};

static TOKEN: AtomicI64 = AtomicI64::new(0);
static IMPL_TYPE: GilSlot = GilSlot::new();

/// A set of classes held weakly, keyed by address.
#[derive(Default)]
struct WeakSet(Vec<Weak<PyObject>>);

impl WeakSet {
    fn contains(&self, v: &Value) -> bool {
        let Some(o) = v.as_obj() else { return false };
        let p = o as *const PyObject;
        self.0.iter().any(|w| w.as_ptr() == p && w.strong_count() > 0)
    }
    fn add(&mut self, v: &Value) {
        if self.contains(v) {
            return;
        }
        if let Some(o) = v.to_obj() {
            self.0.retain(|w| w.strong_count() > 0);
            self.0.push(Rc::downgrade(&o));
        }
    }
    fn live(&self) -> Vec<Value> {
        self.0.iter().filter_map(|w| w.upgrade()).map(Value::from_obj).collect()
    }
}

#[derive(Default)]
struct AbcData {
    registry: WeakSet,
    cache: WeakSet,
    negative: WeakSet,
    negative_version: i64,
}

impl NativeData for AbcData {}

fn impl_type() -> Value {
    IMPL_TYPE.get_or_init(|| new_type("_abc", "_abc_data", None))
}

fn impl_of(vm: &mut Vm, cls: &Value) -> PyResult<Value> {
    let v = vm.getattr_str(cls, "_abc_impl")?;
    if with_opaque::<AbcData, _>(&v, |_| ()).is_none() {
        return Err(PyErr::type_error("_abc_impl is set to a wrong type"));
    }
    Ok(v)
}

fn with_data<R>(v: &Value, f: impl FnOnce(&mut AbcData) -> R) -> R
where
    R: Default,
{
    with_opaque::<AbcData, _>(v, f).unwrap_or_default()
}

fn is_abstract(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match vm.getattr_opt(v, &Value::str("__isabstractmethod__"))? {
        Some(x) => vm.truthy(&x),
        None => Ok(false),
    }
}

/// `_abc_init(cls)`: compute `__abstractmethods__` and attach the state.
fn abc_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_abc_init", args, kw, 1, 1)?;
    let cls = args[0].clone();
    let mut abstracts: Vec<Value> = Vec::new();
    let ns = vm.getattr_str(&cls, "__dict__")?;
    let items = vm.call_method(&ns, "items", &[])?;
    for it in vm.collect(&items)? {
        let pair = vm.collect(&it)?;
        if pair.len() == 2 && is_abstract(vm, &pair[1])? {
            abstracts.push(pair[0].clone());
        }
    }
    let bases = vm.getattr_str(&cls, "__bases__")?;
    for base in vm.collect(&bases)? {
        let Some(names) = vm.getattr_opt(&base, &Value::str("__abstractmethods__"))? else { continue };
        for name in vm.collect(&names)? {
            let value = vm.getattr_opt(&cls, &name)?;
            if let Some(value) = value {
                if is_abstract(vm, &value)? {
                    abstracts.push(name);
                }
            }
        }
    }
    let fs = crate::types::set::frozenset_from_native(abstracts);
    vm.setattr(&cls, &Value::str("__abstractmethods__"), fs)?;
    let data = AbcData { negative_version: TOKEN.load(Ordering::Relaxed), ..Default::default() };
    let imp = new_opaque(&impl_type(), data);
    vm.setattr(&cls, &Value::str("_abc_impl"), imp)?;
    Ok(Value::NONE)
}

fn require_class(v: &Value, msg: &str) -> PyResult<()> {
    if v.as_obj().and_then(|o| o.as_type()).is_none() {
        return Err(PyErr::type_error(msg.to_string()));
    }
    Ok(())
}

/// `_abc_register(cls, subclass)`.
fn abc_register(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_abc_register", args, kw, 2, 2)?;
    let (cls, sub) = (args[0].clone(), args[1].clone());
    require_class(&sub, "Can only register classes")?;
    if vm.issubclass(&sub, &cls)? {
        return Ok(sub); // already a subclass
    }
    if vm.issubclass(&cls, &sub)? {
        return Err(PyErr::runtime_error("Refusing to create an inheritance cycle"));
    }
    let imp = impl_of(vm, &cls)?;
    with_data(&imp, |d| d.registry.add(&sub));
    TOKEN.fetch_add(1, Ordering::Relaxed);
    Ok(sub)
}

/// `_abc_instancecheck(cls, instance)`.
fn abc_instancecheck(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_abc_instancecheck", args, kw, 2, 2)?;
    let (cls, inst) = (args[0].clone(), args[1].clone());
    let imp = impl_of(vm, &cls)?;
    let subclass = vm.getattr_str(&inst, "__class__")?;
    if with_data(&imp, |d| d.cache.contains(&subclass)) {
        return Ok(Value::TRUE);
    }
    let subtype = crate::types::type_of(&inst);
    let token = TOKEN.load(Ordering::Relaxed);
    if subtype.is(&subclass) {
        if with_data(&imp, |d| d.negative_version == token && d.negative.contains(&subclass)) {
            return Ok(Value::FALSE);
        }
        return vm.call_method(&cls, "__subclasscheck__", &[subclass]);
    }
    let r = vm.call_method(&cls, "__subclasscheck__", &[subclass])?;
    if vm.truthy(&r)? {
        return Ok(r);
    }
    vm.call_method(&cls, "__subclasscheck__", &[subtype])
}

/// `_abc_subclasscheck(cls, subclass)`.
fn abc_subclasscheck(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_abc_subclasscheck", args, kw, 2, 2)?;
    let (cls, sub) = (args[0].clone(), args[1].clone());
    require_class(&sub, "issubclass() arg 1 must be a class")?;
    let imp = impl_of(vm, &cls)?;
    if with_data(&imp, |d| d.cache.contains(&sub)) {
        return Ok(Value::TRUE);
    }
    let token = TOKEN.load(Ordering::Relaxed);
    let neg = with_data(&imp, |d| {
        if d.negative_version < token {
            d.negative = WeakSet::default();
            d.negative_version = token;
            false
        } else {
            d.negative.contains(&sub)
        }
    });
    if neg {
        return Ok(Value::FALSE);
    }
    let ok = vm.call_method(&cls, "__subclasshook__", &[sub.clone()])?;
    if !ok.is(&types().not_implemented) {
        if !ok.is_bool() {
            return Err(PyErr::new(&types().exc.assertion_error, "__subclasshook__ must return either False, True, or NotImplemented".to_string()));
        }
        let yes = ok.is_true_singleton();
        with_data(&imp, |d| if yes { d.cache.add(&sub) } else { d.negative.add(&sub) });
        return Ok(ok);
    }
    // A real subclass?
    if let Some(td) = sub.as_obj().and_then(|o| o.as_type()) {
        let c = cls.as_obj().map(|o| o as *const PyObject);
        if td.mro.borrow().iter().any(|m| Some(&**m as *const PyObject) == c) {
            with_data(&imp, |d| d.cache.add(&sub));
            return Ok(Value::TRUE);
        }
    }
    // A subclass of a registered class?
    let registry = with_data(&imp, |d| d.registry.live());
    for r in registry {
        if vm.issubclass(&sub, &r)? {
            with_data(&imp, |d| d.cache.add(&sub));
            return Ok(Value::TRUE);
        }
    }
    // A subclass of a subclass (recursive)?
    let subs = vm.call_method(&cls, "__subclasses__", &[])?;
    for s in vm.collect(&subs)? {
        if vm.issubclass(&sub, &s)? {
            with_data(&imp, |d| d.cache.add(&sub));
            return Ok(Value::TRUE);
        }
    }
    with_data(&imp, |d| d.negative.add(&sub));
    Ok(Value::FALSE)
}

fn get_cache_token(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(TOKEN.load(Ordering::Relaxed)))
}

fn weak_set_value(vm: &mut Vm, items: Vec<Value>) -> PyResult<Value> {
    let mut refs = Vec::new();
    for c in items {
        refs.push(vm.call(&types().weakref, &[c])?);
    }
    vm.call(&types().set, &[Value::list(refs)])
}

/// `_get_dump(cls)`: (registry, cache, negative cache, negative cache version), for tests.
fn get_dump(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_get_dump", args, kw, 1, 1)?;
    let imp = impl_of(vm, &args[0])?;
    let (r, c, n, v) = with_data(&imp, |d| (d.registry.live(), d.cache.live(), d.negative.live(), d.negative_version));
    Ok(Value::tuple(vec![weak_set_value(vm, r)?, weak_set_value(vm, c)?, weak_set_value(vm, n)?, Value::int(v)]))
}

fn reset_registry(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_reset_registry", args, kw, 1, 1)?;
    let imp = impl_of(vm, &args[0])?;
    with_data(&imp, |d| d.registry = WeakSet::default());
    Ok(Value::NONE)
}

fn reset_caches(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_reset_caches", args, kw, 1, 1)?;
    let imp = impl_of(vm, &args[0])?;
    with_data(&imp, |d| {
        d.cache = WeakSet::default();
        d.negative = WeakSet::default();
    });
    Ok(Value::NONE)
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_abc");
    add_function(&m, "_abc_init", abc_init);
    add_function(&m, "_abc_register", abc_register);
    add_function(&m, "_abc_instancecheck", abc_instancecheck);
    add_function(&m, "_abc_subclasscheck", abc_subclasscheck);
    add_function(&m, "get_cache_token", get_cache_token);
    add_function(&m, "_get_dump", get_dump);
    add_function(&m, "_reset_registry", reset_registry);
    add_function(&m, "_reset_caches", reset_caches);
    m
}
