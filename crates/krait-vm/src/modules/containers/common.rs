//! Helpers shared by the container modules: argument checks with CPython's
//! messages and access to an object's native state (`native_data!`, which
//! lives in `modules::native`, is re-exported here).

use crate::object::{NativeData, Payload};
use crate::types::{is_subtype, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};

pub(crate) use crate::modules::native::native_data;

pub fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

/// Run `f` on the native state `T` of `v`; a TypeError naming `what` if `v`
/// does not carry one.
pub fn st<T: NativeData, R>(v: &Value, what: &str, f: impl FnOnce(&mut T) -> R) -> PyResult<R> {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => {
            let mut b = b
                .try_borrow_mut()
                .map_err(|_| PyErr::runtime_error(format!("{what} object is being modified")))?;
            match b.downcast_mut::<T>() {
                Some(s) => Ok(f(s)),
                None => Err(wrong_self(what, v)),
            }
        }
        _ => Err(wrong_self(what, v)),
    }
}

/// Whether `v` carries native state `T`.
pub fn has<T: NativeData>(v: &Value) -> bool {
    match v.as_obj().map(|o| &o.payload) {
        Some(Payload::Opaque(b)) => b.try_borrow().map_or(true, |b| b.is::<T>()),
        _ => false,
    }
}

fn wrong_self(what: &str, v: &Value) -> PyErr {
    PyErr::type_error(format!("descriptor requires a '{what}' object but received a '{}'", tname(v)))
}

/// `__new__`'s class argument must be a subtype of `base` (`module.name`).
pub fn check_new(args: &[Value], base: &Value, qual: &str) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    if cls.as_obj().and_then(|o| o.as_type()).is_none() {
        return Err(PyErr::type_error(format!("{qual}.__new__(X): X is not a type object ({})", tname(&cls))));
    }
    if !is_subtype(&cls, base) {
        let n = cls.as_obj().map(|o| o.type_name_str()).unwrap_or_default();
        return Err(PyErr::type_error(format!("{qual}.__new__({n}): {n} is not a subtype of {qual}")));
    }
    Ok(cls)
}

/// `name() takes no keyword arguments`.
pub fn no_kw(name: &str, kw: &[Value]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(PyErr::type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// PyArg_UnpackTuple's count check: `name expected N arguments, got M`.
pub fn unpack(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min {
        return Err(PyErr::type_error(if min == max {
            format!("{name} expected {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        }));
    }
    if n > max {
        return Err(PyErr::type_error(if min == max {
            format!("{name} expected {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        }));
    }
    Ok(())
}

/// Keyword names must be among `allowed`: else PyArg_ParseTupleAndKeywords's
/// `'x' is an invalid keyword argument for name()`.
pub fn check_kwnames(name: &str, kw: &[Value], allowed: &[&str]) -> PyResult<()> {
    for k in kw {
        let s = k.as_str().unwrap_or("");
        if !allowed.contains(&s) {
            return Err(PyErr::type_error(format!("'{s}' is an invalid keyword argument for {name}()")));
        }
    }
    Ok(())
}

pub fn stop() -> PyErr {
    PyErr::bare(&types().exc.stop_iteration)
}

/// `Some(item)` or StopIteration.
pub fn yield_opt(v: Option<Value>) -> PyResult<Value> {
    v.ok_or_else(stop)
}

pub fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

/// A Python list of `items`.
pub fn list(items: Vec<Value>) -> Value {
    Value::list(items)
}

/// The items of a tuple argument, or a TypeError `msg`.
pub fn tuple_items(v: &Value, msg: &str) -> PyResult<Vec<Value>> {
    v.as_tuple().map(|t| t.to_vec()).ok_or_else(|| PyErr::type_error(msg.to_string()))
}

/// An index-sized int from `v` (`__index__`), with CPython's errors.
pub fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    vm.index_value(v)
}

/// `type(self)` as a value.
pub fn cls_of(v: &Value) -> Value {
    crate::types::type_of(v)
}

/// The class's `__name__` (`_PyType_Name`).
pub fn short_name(v: &Value) -> String {
    tname(v)
}

/// Give a native type's instances a `__dict__` (attributes may be set).
pub fn enable_dict(ty: &Value) {
    if let Some(td) = ty.as_obj().and_then(|o| o.as_type()) {
        td.has_instance_dict.set(true);
    }
    let (g, s) = crate::types::object::dict_getset();
    crate::types::add_getset(ty, "__dict__", g, Some(s));
}
