//! The `_operator` module: the operator functions of `operator.py` as
//! natives, and the `itemgetter`, `attrgetter` and `methodcaller` classes.

use super::common::{check_new, native_data, st, tname, unpack};
use crate::modules::native::GilSlot;
use crate::object::{new_opaque, NativeKind, Payload};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_method, add_native, dict, lookup, type_of, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::{BinOpKind, CmpOpKind};

static TYPES: GilSlot = GilSlot::new();

const ITEMGETTER: usize = 0;
const ATTRGETTER: usize = 1;
const METHODCALLER: usize = 2;

fn ty(i: usize) -> Value {
    let t = TYPES.get_or_init(build_types);
    t.as_tuple().map(|t| t[i].clone()).unwrap_or(Value::NONE)
}

fn build_types() -> Value {
    let o = &types().object;
    let ig = crate::types::new_native_type("operator", "itemgetter", o, false);
    add_native(&ig, "__new__", itemgetter_new, NativeKind::StaticMethod);
    add_method(&ig, "__call__", itemgetter_call);
    add_method(&ig, "__repr__", itemgetter_repr);
    add_method(&ig, "__reduce__", itemgetter_reduce);
    crate::types::add_attr(&ig, "__doc__", Value::str("itemgetter(item, ...) --> itemgetter object\n\nReturn a callable object that fetches the given item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])"));
    let ag = crate::types::new_native_type("operator", "attrgetter", o, false);
    add_native(&ag, "__new__", attrgetter_new, NativeKind::StaticMethod);
    add_method(&ag, "__call__", attrgetter_call);
    add_method(&ag, "__repr__", attrgetter_repr);
    add_method(&ag, "__reduce__", attrgetter_reduce);
    crate::types::add_attr(&ag, "__doc__", Value::str("attrgetter(attr, ...) --> attrgetter object\n\nReturn a callable object that fetches the given attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last)."));
    let mc = crate::types::new_native_type("operator", "methodcaller", o, false);
    add_native(&mc, "__new__", methodcaller_new, NativeKind::StaticMethod);
    add_method(&mc, "__call__", methodcaller_call);
    add_method(&mc, "__repr__", methodcaller_repr);
    add_method(&mc, "__reduce__", methodcaller_reduce);
    crate::types::add_attr(&mc, "__doc__", Value::str("methodcaller(name, ...) --> methodcaller object\n\nReturn a callable object that calls the given method on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1)."));
    Value::tuple(vec![ig, ag, mc])
}

fn kwfree(name: &str, kw: &[Value]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("_operator.{name}() takes no keyword arguments")))
    }
}

fn one(name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    kwfree(name, kw)?;
    if args.len() != 1 {
        return Err(PyErr::type_error(format!("_operator.{name}() takes exactly one argument ({} given)", args.len())));
    }
    Ok(())
}

fn n_args(name: &str, args: &[Value], kw: &[Value], n: usize) -> PyResult<()> {
    kwfree(name, kw)?;
    unpack(name, args, n, n)
}

macro_rules! binops {
    ($(($f:ident, $name:literal, $op:expr, $inplace:expr)),* $(,)?) => {
        $(fn $f(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            n_args($name, args, kw, 2)?;
            vm.binary_op(&args[0], &args[1], $op, $inplace)
        })*
        fn register_binops(m: &Value) {
            $(add_function(m, $name, $f);)*
        }
    };
}

binops! {
    (op_add, "add", BinOpKind::Add, false),
    (op_and, "and_", BinOpKind::And, false),
    (op_floordiv, "floordiv", BinOpKind::FloorDivide, false),
    (op_lshift, "lshift", BinOpKind::Lshift, false),
    (op_mod, "mod", BinOpKind::Remainder, false),
    (op_mul, "mul", BinOpKind::Multiply, false),
    (op_matmul, "matmul", BinOpKind::MatrixMultiply, false),
    (op_or, "or_", BinOpKind::Or, false),
    (op_pow, "pow", BinOpKind::Power, false),
    (op_rshift, "rshift", BinOpKind::Rshift, false),
    (op_sub, "sub", BinOpKind::Subtract, false),
    (op_truediv, "truediv", BinOpKind::TrueDivide, false),
    (op_xor, "xor", BinOpKind::Xor, false),
    (op_iadd, "iadd", BinOpKind::Add, true),
    (op_iand, "iand", BinOpKind::And, true),
    (op_ifloordiv, "ifloordiv", BinOpKind::FloorDivide, true),
    (op_ilshift, "ilshift", BinOpKind::Lshift, true),
    (op_imod, "imod", BinOpKind::Remainder, true),
    (op_imul, "imul", BinOpKind::Multiply, true),
    (op_imatmul, "imatmul", BinOpKind::MatrixMultiply, true),
    (op_ior, "ior", BinOpKind::Or, true),
    (op_ipow, "ipow", BinOpKind::Power, true),
    (op_irshift, "irshift", BinOpKind::Rshift, true),
    (op_isub, "isub", BinOpKind::Subtract, true),
    (op_itruediv, "itruediv", BinOpKind::TrueDivide, true),
    (op_ixor, "ixor", BinOpKind::Xor, true),
}

macro_rules! cmpops {
    ($(($f:ident, $name:literal, $op:expr)),* $(,)?) => {
        $(fn $f(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            n_args($name, args, kw, 2)?;
            vm.compare(&args[0], &args[1], $op)
        })*
        fn register_cmps(m: &Value) {
            $(add_function(m, $name, $f);)*
        }
    };
}

cmpops! {
    (op_lt, "lt", CmpOpKind::Lt),
    (op_le, "le", CmpOpKind::Le),
    (op_eq, "eq", CmpOpKind::Eq),
    (op_ne, "ne", CmpOpKind::Ne),
    (op_gt, "gt", CmpOpKind::Gt),
    (op_ge, "ge", CmpOpKind::Ge),
}

fn op_not(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one("not_", args, kw)?;
    Ok(Value::bool(!vm.truthy(&args[0])?))
}

fn op_truth(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one("truth", args, kw)?;
    Ok(Value::bool(vm.truthy(&args[0])?))
}

fn op_is(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    n_args("is_", args, kw, 2)?;
    Ok(Value::bool(args[0].is(&args[1])))
}

fn op_is_not(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    n_args("is_not", args, kw, 2)?;
    Ok(Value::bool(!args[0].is(&args[1])))
}

fn builtin(vm: &mut Vm, name: &str) -> Value {
    dict::dict_get_str(&vm.builtins_dict, name).unwrap_or(Value::NONE)
}

fn op_abs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one("abs", args, kw)?;
    let f = builtin(vm, "abs");
    vm.call(&f, &args[..1])
}

fn op_neg(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one("neg", args, kw)?;
    vm.unary_op(&args[0], "__neg__")
}

fn op_pos(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one("pos", args, kw)?;
    vm.unary_op(&args[0], "__pos__")
}

fn op_inv(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one("inv", args, kw)?;
    vm.unary_op(&args[0], "__invert__")
}

fn op_invert(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one("invert", args, kw)?;
    vm.unary_op(&args[0], "__invert__")
}

/// `PyNumber_Index`: an exact int.
pub fn number_index(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.is_int() {
        return Ok(match v.as_i64() {
            Some(i) if !v.is_small_int() || v.is_bool() => Value::int(i),
            Some(_) => v.clone(),
            None => Value::bigint(v.to_bigint().unwrap_or_default()),
        });
    }
    match lookup(type_ref(v), "__index__") {
        Some(f) => {
            let r = vm.call(&f, &[v.clone()])?;
            if !r.is_int() {
                return Err(PyErr::type_error(format!("__index__ returned non-int (type {})", tname(&r))));
            }
            number_index(vm, &r)
        }
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tname(v)))),
    }
}

fn op_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    one("index", args, kw)?;
    number_index(vm, &args[0])
}

fn concat_check(v: &Value) -> PyResult<()> {
    let is_dict = v.as_obj().map_or(false, |o| matches!(o.payload, Payload::Dict(_)));
    if is_dict || lookup(type_ref(v), "__getitem__").is_none() {
        return Err(PyErr::type_error(format!("'{}' object can't be concatenated", tname(v))));
    }
    Ok(())
}

fn op_concat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    n_args("concat", args, kw, 2)?;
    concat_check(&args[0])?;
    vm.binary_op(&args[0], &args[1], BinOpKind::Add, false)
}

fn op_iconcat(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    n_args("iconcat", args, kw, 2)?;
    concat_check(&args[0])?;
    vm.binary_op(&args[0], &args[1], BinOpKind::Add, true)
}

fn op_contains(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    n_args("contains", args, kw, 2)?;
    Ok(Value::bool(vm.contains(&args[0], &args[1])?))
}

fn iter_arg(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match vm.iter(v) {
        Err(e) if e.matches(&types().exc.type_error) && lookup(type_ref(v), "__iter__").is_none() && lookup(type_ref(v), "__getitem__").is_none() => {
            Err(PyErr::type_error(format!("argument of type '{}' is not iterable", tname(v))))
        }
        r => r,
    }
}

fn op_count_of(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    n_args("countOf", args, kw, 2)?;
    let it = iter_arg(vm, &args[0])?;
    let mut n = 0i64;
    while let Some(x) = vm.next(&it)? {
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn op_index_of(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    n_args("indexOf", args, kw, 2)?;
    let it = iter_arg(vm, &args[0])?;
    let mut i = 0i64;
    while let Some(x) = vm.next(&it)? {
        if x.is(&args[1]) || vm.eq(&x, &args[1])? {
            return Ok(Value::int(i));
        }
        i += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn op_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    n_args("getitem", args, kw, 2)?;
    vm.getitem(&args[0], &args[1])
}

fn op_setitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    n_args("setitem", args, kw, 3)?;
    vm.setitem(&args[0], &args[1], args[2].clone())?;
    Ok(Value::NONE)
}

fn op_delitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    n_args("delitem", args, kw, 2)?;
    vm.delitem(&args[0], &args[1])?;
    Ok(Value::NONE)
}

/// `operator.length_hint(obj, default=0)` (`PyObject_LengthHint`).
pub fn length_hint(vm: &mut Vm, obj: &Value, default: i64) -> PyResult<i64> {
    if lookup(type_ref(obj), "__len__").is_some() {
        match vm.len(obj) {
            Ok(n) => return Ok(n as i64),
            Err(e) if e.matches(&types().exc.type_error) => {}
            Err(e) => return Err(e),
        }
    }
    let Some(f) = lookup(type_ref(obj), "__length_hint__") else { return Ok(default) };
    let r = match vm.call(&f, &[obj.clone()]) {
        Ok(r) => r,
        Err(e) if e.matches(&types().exc.type_error) => return Ok(default),
        Err(e) => return Err(e),
    };
    if r.is(&types().not_implemented) {
        return Ok(default);
    }
    if !r.is_int() {
        return Err(PyErr::type_error(format!("__length_hint__ must be an integer, not {}", tname(&r))));
    }
    let n = vm.index_value(&r)?;
    if n < 0 {
        return Err(PyErr::value_error("__length_hint__() should return >= 0"));
    }
    Ok(n)
}

fn op_length_hint(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    kwfree("length_hint", kw)?;
    unpack("length_hint", args, 1, 2)?;
    let default = match args.get(1) {
        Some(d) => {
            if !d.is_int() {
                return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tname(d))));
            }
            vm.index_value(d)?
        }
        None => 0,
    };
    Ok(Value::int(length_hint(vm, &args[0], default)?))
}

fn op_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() == kw.len() {
        return Err(PyErr::type_error("call expected at least 1 argument, got 0"));
    }
    vm.call_kw(&args[0], &args[1..], kw)
}

fn digest_bytes(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<u8>>> {
    Ok(match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Bytes(b)) => Some(b.to_vec()),
        Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
        Some(Payload::MemoryView(_)) => {
            let b = builtin(vm, "bytes");
            let r = vm.call(&b, &[v.clone()])?;
            r.as_bytes().map(|x| x.to_vec())
        }
        _ => None,
    })
}

fn op_compare_digest(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    n_args("_compare_digest", args, kw, 2)?;
    let (a, b) = (&args[0], &args[1]);
    let (x, y) = match (a.as_pystr(), b.as_pystr()) {
        (Some(p), Some(q)) => {
            if !p.is_ascii() || !q.is_ascii() {
                return Err(PyErr::type_error("comparing strings with non-ASCII characters is not supported"));
            }
            (p.as_str().as_bytes().to_vec(), q.as_str().as_bytes().to_vec())
        }
        (Some(_), None) | (None, Some(_)) => {
            return Err(PyErr::type_error("a bytes-like object is required, not 'str'"));
        }
        _ => match (digest_bytes(vm, a)?, digest_bytes(vm, b)?) {
            (Some(x), Some(y)) => (x, y),
            _ => {
                return Err(PyErr::type_error(format!(
                    "unsupported operand types(s) or combination of types: '{}' and '{}'",
                    tname(a),
                    tname(b)
                )))
            }
        },
    };
    // Constant time in the length of `y`.
    let mut acc: u8 = (x.len() != y.len()) as u8;
    let left = if x.len() == y.len() { &x } else { &y };
    for (p, q) in left.iter().zip(y.iter()) {
        acc |= p ^ q;
    }
    Ok(Value::bool(acc == 0))
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("_operator");
    set_attr(&m, "__doc__", Value::str("Operator interface.\n\nThis module exports a set of functions implemented in C corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\nis equivalent to the expression x+y.  The function names are those\nused for special methods; variants without leading and trailing\n'__' are also provided for convenience."));
    register_binops(&m);
    register_cmps(&m);
    for (n, f) in [
        ("not_", op_not as crate::object::NativeFn),
        ("truth", op_truth),
        ("is_", op_is),
        ("is_not", op_is_not),
        ("abs", op_abs),
        ("neg", op_neg),
        ("pos", op_pos),
        ("inv", op_inv),
        ("invert", op_invert),
        ("index", op_index),
        ("concat", op_concat),
        ("iconcat", op_iconcat),
        ("contains", op_contains),
        ("countOf", op_count_of),
        ("indexOf", op_index_of),
        ("getitem", op_getitem),
        ("setitem", op_setitem),
        ("delitem", op_delitem),
        ("length_hint", op_length_hint),
        ("call", op_call),
        ("_compare_digest", op_compare_digest),
    ] {
        add_function(&m, n, f);
    }
    set_attr(&m, "itemgetter", ty(ITEMGETTER));
    set_attr(&m, "attrgetter", ty(ATTRGETTER));
    set_attr(&m, "methodcaller", ty(METHODCALLER));
    m
}

fn no_kw_class(name: &str, kw: &[Value]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("{name}() takes no keyword arguments")))
    }
}

// ---------------------------------------------------------------- itemgetter

struct ItemGetter {
    items: Vec<Value>,
}
native_data!(ItemGetter, items);

fn itemgetter_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(ITEMGETTER), "operator.itemgetter")?;
    no_kw_class("itemgetter", kw)?;
    if args.len() < 2 {
        return Err(PyErr::type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(new_opaque(&cls, ItemGetter { items: args[1..].to_vec() }))
}

fn itemgetter_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw_class("itemgetter", kw)?;
    unpack("itemgetter", &args[1..], 1, 1)?;
    let items = st(&args[0], "operator.itemgetter", |g: &mut ItemGetter| g.items.clone())?;
    let obj = &args[1];
    if items.len() == 1 {
        return vm.getitem(obj, &items[0]);
    }
    let mut out = Vec::with_capacity(items.len());
    for k in &items {
        out.push(vm.getitem(obj, k)?);
    }
    Ok(Value::tuple(out))
}

fn getter_repr(vm: &mut Vm, me: &Value, name: &str, items: &[Value]) -> PyResult<Value> {
    if !vm.repr_enter(me) {
        return Ok(Value::string(format!("{name}(...)")));
    }
    let r = (|| -> PyResult<String> {
        let mut parts = Vec::with_capacity(items.len());
        for x in items {
            parts.push(vm.repr_string(x)?);
        }
        Ok(format!("{name}({})", parts.join(", ")))
    })();
    vm.repr_leave(me);
    Ok(Value::string(r?))
}

fn itemgetter_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = st(&args[0], "operator.itemgetter", |g: &mut ItemGetter| g.items.clone())?;
    getter_repr(vm, &args[0], "operator.itemgetter", &items)
}

fn itemgetter_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let items = st(&args[0], "operator.itemgetter", |g: &mut ItemGetter| g.items.clone())?;
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(items)]))
}

// ---------------------------------------------------------------- attrgetter

struct AttrGetter {
    /// The names as given (for repr/reduce).
    names: Vec<Value>,
    /// Each name split at dots, as interned strs.
    paths: Vec<Vec<Value>>,
}
native_data!(AttrGetter, names, paths);

fn attrgetter_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(ATTRGETTER), "operator.attrgetter")?;
    no_kw_class("attrgetter", kw)?;
    if args.len() < 2 {
        return Err(PyErr::type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(args.len() - 1);
    for a in &args[1..] {
        let Some(s) = a.as_str() else {
            return Err(PyErr::type_error("attribute name must be a string"));
        };
        paths.push(s.split('.').map(crate::types::str::intern).collect());
    }
    Ok(new_opaque(&cls, AttrGetter { names: args[1..].to_vec(), paths }))
}

fn attrgetter_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw_class("attrgetter", kw)?;
    unpack("attrgetter", &args[1..], 1, 1)?;
    let paths = st(&args[0], "operator.attrgetter", |g: &mut AttrGetter| g.paths.clone())?;
    let mut out = Vec::with_capacity(paths.len());
    for p in &paths {
        let mut v = args[1].clone();
        for n in p {
            v = vm.getattr(&v, n)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::NONE));
    }
    Ok(Value::tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let names = st(&args[0], "operator.attrgetter", |g: &mut AttrGetter| g.names.clone())?;
    getter_repr(vm, &args[0], "operator.attrgetter", &names)
}

fn attrgetter_reduce(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let names = st(&args[0], "operator.attrgetter", |g: &mut AttrGetter| g.names.clone())?;
    Ok(Value::tuple(vec![type_of(&args[0]), Value::tuple(names)]))
}

// ---------------------------------------------------------------- methodcaller

struct MethodCaller {
    name: Value,
    args: Vec<Value>,
    kwnames: Vec<Value>,
    kwvals: Vec<Value>,
}
native_data!(MethodCaller, name, args, kwnames, kwvals);

fn methodcaller_new(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = check_new(args, &ty(METHODCALLER), "operator.methodcaller")?;
    let np = args.len() - kw.len();
    if np < 2 {
        return Err(PyErr::type_error("methodcaller needs at least one argument, the method name"));
    }
    let Some(s) = args[1].as_str() else {
        return Err(PyErr::type_error("method name must be a string"));
    };
    let name = crate::types::str::intern(s);
    Ok(new_opaque(&cls, MethodCaller { name, args: args[2..np].to_vec(), kwnames: kw.to_vec(), kwvals: args[np..].to_vec() }))
}

fn mc_parts(v: &Value) -> PyResult<(Value, Vec<Value>, Vec<Value>, Vec<Value>)> {
    st(v, "operator.methodcaller", |m: &mut MethodCaller| (m.name.clone(), m.args.clone(), m.kwnames.clone(), m.kwvals.clone()))
}

fn methodcaller_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    no_kw_class("methodcaller", kw)?;
    unpack("methodcaller", &args[1..], 1, 1)?;
    let (name, a, kn, kv) = mc_parts(&args[0])?;
    let f = vm.getattr(&args[1], &name)?;
    let mut all = a;
    all.extend(kv);
    vm.call_kw(&f, &all, &kn)
}

fn methodcaller_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let (name, a, kn, kv) = mc_parts(me)?;
    if !vm.repr_enter(me) {
        return Ok(Value::str("operator.methodcaller(...)"));
    }
    let r = (|| -> PyResult<String> {
        let mut parts = vec![vm.repr_string(&name)?];
        for x in &a {
            parts.push(vm.repr_string(x)?);
        }
        for (k, v) in kn.iter().zip(&kv) {
            parts.push(format!("{}={}", k.as_str().unwrap_or(""), vm.repr_string(v)?));
        }
        Ok(format!("operator.methodcaller({})", parts.join(", ")))
    })();
    vm.repr_leave(me);
    Ok(Value::string(r?))
}

fn methodcaller_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let (name, a, kn, kv) = mc_parts(me)?;
    let cls = type_of(me);
    if kn.is_empty() {
        let mut t = vec![name];
        t.extend(a);
        return Ok(Value::tuple(vec![cls, Value::tuple(t)]));
    }
    let partial = super::functools::partial_type();
    let mut pa = vec![cls, name];
    pa.extend(kv);
    let p = vm.call_kw(&partial, &pa, &kn)?;
    Ok(Value::tuple(vec![p, Value::tuple(a)]))
}
