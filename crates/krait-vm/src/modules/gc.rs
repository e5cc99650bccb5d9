//! The `gc` module: control of the cycle collector in `crate::gc`.

use crate::object::FLAG_FINALIZED;
use crate::types::module::{add_function, new_module, set_attr};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

fn g_collect(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [generation] = crate::args::bind("collect", args, kw, &["generation="])?;
    if let Some(g) = generation {
        let g = vm.index_value(&g)?;
        if !(0..=2).contains(&g) {
            return Err(PyErr::value_error("invalid generation"));
        }
    }
    Ok(Value::int(crate::gc::collect(vm) as i64))
}

fn g_enable(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::gc::set_enabled(true);
    Ok(Value::NONE)
}

fn g_disable(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::gc::set_enabled(false);
    Ok(Value::NONE)
}

fn g_isenabled(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::bool(crate::gc::is_enabled()))
}

fn g_get_count(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::tuple(vec![Value::int(crate::gc::count() as i64), Value::int(0), Value::int(0)]))
}

fn g_get_threshold(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = crate::gc::threshold();
    Ok(Value::tuple(t.iter().map(|&x| Value::int(x as i64)).collect()))
}

fn g_set_threshold(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::no_kwargs("set_threshold", kw)?;
    if args.is_empty() || args.len() > 3 {
        return Err(PyErr::type_error(format!(
            "set_threshold() takes at {} 3 arguments ({} given)",
            if args.is_empty() { "least 1 argument or at most" } else { "most" },
            args.len()
        )));
    }
    let mut t = crate::gc::threshold();
    for (i, a) in args.iter().enumerate() {
        if a.is_float() {
            return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
        }
        t[i] = vm.index_value(a)?.max(0) as usize;
    }
    crate::gc::set_threshold(t);
    Ok(Value::NONE)
}

fn g_is_tracked(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("is_tracked", args, kw, 1, 1)?;
    Ok(Value::bool(args[0].as_obj().map_or(false, |o| o.has_flag(crate::object::FLAG_GC_TRACKED))))
}

fn g_is_finalized(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("is_finalized", args, kw, 1, 1)?;
    Ok(Value::bool(args[0].as_obj().map_or(false, |o| o.has_flag(FLAG_FINALIZED))))
}

fn g_get_objects(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [generation] = crate::args::bind("get_objects", args, kw, &["generation="])?;
    if let Some(g) = generation {
        if !g.is_none() {
            let g = vm.index_value(&g)?;
            if g >= 3 {
                return Err(PyErr::value_error("generation parameter must be less than the number of available generations (3)"));
            }
            if g < 0 {
                return Err(PyErr::value_error("generation parameter cannot be negative"));
            }
        }
    }
    Ok(Value::list(crate::gc::all_objects()))
}

fn g_get_referents(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let mut out = Vec::new();
    for a in args {
        out.extend(crate::gc::referents(a));
    }
    Ok(Value::list(out))
}

fn g_get_referrers(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::list(crate::gc::referrers(args)))
}

fn g_get_stats(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (collections, collected) = crate::gc::stats();
    let mut out = Vec::new();
    for g in 0..3 {
        let d = crate::types::dict::new_dict();
        let (c, n) = if g == 2 { (collections, collected) } else { (0, 0) };
        crate::types::dict::dict_set_str(&d, "collections", Value::int(c as i64));
        crate::types::dict::dict_set_str(&d, "collected", Value::int(n as i64));
        crate::types::dict::dict_set_str(&d, "uncollectable", Value::int(0));
        out.push(d);
    }
    Ok(Value::list(out))
}

fn g_noop(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn g_get_freeze_count(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(0))
}

fn g_set_debug(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("set_debug", args, kw, 1, 1)?;
    let f = vm.index_value(&args[0])?;
    crate::gc::set_debug_flags(f);
    Ok(Value::NONE)
}

fn g_get_debug(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(crate::gc::debug_flags()))
}

pub fn make_module(_vm: &mut Vm) -> Value {
    let m = new_module("gc");
    add_function(&m, "collect", g_collect);
    add_function(&m, "enable", g_enable);
    add_function(&m, "disable", g_disable);
    add_function(&m, "isenabled", g_isenabled);
    add_function(&m, "get_count", g_get_count);
    add_function(&m, "get_threshold", g_get_threshold);
    add_function(&m, "set_threshold", g_set_threshold);
    add_function(&m, "is_tracked", g_is_tracked);
    add_function(&m, "is_finalized", g_is_finalized);
    add_function(&m, "get_objects", g_get_objects);
    add_function(&m, "get_referents", g_get_referents);
    add_function(&m, "get_referrers", g_get_referrers);
    add_function(&m, "get_stats", g_get_stats);
    add_function(&m, "freeze", g_noop);
    add_function(&m, "unfreeze", g_noop);
    add_function(&m, "get_freeze_count", g_get_freeze_count);
    add_function(&m, "set_debug", g_set_debug);
    add_function(&m, "get_debug", g_get_debug);
    set_attr(&m, "garbage", Value::list(vec![]));
    let cbs = Value::list(vec![]);
    crate::gc::set_callbacks(cbs.clone());
    set_attr(&m, "callbacks", cbs);
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", 32),
        ("DEBUG_LEAK", 38),
    ] {
        set_attr(&m, name, Value::int(v));
    }
    m
}
