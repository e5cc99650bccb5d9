//! `super`: zero-argument form (from the calling frame's `__class__` cell and
//! first argument) and two-argument form; attribute lookup starts after the
//! given class in the MRO of the object's type.

use crate::object::{NativeKind, Payload, PyObject};
use crate::types::{add_method, add_native, add_getset, type_of, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

fn super_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("super", kw)?;
    let a = &args[1..];
    let (start, obj) = match a.len() {
        0 => zero_arg(vm)?,
        1 => (a[0].clone(), Value::NONE),
        2 => (a[0].clone(), a[1].clone()),
        n => return Err(PyErr::type_error(format!("super() expected at most 2 arguments, got {n}"))),
    };
    if start.as_obj().and_then(|o| o.as_type()).is_none() {
        return Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            type_ref(&start).type_name_str()
        )));
    }
    let obj_type = if obj.is_none() {
        Value::NONE
    } else if obj.as_obj().and_then(|o| o.as_type()).is_some() && crate::types::is_subtype(&obj, &start) {
        obj.clone()
    } else if crate::types::is_instance(&obj, &start) {
        type_of(&obj)
    } else {
        // A proxy whose `__class__` claims a subclass of `start`.
        match vm.getattr_opt(&obj, &Value::str("__class__"))? {
            Some(c) if !c.is(&type_of(&obj)) && c.as_obj().and_then(|o| o.as_type()).is_some() && crate::types::is_subtype(&c, &start) => c,
            _ => return Err(PyErr::type_error("super(type, obj): obj must be an instance or subtype of type")),
        }
    };
    Ok(Value::from_obj(PyObject::new(
        args[0].as_obj().unwrap(),
        Payload::Super { start, obj, obj_type },
    )))
}

fn zero_arg(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let f = vm.current_frame().ok_or_else(|| PyErr::runtime_error("super(): no current frame"))?;
    let code = f.code.clone();
    if code.code.argcount == 0 && code.code.flags & krait_compiler::code::flags::VARARGS == 0 {
        return Err(PyErr::runtime_error("super(): no arguments"));
    }
    // First argument: a fast local, or moved into a cell.
    let mut first = f.fast[0].clone();
    if first.is_null() {
        for (i, c) in code.code.cell2arg.iter().enumerate() {
            if *c == Some(0) {
                first = crate::interp::eval::cell_get(&f.fast[code.nlocals + i]);
            }
        }
    }
    if first.is_null() {
        return Err(PyErr::runtime_error("super(): arg[0] deleted"));
    }
    let idx = code.cell_names.iter().position(|n| n.as_str() == Some("__class__"));
    let Some(idx) = idx else {
        return Err(PyErr::runtime_error("super(): __class__ cell not found"));
    };
    let cls = crate::interp::eval::cell_get(&f.fast[code.nlocals + idx]);
    if cls.is_null() {
        return Err(PyErr::runtime_error("super(): empty __class__ cell"));
    }
    Ok((cls, first))
}

fn parts(v: &Value) -> (Value, Value, Value) {
    match &v.as_obj().unwrap().payload {
        Payload::Super { start, obj, obj_type } => (start.clone(), obj.clone(), obj_type.clone()),
        _ => unreachable!(),
    }
}

fn super_getattribute(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (start, obj, obj_type) = parts(&args[0]);
    let name = &args[1];
    if !obj_type.is_none() && name.as_str() != Some("__class__") {
        let mro = obj_type.as_obj().unwrap().type_data().mro.borrow().clone();
        let pos = mro.iter().position(|m| std::ptr::eq(&**m, start.as_obj().unwrap()));
        if let Some(p) = pos {
            for m in &mro[p + 1..] {
                if let Some(d) = crate::types::dict::dict_get_strvalue(&m.type_data().dict, name) {
                    let inst = if obj.is(&obj_type) { None } else { Some(&obj) };
                    return crate::ops::attr::descr_get(vm, d, inst, &obj_type);
                }
            }
        }
    }
    match crate::ops::attr::generic_getattr(vm, &args[0], name)? {
        Some(v) => Ok(v),
        None => Err(PyErr::attribute_error(format!(
            "'super' object has no attribute '{}'",
            name.as_str().unwrap_or("")
        ))),
    }
}

fn super_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (start, _obj, obj_type) = parts(&args[0]);
    let s = start.as_obj().unwrap().type_name_str();
    if obj_type.is_none() {
        return Ok(Value::string(format!("<super: <class '{s}'>, NULL>")));
    }
    let o = obj_type.as_obj().unwrap().type_name_str();
    let _ = vm;
    Ok(Value::string(format!("<super: <class '{s}'>, <{o} object>>")))
}

fn super_thisclass(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(parts(&args[0]).0)
}
fn super_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(parts(&args[0]).1)
}
fn super_self_class(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(parts(&args[0]).2)
}
/// `super(C).__get__(obj)`: an unbound super bound to `obj`.
fn super_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (start, obj, _) = parts(&args[0]);
    let inst = args.get(1).cloned().unwrap_or(Value::NONE);
    if inst.is_none() || !obj.is_none() {
        return Ok(args[0].clone());
    }
    let cls = type_of(&args[0]);
    vm.call(&cls, &[start, inst])
}

fn super_init(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

pub fn init(t: &Types) {
    let s = &t.super_;
    add_native(s, "__new__", super_new, NativeKind::StaticMethod);
    add_method(s, "__init__", super_init);
    add_method(s, "__getattribute__", super_getattribute);
    add_method(s, "__repr__", super_repr);
    add_method(s, "__get__", super_get);
    add_getset(s, "__thisclass__", super_thisclass, None);
    add_getset(s, "__self__", super_self, None);
    add_getset(s, "__self_class__", super_self_class, None);
    let _ = types;
}
