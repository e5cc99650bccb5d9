//! Iteration helpers: `len`, `iter`, `next`, `min`, `max`, `sum`, `sorted`,
//! `any`, `all`.

use crate::args::bind;
use crate::types::module::add_function;
use crate::types::{type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::{BinOpKind, CmpOpKind};

fn len(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("len", args, kw)?;
    Ok(Value::int(vm.len(&args[0])? as i64))
}

fn iter(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("iter", args, kw, 1, 2)?;
    if args.len() == 2 {
        if !vm.callable(&args[0]) {
            return Err(PyErr::type_error("iter(v, w): v must be callable"));
        }
        return Ok(crate::types::iter::new_callable_iter(args[0].clone(), args[1].clone()));
    }
    vm.iter(&args[0])
}

fn next(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::unpack_args("next", args, kw, 1, 2)?;
    let it = &args[0];
    let is_iter = matches!(it.as_obj().map(|o| &o.payload), Some(crate::object::Payload::Iter(_) | crate::object::Payload::Generator(_)))
        || crate::types::lookup(type_ref(it), "__next__").is_some();
    if !is_iter {
        return Err(PyErr::type_error(format!("'{}' object is not an iterator", type_ref(it).type_name_str())));
    }
    // Call __next__ directly so StopIteration's value survives when no default.
    if args.len() == 1 {
        if let Some(crate::object::Payload::Generator(_)) = it.as_obj().map(|o| &o.payload) {
            return vm.call_method(it, "__next__", &[]);
        }
        return match vm.next(it)? {
            Some(v) => Ok(v),
            None => Err(PyErr::bare(&types().exc.stop_iteration)),
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => Ok(args[1].clone()),
    }
}

fn min_max(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, op: CmpOpKind) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if npos == 0 {
        return Err(PyErr::type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let (mut key, mut default) = (None, None);
    for (i, k) in kw.iter().enumerate() {
        match k.as_str().unwrap_or("") {
            "key" => key = Some(args[npos + i].clone()),
            "default" => default = Some(args[npos + i].clone()),
            other => return Err(PyErr::type_error(format!("{name}() got an unexpected keyword argument '{other}'"))),
        }
    }
    let items = match npos {
        0 => return Err(PyErr::type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&args[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            args[..npos].to_vec()
        }
    };
    let key = key.filter(|k| !k.is_none());
    let mut best: Option<(Value, Value)> = None;
    for x in items {
        let k = match &key {
            Some(f) => vm.call(f, &[x.clone()])?,
            None => x.clone(),
        };
        best = match best {
            None => Some((x, k)),
            Some((bx, bk)) => {
                if vm.compare_bool(&k, &bk, op)? {
                    Some((x, k))
                } else {
                    Some((bx, bk))
                }
            }
        };
    }
    match best {
        Some((x, _)) => Ok(x),
        None => match default {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn min(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kw, "min", CmpOpKind::Lt)
}

fn max(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    min_max(vm, args, kw, "max", CmpOpKind::Gt)
}

fn sum(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.len() == kw.len() {
        return Err(PyErr::type_error(format!(
            "sum() takes at least 1 positional argument ({} given)",
            args.len() - kw.len()
        )));
    }
    let [iterable, start] = bind("sum", args, kw, &["iterable", "/", "start="])?;
    let mut acc = start.unwrap_or(Value::int(0));
    if matches!(acc.as_obj().map(|o| &o.payload), Some(crate::object::Payload::ByteArray(_))) {
        return Err(PyErr::type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    if acc.as_pystr().is_some() {
        return Err(PyErr::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if acc.as_bytes().is_some() {
        return Err(PyErr::type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    let it = vm.iter(&iterable.unwrap_or(Value::NONE))?;
    // CPython 3.11 adds floats left to right (no compensated summation):
    // sum([0.1] * 10) == 0.9999999999999999. Fast paths for small ints and floats.
    while let Some(x) = vm.next(&it)? {
        if let (Some(a), Some(b)) = (acc.as_small_int(), x.as_small_int()) {
            acc = Value::int(a + b);
            continue;
        }
        if let (Some(a), Some(b)) = (acc.as_float(), x.as_float()) {
            acc = Value::float(a + b);
            continue;
        }
        acc = vm.binary_op(&acc, &x, BinOpKind::Add, false)?;
    }
    Ok(acc)
}

fn sorted(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if npos != 1 {
        return Err(PyErr::type_error(format!("sorted expected 1 argument, got {npos}")));
    }
    for k in kw {
        let n = k.as_str().unwrap_or("");
        if n != "key" && n != "reverse" {
            return Err(PyErr::type_error(format!("'{n}' is an invalid keyword argument for sort()")));
        }
    }
    let [iterable, key, reverse] = bind("sorted", args, kw, &["iterable", "/", "*", "key=", "reverse="])?;
    let items = vm.collect(&iterable.unwrap_or(Value::NONE))?;
    let reverse = match reverse {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    let sorted = crate::types::list::sort_values(vm, items, key.as_ref(), reverse)?;
    Ok(Value::list(sorted))
}

fn any(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("any", args, kw)?;
    let it = vm.iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn all(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    super::one_arg("all", args, kw)?;
    let it = vm.iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

pub fn register(m: &Value) {
    add_function(m, "len", len);
    add_function(m, "iter", iter);
    add_function(m, "next", next);
    add_function(m, "min", min);
    add_function(m, "max", max);
    add_function(m, "sum", sum);
    add_function(m, "sorted", sorted);
    add_function(m, "any", any);
    add_function(m, "all", all);
}
