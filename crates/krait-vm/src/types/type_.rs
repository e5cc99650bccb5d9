//! `type`: calling a class (`__new__` then `__init__`), creating classes
//! (`type.__new__`: C3 MRO, `__slots__`, layout checks, `__set_name__`,
//! `__init_subclass__`, the `__class__` cell), `__build_class__` behind the
//! `class` statement, type attributes, version tags, and `X | Y` unions and
//! `list[int]` generic aliases (as light objects).

use crate::args::bind;
use crate::interp::call::run_code;
use crate::object::{NativeKind, Obj, Payload, PyObject};
use crate::types::{self, add_getset, add_method, add_native, dict, lookup, type_of, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::cell::Cell;

/// Mark a type (and its subclasses) as changed: caches keyed on the version drop.
pub fn type_modified(t: &PyObject) {
    if let Some(td) = t.as_type() {
        // 0 = "no valid tag": the next lookup takes a fresh one (types/mod.rs).
        td.version.set(0);
        let subs: Vec<Obj> = td.subclasses.borrow().iter().filter_map(|w| w.upgrade()).collect();
        for s in subs {
            type_modified(&s);
        }
    }
}

/// Call a type object: `cls(*args, **kw)`.
pub fn call_type(vm: &mut Vm, cls: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let t = types();
    if cls.is(&t.type_) && args.len() == 1 && kw.is_empty() {
        return Ok(type_of(&args[0]));
    }
    let co = cls.as_obj().unwrap();
    let meta = co.ty();
    // A metaclass overriding __call__.
    if meta.type_data().heap {
        if let Some(c) = lookup(meta, "__call__") {
            if !matches!(c.as_obj().map(|o| &o.payload), Some(Payload::Native(n)) if n.name == "__call__") {
                return vm.call_unbound_kw(&c, cls, args, kw);
            }
        }
    }
    type_call_default(vm, cls, args, kw)
}

fn type_call_default(vm: &mut Vm, cls: &Value, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let co = cls.as_obj().unwrap();
    let new = lookup(co, "__new__").ok_or_else(|| PyErr::type_error(format!("cannot create '{}' instances", co.type_name_str())))?;
    let mut a = Vec::with_capacity(args.len() + 1);
    a.push(cls.clone());
    a.extend_from_slice(args);
    let new = match new.as_obj().map(|o| &o.payload) {
        Some(Payload::StaticMethod(f)) => f.borrow().clone(),
        Some(Payload::Function(_) | Payload::Native(_)) => new,
        // `__new__` is looked up as `cls.__new__` (a classmethod binds).
        _ if crate::ops::attr::has_descr_get(&new) => crate::ops::attr::descr_get(vm, new, None, cls)?,
        _ => new,
    };
    let obj = vm.call_kw(&new, &a, kw)?;
    if !types::is_instance(&obj, cls) {
        return Ok(obj);
    }
    // `type(name, bases, ns)` must not call __init__ with one argument form.
    let ot = type_ref(&obj);
    if let Some(init) = lookup(ot, "__init__") {
        let is_obj_init = matches!(init.as_obj().map(|o| &o.payload), Some(Payload::Native(n)) if n.name == "__init__" && n.owner.as_ref().map_or(false, |w| w.is(&types().object)));
        if !is_obj_init {
            let r = vm.call_unbound_kw(&init, &obj, args, kw)?;
            if !r.is_none() {
                return Err(PyErr::type_error(format!(
                    "__init__() should return None, not '{}'",
                    type_ref(&r).type_name_str()
                )));
            }
        } else if (args.len() > 0 || !kw.is_empty()) && lookup(ot, "__new__").map_or(false, |n| {
            matches!(n.as_obj().map(|o| &o.payload), Some(Payload::Native(x)) if x.name == "__new__" && x.owner.as_ref().map_or(false, |w| w.is(&types().object)))
        }) {
            return Err(PyErr::type_error(format!("{}() takes no arguments", ot.type_name_str())));
        }
    }
    Ok(obj)
}

/// C3 linearisation of `cls` with `bases`.
fn c3_mro(cls: &Obj, bases: &[Obj]) -> PyResult<Vec<Obj>> {
    let mut seqs: Vec<Vec<Obj>> = bases.iter().map(|b| b.type_data().mro.borrow().clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![cls.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            let in_tail = seqs.iter().any(|t| t[1..].iter().any(|x| Obj::ptr_eq(x, cand)));
            if !in_tail {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(next) = found else {
            let mut names: Vec<String> = Vec::new();
            for s in &seqs {
                let n = s[0].type_name_str();
                if !names.contains(&n) {
                    names.push(n);
                }
            }
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Obj::ptr_eq(&s[0], &next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// `type.__new__(meta, name, bases, namespace, **kwargs)`.
pub fn type_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    let meta = args[0].clone();
    if npos == 2 && kw.is_empty() {
        return Ok(type_of(&args[1]));
    }
    if npos != 4 {
        return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
    }
    let name = args[1].as_str().ok_or_else(|| PyErr::type_error(format!(
        "type.__new__() argument 1 must be str, not {}", type_ref(&args[1]).type_name_str())))?.to_string();
    if name.contains('\0') {
        return Err(PyErr::value_error("type name must not contain null characters"));
    }
    let bases_t = args[2].as_tuple().ok_or_else(|| PyErr::type_error(format!(
        "type.__new__() argument 2 must be tuple, not {}", type_ref(&args[2]).type_name_str())))?.to_vec();
    let ns = &args[3];
    if ns.as_dict().is_none() {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            type_ref(ns).type_name_str()
        )));
    }
    let t = types();
    let mut bases: Vec<Obj> = Vec::new();
    for b in &bases_t {
        let Some(bo) = b.to_obj().filter(|o| o.as_type().is_some()) else {
            return Err(PyErr::type_error(format!(
                "bases must be types"
            )));
        };
        if !bo.type_data().base_ok {
            return Err(PyErr::type_error(format!(
                "type '{}' is not an acceptable base type",
                bo.type_name_str()
            )));
        }
        bases.push(bo);
    }
    // The most derived metaclass decides; a different winner with its own
    // `__new__` takes over the creation.
    let mut winner = meta.clone();
    for b in &bases {
        let bt = type_of(&Value::from_obj(b.clone()));
        if types::is_subtype(&winner, &bt) {
            continue;
        }
        if types::is_subtype(&bt, &winner) {
            winner = bt;
            continue;
        }
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    if !winner.is(&meta) {
        if let Some(wo) = winner.as_obj() {
            if let Some(new) = lookup(wo, "__new__") {
                let is_type_new = matches!(new.as_obj().map(|o| &o.payload), Some(Payload::Native(n)) if n.name == "__new__" && n.owner.as_ref().map_or(false, |w| w.is(&t.type_)));
                if !is_type_new {
                    let new = match new.as_obj().map(|o| &o.payload) {
                        Some(Payload::StaticMethod(f)) => f.borrow().clone(),
                        _ => new,
                    };
                    let mut a = args.to_vec();
                    a[0] = winner.clone();
                    return vm.call_kw(&new, &a, kw);
                }
            }
        }
    }
    let meta = winner;
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| Obj::ptr_eq(x, b)) {
            return Err(PyErr::type_error(format!("duplicate base class {}", b.type_name_str())));
        }
    }
    if bases.is_empty() {
        bases.push(t.object.to_obj().unwrap());
    }
    // The most derived solid base decides the instance layout.
    let mut solid: *const PyObject = t.object.as_obj().unwrap();
    for b in &bases {
        let bs = b.type_data().solid_base.get();
        // SAFETY: solid bases are immortal builtin types.
        let (bs_ref, cur_ref) = unsafe { (&*bs, &*solid) };
        if types::is_subtype_ref(bs_ref, cur_ref) {
            solid = bs;
        } else if !types::is_subtype_ref(cur_ref, bs_ref) {
            return Err(PyErr::type_error("multiple bases have instance lay-out conflict"));
        }
    }
    // Namespace copy.
    let cls_dict = dict::new_dict();
    // A dict subclass (OrderedDict) gives its own order.
    let items = if type_of(ns).is(&t.dict) {
        ns.as_dict().unwrap().borrow().items()
    } else {
        let it = vm.call_method(ns, "items", &[])?;
        let mut out = Vec::new();
        for pair in vm.collect(&it)? {
            let kv = vm.collect(&pair)?;
            if kv.len() == 2 {
                out.push((kv[0].clone(), kv[1].clone()));
            }
        }
        out
    };
    let mut qualname = name.clone();
    let mut classcell = None;
    for (k, v) in items {
        match k.as_str() {
            Some("__qualname__") => {
                qualname = v.as_str().ok_or_else(|| PyErr::type_error(format!(
                    "type __qualname__ must be a str, not {}", type_ref(&v).type_name_str())))?.to_string();
                continue;
            }
            Some("__classcell__") => {
                classcell = Some(v);
                continue;
            }
            _ => {}
        }
        dict::dict_set(vm, &cls_dict, k, v)?;
    }
    // Special methods that are implicitly static/class methods.
    for (n, kind) in [("__new__", 0), ("__init_subclass__", 1), ("__class_getitem__", 1)] {
        if let Some(f) = dict::dict_get_str(&cls_dict, n) {
            if matches!(f.as_obj().map(|o| &o.payload), Some(Payload::Function(_))) {
                let wrapped = if kind == 0 {
                    crate::types::function::new_staticmethod(f)
                } else {
                    crate::types::function::new_classmethod(f)
                };
                dict::dict_set_str(&cls_dict, n, wrapped);
            }
        }
    }
    // Defining __eq__ without __hash__ makes instances unhashable.
    if dict::dict_get_str(&cls_dict, "__eq__").is_some() && dict::dict_get_str(&cls_dict, "__hash__").is_none() {
        dict::dict_set_str(&cls_dict, "__hash__", Value::NONE);
    }
    let meta_o = meta.as_obj().unwrap();
    let td = Box::new(crate::object::TypeData {
        name: std::cell::RefCell::new(name.clone()),
        qualname: std::cell::RefCell::new(qualname),
        bases: std::cell::RefCell::new(Vec::new()),
        mro: std::cell::RefCell::new(Vec::new()),
        dict: cls_dict.clone(),
        solid_base: Cell::new(solid),
        slot_names: std::cell::RefCell::new(Vec::new()),
        has_instance_dict: Cell::new(false),
        has_del: Cell::new(false),
        heap: true,
        base_ok: true,
        version: Cell::new(0),
        attr_flags: Cell::new((0, 0)),
        subclasses: std::cell::RefCell::new(Vec::new()),
    });
    let cls = PyObject::new(meta_o, Payload::Type(td));
    let td = cls.type_data();
    let mro = c3_mro(&cls, &bases)?;
    *td.mro.borrow_mut() = mro;
    // Slots and instance dicts.
    let mut slot_names: Vec<String> = Vec::new();
    for b in td.mro.borrow().iter().skip(1).rev() {
        for s in b.type_data().slot_names.borrow().iter() {
            if !slot_names.contains(s) {
                slot_names.push(s.clone());
            }
        }
    }
    let inherited_dict = bases.iter().any(|b| b.type_data().has_instance_dict.get());
    let mut has_dict = inherited_dict;
    let mut weak_slot = false;
    match dict::dict_get_str(&cls_dict, "__slots__") {
        Some(sl) => {
            let names: Vec<Value> = if sl.as_pystr().is_some() { vec![sl] } else { vm.collect(&sl)? };
            // Names this __slots__ already added (a repeated name gets a new slot, as in CPython).
            let mut added: Vec<String> = Vec::new();
            for n in names {
                let s = n.as_str().filter(|_| n.as_pystr().is_some()).ok_or_else(|| PyErr::type_error(format!(
                    "__slots__ items must be strings, not '{}'", type_ref(&n).type_name_str())))?.to_string();
                if !crate::text::strmethods::isidentifier(&s) {
                    return Err(PyErr::type_error("__slots__ must be identifiers"));
                }
                if s != "__dict__" && s != "__weakref__" {
                    // SAFETY: solid bases are immortal builtin types.
                    let solid_ref = unsafe { &*solid };
                    if [&t.int, &t.bytes, &t.tuple].iter().any(|v| v.as_obj().map_or(false, |o| std::ptr::eq(o, solid_ref))) {
                        return Err(PyErr::type_error(format!(
                            "nonempty __slots__ not supported for subtype of '{}'",
                            solid_ref.type_name_str()
                        )));
                    }
                }
                if s == "__dict__" {
                    has_dict = true;
                    continue;
                }
                if s == "__weakref__" {
                    weak_slot = true;
                    continue;
                }
                let mangled = if s.starts_with("__") && !s.ends_with("__") {
                    format!("_{}{}", name.trim_start_matches('_'), s)
                } else {
                    s.clone()
                };
                if !added.contains(&mangled) && dict::dict_get_str(&cls_dict, &mangled).is_some() {
                    return Err(PyErr::value_error(format!(
                        "'{s}' in __slots__ conflicts with class variable"
                    )));
                }
                added.push(mangled);
            }
            // CPython sorts the slots: `['b', 'a']` lays out like `['a', 'b']`.
            added.sort();
            for mangled in added {
                let index = slot_names.len();
                slot_names.push(mangled.clone());
                let d = Value::from_obj(PyObject::new(
                    types().member_descriptor.as_obj().unwrap(),
                    Payload::SlotDescriptor { name: mangled.clone(), index },
                ));
                dict::dict_set_str(&cls_dict, &mangled, d);
            }
        }
        None => {
            has_dict = true;
            weak_slot = true;
        }
    }
    // Builtin layouts that cannot carry a dict keep none unless a base had one.
    td.has_instance_dict.set(has_dict);
    *td.slot_names.borrow_mut() = slot_names;
    if has_dict && !inherited_dict && dict::dict_get_str(&cls_dict, "__dict__").is_none() {
        let (g, s) = crate::types::object::dict_getset();
        let gs = Value::from_obj(PyObject::new(
            types().getset_descriptor.as_obj().unwrap(),
            Payload::GetSet { name: "__dict__", get: g, set: Some(s) },
        ));
        dict::dict_set_str(&cls_dict, "__dict__", gs);
    }
    // `__weakref__`, added by the first class in a chain that supports weak
    // references (not for variable-size builtin layouts).
    let weak_inherited = td.mro.borrow().iter().skip(1).any(|b| dict::dict_get_str(&b.type_data().dict, "__weakref__").is_some());
    // SAFETY: solid bases are immortal builtin types.
    let solid_ref = unsafe { &*solid };
    let varsize = [&t.int, &t.str, &t.tuple, &t.bytes].iter().any(|v| v.as_obj().map_or(false, |o| std::ptr::eq(o, solid_ref)));
    if !weak_inherited && !varsize && weak_slot && dict::dict_get_str(&cls_dict, "__weakref__").is_none() {
        let gs = Value::from_obj(PyObject::new(
            types().getset_descriptor.as_obj().unwrap(),
            Payload::GetSet { name: "__weakref__", get: weakref_get, set: None },
        ));
        dict::dict_set_str(&cls_dict, "__weakref__", gs);
    }
    if dict::dict_get_str(&cls_dict, "__doc__").is_none() {
        dict::dict_set_str(&cls_dict, "__doc__", Value::NONE);
    }
    if dict::dict_get_str(&cls_dict, "__module__").is_none() {
        let m = vm_current_module_name(vm);
        dict::dict_set_str(&cls_dict, "__module__", m);
    }
    let has_del = dict::dict_get_str(&cls_dict, "__del__").is_some() || bases.iter().any(|b| b.type_data().has_del.get());
    td.has_del.set(has_del);
    for b in &bases {
        b.type_data().subclasses.borrow_mut().push(std::rc::Rc::downgrade(&cls));
    }
    *td.bases.borrow_mut() = bases;
    let cls_v = Value::from_obj(cls.clone());
    // Member and getset descriptors know their name and class (`__objclass__`, repr).
    for (k, v) in cls_dict.as_dict().unwrap().borrow().items() {
        if let Some(o) = v.as_obj() {
            if matches!(o.payload, Payload::SlotDescriptor { .. } | Payload::GetSet { .. }) && o.dict.borrow().is_none() {
                let d = dict::new_dict();
                dict::dict_set_str(&d, "__name__", k.clone());
                dict::dict_set_str(&d, "__objclass__", cls_v.clone());
                *o.dict.borrow_mut() = Some(d);
            }
        }
    }
    if let Some(cell) = classcell {
        match cell.as_obj().map(|o| &o.payload) {
            Some(Payload::Cell(c)) => {
                *c.borrow_mut() = cls_v.clone();
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "__classcell__ must be a nonlocal cell, not {}",
                    type_ref(&cell).type_name_str()
                )))
            }
        }
    }
    // A metaclass may compute the MRO itself (`__mro__` is None meanwhile).
    if meta_o.type_data().heap && lookup(meta_o, "mro").map_or(false, |m| !matches!(m.as_obj().map(|o| &o.payload), Some(Payload::Native(n)) if n.name == "mro")) {
        let c3 = std::mem::take(&mut *td.mro.borrow_mut());
        type_modified(&cls);
        match custom_mro(vm, &cls)? {
            Some(mro) => *td.mro.borrow_mut() = mro,
            None => *td.mro.borrow_mut() = c3,
        }
    }
    // Writes above happened after the object existed: invalidate its tag.
    type_modified(&cls);
    // __set_name__ on descriptors.
    // Copy the items out first: __set_name__ may change the class dict.
    let items = cls_dict.as_dict().unwrap().borrow().items();
    for (k, v) in items {
        if let Some(f) = lookup(type_ref(&v), "__set_name__") {
            if let Err(e) = vm.call(&f, &[v.clone(), cls_v.clone(), k.clone()]) {
                return Err(e);
            }
        }
    }
    // super().__init_subclass__(**kwargs)
    let mro: Vec<Obj> = td.mro.borrow().clone();
    for base in mro.iter().skip(1) {
        if let Some(f) = dict::dict_get_str(&base.type_data().dict, "__init_subclass__") {
            let bound = crate::ops::attr::descr_get(vm, f, None, &cls_v)?;
            let kwvals: Vec<Value> = args[npos..].to_vec();
            vm.call_kw(&bound, &kwvals, kw)?;
            break;
        }
    }
    Ok(cls_v)
}

fn vm_current_module_name(vm: &mut Vm) -> Value {
    let name = vm
        .current_frame()
        .and_then(|f| f.globals.as_dict().map(|_| f.globals.clone()))
        .and_then(|g| dict::dict_get_str(&g, "__name__"));
    name.unwrap_or_else(|| Value::str("builtins"))
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
pub fn build_class(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if npos < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let func = args[0].clone();
    let name = args[1].clone();
    let orig_bases: Vec<Value> = args[2..npos].to_vec();
    // PEP 560: __mro_entries__.
    let mut bases = Vec::new();
    let mut changed = false;
    for b in &orig_bases {
        if b.as_obj().and_then(|o| o.as_type()).is_none() {
            if let Some(me) = vm.getattr_opt(b, &Value::str("__mro_entries__"))? {
                let r = vm.call(&me, &[Value::tuple(orig_bases.clone())])?;
                let entries = r.as_tuple().ok_or_else(|| PyErr::type_error("__mro_entries__ must return a tuple"))?;
                bases.extend(entries.iter().cloned());
                changed = true;
                continue;
            }
        }
        bases.push(b.clone());
    }
    let mut meta: Option<Value> = None;
    let mut kwnames = Vec::new();
    let mut kwvals = Vec::new();
    for (i, k) in kw.iter().enumerate() {
        if k.as_str() == Some("metaclass") {
            meta = Some(args[npos + i].clone());
        } else {
            kwnames.push(k.clone());
            kwvals.push(args[npos + i].clone());
        }
    }
    let is_class = meta.as_ref().map_or(true, |m| m.as_obj().and_then(|o| o.as_type()).is_some());
    let mut meta = meta.unwrap_or_else(|| match bases.first() {
        Some(b) => type_of(b),
        None => types().type_.clone(),
    });
    if is_class {
        // The most derived metaclass.
        for b in &bases {
            let bt = type_of(b);
            if types::is_subtype(&meta, &bt) {
                continue;
            }
            if types::is_subtype(&bt, &meta) {
                meta = bt;
                continue;
            }
            return Err(PyErr::type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
    }
    let bases_t = Value::tuple(bases.clone());
    let ns = match vm.getattr_opt(&meta, &Value::str("__prepare__"))? {
        Some(prep) => {
            let mut a = vec![name.clone(), bases_t.clone()];
            a.extend(kwvals.iter().cloned());
            vm.call_kw(&prep, &a, &kwnames)?
        }
        None => dict::new_dict(),
    };
    let (code, globals, closure) = match func.as_obj().map(|o| &o.payload) {
        Some(Payload::Function(fd)) => (fd.code.clone(), fd.globals.clone(), fd.closure.clone()),
        _ => return Err(PyErr::type_error("__build_class__: func must be a function")),
    };
    let cell = run_code(vm, code, globals, ns.clone(), Some(&closure))?;
    if changed {
        vm.setitem(&ns, &Value::str("__orig_bases__"), Value::tuple(orig_bases))?;
    }
    let a_name = name.clone();
    let mut a = vec![name, bases_t, ns];
    a.extend(kwvals);
    let cls = vm.call_kw(&meta, &a, &kwnames)?;
    if let Some(Payload::Cell(c)) = cell.as_obj().map(|o| &o.payload) {
        let cur = c.borrow().clone();
        if !cur.is(&cls) && cls.as_obj().and_then(|o| o.as_type()).is_some() {
            let name_r = vm.repr_string(&a_name)?;
            let cls_r = vm.repr_string(&cls)?;
            if cur.is_null() {
                return Err(PyErr::runtime_error(format!(
                    "__class__ not set defining {name_r} as {cls_r}. Was __classcell__ propagated to type.__new__?"
                )));
            }
            let cur_r = vm.repr_string(&cur)?;
            return Err(PyErr::type_error(format!("__class__ set to {cur_r} defining {name_r} as {cls_r}")));
        }
    }
    Ok(cls)
}

fn type_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = args[0].as_obj().unwrap();
    let td = o.type_data();
    let module = dict::dict_get_str(&td.dict, "__module__").and_then(|m| m.as_str().map(|s| s.to_string()));
    let q = td.qualname.borrow().clone();
    Ok(Value::string(match module {
        Some(m) if m != "builtins" => format!("<class '{m}.{q}'>"),
        _ => format!("<class '{q}'>"),
    }))
}

fn type_call_m(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    type_call_default(vm, &args[0], &args[1..], kw)
}

fn type_mro(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = args[0].to_obj().ok_or_else(|| PyErr::type_error("type expected"))?;
    let (heap, bases) = {
        let td = o.type_data();
        (td.heap, td.bases.borrow().clone())
    };
    if heap && !bases.is_empty() {
        let mro = c3_mro(&o, &bases)?;
        return Ok(Value::list(mro.into_iter().map(Value::from_obj).collect()));
    }
    let r: Vec<Value> = o.type_data().mro.borrow().iter().map(|m| Value::from_obj(m.clone())).collect();
    Ok(Value::list(r))
}

/// The MRO from a metaclass's own `mro()` (None when it keeps `type.mro`),
/// checked as CPython checks it: classes only, with compatible layouts.
fn custom_mro(vm: &mut Vm, cls: &Obj) -> PyResult<Option<Vec<Obj>>> {
    let meta = cls.ty();
    if !meta.type_data().heap {
        return Ok(None);
    }
    let Some(m) = lookup(meta, "mro") else { return Ok(None) };
    if matches!(m.as_obj().map(|o| &o.payload), Some(Payload::Native(n)) if n.name == "mro") {
        return Ok(None);
    }
    let cls_v = Value::from_obj(cls.clone());
    let r = vm.call_unbound(&m, &cls_v, &[])?;
    let items = vm.collect(&r)?;
    let solid = cls.type_data().solid_base.get();
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        let Some(io) = it.to_obj().filter(|o| o.as_type().is_some()) else {
            return Err(PyErr::type_error(format!("mro() returned a non-class ('{}')", type_ref(&it).type_name_str())));
        };
        let isolid = io.type_data().solid_base.get();
        // SAFETY: solid bases are immortal builtin types (or the class itself).
        let ok = std::ptr::eq(&*io, &**cls) || unsafe { types::is_subtype_ref(&*solid, &*isolid) };
        if !ok {
            return Err(PyErr::type_error(format!("mro() returned base with unsuitable layout ('{}')", io.type_name_str())));
        }
        out.push(io);
    }
    Ok(Some(out))
}

fn type_get_mro(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let td = args[0].as_obj().unwrap().type_data();
    if td.mro.borrow().is_empty() {
        return Ok(Value::NONE);
    }
    Ok(Value::tuple(td.mro.borrow().iter().map(|m| Value::from_obj(m.clone())).collect()))
}

/// `cls.__bases__ = (...)`: for classes made by `class` statements.
fn type_set_bases(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = args[0].to_obj().ok_or_else(|| PyErr::type_error("type expected"))?;
    let td = o.type_data();
    let name = td.name.borrow().clone();
    if !td.heap {
        return Err(PyErr::type_error(format!("cannot set '__bases__' attribute of immutable type '{name}'")));
    }
    let v = &args[1];
    if v.is_null() {
        return Err(PyErr::type_error(format!("cannot delete '__bases__' attribute of immutable type '{name}'")));
    }
    let Some(items) = v.as_tuple() else {
        return Err(PyErr::type_error(format!("can only assign tuple to {name}.__bases__, not {}", type_ref(v).type_name_str())));
    };
    if items.is_empty() {
        return Err(PyErr::type_error(format!("can only assign non-empty tuple to {name}.__bases__, not ()")));
    }
    let mut bases = Vec::new();
    for b in items {
        let Some(bo) = b.to_obj().filter(|x| x.as_type().is_some()) else {
            return Err(PyErr::type_error(format!("{name}.__bases__ must be tuple of classes, not '{}'", type_ref(b).type_name_str())));
        };
        if bo.type_data().mro.borrow().iter().any(|m| std::rc::Rc::ptr_eq(m, &o)) {
            return Err(PyErr::type_error("a __bases__ item causes an inheritance cycle"));
        }
        bases.push(bo);
    }
    let new_solid = bases[0].type_data().solid_base.get();
    if td.solid_base.get() != new_solid && !std::ptr::eq(td.solid_base.get(), &*o) {
        let old = bases.first().map(|b| b.type_data().name.borrow().clone()).unwrap_or_default();
        return Err(PyErr::type_error(format!("__bases__ assignment: '{old}' deallocator differs from '{name}'")));
    }
    let mro = c3_mro(&o, &bases)?;
    let set_bases = bases.clone();
    let old_bases = std::mem::replace(&mut *td.bases.borrow_mut(), bases);
    let old_mro = std::mem::replace(&mut *td.mro.borrow_mut(), mro);
    let same = |a: &[Obj], b: &[Obj]| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| std::rc::Rc::ptr_eq(x, y));
    let custom = custom_mro(vm, &o);
    let cur_bases = td.bases.borrow().clone();
    let unchanged = same(&cur_bases, &set_bases);
    if let Err(e) = custom {
        if unchanged {
            // Undo, unless a reentrant assignment already replaced them.
            *td.bases.borrow_mut() = old_bases;
            *td.mro.borrow_mut() = old_mro;
            type_modified(&o);
            return Err(e);
        }
        for b in &old_bases {
            if !cur_bases.iter().any(|c| std::rc::Rc::ptr_eq(c, b)) {
                b.type_data().subclasses.borrow_mut().retain(|w| w.upgrade().map_or(false, |x| !std::rc::Rc::ptr_eq(&x, &o)));
            }
        }
        type_modified(&o);
        return Err(e);
    }
    if let (Ok(Some(m)), true) = (custom, unchanged) {
        *td.mro.borrow_mut() = m;
    }
    // Move `o` from the old bases' subclass lists to the new ones'.
    for b in &old_bases {
        if !cur_bases.iter().any(|c| std::rc::Rc::ptr_eq(c, b)) {
            b.type_data().subclasses.borrow_mut().retain(|w| w.upgrade().map_or(false, |x| !std::rc::Rc::ptr_eq(&x, &o)));
        }
    }
    for b in &cur_bases {
        let present = b.type_data().subclasses.borrow().iter().any(|w| w.upgrade().map_or(false, |x| std::rc::Rc::ptr_eq(&x, &o)));
        if !present {
            b.type_data().subclasses.borrow_mut().push(std::rc::Rc::downgrade(&o));
        }
    }
    drop(old_bases);
    drop(old_mro);
    type_modified(&o);
    // Subclasses inherit the new order.
    let mut todo: Vec<Obj> = td.subclasses.borrow().iter().filter_map(|w| w.upgrade()).collect();
    let mut seen = 0usize;
    while let Some(sub) = todo.pop() {
        seen += 1;
        if seen > 100_000 {
            break;
        }
        let sbases = sub.type_data().bases.borrow().clone();
        if let Ok(m) = c3_mro(&sub, &sbases) {
            let m = match custom_mro(vm, &sub)? {
                Some(c) => c,
                None => m,
            };
            let old = std::mem::replace(&mut *sub.type_data().mro.borrow_mut(), m);
            drop(old);
        }
        type_modified(&sub);
        todo.extend(sub.type_data().subclasses.borrow().iter().filter_map(|w| w.upgrade()));
    }
    Ok(Value::NONE)
}

fn type_get_bases(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let td = args[0].as_obj().unwrap().type_data();
    Ok(Value::tuple(td.bases.borrow().iter().map(|m| Value::from_obj(m.clone())).collect()))
}

/// The type whose instance layout `t` uses (CPython's `solid_base`): a
/// class that adds `__slots__` is its own, others use their base's.
fn layout_base(t: &Obj) -> *const PyObject {
    let td = t.type_data();
    if td.heap {
        let own = td.slot_names.borrow().len();
        let inherited = td.bases.borrow().iter().map(|b| b.type_data().slot_names.borrow().len()).max().unwrap_or(0);
        if own > inherited {
            return &**t as *const PyObject;
        }
    }
    td.solid_base.get()
}

fn type_get_base(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let td = args[0].as_obj().unwrap().type_data();
    let bases = td.bases.borrow().clone();
    // CPython's `best_base`: the base with the most derived layout.
    let mut best: Option<(Obj, *const PyObject)> = None;
    for b in bases {
        let cand = layout_base(&b);
        match &best {
            None => best = Some((b, cand)),
            Some((_, w)) => {
                // SAFETY: layout bases are live types (immortal builtins or a base of this class).
                let (wr, cr) = unsafe { (&**w, &*cand) };
                if !types::is_subtype_ref(wr, cr) && types::is_subtype_ref(cr, wr) {
                    best = Some((b, cand));
                }
            }
        }
    }
    Ok(best.map(|(b, _)| Value::from_obj(b)).unwrap_or(Value::NONE))
}

fn type_get_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::string(args[0].as_obj().unwrap().type_data().name.borrow().clone()))
}

fn type_set_name(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = args[1].as_str().ok_or_else(|| PyErr::type_error("can only assign string to __name__"))?;
    *args[0].as_obj().unwrap().type_data().name.borrow_mut() = s.to_string();
    Ok(Value::NONE)
}

fn type_get_qualname(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::string(args[0].as_obj().unwrap().type_data().qualname.borrow().clone()))
}

fn type_set_qualname(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let s = args[1].as_str().ok_or_else(|| PyErr::type_error("can only assign string to __qualname__"))?;
    *args[0].as_obj().unwrap().type_data().qualname.borrow_mut() = s.to_string();
    Ok(Value::NONE)
}

fn type_get_module(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let td = args[0].as_obj().unwrap().type_data();
    Ok(dict::dict_get_str(&td.dict, "__module__").unwrap_or_else(|| Value::str("builtins")))
}

/// Setting `__module__` / `__doc__` on a class writes its dict.
fn type_set_in_dict(args: &[Value], key: &str) -> PyResult<Value> {
    let o = args[0].as_obj().ok_or_else(|| PyErr::type_error("type expected"))?;
    let td = o.type_data();
    if !td.heap {
        return Err(PyErr::type_error(format!("cannot set '{key}' attribute of immutable type '{}'", td.name.borrow())));
    }
    if args[1].is_null() {
        return Err(PyErr::type_error(format!("cannot delete '{key}' attribute of immutable type '{}'", td.name.borrow())));
    }
    dict::dict_set_str(&td.dict, key, args[1].clone());
    type_modified(args[0].as_obj().unwrap());
    type_modified(o);
    Ok(Value::NONE)
}

fn type_set_module(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    type_set_in_dict(args, "__module__")
}

fn type_set_doc(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    type_set_in_dict(args, "__doc__")
}

fn type_set_annotations(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    type_set_in_dict(args, "__annotations__")
}

fn type_get_dict(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let td = args[0].as_obj().unwrap().type_data();
    Ok(Value::from_obj(PyObject::new(types().mappingproxy.as_obj().unwrap(), Payload::MappingProxy(td.dict.clone()))))
}

fn type_get_doc(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let td = args[0].as_obj().unwrap().type_data();
    let d = dict::dict_get_str(&td.dict, "__doc__").unwrap_or(Value::NONE);
    crate::ops::attr::descr_get(vm, d, None, &args[0])
}

fn type_subclasses(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let td = args[0].as_obj().unwrap().type_data();
    let subs: Vec<Value> = td.subclasses.borrow().iter().filter_map(|w| w.upgrade()).map(Value::from_obj).collect();
    Ok(Value::list(subs))
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let _ = vm;
    Ok(Value::bool(types::is_instance(&args[1], &args[0])))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args[1].as_obj().and_then(|o| o.as_type()).is_none() {
        let _ = vm;
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    Ok(Value::bool(types::is_subtype(&args[1], &args[0])))
}

fn type_prepare(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(dict::new_dict())
}

fn type_init(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn type_or(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_union(vm, &args[0], &args[1])
}

fn type_ror(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_union(vm, &args[1], &args[0])
}

fn type_get_abstract(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let td = args[0].as_obj().unwrap().type_data();
    // `type`'s own dict holds this very getset, which is not a value.
    dict::dict_get_str(&td.dict, "__abstractmethods__")
        .filter(|v| !matches!(v.as_obj().map(|o| &o.payload), Some(Payload::GetSet { .. })))
        .ok_or_else(|| PyErr::attribute_error("__abstractmethods__"))
}

fn type_set_abstract(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let td = args[0].as_obj().unwrap().type_data();
    dict::dict_set_str(&td.dict, "__abstractmethods__", args[1].clone());
    type_modified(args[0].as_obj().unwrap());
    Ok(Value::NONE)
}

fn type_get_annotations(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let td = args[0].as_obj().unwrap().type_data();
    match dict::dict_get_str(&td.dict, "__annotations__") {
        Some(a) => Ok(a),
        None => {
            if !td.heap {
                return Err(PyErr::attribute_error(format!("type object '{}' has no attribute '__annotations__'", td.name.borrow())));
            }
            let d = dict::new_dict();
            dict::dict_set(vm, &td.dict, Value::str("__annotations__"), d.clone())?;
            type_modified(args[0].as_obj().unwrap());
            Ok(d)
        }
    }
}

// ---------------------------------------------------------- unions, aliases

/// Python-visible types for `int | str` and `list[int]` are created lazily
/// as plain classes in the `types` registry-less way: we keep them simple
/// objects of the opaque type with a tuple payload in their dict.
pub fn is_union(v: &Value) -> bool {
    v.as_obj().map_or(false, |o| o.type_name() == "UnionType")
}

pub fn union_args(v: &Value) -> Vec<Value> {
    v.as_obj()
        .and_then(|o| o.dict.borrow().clone())
        .and_then(|d| dict::dict_get_str(&d, "__args__"))
        .and_then(|a| a.as_tuple().map(|t| t.to_vec()))
        .unwrap_or_default()
}

pub fn union_instancecheck(vm: &mut Vm, u: &Value, v: &Value) -> PyResult<bool> {
    for a in union_args(u) {
        if a.is_none() {
            if v.is_none() {
                return Ok(true);
            }
            continue;
        }
        if vm.isinstance(v, &a)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn helper_class(name: &str) -> Value {
    static CACHE: crate::gil::GilCell<std::cell::RefCell<Vec<(String, Value)>>> = crate::gil::GilCell::new(std::cell::RefCell::new(Vec::new()));
    CACHE.with(|c| {
        if let Some((_, v)) = c.borrow().iter().find(|(n, _)| n == name) {
            return v.clone();
        }
        let t = types();
        let d = dict::new_dict();
        let td = crate::types::new_type_data_pub(name, d, true);
        let cls = PyObject::new(t.type_.as_obj().unwrap(), Payload::Type(td));
        let obj = t.object.to_obj().unwrap();
        cls.type_data().solid_base.set(t.object.as_obj().unwrap());
        cls.type_data().has_instance_dict.set(true);
        *cls.type_data().mro.borrow_mut() = vec![cls.clone(), obj.clone()];
        *cls.type_data().bases.borrow_mut() = vec![obj];
        let v = Value::from_obj(cls);
        dict::dict_set_str(&d_of(&v), "__module__", Value::str("types"));
        add_method(&v, "__repr__", alias_repr);
        add_method(&v, "__eq__", alias_eq);
        add_method(&v, "__hash__", alias_hash);
        add_method(&v, "__or__", type_or);
        add_method(&v, "__ror__", type_ror);
        add_method(&v, "__call__", alias_call);
        add_method(&v, "__getitem__", alias_getitem);
        add_method(&v, "__mro_entries__", alias_mro_entries);
        add_method(&v, "__instancecheck__", alias_instancecheck);
        add_method(&v, "__subclasscheck__", alias_subclasscheck);
        if name == "GenericAlias" {
            crate::types::add_native(&v, "__new__", alias_new, crate::object::NativeKind::StaticMethod);
            add_method(&v, "__getattr__", alias_getattr);
        }
        c.borrow_mut().push((name.to_string(), v.clone()));
        v
    })
}

fn d_of(v: &Value) -> Value {
    v.as_obj().unwrap().type_data().dict.clone()
}

fn new_helper(kind: &str, attrs: &[(&str, Value)]) -> Value {
    let cls = helper_class(kind);
    let o = PyObject::new(cls.as_obj().unwrap(), Payload::Object);
    let d = dict::new_dict();
    for (k, v) in attrs {
        dict::dict_set_str(&d, k, v.clone());
    }
    *o.dict.borrow_mut() = Some(d);
    Value::from_obj(o)
}

fn make_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let ok = |v: &Value| v.is_none() || v.as_obj().and_then(|o| o.as_type()).is_some() || is_union(v) || v.as_obj().map_or(false, |o| o.type_name() == "GenericAlias");
    if !ok(a) || !ok(b) {
        return Ok(types().not_implemented.clone());
    }
    let mut args: Vec<Value> = Vec::new();
    for x in [a, b] {
        let items = if is_union(x) { union_args(x) } else { vec![x.clone()] };
        for i in items {
            let mut dup = false;
            for e in &args {
                if vm.eq(e, &i)? {
                    dup = true;
                }
            }
            if !dup {
                args.push(i);
            }
        }
    }
    if args.len() == 1 {
        return Ok(args.pop().unwrap());
    }
    Ok(new_helper("UnionType", &[("__args__", Value::tuple(args))]))
}

/// `list[int]` and friends: a `types.GenericAlias`. `__parameters__` are the
/// type variables among the arguments (objects with `__typing_subst__`) and
/// those of nested aliases, in order of first appearance.
pub fn generic_alias(vm: &mut Vm, origin: &Value, params: &Value) -> PyResult<Value> {
    let items: Vec<Value> = match params.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![params.clone()],
    };
    let mut parameters: Vec<Value> = Vec::new();
    for a in &items {
        if a.as_obj().and_then(|o| o.as_type()).is_some() {
            continue;
        }
        if vm.getattr_opt(a, &Value::str("__typing_subst__"))?.is_some() {
            if !parameters.iter().any(|p| p.is(a)) {
                parameters.push(a.clone());
            }
        } else if let Some(ps) = vm.getattr_opt(a, &Value::str("__parameters__"))? {
            if let Some(t) = ps.as_tuple() {
                for p in t {
                    if !parameters.iter().any(|q| q.is(p)) {
                        parameters.push(p.clone());
                    }
                }
            }
        }
    }
    Ok(new_helper(
        "GenericAlias",
        &[("__origin__", origin.clone()), ("__args__", Value::tuple(items)), ("__parameters__", Value::tuple(parameters))],
    ))
}

/// `types.GenericAlias(origin, args)`.
fn alias_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(PyErr::type_error("GenericAlias() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(PyErr::type_error(format!("GenericAlias expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let ga = generic_alias(vm, &args[1], &args[2])?;
    // A subclass of GenericAlias gets instances of its own class.
    if let (Some(cls), Some(o)) = (args[0].as_obj().filter(|c| c.as_type().is_some()), ga.as_obj()) {
        if !std::ptr::eq(cls, o.ty()) && types::is_subtype_ref(cls, o.ty()) && cls.type_data().has_instance_dict.get() {
            o.set_ty(cls);
        }
    }
    Ok(ga)
}

/// Attributes not found on an alias come from its origin (`list[int].__name__`).
fn alias_getattr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let name = args.get(1).cloned().unwrap_or(Value::NONE);
    let n = name.as_str().unwrap_or("");
    const OWN: &[&str] = &["__class__", "__origin__", "__args__", "__unpacked__", "__parameters__", "__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__"];
    if OWN.contains(&n) {
        return Err(PyErr::attribute_error(format!("'types.GenericAlias' object has no attribute '{n}'")));
    }
    let origin = alias_field(&args[0], "__origin__");
    vm.getattr(&origin, &name)
}

fn alias_field(v: &Value, name: &str) -> Value {
    v.as_obj().and_then(|o| o.dict.borrow().clone()).and_then(|d| dict::dict_get_str(&d, name)).unwrap_or(Value::NONE)
}

fn type_repr_short(vm: &mut Vm, v: &Value) -> PyResult<String> {
    if v.is_none() {
        return Ok("None".into());
    }
    if let Some(td) = v.as_obj().and_then(|o| o.as_type()) {
        let module = dict::dict_get_str(&td.dict, "__module__").and_then(|m| m.as_str().map(|s| s.to_string()));
        let q = td.qualname.borrow().clone();
        return Ok(match module {
            Some(m) if m != "builtins" => format!("{m}.{q}"),
            _ => q,
        });
    }
    if v.is(&types().ellipsis) {
        return Ok("...".into());
    }
    vm.repr_string(v)
}

fn alias_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[0];
    if is_union(v) {
        let mut parts = Vec::new();
        for a in union_args(v) {
            parts.push(type_repr_short(vm, &a)?);
        }
        return Ok(Value::string(parts.join(" | ")));
    }
    let origin = alias_field(v, "__origin__");
    let a = alias_field(v, "__args__");
    let mut parts = Vec::new();
    for x in a.as_tuple().map(|t| t.to_vec()).unwrap_or_default() {
        parts.push(type_repr_short(vm, &x)?);
    }
    let o = type_repr_short(vm, &origin)?;
    Ok(Value::string(format!("{o}[{}]", if parts.is_empty() { "()".to_string() } else { parts.join(", ") })))
}

fn alias_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = (&args[0], &args[1]);
    if type_ref(a).type_name_str() != type_ref(b).type_name_str() {
        return Ok(types().not_implemented.clone());
    }
    if is_union(a) {
        let (x, y) = (union_args(a), union_args(b));
        if x.len() != y.len() {
            return Ok(Value::FALSE);
        }
        for i in &x {
            let mut found = false;
            for j in &y {
                if vm.eq(i, j)? {
                    found = true;
                }
            }
            if !found {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    let eo = vm.eq(&alias_field(a, "__origin__"), &alias_field(b, "__origin__"))?;
    let ea = vm.eq(&alias_field(a, "__args__"), &alias_field(b, "__args__"))?;
    Ok(Value::bool(eo && ea))
}

fn alias_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let h1 = vm.hash(&alias_field(&args[0], "__origin__"))?;
    let h2 = vm.hash(&alias_field(&args[0], "__args__"))?;
    Ok(Value::int(h1 ^ h2))
}

fn alias_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let origin = alias_field(&args[0], "__origin__");
    vm.call_kw(&origin, &args[1..], kw)
}

/// `alias[...]`: substitute the alias's type variables.
fn alias_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let this = &args[0];
    let origin = alias_field(this, "__origin__");
    let params: Vec<Value> = alias_field(this, "__parameters__").as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    if params.is_empty() {
        let r = vm.repr_string(this)?;
        return Err(PyErr::type_error(format!("{r} is not a generic class")));
    }
    let items: Vec<Value> = match args[1].as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![args[1].clone()],
    };
    if items.len() != params.len() {
        let r = vm.repr_string(this)?;
        let which = if items.len() > params.len() { "many" } else { "few" };
        return Err(PyErr::type_error(format!("Too {which} arguments for {r}; actual {}, expected {}", items.len(), params.len())));
    }
    let old: Vec<Value> = alias_field(this, "__args__").as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut new_args = Vec::with_capacity(old.len());
    for a in old {
        if let Some(i) = params.iter().position(|p| p.is(&a)) {
            new_args.push(items[i].clone());
            continue;
        }
        let sub = if a.as_obj().and_then(|o| o.as_type()).is_some() { None } else { vm.getattr_opt(&a, &Value::str("__parameters__"))? };
        match sub.and_then(|s| s.as_tuple().map(|t| t.to_vec())).filter(|t| !t.is_empty()) {
            Some(sp) => {
                let picked: Vec<Value> = sp.iter().map(|p| params.iter().position(|q| q.is(p)).map_or(p.clone(), |i| items[i].clone())).collect();
                let key = if picked.len() == 1 { picked[0].clone() } else { Value::tuple(picked) };
                new_args.push(vm.getitem(&a, &key)?);
            }
            None => new_args.push(a),
        }
    }
    generic_alias(vm, &origin, &Value::tuple(new_args))
}

fn alias_mro_entries(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::tuple(vec![alias_field(&args[0], "__origin__")]))
}

fn alias_instancecheck(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if is_union(&args[0]) {
        return Ok(Value::bool(union_instancecheck(vm, &args[0], &args[1])?));
    }
    Err(PyErr::type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn alias_subclasscheck(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if is_union(&args[0]) {
        for a in union_args(&args[0]) {
            if !a.is_none() && vm.issubclass(&args[1], &a)? {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    Err(PyErr::type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn type_dir(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_] = bind("__dir__", args, kw, &["self"])?;
    let td = args[0].as_obj().unwrap().type_data();
    let mut names: Vec<Value> = Vec::new();
    for t in td.mro.borrow().iter() {
        for k in t.type_data().dict.as_dict().unwrap().borrow().keys() {
            let mut seen = false;
            for n in &names {
                if vm.eq(n, &k)? {
                    seen = true;
                }
            }
            if !seen {
                names.push(k);
            }
        }
    }
    Ok(Value::list(names))
}

fn weakref_get(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn descr_owner_name(o: &PyObject) -> String {
    o.dict
        .borrow()
        .clone()
        .and_then(|d| dict::dict_get_str(&d, "__objclass__"))
        .and_then(|c| c.as_obj().and_then(|c| c.as_type()).map(|t| t.name.borrow().clone()))
        .unwrap_or_else(|| "?".into())
}

/// The class a getset/member descriptor belongs to (its `__objclass__`).
fn descr_objclass(o: &PyObject) -> Option<Value> {
    o.dict.borrow().clone().and_then(|d| dict::dict_get_str(&d, "__objclass__"))
}

/// Check that a getset/member descriptor applies to `obj`.
fn descr_check(d: &Value, obj: &Value) -> PyResult<()> {
    let o = d.as_obj().ok_or_else(|| PyErr::type_error("descriptor expected"))?;
    let name = match &o.payload {
        Payload::GetSet { name, .. } => name.to_string(),
        Payload::SlotDescriptor { name, .. } => name.clone(),
        _ => return Err(PyErr::type_error("descriptor expected")),
    };
    let ok = match descr_objclass(o) {
        Some(c) => types::is_instance(obj, &c),
        None => false,
    };
    if !ok {
        return Err(PyErr::type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            descr_owner_name(o),
            type_ref(obj).type_name_str()
        )));
    }
    Ok(())
}

fn descr_dunder_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__get__", &args[1..], kw, 1, 2)?;
    let obj = &args[1];
    if obj.is_none() {
        return Ok(args[0].clone());
    }
    descr_check(&args[0], obj)?;
    let owner = type_of(obj);
    crate::ops::attr::descr_get(vm, args[0].clone(), Some(obj), &owner)
}

fn descr_dunder_set(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__set__", &args[1..], kw, 2, 2)?;
    descr_check(&args[0], &args[1])?;
    let name = Value::str("?");
    crate::ops::attr::descr_set(vm, &args[0], &args[1], Some(args[2].clone()), &name)?;
    Ok(Value::NONE)
}

fn descr_dunder_delete(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__delete__", &args[1..], kw, 1, 1)?;
    descr_check(&args[0], &args[1])?;
    let name = Value::str("?");
    crate::ops::attr::descr_set(vm, &args[0], &args[1], None, &name)?;
    Ok(Value::NONE)
}

fn getset_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = args[0].as_obj().ok_or_else(|| PyErr::type_error("getset_descriptor expected"))?;
    let name = match &o.payload {
        Payload::GetSet { name, .. } => name.to_string(),
        _ => String::new(),
    };
    Ok(Value::string(format!("<attribute '{name}' of '{}' objects>", descr_owner_name(o))))
}

fn member_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = args[0].as_obj().ok_or_else(|| PyErr::type_error("member_descriptor expected"))?;
    let name = match &o.payload {
        Payload::SlotDescriptor { name, .. } => name.clone(),
        _ => String::new(),
    };
    let owner = o
        .dict
        .borrow()
        .clone()
        .and_then(|d| dict::dict_get_str(&d, "__objclass__"))
        .and_then(|c| c.as_obj().and_then(|c| c.as_type()).map(|t| t.name.borrow().clone()))
        .unwrap_or_else(|| "?".into());
    Ok(Value::string(format!("<member '{name}' of '{owner}' objects>")))
}

pub fn init(t: &Types) {
    add_method(&t.member_descriptor, "__repr__", member_repr);
    add_method(&t.getset_descriptor, "__repr__", getset_repr);
    for d in [&t.getset_descriptor, &t.member_descriptor] {
        add_method(d, "__get__", descr_dunder_get);
        add_method(d, "__set__", descr_dunder_set);
        add_method(d, "__delete__", descr_dunder_delete);
    }
    let ty = &t.type_;
    add_native(ty, "__new__", type_new, NativeKind::StaticMethod);
    add_method(ty, "__init__", type_init);
    add_method(ty, "__call__", type_call_m);
    add_method(ty, "__repr__", type_repr);
    add_method(ty, "mro", type_mro);
    add_method(ty, "__subclasses__", type_subclasses);
    add_method(ty, "__instancecheck__", type_instancecheck);
    add_method(ty, "__subclasscheck__", type_subclasscheck);
    add_method(ty, "__or__", type_or);
    add_method(ty, "__ror__", type_ror);
    add_method(ty, "__dir__", type_dir);
    add_native(ty, "__prepare__", type_prepare, NativeKind::ClassMethod);
    add_getset(ty, "__mro__", type_get_mro, None);
    add_getset(ty, "__bases__", type_get_bases, Some(type_set_bases));
    add_getset(ty, "__base__", type_get_base, None);
    add_getset(ty, "__name__", type_get_name, Some(type_set_name));
    add_getset(ty, "__qualname__", type_get_qualname, Some(type_set_qualname));
    add_getset(ty, "__module__", type_get_module, Some(type_set_module));
    add_getset(ty, "__dict__", type_get_dict, None);
    add_getset(ty, "__doc__", type_get_doc, Some(type_set_doc));
    add_getset(ty, "__abstractmethods__", type_get_abstract, Some(type_set_abstract));
    add_getset(ty, "__annotations__", type_get_annotations, Some(type_set_annotations));
}
