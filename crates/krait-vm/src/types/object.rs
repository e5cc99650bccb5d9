//! `object`: the root type's methods (default construction, equality,
//! hashing, repr, attribute access, `__class__`, `__dict__`, `__dir__`,
//! `__init_subclass__`, `__format__`, `__reduce_ex__`), and `NoneType`,
//! `NotImplementedType` and `ellipsis`.

use crate::args::bind;
use crate::object::{NativeKind, Payload, PyObject};
use crate::ops::attr::generic_setattr;
use crate::types::{add_getset, add_method, add_native, dict, lookup, type_of, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

/// `object.__new__(cls, *args, **kwargs)`.
pub fn object_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().ok_or_else(|| PyErr::type_error("object.__new__(): not enough arguments"))?;
    let Some(co) = cls.as_obj().filter(|o| o.as_type().is_some()) else {
        return Err(PyErr::type_error("object.__new__(X): X is not a type object"));
    };
    let td = co.type_data();
    if args.len() > 1 || !kw.is_empty() {
        // Excess arguments are an error unless __init__ is overridden and __new__ is not.
        let new_overridden = !is_object_slot(lookup(co, "__new__"), "__new__");
        let init_overridden = !is_object_slot(lookup(co, "__init__"), "__init__");
        if new_overridden {
            return Err(PyErr::type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if !init_overridden {
            return Err(PyErr::type_error(format!("{}() takes no arguments", td.name.borrow())));
        }
    }
    if let Some(abstract_methods) = abstract_names(co) {
        if !abstract_methods.is_empty() {
            let n = abstract_methods.len();
            return Err(PyErr::type_error(format!(
                "Can't instantiate abstract class {} with abstract method{} {}",
                td.name.borrow(),
                if n == 1 { "" } else { "s" },
                abstract_methods.join(", ")
            )));
        }
    }
    let solid = td.solid_base.get();
    let obj_t = types().object.as_obj().unwrap() as *const PyObject;
    if solid != obj_t {
        // e.g. object.__new__(SomeListSubclass) is not allowed.
        // SAFETY: solid_base points at an immortal builtin type.
        let sname = unsafe { (*solid).type_name_str() };
        return Err(PyErr::type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            td.name.borrow(),
            sname
        )));
    }
    let nslots = td.slot_names.borrow().len();
    Ok(Value::from_obj(PyObject::new_with_slots(co, Payload::Object, nslots)))
}

fn abstract_names(co: &PyObject) -> Option<Vec<String>> {
    let v = dict::dict_get_str(&co.type_data().dict, "__abstractmethods__")?;
    let items: Vec<Value> = match &v.as_obj()?.payload {
        Payload::FrozenSet(s) => s.keys(),
        Payload::Set(s) => s.borrow().keys(),
        Payload::Tuple(t) => t.to_vec(),
        Payload::List(l) => l.borrow().clone(),
        _ => return None,
    };
    let mut names: Vec<String> = items.iter().filter_map(|x| x.as_str().map(|s| s.to_string())).collect();
    names.sort();
    Some(names)
}

fn is_object_slot(f: Option<Value>, name: &str) -> bool {
    match f.as_ref().and_then(|f| f.as_obj()).map(|o| &o.payload) {
        Some(Payload::Native(n)) => n.name == name && n.owner.as_ref().map_or(false, |o| o.is(&types().object)),
        _ => false,
    }
}

fn object_init(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        let co = type_ref(&args[0]);
        let init_overridden = !is_object_slot(lookup(co, "__init__"), "__init__");
        let new_overridden = !is_object_slot(lookup(co, "__new__"), "__new__");
        if init_overridden {
            return Err(PyErr::type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        if !new_overridden {
            return Err(PyErr::type_error(format!(
                "{}.__init__() takes exactly one argument (the instance to initialize)",
                co.type_name_str()
            )));
        }
    }
    Ok(Value::NONE)
}

/// The default repr: `<module.Qualname object at 0x...>`.
pub fn object_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[0];
    let ty = type_of(v);
    let td = ty.as_obj().unwrap().type_data();
    let qual = td.qualname.borrow().clone();
    let module = dict::dict_get_str(&td.dict, "__module__").and_then(|m| m.as_str().map(|s| s.to_string()));
    let _ = vm;
    let name = match module {
        Some(m) if m != "builtins" => format!("{m}.{qual}"),
        _ => qual,
    };
    Ok(Value::string(format!("<{} object at {:#x}>", name, v.id())))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    vm.repr(&args[0])
}

fn object_eq(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args[0].is(&args[1]) {
        Ok(Value::TRUE)
    } else {
        Ok(types().not_implemented.clone())
    }
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // Default __ne__ inverts __eq__ unless it returns NotImplemented.
    let r = match lookup(type_ref(&args[0]), "__eq__") {
        Some(eq) => vm.call(&eq, &[args[0].clone(), args[1].clone()])?,
        None => types().not_implemented.clone(),
    };
    if r.is(&types().not_implemented) {
        return Ok(r);
    }
    Ok(Value::bool(!vm.truthy(&r)?))
}

fn object_cmp_notimpl(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(types().not_implemented.clone())
}

fn object_hash(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(crate::ops::pointer_hash(&args[0])))
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (obj, name) = (&args[0], &args[1]);
    if name.as_pystr().is_none() {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            type_ref(name).type_name_str()
        )));
    }
    let r = if matches!(obj.as_obj().map(|o| &o.payload), Some(Payload::Type(_))) {
        crate::ops::attr::type_getattr(vm, obj, name)?
    } else {
        crate::ops::attr::generic_getattr(vm, obj, name)?
    };
    r.ok_or_else(|| crate::ops::attr::no_attribute(obj, name))
}

fn object_setattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__setattr__", &args[1..], kw, 2, 2)?;
    if args[1].as_pystr().is_none() {
        return Err(PyErr::type_error(format!(
            "attribute name must be string, not '{}'",
            type_ref(&args[1]).type_name_str()
        )));
    }
    generic_setattr(vm, &args[0], &args[1], Some(args[2].clone()))?;
    Ok(Value::NONE)
}

fn object_delattr(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__delattr__", &args[1..], kw, 1, 1)?;
    generic_setattr(vm, &args[0], &args[1], None)?;
    Ok(Value::NONE)
}

fn object_get_class(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(type_of(&args[0]))
}

fn object_set_class(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (obj, cls) = (&args[0], &args[1]);
    if cls.is_null() {
        return Err(PyErr::type_error("can't delete __class__ attribute"));
    }
    let Some(new_t) = cls.as_obj().filter(|o| o.as_type().is_some()) else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            type_ref(cls).type_name_str()
        )));
    };
    let o = obj.as_obj().ok_or_else(|| PyErr::type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"))?;
    let old_t = o.ty();
    let module_t = types().module.as_obj().unwrap();
    let both_modules = crate::types::is_subtype_ref(old_t, module_t) && crate::types::is_subtype_ref(new_t, module_t);
    if !both_modules && (!old_t.type_data().heap || !new_t.type_data().heap) {
        return Err(PyErr::type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    }
    if old_t.type_data().solid_base.get() != new_t.type_data().solid_base.get()
        || *old_t.type_data().slot_names.borrow() != *new_t.type_data().slot_names.borrow()
        || old_t.type_data().has_instance_dict.get() != new_t.type_data().has_instance_dict.get()
    {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new_t.type_name_str(),
            old_t.type_name_str()
        )));
    }
    o.set_ty(new_t);
    Ok(Value::NONE)
}

fn object_get_dict(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = args[0].as_obj().ok_or_else(|| PyErr::attribute_error("object has no __dict__"))?;
    if let Payload::Type(td) = &o.payload {
        return Ok(Value::from_obj(PyObject::new(
            types().mappingproxy.as_obj().unwrap(),
            Payload::MappingProxy(td.dict.clone()),
        )));
    }
    if !o.ty().type_data().has_instance_dict.get() {
        return Err(PyErr::attribute_error(format!("'{}' object has no attribute '__dict__'", o.type_name())));
    }
    let existing = o.dict.borrow().clone();
    Ok(match existing {
        Some(d) => d,
        None => {
            let d = dict::new_dict();
            *o.dict.borrow_mut() = Some(d.clone());
            d
        }
    })
}

fn object_set_dict(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = args[0].as_obj().ok_or_else(|| PyErr::type_error("__dict__ of a non-object"))?;
    match &o.payload {
        Payload::Type(_) => return Err(PyErr::type_error("a class's __dict__ cannot be replaced")),
        Payload::Function(_) if args[1].is_null() => return Err(PyErr::type_error("cannot delete __dict__")),
        _ => {}
    }
    if args[1].is_null() {
        // Only instances of classes whose dict comes from `class` may drop
        // it; a builtin layout with its own dict (partial, module) may not.
        let solid = o.ty().type_data().solid_base.get();
        // SAFETY: solid bases are immortal builtin types.
        if unsafe { (*solid).type_data().has_instance_dict.get() } {
            return Err(PyErr::type_error("cannot delete __dict__"));
        }
    }
    if args[1].is_null() {
        // `del obj.__dict__`: the next access makes a fresh dict.
        let old = o.dict.borrow_mut().take();
        drop(old);
        return Ok(Value::NONE);
    }
    if args[1].as_dict().is_none() {
        return Err(PyErr::type_error(format!(
            "__dict__ must be set to a dictionary, not a '{}'",
            type_ref(&args[1]).type_name_str()
        )));
    }
    *o.dict.borrow_mut() = Some(args[1].clone());
    Ok(Value::NONE)
}

fn object_init_subclass(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() || args.len() > 1 {
        let cls = args[0].as_obj().map(|o| o.type_name_str()).unwrap_or_default();
        return Err(PyErr::type_error(format!("{cls}.__init_subclass__() takes no keyword arguments")));
    }
    Ok(Value::NONE)
}

fn object_subclasshook(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(types().not_implemented.clone())
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let spec = match args.get(1) {
        Some(s) => match s.as_str() {
            Some(t) if s.as_pystr().is_some() => t,
            _ => {
                return Err(PyErr::type_error(format!(
                    "__format__() argument must be str, not {}",
                    type_ref(s).type_name_str()
                )))
            }
        },
        None => "",
    };
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_ref(&args[0]).type_name_str()
        )));
    }
    vm.str(&args[0])
}

fn object_dir(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // CPython's order: the instance `__dict__` (as an attribute), then the
    // dicts of `__class__` and its bases.
    let obj = &args[0];
    let names = dict::new_dict();
    if let Some(d) = vm.getattr_opt(obj, &Value::str("__dict__"))? {
        if d.as_dict().is_some() {
            let keys = d.as_dict().map(|d| d.borrow().keys()).unwrap_or_default();
            for k in keys {
                dict::dict_set(vm, &names, k, Value::NONE)?;
            }
        }
    }
    if let Some(cls) = vm.getattr_opt(obj, &Value::str("__class__"))? {
        merge_class_dict(vm, &names, &cls, 0)?;
    }
    let keys = names.as_dict().map(|d| d.borrow().keys()).unwrap_or_default();
    Ok(Value::list(keys))
}

/// Add the attribute names of a class and its bases to `names`.
fn merge_class_dict(vm: &mut Vm, names: &Value, cls: &Value, depth: usize) -> PyResult<()> {
    vm.check_stack("")?;
    if depth > 10_000 {
        return Ok(());
    }
    let (keys, bases): (Vec<Value>, Vec<Value>) = match cls.as_obj().and_then(|o| o.as_type()) {
        Some(td) => (
            td.dict.as_dict().map(|d| d.borrow().keys()).unwrap_or_default(),
            td.bases.borrow().iter().map(|b| Value::from_obj(b.clone())).collect(),
        ),
        None => {
            let keys = match vm.getattr_opt(cls, &Value::str("__dict__"))? {
                Some(d) => match d.as_dict() {
                    Some(dd) => dd.borrow().keys(),
                    None => {
                        let k = vm.call_method(&d, "keys", &[])?;
                        vm.collect(&k)?
                    }
                },
                None => Vec::new(),
            };
            let bases = match vm.getattr_opt(cls, &Value::str("__bases__"))? {
                Some(b) => vm.collect(&b)?,
                None => Vec::new(),
            };
            (keys, bases)
        }
    };
    for k in keys {
        dict::dict_set(vm, names, k, Value::NONE)?;
    }
    for b in bases {
        merge_class_dict(vm, names, &b, depth + 1)?;
    }
    Ok(())
}

/// `object.__reduce_ex__(protocol)`: an overriding `__reduce__` wins;
/// else `copyreg._reduce_ex` (protocols 0, 1) or `reduce_newobj` (2+).
fn object_reduce_ex(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::NONE);
    let proto = args.get(1).cloned().unwrap_or(Value::int(0));
    if let Some(r) = lookup(type_ref(&me), "__reduce__") {
        if !is_object_slot(Some(r), "__reduce__") {
            return vm.call_method(&me, "__reduce__", &[]);
        }
    }
    object_common_reduce(vm, &me, &proto)
}

fn object_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::NONE);
    object_common_reduce(vm, &me, &Value::int(0))
}

fn object_common_reduce(vm: &mut Vm, me: &Value, proto: &Value) -> PyResult<Value> {
    let copyreg = crate::import::import_module(vm, "copyreg")?;
    if proto.as_i64().map_or(false, |p| p >= 2) {
        return reduce_newobj(vm, me, &copyreg);
    }
    let f = vm.getattr_str(&copyreg, "_reduce_ex")?;
    vm.call(&f, &[me.clone(), proto.clone()])
}

/// Protocol 2+: `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)`.
fn reduce_newobj(vm: &mut Vm, me: &Value, copyreg: &Value) -> PyResult<Value> {
    let cls = type_of(me);
    let mut args = Value::tuple(vec![]);
    let mut kwargs = Value::NONE;
    if lookup(type_ref(me), "__getnewargs_ex__").is_some() {
        let r = vm.call_method(me, "__getnewargs_ex__", &[])?;
        match r.as_tuple() {
            Some(t) if t.len() == 2 => {
                args = t[0].clone();
                kwargs = t[1].clone();
            }
            _ => return Err(PyErr::type_error("__getnewargs_ex__ should return a tuple of length 2")),
        }
    } else if lookup(type_ref(me), "__getnewargs__").is_some() {
        args = vm.call_method(me, "__getnewargs__", &[])?;
        if args.as_tuple().is_none() {
            return Err(PyErr::type_error(format!("__getnewargs__ should return a tuple, not '{}'", type_ref(&args).type_name_str())));
        }
    }
    let has_kwargs = kwargs.as_dict().map_or(false, |d| !d.borrow().is_empty());
    let (newobj, newargs) = if has_kwargs {
        (vm.getattr_str(copyreg, "__newobj_ex__")?, Value::tuple(vec![cls.clone(), args, kwargs]))
    } else {
        let mut a = vec![cls.clone()];
        a.extend(args.as_tuple().unwrap_or(&[]).iter().cloned());
        (vm.getattr_str(copyreg, "__newobj__")?, Value::tuple(a))
    };
    let state = vm.call_method(me, "__getstate__", &[])?;
    let t = types();
    let listitems = if crate::types::is_instance(me, &t.list) { vm.iter(me)? } else { Value::NONE };
    let dictitems = if crate::types::is_instance(me, &t.dict) {
        let items = vm.call_method(me, "items", &[])?;
        vm.iter(&items)?
    } else {
        Value::NONE
    };
    Ok(Value::tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

fn object_sizeof(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(std::mem::size_of::<PyObject>() as i64))
}

/// `object.__getstate__()`: the instance dict (None when absent or empty),
/// paired with a dict of the set `__slots__` values when there are any.
fn object_getstate(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(o) = args[0].as_obj() else { return Ok(Value::NONE) };
    let d = o.dict.borrow().clone().filter(|d| d.as_dict().map_or(true, |x| !x.borrow().is_empty()));
    let state = d.unwrap_or(Value::NONE);
    let names = o.ty().type_data().slot_names.borrow().clone();
    let values = o.slots.borrow().clone();
    let slots = dict::new_dict();
    let mut any = false;
    for (name, v) in names.iter().zip(values.iter()) {
        if v.is_null() {
            continue;
        }
        // Only `__slots__` of classes (member descriptors), not native state.
        let is_member = matches!(lookup(o.ty(), name).as_ref().and_then(|d| d.as_obj()).map(|d| &d.payload), Some(Payload::SlotDescriptor { .. }));
        if is_member {
            dict::dict_set_str(&slots, name, v.clone());
            any = true;
        }
    }
    if any {
        return Ok(Value::tuple(vec![state, slots]));
    }
    Ok(state)
}

fn none_repr(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str("None"))
}
fn none_bool(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::FALSE)
}
fn none_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        return Err(PyErr::type_error("NoneType takes no arguments"));
    }
    Ok(Value::NONE)
}
fn notimpl_repr(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str("NotImplemented"))
}
fn ellipsis_repr(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::str("Ellipsis"))
}
fn notimpl_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        return Err(PyErr::type_error("NotImplementedType takes no arguments"));
    }
    Ok(types().not_implemented.clone())
}
fn ellipsis_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        return Err(PyErr::type_error("EllipsisType takes no arguments"));
    }
    Ok(types().ellipsis.clone())
}
fn notimpl_bool(vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let w = crate::import::import_module(vm, "warnings")?;
    let cat = types().exc.deprecation_warning.clone();
    vm.call_method(&w, "warn", &[Value::str("NotImplemented should not be used in a boolean context"), cat, Value::int(1)])?;
    Ok(Value::TRUE)
}

fn bind_unused(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_] = bind("x", args, kw, &["x"])?;
    let _ = vm;
    Ok(Value::NONE)
}

pub fn init(t: &Types) {
    let o = &t.object;
    add_native(o, "__new__", object_new, NativeKind::StaticMethod);
    add_method(o, "__init__", object_init);
    add_method(o, "__repr__", object_repr);
    add_method(o, "__str__", object_str);
    add_method(o, "__eq__", object_eq);
    add_method(o, "__ne__", object_ne);
    add_method(o, "__lt__", object_cmp_notimpl);
    add_method(o, "__le__", object_cmp_notimpl);
    add_method(o, "__gt__", object_cmp_notimpl);
    add_method(o, "__ge__", object_cmp_notimpl);
    add_method(o, "__hash__", object_hash);
    add_method(o, "__getattribute__", object_getattribute);
    add_method(o, "__setattr__", object_setattr);
    add_method(o, "__delattr__", object_delattr);
    add_method(o, "__format__", object_format);
    add_method(o, "__dir__", object_dir);
    add_method(o, "__reduce_ex__", object_reduce_ex);
    add_method(o, "__reduce__", object_reduce);
    add_method(o, "__sizeof__", object_sizeof);
    add_method(o, "__getstate__", object_getstate);
    add_native(o, "__init_subclass__", object_init_subclass, NativeKind::ClassMethod);
    add_native(o, "__subclasshook__", object_subclasshook, NativeKind::ClassMethod);
    add_getset(o, "__class__", object_get_class, Some(object_set_class));
    crate::types::add_attr(o, "__doc__", Value::str("The base class of the class hierarchy."));
    // __dict__ is exposed on user classes by type creation.
    let _ = (object_get_dict, object_set_dict, bind_unused);
    add_method(&t.none_type, "__repr__", none_repr);
    add_method(&t.none_type, "__bool__", none_bool);
    add_native(&t.none_type, "__new__", none_new, NativeKind::StaticMethod);
    add_method(&t.not_implemented_type, "__repr__", notimpl_repr);
    add_native(&t.not_implemented_type, "__new__", notimpl_new, NativeKind::StaticMethod);
    add_method(&t.not_implemented_type, "__bool__", notimpl_bool);
    add_method(&t.ellipsis_type, "__repr__", ellipsis_repr);
    add_native(&t.ellipsis_type, "__new__", ellipsis_new, NativeKind::StaticMethod);
}

/// The `__dict__` getset for user classes.
pub fn dict_getset() -> (crate::object::NativeFn, crate::object::NativeFn) {
    (object_get_dict, object_set_dict)
}
