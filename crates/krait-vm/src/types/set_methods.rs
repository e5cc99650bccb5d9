//! Python-visible methods of `set` and `frozenset`.

use crate::object::{NativeKind, Payload};
use crate::types::set::{self, is_anyset, is_frozen, set_cell, set_len, SetData};
use crate::types::{add_attr, add_method, add_native, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::{BinOpKind, CmpOpKind};
use std::cell::RefCell;

fn not_impl() -> Value {
    types().not_implemented.clone()
}

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

/// The mutable table of `self` (a set), or a TypeError naming the method.
fn cell<'a>(v: &'a Value, method: &str) -> PyResult<&'a RefCell<SetData>> {
    set_cell(v).ok_or_else(|| {
        PyErr::type_error(format!("descriptor '{method}' for 'set' objects doesn't apply to a '{}' object", tname(v)))
    })
}

fn check_self(v: &Value, method: &str) -> PyResult<()> {
    if is_anyset(v) {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "descriptor '{method}' for 'set' objects doesn't apply to a '{}' object",
            tname(v)
        )))
    }
}

fn one_arg<'a>(args: &'a [Value], kw: &[Value], name: &str) -> PyResult<&'a Value> {
    crate::args::no_kwargs(name, kw)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    Ok(&args[1])
}

// ---------------------------------------------------------------- construction

fn set_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = &args[0];
    if cls.is(&types().set) && !kw.is_empty() {
        return Err(PyErr::type_error("set() takes no keyword arguments"));
    }
    let co = cls.as_obj().ok_or_else(|| PyErr::type_error("set.__new__(X): X is not a type object"))?;
    if co.as_type().is_none() {
        return Err(PyErr::type_error("set.__new__(X): X is not a type object"));
    }
    Ok(set::new_empty_set(co))
}

fn set_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("set", kw)?;
    let c = cell(&args[0], "__init__")?;
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("set expected at most 1 argument, got {}", args.len() - 1)));
    }
    if !c.borrow().is_empty() {
        set::clear(c);
    }
    if args.len() == 2 {
        set::update_internal(vm, c, &args[1])?;
    }
    Ok(Value::NONE)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = &args[0];
    let t = types();
    // Keywords are refused unless a subclass defines its own `__init__`.
    let own_init = !cls.is(&t.frozenset)
        && cls.as_obj().filter(|o| o.as_type().is_some()).map_or(false, |co| {
            crate::types::lookup(co, "__init__")
                .zip(crate::types::lookup(t.frozenset.as_obj().unwrap(), "__init__"))
                .map_or(false, |(a, b)| !a.is(&b))
        });
    if !own_init && !kw.is_empty() {
        return Err(PyErr::type_error("frozenset() takes no keyword arguments"));
    }
    let npos = args.len() - kw.len();
    if npos > 2 {
        return Err(PyErr::type_error(format!("frozenset expected at most 1 argument, got {}", npos - 1)));
    }
    let co = cls.as_obj().ok_or_else(|| PyErr::type_error("frozenset.__new__(X): X is not a type object"))?;
    if co.as_type().is_none() {
        return Err(PyErr::type_error("frozenset.__new__(X): X is not a type object"));
    }
    if npos == 2 && cls.is(&t.frozenset) && type_ref(&args[1]) as *const _ == t.frozenset.as_obj().unwrap() as *const _ {
        return Ok(args[1].clone());
    }
    let c = RefCell::new(SetData::new());
    if npos == 2 {
        set::update_internal(vm, &c, &args[1])?;
    }
    Ok(set::wrap_typed(co, c.into_inner(), true))
}

// ---------------------------------------------------------------- dunders

fn set_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    check_self(me, "__repr__")?;
    let ty = type_ref(me);
    let name = ty.type_name_str();
    let keys = set::set_keys(me);
    if keys.is_empty() {
        return Ok(Value::string(format!("{name}()")));
    }
    if !vm.repr_enter(me) {
        return Ok(Value::string(format!("{name}(...)")));
    }
    let mut parts = Vec::with_capacity(keys.len());
    for k in &keys {
        match vm.repr_string(k) {
            Ok(s) => parts.push(s),
            Err(e) => {
                vm.repr_leave(me);
                return Err(e);
            }
        }
    }
    vm.repr_leave(me);
    let body = parts.join(", ");
    if std::ptr::eq(ty, types().set.as_obj().unwrap()) {
        Ok(Value::string(format!("{{{body}}}")))
    } else {
        Ok(Value::string(format!("{name}({{{body}}})")))
    }
}

fn set_len_m(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_self(&args[0], "__len__")?;
    Ok(Value::int(set_len(&args[0]) as i64))
}

fn set_contains_m(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_arg(args, kw, "__contains__")?;
    check_self(&args[0], "__contains__")?;
    Ok(Value::bool(set::set_contains(vm, &args[0], x)?))
}

fn set_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    check_self(&args[0], "__iter__")?;
    Ok(crate::types::iter::new_set_iter(args[0].clone()))
}

fn frozenset_hash(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match &args[0].as_obj().map(|o| &o.payload) {
        Some(Payload::FrozenSet(d)) => Ok(Value::int(d.frozen_hash())),
        _ => Err(PyErr::type_error("descriptor '__hash__' requires a 'frozenset' object")),
    }
}

fn richcmp(vm: &mut Vm, args: &[Value], op: CmpOpKind) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(PyErr::type_error("expected 1 argument"));
    }
    let (a, b) = (&args[0], &args[1]);
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(not_impl());
    }
    let (la, lb) = (set_len(a), set_len(b));
    let r = match op {
        CmpOpKind::Eq => set::set_eq(vm, a, b)?,
        CmpOpKind::Ne => !set::set_eq(vm, a, b)?,
        CmpOpKind::Le => set::issubset(vm, a, b)?,
        CmpOpKind::Ge => set::issuperset(vm, a, b)?,
        CmpOpKind::Lt => la < lb && set::issubset(vm, a, b)?,
        CmpOpKind::Gt => la > lb && set::issuperset(vm, a, b)?,
    };
    Ok(Value::bool(r))
}
fn set_eq(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    richcmp(vm, a, CmpOpKind::Eq)
}
fn set_ne(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    richcmp(vm, a, CmpOpKind::Ne)
}
fn set_lt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    richcmp(vm, a, CmpOpKind::Lt)
}
fn set_le(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    richcmp(vm, a, CmpOpKind::Le)
}
fn set_gt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    richcmp(vm, a, CmpOpKind::Gt)
}
fn set_ge(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    richcmp(vm, a, CmpOpKind::Ge)
}

fn binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOpKind) -> PyResult<Value> {
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(not_impl());
    }
    set::set_binop(vm, a, b, op)
}
fn arg2(args: &[Value]) -> PyResult<(&Value, &Value)> {
    if args.len() != 2 {
        return Err(PyErr::type_error("expected 1 argument"));
    }
    Ok((&args[0], &args[1]))
}
fn set_or(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    binop(vm, a, b, BinOpKind::Or)
}
fn set_ror(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    binop(vm, b, a, BinOpKind::Or)
}
fn set_and(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    binop(vm, a, b, BinOpKind::And)
}
fn set_rand(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    binop(vm, b, a, BinOpKind::And)
}
fn set_sub(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    binop(vm, a, b, BinOpKind::Subtract)
}
fn set_rsub(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    binop(vm, b, a, BinOpKind::Subtract)
}
fn set_xor(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    binop(vm, a, b, BinOpKind::Xor)
}
fn set_rxor(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    binop(vm, b, a, BinOpKind::Xor)
}

fn set_ior(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    if !is_anyset(b) {
        return Ok(not_impl());
    }
    set::update_internal(vm, cell(a, "__ior__")?, b)?;
    Ok(a.clone())
}
fn set_iand(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    if !is_anyset(b) {
        return Ok(not_impl());
    }
    let c = cell(a, "__iand__")?;
    let d = set::intersection(vm, a, b)?;
    set::replace(c, d);
    Ok(a.clone())
}
fn set_isub(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    if !is_anyset(b) {
        return Ok(not_impl());
    }
    set::difference_update(vm, cell(a, "__isub__")?, a, b)?;
    Ok(a.clone())
}
fn set_ixor(vm: &mut Vm, args: &[Value], _k: &[Value]) -> PyResult<Value> {
    let (a, b) = arg2(args)?;
    if !is_anyset(b) {
        return Ok(not_impl());
    }
    set::symmetric_difference_update(vm, cell(a, "__ixor__")?, a, b)?;
    Ok(a.clone())
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

// ---------------------------------------------------------------- methods

fn set_add_m(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_arg(args, kw, "add")?.clone();
    let c = cell(&args[0], "add")?;
    let h = vm.hash(&x)?;
    set::add_entry(vm, c, x, h)?;
    Ok(Value::NONE)
}

fn set_remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_arg(args, kw, "remove")?;
    let c = cell(&args[0], "remove")?;
    if !set::discard_key(vm, c, x)? {
        return Err(PyErr::key_error(x.clone()));
    }
    Ok(Value::NONE)
}

fn set_discard(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let x = one_arg(args, kw, "discard")?;
    let c = cell(&args[0], "discard")?;
    set::discard_key(vm, c, x)?;
    Ok(Value::NONE)
}

fn set_pop(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("pop", &args[1..], kw, 0, 0)?;
    let c = cell(&args[0], "pop")?;
    match set::pop(c) {
        Some(v) => Ok(v),
        None => Err(PyErr::with_args(&types().exc.key_error, vec![Value::str("pop from an empty set")])),
    }
}

fn set_clear(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("clear", &args[1..], kw, 0, 0)?;
    set::clear(cell(&args[0], "clear")?);
    Ok(Value::NONE)
}

fn set_copy(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("copy", &args[1..], kw, 0, 0)?;
    check_self(&args[0], "copy")?;
    let me = &args[0];
    let frozen = is_frozen(me);
    if frozen && std::ptr::eq(type_ref(me), types().frozenset.as_obj().unwrap()) {
        return Ok(me.clone());
    }
    Ok(set::wrap(set::table_copy(me), frozen))
}

fn set_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("set.update", kw)?;
    let c = cell(&args[0], "update")?;
    for o in &args[1..] {
        set::update_internal(vm, c, o)?;
    }
    Ok(Value::NONE)
}

fn set_union(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("union", kw)?;
    let me = &args[0];
    check_self(me, "union")?;
    let c = RefCell::new(set::table_copy(me));
    for o in &args[1..] {
        if o.is(me) {
            continue;
        }
        set::update_internal(vm, &c, o)?;
    }
    Ok(set::wrap(c.into_inner(), is_frozen(me)))
}

/// `so.intersection(*others)` as a table.
fn intersection_multi(vm: &mut Vm, me: &Value, others: &[Value]) -> PyResult<SetData> {
    if others.is_empty() {
        return Ok(set::table_copy(me));
    }
    let frozen = is_frozen(me);
    let mut result = me.clone();
    let mut last = None;
    for o in others {
        let d = set::intersection(vm, &result, o)?;
        result = set::wrap(d, frozen);
        last = Some(());
    }
    let _ = last;
    Ok(set::tref(&result).map_or_else(SetData::new, |t| t.with(|d| d.clone())))
}

fn set_intersection(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("intersection", kw)?;
    let me = &args[0];
    check_self(me, "intersection")?;
    let d = intersection_multi(vm, me, &args[1..])?;
    Ok(set::wrap(d, is_frozen(me)))
}

fn set_intersection_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("intersection_update", kw)?;
    let me = &args[0];
    let c = cell(me, "intersection_update")?;
    let d = intersection_multi(vm, me, &args[1..])?;
    set::replace(c, d);
    Ok(Value::NONE)
}

fn set_difference(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("difference", kw)?;
    let me = &args[0];
    check_self(me, "difference")?;
    let frozen = is_frozen(me);
    if args.len() == 1 {
        return Ok(set::wrap(set::table_copy(me), frozen));
    }
    let d = set::difference(vm, me, &args[1])?;
    let c = RefCell::new(d);
    for o in &args[2..] {
        set::difference_update(vm, &c, &Value::NULL, o)?;
    }
    Ok(set::wrap(c.into_inner(), frozen))
}

fn set_difference_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("difference_update", kw)?;
    let me = &args[0];
    let c = cell(me, "difference_update")?;
    for o in &args[1..] {
        set::difference_update(vm, c, me, o)?;
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = one_arg(args, kw, "symmetric_difference")?;
    let me = &args[0];
    check_self(me, "symmetric_difference")?;
    let d = set::symmetric_difference(vm, me, o)?;
    Ok(set::wrap(d, is_frozen(me)))
}

fn set_symmetric_difference_update(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = one_arg(args, kw, "symmetric_difference_update")?;
    let me = &args[0];
    let c = cell(me, "symmetric_difference_update")?;
    set::symmetric_difference_update(vm, c, me, o)?;
    Ok(Value::NONE)
}

fn set_issubset(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = one_arg(args, kw, "issubset")?;
    check_self(&args[0], "issubset")?;
    Ok(Value::bool(set::issubset(vm, &args[0], o)?))
}

fn set_issuperset(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = one_arg(args, kw, "issuperset")?;
    check_self(&args[0], "issuperset")?;
    Ok(Value::bool(set::issuperset(vm, &args[0], o)?))
}

fn set_isdisjoint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let o = one_arg(args, kw, "isdisjoint")?;
    check_self(&args[0], "isdisjoint")?;
    Ok(Value::bool(set::isdisjoint(vm, &args[0], o)?))
}

fn set_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let keys = Value::list(set::set_keys(me));
    // The instance dict and `__slots__` values, as `__getstate__` gives them.
    let state = vm.call_method(me, "__getstate__", &[])?;
    Ok(Value::tuple(vec![crate::types::type_of(me), Value::tuple(vec![keys]), state]))
}

fn set_sizeof(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = set::tref(&args[0]).map_or(8, |t| t.with(|d| d.raw_len()));
    Ok(Value::int(if n > 8 { 200 + 16 * n as i64 } else { 200 }))
}

pub fn init(t: &Types) {
    for (ty, frozen) in [(&t.set, false), (&t.frozenset, true)] {
        if frozen {
            add_native(ty, "__new__", frozenset_new, NativeKind::StaticMethod);
            add_method(ty, "__hash__", frozenset_hash);
        } else {
            add_native(ty, "__new__", set_new, NativeKind::StaticMethod);
            add_method(ty, "__init__", set_init);
            add_attr(ty, "__hash__", Value::NONE);
        }
        add_method(ty, "__repr__", set_repr);
        add_method(ty, "__len__", set_len_m);
        add_method(ty, "__contains__", set_contains_m);
        add_method(ty, "__iter__", set_iter);
        add_method(ty, "__eq__", set_eq);
        add_method(ty, "__ne__", set_ne);
        add_method(ty, "__lt__", set_lt);
        add_method(ty, "__le__", set_le);
        add_method(ty, "__gt__", set_gt);
        add_method(ty, "__ge__", set_ge);
        add_method(ty, "__or__", set_or);
        add_method(ty, "__ror__", set_ror);
        add_method(ty, "__and__", set_and);
        add_method(ty, "__rand__", set_rand);
        add_method(ty, "__sub__", set_sub);
        add_method(ty, "__rsub__", set_rsub);
        add_method(ty, "__xor__", set_xor);
        add_method(ty, "__rxor__", set_rxor);
        add_method(ty, "__reduce__", set_reduce);
        add_method(ty, "__sizeof__", set_sizeof);
        add_native(ty, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
        add_method(ty, "copy", set_copy);
        add_method(ty, "union", set_union);
        add_method(ty, "intersection", set_intersection);
        add_method(ty, "difference", set_difference);
        add_method(ty, "symmetric_difference", set_symmetric_difference);
        add_method(ty, "issubset", set_issubset);
        add_method(ty, "issuperset", set_issuperset);
        add_method(ty, "isdisjoint", set_isdisjoint);
        if !frozen {
            add_method(ty, "__ior__", set_ior);
            add_method(ty, "__iand__", set_iand);
            add_method(ty, "__isub__", set_isub);
            add_method(ty, "__ixor__", set_ixor);
            add_method(ty, "add", set_add_m);
            add_method(ty, "remove", set_remove);
            add_method(ty, "discard", set_discard);
            add_method(ty, "pop", set_pop);
            add_method(ty, "clear", set_clear);
            add_method(ty, "update", set_update);
            add_method(ty, "intersection_update", set_intersection_update);
            add_method(ty, "difference_update", set_difference_update);
            add_method(ty, "symmetric_difference_update", set_symmetric_difference_update);
        }
    }
}
