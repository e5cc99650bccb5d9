//! Native iterators: over lists, tuples, ranges, strs, dicts, sets, the
//! old sequence protocol, and the builtin iterator types `enumerate`, `zip`,
//! `map`, `filter`, `reversed`, `iter(callable, sentinel)`.
//!
//! They share one payload (`Payload::Iter(IterState)`) and one `__next__`;
//! each has its own Python-visible type.

use crate::args::bind;
use crate::object::{NativeKind, Payload, PyObject};
use crate::types::{add_method, add_native, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};
use std::cell::RefCell;

pub enum IterState {
    List { list: Value, i: usize },
    ListRev { list: Value, i: usize },
    Tuple { tuple: Value, i: usize },
    /// `start` and `len` are the values it began with (for `__reduce__`).
    Range { next: i64, step: i64, left: i64, start: i64, len: i64 },
    /// A range whose values or length do not fit in i64.
    BigRange { next: BigInt, step: BigInt, left: BigInt, start: BigInt, len: BigInt },
    Str { s: Value, byte: usize },
    Bytes { b: Value, i: usize },
    /// Dict: `kind` 0 keys, 1 values, 2 items; `len` (the size when
    /// iteration began) detects resizes, `left` counts the items still expected.
    Dict { d: Value, i: usize, kind: u8, len: usize, left: usize },
    Seq { seq: Value, i: usize },
    Enumerate { it: Value, n: Value },
    Zip { its: Vec<Value>, strict: bool },
    Map { f: Value, its: Vec<Value> },
    Filter { f: Value, it: Value },
    Reversed { seq: Value, i: i64 },
    Callable { f: Value, sentinel: Value },
    /// A precomputed list of items (set snapshots, etc.).
    Items { items: Vec<Value>, i: usize },
    /// A set or frozenset: slot position and the size when iteration began.
    Set { s: Value, pos: usize, used: usize },
    Exhausted,
}

fn make(ty: &Value, st: IterState) -> Value {
    Value::from_obj(PyObject::new(ty.as_obj().unwrap(), Payload::Iter(Box::new(RefCell::new(st)))))
}

pub fn new_list_iter(l: Value) -> Value {
    make(&types().list_iterator, IterState::List { list: l, i: 0 })
}
pub fn new_list_reverse_iter(l: Value) -> Value {
    let n = l.as_list().map(|x| x.borrow().len()).unwrap_or(0);
    make(&types().list_reverseiterator, IterState::ListRev { list: l, i: n })
}
pub fn new_tuple_iter(t: Value) -> Value {
    make(&types().tuple_iterator, IterState::Tuple { tuple: t, i: 0 })
}
pub fn new_range_iter(start: i64, step: i64, len: i64) -> Value {
    make(&types().range_iterator, IterState::Range { next: start, step, left: len, start, len })
}
pub fn new_big_range_iter(start: BigInt, step: BigInt, len: BigInt) -> Value {
    make(&types().range_iterator, IterState::BigRange { next: start.clone(), step, left: len.clone(), start, len })
}
pub fn new_seq_iter(seq: Value) -> Value {
    make(&types().iterator, IterState::Seq { seq, i: 0 })
}
pub fn new_items_iter(ty: &Value, items: Vec<Value>) -> Value {
    make(ty, IterState::Items { items, i: 0 })
}
pub fn new_set_iter(s: Value) -> Value {
    let (pos, used) = crate::types::set::iter_start(&s);
    make(&types().set_iterator, IterState::Set { s, pos, used })
}
pub fn new_dict_iter(d: Value, kind: u8) -> Value {
    let t = types();
    let ty = match kind {
        0 => &t.dict_keyiterator,
        1 => &t.dict_valueiterator,
        _ => &t.dict_itemiterator,
    };
    let len = d.as_dict().map(|x| x.borrow().len()).unwrap_or(0);
    make(ty, IterState::Dict { d, i: 0, kind, len, left: len })
}

/// `iter(v)` for builtin containers, without any lookup.
pub fn native_iter(v: &Value) -> Option<Value> {
    let o = v.as_obj()?;
    if o.ty().type_data().heap {
        return None;
    }
    let t = types();
    Some(match &o.payload {
        Payload::List(_) => new_list_iter(v.clone()),
        Payload::Tuple(_) => new_tuple_iter(v.clone()),
        Payload::Range { .. } => crate::types::range::range_iter(v),
        Payload::Str(_) => make(&t.str_iterator, IterState::Str { s: v.clone(), byte: 0 }),
        Payload::Bytes(_) | Payload::ByteArray(_) => make(&t.bytes_iterator, IterState::Bytes { b: v.clone(), i: 0 }),
        Payload::Dict(_) => new_dict_iter(v.clone(), 0),
        Payload::Set(_) | Payload::FrozenSet(_) => new_set_iter(v.clone()),
        Payload::Iter(_) | Payload::Generator(_) => v.clone(),
        _ => return None,
    })
}

/// Mark exhausted, dropping the old state after the borrow ends.
fn exhaust(cell: &RefCell<IterState>) {
    let old = match cell.try_borrow_mut() {
        Ok(mut st) => std::mem::replace(&mut *st, IterState::Exhausted),
        Err(_) => return,
    };
    drop(old);
}

fn state(it: &Value) -> &RefCell<IterState> {
    match &it.as_obj().unwrap().payload {
        Payload::Iter(s) => s,
        _ => unreachable!("not a native iterator"),
    }
}

/// Next item of a native iterator whose step needs no Python code.
#[inline]
pub fn iter_next_fast(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    {
        // Declared first so it is dropped after the borrow: the old state may
        // hold the last reference to objects whose __del__ iterates again.
        #[allow(unused_assignments)]
        let mut _trash: Option<IterState> = None;
        let Ok(mut st) = state(it).try_borrow_mut() else {
            return Err(PyErr::value_error("iterator already executing"));
        };
        match &mut *st {
            IterState::Range { next, step, left, .. } => {
                if *left <= 0 {
                    return Ok(None);
                }
                let v = *next;
                *next = next.wrapping_add(*step);
                *left -= 1;
                return Ok(Some(Value::int(v)));
            }
            IterState::List { list, i } => {
                let l = list.as_list().unwrap().borrow();
                if *i < l.len() {
                    let v = l[*i].clone();
                    *i += 1;
                    return Ok(Some(v));
                }
                drop(l);
                _trash = Some(std::mem::replace(&mut *st, IterState::Exhausted));
                return Ok(None);
            }
            _ => {}
        }
    }
    iter_next(vm, it)
}

/// `next()` of any native iterator.
pub fn iter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let cell = state(it);
    // Steps that need no Python code are done under the borrow.
    {
        #[allow(unused_assignments)]
        let mut _trash: Option<IterState> = None;
        let Ok(mut st) = cell.try_borrow_mut() else {
            return Err(PyErr::value_error("iterator already executing"));
        };
        let r: Option<Option<Value>> = match &mut *st {
            IterState::Exhausted => Some(None),
            IterState::List { list, i } => {
                let l = list.as_list().unwrap().borrow();
                if *i < l.len() {
                    *i += 1;
                    Some(Some(l[*i - 1].clone()))
                } else {
                    Some(None)
                }
            }
            IterState::ListRev { list, i } => {
                let l = list.as_list().unwrap().borrow();
                if *i > 0 && *i <= l.len() {
                    *i -= 1;
                    Some(Some(l[*i].clone()))
                } else {
                    Some(None)
                }
            }
            IterState::Tuple { tuple, i } => {
                let t = tuple.as_tuple().unwrap();
                if *i < t.len() {
                    *i += 1;
                    Some(Some(t[*i - 1].clone()))
                } else {
                    Some(None)
                }
            }
            // Range iterators hold no references: they stay as they are
            // when exhausted, so `__reduce__` still knows the range.
            IterState::Range { next, step, left, .. } => {
                if *left > 0 {
                    let v = *next;
                    *next = next.wrapping_add(*step);
                    *left -= 1;
                    return Ok(Some(Value::int(v)));
                }
                return Ok(None);
            }
            IterState::BigRange { next, step, left, .. } => {
                if left.is_positive() {
                    let v = next.clone();
                    *next += &*step;
                    *left -= 1u32;
                    return Ok(Some(Value::bigint(v)));
                }
                return Ok(None);
            }
            IterState::Str { s, byte } => {
                let text = s.as_str().unwrap_or("");
                match text.get(*byte..).and_then(|t| t.chars().next()) {
                    Some(c) => {
                        *byte += c.len_utf8();
                        Some(Some(crate::types::str::char_value(c)))
                    }
                    None => Some(None),
                }
            }
            IterState::Bytes { b, i } => {
                let byte = match &b.as_obj().unwrap().payload {
                    Payload::Bytes(x) => x.get(*i).copied(),
                    Payload::ByteArray(x) => x.borrow().get(*i).copied(),
                    _ => None,
                };
                *i += 1;
                Some(byte.map(|x| Value::int(x as i64)))
            }
            IterState::Dict { d, i, kind, len, left } => {
                let dd = d.as_dict().unwrap().borrow();
                if dd.len() != *len {
                    drop(dd);
                    _trash = Some(std::mem::replace(&mut *st, IterState::Exhausted));
                    return Err(PyErr::runtime_error("dictionary changed size during iteration"));
                }
                let mut out = None;
                while *i < dd.raw_len() {
                    let k = *i;
                    *i += 1;
                    if *left == 0 && dd.entry_at(k).is_some() {
                        // Same size, but keys were deleted and re-added.
                        drop(dd);
                        _trash = Some(std::mem::replace(&mut *st, IterState::Exhausted));
                        return Err(PyErr::runtime_error("dictionary keys changed during iteration"));
                    }
                    if let Some(e) = dd.entry_at(k) {
                        *left -= 1;
                        out = Some(match kind {
                            0 => e.key.clone(),
                            1 => e.value.clone(),
                            _ => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                        });
                        break;
                    }
                }
                Some(out)
            }
            IterState::Set { s, pos, used } => match crate::types::set::iter_step(s, pos, *used) {
                Ok(v) => Some(v),
                Err(e) => {
                    _trash = Some(std::mem::replace(&mut *st, IterState::Exhausted));
                    return Err(e);
                }
            },
            IterState::Items { items, i } => {
                if *i < items.len() {
                    *i += 1;
                    Some(Some(items[*i - 1].clone()))
                } else {
                    Some(None)
                }
            }
            _ => None,
        };
        if let Some(r) = r {
            if r.is_none() {
                _trash = Some(std::mem::replace(&mut *st, IterState::Exhausted));
            }
            return Ok(r);
        }
    }
    // Steps that run Python code: copy what is needed out of the state first.
    enum Step {
        Seq(Value, usize),
        Enumerate(Value, Value),
        Zip(Vec<Value>, bool),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
        Reversed(Value, i64),
        Callable(Value, Value),
    }
    let step = match &*cell.borrow() {
        IterState::Seq { seq, i } => Step::Seq(seq.clone(), *i),
        IterState::Enumerate { it, n } => Step::Enumerate(it.clone(), n.clone()),
        IterState::Zip { its, strict } => Step::Zip(its.clone(), *strict),
        IterState::Map { f, its } => Step::Map(f.clone(), its.clone()),
        IterState::Filter { f, it } => Step::Filter(f.clone(), it.clone()),
        IterState::Reversed { seq, i } => Step::Reversed(seq.clone(), *i),
        IterState::Callable { f, sentinel } => Step::Callable(f.clone(), sentinel.clone()),
        _ => return Ok(None),
    };
    let r = match step {
        Step::Seq(seq, i) => match vm.getitem(&seq, &Value::int(i as i64)) {
            Ok(v) => {
                if let IterState::Seq { i, .. } = &mut *cell.borrow_mut() {
                    *i += 1;
                }
                Some(v)
            }
            Err(e) if e.matches(&types().exc.index_error) || e.matches(&types().exc.stop_iteration) => None,
            Err(e) => return Err(e),
        },
        Step::Enumerate(inner, n) => match vm.next(&inner)? {
            Some(v) => {
                let next_n = vm.binary_op(&n, &Value::int(1), krait_compiler::opcodes::BinOpKind::Add, false)?;
                if let IterState::Enumerate { n, .. } = &mut *cell.borrow_mut() {
                    *n = next_n;
                }
                Some(Value::tuple(vec![n, v]))
            }
            None => None,
        },
        Step::Zip(its, strict) => {
            if its.is_empty() {
                None
            } else {
                let mut items = Vec::with_capacity(its.len());
                let mut stopped_at = None;
                for (k, i) in its.iter().enumerate() {
                    match vm.next(i)? {
                        Some(v) => items.push(v),
                        None => {
                            stopped_at = Some(k);
                            break;
                        }
                    }
                }
                match stopped_at {
                    None => Some(Value::tuple(items)),
                    Some(k) => {
                        if strict {
                            if k > 0 {
                                let plural = if k == 1 { " " } else { "s 1-" };
                                exhaust(cell);
                                return Err(PyErr::value_error(format!(
                                    "zip() argument {} is shorter than argument{}{}",
                                    k + 1,
                                    plural,
                                    k
                                )));
                            }
                            for (k2, i) in its.iter().enumerate().skip(1) {
                                if vm.next(i)?.is_some() {
                                    let plural = if k2 == 1 { " " } else { "s 1-" };
                                    exhaust(cell);
                                    return Err(PyErr::value_error(format!(
                                        "zip() argument {} is longer than argument{}{}",
                                        k2 + 1,
                                        plural,
                                        k2
                                    )));
                                }
                            }
                        }
                        None
                    }
                }
            }
        }
        Step::Map(f, its) => {
            let mut args = Vec::with_capacity(its.len());
            let mut done = false;
            for i in &its {
                match vm.next(i)? {
                    Some(v) => args.push(v),
                    None => {
                        done = true;
                        break;
                    }
                }
            }
            if done {
                None
            } else {
                Some(vm.call(&f, &args)?)
            }
        }
        Step::Filter(f, inner) => loop {
            match vm.next(&inner)? {
                Some(v) => {
                    let keep = if f.is_none() {
                        vm.truthy(&v)?
                    } else {
                        let r = vm.call(&f, &[v.clone()])?;
                        vm.truthy(&r)?
                    };
                    if keep {
                        break Some(v);
                    }
                }
                None => break None,
            }
        },
        Step::Reversed(seq, i) => {
            if i < 0 {
                None
            } else {
                match vm.getitem(&seq, &Value::int(i)) {
                    Ok(v) => {
                        if let IterState::Reversed { i, .. } = &mut *cell.borrow_mut() {
                            *i -= 1;
                        }
                        Some(v)
                    }
                    Err(e) if e.matches(&types().exc.index_error) || e.matches(&types().exc.stop_iteration) => None,
                    Err(e) => return Err(e),
                }
            }
        }
        Step::Callable(f, sentinel) => {
            let v = match vm.call(&f, &[]) {
                Ok(v) => v,
                Err(e) if e.matches(&types().exc.stop_iteration) => {
                    exhaust(cell);
                    return Ok(None);
                }
                Err(e) => return Err(e),
            };
            // The call may have exhausted this very iterator.
            if matches!(cell.try_borrow().as_deref(), Ok(IterState::Exhausted)) {
                return Ok(None);
            }
            if vm.eq(&sentinel, &v)? {
                None
            } else {
                Some(v)
            }
        }
    };
    // Like CPython, enumerate/zip/map/filter keep their inputs when done.
    if r.is_none() && matches!(cell.try_borrow().as_deref(), Ok(IterState::Seq { .. } | IterState::Reversed { .. } | IterState::Callable { .. })) {
        exhaust(cell);
    }
    Ok(r)
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn iter_next_m(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    match iter_next(vm, &args[0])? {
        Some(v) => Ok(v),
        None => Err(PyErr::bare(&types().exc.stop_iteration)),
    }
}

fn length_hint(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let reversed = match &*state(&args[0]).borrow() {
        IterState::Reversed { seq, i } => Some((seq.clone(), *i)),
        _ => None,
    };
    if let Some((seq, i)) = reversed {
        let n = vm.len(&seq)? as i64;
        return Ok(Value::int(if i < n { i + 1 } else { 0 }));
    }
    let n = match &*state(&args[0]).borrow() {
        IterState::List { list, i } => list.as_list().unwrap().borrow().len().saturating_sub(*i) as i64,
        IterState::Tuple { tuple, i } => tuple.as_tuple().unwrap().len().saturating_sub(*i) as i64,
        IterState::Range { left, .. } => (*left).max(0),
        IterState::BigRange { left, .. } => {
            if left.is_zero() || left.is_negative() {
                0
            } else {
                return Ok(Value::bigint(left.clone()));
            }
        }
        IterState::Items { items, i } => items.len().saturating_sub(*i) as i64,
        IterState::Set { s, pos, .. } => crate::types::set::iter_remaining(s, *pos) as i64,
        IterState::ListRev { list, i } => {
            if *i <= list.as_list().unwrap().borrow().len() {
                *i as i64
            } else {
                0
            }
        }
        IterState::Dict { d, left, len, .. } => {
            if d.as_dict().unwrap().borrow().len() == *len {
                *left as i64
            } else {
                0
            }
        }
        IterState::Str { s, byte } => s.as_str().and_then(|t| t.get(*byte..)).map_or(0, |t| t.chars().count() as i64),
        IterState::Bytes { b, i } => bytes_len(b).saturating_sub(*i) as i64,
        _ => 0,
    };
    Ok(Value::int(n))
}

fn bytes_len(b: &Value) -> usize {
    match &b.as_obj().unwrap().payload {
        Payload::Bytes(x) => x.len(),
        Payload::ByteArray(x) => x.borrow().len(),
        _ => 0,
    }
}

/// A builtin looked up by name in the builtins dict, as `__reduce__` does
/// (the lookup may run Python code: a key's `__eq__`).
fn builtin(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let b = vm.builtins_dict.clone();
    match crate::types::dict::dict_get(vm, &b, &Value::str(name))? {
        Some(v) => Ok(v),
        None => Err(PyErr::attribute_error(name.to_string())),
    }
}

fn is_type(v: &Value, ty: &Value) -> bool {
    std::ptr::eq(crate::types::type_ref(v), ty.as_obj().unwrap())
}

fn t2(a: Value, b: Value) -> Value {
    Value::tuple(vec![a, b])
}
fn t3(a: Value, b: Value, c: Value) -> Value {
    Value::tuple(vec![a, b, c])
}
fn t1(a: Value) -> Value {
    Value::tuple(vec![a])
}

/// `__reduce__` of the native iterators, in CPython's format.
fn iter_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let t = types();
    let ty = crate::types::type_of(me);
    // Look the builtins up first: that may run Python code that advances us.
    let rev_fn = if is_type(me, &t.list_reverseiterator) { Some(builtin(vm, "reversed")?) } else { None };
    let kind = {
        let st = state(me).borrow();
        match &*st {
            IterState::Enumerate { .. }
            | IterState::Zip { .. }
            | IterState::Map { .. }
            | IterState::Filter { .. }
            | IterState::Reversed { .. } => 1,
            _ => 0,
        }
    };
    let iter_fn = if kind == 0 { builtin(vm, "iter")? } else { Value::NONE };
    let st = state(me).borrow();
    let r = match &*st {
        IterState::List { list, i } => t3(iter_fn, t1(list.clone()), Value::int(*i as i64)),
        IterState::ListRev { list, i } => t3(rev_fn.unwrap_or(Value::NONE), t1(list.clone()), Value::int(*i as i64 - 1)),
        IterState::Tuple { tuple, i } => t3(iter_fn, t1(tuple.clone()), Value::int(*i as i64)),
        IterState::Range { start, step, len, left, .. } => {
            let stop = *start as i128 + *len as i128 * *step as i128;
            let stop = match i64::try_from(stop) {
                Ok(x) => Value::int(x),
                Err(_) => Value::bigint(BigInt::from(stop)),
            };
            let r = Value::range(Value::int(*start), stop, Value::int(*step));
            t3(iter_fn, t1(r), Value::int(*len - *left))
        }
        IterState::BigRange { start, step, len, left, .. } => {
            let stop = start + len * step;
            let r = Value::range(Value::bigint(start.clone()), Value::bigint(stop), Value::bigint(step.clone()));
            t3(iter_fn, t1(r), Value::bigint(len - left))
        }
        IterState::Str { s, byte } => {
            let text = s.as_str().unwrap_or("");
            let idx = text.get(..*byte).map_or(0, |p| p.chars().count());
            t3(iter_fn, t1(s.clone()), Value::int(idx as i64))
        }
        IterState::Bytes { b, i } => t3(iter_fn, t1(b.clone()), Value::int(*i as i64)),
        IterState::Seq { seq, i } => t3(iter_fn, t1(seq.clone()), Value::int(*i as i64)),
        IterState::Dict { d, i, kind, len, .. } => {
            let dd = d.as_dict().unwrap().borrow();
            let mut items = Vec::new();
            if dd.len() == *len {
                for k in *i..dd.raw_len() {
                    if let Some(e) = dd.entry_at(k) {
                        items.push(match kind {
                            0 => e.key.clone(),
                            1 => e.value.clone(),
                            _ => t2(e.key.clone(), e.value.clone()),
                        });
                    }
                }
            }
            t2(iter_fn, t1(Value::list(items)))
        }
        IterState::Items { items, i } => t2(iter_fn, t1(Value::list(items.get(*i..).unwrap_or(&[]).to_vec()))),
        IterState::Set { s, pos, used } => {
            let mut p = *pos;
            let mut items = Vec::new();
            while let Ok(Some(v)) = crate::types::set::iter_step(s, &mut p, *used) {
                items.push(v);
            }
            t2(iter_fn, t1(Value::list(items)))
        }
        IterState::Callable { f, sentinel } => t2(iter_fn, t2(f.clone(), sentinel.clone())),
        IterState::Enumerate { it, n } => t2(ty, t2(it.clone(), n.clone())),
        IterState::Zip { its, strict } => {
            if *strict {
                t3(ty, Value::tuple(its.clone()), Value::TRUE)
            } else {
                t2(ty, Value::tuple(its.clone()))
            }
        }
        IterState::Map { f, its } => {
            let mut a = vec![f.clone()];
            a.extend(its.iter().cloned());
            t2(ty, Value::tuple(a))
        }
        IterState::Filter { f, it } => t2(ty, t2(f.clone(), it.clone())),
        IterState::Reversed { seq, i } => t3(ty, t1(seq.clone()), Value::int(*i)),
        IterState::Exhausted => {
            if is_type(me, &t.reversed) || kind == 1 {
                t2(ty, t1(Value::tuple(vec![])))
            } else if is_type(me, &t.str_iterator) {
                t2(iter_fn, t1(Value::str("")))
            } else if is_type(me, &t.list_iterator)
                || is_type(me, &t.list_reverseiterator)
                || is_type(me, &t.set_iterator)
                || is_type(me, &t.dict_keyiterator)
                || is_type(me, &t.dict_valueiterator)
                || is_type(me, &t.dict_itemiterator)
            {
                t2(iter_fn, t1(Value::list(vec![])))
            } else {
                t2(iter_fn, t1(Value::tuple(vec![])))
            }
        }
    };
    Ok(r)
}

/// The `__setstate__` index argument, clamped into i64.
fn state_index(v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_i64() {
        return Ok(i);
    }
    match v.to_bigint() {
        Some(b) => Ok(if b.is_negative() { i64::MIN } else { i64::MAX }),
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::types::type_ref(v).type_name_str()
        ))),
    }
}

/// `__setstate__(index)` of the sequence iterators.
fn iter_setstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("__setstate__() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let me = &args[0];
    let arg = &args[1];
    // Values needing Python code first.
    let rev_len = match &*state(me).borrow() {
        IterState::Reversed { seq, .. } => Some(seq.clone()),
        _ => None,
    };
    let is_zip = matches!(&*state(me).borrow(), IterState::Zip { .. });
    if is_zip {
        let b = vm.truthy(arg)?;
        if let IterState::Zip { strict, .. } = &mut *state(me).borrow_mut() {
            *strict = b;
        }
        return Ok(Value::NONE);
    }
    let rev_len = match rev_len {
        Some(seq) => Some(vm.len(&seq)? as i64),
        None => None,
    };
    let is_big = matches!(&*state(me).borrow(), IterState::BigRange { .. });
    if is_big {
        let Some(idx) = arg.to_bigint() else {
            return Err(PyErr::type_error("an integer is required"));
        };
        if let IterState::BigRange { next, step, left, start, len } = &mut *state(me).borrow_mut() {
            let idx = if idx.is_negative() { BigInt::zero() } else if &idx > len { len.clone() } else { idx };
            *next = &*start + &idx * &*step;
            *left = &*len - &idx;
        }
        return Ok(Value::NONE);
    }
    let idx = state_index(arg)?;
    let mut st = state(me).borrow_mut();
    match &mut *st {
        IterState::List { list, i } => {
            let n = list.as_list().unwrap().borrow().len() as i64;
            *i = idx.clamp(0, n) as usize;
        }
        IterState::ListRev { list, i } => {
            let n = list.as_list().unwrap().borrow().len() as i64;
            *i = (idx.clamp(-1, n - 1) + 1) as usize;
        }
        IterState::Tuple { tuple, i } => {
            let n = tuple.as_tuple().unwrap().len() as i64;
            *i = idx.clamp(0, n) as usize;
        }
        IterState::Range { next, step, left, start, len } => {
            let k = idx.clamp(0, *len);
            *next = (*start as i128 + k as i128 * *step as i128) as i64;
            *left = *len - k;
        }
        IterState::Str { s, byte } => {
            let text = s.as_str().unwrap_or("");
            let k = idx.max(0) as usize;
            *byte = text.char_indices().nth(k).map_or(text.len(), |(b, _)| b);
        }
        IterState::Bytes { b, i } => {
            let n = bytes_len(b) as i64;
            *i = idx.clamp(0, n) as usize;
        }
        IterState::Seq { i, .. } => *i = idx.max(0) as usize,
        IterState::Reversed { i, .. } => {
            let n = rev_len.unwrap_or(0);
            *i = if idx < -1 { -1 } else if idx > n - 1 { n - 1 } else { idx };
        }
        _ => {}
    }
    Ok(Value::NONE)
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_, iterable, start] = bind("enumerate", args, kw, &["cls", "iterable", "start="])?;
    let it = vm.iter(&iterable.unwrap())?;
    let n = match start {
        Some(s) => {
            if !s.is_int() {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    crate::types::type_ref(&s).type_name_str()
                )));
            }
            s
        }
        None => Value::int(0),
    };
    Ok(make(&args[0], IterState::Enumerate { it, n }))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let mut strict = false;
    let npos = args.len() - kw.len();
    for (k, name) in kw.iter().enumerate() {
        if name.as_str() == Some("strict") {
            strict = vm.truthy(&args[npos + k])?;
        } else {
            return Err(PyErr::type_error(format!(
                "zip() got an unexpected keyword argument '{}'",
                name.as_str().unwrap_or("")
            )));
        }
    }
    let mut its = Vec::new();
    for a in &args[1..npos] {
        its.push(vm.iter(a)?);
    }
    Ok(make(&args[0], IterState::Zip { its, strict }))
}

fn map_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("map", kw)?;
    if args.len() < 3 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let f = args[1].clone();
    let mut its = Vec::new();
    for a in &args[2..] {
        its.push(vm.iter(a)?);
    }
    Ok(make(&args[0], IterState::Map { f, its }))
}

fn filter_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("filter", kw)?;
    if args.len() != 3 {
        return Err(PyErr::type_error(format!("filter expected 2 arguments, got {}", args.len() - 1)));
    }
    let it = vm.iter(&args[2])?;
    Ok(make(&args[0], IterState::Filter { f: args[1].clone(), it }))
}

fn reversed_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("reversed", kw)?;
    if args.len() != 2 {
        return Err(PyErr::type_error(format!("reversed expected 1 argument, got {}", args.len() - 1)));
    }
    let seq = &args[1];
    if let Some(r) = vm.call_special(seq, "__reversed__", &[])? {
        return Ok(r);
    }
    let tr = crate::types::type_ref(seq);
    if crate::types::lookup(tr, "__getitem__").is_none() || matches!(seq.as_obj().map(|o| &o.payload), Some(Payload::Dict(_))) {
        return Err(PyErr::type_error(format!("'{}' object is not reversible", tr.type_name_str())));
    }
    let n = vm.len(seq)? as i64;
    Ok(make(&args[0], IterState::Reversed { seq: seq.clone(), i: n - 1 }))
}

pub fn new_callable_iter(f: Value, sentinel: Value) -> Value {
    make(&types().callable_iterator, IterState::Callable { f, sentinel })
}

pub fn init(t: &Types) {
    let all = [
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.range_iterator,
        &t.str_iterator,
        &t.bytes_iterator,
        &t.set_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.reversed,
        &t.iterator,
        &t.callable_iterator,
    ];
    for ty in all {
        add_method(ty, "__iter__", iter_self);
        add_method(ty, "__next__", iter_next_m);
        add_method(ty, "__length_hint__", length_hint);
        add_method(ty, "__reduce__", iter_reduce);
    }
    for ty in [
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.range_iterator,
        &t.str_iterator,
        &t.bytes_iterator,
        &t.reversed,
        &t.iterator,
        &t.zip,
    ] {
        add_method(ty, "__setstate__", iter_setstate);
    }
    add_native(&t.enumerate, "__new__", enumerate_new, NativeKind::StaticMethod);
    add_native(&t.zip, "__new__", zip_new, NativeKind::StaticMethod);
    add_native(&t.map, "__new__", map_new, NativeKind::StaticMethod);
    add_native(&t.filter, "__new__", filter_new, NativeKind::StaticMethod);
    add_native(&t.reversed, "__new__", reversed_new, NativeKind::StaticMethod);
}
