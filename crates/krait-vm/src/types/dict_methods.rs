//! Python-visible methods of `dict`, its views, and `mappingproxy`.

use crate::object::{NativeKind, Payload, PyObject};
use crate::types::{add_attr, add_getset, add_method, add_native, dict, set, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::{BinOpKind, CmpOpKind};

/// `d.update(m)` for a mapping or an iterable of pairs (`{**m}` uses mapping only).
pub fn dict_update_from(vm: &mut Vm, d: &Value, m: &Value, pairs_ok: bool) -> PyResult<()> {
    if let Some(md) = m.as_dict() {
        if !type_ref(m).type_data().heap || crate::types::lookup(type_ref(m), "__iter__").map_or(true, |k| is_native(&k)) {
            // Walk the source's entries, reusing their stored hashes; a
            // key's `__eq__` may mutate the source.
            let n = md.borrow().len();
            let mut i = 0;
            loop {
                let e = {
                    let mb = md.borrow();
                    if mb.len() != n {
                        return Err(PyErr::runtime_error("dict mutated during update"));
                    }
                    if i >= mb.raw_len() {
                        break;
                    }
                    mb.entry_at(i).map(|e| (e.key.clone(), e.hash, e.value.clone()))
                };
                i += 1;
                if let Some((k, h, v)) = e {
                    dict::dict_set_hashed(vm, d, k, h, v)?;
                }
            }
            return Ok(());
        }
    }
    if let Some(keys_f) = vm.getattr_opt(m, &Value::str("keys"))? {
        let keys = vm.call(&keys_f, &[])?;
        for k in vm.collect(&keys)? {
            let v = vm.getitem(m, &k)?;
            dict::dict_set(vm, d, k, v)?;
        }
        return Ok(());
    }
    if !pairs_ok {
        return Err(PyErr::type_error(format!(
            "'{}' object is not a mapping",
            crate::types::type_ref(m).type_name_str()
        )));
    }
    let it = vm.iter(m)?;
    let mut i = 0usize;
    while let Some(item) = vm.next(&it)? {
        let kv = match vm.iter(&item) {
            Ok(_) => vm.collect(&item)?,
            Err(e) if e.matches(&types().exc.type_error) => {
                return Err(PyErr::type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )))
            }
            Err(e) => return Err(e),
        };
        if kv.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                kv.len()
            )));
        }
        let mut it2 = kv.into_iter();
        let (Some(k), Some(v)) = (it2.next(), it2.next()) else { break };
        dict::dict_set(vm, d, k, v)?;
        i += 1;
    }
    Ok(())
}

fn is_native(f: &Value) -> bool {
    matches!(f.as_obj().map(|o| &o.payload), Some(Payload::Native(_)))
}

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

fn not_impl() -> Value {
    types().not_implemented.clone()
}

fn is_exact_dict(v: &Value) -> bool {
    std::ptr::eq(type_ref(v), types().dict.as_obj().unwrap())
}

/// Check that `self` is a dict (methods may be called unbound on anything).
fn me<'a>(args: &'a [Value], method: &str) -> PyResult<&'a Value> {
    match args.first() {
        Some(v) if v.as_dict().is_some() => Ok(v),
        Some(v) => Err(PyErr::type_error(format!(
            "descriptor '{method}' for 'dict' objects doesn't apply to a '{}' object",
            tname(v)
        ))),
        None => Err(PyErr::type_error(format!("descriptor '{method}' of 'dict' object needs an argument"))),
    }
}

fn arity(name: &str, args: &[Value], kw: &[Value], min: usize, max: usize) -> PyResult<()> {
    let owner = args.first().map(|v| match v.as_obj().map(|o| &o.payload) {
        Some(Payload::DictView { .. }) | Some(Payload::MappingProxy(_)) => tname(v),
        _ => "dict".to_string(),
    });
    let owner = owner.unwrap_or_else(|| "dict".to_string());
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    let n = args.len().saturating_sub(1);
    if n < min {
        return Err(PyErr::type_error(if min == max {
            format!("{owner}.{name}() takes exactly one argument ({n} given)")
        } else {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        }));
    }
    if n > max {
        return Err(PyErr::type_error(if min == max {
            if max == 0 {
                format!("{owner}.{name}() takes no arguments ({n} given)")
            } else {
                format!("{owner}.{name}() takes exactly one argument ({n} given)")
            }
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        }));
    }
    Ok(())
}

// ---------------------------------------------------------------- dict

fn dict_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let co = args[0].as_obj().filter(|o| o.as_type().is_some()).ok_or_else(|| PyErr::type_error("dict.__new__(X): X is not a type object"))?;
    let n = co.type_data().slot_names.borrow().len();
    Ok(Value::from_obj(PyObject::new_with_slots(co, dict::empty_dict_payload(), n)))
}

fn dict_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = me(args, "__init__")?;
    let npos = args.len() - kw.len() - 1;
    if npos > 1 {
        return Err(PyErr::type_error(format!("dict expected at most 1 argument, got {npos}")));
    }
    if npos == 1 {
        dict_update_from(vm, d, &args[1], true)?;
    }
    let kwvals = &args[args.len() - kw.len()..];
    for (k, v) in kw.iter().zip(kwvals) {
        dict::dict_set(vm, d, k.clone(), v.clone())?;
    }
    Ok(Value::NONE)
}

pub fn dict_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = me(args, "__repr__")?;
    let items = d.as_dict().unwrap().borrow().items();
    if items.is_empty() {
        return Ok(Value::str("{}"));
    }
    if !vm.repr_enter(d) {
        return Ok(Value::str("{...}"));
    }
    let mut out = String::from("{");
    let mut first = true;
    for (k, v) in &items {
        if !first {
            out.push_str(", ");
        }
        first = false;
        let r = vm.repr_string(k).and_then(|ks| Ok((ks, vm.repr_string(v)?)));
        match r {
            Ok((ks, vs)) => {
                out.push_str(&ks);
                out.push_str(": ");
                out.push_str(&vs);
            }
            Err(e) => {
                vm.repr_leave(d);
                return Err(e);
            }
        }
    }
    vm.repr_leave(d);
    out.push('}');
    Ok(Value::string(out))
}

fn dict_len(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = me(args, "__len__")?;
    Ok(Value::int(d.as_dict().unwrap().borrow().len() as i64))
}

fn dict_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("__getitem__", args, kw, 1, 1)?;
    let d = me(args, "__getitem__")?;
    let key = &args[1];
    if let Some(v) = dict::dict_get(vm, d, key)? {
        return Ok(v);
    }
    if !is_exact_dict(d) {
        if let Some(missing) = crate::types::lookup(type_ref(d), "__missing__") {
            return vm.call(&missing, &[d.clone(), key.clone()]);
        }
    }
    Err(PyErr::key_error(key.clone()))
}

fn dict_setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("__setitem__", args, kw, 2, 2).map_err(|_| PyErr::type_error(format!("expected 2 arguments, got {}", args.len().saturating_sub(1))))?;
    let d = me(args, "__setitem__")?;
    dict::dict_set(vm, d, args[1].clone(), args[2].clone())?;
    Ok(Value::NONE)
}

fn dict_delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("__delitem__", args, kw, 1, 1)?;
    let d = me(args, "__delitem__")?;
    match dict::dict_del(vm, d, &args[1])? {
        Some(old) => {
            drop(old);
            Ok(Value::NONE)
        }
        None => Err(PyErr::key_error(args[1].clone())),
    }
}

fn dict_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("__contains__", args, kw, 1, 1)?;
    let d = me(args, "__contains__")?;
    Ok(Value::bool(dict::dict_get(vm, d, &args[1])?.is_some()))
}

fn dict_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = me(args, "__iter__")?;
    Ok(crate::types::iter::new_dict_iter(d.clone(), 0))
}

fn reversed_iter(d: &Value, kind: u8) -> Value {
    let t = types();
    let items: Vec<Value> = {
        let dd = d.as_dict().unwrap().borrow();
        match kind {
            0 => dd.keys(),
            1 => dd.values(),
            _ => dd.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
        }
    };
    let ty = match kind {
        0 => &t.dict_keyiterator,
        1 => &t.dict_valueiterator,
        _ => &t.dict_itemiterator,
    };
    crate::types::iter::new_items_iter(ty, items.into_iter().rev().collect())
}

fn dict_reversed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = me(args, "__reversed__")?;
    Ok(reversed_iter(d, 0))
}

/// Dict equality: same keys, equal values.
pub fn dict_equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    let (Some(ad), Some(bd)) = (a.as_dict(), b.as_dict()) else { return Ok(false) };
    if ad.borrow().len() != bd.borrow().len() {
        return Ok(false);
    }
    let items: Vec<(Value, Value, i64)> = ad.borrow().iter().map(|e| (e.key.clone(), e.value.clone(), e.hash)).collect();
    for (k, v, h) in items {
        match dict::dict_get_hashed(vm, b, &k, h)? {
            None => return Ok(false),
            Some(bv) => {
                if !(bv.is(&v) || vm.eq(&v, &bv)?) {
                    return Ok(false);
                }
            }
        }
    }
    Ok(true)
}

fn dict_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = me(args, "__eq__")?;
    match args.get(1) {
        Some(b) if b.as_dict().is_some() => Ok(Value::bool(dict_equal(vm, a, b)?)),
        _ => Ok(not_impl()),
    }
}

fn dict_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = me(args, "__ne__")?;
    match args.get(1) {
        Some(b) if b.as_dict().is_some() => Ok(Value::bool(!dict_equal(vm, a, b)?)),
        _ => Ok(not_impl()),
    }
}

fn copy_of(d: &Value) -> Value {
    let data = d.as_dict().map(|c| c.borrow().clone()).unwrap_or_default();
    Value::new_dict_from(data)
}

fn dict_or(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = me(args, "__or__")?;
    match args.get(1) {
        Some(b) if b.as_dict().is_some() => {
            let r = copy_of(a);
            dict_update_from(vm, &r, b, false)?;
            Ok(r)
        }
        _ => Ok(not_impl()),
    }
}

fn dict_ror(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = me(args, "__ror__")?;
    match args.get(1) {
        Some(b) if b.as_dict().is_some() => {
            let r = copy_of(b);
            dict_update_from(vm, &r, a, false)?;
            Ok(r)
        }
        _ => Ok(not_impl()),
    }
}

fn dict_ior(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("__ior__", args, kw, 1, 1)?;
    let a = me(args, "__ior__")?;
    dict_update_from(vm, a, &args[1], true)?;
    Ok(a.clone())
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

fn dict_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("get", args, kw, 1, 2)?;
    let d = me(args, "get")?;
    Ok(dict::dict_get(vm, d, &args[1])?.unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::NONE)))
}

fn dict_setdefault(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("setdefault", args, kw, 1, 2)?;
    let d = me(args, "setdefault")?;
    let hash = vm.hash(&args[1])?;
    let dv = args.get(2).cloned().unwrap_or(Value::NONE);
    dict::dict_setdefault_hashed(vm, d, args[1].clone(), hash, dv)
}

fn dict_pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("pop", args, kw, 1, 2)?;
    let d = me(args, "pop")?;
    match dict::dict_del(vm, d, &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(dv) => Ok(dv.clone()),
            None => Err(PyErr::key_error(args[1].clone())),
        },
    }
}

fn dict_popitem(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("popitem", args, kw, 0, 0)?;
    let d = me(args, "popitem")?;
    let e = d.as_dict().unwrap().borrow_mut().pop_last();
    match e {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(PyErr::with_args(&types().exc.key_error, vec![Value::str("popitem(): dictionary is empty")])),
    }
}

fn new_view(d: &Value, kind: u8) -> Value {
    let t = types();
    let ty = match kind {
        0 => &t.dict_keys,
        1 => &t.dict_values,
        _ => &t.dict_items,
    };
    Value::from_obj(PyObject::new(ty.as_obj().unwrap(), Payload::DictView { dict: d.clone(), kind }))
}

fn dict_keys(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("keys", args, kw, 0, 0)?;
    Ok(new_view(me(args, "keys")?, 0))
}
fn dict_values(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("values", args, kw, 0, 0)?;
    Ok(new_view(me(args, "values")?, 1))
}
fn dict_items(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("items", args, kw, 0, 0)?;
    Ok(new_view(me(args, "items")?, 2))
}

fn dict_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let d = me(args, "update")?;
    let npos = args.len() - kw.len() - 1;
    if npos > 1 {
        return Err(PyErr::type_error(format!("update expected at most 1 argument, got {npos}")));
    }
    if npos == 1 {
        dict_update_from(vm, d, &args[1], true)?;
    }
    let kwvals = &args[args.len() - kw.len()..];
    for (k, v) in kw.iter().zip(kwvals) {
        dict::dict_set(vm, d, k.clone(), v.clone())?;
    }
    Ok(Value::NONE)
}

fn dict_clear(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("clear", args, kw, 0, 0)?;
    let d = me(args, "clear")?;
    let old = std::mem::take(&mut *d.as_dict().unwrap().borrow_mut());
    let version = old.version + 1;
    d.as_dict().unwrap().borrow_mut().version = version;
    drop(old);
    Ok(Value::NONE)
}

fn dict_copy(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("copy", args, kw, 0, 0)?;
    Ok(copy_of(me(args, "copy")?))
}

fn dict_fromkeys(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("fromkeys", args, kw, 1, 2)?;
    let cls = &args[0];
    let value = args.get(2).cloned().unwrap_or(Value::NONE);
    let d = vm.call(cls, &[])?;
    let exact = d.as_dict().is_some() && is_exact_dict(&d);
    if exact {
        // Sets and exact dicts give their stored hashes.
        let src = &args[1];
        let entries: Option<Vec<(Value, i64)>> = if set::is_anyset(src) {
            Some(set::set_entries(src))
        } else if src.as_dict().is_some() && is_exact_dict(src) {
            Some(src.as_dict().unwrap().borrow().iter().map(|e| (e.key.clone(), e.hash)).collect())
        } else {
            None
        };
        if let Some(entries) = entries {
            for (k, h) in entries {
                dict::dict_set_hashed(vm, &d, k, h, value.clone())?;
            }
            return Ok(d);
        }
    }
    let it = vm.iter(&args[1])?;
    while let Some(k) = vm.next(&it)? {
        if exact {
            dict::dict_set(vm, &d, k, value.clone())?;
        } else {
            vm.setitem(&d, &k, value.clone())?;
        }
    }
    Ok(d)
}

fn dict_sizeof(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let d = me(args, "__sizeof__")?;
    let n = d.as_dict().unwrap().borrow().raw_len();
    Ok(Value::int(48 + 24 * n as i64))
}

// ---------------------------------------------------------------- views

fn view(v: &Value) -> PyResult<(Value, u8)> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::DictView { dict, kind }) => Ok((dict.clone(), *kind)),
        _ => Err(PyErr::type_error(format!("descriptor requires a dict view, not '{}'", tname(v)))),
    }
}

/// Whether `v` is a keys or items view (the set-like ones).
fn is_setlike_view(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::DictView { kind, .. }) if *kind != 1)
}

fn view_len(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (d, _) = view(&args[0])?;
    Ok(Value::int(d.as_dict().map_or(0, |c| c.borrow().len()) as i64))
}

fn view_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (d, k) = view(&args[0])?;
    Ok(crate::types::iter::new_dict_iter(d, k))
}

fn view_reversed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (d, k) = view(&args[0])?;
    Ok(reversed_iter(&d, k))
}

fn view_contains_value(vm: &mut Vm, v: &Value, x: &Value) -> PyResult<bool> {
    let (d, kind) = view(v)?;
    match kind {
        0 => Ok(dict::dict_get(vm, &d, x)?.is_some()),
        1 => {
            let vals = d.as_dict().unwrap().borrow().values();
            for val in vals {
                if val.is(x) || vm.eq(&val, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            let Some(t) = x.as_tuple() else { return Ok(false) };
            if t.len() != 2 {
                return Ok(false);
            }
            let (k, val) = (t[0].clone(), t[1].clone());
            match dict::dict_get(vm, &d, &k)? {
                Some(found) => Ok(found.is(&val) || vm.eq(&found, &val)?),
                None => Ok(false),
            }
        }
    }
}

fn view_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("__contains__", args, kw, 1, 1)?;
    Ok(Value::bool(view_contains_value(vm, &args[0], &args[1])?))
}

fn view_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[0];
    let (d, kind) = view(v)?;
    let name = tname(v);
    if !vm.repr_enter(v) {
        return Ok(Value::str("..."));
    }
    let items: Vec<Value> = {
        let dd = d.as_dict().unwrap().borrow();
        match kind {
            0 => dd.keys(),
            1 => dd.values(),
            _ => dd.items().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect(),
        }
    };
    let r = vm.repr_string(&Value::list(items));
    vm.repr_leave(v);
    Ok(Value::string(format!("{name}({})", r?)))
}

fn view_mapping(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (d, _) = view(&args[0])?;
    Ok(new_mappingproxy(d))
}

/// A set built from a view or any iterable (`dictviews_to_set`).
fn to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(Payload::DictView { dict, kind: 0 }) = v.as_obj().map(|o| &o.payload) {
        let d = dict.clone();
        return set::set_from_iterable(vm, &d, false);
    }
    set::set_from_iterable(vm, v, false)
}

fn view_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOpKind) -> PyResult<Value> {
    let result = to_set(vm, a)?;
    let Some(cell) = set::set_cell(&result) else { return Ok(not_impl()) };
    match op {
        BinOpKind::Or => set::update_internal(vm, cell, b)?,
        BinOpKind::Subtract => set::difference_update(vm, cell, &result, b)?,
        BinOpKind::Xor => set::symmetric_difference_update(vm, cell, &result, b)?,
        _ => {}
    }
    Ok(result)
}

fn view_and_impl(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut a, mut b) = (a.clone(), b.clone());
    if !is_setlike_view(&a) {
        std::mem::swap(&mut a, &mut b);
    }
    let len_a = vm.len(&a)?;
    if std::ptr::eq(type_ref(&b), types().set.as_obj().unwrap()) && len_a <= set::set_len(&b) {
        let d = set::intersection(vm, &b, &a)?;
        return Ok(set::wrap(d, false));
    }
    if is_setlike_view(&b) && vm.len(&b)? > len_a {
        std::mem::swap(&mut a, &mut b);
    }
    let result = set::new_empty_set(types().set.as_obj().unwrap());
    let it = vm.iter(&b)?;
    while let Some(x) = vm.next(&it)? {
        if view_contains_value(vm, &a, &x)? {
            set::set_add(vm, &result, x)?;
        }
    }
    Ok(result)
}

fn check_view_operands(args: &[Value]) -> PyResult<(Value, Value)> {
    if args.len() != 2 {
        return Err(PyErr::type_error("expected 1 argument"));
    }
    Ok((args[0].clone(), args[1].clone()))
}

fn view_and(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = check_view_operands(args)?;
    view_and_impl(vm, &a, &b)
}
fn view_or(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = check_view_operands(args)?;
    view_binop(vm, &a, &b, BinOpKind::Or)
}
fn view_ror(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = check_view_operands(args)?;
    view_binop(vm, &b, &a, BinOpKind::Or)
}
fn view_sub(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = check_view_operands(args)?;
    view_binop(vm, &a, &b, BinOpKind::Subtract)
}
fn view_rsub(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = check_view_operands(args)?;
    view_binop(vm, &b, &a, BinOpKind::Subtract)
}
fn view_xor(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = check_view_operands(args)?;
    view_binop(vm, &a, &b, BinOpKind::Xor)
}
fn view_rxor(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b) = check_view_operands(args)?;
    view_binop(vm, &b, &a, BinOpKind::Xor)
}

/// Every element of `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn view_cmp(vm: &mut Vm, args: &[Value], op: CmpOpKind) -> PyResult<Value> {
    let (a, b) = check_view_operands(args)?;
    if !(set::is_anyset(&b) || is_setlike_view(&b)) {
        return Ok(not_impl());
    }
    let la = vm.len(&a)?;
    let lb = vm.len(&b)?;
    let r = match op {
        CmpOpKind::Eq | CmpOpKind::Ne => {
            let eq = la == lb && all_contained_in(vm, &a, &b)?;
            if op == CmpOpKind::Eq {
                eq
            } else {
                !eq
            }
        }
        CmpOpKind::Lt => la < lb && all_contained_in(vm, &a, &b)?,
        CmpOpKind::Le => la <= lb && all_contained_in(vm, &a, &b)?,
        CmpOpKind::Gt => la > lb && all_contained_in(vm, &b, &a)?,
        CmpOpKind::Ge => la >= lb && all_contained_in(vm, &b, &a)?,
    };
    Ok(Value::bool(r))
}
fn view_eq(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    view_cmp(vm, a, CmpOpKind::Eq)
}
fn view_ne(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    view_cmp(vm, a, CmpOpKind::Ne)
}
fn view_lt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    view_cmp(vm, a, CmpOpKind::Lt)
}
fn view_le(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    view_cmp(vm, a, CmpOpKind::Le)
}
fn view_gt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    view_cmp(vm, a, CmpOpKind::Gt)
}
fn view_ge(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    view_cmp(vm, a, CmpOpKind::Ge)
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("isdisjoint", args, kw, 1, 1)?;
    let (a, b) = (&args[0], &args[1]);
    if a.is(b) {
        return Ok(Value::bool(vm.len(a)? == 0));
    }
    let it = vm.iter(b)?;
    while let Some(x) = vm.next(&it)? {
        if view_contains_value(vm, a, &x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

// ---------------------------------------------------------------- mappingproxy

/// A read-only proxy over a mapping.
pub fn new_mappingproxy(m: Value) -> Value {
    Value::from_obj(PyObject::new(types().mappingproxy.as_obj().unwrap(), Payload::MappingProxy(m)))
}

fn proxied(v: &Value) -> PyResult<Value> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::MappingProxy(m)) => Ok(m.clone()),
        _ => Err(PyErr::type_error(format!("descriptor requires a 'mappingproxy' object but received '{}'", tname(v)))),
    }
}

fn mp_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_, mapping] = crate::args::bind("mappingproxy", args, kw, &["cls", "mapping"])?;
    let m = mapping.unwrap_or(Value::NONE);
    let ok = match m.as_obj().map(|o| &o.payload) {
        Some(Payload::List(_)) | Some(Payload::Tuple(_)) => false,
        _ => m.as_dict().is_some() || crate::types::lookup(type_ref(&m), "__getitem__").is_some(),
    };
    let _ = vm;
    if !ok {
        return Err(PyErr::type_error(format!("mappingproxy() argument must be a mapping, not {}", tname(&m))));
    }
    Ok(new_mappingproxy(m))
}

fn mp_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("__getitem__", args, kw, 1, 1)?;
    let m = proxied(&args[0])?;
    vm.getitem(&m, &args[1])
}

fn mp_get(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("get", args, kw, 1, 2)?;
    let m = proxied(&args[0])?;
    let mut a = vec![args[1].clone()];
    if let Some(d) = args.get(2) {
        a.push(d.clone());
    }
    vm.call_method(&m, "get", &a)
}

fn mp_delegate(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let m = proxied(&args[0])?;
    vm.call_method(&m, name, &[])
}
fn mp_keys(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mp_delegate(vm, args, "keys")
}
fn mp_values(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mp_delegate(vm, args, "values")
}
fn mp_items(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mp_delegate(vm, args, "items")
}
fn mp_copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mp_delegate(vm, args, "copy")
}
fn mp_iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = proxied(&args[0])?;
    vm.iter(&m)
}
fn mp_reversed(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    mp_delegate(vm, args, "__reversed__")
}
fn mp_len(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = proxied(&args[0])?;
    Ok(Value::int(vm.len(&m)? as i64))
}
fn mp_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    arity("__contains__", args, kw, 1, 1)?;
    let m = proxied(&args[0])?;
    Ok(Value::bool(vm.contains(&m, &args[1])?))
}
fn mp_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = proxied(&args[0])?;
    let r = vm.repr_string(&m)?;
    Ok(Value::string(format!("mappingproxy({r})")))
}
fn mp_str(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = proxied(&args[0])?;
    vm.str(&m)
}
fn mp_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = proxied(&args[0])?;
    let other = args.get(1).cloned().unwrap_or(Value::NONE);
    vm.compare(&m, &other, CmpOpKind::Eq)
}
fn mp_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = proxied(&args[0])?;
    let other = args.get(1).cloned().unwrap_or(Value::NONE);
    vm.compare(&m, &other, CmpOpKind::Ne)
}
fn mp_or(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let m = proxied(&args[0])?;
    let other = args.get(1).cloned().unwrap_or(Value::NONE);
    let other = match other.as_obj().map(|o| &o.payload) {
        Some(Payload::MappingProxy(o)) => o.clone(),
        _ => other,
    };
    vm.binary_op(&m, &other, BinOpKind::Or, false)
}
fn mp_ior(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error(format!(
        "'|=' is not supported by {}; use '|' instead",
        tname(&args[0])
    )))
}

pub fn init(t: &Types) {
    let d = &t.dict;
    add_native(d, "__new__", dict_new, NativeKind::StaticMethod);
    add_method(d, "__init__", dict_init);
    add_method(d, "__repr__", dict_repr);
    add_method(d, "__len__", dict_len);
    add_method(d, "__getitem__", dict_getitem);
    add_method(d, "__setitem__", dict_setitem);
    add_method(d, "__delitem__", dict_delitem);
    add_method(d, "__contains__", dict_contains);
    add_method(d, "__iter__", dict_iter);
    add_method(d, "__reversed__", dict_reversed);
    add_method(d, "__eq__", dict_eq);
    add_method(d, "__ne__", dict_ne);
    add_method(d, "__or__", dict_or);
    add_method(d, "__ror__", dict_ror);
    add_method(d, "__ior__", dict_ior);
    add_method(d, "__sizeof__", dict_sizeof);
    add_native(d, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
    add_attr(d, "__hash__", Value::NONE);
    add_method(d, "get", dict_get);
    add_method(d, "setdefault", dict_setdefault);
    add_method(d, "pop", dict_pop);
    add_method(d, "popitem", dict_popitem);
    add_method(d, "keys", dict_keys);
    add_method(d, "values", dict_values);
    add_method(d, "items", dict_items);
    add_method(d, "update", dict_update);
    add_method(d, "clear", dict_clear);
    add_method(d, "copy", dict_copy);
    add_native(d, "fromkeys", dict_fromkeys, NativeKind::ClassMethod);

    for (ty, kind) in [(&t.dict_keys, 0u8), (&t.dict_values, 1), (&t.dict_items, 2)] {
        add_method(ty, "__len__", view_len);
        add_method(ty, "__iter__", view_iter);
        add_method(ty, "__reversed__", view_reversed);
        add_method(ty, "__repr__", view_repr);
        add_getset(ty, "mapping", view_mapping, None);
        if kind == 1 {
            continue;
        }
        add_method(ty, "__contains__", view_contains);
        add_method(ty, "__and__", view_and);
        add_method(ty, "__rand__", view_and);
        add_method(ty, "__or__", view_or);
        add_method(ty, "__ror__", view_ror);
        add_method(ty, "__sub__", view_sub);
        add_method(ty, "__rsub__", view_rsub);
        add_method(ty, "__xor__", view_xor);
        add_method(ty, "__rxor__", view_rxor);
        add_method(ty, "__eq__", view_eq);
        add_method(ty, "__ne__", view_ne);
        add_method(ty, "__lt__", view_lt);
        add_method(ty, "__le__", view_le);
        add_method(ty, "__gt__", view_gt);
        add_method(ty, "__ge__", view_ge);
        add_method(ty, "isdisjoint", view_isdisjoint);
        add_attr(ty, "__hash__", Value::NONE);
    }

    let m = &t.mappingproxy;
    add_native(m, "__new__", mp_new, NativeKind::StaticMethod);
    add_method(m, "__getitem__", mp_getitem);
    add_method(m, "get", mp_get);
    add_method(m, "keys", mp_keys);
    add_method(m, "values", mp_values);
    add_method(m, "items", mp_items);
    add_method(m, "copy", mp_copy);
    add_method(m, "__iter__", mp_iter);
    add_method(m, "__reversed__", mp_reversed);
    add_method(m, "__len__", mp_len);
    add_method(m, "__contains__", mp_contains);
    add_method(m, "__repr__", mp_repr);
    add_method(m, "__str__", mp_str);
    add_method(m, "__eq__", mp_eq);
    add_method(m, "__ne__", mp_ne);
    add_method(m, "__or__", mp_or);
    add_method(m, "__ior__", mp_ior);
    add_native(m, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
}
