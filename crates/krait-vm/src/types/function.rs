//! Functions and their relatives: Python functions (`MakeFunction`), bound
//! methods, native functions' reprs, `property`, `classmethod`,
//! `staticmethod`, cells and code objects.

use crate::args::bind;
use crate::interp::{Frame, VmCode};
use crate::object::{FunctionData, NativeKind, Payload, PyObject};
use crate::types::{add_getset, add_method, add_native, dict, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub fn new_code_object(code: Rc<VmCode>) -> Value {
    VmCode::object(&code)
}

pub fn as_code(v: &Value) -> Option<Rc<VmCode>> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Code(c)) => Some(c.clone()),
        _ => None,
    }
}

/// Build a function object for `code` with the given namespaces.
pub fn new_function(code: Rc<VmCode>, globals: Value, builtins: Value) -> FunctionData {
    let module = dict::dict_get_str(&globals, "__name__").unwrap_or(Value::NONE);
    let doc = match code.consts.first() {
        Some(c) if c.as_pystr().is_some() && code.code.flags & krait_compiler::code::flags::OPTIMIZED != 0 && code.code.locations.len() > 0 => Value::NONE,
        _ => Value::NONE,
    };
    FunctionData {
        name: RefCell::new(code.name.clone()),
        qualname: RefCell::new(code.qualname.clone()),
        code: crate::object::CodeSlot::new(code),
        globals,
        builtins,
        defaults: RefCell::new(Value::NONE),
        kwdefaults: RefCell::new(Value::NONE),
        closure: Value::NONE,
        doc: RefCell::new(doc),
        annotations: RefCell::new(Value::NONE),
        module: RefCell::new(module),
    }
}

/// `MakeFunction`: pop the code object and the parts announced by `flags`.
pub fn make_function(_vm: &mut Vm, f: &mut Frame, flags: u32) -> PyResult<Value> {
    let code_v = f.stack.pop().unwrap();
    let code = as_code(&code_v).ok_or_else(|| PyErr::type_error("MakeFunction expects a code object"))?;
    let closure = if flags & 8 != 0 { f.stack.pop().unwrap() } else { Value::NONE };
    let annotations = if flags & 4 != 0 { f.stack.pop().unwrap() } else { Value::NONE };
    let kwdefaults = if flags & 2 != 0 { f.stack.pop().unwrap() } else { Value::NONE };
    let defaults = if flags & 1 != 0 { f.stack.pop().unwrap() } else { Value::NONE };
    let mut fd = new_function(code.clone(), f.globals.clone(), f.builtins.clone());
    fd.closure = closure;
    *fd.defaults.borrow_mut() = defaults;
    *fd.kwdefaults.borrow_mut() = kwdefaults;
    *fd.annotations.borrow_mut() = annotations;
    // Docstring: a leading string constant of a function body.
    if let Some(d) = docstring_of(&code) {
        *fd.doc.borrow_mut() = d;
    }
    Ok(Value::from_obj(PyObject::new(types().function.as_obj().unwrap(), Payload::Function(Box::new(fd)))))
}

/// CPython keeps a function's docstring as `co_consts[0]`; the compiler
/// marks it by storing it first. We treat a str first constant as the doc
/// only when the code's first instructions do not load it (heuristic-free
/// marker: the compiler emits the docstring constant at index 0 and never
/// uses index 0 for anything else in that case).
fn docstring_of(code: &VmCode) -> Option<Value> {
    let first = code.consts.first()?;
    if first.as_pystr().is_none() {
        return None;
    }
    let used = code.code.instrs.iter().any(|i| i.op == krait_compiler::Op::LoadConst && i.arg == 0);
    if used {
        None
    } else {
        Some(first.clone())
    }
}

pub fn new_method(func: Value, self_: Value) -> Value {
    Value::from_obj(PyObject::new(types().method.as_obj().unwrap(), Payload::Method { func, self_ }))
}

/// Bind a native method to `self_` (or a classmethod to a class).
pub fn bind_native(f: &Value, self_: Value) -> Value {
    match f.as_obj().map(|o| &o.payload) {
        Some(Payload::Native(n)) => crate::types::native_function(n.name, n.func, n.kind, self_, n.owner.clone()),
        _ => f.clone(),
    }
}

pub fn new_staticmethod(f: Value) -> Value {
    Value::from_obj(PyObject::new(types().staticmethod.as_obj().unwrap(), Payload::StaticMethod(RefCell::new(f))))
}

pub fn new_classmethod(f: Value) -> Value {
    Value::from_obj(PyObject::new(types().classmethod.as_obj().unwrap(), Payload::ClassMethod(RefCell::new(f))))
}

/// "'name' " of a property for error messages (3.11 prints the getter's qualname).
pub fn property_name(vm: &mut Vm, p: &Value) -> String {
    let _ = vm;
    if let Some(Payload::Property(fs)) = p.as_obj().map(|o| &o.payload) {
        let name = fs.borrow()[4].clone();
        if !name.is_none() {
            if let Ok(r) = vm.repr_string(&name) {
                return format!("{r} ");
            }
        }
    }
    String::new()
}

pub fn is_builtin_print(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Native(n)) if n.name == "print" && n.kind == NativeKind::Function)
}

fn fdata(v: &Value) -> &FunctionData {
    match &v.as_obj().unwrap().payload {
        Payload::Function(f) => f,
        _ => panic!("function expected"),
    }
}

fn func_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fd = fdata(&args[0]);
    Ok(Value::string(format!(
        "<function {} at {:#x}>",
        fd.qualname.borrow().as_str().unwrap_or("?"),
        args[0].id()
    )))
}

fn func_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, obj) = (&args[0], args.get(1).cloned().unwrap_or(Value::NONE));
    if obj.is_none() {
        return Ok(f.clone());
    }
    Ok(new_method(f.clone(), obj))
}

/// Validate a value assigned to a function attribute (`kind`: what it must be).
fn check_func_attr(attr: &str, kind: &str, v: &Value) -> PyResult<()> {
    let ok = match kind {
        "string" => v.as_pystr().is_some(),
        "tuple" => v.is_none() || v.as_tuple().is_some(),
        "dict" => v.is_none() || v.as_dict().is_some(),
        _ => true,
    };
    // Deleting is allowed except for the names (they must stay strings).
    if v.is_null() && kind == "string" {
        return Err(PyErr::type_error(format!("{attr} must be set to a {kind} object")));
    }
    if !v.is_null() && !ok {
        return Err(PyErr::type_error(format!("{attr} must be set to a {kind} object")));
    }
    Ok(())
}

macro_rules! fn_attr {
    ($get:ident, $set:ident, $field:ident, $attr:expr, $kind:expr) => {
        fn $get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            Ok(fdata(&args[0]).$field.borrow().clone())
        }
        fn $set(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
            check_func_attr($attr, $kind, &args[1])?;
            let v = if args[1].is_null() { Value::NONE } else { args[1].clone() };
            *fdata(&args[0]).$field.borrow_mut() = v;
            Ok(Value::NONE)
        }
    };
}
fn_attr!(func_get_name, func_set_name, name, "__name__", "string");
fn_attr!(func_get_qualname, func_set_qualname, qualname, "__qualname__", "string");
fn_attr!(func_get_defaults, func_set_defaults, defaults, "__defaults__", "tuple");
fn_attr!(func_get_kwdefaults, func_set_kwdefaults, kwdefaults, "__kwdefaults__", "dict");
fn_attr!(func_get_doc, func_set_doc, doc, "__doc__", "any");
fn_attr!(func_get_module, func_set_module, module, "__module__", "any");

fn func_get_annotations(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fd = fdata(&args[0]);
    let cur = fd.annotations.borrow().clone();
    if cur.as_dict().is_some() {
        return Ok(cur);
    }
    if let Some(t) = cur.as_tuple() {
        // The compiler may pass annotations as a flat (name, value, ...) tuple.
        let d = dict::new_dict();
        for pair in t.chunks(2) {
            if pair.len() == 2 {
                if let Some(_) = pair[0].as_pystr_exact() {
                    dict::dict_set_strvalue(&d, pair[0].clone(), pair[1].clone());
                }
            }
        }
        *fd.annotations.borrow_mut() = d.clone();
        return Ok(d);
    }
    let d = dict::new_dict();
    *fd.annotations.borrow_mut() = d.clone();
    Ok(d)
}

fn func_set_annotations(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    *fdata(&args[0]).annotations.borrow_mut() = args[1].clone();
    Ok(Value::NONE)
}

fn func_get_code(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(new_code_object(fdata(&args[0]).code.clone()))
}

fn func_set_code(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(c) = args.get(1).and_then(as_code) else {
        return Err(PyErr::type_error("__code__ must be set to a code object"));
    };
    let fd = fdata(&args[0]);
    let nfree = fd.code.code.freevars.len();
    if c.code.freevars.len() != nfree {
        let name = fd.name.borrow().as_str().unwrap_or("?").to_string();
        return Err(PyErr::value_error(format!(
            "{name}() requires a code object with {nfree} free vars, not {}",
            c.code.freevars.len()
        )));
    }
    fd.code.set(c);
    Ok(Value::NONE)
}

fn func_get_globals(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(fdata(&args[0]).globals.clone())
}

fn func_get_closure(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(fdata(&args[0]).closure.clone())
}

fn func_get_builtins(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(fdata(&args[0]).builtins.clone())
}

fn method_parts(v: &Value) -> (Value, Value) {
    match &v.as_obj().unwrap().payload {
        Payload::Method { func, self_ } => (func.clone(), self_.clone()),
        _ => (Value::NONE, Value::NONE),
    }
}

fn method_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, s) = method_parts(&args[0]);
    let name = match vm.getattr_opt(&f, &Value::str("__qualname__"))? {
        Some(n) => vm.str_string(&n)?,
        None => match vm.getattr_opt(&f, &Value::str("__name__"))? {
            Some(n) => vm.str_string(&n)?,
            None => "?".into(),
        },
    };
    let sr = vm.repr_string(&s)?;
    Ok(Value::string(format!("<bound method {name} of {sr}>")))
}

/// `types.MethodType(function, instance)`.
fn method_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("method() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(PyErr::type_error(format!("method expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    if !vm.callable(&args[1]) {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if args[2].is_none() {
        return Err(PyErr::type_error("instance must not be None"));
    }
    Ok(new_method(args[1].clone(), args[2].clone()))
}

fn method_doc(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, _) = method_parts(&args[0]);
    Ok(vm.getattr_opt(&f, &Value::str("__doc__"))?.unwrap_or(Value::NONE))
}

fn method_func(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(method_parts(&args[0]).0)
}
fn method_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(method_parts(&args[0]).1)
}

fn method_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if !matches!(args[1].as_obj().map(|o| &o.payload), Some(Payload::Method { .. })) {
        return Ok(types().not_implemented.clone());
    }
    let (f1, s1) = method_parts(&args[0]);
    let (f2, s2) = method_parts(&args[1]);
    let _ = vm;
    Ok(Value::bool(f1.is(&f2) && s1.is(&s2)))
}

fn method_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (f, s) = method_parts(&args[0]);
    Ok(Value::int(vm.hash(&f)? ^ crate::ops::pointer_hash(&s)))
}

fn method_getattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // Unknown attributes of a bound method come from its function.
    let (f, _) = method_parts(&args[0]);
    if let Some(v) = crate::ops::attr::generic_getattr(vm, &args[0], &args[1])? {
        return Ok(v);
    }
    vm.getattr(&f, &args[1])
}

fn native_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::Native(n)) = args[0].as_obj().map(|o| &o.payload) else { unreachable!() };
    if !n.bound.is_null() && !n.bound.is_none() && n.kind != NativeKind::Function {
        let is_module = matches!(n.bound.as_obj().map(|o| &o.payload), Some(Payload::Module(_)));
        if !is_module {
            let tn = type_ref(&n.bound).type_name_str();
            return Ok(Value::string(format!("<built-in method {} of {} object at {:#x}>", n.name, tn, n.bound.id())));
        }
    }
    match (&n.owner, n.kind) {
        (Some(o), NativeKind::Method) if n.bound.is_null() => Ok(Value::string(format!(
            "<method '{}' of '{}' objects>",
            n.name,
            o.as_obj().map(|x| x.type_name_str()).unwrap_or_default()
        ))),
        _ => Ok(Value::string(format!("<built-in function {}>", n.name))),
    }
}

fn native_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let obj = args.get(1).cloned().unwrap_or(Value::NONE);
    let Some(Payload::Native(n)) = args[0].as_obj().map(|o| &o.payload) else { unreachable!() };
    if obj.is_none() || !n.bound.is_null() {
        return Ok(args[0].clone());
    }
    Ok(bind_native(&args[0], obj))
}

fn native_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::Native(n)) = args[0].as_obj().map(|o| &o.payload) else { unreachable!() };
    Ok(Value::str(n.name))
}

fn native_qualname(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::Native(n)) = args[0].as_obj().map(|o| &o.payload) else { unreachable!() };
    Ok(match &n.owner {
        Some(o) if o.as_obj().and_then(|x| x.as_type()).is_some() => {
            Value::string(format!("{}.{}", o.as_obj().unwrap().type_name_str(), n.name))
        }
        _ => Value::str(n.name),
    })
}

fn native_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::Native(n)) = args[0].as_obj().map(|o| &o.payload) else { unreachable!() };
    Ok(if n.bound.is_null() { Value::NONE } else { n.bound.clone() })
}

fn native_module(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // A module-level function (`add_function`) names its module, as in CPython.
    if let Some(Payload::Native(n)) = args.first().and_then(|a| a.as_obj()).map(|o| &o.payload) {
        if let Some(m) = &n.owner {
            if matches!(m.as_obj().map(|o| &o.payload), Some(Payload::Module(_))) {
                return Ok(Value::string(crate::types::module::module_name(m)));
            }
        }
    }
    Ok(Value::str("builtins"))
}

/// `__reduce__` of builtin functions and method descriptors (for pickle): a
/// module-level function reduces to its name, a bound method or a method
/// descriptor to `getattr(self_or_class, name)`, as in CPython.
fn native_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::Native(n)) = args.first().and_then(|a| a.as_obj()).map(|o| &o.payload) else {
        return Err(crate::PyErr::type_error("__reduce__ needs a builtin function"));
    };
    let is_module = |v: &Value| matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Module(_)));
    let target = if !n.bound.is_null() && !is_module(&n.bound) {
        Some(n.bound.clone())
    } else {
        match &n.owner {
            Some(o) if o.as_obj().and_then(|x| x.as_type()).is_some() => Some(o.clone()),
            _ => None,
        }
    };
    match target {
        None => Ok(Value::str(n.name)),
        Some(t) => {
            let getattr = crate::types::dict::dict_get_str(&vm.builtins_dict, "getattr").unwrap_or(Value::NONE);
            Ok(Value::tuple(vec![getattr, Value::tuple(vec![t, Value::str(n.name)])]))
        }
    }
}

/// Builtin methods are equal when they wrap the same function and are
/// bound to the same object (`l.append == l.append`).
fn native_eq(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = args[0].as_obj().map(|o| &o.payload);
    let b = args.get(1).and_then(|v| v.as_obj()).map(|o| &o.payload);
    match (a, b) {
        (Some(Payload::Native(x)), Some(Payload::Native(y))) => Ok(Value::bool(
            x.func as usize == y.func as usize && x.name == y.name && x.bound.is(&y.bound),
        )),
        _ => Ok(types().not_implemented.clone()),
    }
}

fn native_hash(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::Native(n)) = args[0].as_obj().map(|o| &o.payload) else { unreachable!() };
    let h = (n.func as usize as i64).wrapping_mul(31) ^ if n.bound.is_null() { 0 } else { crate::ops::pointer_hash(&n.bound) };
    Ok(Value::int(if h == -1 { -2 } else { h }))
}

fn native_objclass(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::Native(n)) = args[0].as_obj().map(|o| &o.payload) else { unreachable!() };
    match &n.owner {
        Some(o) if o.as_obj().and_then(|x| x.as_type()).is_some() => Ok(o.clone()),
        _ => Err(PyErr::attribute_error("__objclass__")),
    }
}

fn native_doc(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(Payload::Native(n)) = args[0].as_obj().map(|o| &o.payload) else { unreachable!() };
    Ok(n.doc.map(Value::str).unwrap_or(Value::NONE))
}

// ------------------------------------------------------------------ property

fn property_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let co = args[0].as_obj().unwrap();
    Ok(Value::from_obj(PyObject::new(co, Payload::Property(RefCell::new([Value::NONE, Value::NONE, Value::NONE, Value::NONE, Value::NONE])))))
}

fn prop_cell(v: &Value) -> &RefCell<[Value; 5]> {
    match &v.as_obj().unwrap().payload {
        Payload::Property(p) => p,
        _ => panic!("property expected"),
    }
}

fn property_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_, fget, fset, fdel, doc] = bind("property", args, kw, &["self", "fget=", "fset=", "fdel=", "doc="])?;
    let fget = fget.unwrap_or(Value::NONE);
    let mut doc = doc.unwrap_or(Value::NONE);
    let mut getter_doc = false;
    if doc.is_none() && !fget.is_none() {
        if let Some(d) = vm.getattr_opt(&fget, &Value::str("__doc__"))? {
            getter_doc = !d.is_none();
            doc = d;
        }
    }
    let me = &args[0];
    let exact = crate::types::type_of(me).is(&types().property);
    let name = prop_cell(me).borrow()[4].clone();
    let stored_doc = if exact { doc.clone() } else { Value::NONE };
    let old = std::mem::replace(
        &mut *prop_cell(me).borrow_mut(),
        [fget, fset.unwrap_or(Value::NONE), fdel.unwrap_or(Value::NONE), stored_doc, name],
    );
    drop(old);
    if !exact {
        // A subclass keeps the doc in its instance dict: the subclass's own
        // `__doc__` would shadow the slot.
        if let Err(e) = vm.setattr(me, &Value::str("__doc__"), doc) {
            if getter_doc || !e.matches(&types().exc.attribute_error) {
                return Err(e);
            }
        }
    }
    Ok(Value::NONE)
}

fn property_copy(vm: &mut Vm, p: &Value, idx: usize, f: Value) -> PyResult<Value> {
    let mut parts = prop_cell(p).borrow().clone();
    // A doc taken from the old getter is taken from the new one instead.
    let getter_doc = if parts[0].is_none() || parts[3].is_none() {
        false
    } else {
        let old_get = parts[0].clone();
        match vm.getattr_opt(&old_get, &Value::str("__doc__"))? {
            Some(d) => d.is(&parts[3]),
            None => false,
        }
    };
    parts[idx] = f;
    if getter_doc && !parts[0].is_none() {
        parts[3] = Value::NONE;
    }
    let cls = crate::types::type_of(p);
    let np = vm.call(&cls, &[parts[0].clone(), parts[1].clone(), parts[2].clone(), parts[3].clone()])?;
    if let Some(Payload::Property(c)) = np.as_obj().map(|o| &o.payload) {
        let old = std::mem::replace(&mut c.borrow_mut()[4], parts[4].clone());
        drop(old);
    }
    Ok(np)
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    property_copy(vm, &args[0], 0, args[1].clone())
}
fn property_setter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    property_copy(vm, &args[0], 1, args[1].clone())
}
fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    property_copy(vm, &args[0], 2, args[1].clone())
}
fn property_fget(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(prop_cell(&args[0]).borrow()[0].clone())
}
fn property_fset(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(prop_cell(&args[0]).borrow()[1].clone())
}
fn property_fdel(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(prop_cell(&args[0]).borrow()[2].clone())
}
fn property_doc(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(prop_cell(&args[0]).borrow()[3].clone())
}
fn property_set_doc(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = if args[1].is_null() { Value::NONE } else { args[1].clone() };
    let old = std::mem::replace(&mut prop_cell(&args[0]).borrow_mut()[3], v);
    drop(old);
    Ok(Value::NONE)
}
/// Setter of a read-only member (`property.fget`...): CPython's message.
fn readonly_member(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("readonly attribute"))
}

fn property_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let obj = args.get(1).cloned().unwrap_or(Value::NONE);
    if obj.is_none() {
        return Ok(args[0].clone());
    }
    let owner = crate::types::type_of(&obj);
    crate::ops::attr::descr_get(vm, args[0].clone(), Some(&obj), &owner)
}

fn property_set(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__set__", &args[1..], kw, 2, 2)?;
    let f = prop_cell(&args[0]).borrow()[1].clone();
    if f.is_none() {
        let pname = property_name(vm, &args[0]);
        return Err(PyErr::attribute_error(format!(
            "property {pname}of '{}' object has no setter",
            type_ref(&args[1]).type_data().qualname.borrow()
        )));
    }
    vm.call(&f, &[args[1].clone(), args[2].clone()])
}

fn property_delete(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__delete__", &args[1..], kw, 1, 1)?;
    let f = prop_cell(&args[0]).borrow()[2].clone();
    if f.is_none() {
        let pname = property_name(vm, &args[0]);
        return Err(PyErr::attribute_error(format!(
            "property {pname}of '{}' object has no deleter",
            type_ref(&args[1]).type_data().qualname.borrow()
        )));
    }
    vm.call(&f, &[args[1].clone()])
}

fn property_isabstract(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fs: Vec<Value> = prop_cell(&args[0]).borrow()[..3].to_vec();
    for f in fs {
        if f.is_none() {
            continue;
        }
        if let Some(v) = vm.getattr_opt(&f, &Value::str("__isabstractmethod__"))? {
            if vm.truthy(&v)? {
                return Ok(Value::TRUE);
            }
        }
    }
    Ok(Value::FALSE)
}

fn callable_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let f = args.first().ok_or_else(|| PyErr::type_error("__call__ needs a callable"))?;
    vm.call_kw(f, &args[1..], kw)
}

fn property_set_name(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("__set_name__() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(PyErr::type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            args.len().saturating_sub(1)
        )));
    }
    prop_cell(&args[0]).borrow_mut()[4] = args[2].clone();
    Ok(Value::NONE)
}

// ------------------------------------------------ classmethod / staticmethod

fn wrapped(v: &Value) -> Value {
    match &v.as_obj().unwrap().payload {
        Payload::ClassMethod(f) | Payload::StaticMethod(f) => f.borrow().clone(),
        _ => Value::NONE,
    }
}

fn classmethod_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("classmethod", &args[1..], kw, 1, 1)?;
    let co = args[0].as_obj().unwrap();
    Ok(Value::from_obj(PyObject::new(co, Payload::ClassMethod(RefCell::new(args[1].clone())))))
}

fn staticmethod_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("staticmethod", &args[1..], kw, 1, 1)?;
    let co = args[0].as_obj().unwrap();
    Ok(Value::from_obj(PyObject::new(co, Payload::StaticMethod(RefCell::new(args[1].clone())))))
}

/// `classmethod.__init__` / `staticmethod.__init__`: copy the wrapped
/// callable's `__module__`, `__name__`, `__qualname__`, `__doc__` and
/// `__annotations__` into the wrapper's `__dict__` (as CPython 3.10+ does).
fn cm_init(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(me) = args.first() else { return Ok(Value::NONE) };
    let f = wrapped(me);
    wrap_attrs(vm, me, &f)?;
    Ok(Value::NONE)
}

fn wrap_attrs(vm: &mut Vm, me: &Value, f: &Value) -> PyResult<()> {
    let Some(o) = me.as_obj() else { return Ok(()) };
    for name in ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] {
        let Some(v) = vm.getattr_opt(f, &Value::str(name))? else { continue };
        let d = {
            let cur = o.dict.borrow().clone();
            match cur {
                Some(d) => d,
                None => {
                    let d = dict::new_dict();
                    *o.dict.borrow_mut() = Some(d.clone());
                    d
                }
            }
        };
        dict::dict_set_str(&d, name, v);
    }
    Ok(())
}

fn cm_func(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(wrapped(&args[0]))
}

fn cm_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let obj = args.get(1).cloned().unwrap_or(Value::NONE);
    let owner = match args.get(2) {
        Some(o) if !o.is_none() => o.clone(),
        _ => crate::types::type_of(&obj),
    };
    crate::ops::attr::descr_get(vm, args[0].clone(), if obj.is_none() { None } else { Some(&obj) }, &owner)
}

fn sm_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let f = wrapped(&args[0]);
    vm.call_kw(&f, &args[1..], kw)
}

fn cm_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let kind = match args[0].as_obj().map(|o| &o.payload) {
        Some(Payload::ClassMethod(_)) => "classmethod",
        _ => "staticmethod",
    };
    let inner = vm.repr_string(&wrapped(&args[0]))?;
    Ok(Value::string(format!("<{kind}({inner})>")))
}

fn wrapped_getattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // __doc__, __name__, __isabstractmethod__ ... come from the wrapped function.
    if let Some(v) = crate::ops::attr::generic_getattr(vm, &args[0], &args[1])? {
        return Ok(v);
    }
    let f = wrapped(&args[0]);
    vm.getattr(&f, &args[1])
}

fn cell_contents(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = crate::interp::eval::cell_get(&args[0]);
    if v.is_null() {
        return Err(PyErr::value_error("Cell is empty"));
    }
    Ok(v)
}

fn cell_set_contents(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    // NULL (from `del`) empties the cell.
    crate::interp::eval::cell_set(&args[0], args[1].clone());
    Ok(Value::NONE)
}

fn cell_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("cell() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("cell expected at most 1 argument, got {}", args.len() - 1)));
    }
    let v = args.get(1).cloned().unwrap_or(Value::NULL);
    Ok(Value::from_obj(PyObject::new(types().cell.as_obj().unwrap(), Payload::Cell(RefCell::new(v)))))
}

fn cell_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = crate::interp::eval::cell_get(&args[0]);
    if v.is_null() {
        return Ok(Value::string(format!("<cell at {:#x}: empty>", args[0].id())));
    }
    Ok(Value::string(format!("<cell at {:#x}: {} object at {:#x}>", args[0].id(), type_ref(&v).type_name_str(), v.id())))
}

/// Cells compare by contents; an empty cell is smaller than a full one.
fn cell_compare(vm: &mut Vm, args: &[Value], op: krait_compiler::opcodes::CmpOpKind) -> PyResult<Value> {
    if !matches!(args.get(1).and_then(|v| v.as_obj()).map(|o| &o.payload), Some(Payload::Cell(_))) {
        return Ok(types().not_implemented.clone());
    }
    let a = crate::interp::eval::cell_get(&args[0]);
    let b = crate::interp::eval::cell_get(&args[1]);
    match (a.is_null(), b.is_null()) {
        (false, false) => vm.compare(&a, &b, op),
        (ea, eb) => {
            // Empty sorts first: compare (full?) flags.
            let (x, y) = (!ea as i64, !eb as i64);
            Ok(Value::bool(crate::ops::arith::cmp_ord(x.cmp(&y), op)))
        }
    }
}
fn cell_eq(vm: &mut Vm, a: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cell_compare(vm, a, krait_compiler::opcodes::CmpOpKind::Eq)
}
fn cell_ne(vm: &mut Vm, a: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cell_compare(vm, a, krait_compiler::opcodes::CmpOpKind::Ne)
}
fn cell_lt(vm: &mut Vm, a: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cell_compare(vm, a, krait_compiler::opcodes::CmpOpKind::Lt)
}
fn cell_le(vm: &mut Vm, a: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cell_compare(vm, a, krait_compiler::opcodes::CmpOpKind::Le)
}
fn cell_gt(vm: &mut Vm, a: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cell_compare(vm, a, krait_compiler::opcodes::CmpOpKind::Gt)
}
fn cell_ge(vm: &mut Vm, a: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cell_compare(vm, a, krait_compiler::opcodes::CmpOpKind::Ge)
}

fn code_attr(args: &[Value]) -> Rc<VmCode> {
    as_code(&args[0]).unwrap()
}
fn code_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(code_attr(args).name.clone())
}
fn code_qualname(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(code_attr(args).qualname.clone())
}
fn code_filename(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(code_attr(args).filename.clone())
}
fn code_firstlineno(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(code_attr(args).code.firstlineno as i64))
}
fn code_argcount(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(code_attr(args).code.argcount as i64))
}
fn code_posonlyargcount(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(code_attr(args).code.posonlyargcount as i64))
}
fn code_kwonlyargcount(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(code_attr(args).code.kwonlyargcount as i64))
}
fn code_flags(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(code_attr(args).code.flags as i64))
}
fn code_varnames(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::tuple(code_attr(args).varnames.clone()))
}
fn code_nlocals(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(code_attr(args).nlocals as i64))
}
fn code_consts(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::tuple(code_attr(args).consts.clone()))
}
fn code_names(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::tuple(code_attr(args).names.clone()))
}
fn code_freevars(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = code_attr(args);
    Ok(Value::tuple(c.cell_names[c.ncells..].to_vec()))
}
fn code_cellvars(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = code_attr(args);
    Ok(Value::tuple(c.cell_names[..c.ncells].to_vec()))
}
fn code_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = code_attr(args);
    Ok(Value::string(format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.name.as_str().unwrap_or(""),
        args[0].id(),
        c.filename.as_str().unwrap_or(""),
        c.code.firstlineno
    )))
}

pub fn init(t: &Types) {
    let f = &t.function;
    add_method(f, "__repr__", func_repr);
    add_method(f, "__get__", func_get);
    add_getset(f, "__name__", func_get_name, Some(func_set_name));
    add_getset(f, "__qualname__", func_get_qualname, Some(func_set_qualname));
    add_getset(f, "__defaults__", func_get_defaults, Some(func_set_defaults));
    add_getset(f, "__kwdefaults__", func_get_kwdefaults, Some(func_set_kwdefaults));
    add_getset(f, "__doc__", func_get_doc, Some(func_set_doc));
    add_getset(f, "__module__", func_get_module, Some(func_set_module));
    add_getset(f, "__annotations__", func_get_annotations, Some(func_set_annotations));
    add_getset(f, "__code__", func_get_code, Some(func_set_code));
    add_getset(f, "__globals__", func_get_globals, None);
    add_getset(f, "__closure__", func_get_closure, None);
    add_getset(f, "__builtins__", func_get_builtins, None);
    let (g, s) = crate::types::object::dict_getset();
    add_getset(f, "__dict__", g, Some(s));
    f.as_obj().unwrap().type_data().has_instance_dict.set(true);
    let m = &t.method;
    add_method(m, "__repr__", method_repr);
    add_method(m, "__eq__", method_eq);
    add_method(m, "__hash__", method_hash);
    add_method(m, "__getattribute__", method_getattr);
    add_native(m, "__new__", method_new, NativeKind::StaticMethod);
    add_getset(m, "__func__", method_func, None);
    add_getset(m, "__doc__", method_doc, None);
    add_getset(m, "__self__", method_self, None);
    add_method(m, "__call__", callable_call);
    for nt in [&t.builtin_function, &t.method_descriptor, &t.classmethod_descriptor] {
        add_method(nt, "__repr__", native_repr);
        add_method(nt, "__get__", native_get);
        add_getset(nt, "__name__", native_name, None);
        add_getset(nt, "__qualname__", native_qualname, None);
        add_getset(nt, "__self__", native_self, None);
        add_getset(nt, "__module__", native_module, None);
        add_getset(nt, "__doc__", native_doc, None);
        add_method(nt, "__call__", callable_call);
        add_method(nt, "__reduce__", native_reduce);
        add_method(nt, "__eq__", native_eq);
        add_method(nt, "__hash__", native_hash);
    }
    for nt in [&t.builtin_function, &t.method_descriptor, &t.classmethod_descriptor] {
        add_getset(nt, "__objclass__", native_objclass, None);
    }
    let p = &t.property;
    add_native(p, "__new__", property_new, NativeKind::StaticMethod);
    add_method(p, "__init__", property_init);
    add_method(p, "getter", property_getter);
    add_method(p, "setter", property_setter);
    add_method(p, "deleter", property_deleter);
    add_method(p, "__get__", property_get);
    add_method(p, "__set__", property_set);
    add_method(p, "__delete__", property_delete);
    add_getset(p, "__isabstractmethod__", property_isabstract, None);
    add_method(f, "__call__", callable_call);
    add_method(p, "__set_name__", property_set_name);
    add_getset(p, "fget", property_fget, Some(readonly_member));
    add_getset(p, "fset", property_fset, Some(readonly_member));
    add_getset(p, "fdel", property_fdel, Some(readonly_member));
    add_getset(p, "__doc__", property_doc, Some(property_set_doc));
    for (ty, new) in [(&t.classmethod, classmethod_new as crate::object::NativeFn), (&t.staticmethod, staticmethod_new)] {
        add_native(ty, "__new__", new, NativeKind::StaticMethod);
        add_method(ty, "__init__", cm_init);
        add_method(ty, "__get__", cm_get);
        add_method(ty, "__getattribute__", wrapped_getattr);
        add_getset(ty, "__func__", cm_func, None);
        add_getset(ty, "__wrapped__", cm_func, None);
        ty.as_obj().unwrap().type_data().has_instance_dict.set(true);
        let (g, st) = crate::types::object::dict_getset();
        add_getset(ty, "__dict__", g, Some(st));
    }
    add_method(&t.staticmethod, "__call__", sm_call);
    add_method(&t.classmethod, "__repr__", cm_repr);
    add_method(&t.staticmethod, "__repr__", cm_repr);
    add_getset(&t.cell, "cell_contents", cell_contents, Some(cell_set_contents));
    add_native(&t.cell, "__new__", cell_new, NativeKind::StaticMethod);
    add_method(&t.cell, "__repr__", cell_repr);
    add_method(&t.cell, "__eq__", cell_eq);
    add_method(&t.cell, "__ne__", cell_ne);
    add_method(&t.cell, "__lt__", cell_lt);
    add_method(&t.cell, "__le__", cell_le);
    add_method(&t.cell, "__gt__", cell_gt);
    add_method(&t.cell, "__ge__", cell_ge);
    crate::types::add_attr(&t.cell, "__hash__", Value::NONE);
    let c = &t.code;
    add_method(c, "__repr__", code_repr);
    add_getset(c, "co_name", code_name, None);
    add_getset(c, "co_qualname", code_qualname, None);
    add_getset(c, "co_filename", code_filename, None);
    add_getset(c, "co_firstlineno", code_firstlineno, None);
    add_getset(c, "co_argcount", code_argcount, None);
    add_getset(c, "co_posonlyargcount", code_posonlyargcount, None);
    add_getset(c, "co_kwonlyargcount", code_kwonlyargcount, None);
    add_getset(c, "co_flags", code_flags, None);
    add_getset(c, "co_varnames", code_varnames, None);
    add_getset(c, "co_nlocals", code_nlocals, None);
    add_getset(c, "co_consts", code_consts, None);
    add_getset(c, "co_names", code_names, None);
    add_getset(c, "co_freevars", code_freevars, None);
    add_getset(c, "co_cellvars", code_cellvars, None);
    add_getset(c, "co_stacksize", code_stacksize, None);
    add_getset(c, "co_code", code_code, None);
    add_method(c, "co_positions", code_positions);
    add_method(c, "replace", code_replace);
    add_method(c, "co_lines", code_lines);
}

/// `code.replace(**changes)`: a copy with some attributes changed.
fn code_replace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() != kw.len() + 1 {
        return Err(PyErr::type_error("replace() takes no positional arguments"));
    }
    let c = code_attr(args);
    let mut co: krait_compiler::CodeObject = (*c.code).clone();
    let npos = args.len() - kw.len();
    for (k, v) in kw.iter().zip(&args[npos..]) {
        let key = k.as_str().unwrap_or("").to_string();
        let int = |vm: &mut Vm, v: &Value| -> PyResult<u32> {
            let i = vm.index_value(v)?;
            u32::try_from(i).map_err(|_| PyErr::value_error(format!("{key} must be a non-negative int")))
        };
        let text = |vm: &mut Vm, v: &Value| -> PyResult<std::rc::Rc<str>> { Ok(std::rc::Rc::from(vm.str_string(v)?.as_str())) };
        match key.as_str() {
            "co_flags" => co.flags = int(vm, v)?,
            "co_firstlineno" => co.firstlineno = int(vm, v)?,
            "co_name" => co.name = text(vm, v)?,
            "co_qualname" => co.qualname = text(vm, v)?,
            "co_filename" => co.filename = text(vm, v)?,
            "co_argcount" | "co_posonlyargcount" | "co_kwonlyargcount" | "co_nlocals" | "co_stacksize" | "co_code"
            | "co_consts" | "co_names" | "co_varnames" | "co_freevars" | "co_cellvars" | "co_linetable"
            | "co_exceptiontable" => {
                return Err(PyErr::value_error(format!("Krait cannot replace {key} of a code object")));
            }
            _ => return Err(PyErr::type_error(format!("'{key}' is an invalid keyword argument for replace()"))),
        }
    }
    Ok(new_code_object(VmCode::new(std::rc::Rc::new(co))))
}

fn code_stacksize(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(code_attr(args).code.max_stack as i64))
}

/// `co_code`: two bytes per instruction (opcode, low byte of the operand),
/// matching the offsets `co_positions`, `co_lines` and `tb_lasti` use. Krait's
/// opcodes are its own, not CPython's.
fn code_code(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = code_attr(args);
    let b: Vec<u8> = c.code.instrs.iter().flat_map(|i| [i.op as u8, i.arg as u8]).collect();
    Ok(Value::bytes(b))
}

/// `co_positions()`: (line, end_line, col, end_col) per instruction.
fn code_positions(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("co_positions", &args[1..], kw, 0, 0)?;
    let c = code_attr(args);
    let items: Vec<Value> = c
        .code
        .locations
        .iter()
        .map(|l| {
            if l.line == 0 {
                Value::tuple(vec![Value::NONE, Value::NONE, Value::NONE, Value::NONE])
            } else {
                Value::tuple(vec![
                    Value::int(l.line as i64),
                    Value::int(l.end_line as i64),
                    Value::int(l.col as i64),
                    Value::int(l.end_col as i64),
                ])
            }
        })
        .collect();
    vm.iter(&Value::list(items))
}

/// `co_lines()`: (start, end, line) byte ranges, consecutive instructions of
/// one line merged.
fn code_lines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("co_lines", &args[1..], kw, 0, 0)?;
    let c = code_attr(args);
    let mut out: Vec<(usize, usize, u32)> = Vec::new();
    for (i, l) in c.code.locations.iter().enumerate() {
        match out.last_mut() {
            Some(last) if last.2 == l.line && last.1 == 2 * i => last.1 = 2 * i + 2,
            _ => out.push((2 * i, 2 * i + 2, l.line)),
        }
    }
    let items: Vec<Value> = out
        .into_iter()
        .map(|(a, b, l)| Value::tuple(vec![Value::int(a as i64), Value::int(b as i64), if l == 0 { Value::NONE } else { Value::int(l as i64) }]))
        .collect();
    vm.iter(&Value::list(items))
}

/// CPython's `_PyObject_FunctionStr`: `module.qualname()` for callables with a
/// `__qualname__` (module omitted when it is `builtins` or missing), else
/// `str(callable)`. Used in call-argument error messages
/// ("__main__.f() argument after ** must be a mapping, not list").
pub fn function_str(vm: &mut Vm, f: &Value) -> String {
    let qual = match vm.getattr_opt(f, &Value::str("__qualname__")) {
        Ok(Some(q)) => q.as_str().map(|s| s.to_string()),
        _ => None,
    };
    let Some(qual) = qual else {
        return vm.str_string(f).unwrap_or_else(|_| "?".into());
    };
    let module = match vm.getattr_opt(f, &Value::str("__module__")) {
        Ok(Some(m)) => m.as_str().map(|s| s.to_string()),
        _ => None,
    };
    match module {
        Some(m) if m != "builtins" => format!("{m}.{qual}()"),
        _ => format!("{qual}()"),
    }
}
