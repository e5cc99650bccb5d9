//! `list`: a growable vector of values behind a `RefCell`.
//!
//! Methods never hold the borrow while running Python code (comparisons,
//! `__eq__`, key functions): they copy items out first. `sort` empties the
//! list while sorting so that mutation from a key function is detected
//! ("list modified during sort").

use crate::args::bind;
use crate::object::{NativeKind, Payload, PyObject};
use crate::ops::compare::seq_compare;
use crate::types::range::{slice_indices, slice_pick};
use crate::types::{add_method, add_native, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::CmpOpKind;
use std::cell::RefCell;

impl Value {
    pub fn list(items: Vec<Value>) -> Value {
        Value::from_obj(PyObject::new(types().list.as_obj().unwrap(), Payload::List(RefCell::new(items))))
    }

    /// The vector of a list (or list subclass instance).
    #[inline]
    pub fn as_list(&self) -> Option<&RefCell<Vec<Value>>> {
        match &self.as_obj()?.payload {
            Payload::List(l) => Some(l),
            _ => None,
        }
    }
}

fn cell(v: &Value) -> &RefCell<Vec<Value>> {
    v.as_list().expect("list expected")
}

fn snapshot(v: &Value) -> Vec<Value> {
    cell(v).borrow().clone()
}

fn list_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = &args[0];
    let co = cls.as_obj().unwrap();
    Ok(Value::from_obj(PyObject::new_with_slots(
        co,
        Payload::List(RefCell::new(Vec::new())),
        co.type_data().slot_names.borrow().len(),
    )))
}

fn list_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("list", kw)?;
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("list expected at most 1 argument, got {}", args.len() - 1)));
    }
    let items = if args.len() == 2 { vm.collect(&args[1])? } else { vec![] };
    let old = std::mem::replace(&mut *cell(&args[0]).borrow_mut(), items);
    drop(old);
    Ok(Value::NONE)
}

pub fn list_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = snapshot(&args[0]);
    if it.is_empty() {
        return Ok(Value::str("[]"));
    }
    if !vm.repr_enter(&args[0]) {
        return Ok(Value::str("[...]"));
    }
    let mut parts = Vec::with_capacity(it.len());
    for x in &it {
        match vm.repr_string(x) {
            Ok(s) => parts.push(s),
            Err(e) => {
                vm.repr_leave(&args[0]);
                return Err(e);
            }
        }
    }
    vm.repr_leave(&args[0]);
    Ok(Value::string(format!("[{}]", parts.join(", "))))
}

fn list_len(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(cell(&args[0]).borrow().len() as i64))
}

fn index_error_type(key: &Value) -> PyErr {
    PyErr::type_error(format!(
        "list indices must be integers or slices, not {}",
        type_ref(key).type_name_str()
    ))
}

fn list_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let key = &args[1];
    if key.as_slice().is_some() {
        let n = cell(&args[0]).borrow().len();
        let (s, _, st, cnt) = slice_indices(vm, key, n)?;
        let l = cell(&args[0]).borrow();
        let n2 = l.len();
        if n2 != n {
            return Ok(Value::list(vec![]));
        }
        return Ok(Value::list(slice_pick(&l, s, st, cnt)));
    }
    if !key.is_int() && crate::types::lookup(type_ref(key), "__index__").is_none() {
        return Err(index_error_type(key));
    }
    let i = vm.index_value(key)?;
    let l = cell(&args[0]).borrow();
    match crate::ops::seq::norm_index(i, l.len()) {
        Some(j) => Ok(l[j].clone()),
        None => Err(PyErr::index_error("list index out of range")),
    }
}

fn list_setitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (key, value) = (&args[1], args[2].clone());
    if key.as_slice().is_some() {
        let new_items = if value.is(&args[0]) { snapshot(&value) } else { vm.collect(&value).map_err(|e| {
            if e.matches(&types().exc.type_error) { PyErr::type_error("can only assign an iterable") } else { e }
        })? };
        let n = cell(&args[0]).borrow().len();
        let (s, e, st, cnt) = slice_indices(vm, key, n)?;
        let mut l = cell(&args[0]).borrow_mut();
        if st == 1 {
            let e = e.max(s) as usize;
            let removed: Vec<Value> = l.splice(s as usize..e, new_items).collect();
            drop(l);
            drop(removed);
        } else {
            if new_items.len() != cnt {
                return Err(PyErr::value_error(format!(
                    "attempt to assign sequence of size {} to extended slice of size {}",
                    new_items.len(),
                    cnt
                )));
            }
            let mut i = s;
            for v in new_items {
                l[i as usize] = v;
                i += st;
            }
        }
        return Ok(Value::NONE);
    }
    if !key.is_int() && crate::types::lookup(type_ref(key), "__index__").is_none() {
        return Err(index_error_type(key));
    }
    let i = vm.index_value(key)?;
    let mut l = cell(&args[0]).borrow_mut();
    let n = l.len();
    match crate::ops::seq::norm_index(i, n) {
        Some(j) => {
            let old = std::mem::replace(&mut l[j], value);
            drop(l);
            drop(old);
            Ok(Value::NONE)
        }
        None => Err(PyErr::index_error("list assignment index out of range")),
    }
}

fn list_delitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let key = &args[1];
    if key.as_slice().is_some() {
        let n = cell(&args[0]).borrow().len();
        let (s, _, st, cnt) = slice_indices(vm, key, n)?;
        let mut idx: Vec<usize> = (0..cnt).map(|k| (s + k as i64 * st) as usize).collect();
        idx.sort_unstable();
        let mut l = cell(&args[0]).borrow_mut();
        let mut removed = Vec::with_capacity(cnt);
        for &i in idx.iter().rev() {
            removed.push(l.remove(i));
        }
        drop(l);
        drop(removed);
        return Ok(Value::NONE);
    }
    if !key.is_int() && crate::types::lookup(type_ref(key), "__index__").is_none() {
        return Err(index_error_type(key));
    }
    let i = vm.index_value(key)?;
    let mut l = cell(&args[0]).borrow_mut();
    match crate::ops::seq::norm_index(i, l.len()) {
        Some(j) => {
            let old = l.remove(j);
            drop(l);
            drop(old);
            Ok(Value::NONE)
        }
        None => Err(PyErr::index_error("list assignment index out of range")),
    }
}

fn list_append(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("list.append", &args[1..], kw, 1, 1)?;
    cell(&args[0]).borrow_mut().push(args[1].clone());
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("list.extend", &args[1..], kw, 1, 1)?;
    let items = vm.collect(&args[1])?;
    cell(&args[0]).borrow_mut().extend(items);
    Ok(Value::NONE)
}

fn list_iadd(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    list_extend(vm, args, kw)?;
    Ok(args[0].clone())
}

fn list_imul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = vm.index_value(&args[1])?.max(0) as usize;
    let items = snapshot(&args[0]);
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    *cell(&args[0]).borrow_mut() = out;
    Ok(args[0].clone())
}

fn list_insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("insert", &args[1..], kw, 2, 2)?;
    let i = vm.index_value(&args[1])?;
    let mut l = cell(&args[0]).borrow_mut();
    let n = l.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(j as usize, args[2].clone());
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("pop", &args[1..], kw, 0, 1)?;
    let i = if args.len() > 1 { vm.index_value(&args[1])? } else { -1 };
    let mut l = cell(&args[0]).borrow_mut();
    if l.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    match crate::ops::seq::norm_index(i, l.len()) {
        Some(j) => Ok(l.remove(j)),
        None => Err(PyErr::index_error("pop index out of range")),
    }
}

fn list_remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("list.remove", &args[1..], kw, 1, 1)?;
    let items = snapshot(&args[0]);
    for (i, x) in items.iter().enumerate() {
        if vm.eq(x, &args[1])? {
            let mut l = cell(&args[0]).borrow_mut();
            if i < l.len() {
                let old = l.remove(i);
                drop(l);
                drop(old);
            }
            return Ok(Value::NONE);
        }
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_, x, start, stop] = bind("index", args, kw, &["self", "value", "start=", "stop=", "/"])?;
    let x = x.unwrap();
    let items = snapshot(&args[0]);
    let n = items.len() as i64;
    let norm = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let s = match start { Some(v) => norm(vm.index_value(&v)?), None => 0 };
    let e = match stop { Some(v) => norm(vm.index_value(&v)?), None => n };
    for i in s..e {
        if vm.eq(&items[i as usize], &x)? {
            return Ok(Value::int(i));
        }
    }
    let r = vm.repr_string(&x)?;
    Err(PyErr::value_error(format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut n = 0;
    for x in snapshot(&args[0]) {
        if vm.eq(&x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn list_reverse(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    cell(&args[0]).borrow_mut().reverse();
    Ok(Value::NONE)
}

fn list_clear(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let old = std::mem::take(&mut *cell(&args[0]).borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

fn list_copy(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::list(snapshot(&args[0])))
}

/// Stable sort of `items` with Python `<`, optionally by key and reversed.
pub fn sort_values(vm: &mut Vm, items: Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<Vec<Value>> {
    let keys: Vec<Value> = match key {
        Some(k) if !k.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for x in &items {
                ks.push(vm.call(k, &[x.clone()])?);
            }
            ks
        }
        _ => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let mut err: Option<PyErr> = None;
    // Fast paths for homogeneous ints/floats/strs.
    let all_int = keys.iter().all(|k| k.as_small_int().is_some());
    let all_str = !all_int && keys.iter().all(|k| k.as_pystr_exact().is_some());
    if all_int {
        idx.sort_by_key(|&i| keys[i].as_small_int().unwrap());
    } else if all_str {
        idx.sort_by(|&a, &b| keys[a].as_str().unwrap().cmp(keys[b].as_str().unwrap()));
    } else {
        idx.sort_by(|&a, &b| {
            if err.is_some() {
                return std::cmp::Ordering::Equal;
            }
            match vm.compare_bool(&keys[b], &keys[a], CmpOpKind::Lt) {
                Ok(true) => std::cmp::Ordering::Greater,
                Ok(false) => match vm.compare_bool(&keys[a], &keys[b], CmpOpKind::Lt) {
                    Ok(true) => std::cmp::Ordering::Less,
                    Ok(false) => std::cmp::Ordering::Equal,
                    Err(e) => {
                        err = Some(e);
                        std::cmp::Ordering::Equal
                    }
                },
                Err(e) => {
                    err = Some(e);
                    std::cmp::Ordering::Equal
                }
            }
        });
    }
    if let Some(e) = err {
        return Err(e);
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn list_sort(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_, key, reverse] = bind("sort", args, kw, &["self", "/", "*", "key=", "reverse="])?;
    let reverse = match reverse {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    let items = std::mem::take(&mut *cell(&args[0]).borrow_mut());
    let r = sort_values(vm, items.clone(), key.as_ref(), reverse);
    let modified = !cell(&args[0]).borrow().is_empty();
    match r {
        Ok(sorted) => {
            *cell(&args[0]).borrow_mut() = sorted;
            if modified {
                return Err(PyErr::value_error("list modified during sort"));
            }
            Ok(Value::NONE)
        }
        Err(e) => {
            *cell(&args[0]).borrow_mut() = items;
            Err(e)
        }
    }
}

fn cmp(vm: &mut Vm, args: &[Value], op: CmpOpKind) -> PyResult<Value> {
    if args[1].as_list().is_none() {
        return Ok(types().not_implemented.clone());
    }
    let (a, b) = (snapshot(&args[0]), snapshot(&args[1]));
    Ok(Value::bool(seq_compare(vm, &a, &b, op)?))
}
fn list_eq(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Eq)
}
fn list_ne(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Ne)
}
fn list_lt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Lt)
}
fn list_le(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Le)
}
fn list_gt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Gt)
}
fn list_ge(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Ge)
}

fn list_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    for x in snapshot(&args[0]) {
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn list_add(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(b) = args[1].as_list() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            type_ref(&args[1]).type_name_str()
        )));
    };
    let mut v = snapshot(&args[0]);
    v.extend(b.borrow().iter().cloned());
    Ok(Value::list(v))
}

fn list_mul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if !args[1].is_int() {
        return Ok(types().not_implemented.clone());
    }
    let l = Value::list(snapshot(&args[0]));
    crate::ops::seq::native_seq_binop(vm, &l, &args[1], krait_compiler::opcodes::BinOpKind::Multiply)
        .map(|r| r.unwrap_or_else(|| types().not_implemented.clone()))
}

fn list_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(crate::types::iter::new_list_iter(args[0].clone()))
}

fn list_reversed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(crate::types::iter::new_list_reverse_iter(args[0].clone()))
}

fn list_class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

pub fn init(t: &Types) {
    let ty = &t.list;
    add_native(ty, "__new__", list_new, NativeKind::StaticMethod);
    add_method(ty, "__init__", list_init);
    add_method(ty, "__repr__", list_repr);
    add_method(ty, "__len__", list_len);
    add_method(ty, "__getitem__", list_getitem);
    add_method(ty, "__setitem__", list_setitem);
    add_method(ty, "__delitem__", list_delitem);
    add_method(ty, "__contains__", list_contains);
    add_method(ty, "__iter__", list_iter);
    add_method(ty, "__reversed__", list_reversed);
    add_method(ty, "__eq__", list_eq);
    add_method(ty, "__ne__", list_ne);
    add_method(ty, "__lt__", list_lt);
    add_method(ty, "__le__", list_le);
    add_method(ty, "__gt__", list_gt);
    add_method(ty, "__ge__", list_ge);
    add_method(ty, "__add__", list_add);
    add_method(ty, "__mul__", list_mul);
    add_method(ty, "__rmul__", list_mul);
    add_method(ty, "__iadd__", list_iadd);
    add_method(ty, "__imul__", list_imul);
    crate::types::add_attr(ty, "__hash__", Value::NONE);
    add_method(ty, "append", list_append);
    add_method(ty, "extend", list_extend);
    add_method(ty, "insert", list_insert);
    add_method(ty, "pop", list_pop);
    add_method(ty, "remove", list_remove);
    add_method(ty, "index", list_index);
    add_method(ty, "count", list_count);
    add_method(ty, "reverse", list_reverse);
    add_method(ty, "clear", list_clear);
    add_method(ty, "copy", list_copy);
    add_method(ty, "sort", list_sort);
    add_native(ty, "__class_getitem__", list_class_getitem, NativeKind::ClassMethod);
}
