//! Struct sequences (`sys.version_info`, `sys.float_info`, `os.stat_result`
//! style): tuple subclasses whose items are also readable as named,
//! read-only attributes, with a `name(field=value, ...)` repr.
//!
//! Also `SimpleNamespace`-style objects (`sys.implementation`).
//!
//! Usage: `let ty = new_type("sys", "version_info", &["major", "minor"]);`
//! once, then `new_instance(&ty, vec![...])` for each value.

use crate::object::{NativeKind, Payload, PyObject};
use crate::types::{add_method, dict, native_function, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;

/// Create a struct sequence type `module.name` with the given fields.
pub fn new_type(module: &str, name: &str, fields: &[&'static str]) -> Value {
    let t = types();
    let d = dict::new_dict();
    let td = crate::types::new_type_data_pub(name, d, false);
    let cls = PyObject::new(t.type_.as_obj().unwrap(), Payload::Type(td));
    let tuple = t.tuple.to_obj().unwrap();
    let obj = t.object.to_obj().unwrap();
    cls.type_data().solid_base.set(tuple.type_data().solid_base.get());
    *cls.type_data().mro.borrow_mut() = vec![cls.clone(), tuple.clone(), obj];
    *cls.type_data().bases.borrow_mut() = vec![tuple];
    let v = Value::from_obj(cls);
    let tdict = v.as_obj().unwrap().type_data().dict.clone();
    dict::dict_set_str(&tdict, "__module__", Value::string(module.to_string()));
    let readonly = native_function("readonly", field_readonly, NativeKind::Function, Value::NONE, None);
    for (i, f) in fields.iter().enumerate() {
        let getter = native_function(f, field_get, NativeKind::Function, Value::int(i as i64), None);
        let prop = PyObject::new(
            t.property.as_obj().unwrap(),
            Payload::Property(RefCell::new([getter, readonly.clone(), readonly.clone(), Value::NONE, Value::str(f)])),
        );
        dict::dict_set_str(&tdict, f, Value::from_obj(prop));
    }
    let names: Vec<Value> = fields.iter().map(|f| Value::str(f)).collect();
    dict::dict_set_str(&tdict, "__match_args__", Value::tuple(names));
    dict::dict_set_str(&tdict, "n_fields", Value::int(fields.len() as i64));
    dict::dict_set_str(&tdict, "n_sequence_fields", Value::int(fields.len() as i64));
    dict::dict_set_str(&tdict, "n_unnamed_fields", Value::int(0));
    add_method(&v, "__repr__", structseq_repr);
    add_method(&v, "__reduce__", structseq_reduce);
    v
}

/// An instance of a struct sequence type.
pub fn new_instance(ty: &Value, values: Vec<Value>) -> Value {
    Value::from_obj(PyObject::new(ty.as_obj().unwrap(), Payload::Tuple(values.into_boxed_slice())))
}

/// Getter bound to a field index: args are (index, self).
fn field_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let i = args.first().and_then(|i| i.as_i64()).unwrap_or(0) as usize;
    let obj = args.get(1).ok_or_else(|| PyErr::type_error("descriptor needs an instance"))?;
    obj.as_tuple()
        .and_then(|t| t.get(i).cloned())
        .ok_or_else(|| PyErr::type_error("descriptor applied to a non-struct-sequence"))
}

fn field_readonly(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("readonly attribute"))
}

fn field_names(ty: &PyObject) -> Vec<String> {
    crate::types::lookup(ty, "__match_args__")
        .and_then(|m| m.as_tuple().map(|t| t.iter().filter_map(|x| x.as_str().map(|s| s.to_string())).collect()))
        .unwrap_or_default()
}

fn full_name(ty: &PyObject) -> String {
    let td = ty.type_data();
    let module = dict::dict_get_str(&td.dict, "__module__").and_then(|m| m.as_str().map(|s| s.to_string()));
    let name = td.name.borrow().clone();
    match module {
        Some(m) if m != "builtins" => format!("{m}.{name}"),
        _ => name,
    }
}

fn structseq_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[0];
    let ty = type_ref(v);
    let names = field_names(ty);
    let items = v.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut parts = Vec::with_capacity(items.len());
    for (i, x) in items.iter().enumerate() {
        let r = vm.repr_string(x)?;
        match names.get(i) {
            Some(n) => parts.push(format!("{n}={r}")),
            None => parts.push(r),
        }
    }
    Ok(Value::string(format!("{}({})", full_name(ty), parts.join(", "))))
}

fn structseq_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[0];
    let items = v.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    Ok(Value::tuple(vec![crate::types::type_of(v), Value::tuple(vec![Value::tuple(items), dict::new_dict()])]))
}

// ------------------------------------------------------- SimpleNamespace

/// The `types.SimpleNamespace` class (created once).
pub fn namespace_type() -> Value {
    static T: crate::gil::GilCell<RefCell<Option<Value>>> = crate::gil::GilCell::new(RefCell::new(None));
    T.with(|c| {
        if let Some(v) = c.borrow().as_ref() {
            return v.clone();
        }
        let t = types();
        let d = dict::new_dict();
        let td = crate::types::new_type_data_pub("SimpleNamespace", d, false);
        let cls = PyObject::new(t.type_.as_obj().unwrap(), Payload::Type(td));
        let obj = t.object.to_obj().unwrap();
        cls.type_data().solid_base.set(t.object.as_obj().unwrap());
        cls.type_data().has_instance_dict.set(true);
        *cls.type_data().mro.borrow_mut() = vec![cls.clone(), obj.clone()];
        *cls.type_data().bases.borrow_mut() = vec![obj];
        let v = Value::from_obj(cls);
        let tdict = v.as_obj().unwrap().type_data().dict.clone();
        dict::dict_set_str(&tdict, "__module__", Value::str("types"));
        let (g, s) = crate::types::object::dict_getset();
        let gs = Value::from_obj(PyObject::new(
            t.getset_descriptor.as_obj().unwrap(),
            Payload::GetSet { name: "__dict__", get: g, set: Some(s) },
        ));
        dict::dict_set_str(&tdict, "__dict__", gs);
        crate::types::add_native(&v, "__new__", namespace_new, NativeKind::StaticMethod);
        add_method(&v, "__init__", namespace_init);
        add_method(&v, "__repr__", namespace_repr);
        add_method(&v, "__eq__", namespace_eq);
        dict::dict_set_str(&tdict, "__hash__", Value::NONE);
        *c.borrow_mut() = Some(v.clone());
        v
    })
}

/// A namespace object with the given attributes.
pub fn new_namespace(attrs: &[(&str, Value)]) -> Value {
    let ty = namespace_type();
    let o = PyObject::new(ty.as_obj().unwrap(), Payload::Object);
    let d = dict::new_dict();
    for (k, v) in attrs {
        dict::dict_set_str(&d, k, v.clone());
    }
    *o.dict.borrow_mut() = Some(d);
    Value::from_obj(o)
}

fn namespace_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj().filter(|o| o.as_type().is_some()))
        .ok_or_else(|| PyErr::type_error("SimpleNamespace.__new__(X): X is not a type object"))?;
    let o = PyObject::new_with_slots(cls, Payload::Object, cls.type_data().slot_names.borrow().len());
    *o.dict.borrow_mut() = Some(dict::new_dict());
    Ok(Value::from_obj(o))
}

fn namespace_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if npos > 1 {
        return Err(PyErr::type_error(format!("no positional arguments expected")));
    }
    for (i, k) in kw.iter().enumerate() {
        vm.setattr(&args[0], k, args[npos + i].clone())?;
    }
    Ok(Value::NONE)
}

fn namespace_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[0];
    let ty = type_ref(v);
    let name = if ty.type_data().heap { ty.type_name_str() } else { "namespace".to_string() };
    if !vm.repr_enter(v) {
        return Ok(Value::string(format!("{name}(...)")));
    }
    let d = v.as_obj().and_then(|o| o.dict.borrow().clone());
    let items = d.and_then(|d| d.as_dict().map(|x| x.borrow().items())).unwrap_or_default();
    let mut parts = Vec::new();
    let mut result = Ok(());
    for (k, x) in items {
        let Some(ks) = k.as_str().map(|s| s.to_string()) else { continue };
        match vm.repr_string(&x) {
            Ok(r) => parts.push(format!("{ks}={r}")),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.repr_leave(v);
    result?;
    Ok(Value::string(format!("{name}({})", parts.join(", "))))
}

fn namespace_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let ns = namespace_type();
    if !crate::types::is_instance(&args[1], &ns) {
        return Ok(types().not_implemented.clone());
    }
    let da = args[0].as_obj().and_then(|o| o.dict.borrow().clone()).unwrap_or(Value::NONE);
    let db = args[1].as_obj().and_then(|o| o.dict.borrow().clone()).unwrap_or(Value::NONE);
    Ok(Value::bool(vm.eq(&da, &db)?))
}
