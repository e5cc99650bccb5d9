//! `module`: a namespace object. The namespace is the object's own
//! `__dict__` (always present), so attribute access needs no special case.

use crate::object::{NativeKind, Payload, PyObject};
use crate::types::{add_method, add_native, dict, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

pub struct ModuleData;

/// A new module named `name` with an empty namespace.
pub fn new_module(name: &str) -> Value {
    let o = PyObject::new(types().module.as_obj().unwrap(), Payload::Module(ModuleData));
    let d = dict::new_dict();
    dict::dict_set_str(&d, "__name__", Value::str(name));
    dict::dict_set_str(&d, "__doc__", Value::NONE);
    dict::dict_set_str(&d, "__package__", Value::NONE);
    dict::dict_set_str(&d, "__loader__", Value::NONE);
    dict::dict_set_str(&d, "__spec__", Value::NONE);
    *o.dict.borrow_mut() = Some(d);
    Value::from_obj(o)
}

/// The namespace dict of a module.
pub fn module_dict(m: &Value) -> Value {
    m.as_obj().and_then(|o| o.dict.borrow().clone()).unwrap_or_else(dict::new_dict)
}

pub fn module_name(m: &Value) -> String {
    dict::dict_get_str(&module_dict(m), "__name__")
        .and_then(|n| n.as_str().map(|s| s.to_string()))
        .unwrap_or_else(|| "?".into())
}

/// Add a native function to a module.
pub fn add_function(m: &Value, name: &'static str, f: crate::object::NativeFn) {
    let v = crate::types::native_function(name, f, NativeKind::Function, Value::NULL, Some(m.clone()));
    dict::dict_set_str(&module_dict(m), name, v);
}

pub fn set_attr(m: &Value, name: &str, v: Value) {
    dict::dict_set_str(&module_dict(m), name, v);
}

fn module_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = args[0].as_obj().unwrap();
    let o = PyObject::new(cls, Payload::Module(ModuleData));
    *o.dict.borrow_mut() = Some(dict::new_dict());
    Ok(Value::from_obj(o))
}

fn module_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_, name, doc] = crate::args::bind("module", args, kw, &["self", "name", "doc="])?;
    let d = module_dict(&args[0]);
    dict::dict_set(vm, &d, Value::str("__name__"), name.unwrap())?;
    dict::dict_set(vm, &d, Value::str("__doc__"), doc.unwrap_or(Value::NONE))?;
    for k in ["__package__", "__loader__", "__spec__"] {
        if dict::dict_get_str(&d, k).is_none() {
            dict::dict_set_str(&d, k, Value::NONE);
        }
    }
    Ok(Value::NONE)
}

fn module_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = module_dict(&args[0]);
    let name = match dict::dict_get_str(&d, "__name__") {
        Some(n) => vm.str_string(&n)?,
        None => "?".into(),
    };
    if let Some(f) = dict::dict_get_str(&d, "__file__") {
        if !f.is_none() {
            return Ok(Value::string(format!("<module '{}' from '{}'>", name, vm.str_string(&f)?)));
        }
    }
    if crate::modules::exists(&name) {
        return Ok(Value::string(format!("<module '{name}' (built-in)>")));
    }
    Ok(Value::string(format!("<module '{name}'>")))
}

fn module_dir(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // A subclass may shadow `__dict__`: CPython reads it as an attribute.
    let d = if crate::types::type_of(&args[0]).is(&crate::types::types().module) {
        module_dict(&args[0])
    } else {
        vm.getattr_str(&args[0], "__dict__")?
    };
    if d.as_dict().is_none() {
        return Err(PyErr::type_error("<module>.__dict__ is not a dictionary"));
    }
    if let Some(f) = dict::dict_get_str(&d, "__dir__") {
        return vm.call(&f, &[]);
    }
    let keys = d.as_dict().unwrap().borrow().keys();
    Ok(Value::list(keys))
}

fn module_get_dict(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(module_dict(&args[0]))
}

pub fn init(t: &Types) {
    let m = &t.module;
    m.as_obj().unwrap().type_data().has_instance_dict.set(true);
    add_native(m, "__new__", module_new, NativeKind::StaticMethod);
    add_method(m, "__init__", module_init);
    add_method(m, "__repr__", module_repr);
    add_method(m, "__dir__", module_dir);
    crate::types::add_getset(m, "__dict__", module_get_dict, None);
}
