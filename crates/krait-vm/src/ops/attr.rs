//! Attribute access: `getattr`/`setattr`/`delattr` with the descriptor
//! protocol, as `object.__getattribute__` and `type.__getattribute__` do it.
//!
//! Order for instances: data descriptor on the type > instance `__dict__` >
//! non-data descriptor or plain class attribute > `__getattr__`.

use crate::object::{NativeKind, Payload, PyObject};
use crate::types::{self, dict, lookup_value, type_of, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// Whether a class attribute is a data descriptor (defines `__set__`/`__delete__`).
pub fn is_data_descriptor(d: &Value) -> bool {
    let Some(o) = d.as_obj() else { return false };
    match &o.payload {
        Payload::Property(_) | Payload::SlotDescriptor { .. } | Payload::GetSet { .. } => true,
        Payload::Function(_)
        | Payload::Native(_)
        | Payload::ClassMethod(_)
        | Payload::StaticMethod(_)
        | Payload::Str(_)
        | Payload::Int(_)
        | Payload::Tuple(_)
        | Payload::List(_)
        | Payload::Dict(_)
        | Payload::Type(_) => false,
        _ => {
            let ty = o.ty();
            (ty.as_type().map_or(false, |td| td.heap) || matches!(o.payload, Payload::Opaque(_)))
                && (types::lookup(ty, "__set__").is_some() || types::lookup(ty, "__delete__").is_some())
        }
    }
}

/// Whether `d` has a `__get__` other than a function's or a builtin's.
pub fn has_descr_get(d: &Value) -> bool {
    let Some(o) = d.as_obj() else { return false };
    match &o.payload {
        Payload::Property(_)
        | Payload::ClassMethod(_)
        | Payload::StaticMethod(_)
        | Payload::SlotDescriptor { .. }
        | Payload::GetSet { .. } => true,
        Payload::Function(_) | Payload::Native(_) | Payload::Method { .. } | Payload::Type(_) => false,
        _ => {
            let ty = o.ty();
            (ty.as_type().map_or(false, |t| t.heap) || matches!(o.payload, Payload::Object | Payload::Opaque(_) | Payload::Super { .. }))
                && types::lookup(ty, "__get__").is_some()
        }
    }
}

/// Apply a class attribute's `__get__` for `obj` (None for class access).
pub fn descr_get(vm: &mut Vm, d: Value, obj: Option<&Value>, owner: &Value) -> PyResult<Value> {
    let Some(o) = d.as_obj() else { return Ok(d) };
    match &o.payload {
        Payload::Function(_) => Ok(match obj {
            Some(inst) => crate::types::function::new_method(d.clone(), inst.clone()),
            None => d,
        }),
        Payload::Native(nf) => match (nf.kind, obj) {
            (NativeKind::Method, Some(inst)) if nf.bound.is_null() => {
                Ok(crate::types::function::bind_native(&d, inst.clone()))
            }
            (NativeKind::ClassMethod, _) if nf.bound.is_null() => {
                Ok(crate::types::function::bind_native(&d, owner.clone()))
            }
            _ => Ok(d),
        },
        Payload::ClassMethod(f) => {
            let f = f.borrow().clone();
            // A wrapped descriptor (`classmethod(property(...))`) is bound
            // to the class itself.
            if has_descr_get(&f) {
                return descr_get(vm, f, Some(owner), owner);
            }
            Ok(crate::types::function::new_method(f, owner.clone()))
        }
        Payload::StaticMethod(f) => Ok(f.borrow().clone()),
        Payload::Property(p) => match obj {
            None => Ok(d),
            Some(inst) => {
                let fget = p.borrow()[0].clone();
                if fget.is_none() {
                    let name = crate::types::function::property_name(vm, &d);
                    return Err(PyErr::attribute_error(format!("property {name}of '{}' object has no getter", type_ref(inst).type_data().qualname.borrow())));
                }
                vm.call(&fget, &[inst.clone()])
            }
        },
        Payload::SlotDescriptor { name, index } => match obj {
            None => Ok(d),
            Some(inst) => {
                let v = inst.as_obj().and_then(|io| io.slots.borrow().get(*index).cloned());
                match v {
                    Some(v) if !v.is_null() => Ok(v),
                    _ => Err(PyErr::attribute_error(format!("'{}' object has no attribute '{}'", type_ref(inst).type_name_str(), name))),
                }
            }
        },
        Payload::GetSet { get, name, .. } => match obj {
            None => Ok(d),
            Some(inst) => crate::interp::call::guard_native(name, || get(vm, &[inst.clone()], &[])),
        },
        Payload::Type(_) | Payload::Str(_) | Payload::Int(_) | Payload::Tuple(_) | Payload::List(_) | Payload::Dict(_) => Ok(d),
        _ => {
            let ty = o.ty();
            if ty.as_type().map_or(false, |t| t.heap) || matches!(o.payload, Payload::Object | Payload::Opaque(_) | Payload::Super { .. }) {
                if let Some(get) = types::lookup(ty, "__get__") {
                    let inst = obj.cloned().unwrap_or(Value::NONE);
                    return vm.call(&get, &[d.clone(), inst, owner.clone()]);
                }
            }
            Ok(d)
        }
    }
}

impl PyObject {
    pub fn type_name_str(&self) -> String {
        self.as_type().map(|t| t.name.borrow().clone()).unwrap_or_default()
    }
}

/// A type's name as CPython's `tp_name` reads in messages: a class defined
/// natively outside `builtins` is qualified by its module
/// (`'_io.StringIO' object has no attribute ...`).
pub fn tp_name(ty: &PyObject) -> String {
    let Some(td) = ty.as_type() else { return String::new() };
    let name = td.name.borrow().clone();
    if td.heap {
        return name;
    }
    match dict::dict_get_str(&td.dict, "__module__") {
        Some(m) => match m.as_str() {
            Some(ms) if ms != "builtins" => format!("{ms}.{name}"),
            _ => name,
        },
        None => name,
    }
}

/// Generic instance attribute lookup (`object.__getattribute__`), None if absent.
pub fn generic_getattr(vm: &mut Vm, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
    let tr = type_ref(obj);
    let descr = lookup_value(tr, name);
    if let Some(d) = &descr {
        // A data descriptor without `__get__` lets the instance dict answer.
        if is_data_descriptor(d) && has_descr_get(d) {
            let owner = type_of(obj);
            return descr_get(vm, d.clone(), Some(obj), &owner).map(Some);
        }
    }
    if let Some(o) = obj.as_obj() {
        let dict = o.dict.borrow().clone();
        if let Some(dv) = dict {
            if let Some(v) = dict::dict_get_strvalue(&dv, name) {
                return Ok(Some(v));
            }
            // Non-str-exact keys are rare; fall back to a full lookup.
            if name.as_pystr_exact().is_none() {
                if let Some(v) = dict::dict_get(vm, &dv, name)? {
                    return Ok(Some(v));
                }
            }
        } else if let Payload::Module(_) = &o.payload {
            // Modules keep their namespace in the module data.
            let md = crate::types::module::module_dict(obj);
            if let Some(v) = dict::dict_get_strvalue(&md, name) {
                return Ok(Some(v));
            }
        }
    }
    match descr {
        Some(d) => {
            if d.as_pystr_exact().is_some() && name.as_str() == Some("__doc__") && is_object_doc(tr, &d) {
                // A builtin type without a docstring has `__doc__` None in
                // CPython; it must not show object's.
                return Ok(Some(Value::NONE));
            }
            let owner = type_of(obj);
            descr_get(vm, d, Some(obj), &owner).map(Some)
        }
        None => Ok(None),
    }
}

/// Whether `d`, found as `__doc__` on type `tr`, is inherited from `object`.
fn is_object_doc(tr: &PyObject, d: &Value) -> bool {
    let obj_t = types().object.as_obj().unwrap();
    if std::ptr::eq(tr, obj_t) {
        return false;
    }
    dict::dict_get_str(&obj_t.type_data().dict, "__doc__").map_or(false, |od| od.is(d))
}

/// Attribute lookup on a type object (`type.__getattribute__`), None if absent.
pub fn type_getattr(vm: &mut Vm, cls: &Value, name: &Value) -> PyResult<Option<Value>> {
    let meta = type_ref(cls);
    let meta_attr = lookup_value(meta, name);
    if let Some(m) = &meta_attr {
        if is_data_descriptor(m) && has_descr_get(m) {
            let mt = type_of(cls);
            return descr_get(vm, m.clone(), Some(cls), &mt).map(Some);
        }
    }
    let co = cls.as_obj().unwrap();
    if let Some(a) = lookup_value(co, name) {
        return descr_get(vm, a, None, cls).map(Some);
    }
    match meta_attr {
        Some(m) => {
            let mt = type_of(cls);
            descr_get(vm, m, Some(cls), &mt).map(Some)
        }
        None => Ok(None),
    }
}

/// The AttributeError for a missing attribute, with CPython's wording.
pub fn no_attribute(obj: &Value, name: &Value) -> PyErr {
    let n = name.as_str().unwrap_or("?");
    let msg = if let Some(o) = obj.as_obj() {
        match &o.payload {
            Payload::Type(td) => format!("type object '{}' has no attribute '{}'", td.name.borrow(), n),
            Payload::Module(_) => {
                let mname = crate::types::module::module_name(obj);
                format!("module '{mname}' has no attribute '{n}'")
            }
            _ => format!("'{}' object has no attribute '{}'", tp_name(o.ty()), n),
        }
    } else {
        format!("'{}' object has no attribute '{}'", tp_name(type_ref(obj)), n)
    };
    let err = PyErr::attribute_error(msg);
    crate::types::exception::set_attr_error_context(&err, obj, name);
    err
}

impl Vm {
    /// `getattr(obj, name)` with a str Value name.
    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        match self.getattr_impl(obj, name)? {
            Some(v) => Ok(v),
            None => Err(no_attribute(obj, name)),
        }
    }

    /// `getattr(obj, name)` with a Rust-text name.
    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let n = crate::types::str::intern(name);
        self.getattr(obj, &n)
    }

    /// Attribute or None when it does not exist (AttributeError swallowed).
    pub fn getattr_opt(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        match self.getattr_impl(obj, name) {
            Err(e) if e.matches(&types().exc.attribute_error) => Ok(None),
            r => r,
        }
    }

    /// Attribute lookup: None when plainly absent; an AttributeError raised
    /// by user code (`__getattr__`, `__getattribute__`, properties) is kept.
    fn getattr_impl(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let tr = type_ref(obj);
        let td = tr.type_data();
        // Fast path: a plain instance of a class with the default attribute
        // protocol (the common case), decided by cached per-type flags.
        if td.heap
            && attr_flags(tr) & (CUSTOM_GETATTRIBUTE | HAS_GETATTR) == 0
            && !matches!(obj.as_obj().map(|o| &o.payload), Some(Payload::Type(_) | Payload::Module(_)))
        {
            return generic_getattr(self, obj, name);
        }
        if !td.heap {
            if let Some(Payload::Super { .. } | Payload::Method { .. } | Payload::ClassMethod(_) | Payload::StaticMethod(_)) =
                obj.as_obj().map(|o| &o.payload)
            {
                if let Some(ga) = types::lookup(tr, "__getattribute__") {
                    return self.call_unbound(&ga, obj, &[name.clone()]).map(Some);
                }
            }
        }
        if td.heap {
            // User classes may override __getattribute__ / __getattr__.
            if let Some(ga) = types::lookup(tr, "__getattribute__") {
                let is_default = matches!(ga.as_obj().map(|o| &o.payload), Some(Payload::Native(n)) if n.name == "__getattribute__" && n.owner.as_ref().map_or(false, |ow| ow.is(&types().object) || ow.is(&types().type_)));
                if !is_default {
                    match self.call_unbound(&ga, obj, &[name.clone()]) {
                        Ok(v) => return Ok(Some(v)),
                        Err(e) if e.matches(&types().exc.attribute_error) => {
                            return self.getattr_fallback(obj, name, Some(e));
                        }
                        Err(e) => return Err(e),
                    }
                }
            }
        }
        let found = if matches!(obj.as_obj().map(|o| &o.payload), Some(Payload::Type(_))) {
            type_getattr(self, obj, name)
        } else {
            generic_getattr(self, obj, name)
        };
        match found {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => self.getattr_fallback(obj, name, None),
            // A property raising AttributeError still falls back to __getattr__.
            Err(e) if td.heap && e.matches(&types().exc.attribute_error) => self.getattr_fallback(obj, name, Some(e)),
            Err(e) => Err(e),
        }
    }

    fn getattr_fallback(&mut self, obj: &Value, name: &Value, err: Option<PyErr>) -> PyResult<Option<Value>> {
        let tr = type_ref(obj);
        if tr.type_data().heap {
            if let Some(ga) = types::lookup(tr, "__getattr__") {
                return self.call_unbound(&ga, obj, &[name.clone()]).map(Some);
            }
        }
        if let Some(Payload::Module(_)) = obj.as_obj().map(|o| &o.payload) {
            let md = crate::types::module::module_dict(obj);
            if let Some(ga) = dict::dict_get_str(&md, "__getattr__") {
                return self.call(&ga, &[name.clone()]).map(Some);
            }
        }
        match err {
            Some(e) => Err(e),
            None => Ok(None),
        }
    }

    /// `setattr(obj, name, value)`.
    pub fn setattr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let tr = type_ref(obj);
        if tr.type_data().heap && attr_flags(tr) & CUSTOM_SETATTR != 0 {
            if let Some(sa) = types::lookup(tr, "__setattr__") {
                if !is_native_named(&sa, "__setattr__") {
                    self.call_unbound(&sa, obj, &[name.clone(), value])?;
                    return Ok(());
                }
            }
        }
        generic_setattr(self, obj, name, Some(value))
    }

    /// `delattr(obj, name)`.
    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let tr = type_ref(obj);
        if tr.type_data().heap {
            if let Some(da) = types::lookup(tr, "__delattr__") {
                if !is_native_named(&da, "__delattr__") {
                    self.call_unbound(&da, obj, &[name.clone()])?;
                    return Ok(());
                }
            }
        }
        generic_setattr(self, obj, name, None)
    }

    /// `hasattr`-style probe by Rust name.
    pub fn hasattr(&mut self, obj: &Value, name: &str) -> PyResult<bool> {
        let n = Value::str(name);
        Ok(self.getattr_opt(obj, &n)?.is_some())
    }
}

pub const CUSTOM_GETATTRIBUTE: u8 = 1;
pub const HAS_GETATTR: u8 = 2;
pub const CUSTOM_SETATTR: u8 = 4;

/// Whether a class overrides `__getattribute__` or defines `__getattr__`,
/// cached on the type for its current version tag.
pub fn attr_flags(tr: &PyObject) -> u8 {
    let td = tr.type_data();
    let v = types::type_version(td);
    let (cv, flags) = td.attr_flags.get();
    if cv == v {
        return flags;
    }
    let mut f = 0;
    if let Some(ga) = types::lookup(tr, "__getattribute__") {
        let is_default = matches!(ga.as_obj().map(|o| &o.payload), Some(Payload::Native(n)) if n.name == "__getattribute__" && n.owner.as_ref().map_or(false, |ow| ow.is(&types().object) || ow.is(&types().type_)));
        if !is_default {
            f |= CUSTOM_GETATTRIBUTE;
        }
    }
    if types::lookup(tr, "__getattr__").is_some() {
        f |= HAS_GETATTR;
    }
    if let Some(sa) = types::lookup(tr, "__setattr__") {
        if !is_native_named(&sa, "__setattr__") {
            f |= CUSTOM_SETATTR;
        }
    }
    td.attr_flags.set((v, f));
    f
}

fn is_native_named(v: &Value, name: &str) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Native(n)) if n.name == name)
}

/// `object.__setattr__` / `__delattr__` (value None = delete).
pub fn generic_setattr(vm: &mut Vm, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let o = match obj.as_obj() {
        Some(o) => o,
        None => {
            if let Some(d) = lookup_value(type_ref(obj), name) {
                if is_data_descriptor(&d) {
                    return descr_set(vm, &d, obj, value, name);
                }
            }
            return Err(PyErr::attribute_error(format!(
                "'{}' object has no attribute '{}'",
                type_ref(obj).type_name_str(),
                name.as_str().unwrap_or("?")
            )))
        }
    };
    if let Payload::Type(td) = &o.payload {
        // Setting an attribute on a class.
        let meta = o.ty();
        if let Some(d) = lookup_value(meta, name) {
            if is_data_descriptor(&d) {
                return descr_set(vm, &d, obj, value, name);
            }
        }
        if !td.heap {
            let n = name.as_str().unwrap_or("?");
            return Err(PyErr::type_error(format!(
                "cannot set '{n}' attribute of immutable type '{}'",
                td.name.borrow()
            )));
        }
        crate::types::type_::type_modified(o);
        match value {
            Some(v) => {
                if name.as_str() == Some("__del__") {
                    td.has_del.set(true);
                }
                dict::dict_set(vm, &td.dict, name.clone(), v)
            }
            None => match dict::dict_del(vm, &td.dict, name)? {
                Some(_) => Ok(()),
                None => Err(no_attribute(obj, name)),
            },
        }?;
        return Ok(());
    }
    let tr = o.ty();
    if let Some(d) = lookup_value(tr, name) {
        if is_data_descriptor(&d) {
            return descr_set(vm, &d, obj, value, name);
        }
    }
    if let Payload::Module(_) = &o.payload {
        let md = crate::types::module::module_dict(obj);
        return match value {
            Some(v) => dict::dict_set(vm, &md, name.clone(), v),
            None => match dict::dict_del(vm, &md, name)? {
                Some(_) => Ok(()),
                None => Err(no_attribute(obj, name)),
            },
        };
    }
    if !tr.type_data().has_instance_dict.get() {
        let tn = tp_name(tr);
        let n = name.as_str().unwrap_or("?");
        return Err(if lookup_value(tr, name).is_some() {
            PyErr::attribute_error(format!("'{tn}' object attribute '{n}' is read-only"))
        } else {
            PyErr::attribute_error(format!("'{tn}' object has no attribute '{n}'"))
        });
    }
    let existing = o.dict.borrow().clone();
    let dv = match existing {
        Some(d) => d,
        None => {
            if value.is_none() {
                return Err(no_attribute(obj, name));
            }
            let d = dict::new_dict();
            *o.dict.borrow_mut() = Some(d.clone());
            d
        }
    };
    match value {
        Some(v) => {
            if name.as_pystr_exact().is_some() {
                dict::dict_set_strvalue(&dv, name.clone(), v);
                Ok(())
            } else {
                dict::dict_set(vm, &dv, name.clone(), v)
            }
        }
        None => match dict::dict_del(vm, &dv, name)? {
            Some(_) => Ok(()),
            None => Err(no_attribute(obj, name)),
        },
    }
}

/// Call a data descriptor's `__set__` (or `__delete__` when value is None).
pub fn descr_set(vm: &mut Vm, d: &Value, obj: &Value, value: Option<Value>, name: &Value) -> PyResult<()> {
    let o = d.as_obj().unwrap();
    match &o.payload {
        Payload::Property(p) => {
            let (f, what) = match &value {
                Some(_) => (p.borrow()[1].clone(), "setter"),
                None => (p.borrow()[2].clone(), "deleter"),
            };
            if f.is_none() {
                let pname = crate::types::function::property_name(vm, d);
                return Err(PyErr::attribute_error(format!(
                    "property {pname}of '{}' object has no {what}",
                    type_ref(obj).type_data().qualname.borrow()
                )));
            }
            match value {
                Some(v) => vm.call(&f, &[obj.clone(), v])?,
                None => vm.call(&f, &[obj.clone()])?,
            };
            Ok(())
        }
        Payload::SlotDescriptor { name: sname, index } => {
            let io = obj.as_obj().unwrap();
            let mut slots = io.slots.borrow_mut();
            match value {
                Some(v) => {
                    let old = std::mem::replace(&mut slots[*index], v);
                    drop(slots);
                    drop(old);
                }
                None => {
                    if slots[*index].is_null() {
                        return Err(PyErr::attribute_error(format!("'{}' object has no attribute '{}'", io.type_name(), sname)));
                    }
                    let old = std::mem::replace(&mut slots[*index], Value::NULL);
                    drop(slots);
                    drop(old);
                }
            }
            Ok(())
        }
        Payload::GetSet { name: gname, set, .. } => match set {
            Some(f) => {
                crate::interp::call::guard_native(gname, || f(vm, &[obj.clone(), value.unwrap_or(Value::NULL)], &[]))?;
                Ok(())
            }
            None => Err(PyErr::attribute_error(format!(
                "attribute '{gname}' of '{}' objects is not writable",
                tp_name(type_ref(obj))
            ))),
        },
        _ => {
            let ty = o.ty();
            match value {
                Some(v) => match types::lookup(ty, "__set__") {
                    Some(f) => vm.call(&f, &[d.clone(), obj.clone(), v]).map(|_| ()),
                    None => Err(PyErr::attribute_error(format!("__set__ missing for {}", name.as_str().unwrap_or("?")))),
                },
                None => match types::lookup(ty, "__delete__") {
                    Some(f) => vm.call(&f, &[d.clone(), obj.clone()]).map(|_| ()),
                    None => Err(PyErr::attribute_error("__delete__".to_string())),
                },
            }
        }
    }
}
