//! `list`: a growable vector of values behind a `RefCell`.
//!
//! Methods never hold the borrow while running Python code (comparisons,
//! `__eq__`, key functions): they copy items out first. `sort` empties the
//! list while sorting so that mutation from a key function is detected
//! ("list modified during sort").

use crate::args::bind;
use crate::object::{NativeKind, Payload, PyObject};
use crate::types::range::{adjust_slice, slice_parts, slice_pick};
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
    // Keywords are refused unless a subclass defines its own `__new__`.
    let t = types();
    let own_new = crate::types::lookup(type_ref(&args[0]), "__new__")
        .zip(crate::types::lookup(t.list.as_obj().unwrap(), "__new__"))
        .map_or(false, |(a, b)| !a.is(&b));
    if !own_new {
        crate::args::no_kwargs("list", kw)?;
    }
    let args = &args[..args.len() - kw.len()];
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
        let (start, stop, step) = slice_parts(vm, key)?;
        let l = cell(&args[0]).borrow();
        let (s, _, st, cnt) = adjust_slice(start, stop, step, l.len());
        return Ok(Value::list(slice_pick(&l, s, st, cnt)));
    }
    if !key.is_int() && crate::types::lookup(type_ref(key), "__index__").is_none() {
        return Err(index_error_type(key));
    }
    let i = vm.subscript_index(key)?;
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
        let (start, stop, step) = slice_parts(vm, key)?;
        let mut l = cell(&args[0]).borrow_mut();
        let (s, e, st, cnt) = adjust_slice(start, stop, step, l.len());
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
                i = i.wrapping_add(st);
            }
        }
        return Ok(Value::NONE);
    }
    if !key.is_int() && crate::types::lookup(type_ref(key), "__index__").is_none() {
        return Err(index_error_type(key));
    }
    let i = vm.subscript_index(key)?;
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
        let (start, stop, step) = slice_parts(vm, key)?;
        let mut l = cell(&args[0]).borrow_mut();
        let (s, _, st, cnt) = adjust_slice(start, stop, step, l.len());
        let mut idx: Vec<usize> = (0..cnt).map(|k| (s + k as i64 * st) as usize).collect();
        idx.sort_unstable();
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
    let i = vm.subscript_index(key)?;
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

/// Arity check in the "NAME expected N arguments, got M" form.
pub(crate) fn expect_args(qual: &str, name: &str, args: &[Value], kw: &[Value], min: usize, max: usize) -> PyResult<()> {
    crate::args::no_kwargs(qual, kw)?;
    let n = args.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", plural(min))
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", plural(max))
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(())
}

/// A C `Py_ssize_t` argument (OverflowError worded as CPython's converter).
pub(crate) fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.index_value(v) {
        Err(e) if v.is_int() && e.matches(&types().exc.overflow_error) => {
            Err(PyErr::overflow("Python int too large to convert to C ssize_t"))
        }
        r => r,
    }
}

/// A start/stop bound of `index()`: clamped like a slice index.
pub(crate) fn search_bound(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !v.is_int() && crate::types::lookup(type_ref(v), "__index__").is_none() {
        return Err(PyErr::type_error("slice indices must be integers or have an __index__ method"));
    }
    crate::types::range::clamp_index(vm, v)
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
    let Some(n) = crate::ops::seq::repeat_count(vm, &args[1])? else {
        return Ok(types().not_implemented.clone());
    };
    let items = snapshot(&args[0]);
    if n > 1 && items.len().checked_mul(n).map_or(true, |x| x > (1usize << 40)) {
        return Err(PyErr::memory_error());
    }
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        out.extend(items.iter().cloned());
    }
    *cell(&args[0]).borrow_mut() = out;
    Ok(args[0].clone())
}

fn list_insert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    expect_args("list.insert", "insert", &args[1..], kw, 2, 2)?;
    let i = ssize_arg(vm, &args[1])?;
    let mut l = cell(&args[0]).borrow_mut();
    let n = l.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(j as usize, args[2].clone());
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    expect_args("list.pop", "pop", &args[1..], kw, 0, 1)?;
    let i = if args.len() > 1 { ssize_arg(vm, &args[1])? } else { -1 };
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
        if x.is(&args[1]) || vm.eq(x, &args[1])? {
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
    expect_args("list.index", "index", &args[1..], kw, 1, 3)?;
    let x = args[1].clone();
    let n0 = cell(&args[0]).borrow().len() as i64;
    let norm = |v: i64, n: i64| if v < 0 { (v + n).max(0) } else { v };
    let s = match args.get(2) { Some(v) => norm(search_bound(vm, v)?, n0), None => 0 };
    let e = match args.get(3) { Some(v) => norm(search_bound(vm, v)?, n0), None => i64::MAX };
    let mut i = s;
    while i < e {
        // The list may change while comparing: re-read it each step.
        let item = match cell(&args[0]).borrow().get(i as usize) {
            Some(v) => v.clone(),
            None => break,
        };
        if item.is(&x) || vm.eq(&item, &x)? {
            return Ok(Value::int(i));
        }
        i += 1;
    }
    let r = vm.repr_string(&x)?;
    Err(PyErr::value_error(format!("{r} is not in list")))
}

fn list_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("list.count", &args[1..], kw, 1, 1)?;
    let mut n = 0;
    for x in snapshot(&args[0]) {
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn list_reverse(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("list", "reverse", args, kw, 1)?;
    cell(&args[0]).borrow_mut().reverse();
    Ok(Value::NONE)
}

fn list_clear(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("list", "clear", args, kw, 1)?;
    let old = std::mem::take(&mut *cell(&args[0]).borrow_mut());
    drop(old);
    Ok(Value::NONE)
}

fn list_copy(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::method_arity("list", "copy", args, kw, 1)?;
    Ok(Value::list(snapshot(&args[0])))
}

/// Stable sort of `items` with Python `<`, optionally by key and reversed.
pub fn sort_values(vm: &mut Vm, items: Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<Vec<Value>> {
    let mut items = items;
    sort_in_place(vm, &mut items, key, reverse)?;
    Ok(items)
}

/// Sort `items` in place exactly as CPython's list.sort does: the same
/// comparisons in the same order (timsort with powersort merging), so that
/// errors and side effects of `__lt__` match. On a comparison error the
/// items are left in the partially sorted order CPython leaves them in.
pub fn sort_in_place(vm: &mut Vm, items: &mut Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    let keys: Option<Vec<Value>> = match key {
        Some(k) if !k.is_none() => {
            let mut ks = Vec::with_capacity(items.len());
            for x in items.iter() {
                ks.push(vm.call(k, &[x.clone()])?);
            }
            Some(ks)
        }
        _ => None,
    };
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    let keys_ref: &[Value] = keys.as_deref().unwrap_or(items.as_slice());
    let mut idx: Vec<usize> = (0..n).collect();
    if reverse {
        idx.reverse();
    }
    let r = if keys_ref.iter().all(|k| k.as_small_int().is_some()) {
        idx.sort_by_key(|&i| keys_ref[i].as_small_int().unwrap_or(0));
        Ok(())
    } else if keys_ref.iter().all(|k| k.as_pystr_exact().is_some()) {
        idx.sort_by(|&a, &b| keys_ref[a].as_str().unwrap_or("").cmp(keys_ref[b].as_str().unwrap_or("")));
        Ok(())
    } else if keys_ref.iter().all(|k| num_key(k).is_some()) {
        // Small ints are exact in f64, so mixed int/float keys compare exactly.
        idx.sort_by(|&a, &b| {
            let (x, y) = (num_key(&keys_ref[a]).unwrap_or(0.0), num_key(&keys_ref[b]).unwrap_or(0.0));
            x.partial_cmp(&y).unwrap_or(std::cmp::Ordering::Equal)
        });
        Ok(())
    } else {
        let mut ts = TimSort { vm, keys: keys_ref, min_gallop: MIN_GALLOP };
        ts.sort(&mut idx)
    };
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.iter().map(|&i| items[i].clone()).collect();
    *items = sorted;
    r
}

/// A sort key as f64 when it is a float (not NaN) or a small int.
fn num_key(k: &Value) -> Option<f64> {
    match k.as_float() {
        Some(f) if !f.is_nan() => Some(f),
        Some(_) => None,
        None => k.as_small_int().map(|i| i as f64),
    }
}

const MIN_GALLOP: usize = 7;

struct TimSort<'a> {
    vm: &'a mut Vm,
    keys: &'a [Value],
    min_gallop: usize,
}

#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

enum Exit {
    Succeed,
    Fail(PyErr),
    Copy,
}

impl<'a> TimSort<'a> {
    /// `keys[x] < keys[y]`.
    fn lt(&mut self, x: usize, y: usize) -> PyResult<bool> {
        self.vm.compare_bool(&self.keys[x], &self.keys[y], CmpOpKind::Lt)
    }

    fn sort(&mut self, a: &mut [usize]) -> PyResult<()> {
        let n = a.len();
        let minrun = {
            let mut m = n;
            let mut r = 0;
            while m >= 64 {
                r |= m & 1;
                m >>= 1;
            }
            m + r
        };
        let mut runs: Vec<Run> = Vec::new();
        let mut lo = 0;
        let mut remaining = n;
        while remaining > 0 {
            let (mut len, desc) = self.count_run(&a[lo..lo + remaining])?;
            if desc {
                a[lo..lo + len].reverse();
            }
            if len < minrun {
                let force = remaining.min(minrun);
                self.binary_sort(&mut a[lo..lo + force], len)?;
                len = force;
            }
            // Powersort: merge pending runs whose power exceeds the new one.
            if let Some(last) = runs.last().copied() {
                let power = powerloop(last.base, last.len, len, n);
                while runs.len() > 1 && runs[runs.len() - 2].power > power {
                    let i = runs.len() - 2;
                    self.merge_at(a, &mut runs, i)?;
                }
                let k = runs.len() - 1;
                runs[k].power = power;
            }
            runs.push(Run { base: lo, len, power: 0 });
            lo += len;
            remaining -= len;
        }
        while runs.len() > 1 {
            let mut i = runs.len() - 2;
            if i > 0 && runs[i - 1].len < runs[i + 1].len {
                i -= 1;
            }
            self.merge_at(a, &mut runs, i)?;
        }
        Ok(())
    }

    /// Length of the run at the start of `a`, and whether it descends.
    fn count_run(&mut self, a: &[usize]) -> PyResult<(usize, bool)> {
        if a.len() == 1 {
            return Ok((1, false));
        }
        let mut n = 2;
        if self.lt(a[1], a[0])? {
            while n < a.len() && self.lt(a[n], a[n - 1])? {
                n += 1;
            }
            Ok((n, true))
        } else {
            while n < a.len() && !self.lt(a[n], a[n - 1])? {
                n += 1;
            }
            Ok((n, false))
        }
    }

    /// Binary insertion sort of `a`, whose first `start` items are sorted.
    fn binary_sort(&mut self, a: &mut [usize], start: usize) -> PyResult<()> {
        let mut start = start.max(1);
        while start < a.len() {
            let pivot = a[start];
            let (mut l, mut r) = (0, start);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot, a[p])? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            a.copy_within(l..start, l + 1);
            a[l] = pivot;
            start += 1;
        }
        Ok(())
    }

    /// Leftmost position where `key` belongs in sorted `arr`, galloping from `hint`.
    fn gallop_left(&mut self, key: usize, arr: &[usize], hint: usize) -> PyResult<usize> {
        let n = arr.len() as isize;
        let hint = hint as isize;
        let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
        if self.lt(arr[hint as usize], key)? {
            let maxofs = n - hint;
            while ofs < maxofs {
                if self.lt(arr[(hint + ofs) as usize], key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        } else {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt(arr[(hint - ofs) as usize], key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(arr[m as usize], key)? {
                lastofs = m + 1;
            } else {
                ofs = m;
            }
        }
        Ok(ofs as usize)
    }

    /// Rightmost position where `key` belongs in sorted `arr`, galloping from `hint`.
    fn gallop_right(&mut self, key: usize, arr: &[usize], hint: usize) -> PyResult<usize> {
        let n = arr.len() as isize;
        let hint = hint as isize;
        let (mut lastofs, mut ofs): (isize, isize) = (0, 1);
        if self.lt(key, arr[hint as usize])? {
            let maxofs = hint + 1;
            while ofs < maxofs {
                if self.lt(key, arr[(hint - ofs) as usize])? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lastofs = hint - ofs;
            ofs = hint - k;
        } else {
            let maxofs = n - hint;
            while ofs < maxofs {
                if self.lt(key, arr[(hint + ofs) as usize])? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        }
        lastofs += 1;
        while lastofs < ofs {
            let m = lastofs + ((ofs - lastofs) >> 1);
            if self.lt(key, arr[m as usize])? {
                ofs = m;
            } else {
                lastofs = m + 1;
            }
        }
        Ok(ofs as usize)
    }

    /// Merge pending runs i and i+1.
    fn merge_at(&mut self, a: &mut [usize], runs: &mut Vec<Run>, i: usize) -> PyResult<()> {
        let (mut sa, mut na) = (runs[i].base, runs[i].len);
        let (sb, nb) = (runs[i + 1].base, runs[i + 1].len);
        runs[i].len = na + nb;
        if i + 3 == runs.len() {
            runs[i + 1] = runs[i + 2];
        }
        runs.pop();
        let k = self.gallop_right(a[sb], &a[sa..sa + na], 0)?;
        sa += k;
        na -= k;
        if na == 0 {
            return Ok(());
        }
        let nb = self.gallop_left(a[sa + na - 1], &a[sb..sb + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(a, sa, na, sb, nb)
        } else {
            self.merge_hi(a, sa, na, sb, nb)
        }
    }

    fn merge_lo(&mut self, a: &mut [usize], sa: usize, na: usize, sb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = a[sa..sa + na].to_vec();
        let (mut na, mut nb) = (na, nb);
        let (mut dest, mut pa, mut pb) = (sa, 0usize, sb);
        a[dest] = a[pb];
        dest += 1;
        pb += 1;
        nb -= 1;
        let exit = 'm: {
            if nb == 0 {
                break 'm Exit::Succeed;
            }
            if na == 1 {
                break 'm Exit::Copy;
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0usize, 0usize);
                loop {
                    match self.lt(a[pb], tmp[pa]) {
                        Err(e) => break 'm Exit::Fail(e),
                        Ok(true) => {
                            a[dest] = a[pb];
                            dest += 1;
                            pb += 1;
                            bcount += 1;
                            acount = 0;
                            nb -= 1;
                            if nb == 0 {
                                break 'm Exit::Succeed;
                            }
                            if bcount >= min_gallop {
                                break;
                            }
                        }
                        Ok(false) => {
                            a[dest] = tmp[pa];
                            dest += 1;
                            pa += 1;
                            acount += 1;
                            bcount = 0;
                            na -= 1;
                            if na == 1 {
                                break 'm Exit::Copy;
                            }
                            if acount >= min_gallop {
                                break;
                            }
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = match self.gallop_right(a[pb], &tmp[pa..pa + na], 0) {
                        Ok(k) => k,
                        Err(e) => break 'm Exit::Fail(e),
                    };
                    acount = k;
                    if k > 0 {
                        a[dest..dest + k].copy_from_slice(&tmp[pa..pa + k]);
                        dest += k;
                        pa += k;
                        na -= k;
                        if na == 1 {
                            break 'm Exit::Copy;
                        }
                        if na == 0 {
                            break 'm Exit::Succeed;
                        }
                    }
                    a[dest] = a[pb];
                    dest += 1;
                    pb += 1;
                    nb -= 1;
                    if nb == 0 {
                        break 'm Exit::Succeed;
                    }
                    let k = match self.gallop_left(tmp[pa], &a[pb..pb + nb], 0) {
                        Ok(k) => k,
                        Err(e) => break 'm Exit::Fail(e),
                    };
                    bcount = k;
                    if k > 0 {
                        a.copy_within(pb..pb + k, dest);
                        dest += k;
                        pb += k;
                        nb -= k;
                        if nb == 0 {
                            break 'm Exit::Succeed;
                        }
                    }
                    a[dest] = tmp[pa];
                    dest += 1;
                    pa += 1;
                    na -= 1;
                    if na == 1 {
                        break 'm Exit::Copy;
                    }
                    if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match exit {
            Exit::Copy => {
                a.copy_within(pb..pb + nb, dest);
                a[dest + nb] = tmp[pa];
                Ok(())
            }
            other => {
                if na > 0 {
                    a[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
                }
                match other {
                    Exit::Fail(e) => Err(e),
                    _ => Ok(()),
                }
            }
        }
    }

    fn merge_hi(&mut self, a: &mut [usize], sa: usize, na: usize, sb: usize, nb: usize) -> PyResult<()> {
        let tmp: Vec<usize> = a[sb..sb + nb].to_vec();
        let (mut na, mut nb) = (na as isize, nb as isize);
        let basea = sa as isize;
        let mut dest = (sb as isize) + nb - 1;
        let mut pa = basea + na - 1;
        let mut pb = nb - 1;
        let u = |x: isize| x as usize;
        a[u(dest)] = a[u(pa)];
        dest -= 1;
        pa -= 1;
        na -= 1;
        let exit = 'm: {
            if na == 0 {
                break 'm Exit::Succeed;
            }
            if nb == 1 {
                break 'm Exit::Copy;
            }
            let mut min_gallop = self.min_gallop;
            loop {
                let (mut acount, mut bcount) = (0isize, 0isize);
                loop {
                    match self.lt(tmp[u(pb)], a[u(pa)]) {
                        Err(e) => break 'm Exit::Fail(e),
                        Ok(true) => {
                            a[u(dest)] = a[u(pa)];
                            dest -= 1;
                            pa -= 1;
                            acount += 1;
                            bcount = 0;
                            na -= 1;
                            if na == 0 {
                                break 'm Exit::Succeed;
                            }
                            if acount as usize >= min_gallop {
                                break;
                            }
                        }
                        Ok(false) => {
                            a[u(dest)] = tmp[u(pb)];
                            dest -= 1;
                            pb -= 1;
                            bcount += 1;
                            acount = 0;
                            nb -= 1;
                            if nb == 1 {
                                break 'm Exit::Copy;
                            }
                            if bcount as usize >= min_gallop {
                                break;
                            }
                        }
                    }
                }
                min_gallop += 1;
                loop {
                    min_gallop -= (min_gallop > 1) as usize;
                    self.min_gallop = min_gallop;
                    let k = match self.gallop_right(tmp[u(pb)], &a[u(basea)..u(basea + na)], u(na - 1)) {
                        Ok(k) => na - k as isize,
                        Err(e) => break 'm Exit::Fail(e),
                    };
                    acount = k;
                    if k > 0 {
                        dest -= k;
                        pa -= k;
                        a.copy_within(u(pa + 1)..u(pa + 1 + k), u(dest + 1));
                        na -= k;
                        if na == 0 {
                            break 'm Exit::Succeed;
                        }
                    }
                    a[u(dest)] = tmp[u(pb)];
                    dest -= 1;
                    pb -= 1;
                    nb -= 1;
                    if nb == 1 {
                        break 'm Exit::Copy;
                    }
                    let k = match self.gallop_left(a[u(pa)], &tmp[..u(nb)], u(nb - 1)) {
                        Ok(k) => nb - k as isize,
                        Err(e) => break 'm Exit::Fail(e),
                    };
                    bcount = k;
                    if k > 0 {
                        dest -= k;
                        pb -= k;
                        a[u(dest + 1)..u(dest + 1 + k)].copy_from_slice(&tmp[u(pb + 1)..u(pb + 1 + k)]);
                        nb -= k;
                        if nb == 1 {
                            break 'm Exit::Copy;
                        }
                        if nb == 0 {
                            break 'm Exit::Succeed;
                        }
                    }
                    a[u(dest)] = a[u(pa)];
                    dest -= 1;
                    pa -= 1;
                    na -= 1;
                    if na == 0 {
                        break 'm Exit::Succeed;
                    }
                    if (acount as usize) < MIN_GALLOP && (bcount as usize) < MIN_GALLOP {
                        break;
                    }
                }
                min_gallop += 1;
                self.min_gallop = min_gallop;
            }
        };
        match exit {
            Exit::Copy => {
                // nb == 1: the first of b goes in front of what is left of a.
                a.copy_within(u(pa + 1 - na)..u(pa + 1), u(dest + 1 - na));
                dest -= na;
                a[u(dest)] = tmp[u(pb)];
                Ok(())
            }
            other => {
                if nb > 0 {
                    a[u(dest - (nb - 1))..u(dest + 1)].copy_from_slice(&tmp[..u(nb)]);
                }
                match other {
                    Exit::Fail(e) => Err(e),
                    _ => Ok(()),
                }
            }
        }
    }
}

/// Powersort's node power of the boundary between two adjacent runs
/// (s1, n1) and (s1+n1, n2) in a list of length n.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

fn list_sort(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() - kw.len() > 1 {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let [_, key, reverse] = bind("sort", args, kw, &["self", "/", "*", "key=", "reverse="])?;
    let reverse = match reverse {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    // The list is empty while sorting; whatever the key function or the
    // comparisons put in it is discarded.
    let mut items = std::mem::take(&mut *cell(&args[0]).borrow_mut());
    // A failing key function leaves the items as they were; a failing
    // comparison leaves them partially sorted, as in CPython.
    let r = sort_in_place(vm, &mut items, key.as_ref(), reverse);
    // The list was left with no allocation: any change leaves it non-empty
    // or with some capacity (an append then a pop).
    let modified = {
        let l = cell(&args[0]).borrow();
        !l.is_empty() || l.capacity() != 0
    };
    let junk = std::mem::replace(&mut *cell(&args[0]).borrow_mut(), items);
    drop(junk);
    r?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(Value::NONE)
}

fn cmp(vm: &mut Vm, args: &[Value], op: CmpOpKind) -> PyResult<Value> {
    if args[1].as_list().is_none() {
        return Ok(types().not_implemented.clone());
    }
    Ok(Value::bool(list_compare(vm, &args[0], &args[1], op)?))
}

/// Compare two lists item by item, reading them afresh at every step (an
/// item's `__eq__` may change either list), as CPython does.
pub fn list_compare(vm: &mut Vm, a: &Value, b: &Value, op: CmpOpKind) -> PyResult<bool> {
    use crate::ops::arith::cmp_ord;
    vm.check_stack(" in comparison")?;
    let (ca, cb) = (cell(a), cell(b));
    let lens = |ca: &RefCell<Vec<Value>>, cb: &RefCell<Vec<Value>>| (ca.borrow().len(), cb.borrow().len());
    let (n, m) = lens(ca, cb);
    if n != m && matches!(op, CmpOpKind::Eq | CmpOpKind::Ne) {
        return Ok(op == CmpOpKind::Ne);
    }
    let mut i = 0;
    let differing = loop {
        let pair = {
            let (x, y) = (ca.borrow(), cb.borrow());
            if i < x.len() && i < y.len() {
                Some((x[i].clone(), y[i].clone()))
            } else {
                None
            }
        };
        let Some((p, q)) = pair else { break None };
        if !p.is(&q) && !vm.eq(&p, &q)? {
            break Some((p, q));
        }
        i += 1;
    };
    let (n, m) = lens(ca, cb);
    match differing {
        Some((p, q)) if i < n && i < m => match op {
            CmpOpKind::Eq => Ok(false),
            CmpOpKind::Ne => Ok(true),
            _ => vm.compare_bool(&p, &q, op),
        },
        _ => Ok(cmp_ord(n.cmp(&m), op)),
    }
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
    let l = cell(&args[0]);
    let mut i = 0;
    loop {
        let x = l.borrow().get(i).cloned();
        let Some(x) = x else { return Ok(Value::FALSE) };
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
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
    let Some(n) = crate::ops::seq::repeat_count(vm, &args[1])? else {
        return Ok(types().not_implemented.clone());
    };
    let l = Value::list(snapshot(&args[0]));
    crate::ops::seq::native_seq_binop(vm, &l, &Value::int(n as i64), krait_compiler::opcodes::BinOpKind::Multiply)
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
