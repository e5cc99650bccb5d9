//! Container protocols: `iter`/`next`, `obj[key]` get/set/delete, `in`,
//! `len`, and the native sequence operators (`+`, `*` on str/list/tuple/bytes,
//! set algebra, dict `|`).

use crate::object::Payload;
use crate::types::{self, dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::BinOpKind;

fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

/// Normalise a Python index against a length (negative counts from the end).
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        None
    } else {
        Some(j as usize)
    }
}

impl Vm {
    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(it) = crate::types::iter::native_iter(v) {
            return Ok(it);
        }
        let tr = type_ref(v);
        if let Some(f) = types::lookup(tr, "__iter__") {
            if f.is_none() {
                return Err(PyErr::type_error(format!("'{}' object is not iterable", tname(v))));
            }
            let it = self.call(&f, &[v.clone()])?;
            if types::lookup(type_ref(&it), "__next__").is_none() {
                return Err(PyErr::type_error(format!("iter() returned non-iterator of type '{}'", tname(&it))));
            }
            return Ok(it);
        }
        if types::lookup(tr, "__getitem__").is_some() {
            return Ok(crate::types::iter::new_seq_iter(v.clone()));
        }
        Err(PyErr::type_error(format!("'{}' object is not iterable", tname(v))))
    }

    /// `next(it)`: Some(item), or None when exhausted (StopIteration absorbed).
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        if let Some(o) = it.as_obj() {
            if let Payload::Iter(_) = &o.payload {
                return crate::types::iter::iter_next(self, it);
            }
            if let Payload::Generator(_) = &o.payload {
                return crate::types::generator::gen_next(self, it);
            }
        }
        match types::lookup(type_ref(it), "__next__") {
            Some(f) => match self.call(&f, &[it.clone()]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.matches(&types().exc.stop_iteration) => Ok(None),
                Err(e) => Err(e),
            },
            None => Err(PyErr::type_error(format!("'{}' object is not an iterator", tname(it)))),
        }
    }

    /// Collect an iterable into a Vec.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if let Some(o) = v.as_obj() {
            match &o.payload {
                Payload::List(l) if !type_ref(v).type_data().heap => return Ok(l.borrow().clone()),
                Payload::Tuple(t) if !type_ref(v).type_data().heap => return Ok(t.to_vec()),
                _ => {}
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(o) = v.as_obj().filter(|o| !o.ty().type_data().heap) {
            match &o.payload {
                Payload::Str(s) => return Ok(s.char_len()),
                Payload::List(l) => return Ok(l.borrow().len()),
                Payload::Tuple(t) => return Ok(t.len()),
                Payload::Dict(d) => return Ok(d.borrow().len()),
                Payload::Set(s) => return Ok(s.borrow().len()),
                Payload::FrozenSet(s) => return Ok(s.len()),
                Payload::Bytes(b) => return Ok(b.len()),
                Payload::ByteArray(b) => return Ok(b.borrow().len()),
                _ => {}
            }
        }
        match types::lookup(type_ref(v), "__len__") {
            Some(f) => {
                let r = self.call(&f, &[v.clone()])?;
                if r.is_int() && r.as_i64().is_none() {
                    return Err(PyErr::overflow("cannot fit 'int' into an index-sized integer"));
                }
                let n = self.index_value(&r)?;
                if n < 0 {
                    return Err(PyErr::value_error("__len__() should return >= 0"));
                }
                Ok(n as usize)
            }
            None => Err(PyErr::type_error(format!("object of type '{}' has no len()", tname(v)))),
        }
    }

    /// `operator.index(v)` as i64 (OverflowError if too big).
    pub fn index_value(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = v.as_i64() {
            return Ok(i);
        }
        if v.is_int() {
            return Err(PyErr::overflow(format!(
                "cannot fit '{}' into an index-sized integer",
                tname(v)
            )));
        }
        match types::lookup(type_ref(v), "__index__") {
            Some(f) => {
                let r = self.call(&f, &[v.clone()])?;
                if !r.is_int() {
                    return Err(PyErr::type_error(format!("__index__ returned non-int (type {})", tname(&r))));
                }
                self.index_value(&r)
            }
            None => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tname(v)
            ))),
        }
    }

    /// An index for `seq[i]`: like `index_value`, but an int too big for an
    /// index is an IndexError, as CPython's sequence subscripts report it.
    pub fn subscript_index(&mut self, v: &Value) -> PyResult<i64> {
        match self.index_value(v) {
            Err(e) if e.matches(&types().exc.overflow_error) => Err(PyErr::index_error(format!(
                "cannot fit '{}' into an index-sized integer",
                tname(v)
            ))),
            r => r,
        }
    }

    /// `container[key]`.
    pub fn getitem(&mut self, c: &Value, key: &Value) -> PyResult<Value> {
        if let Some(o) = c.as_obj() {
            if !o.ty().type_data().heap
                && key.is_int()
                && key.as_i64().is_none()
                && matches!(
                    &o.payload,
                    Payload::List(_) | Payload::Tuple(_) | Payload::Str(_) | Payload::Bytes(_) | Payload::ByteArray(_)
                )
            {
                return Err(PyErr::index_error(format!(
                    "cannot fit '{}' into an index-sized integer",
                    tname(key)
                )));
            }
            match &o.payload {
                Payload::Str(s) if !o.ty().type_data().heap => {
                    if let Some(i) = key.as_small_int() {
                        return match norm_index(i, s.char_len()) {
                            Some(j) => Ok(crate::types::str::char_value(s.char_at(j))),
                            None => Err(PyErr::index_error("string index out of range")),
                        };
                    }
                }
                Payload::List(l) if !o.ty().type_data().heap || types::lookup(o.ty(), "__getitem__").map_or(false, |f| is_native(&f)) => {
                    if let Some(i) = key.as_small_int() {
                        let l = l.borrow();
                        return match norm_index(i, l.len()) {
                            Some(j) => Ok(l[j].clone()),
                            None => Err(PyErr::index_error("list index out of range")),
                        };
                    }
                }
                Payload::Tuple(t) if !o.ty().type_data().heap => {
                    if let Some(i) = key.as_small_int() {
                        return match norm_index(i, t.len()) {
                            Some(j) => Ok(t[j].clone()),
                            None => Err(PyErr::index_error("tuple index out of range")),
                        };
                    }
                }
                // Exact dicts only: native subclasses (defaultdict) have `__missing__`.
                Payload::Dict(_) if std::ptr::eq(o.ty(), types().dict.as_obj().unwrap()) => {
                    return match dict::dict_get(self, c, key)? {
                        Some(v) => Ok(v),
                        None => Err(PyErr::key_error(key.clone())),
                    };
                }
                _ => {}
            }
        }
        let tr = type_ref(c);
        if let Some(f) = types::lookup(tr, "__getitem__") {
            return self.call(&f, &[c.clone(), key.clone()]);
        }
        if let Some(Payload::Type(_)) = c.as_obj().map(|o| &o.payload) {
            // `list[int]`: __class_getitem__.
            let n = Value::str("__class_getitem__");
            if let Some(f) = self.getattr_opt(c, &n)? {
                return self.call(&f, &[key.clone()]);
            }
            if c.is(&types().type_) {
                return crate::types::type_::generic_alias(self, c, key);
            }
            return Err(PyErr::type_error(format!(
                "type '{}' is not subscriptable",
                c.as_obj().unwrap().type_name_str()
            )));
        }
        Err(PyErr::type_error(format!("'{}' object is not subscriptable", tname(c))))
    }

    /// `container[key] = value`.
    pub fn setitem(&mut self, c: &Value, key: &Value, value: Value) -> PyResult<()> {
        if let Some(o) = c.as_obj() {
            match &o.payload {
                Payload::List(l) if !o.ty().type_data().heap => {
                    if let Some(i) = key.as_small_int() {
                        let mut l = l.borrow_mut();
                        let n = l.len();
                        return match norm_index(i, n) {
                            Some(j) => {
                                let old = std::mem::replace(&mut l[j], value);
                                drop(l);
                                drop(old);
                                Ok(())
                            }
                            None => Err(PyErr::index_error("list assignment index out of range")),
                        };
                    }
                }
                Payload::Dict(_) if !o.ty().type_data().heap => {
                    return dict::dict_set(self, c, key.clone(), value);
                }
                _ => {}
            }
        }
        match types::lookup(type_ref(c), "__setitem__") {
            Some(f) => self.call(&f, &[c.clone(), key.clone(), value]).map(|_| ()),
            None => Err(PyErr::type_error(format!("'{}' object does not support item assignment", tname(c)))),
        }
    }

    /// `del container[key]`.
    pub fn delitem(&mut self, c: &Value, key: &Value) -> PyResult<()> {
        let tr = type_ref(c);
        match types::lookup(tr, "__delitem__") {
            Some(f) => self.call(&f, &[c.clone(), key.clone()]).map(|_| ()),
            None => {
                // CPython words it differently when the object is a sequence
                // and the key an index (PySequence_DelItem).
                let seq_like = tr.type_data().heap
                    || ["__getitem__", "__len__", "__contains__"].iter().any(|n| types::lookup(tr, n).is_some());
                let index_key = key.is_int() || types::lookup(type_ref(key), "__index__").is_some();
                let verb = if seq_like && index_key { "doesn't" } else { "does not" };
                Err(PyErr::type_error(format!("'{}' object {verb} support item deletion", tname(c))))
            }
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, c: &Value, item: &Value) -> PyResult<bool> {
        if let Some(o) = c.as_obj() {
            if !o.ty().type_data().heap {
                match &o.payload {
                    Payload::Dict(_) => return Ok(dict::dict_get(self, c, item)?.is_some()),
                    Payload::Set(_) | Payload::FrozenSet(_) => return crate::types::set::set_contains(self, c, item),
                    Payload::Str(s) => {
                        return match item.as_str() {
                            Some(x) => Ok(s.as_str().contains(x)),
                            None => Err(PyErr::type_error(format!(
                                "'in <string>' requires string as left operand, not {}",
                                tname(item)
                            ))),
                        }
                    }
                    Payload::List(l) => {
                        // Read the list afresh at each step: `__eq__` may change it.
                        let mut i = 0;
                        loop {
                            let x = l.borrow().get(i).cloned();
                            let Some(x) = x else { return Ok(false) };
                            if self.eq(&x, item)? {
                                return Ok(true);
                            }
                            i += 1;
                        }
                    }
                    Payload::Tuple(t) => {
                        // The caller holds the tuple; its items cannot change.
                        for x in t.iter() {
                            if self.eq(x, item)? {
                                return Ok(true);
                            }
                        }
                        return Ok(false);
                    }
                    _ => {}
                }
            }
        }
        if let Some(f) = types::lookup(type_ref(c), "__contains__") {
            let r = self.call(&f, &[c.clone(), item.clone()])?;
            return self.truthy(&r);
        }
        let tr = type_ref(c);
        if types::lookup(tr, "__iter__").is_none() && types::lookup(tr, "__getitem__").is_none() {
            return Err(PyErr::type_error(format!("argument of type '{}' is not iterable", tname(c))));
        }
        let it = self.iter(c)?;
        while let Some(x) = self.next(&it)? {
            if x.is(item) || self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// Whether `v` is a sequence with CPython's `sq_repeat` (str, bytes,
/// bytearray, list, tuple and their subclasses).
pub fn is_repeatable(v: &Value) -> bool {
    matches!(
        v.as_obj().map(|o| &o.payload),
        Some(Payload::Str(_) | Payload::List(_) | Payload::Tuple(_) | Payload::Bytes(_) | Payload::ByteArray(_))
    )
}

fn repeat_error(n: &Value) -> PyErr {
    PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", tname(n)))
}

/// The TypeError of `a * b` when no `__mul__`/`__rmul__` took it but one
/// side is a repeatable sequence (CPython's sequence_repeat fallback).
pub fn repeat_type_error(a: &Value, b: &Value) -> Option<PyErr> {
    if is_repeatable(a) {
        Some(repeat_error(b))
    } else if is_repeatable(b) {
        Some(repeat_error(a))
    } else {
        None
    }
}

/// The repeat count of `seq * n`: None when `n` is not an index at all.
pub fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<usize>> {
    if !n.is_int() && types::lookup(type_ref(n), "__index__").is_none() {
        return Ok(None);
    }
    let n = crate::types::range::index_int(vm, n)?;
    match n.as_i64() {
        Some(c) => Ok(Some(c.max(0) as usize)),
        None => Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")),
    }
}

fn is_native(f: &Value) -> bool {
    matches!(f.as_obj().map(|o| &o.payload), Some(Payload::Native(_)))
}

/// `+`/`*` on sequences, set algebra and dict union between builtin objects.
pub fn native_seq_binop(vm: &mut Vm, a: &Value, b: &Value, op: BinOpKind) -> PyResult<Option<Value>> {
    let t = types();
    match op {
        BinOpKind::Add => {
            let (Some(ao), Some(bo)) = (a.as_obj(), b.as_obj()) else { return Ok(None) };
            match (&ao.payload, &bo.payload) {
                (Payload::Str(x), Payload::Str(y)) => {
                    let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                    s.push_str(x.as_str());
                    s.push_str(y.as_str());
                    Ok(Some(Value::string(s)))
                }
                (Payload::List(x), Payload::List(y)) => {
                    let mut v = x.borrow().clone();
                    v.extend(y.borrow().iter().cloned());
                    Ok(Some(Value::list(v)))
                }
                (Payload::Tuple(x), Payload::Tuple(y)) => {
                    let mut v = x.to_vec();
                    v.extend(y.iter().cloned());
                    Ok(Some(Value::tuple(v)))
                }
                (Payload::Bytes(x), Payload::Bytes(y)) => {
                    let mut v = x.to_vec();
                    v.extend_from_slice(y);
                    Ok(Some(Value::bytes(v)))
                }
                _ => Ok(None),
            }
        }
        BinOpKind::Multiply => {
            let (seq, n) = if is_repeatable(a) { (a, b) } else if is_repeatable(b) { (b, a) } else { return Ok(None) };
            let Some(so) = seq.as_obj() else { return Ok(None) };
            if !n.is_int() {
                // Both operands are builtins: no __rmul__ can take over.
                if types::lookup(type_ref(n), "__index__").is_none() {
                    return Err(repeat_error(n));
                }
                return Ok(None);
            }
            let count = match n.as_i64() {
                Some(c) => c.max(0) as usize,
                None => return Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")),
            };
            // Immutable builtins repeated once are returned as they are.
            if count == 1
                && !so.ty().type_data().heap
                && matches!(&so.payload, Payload::Str(_) | Payload::Tuple(_) | Payload::Bytes(_))
            {
                return Ok(Some(seq.clone()));
            }
            let too_big = |len: usize| len.checked_mul(count).map_or(true, |x| x > (1usize << 40));
            match &so.payload {
                Payload::Str(s) => {
                    if too_big(s.as_str().len()) && count > 0 && !s.as_str().is_empty() {
                        return Err(PyErr::memory_error());
                    }
                    Ok(Some(Value::string(s.as_str().repeat(count))))
                }
                Payload::List(l) => {
                    let l = l.borrow();
                    if too_big(l.len()) && !l.is_empty() {
                        return Err(PyErr::memory_error());
                    }
                    let mut v = Vec::with_capacity(l.len() * count);
                    for _ in 0..count {
                        v.extend(l.iter().cloned());
                    }
                    Ok(Some(Value::list(v)))
                }
                Payload::Tuple(tu) => {
                    if too_big(tu.len()) && !tu.is_empty() {
                        return Err(PyErr::memory_error());
                    }
                    let mut v = Vec::with_capacity(tu.len() * count);
                    for _ in 0..count {
                        v.extend(tu.iter().cloned());
                    }
                    Ok(Some(Value::tuple(v)))
                }
                Payload::Bytes(bs) => {
                    if too_big(bs.len()) && !bs.is_empty() {
                        return Err(PyErr::memory_error());
                    }
                    Ok(Some(Value::bytes(bs.repeat(count))))
                }
                _ => Ok(None),
            }
        }
        BinOpKind::Remainder => {
            if let Some(s) = a.as_pystr_exact() {
                let s = s.as_str().to_string();
                return crate::types::str_methods::percent_format(vm, &s, b).map(Some);
            }
            if let Some(Payload::Bytes(_)) = a.as_obj().map(|o| &o.payload) {
                return crate::types::bytes::bytes_percent(vm, a, b).map(Some);
            }
            Ok(None)
        }
        BinOpKind::Or | BinOpKind::And | BinOpKind::Xor | BinOpKind::Subtract => {
            let (Some(ao), Some(bo)) = (a.as_obj(), b.as_obj()) else { return Ok(None) };
            match (&ao.payload, &bo.payload) {
                (Payload::Set(_) | Payload::FrozenSet(_), Payload::Set(_) | Payload::FrozenSet(_)) => {
                    crate::types::set::set_binop(vm, a, b, op).map(Some)
                }
                // Exact dicts only: subclasses (defaultdict) define their own `__or__`.
                (Payload::Dict(_), Payload::Dict(_))
                    if op == BinOpKind::Or && std::ptr::eq(ao.ty(), t.dict.as_obj().unwrap()) && std::ptr::eq(bo.ty(), t.dict.as_obj().unwrap()) =>
                {
                    let r = Value::new_dict_from(ao_dict_clone(a));
                    let items = b.as_dict().unwrap().borrow().items();
                    for (k, v) in items {
                        dict::dict_set(vm, &r, k, v)?;
                    }
                    Ok(Some(r))
                }
                _ => {
                    let _ = t;
                    Ok(None)
                }
            }
        }
        _ => Ok(None),
    }
}

fn ao_dict_clone(a: &Value) -> crate::types::dict::DictData {
    a.as_dict().unwrap().borrow().clone()
}
