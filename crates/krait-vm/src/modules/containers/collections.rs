//! The `_collections` module: `deque` (a ring buffer in an opaque payload)
//! and its iterators, `defaultdict` (a native subclass of `dict`: instances
//! are real dicts, the factory lives in a slot), `_count_elements` (used by
//! `Counter`) and `_tuplegetter` (the field descriptors of namedtuples).
//! `OrderedDict` stays the pure-Python one of `collections/__init__.py`.

use super::common::{check_new, iter_self, native_data, no_kw, st, stop, tname};
use crate::modules::native::{new_type, GilSlot};
use crate::object::{new_opaque, NativeKind, PyObject};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_attr, add_getset, add_method, add_native, dict, is_instance, lookup, type_of, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::CmpOpKind;
use std::collections::VecDeque;

static TYPES: GilSlot = GilSlot::new();

const DEQUE: usize = 0;
const DEQUE_ITER: usize = 1;
const DEQUE_RITER: usize = 2;
const DEFAULTDICT: usize = 3;
const TUPLEGETTER: usize = 4;

fn ty(i: usize) -> Value {
    let t = TYPES.get_or_init(build_types);
    t.as_tuple().map(|t| t[i].clone()).unwrap_or(Value::NONE)
}

fn build_types() -> Value {
    let t = types();
    let dq = new_type("collections", "deque", None);
    add_native(&dq, "__new__", deque_new, NativeKind::StaticMethod);
    for (name, f) in [
        ("__init__", deque_init as crate::object::NativeFn),
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("clear", deque_clear),
        ("copy", deque_copy),
        ("__copy__", deque_copy),
        ("count", deque_count),
        ("index", deque_index),
        ("insert", deque_insert),
        ("remove", deque_remove),
        ("reverse", deque_reverse),
        ("rotate", deque_rotate),
        ("__len__", deque_len),
        ("__getitem__", deque_getitem),
        ("__setitem__", deque_setitem),
        ("__delitem__", deque_delitem),
        ("__contains__", deque_contains),
        ("__iter__", deque_iter),
        ("__reversed__", deque_reversed),
        ("__repr__", deque_repr),
        ("__eq__", deque_eq),
        ("__ne__", deque_ne),
        ("__lt__", deque_lt),
        ("__le__", deque_le),
        ("__gt__", deque_gt),
        ("__ge__", deque_ge),
        ("__add__", deque_add),
        ("__mul__", deque_mul),
        ("__rmul__", deque_mul),
        ("__iadd__", deque_iadd),
        ("__imul__", deque_imul),
        ("__reduce__", deque_reduce),
        ("__sizeof__", deque_sizeof),
    ] {
        add_method(&dq, name, f);
    }
    add_getset(&dq, "maxlen", deque_maxlen, None);
    add_native(&dq, "__class_getitem__", class_getitem, NativeKind::ClassMethod);
    add_attr(&dq, "__hash__", Value::NONE);
    add_attr(&dq, "__doc__", Value::str("deque([iterable[, maxlen]]) --> deque object\n\nA list-like sequence optimized for data accesses near its endpoints."));

    let mk_iter = |name: &str, new: crate::object::NativeFn| {
        let c = crate::types::new_native_type("_collections", name, &t.object, false);
        add_native(&c, "__new__", new, NativeKind::StaticMethod);
        add_method(&c, "__iter__", iter_self);
        add_method(&c, "__next__", dqiter_next);
        add_method(&c, "__length_hint__", dqiter_length_hint);
        add_method(&c, "__reduce__", dqiter_reduce);
        c
    };
    let it = mk_iter("_deque_iterator", dqiter_new);
    let rit = mk_iter("_deque_reverse_iterator", dqriter_new);

    let dd = crate::types::new_native_type("collections", "defaultdict", &t.dict, true);
    dd.as_obj().unwrap().type_data().slot_names.borrow_mut().push("default_factory".into());
    add_native(&dd, "__new__", dd_new, NativeKind::StaticMethod);
    add_method(&dd, "__init__", dd_init);
    add_method(&dd, "__missing__", dd_missing);
    add_method(&dd, "__repr__", dd_repr);
    add_method(&dd, "copy", dd_copy);
    add_method(&dd, "__copy__", dd_copy);
    add_method(&dd, "__reduce__", dd_reduce);
    add_method(&dd, "__or__", dd_or);
    add_method(&dd, "__ror__", dd_ror);
    add_getset(&dd, "default_factory", dd_factory_get, Some(dd_factory_set));
    add_attr(&dd, "__doc__", Value::str("defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\nThe default factory is called without arguments to produce\na new value when a key is not present, in __getitem__ only.\nA defaultdict compares equal to a dict with the same items.\nAll remaining arguments are treated the same as if they were\npassed to the dict constructor, including keyword arguments.\n"));

    let tg = crate::types::new_native_type("_collections", "_tuplegetter", &t.object, false);
    add_native(&tg, "__new__", tg_new, NativeKind::StaticMethod);
    add_method(&tg, "__get__", tg_get);
    add_method(&tg, "__set__", tg_set);
    add_method(&tg, "__delete__", tg_delete);
    add_method(&tg, "__reduce__", tg_reduce);
    add_getset(&tg, "__doc__", tg_doc_get, Some(tg_doc_set));
    Value::tuple(vec![dq, it, rit, dd, tg])
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_collections");
    set_attr(&m, "__doc__", Value::str("High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n- defaultdict:  dict subclass with a default value factory\n"));
    set_attr(&m, "deque", ty(DEQUE));
    set_attr(&m, "_deque_iterator", ty(DEQUE_ITER));
    set_attr(&m, "_deque_reverse_iterator", ty(DEQUE_RITER));
    set_attr(&m, "defaultdict", ty(DEFAULTDICT));
    set_attr(&m, "_tuplegetter", ty(TUPLEGETTER));
    add_function(&m, "_count_elements", count_elements);
    m
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

fn not_impl() -> Value {
    types().not_implemented.clone()
}

/// `name() takes exactly one argument (N given)` for single-argument methods.
fn one_arg(name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    no_kw(name, kw)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("{name}() takes exactly one argument ({} given)", args.len() - 1)));
    }
    Ok(())
}

fn no_args(name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    no_kw(name, kw)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("{name}() takes no arguments ({} given)", args.len() - 1)));
    }
    Ok(())
}

// ---------------------------------------------------------------- deque

pub struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every change of size (iterators compare it).
    state: u64,
}
native_data!(Deque, items);

const DQ: &str = "collections.deque";

fn dq<R>(v: &Value, f: impl FnOnce(&mut Deque) -> R) -> PyResult<R> {
    st(v, DQ, f)
}

fn mutated() -> PyErr {
    PyErr::runtime_error("deque mutated during iteration")
}

fn is_deque(v: &Value) -> bool {
    is_instance(v, &ty(DEQUE)) && super::common::has::<Deque>(v)
}

fn deque_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(DEQUE), DQ)?;
    Ok(new_opaque(&cls, Deque { items: VecDeque::new(), maxlen: None, state: 0 }))
}

/// A new plain deque holding `items`.
fn new_deque(items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    new_opaque(&ty(DEQUE), Deque { items, maxlen, state: 0 })
}

fn deque_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let np = args.len() - kw.len();
    if np > 3 {
        return Err(PyErr::type_error(format!("deque() takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    let mut iterable = args.get(1).filter(|_| np > 1).cloned();
    let mut maxlen = args.get(2).filter(|_| np > 2).cloned();
    for (k, n) in kw.iter().enumerate() {
        let v = args[np + k].clone();
        match n.as_str() {
            Some("iterable") if iterable.is_none() => iterable = Some(v),
            Some("maxlen") if maxlen.is_none() => maxlen = Some(v),
            Some(s @ ("iterable" | "maxlen")) => {
                let pos = if s == "iterable" { 1 } else { 2 };
                return Err(PyErr::type_error(format!("argument for deque() given by name ('{s}') and position ({pos})")));
            }
            other => return Err(PyErr::type_error(format!("'{}' is an invalid keyword argument for deque()", other.unwrap_or("")))),
        }
    }
    let ml = match maxlen {
        Some(m) if !m.is_none() => {
            if !m.is_int() {
                return Err(PyErr::type_error("an integer is required"));
            }
            let n = vm.index_value(&m)?;
            if n < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
        _ => None,
    };
    let old = dq(me, |d| {
        d.maxlen = ml;
        if d.items.is_empty() {
            VecDeque::new()
        } else {
            d.state += 1;
            std::mem::take(&mut d.items)
        }
    })?;
    drop(old);
    if let Some(it) = iterable {
        extend_impl(vm, me, &it, false)?;
    }
    Ok(Value::NONE)
}

/// Append at the right (or left), evicting from the other end when full.
fn push(me: &Value, v: Value, left: bool) -> PyResult<()> {
    let evicted = dq(me, |d| {
        d.state += 1;
        if d.maxlen == Some(0) {
            return Some(v);
        }
        if left {
            d.items.push_front(v);
        } else {
            d.items.push_back(v);
        }
        match d.maxlen {
            Some(m) if d.items.len() > m => {
                if left {
                    d.items.pop_back()
                } else {
                    d.items.pop_front()
                }
            }
            _ => None,
        }
    })?;
    drop(evicted);
    Ok(())
}

fn deque_append(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg("deque.append", args, kw)?;
    push(&args[0], args[1].clone(), false)?;
    Ok(Value::NONE)
}

fn deque_appendleft(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg("deque.appendleft", args, kw)?;
    push(&args[0], args[1].clone(), true)?;
    Ok(Value::NONE)
}

fn pop_impl(args: &[Value], kw: &[Value], name: &str, left: bool) -> PyResult<Value> {
    no_args(name, args, kw)?;
    let v = dq(&args[0], |d| {
        let v = if left { d.items.pop_front() } else { d.items.pop_back() };
        if v.is_some() {
            d.state += 1;
        }
        v
    })?;
    v.ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn deque_pop(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pop_impl(args, kw, "deque.pop", false)
}

fn deque_popleft(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pop_impl(args, kw, "deque.popleft", true)
}

fn extend_impl(vm: &mut Vm, me: &Value, iterable: &Value, left: bool) -> PyResult<()> {
    if iterable.is(me) {
        let items: Vec<Value> = dq(me, |d| d.items.iter().cloned().collect())?;
        for v in items {
            push(me, v, left)?;
        }
        return Ok(());
    }
    let it = vm.iter(iterable)?;
    let zero = dq(me, |d| d.maxlen == Some(0))?;
    while let Some(v) = vm.next(&it)? {
        if zero {
            continue;
        }
        push(me, v, left)?;
    }
    Ok(())
}

fn deque_extend(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg("deque.extend", args, kw)?;
    extend_impl(vm, &args[0], &args[1], false)?;
    Ok(Value::NONE)
}

fn deque_extendleft(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg("deque.extendleft", args, kw)?;
    extend_impl(vm, &args[0], &args[1], true)?;
    Ok(Value::NONE)
}

fn deque_clear(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("deque.clear", args, kw)?;
    let old = dq(&args[0], |d| {
        d.state += 1;
        std::mem::take(&mut d.items)
    })?;
    drop(old);
    Ok(Value::NONE)
}

fn deque_copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("deque.copy", args, kw)?;
    let me = &args[0];
    let (items, maxlen) = dq(me, |d| (d.items.clone(), d.maxlen))?;
    let cls = type_of(me);
    if cls.is(&ty(DEQUE)) {
        return Ok(new_deque(items, maxlen));
    }
    let r = match maxlen {
        None => vm.call(&cls, &[me.clone()])?,
        Some(m) => vm.call(&cls, &[me.clone(), Value::int(m as i64)])?,
    };
    if !is_deque(&r) {
        return Err(PyErr::type_error(format!("{}() must return a deque, not {}", cls.as_obj().unwrap().type_name_str(), tname(&r))));
    }
    Ok(r)
}

/// Compare each item with `v` (`==`), as long as the deque is unchanged.
/// Returns the first position in `start..stop` where they are equal.
fn find(vm: &mut Vm, me: &Value, v: &Value, start: usize, stop: usize, on_mutate: fn() -> PyErr) -> PyResult<Option<usize>> {
    let st0 = dq(me, |d| d.state)?;
    let mut i = start;
    while i < stop {
        let item = dq(me, |d| if d.state == st0 { d.items.get(i).cloned() } else { None })?;
        let Some(item) = item else {
            return Err(on_mutate());
        };
        let eq = item.is(v) || vm.eq(&item, v)?;
        if dq(me, |d| d.state)? != st0 {
            return Err(on_mutate());
        }
        if eq {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn deque_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg("deque.count", args, kw)?;
    let me = &args[0];
    let n = dq(me, |d| d.items.len())?;
    let st0 = dq(me, |d| d.state)?;
    let mut c = 0i64;
    for i in 0..n {
        let item = dq(me, |d| if d.state == st0 { d.items.get(i).cloned() } else { None })?;
        let Some(item) = item else { return Err(mutated()) };
        if item.is(&args[1]) || vm.eq(&item, &args[1])? {
            c += 1;
        }
        if dq(me, |d| d.state)? != st0 {
            return Err(mutated());
        }
    }
    Ok(Value::int(c))
}

fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !v.is_int() && lookup(type_ref(v), "__index__").is_none() {
        return Err(PyErr::type_error("slice indices must be integers or have an __index__ method"));
    }
    match vm.index_value(v) {
        Ok(i) => Ok(i),
        Err(e) if e.matches(&types().exc.overflow_error) => {
            Ok(if v.to_bigint().map_or(false, |b| b.sign() == num_bigint::Sign::Minus) { i64::MIN } else { i64::MAX })
        }
        Err(e) => Err(e),
    }
}

fn deque_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("index", kw)?;
    if args.len() < 2 || args.len() > 4 {
        return Err(PyErr::type_error(if args.len() < 2 {
            format!("index expected at least 1 argument, got {}", args.len() - 1)
        } else {
            format!("index expected at most 3 arguments, got {}", args.len() - 1)
        }));
    }
    let me = &args[0];
    let n = dq(me, |d| d.items.len())? as i64;
    let mut start = match args.get(2) {
        Some(v) => slice_index(vm, v)?,
        None => 0,
    };
    let mut stop = match args.get(3) {
        Some(v) => slice_index(vm, v)?,
        None => i64::MAX,
    };
    if start < 0 {
        start = start.saturating_add(n).max(0);
    }
    if stop < 0 {
        stop = stop.saturating_add(n).max(0);
    }
    stop = stop.min(n);
    start = start.min(stop);
    match find(vm, me, &args[1], start as usize, stop as usize, mutated)? {
        Some(i) => Ok(Value::int(i as i64)),
        None => {
            let r = vm.repr_string(&args[1])?;
            Err(PyErr::value_error(format!("{r} is not in deque")))
        }
    }
}

fn deque_insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("insert", kw)?;
    if args.len() != 3 {
        return Err(PyErr::type_error(format!("insert expected 2 arguments, got {}", args.len() - 1)));
    }
    let me = &args[0];
    let i = vm.index_value(&args[1])?;
    let v = args[2].clone();
    dq(me, |d| {
        if d.maxlen == Some(d.items.len()) {
            return Err(PyErr::index_error("deque already at its maximum size"));
        }
        let n = d.items.len() as i64;
        let mut j = i;
        if j < 0 {
            j = (j + n).max(0);
        }
        let j = j.min(n) as usize;
        d.items.insert(j, v);
        d.state += 1;
        Ok(())
    })??;
    Ok(Value::NONE)
}

fn remove_mutated() -> PyErr {
    PyErr::index_error("deque mutated during iteration")
}

fn deque_remove(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg("deque.remove", args, kw)?;
    let me = &args[0];
    let n = dq(me, |d| d.items.len())?;
    match find(vm, me, &args[1], 0, n, remove_mutated)? {
        Some(i) => {
            let old = dq(me, |d| {
                d.state += 1;
                d.items.remove(i)
            })?;
            drop(old);
            Ok(Value::NONE)
        }
        None => {
            let r = vm.repr_string(&args[1])?;
            Err(PyErr::value_error(format!("{r} is not in deque")))
        }
    }
}

fn deque_reverse(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_args("deque.reverse", args, kw)?;
    dq(&args[0], |d| d.items.make_contiguous().reverse())?;
    Ok(Value::NONE)
}

fn deque_rotate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("rotate", kw)?;
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("rotate expected at most 1 argument, got {}", args.len() - 1)));
    }
    let n = match args.get(1) {
        Some(v) => match vm.index_value(v) {
            Err(e) if e.matches(&types().exc.overflow_error) => {
                return Err(PyErr::overflow("Python int too large to convert to C ssize_t"))
            }
            r => r?,
        },
        None => 1,
    };
    dq(&args[0], |d| {
        let len = d.items.len() as i64;
        d.state += 1;
        if len <= 1 {
            return;
        }
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
    })?;
    Ok(Value::NONE)
}

fn deque_len(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(dq(&args[0], |d| d.items.len())? as i64))
}

fn seq_index(vm: &mut Vm, k: &Value, n: usize) -> PyResult<usize> {
    if !k.is_int() && lookup(type_ref(k), "__index__").is_none() {
        return Err(PyErr::type_error(format!("sequence index must be integer, not '{}'", tname(k))));
    }
    let i = vm.subscript_index(k)?;
    crate::ops::seq::norm_index(i, n).ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn deque_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg("deque.__getitem__", args, kw)?;
    let n = dq(&args[0], |d| d.items.len())?;
    let i = seq_index(vm, &args[1], n)?;
    dq(&args[0], |d| d.items.get(i).cloned())?.ok_or_else(|| PyErr::index_error("deque index out of range"))
}

fn deque_setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("__setitem__", kw)?;
    if args.len() != 3 {
        return Err(PyErr::type_error(format!("expected 2 arguments, got {}", args.len() - 1)));
    }
    let n = dq(&args[0], |d| d.items.len())?;
    let i = seq_index(vm, &args[1], n)?;
    let v = args[2].clone();
    let old = dq(&args[0], |d| d.items.get_mut(i).map(|s| std::mem::replace(s, v)))?;
    match old {
        Some(o) => {
            drop(o);
            Ok(Value::NONE)
        }
        None => Err(PyErr::index_error("deque index out of range")),
    }
}

fn deque_delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg("deque.__delitem__", args, kw)?;
    let n = dq(&args[0], |d| d.items.len())?;
    let i = seq_index(vm, &args[1], n)?;
    let old = dq(&args[0], |d| {
        let o = d.items.remove(i);
        if o.is_some() {
            d.state += 1;
        }
        o
    })?;
    match old {
        Some(o) => {
            drop(o);
            Ok(Value::NONE)
        }
        None => Err(PyErr::index_error("deque index out of range")),
    }
}

fn deque_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg("deque.__contains__", args, kw)?;
    let n = dq(&args[0], |d| d.items.len())?;
    Ok(Value::bool(find(vm, &args[0], &args[1], 0, n, mutated)?.is_some()))
}

fn deque_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    if !vm.repr_enter(me) {
        return Ok(Value::str("[...]"));
    }
    let r = (|| -> PyResult<String> {
        let (items, maxlen) = dq(me, |d| (d.items.iter().cloned().collect::<Vec<_>>(), d.maxlen))?;
        let mut parts = Vec::with_capacity(items.len());
        for x in &items {
            parts.push(vm.repr_string(x)?);
        }
        let name = tname(me);
        Ok(match maxlen {
            Some(m) => format!("{name}([{}], maxlen={m})", parts.join(", ")),
            None => format!("{name}([{}])", parts.join(", ")),
        })
    })();
    vm.repr_leave(me);
    Ok(Value::string(r?))
}

fn deque_cmp(vm: &mut Vm, args: &[Value], op: CmpOpKind) -> PyResult<Value> {
    if args.len() != 2 || !is_deque(&args[1]) || !is_deque(&args[0]) {
        return Ok(not_impl());
    }
    let x: Vec<Value> = dq(&args[0], |d| d.items.iter().cloned().collect())?;
    let y: Vec<Value> = dq(&args[1], |d| d.items.iter().cloned().collect())?;
    Ok(Value::bool(crate::ops::compare::seq_compare(vm, &x, &y, op)?))
}

fn deque_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    deque_cmp(vm, args, CmpOpKind::Eq)
}
fn deque_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    deque_cmp(vm, args, CmpOpKind::Ne)
}
fn deque_lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    deque_cmp(vm, args, CmpOpKind::Lt)
}
fn deque_le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    deque_cmp(vm, args, CmpOpKind::Le)
}
fn deque_gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    deque_cmp(vm, args, CmpOpKind::Gt)
}
fn deque_ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    deque_cmp(vm, args, CmpOpKind::Ge)
}

fn deque_add(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Ok(not_impl());
    }
    if !is_deque(&args[1]) {
        return Err(PyErr::type_error(format!("can only concatenate deque (not \"{}\") to deque", tname(&args[1]))));
    }
    let new = deque_copy(vm, &args[..1], &[])?;
    extend_impl(vm, &new, &args[1], false)?;
    Ok(new)
}

fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    if !v.is_int() && lookup(type_ref(v), "__index__").is_none() {
        return Ok(None);
    }
    Ok(Some(vm.index_value(v)?))
}

fn imul_impl(me: &Value, n: i64) -> PyResult<()> {
    let old = dq(me, |d| {
        if n <= 0 {
            if !d.items.is_empty() {
                d.state += 1;
            }
            return Ok(std::mem::take(&mut d.items));
        }
        if n == 1 || d.items.is_empty() {
            return Ok(VecDeque::new());
        }
        let base: Vec<Value> = d.items.iter().cloned().collect();
        let cap = d.maxlen.unwrap_or(usize::MAX);
        let total = (base.len() as u128) * (n as u128);
        if d.maxlen.is_none() && total > (isize::MAX as u128) / 16 {
            return Err(PyErr::memory_error());
        }
        let total = total.min(cap as u128) as usize;
        d.state += 1;
        // The last `total` items of the repetition.
        let mut out = VecDeque::with_capacity(total);
        let blen = base.len();
        let full = blen as u128 * n as u128;
        let skip = (full - total as u128) as usize % blen;
        let mut k = skip;
        for _ in 0..total {
            out.push_back(base[k].clone());
            k += 1;
            if k == blen {
                k = 0;
            }
        }
        Ok(std::mem::replace(&mut d.items, out))
    })??;
    drop(old);
    Ok(())
}

fn deque_mul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Ok(not_impl());
    }
    let Some(n) = repeat_count(vm, &args[1])? else {
        return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", tname(&args[1]))));
    };
    let new = deque_copy(vm, &args[..1], &[])?;
    imul_impl(&new, n)?;
    Ok(new)
}

fn deque_imul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Ok(not_impl());
    }
    let Some(n) = repeat_count(vm, &args[1])? else {
        return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", tname(&args[1]))));
    };
    imul_impl(&args[0], n)?;
    Ok(args[0].clone())
}

fn deque_iadd(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Ok(not_impl());
    }
    extend_impl(vm, &args[0], &args[1], false)?;
    Ok(args[0].clone())
}

fn deque_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let maxlen = dq(me, |d| d.maxlen)?;
    let state = vm.call_method(me, "__getstate__", &[])?;
    let it = vm.iter(me)?;
    let a = match maxlen {
        None => Value::tuple(vec![]),
        Some(m) => Value::tuple(vec![Value::tuple(vec![]), Value::int(m as i64)]),
    };
    Ok(Value::tuple(vec![type_of(me), a, state, it]))
}

fn deque_sizeof(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let n = dq(&args[0], |d| d.items.capacity())?;
    Ok(Value::int(96 + 8 * n as i64))
}

fn deque_maxlen(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(match dq(&args[0], |d| d.maxlen)? {
        Some(m) => Value::int(m as i64),
        None => Value::NONE,
    })
}

// ---------------------------------------------------------------- deque iterators

struct DequeIter {
    deque: Value,
    /// Position (from the left) of the next item.
    pos: usize,
    /// Items left.
    counter: usize,
    state: u64,
    reverse: bool,
}
native_data!(DequeIter, deque);

fn make_iter(me: &Value, reverse: bool) -> PyResult<Value> {
    let (n, state) = dq(me, |d| (d.items.len(), d.state))?;
    let pos = if reverse { n.wrapping_sub(1) } else { 0 };
    let t = if reverse { ty(DEQUE_RITER) } else { ty(DEQUE_ITER) };
    Ok(new_opaque(&t, DequeIter { deque: me.clone(), pos, counter: n, state, reverse }))
}

fn deque_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_iter(&args[0], false)
}

fn deque_reversed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    make_iter(&args[0], true)
}

fn iter_new_common(vm: &mut Vm, args: &[Value], kw: &[Value], reverse: bool) -> PyResult<Value> {
    let which = if reverse { DEQUE_RITER } else { DEQUE_ITER };
    let cls = check_new(args, &ty(which), if reverse { "_collections._deque_reverse_iterator" } else { "_collections._deque_iterator" })?;
    no_kw(if reverse { "_deque_reverse_iterator" } else { "_deque_iterator" }, kw)?;
    if args.len() < 2 || args.len() > 3 {
        return Err(PyErr::type_error(format!("function takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    if !is_deque(&args[1]) {
        return Err(PyErr::type_error(format!("argument 1 must be collections.deque, not {}", tname(&args[1]))));
    }
    let it = make_iter(&args[1], reverse)?;
    let skip = match args.get(2) {
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let _ = cls;
    for _ in 0..skip.max(0) {
        if dqiter_step(&it)?.is_none() {
            break;
        }
    }
    Ok(it)
}

fn dqiter_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    iter_new_common(vm, args, kw, false)
}

fn dqriter_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    iter_new_common(vm, args, kw, true)
}

fn dqiter_step(it: &Value) -> PyResult<Option<Value>> {
    let (d, pos, counter, state, reverse) = st(it, "_collections._deque_iterator", |i: &mut DequeIter| (i.deque.clone(), i.pos, i.counter, i.state, i.reverse))?;
    let r = dq(&d, |dd| {
        if dd.state != state {
            return Err(());
        }
        if counter == 0 {
            return Ok(None);
        }
        Ok(dd.items.get(pos).cloned())
    })?;
    match r {
        Err(()) => {
            st(it, "_collections._deque_iterator", |i: &mut DequeIter| i.counter = 0)?;
            Err(mutated())
        }
        Ok(None) => Ok(None),
        Ok(Some(v)) => {
            st(it, "_collections._deque_iterator", |i: &mut DequeIter| {
                i.counter -= 1;
                i.pos = if reverse { i.pos.wrapping_sub(1) } else { i.pos + 1 };
            })?;
            Ok(Some(v))
        }
    }
}

fn dqiter_next(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dqiter_step(&args[0])?.ok_or_else(stop)
}

fn dqiter_length_hint(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let c = st(&args[0], "_collections._deque_iterator", |i: &mut DequeIter| i.counter)?;
    Ok(Value::int(c as i64))
}

fn dqiter_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (d, counter) = st(&args[0], "_collections._deque_iterator", |i: &mut DequeIter| (i.deque.clone(), i.counter))?;
    let n = dq(&d, |dd| dd.items.len())?;
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(vec![d, Value::int(n as i64 - counter as i64)])]))
}

// ---------------------------------------------------------------- defaultdict

fn factory_of(v: &Value) -> Value {
    v.as_obj()
        .and_then(|o| o.slots.borrow().first().cloned())
        .filter(|f| !f.is_null())
        .unwrap_or(Value::NONE)
}

fn is_dd(v: &Value) -> bool {
    is_instance(v, &ty(DEFAULTDICT)) && v.as_dict().is_some()
}

fn dd_check(v: &Value) -> PyResult<()> {
    if is_dd(v) {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("descriptor requires a 'collections.defaultdict' object but received a '{}'", tname(v))))
    }
}

fn dd_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    let Some(co) = cls.as_obj().filter(|o| o.as_type().is_some()) else {
        return Err(PyErr::type_error("dict.__new__(X): X is not a type object"));
    };
    if !crate::types::is_subtype(&cls, &types().dict) {
        let n = co.type_name_str();
        return Err(PyErr::type_error(format!("dict.__new__({n}): {n} is not a subtype of dict")));
    }
    let n = co.type_data().slot_names.borrow().len().max(1);
    let o = PyObject::new_with_slots(co, dict::empty_dict_payload(), n);
    o.slots.borrow_mut()[0] = Value::NONE;
    Ok(Value::from_obj(o))
}

fn set_factory(me: &Value, f: Value) {
    if let Some(o) = me.as_obj() {
        let old = {
            let mut s = o.slots.borrow_mut();
            s.first_mut().map(|slot| std::mem::replace(slot, f))
        };
        drop(old);
    }
}

fn dd_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    dd_check(me)?;
    let np = args.len() - kw.len();
    let mut rest: Vec<Value> = Vec::with_capacity(args.len());
    rest.push(me.clone());
    if np > 1 {
        let f = args[1].clone();
        if !f.is_none() && !vm.callable(&f) {
            return Err(PyErr::type_error("first argument must be callable or None"));
        }
        set_factory(me, f);
        rest.extend_from_slice(&args[2..]);
    } else {
        rest.extend_from_slice(&args[1..]);
    }
    let init = lookup(types().dict.as_obj().unwrap(), "__init__").ok_or_else(|| PyErr::type_error("dict.__init__ missing"))?;
    vm.call_kw(&init, &rest, kw)?;
    Ok(Value::NONE)
}

fn dd_missing(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one_arg("defaultdict.__missing__", args, kw)?;
    let me = &args[0];
    dd_check(me)?;
    let f = factory_of(me);
    if f.is_none() {
        return Err(PyErr::key_error(args[1].clone()));
    }
    let v = vm.call(&f, &[])?;
    vm.setitem(me, &args[1], v.clone())?;
    Ok(v)
}

fn dd_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    dd_check(me)?;
    // dict's repr, with its recursion marker checked first (as CPython's
    // dict_repr does, even for an empty dict).
    let base = if vm.repr_enter(me) {
        vm.repr_leave(me);
        let b = crate::types::dict_methods::dict_repr(vm, &[me.clone()], &[])?;
        b.as_str().unwrap_or("").to_string()
    } else {
        "{...}".to_string()
    };
    let f = factory_of(me);
    let fr = if f.is_none() {
        "None".to_string()
    } else if !vm.repr_enter(&f) {
        "...".to_string()
    } else {
        let r = vm.repr_string(&f);
        vm.repr_leave(&f);
        r?
    };
    Ok(Value::string(format!("{}({fr}, {base})", tname(me))))
}

fn dd_copy(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    dd_check(me)?;
    let f = factory_of(me);
    vm.call(&type_of(me), &[f, me.clone()])
}

fn dd_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    dd_check(me)?;
    let f = factory_of(me);
    let a = if f.is_none() { Value::tuple(vec![]) } else { Value::tuple(vec![f]) };
    let items = vm.call_method(me, "items", &[])?;
    let it = vm.iter(&items)?;
    Ok(Value::tuple(vec![type_of(me), a, Value::NONE, Value::NONE, it]))
}

fn dd_or_impl(vm: &mut Vm, me: &Value, left: &Value, right: &Value, other: &Value) -> PyResult<Value> {
    if other.as_dict().is_none() {
        return Ok(not_impl());
    }
    let f = factory_of(me);
    let new = vm.call(&type_of(me), &[f, left.clone()])?;
    vm.call_method(&new, "update", &[right.clone()])?;
    Ok(new)
}

fn dd_or(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 || !is_dd(&args[0]) {
        return Ok(not_impl());
    }
    dd_or_impl(vm, &args[0], &args[0], &args[1], &args[1])
}

fn dd_ror(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 || !is_dd(&args[0]) {
        return Ok(not_impl());
    }
    dd_or_impl(vm, &args[0], &args[1], &args[0], &args[1])
}

fn dd_factory_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dd_check(&args[0])?;
    Ok(factory_of(&args[0]))
}

fn dd_factory_set(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    dd_check(&args[0])?;
    let v = args.get(1).cloned().filter(|v| !v.is_null()).unwrap_or(Value::NONE);
    set_factory(&args[0], v);
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- _count_elements

fn is_dict_native(ty: &PyObject, name: &str) -> bool {
    match (lookup(ty, name), lookup(types().dict.as_obj().unwrap(), name)) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    }
}

fn count_elements(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw("_count_elements", kw)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("_count_elements expected 2 arguments, got {}", args.len())));
    }
    let (mapping, iterable) = (&args[0], &args[1]);
    let it = vm.iter(iterable)?;
    let tr = type_ref(mapping);
    let fast = mapping.as_dict().is_some() && is_dict_native(tr, "get") && is_dict_native(tr, "__setitem__");
    let one = Value::int(1);
    if fast {
        while let Some(k) = vm.next(&it)? {
            let h = vm.hash(&k)?;
            let nv = match dict::dict_get_hashed(vm, mapping, &k, h)? {
                Some(old) => match old.as_small_int() {
                    Some(i) => Value::int(i + 1),
                    None => vm.binary_op(&old, &one, krait_compiler::opcodes::BinOpKind::Add, false)?,
                },
                None => one.clone(),
            };
            dict::dict_set_hashed(vm, mapping, k, h, nv)?;
        }
    } else {
        let get = vm.getattr_str(mapping, "get")?;
        let zero = Value::int(0);
        while let Some(k) = vm.next(&it)? {
            let old = vm.call(&get, &[k.clone(), zero.clone()])?;
            let nv = vm.binary_op(&old, &one, krait_compiler::opcodes::BinOpKind::Add, false)?;
            vm.setitem(mapping, &k, nv)?;
        }
    }
    Ok(Value::NONE)
}

// ---------------------------------------------------------------- _tuplegetter

struct TupleGetter {
    index: usize,
    doc: Value,
}
native_data!(TupleGetter, doc);

const TG: &str = "_collections._tuplegetter";

fn tg_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(TUPLEGETTER), TG)?;
    no_kw("_tuplegetter", kw)?;
    if args.len() != 3 {
        return Err(PyErr::type_error(format!("_tuplegetter expected 2 arguments, got {}", args.len() - 1)));
    }
    let i = vm.index_value(&args[1])?;
    if i < 0 {
        return Err(PyErr::value_error("index must be non-negative"));
    }
    Ok(new_opaque(&cls, TupleGetter { index: i as usize, doc: args[2].clone() }))
}

fn tg_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() < 2 || args.len() > 3 {
        return Err(PyErr::type_error("expected 1 or 2 arguments"));
    }
    let me = &args[0];
    let obj = &args[1];
    let index = st(me, TG, |t: &mut TupleGetter| t.index)?;
    if obj.is_none() {
        return Ok(me.clone());
    }
    match obj.as_tuple() {
        Some(t) => t.get(index).cloned().ok_or_else(|| PyErr::index_error("tuple index out of range")),
        None => Err(PyErr::type_error(format!(
            "descriptor for index '{index}' for tuple subclasses doesn't apply to '{}' object",
            tname(obj)
        ))),
    }
}

fn tg_set(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("can't set attribute"))
}

fn tg_delete(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("can't delete attribute"))
}

fn tg_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (i, d) = st(&args[0], TG, |t: &mut TupleGetter| (t.index, t.doc.clone()))?;
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(vec![Value::int(i as i64), d])]))
}

fn tg_doc_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    st(&args[0], TG, |t: &mut TupleGetter| t.doc.clone())
}

fn tg_doc_set(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = args.get(1).cloned().filter(|v| !v.is_null()).unwrap_or(Value::NONE);
    let old = st(&args[0], TG, |t: &mut TupleGetter| std::mem::replace(&mut t.doc, v))?;
    drop(old);
    Ok(Value::NONE)
}
