//! `range` and `slice`, plus slice-index arithmetic shared by every sequence.

use crate::args::bind;
use crate::object::{NativeKind, Payload, PyObject};
use crate::types::{add_method, add_native, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::CmpOpKind;
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

impl Value {
    pub fn slice(start: Value, stop: Value, step: Value) -> Value {
        Value::from_obj(PyObject::new(types().slice.as_obj().unwrap(), Payload::Slice { start, stop, step }))
    }

    pub fn range(start: Value, stop: Value, step: Value) -> Value {
        Value::from_obj(PyObject::new(types().range.as_obj().unwrap(), Payload::Range { start, stop, step }))
    }

    /// (start, stop, step) of a slice object.
    pub fn as_slice(&self) -> Option<(Value, Value, Value)> {
        match &self.as_obj()?.payload {
            Payload::Slice { start, stop, step } => Some((start.clone(), stop.clone(), step.clone())),
            _ => None,
        }
    }
}

/// Resolve a slice against a sequence length: (start, stop, step, count),
/// exactly as `slice.indices` and CPython's sequence slicing do.
pub fn slice_indices(vm: &mut Vm, sl: &Value, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let (start, stop, step) = slice_parts(vm, sl)?;
    Ok(adjust_slice(start, stop, step, len))
}

/// A slice's start and stop as i64 (None when omitted) and its step, with
/// `__index__` called (step first, as CPython). A mutable sequence reads its
/// length only afterwards (`__index__` may change it), then calls
/// [`adjust_slice`].
pub fn slice_parts(vm: &mut Vm, sl: &Value) -> PyResult<(Option<i64>, Option<i64>, i64)> {
    let (start, stop, step) = sl.as_slice().ok_or_else(|| PyErr::type_error("slice expected"))?;
    let step = if step.is_none() { 1 } else { clamp_index(vm, &step)? };
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let start = if start.is_none() { None } else { Some(clamp_index(vm, &start)?) };
    let stop = if stop.is_none() { None } else { Some(clamp_index(vm, &stop)?) };
    Ok((start, stop, step))
}

/// Clip slice bounds to a length: (start, stop, step, count).
pub fn adjust_slice(start: Option<i64>, stop: Option<i64>, step: i64, len: usize) -> (i64, i64, i64, usize) {
    let len = len as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i64| -> i64 {
        let Some(mut i) = v else { return default };
        if i < 0 {
            i += len;
            if i < lower {
                i = lower;
            }
        } else if i > upper {
            i = upper;
        }
        i
    };
    let s = fix(start, if step < 0 { upper } else { lower });
    let e = fix(stop, if step < 0 { lower } else { upper });
    let count = if step > 0 {
        if e > s { ((e - s - 1) / step + 1) as usize } else { 0 }
    } else if s > e {
        ((s - e - 1) / (-step) + 1) as usize
    } else {
        0
    };
    (s, e, step, count)
}

/// An index value clamped into i64 (huge ints saturate, as CPython's slices do).
pub(crate) fn clamp_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_i64() {
        return Ok(i);
    }
    let b = slice_index_big(vm, v)?;
    Ok(match b.to_i64() {
        Some(i) => i,
        None if b.is_negative() => i64::MIN / 2,
        None => i64::MAX / 2,
    })
}

/// A slice bound as an exact integer (`__index__` honoured).
fn slice_index_big(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = v.to_bigint() {
        return Ok(b);
    }
    match crate::types::lookup(crate::types::type_ref(v), "__index__") {
        Some(_) => Ok(big(&index_int(vm, v)?)),
        None => Err(PyErr::type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// `slice.indices` on arbitrary-size ints: (start, stop, step).
pub fn slice_indices_big(vm: &mut Vm, sl: &Value, len: &BigInt) -> PyResult<(BigInt, BigInt, BigInt)> {
    let (start, stop, step) = sl.as_slice().ok_or_else(|| PyErr::type_error("slice expected"))?;
    let step = if step.is_none() { BigInt::one() } else { slice_index_big(vm, &step)? };
    if step.is_zero() {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), len - 1u32) } else { (BigInt::zero(), len.clone()) };
    let mut fix = |v: &Value, default: &BigInt| -> PyResult<BigInt> {
        if v.is_none() {
            return Ok(default.clone());
        }
        let mut i = slice_index_big(vm, v)?;
        if i.is_negative() {
            i += len;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        Ok(i)
    };
    let s = fix(&start, if neg { &upper } else { &lower })?;
    let e = fix(&stop, if neg { &lower } else { &upper })?;
    Ok((s, e, step))
}

/// `operator.index(v)` as an exact int value of any size.
pub fn index_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.is_small_int() {
        return Ok(v.clone());
    }
    if let Some(o) = v.as_obj() {
        if let Payload::Int(_) = &o.payload {
            if types().int.as_obj().map_or(false, |t| std::ptr::eq(o.ty(), t)) {
                return Ok(v.clone());
            }
        }
    }
    if let Some(b) = v.to_bigint() {
        return Ok(Value::bigint(b));
    }
    match crate::types::lookup(crate::types::type_ref(v), "__index__") {
        Some(f) => {
            let r = vm.call(&f, &[v.clone()])?;
            match r.to_bigint() {
                Some(b) => Ok(Value::bigint(b)),
                None => Err(PyErr::type_error(format!(
                    "__index__ returned non-int (type {})",
                    crate::types::type_ref(&r).type_name_str()
                ))),
            }
        }
        None => Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            crate::types::type_ref(v).type_name_str()
        ))),
    }
}

fn big(v: &Value) -> BigInt {
    v.to_bigint().unwrap_or_default()
}

/// The items of `seq` selected by the resolved slice.
pub fn slice_pick<T: Clone>(items: &[T], start: i64, step: i64, count: usize) -> Vec<T> {
    let mut out = Vec::with_capacity(count);
    let mut i = start;
    for _ in 0..count {
        out.push(items[i as usize].clone());
        i = i.wrapping_add(step);
    }
    out
}

fn range_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("range", kw)?;
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        1 => (Value::int(0), index_int(vm, &a[0])?, Value::int(1)),
        2 => (index_int(vm, &a[0])?, index_int(vm, &a[1])?, Value::int(1)),
        3 => (index_int(vm, &a[0])?, index_int(vm, &a[1])?, index_int(vm, &a[2])?),
        0 => return Err(PyErr::type_error("range expected at least 1 argument, got 0")),
        n => return Err(PyErr::type_error(format!("range expected at most 3 arguments, got {n}"))),
    };
    if step.as_i64() == Some(0) {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::range(start, stop, step))
}

/// (start, stop, step) of a range as i64 when they fit.
pub fn range_i64(v: &Value) -> Option<(i64, i64, i64)> {
    match &v.as_obj()?.payload {
        Payload::Range { start, stop, step } => Some((start.as_i64()?, stop.as_i64()?, step.as_i64()?)),
        _ => None,
    }
}

/// Length of a range with i64 bounds (computed without overflow).
pub fn range_len_i128(start: i64, stop: i64, step: i64) -> i128 {
    let (a, b, c) = (start as i128, stop as i128, step as i128);
    if c > 0 && a < b {
        (b - a - 1) / c + 1
    } else if c < 0 && a > b {
        (a - b - 1) / (-c) + 1
    } else {
        0
    }
}

/// (start, stop, step, len) when all of them fit in i64.
pub fn small_range(v: &Value) -> Option<(i64, i64, i64, i64)> {
    let (a, b, c) = range_i64(v)?;
    let n = i64::try_from(range_len_i128(a, b, c)).ok()?;
    Some((a, b, c, n))
}

/// Length of a range of arbitrary-size ints.
pub fn big_range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u32) / step + 1u32
    } else if step.is_negative() && start > stop {
        (start - stop - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}

fn range_fields(v: &Value) -> (Value, Value, Value) {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Range { start, stop, step }) => (start.clone(), stop.clone(), step.clone()),
        _ => (Value::int(0), Value::int(0), Value::int(1)),
    }
}

/// (start, stop, step, len) as BigInts.
fn big_fields(v: &Value) -> (BigInt, BigInt, BigInt, BigInt) {
    let (a, b, c) = range_fields(v);
    let (a, b, c) = (big(&a), big(&b), big(&c));
    let n = big_range_len(&a, &b, &c);
    (a, b, c, n)
}

/// An iterator over `len` values `start, start+step, ...`.
fn iter_from(start: BigInt, step: BigInt, len: BigInt) -> Value {
    if let (Some(a), Some(c), Some(n)) = (start.to_i64(), step.to_i64(), len.to_i64()) {
        let last = a as i128 + (n as i128 - 1).max(0) * c as i128;
        if i64::try_from(last).is_ok() {
            return crate::types::iter::new_range_iter(a, c, n);
        }
    }
    crate::types::iter::new_big_range_iter(start, step, len)
}

/// `iter(range)`.
pub fn range_iter(v: &Value) -> Value {
    if let Some((a, _, c, n)) = small_range(v) {
        return crate::types::iter::new_range_iter(a, c, n);
    }
    let (a, _, c, n) = big_fields(v);
    iter_from(a, c, n)
}

fn range_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = range_fields(&args[0]);
    let (a, b) = (vm.repr_string(&a)?, vm.repr_string(&b)?);
    if c.as_i64() == Some(1) {
        Ok(Value::string(format!("range({a}, {b})")))
    } else {
        let c = vm.repr_string(&c)?;
        Ok(Value::string(format!("range({a}, {b}, {c})")))
    }
}

fn range_len_m(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some((_, _, _, n)) = small_range(&args[0]) {
        return Ok(Value::int(n));
    }
    let (_, _, _, n) = big_fields(&args[0]);
    match n.to_i64() {
        Some(n) => Ok(Value::int(n)),
        None => Err(PyErr::overflow("Python int too large to convert to C ssize_t")),
    }
}

fn range_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let key = &args[1];
    if key.as_slice().is_some() {
        let (a, _, c, n) = big_fields(&args[0]);
        let (s, e, st) = slice_indices_big(vm, key, &n)?;
        let start = &a + &s * &c;
        let stop = &a + &e * &c;
        let step = &c * &st;
        return Ok(Value::range(Value::bigint(start), Value::bigint(stop), Value::bigint(step)));
    }
    if !key.is_int() && crate::types::lookup(crate::types::type_ref(key), "__index__").is_none() {
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            crate::types::type_ref(key).type_name_str()
        )));
    }
    let k = index_int(vm, key)?;
    if let (Some((a, _, c, n)), Some(i)) = (small_range(&args[0]), k.as_i64()) {
        let i = if i < 0 { i as i128 + n as i128 } else { i as i128 };
        if i < 0 || i >= n as i128 {
            return Err(PyErr::index_error("range object index out of range"));
        }
        return Ok(Value::int((a as i128 + i * c as i128) as i64));
    }
    let (a, _, c, n) = big_fields(&args[0]);
    let mut i = big(&k);
    if i.is_negative() {
        i += &n;
    }
    if i.is_negative() || i >= n {
        return Err(PyErr::index_error("range object index out of range"));
    }
    Ok(Value::bigint(a + i * c))
}

/// The value of `x` when it is exactly an int or a bool (CPython's fast
/// membership path); subclasses and other types compare item by item.
fn exact_int(x: &Value) -> Option<BigInt> {
    if x.is_small_int() || x.is_bool() {
        return x.to_bigint();
    }
    let o = x.as_obj()?;
    match &o.payload {
        Payload::Int(b) if std::ptr::eq(o.ty(), types().int.as_obj()?) => Some(b.clone()),
        _ => None,
    }
}

/// Position of the int `x` in the range, if it is there.
fn int_position(r: &Value, x: &BigInt) -> Option<BigInt> {
    if let (Some((a, b, c)), Some(i)) = (range_i64(r), x.to_i64()) {
        let inside = if c > 0 { i >= a && i < b } else { i <= a && i > b };
        let d = i as i128 - a as i128;
        return if inside && d % c as i128 == 0 { Some(BigInt::from(d / c as i128)) } else { None };
    }
    let (a, b, c) = range_fields(r);
    let (a, b, c) = (big(&a), big(&b), big(&c));
    let inside = if c.is_positive() { *x >= a && *x < b } else { *x <= a && *x > b };
    if !inside {
        return None;
    }
    let d = x - &a;
    if (&d % &c).is_zero() {
        Some(d / c)
    } else {
        None
    }
}

/// Linear search with `==` (for non-int needles): the first position.
fn search(vm: &mut Vm, r: &Value, x: &Value, count_all: bool) -> PyResult<(usize, Option<usize>)> {
    let it = vm.iter(r)?;
    let mut n = 0usize;
    let mut first = None;
    let mut i = 0usize;
    while let Some(v) = vm.next(&it)? {
        if v.is(x) || vm.eq(&v, x)? {
            n += 1;
            if first.is_none() {
                first = Some(i);
            }
            if !count_all {
                break;
            }
        }
        i += 1;
    }
    Ok((n, first))
}

fn range_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let x = &args[1];
    if let Some(i) = exact_int(x) {
        return Ok(Value::bool(int_position(&args[0], &i).is_some()));
    }
    let (_, first) = search(vm, &args[0], x, false)?;
    Ok(Value::bool(first.is_some()))
}

fn range_eq_bool(x: &Value, y: &Value) -> bool {
    if x.is(y) {
        return true;
    }
    if let (Some((a0, _, a2, la)), Some((b0, _, b2, lb))) = (small_range(x), small_range(y)) {
        return la == lb && (la == 0 || (a0 == b0 && (la == 1 || a2 == b2)));
    }
    let (a0, _, a2, la) = big_fields(x);
    let (b0, _, b2, lb) = big_fields(y);
    la == lb && (la.is_zero() || (a0 == b0 && (la.is_one() || a2 == b2)))
}

fn is_range(v: &Value) -> bool {
    matches!(v.as_obj().map(|o| &o.payload), Some(Payload::Range { .. }))
}

fn range_eq(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if !is_range(&args[1]) {
        return Ok(types().not_implemented.clone());
    }
    Ok(Value::bool(range_eq_bool(&args[0], &args[1])))
}

fn range_ne(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if !is_range(&args[1]) {
        return Ok(types().not_implemented.clone());
    }
    Ok(Value::bool(!range_eq_bool(&args[0], &args[1])))
}

fn range_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("index", &args[1..], kw, 1, 1)?;
    let x = &args[1];
    if let Some(i) = exact_int(x) {
        return match int_position(&args[0], &i) {
            Some(p) => Ok(Value::bigint(p)),
            None => {
                let r = vm.repr_string(x)?;
                Err(PyErr::value_error(format!("{r} is not in range")))
            }
        };
    }
    match search(vm, &args[0], x, false)?.1 {
        Some(p) => Ok(Value::int(p as i64)),
        None => Err(PyErr::value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("count", &args[1..], kw, 1, 1)?;
    let x = &args[1];
    if let Some(i) = exact_int(x) {
        return Ok(Value::int(int_position(&args[0], &i).is_some() as i64));
    }
    let (n, _) = search(vm, &args[0], x, true)?;
    Ok(Value::int(n as i64))
}

fn range_attr(args: &[Value], which: usize) -> Value {
    let (a, b, c) = range_fields(&args[0]);
    [a, b, c][which].clone()
}
fn range_start(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(range_attr(args, 0))
}
fn range_stop(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(range_attr(args, 1))
}
fn range_step(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(range_attr(args, 2))
}

/// Hash consistent with sequence equality: (len, start, step) with the
/// parts that do not matter replaced by None.
fn range_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, _, c) = range_fields(&args[0]);
    let (_, _, _, n) = big_fields(&args[0]);
    let t = if n.is_zero() {
        Value::tuple(vec![Value::int(0), Value::NONE, Value::NONE])
    } else if n.is_one() {
        Value::tuple(vec![Value::int(1), a, Value::NONE])
    } else {
        Value::tuple(vec![Value::bigint(n), a, c])
    };
    Ok(Value::int(vm.hash(&t)?))
}

fn range_bool(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if let Some((a, b, c)) = range_i64(&args[0]) {
        return Ok(Value::bool(if c > 0 { a < b } else { a > b }));
    }
    let (_, _, _, n) = big_fields(&args[0]);
    Ok(Value::bool(!n.is_zero()))
}

fn range_iter_m(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(range_iter(&args[0]))
}

fn range_reversed(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, _, c, n) = big_fields(&args[0]);
    if n.is_zero() {
        return Ok(crate::types::iter::new_range_iter(0, 1, 0));
    }
    let last = a + (&n - 1u32) * &c;
    Ok(iter_from(last, -c, n))
}

fn range_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = range_fields(&args[0]);
    Ok(Value::tuple(vec![types().range.clone(), Value::tuple(vec![a, b, c])]))
}

fn slice_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("slice", kw)?;
    let a = &args[1..];
    Ok(match a.len() {
        1 => Value::slice(Value::NONE, a[0].clone(), Value::NONE),
        2 => Value::slice(a[0].clone(), a[1].clone(), Value::NONE),
        3 => Value::slice(a[0].clone(), a[1].clone(), a[2].clone()),
        0 => return Err(PyErr::type_error("slice expected at least 1 argument, got 0")),
        n => return Err(PyErr::type_error(format!("slice expected at most 3 arguments, got {n}"))),
    })
}

fn slice_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = args[0].as_slice().unwrap();
    Ok(Value::string(format!("slice({}, {}, {})", vm.repr_string(&a)?, vm.repr_string(&b)?, vm.repr_string(&c)?)))
}

fn slice_indices_m(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_, n] = bind("indices", args, kw, &["self", "length", "/"])?;
    let n = big(&index_int(vm, &n.unwrap_or(Value::NONE))?);
    if n.is_negative() {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let (s, e, st) = slice_indices_big(vm, &args[0], &n)?;
    Ok(Value::tuple(vec![Value::bigint(s), Value::bigint(e), Value::bigint(st)]))
}

fn slice_field(args: &[Value], i: usize) -> Value {
    let (a, b, c) = args[0].as_slice().unwrap();
    [a, b, c][i].clone()
}
fn slice_start(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(slice_field(args, 0))
}
fn slice_stop(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(slice_field(args, 1))
}
fn slice_step(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(slice_field(args, 2))
}

fn slice_cmp(vm: &mut Vm, args: &[Value], op: CmpOpKind) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args[0].as_slice(), args[1].as_slice()) else {
        return Ok(types().not_implemented.clone());
    };
    if args[0].is(&args[1]) && matches!(op, CmpOpKind::Eq | CmpOpKind::Ne) {
        return Ok(Value::bool(op == CmpOpKind::Eq));
    }
    let r = crate::ops::compare::seq_compare(vm, &[a.0, a.1, a.2], &[b.0, b.1, b.2], op)?;
    Ok(Value::bool(r))
}
fn slice_eq(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOpKind::Eq)
}
fn slice_ne(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOpKind::Ne)
}
fn slice_lt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOpKind::Lt)
}
fn slice_le(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOpKind::Le)
}
fn slice_gt(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOpKind::Gt)
}
fn slice_ge(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOpKind::Ge)
}

fn slice_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (a, b, c) = args[0].as_slice().unwrap_or((Value::NONE, Value::NONE, Value::NONE));
    Ok(Value::tuple(vec![types().slice.clone(), Value::tuple(vec![a, b, c])]))
}

fn set_readonly(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::attribute_error("readonly attribute"))
}

pub fn init(t: &Types) {
    add_native(&t.range, "__new__", range_new, NativeKind::StaticMethod);
    add_method(&t.range, "__repr__", range_repr);
    add_method(&t.range, "__len__", range_len_m);
    add_method(&t.range, "__getitem__", range_getitem);
    add_method(&t.range, "__contains__", range_contains);
    add_method(&t.range, "__eq__", range_eq);
    add_method(&t.range, "__ne__", range_ne);
    add_method(&t.range, "__iter__", range_iter_m);
    add_method(&t.range, "__reduce__", range_reduce);
    add_method(&t.range, "__hash__", range_hash);
    add_method(&t.range, "__bool__", range_bool);
    add_method(&t.range, "__reversed__", range_reversed);
    add_method(&t.range, "index", range_index);
    add_method(&t.range, "count", range_count);
    crate::types::add_getset(&t.range, "start", range_start, Some(set_readonly));
    crate::types::add_getset(&t.range, "stop", range_stop, Some(set_readonly));
    crate::types::add_getset(&t.range, "step", range_step, Some(set_readonly));
    add_native(&t.slice, "__new__", slice_new, NativeKind::StaticMethod);
    add_method(&t.slice, "__repr__", slice_repr);
    add_method(&t.slice, "__eq__", slice_eq);
    add_method(&t.slice, "__ne__", slice_ne);
    add_method(&t.slice, "__lt__", slice_lt);
    add_method(&t.slice, "__le__", slice_le);
    add_method(&t.slice, "__gt__", slice_gt);
    add_method(&t.slice, "__ge__", slice_ge);
    add_method(&t.slice, "__reduce__", slice_reduce);
    add_method(&t.slice, "indices", slice_indices_m);
    crate::types::add_attr(&t.slice, "__hash__", Value::NONE);
    crate::types::add_getset(&t.slice, "start", slice_start, Some(set_readonly));
    crate::types::add_getset(&t.slice, "stop", slice_stop, Some(set_readonly));
    crate::types::add_getset(&t.slice, "step", slice_step, Some(set_readonly));
}
