//! `tuple`: an immutable boxed slice of values.

use crate::object::{NativeKind, Payload, PyObject};
use crate::ops::compare::seq_compare;
use crate::types::range::{slice_indices, slice_pick};
use crate::types::{add_method, add_native, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::CmpOpKind;

impl Value {
    pub fn tuple(items: Vec<Value>) -> Value {
        if items.is_empty() && crate::types::types_ready() {
            return types().empty_tuple.clone();
        }
        Value::from_obj(PyObject::new(types().tuple.as_obj().unwrap(), Payload::Tuple(items.into_boxed_slice())))
    }

    /// The items of a tuple (or tuple subclass instance).
    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match &self.as_obj()?.payload {
            Payload::Tuple(t) => Some(t),
            _ => None,
        }
    }
}

/// CPython's tuple hash (xxHash-based combination of item hashes).
pub fn hash_tuple(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let mut acc: u64 = P5;
    for it in items {
        let h = vm.hash(it)? as u64;
        acc = acc.wrapping_add(h.wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return Ok(1546275796);
    }
    Ok(acc as i64)
}

/// Whether `v` is a tuple and not an instance of a subclass.
fn exact_tuple(v: &Value) -> bool {
    v.as_tuple().is_some() && types().tuple.as_obj().map_or(false, |t| std::ptr::eq(type_ref(v), t))
}

fn items(v: &Value) -> Vec<Value> {
    v.as_tuple().map(|t| t.to_vec()).unwrap_or_default()
}

fn tuple_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = &args[0];
    // Keywords are refused unless a subclass defines its own `__init__`.
    let t = types();
    let own_init = !cls.is(&t.tuple)
        && cls.as_obj().filter(|o| o.as_type().is_some()).map_or(false, |co| {
            crate::types::lookup(co, "__init__")
                .zip(crate::types::lookup(t.tuple.as_obj().unwrap(), "__init__"))
                .map_or(false, |(a, b)| !a.is(&b))
        });
    if !own_init {
        crate::args::no_kwargs("tuple", kw)?;
    }
    let args = &args[..args.len() - kw.len()];
    if args.len() > 2 {
        return Err(PyErr::type_error(format!("tuple expected at most 1 argument, got {}", args.len() - 1)));
    }
    if cls.is(&types().tuple) && args.len() == 2 && exact_tuple(&args[1]) {
        return Ok(args[1].clone());
    }
    let v = if args.len() == 2 { vm.collect(&args[1])? } else { vec![] };
    if cls.is(&types().tuple) {
        return Ok(Value::tuple(v));
    }
    Ok(Value::from_obj(PyObject::new_with_slots(
        cls.as_obj().unwrap(),
        Payload::Tuple(v.into_boxed_slice()),
        cls.as_obj().unwrap().type_data().slot_names.borrow().len(),
    )))
}

pub fn tuple_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let it = items(&args[0]);
    if it.is_empty() {
        return Ok(Value::str("()"));
    }
    if !vm.repr_enter(&args[0]) {
        return Ok(Value::str("(...)"));
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
    Ok(Value::string(if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) }))
}

fn tuple_len(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(args[0].as_tuple().unwrap().len() as i64))
}

fn tuple_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = items(&args[0]);
    let key = &args[1];
    if key.as_slice().is_some() {
        let (s, _, st, n) = slice_indices(vm, key, t.len())?;
        if s == 0 && st == 1 && n == t.len() && exact_tuple(&args[0]) {
            return Ok(args[0].clone());
        }
        return Ok(Value::tuple(slice_pick(&t, s, st, n)));
    }
    if !key.is_int() && crate::types::lookup(type_ref(key), "__index__").is_none() {
        return Err(PyErr::type_error(format!(
            "tuple indices must be integers or slices, not {}",
            type_ref(key).type_name_str()
        )));
    }
    let i = vm.subscript_index(key)?;
    match crate::ops::seq::norm_index(i, t.len()) {
        Some(j) => Ok(t[j].clone()),
        None => Err(PyErr::index_error("tuple index out of range")),
    }
}

fn cmp(vm: &mut Vm, args: &[Value], op: CmpOpKind) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args[0].as_tuple(), args[1].as_tuple()) else {
        return Ok(types().not_implemented.clone());
    };
    let (a, b) = (a.to_vec(), b.to_vec());
    Ok(Value::bool(seq_compare(vm, &a, &b, op)?))
}
fn tuple_eq(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Eq)
}
fn tuple_ne(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Ne)
}
fn tuple_lt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Lt)
}
fn tuple_le(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Le)
}
fn tuple_gt(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Gt)
}
fn tuple_ge(vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(vm, a, CmpOpKind::Ge)
}

fn tuple_hash(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = items(&args[0]);
    Ok(Value::int(hash_tuple(vm, &t)?))
}

fn tuple_contains(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    for x in items(&args[0]) {
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn tuple_add(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(b) = args[1].as_tuple() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            type_ref(&args[1]).type_name_str()
        )));
    };
    let mut v = items(&args[0]);
    v.extend(b.iter().cloned());
    let _ = vm;
    Ok(Value::tuple(v))
}

fn tuple_mul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(n) = crate::ops::seq::repeat_count(vm, &args[1])? else {
        return Ok(types().not_implemented.clone());
    };
    if n == 1 && exact_tuple(&args[0]) {
        return Ok(args[0].clone());
    }
    let t = Value::tuple(items(&args[0]));
    crate::ops::seq::native_seq_binop(vm, &t, &Value::int(n as i64), krait_compiler::opcodes::BinOpKind::Multiply)
        .map(|r| r.unwrap_or_else(|| types().not_implemented.clone()))
}

fn tuple_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::types::list::expect_args("tuple.index", "index", &args[1..], kw, 1, 3)?;
    let x = args[1].clone();
    let t = items(&args[0]);
    let n = t.len() as i64;
    let norm = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
    let s = match args.get(2) { Some(v) => norm(crate::types::list::search_bound(vm, v)?), None => 0 };
    let e = match args.get(3) { Some(v) => norm(crate::types::list::search_bound(vm, v)?), None => n };
    for i in s..e {
        if t[i as usize].is(&x) || vm.eq(&t[i as usize], &x)? {
            return Ok(Value::int(i));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("tuple.count", &args[1..], kw, 1, 1)?;
    let mut n = 0;
    for x in items(&args[0]) {
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn tuple_iter(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(crate::types::iter::new_tuple_iter(args[0].clone()))
}

fn tuple_getnewargs(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::tuple(vec![Value::tuple(items(&args[0]))]))
}

fn tuple_class_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::types::type_::generic_alias(vm, &args[0], &args[1])
}

pub fn init(t: &Types) {
    let ty = &t.tuple;
    add_native(ty, "__new__", tuple_new, NativeKind::StaticMethod);
    add_method(ty, "__repr__", tuple_repr);
    add_method(ty, "__len__", tuple_len);
    add_method(ty, "__getitem__", tuple_getitem);
    add_method(ty, "__eq__", tuple_eq);
    add_method(ty, "__ne__", tuple_ne);
    add_method(ty, "__lt__", tuple_lt);
    add_method(ty, "__le__", tuple_le);
    add_method(ty, "__gt__", tuple_gt);
    add_method(ty, "__ge__", tuple_ge);
    add_method(ty, "__hash__", tuple_hash);
    add_method(ty, "__contains__", tuple_contains);
    add_method(ty, "__add__", tuple_add);
    add_method(ty, "__mul__", tuple_mul);
    add_method(ty, "__rmul__", tuple_mul);
    add_method(ty, "__iter__", tuple_iter);
    add_method(ty, "__getnewargs__", tuple_getnewargs);
    add_method(ty, "index", tuple_index);
    add_method(ty, "count", tuple_count);
    add_native(ty, "__class_getitem__", tuple_class_getitem, NativeKind::ClassMethod);
}
