//! Introspection builtins: `getattr`, `setattr`, `hasattr`, `delattr`,
//! `isinstance`, `issubclass`, `callable`, `id`, `hash`, `dir`, `vars`,
//! `globals`, `locals`.

use crate::types::module::add_function;
use crate::types::{dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

fn attr_name(v: &Value) -> PyResult<&Value> {
    if v.as_pystr().is_none() {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            type_ref(v).type_name_str()
        )));
    }
    Ok(v)
}

fn getattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("getattr", args, kw, 2, 3)?;
    let name = attr_name(&args[1])?;
    if args.len() == 3 {
        return match vm.getattr_opt(&args[0], name) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Ok(args[2].clone()),
            Err(e) if e.matches(&types().exc.attribute_error) => Ok(args[2].clone()),
            Err(e) => Err(e),
        };
    }
    vm.getattr(&args[0], name)
}

fn setattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("setattr", args, kw, 3, 3)?;
    let name = attr_name(&args[1])?;
    vm.setattr(&args[0], name, args[2].clone())?;
    Ok(Value::NONE)
}

fn hasattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("hasattr", args, kw, 2, 2)?;
    let name = attr_name(&args[1])?;
    match vm.getattr_opt(&args[0], name) {
        Ok(v) => Ok(Value::bool(v.is_some())),
        Err(e) if e.matches(&types().exc.attribute_error) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("delattr", args, kw, 2, 2)?;
    let name = attr_name(&args[1])?;
    vm.delattr(&args[0], name)?;
    Ok(Value::NONE)
}

fn isinstance(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("isinstance", args, kw, 2, 2)?;
    Ok(Value::bool(vm.isinstance(&args[0], &args[1])?))
}

fn issubclass(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("issubclass", args, kw, 2, 2)?;
    Ok(Value::bool(vm.issubclass(&args[0], &args[1])?))
}

fn callable(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("callable", args, kw)?;
    Ok(Value::bool(vm.callable(&args[0])))
}

fn id(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("id", args, kw)?;
    Ok(Value::int(args[0].id()))
}

fn hash(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("hash", args, kw)?;
    Ok(Value::int(vm.hash(&args[0])?))
}

fn dir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("dir", args, kw, 0, 1)?;
    let names = if args.is_empty() {
        let locals = current_locals(vm)?;
        vm.call_method(&locals, "keys", &[])?
    } else {
        match vm.call_special(&args[0], "__dir__", &[])? {
            Some(v) => v,
            None => Value::list(vec![]),
        }
    };
    let items = vm.collect(&names)?;
    let sorted = crate::types::list::sort_values(vm, items, None, false)?;
    Ok(Value::list(sorted))
}

fn vars(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("vars", args, kw, 0, 1)?;
    if args.is_empty() {
        return current_locals(vm);
    }
    match vm.getattr_opt(&args[0], &Value::str("__dict__"))? {
        Some(d) => Ok(d),
        None => Err(PyErr::type_error("vars() argument must have __dict__ attribute")),
    }
}

fn globals(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::no_args("globals", args, kw)?;
    match vm.current_frame() {
        Some(f) => Ok(f.globals.clone()),
        None => Ok(dict::new_dict()),
    }
}

/// `locals()` of the running Python frame (a snapshot for functions).
pub fn current_locals(vm: &mut Vm) -> PyResult<Value> {
    let Some(f) = vm.current_frame() else { return Ok(dict::new_dict()) };
    if !f.locals.is_null() {
        return Ok(f.locals.clone());
    }
    let d = dict::new_dict();
    let code = f.code.clone();
    for (i, name) in code.varnames.iter().enumerate() {
        let v = f.fast[i].clone();
        if !v.is_null() {
            dict::dict_set_strvalue(&d, name.clone(), v);
        }
    }
    for (i, name) in code.cell_names.iter().enumerate() {
        let v = crate::interp::eval::cell_get(&f.fast[code.nlocals + i]);
        if !v.is_null() {
            dict::dict_set_strvalue(&d, name.clone(), v);
        }
    }
    Ok(d)
}

fn locals(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::no_args("locals", args, kw)?;
    current_locals(vm)
}

pub fn register(m: &Value) {
    add_function(m, "getattr", getattr);
    add_function(m, "setattr", setattr);
    add_function(m, "hasattr", hasattr);
    add_function(m, "delattr", delattr);
    add_function(m, "isinstance", isinstance);
    add_function(m, "issubclass", issubclass);
    add_function(m, "callable", callable);
    add_function(m, "id", id);
    add_function(m, "hash", hash);
    add_function(m, "dir", dir);
    add_function(m, "vars", vars);
    add_function(m, "globals", globals);
    add_function(m, "locals", locals);
}
