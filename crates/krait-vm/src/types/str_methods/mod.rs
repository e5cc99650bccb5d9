//! Python-visible methods of `str` (built on `text::strmethods`).
//!
//! - `mod.rs`: constructor, dunders, searching/splitting/case methods.
//! - `format.rs`: `str.format`, `format_map` and `%`-formatting (shared with bytes).
//! - `codec.rs`: `encode`/`decode` for the builtin codecs and the
//!   `UnicodeEncodeError`/`UnicodeDecodeError` details.
//!
//! Indexes are code points; results are always exact `str` objects.

pub mod codec;
pub mod format;

use crate::args::{bind, check_arity};
use crate::object::{NativeKind, Payload, PyObject};
use crate::text::strmethods as sm;
use crate::text::to_pyerr;
use crate::types::range::slice_indices;
use crate::types::str::{char_value, PyStr};
use crate::types::{add_method, add_native, type_ref, types, Types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use krait_compiler::opcodes::CmpOpKind;
use std::cell::RefCell;

pub use format::percent_format;

pub(crate) fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

fn notimpl() -> Value {
    types().not_implemented.clone()
}

/// `self` of a str method, with CPython's descriptor errors.
pub(crate) fn slf<'a>(args: &'a [Value], name: &str) -> PyResult<&'a PyStr> {
    match args.first() {
        Some(v) => v.as_pystr().ok_or_else(|| {
            PyErr::type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                tname(v)
            ))
        }),
        None => Err(PyErr::type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

/// A str result: `self` when unchanged and exact, else a new str.
fn same_or_new(this: &Value, s: &str) -> Value {
    if let Some(p) = this.as_pystr_exact() {
        if p.as_str().len() == s.len() && p.as_str().as_ptr() == s.as_ptr() {
            return this.clone();
        }
    }
    Value::str(s)
}

fn new_str(s: String) -> Value {
    Value::string(s)
}

/// A `start`/`end` argument: None or an index (huge values saturate).
pub(crate) fn opt_index(vm: &mut Vm, v: &Option<Value>) -> PyResult<Option<i64>> {
    let Some(v) = v else { return Ok(None) };
    if v.is_none() {
        return Ok(None);
    }
    if let Some(i) = v.as_i64() {
        return Ok(Some(i));
    }
    if let Some(b) = v.to_bigint() {
        return Ok(Some(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 4 } else { i64::MAX / 4 }));
    }
    if crate::types::lookup(type_ref(v), "__index__").is_some() {
        return vm.index_value(v).map(Some);
    }
    Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method"))
}

/// A C `Py_ssize_t` argument (width, count, maxsplit): OverflowError when huge.
pub(crate) fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if v.is_int() {
        return v.as_i64().ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t"));
    }
    vm.index_value(v)
}

/// A C `int` argument (tabsize, keepends).
pub(crate) fn cint_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let i = if v.is_int() {
        v.as_i64().ok_or_else(|| PyErr::overflow("Python int too large to convert to C int"))?
    } else {
        vm.index_value(v)?
    };
    if i < i32::MIN as i64 || i > i32::MAX as i64 {
        return Err(PyErr::overflow("Python int too large to convert to C int"));
    }
    Ok(i)
}

/// Arity check of a method without parameters (`self` excluded from the count).
pub(crate) fn noargs(qual: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!("{qual}() takes no keyword arguments")));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!("{qual}() takes no arguments ({} given)", args.len() - 1)));
    }
    Ok(())
}

/// An argument that must be a str: "must be str, not int".
fn need_str<'a>(v: &'a Value) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| PyErr::type_error(format!("must be str, not {}", tname(v))))
}

fn fill_char(v: &Option<Value>) -> PyResult<char> {
    match v {
        None => Ok(' '),
        Some(v) => {
            let Some(s) = v.as_pystr() else {
                return Err(PyErr::type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    tname(v)
                )));
            };
            if s.char_len() != 1 {
                return Err(PyErr::type_error("The fill character must be exactly one character long"));
            }
            Ok(s.char_at(0))
        }
    }
}

// ---------------------------------------------------------------------
// Constructor and dunders
// ---------------------------------------------------------------------

fn make_str(cls: &Value, text: Value) -> PyResult<Value> {
    if cls.is(&types().str) {
        if text.as_pystr_exact().is_some() {
            return Ok(text);
        }
        return Ok(Value::str(text.as_str().unwrap_or("")));
    }
    let co = cls.as_obj().ok_or_else(|| PyErr::type_error("str.__new__(X): X is not a type object"))?;
    if co.as_type().is_none() {
        return Err(PyErr::type_error("str.__new__(X): X is not a type object"));
    }
    if !crate::types::is_subtype(cls, &types().str) {
        return Err(PyErr::type_error(format!(
            "str.__new__({}): {} is not a subtype of str",
            co.type_name_str(),
            co.type_name_str()
        )));
    }
    let nslots = co.type_data().slot_names.borrow().len();
    let s = text.as_str().unwrap_or("").to_string();
    Ok(Value::from_obj(PyObject::new_with_slots(co, Payload::Str(PyStr::from_string(s)), nslots)))
}

fn str_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(PyErr::type_error("str.__new__(): not enough arguments"));
    }
    if args.len() == 2 && kw.is_empty() && args[0].is(&types().str) {
        // `str(x)` returns what `x.__str__()` gave, even a subclass instance.
        return vm.str(&args[1]);
    }
    let [obj, encoding, errors] = bind("str", &args[1..], kw, &["object=", "encoding=", "errors="])?;
    let cls = &args[0];
    if encoding.is_none() && errors.is_none() {
        let text = match obj {
            None => Value::str(""),
            Some(o) => vm.str(&o)?,
        };
        return make_str(cls, text);
    }
    let enc = match &encoding {
        None => None,
        Some(e) => Some(e.as_str().ok_or_else(|| {
            PyErr::type_error(format!("str() argument 'encoding' must be str, not {}", tname(e)))
        })?),
    };
    let errs = match &errors {
        None => None,
        Some(e) => Some(e.as_str().ok_or_else(|| {
            PyErr::type_error(format!("str() argument 'errors' must be str, not {}", tname(e)))
        })?),
    };
    let obj = obj.unwrap_or_else(|| Value::bytes(vec![]));
    if obj.as_pystr().is_some() {
        return Err(PyErr::type_error("decoding str is not supported"));
    }
    let data = match crate::types::bytes::buffer_bytes(&obj) {
        Some(b) => b,
        None => {
            return Err(PyErr::type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                tname(&obj)
            )))
        }
    };
    let text = codec::decode(vm, &data, enc.unwrap_or("utf-8"), errs.unwrap_or("strict"))?;
    make_str(cls, Value::string(text))
}

fn str_repr(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("str.__repr__", args, kw)?;
    let s = slf(args, "__repr__")?;
    Ok(new_str(sm::str_repr(s.as_str())))
}

fn str_str(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("str.__str__", args, kw)?;
    let s = slf(args, "__str__")?;
    if args[0].as_pystr_exact().is_some() {
        return Ok(args[0].clone());
    }
    Ok(Value::str(s.as_str()))
}

fn str_len(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("str.__len__", args, kw)?;
    Ok(Value::int(slf(args, "__len__")?.char_len() as i64))
}

fn str_hash(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("str.__hash__", args, kw)?;
    Ok(Value::int(slf(args, "__hash__")?.hash()))
}

/// `s[key]` for an int or a slice.
pub fn str_getitem_value(vm: &mut Vm, s: &PyStr, key: &Value) -> PyResult<Value> {
    if let Some(i) = key.as_small_int() {
        return match crate::ops::seq::norm_index(i, s.char_len()) {
            Some(j) => Ok(char_value(s.char_at(j))),
            None => Err(PyErr::index_error("string index out of range")),
        };
    }
    if key.as_slice().is_some() {
        let n = s.char_len();
        let (start, _, step, count) = slice_indices(vm, key, n)?;
        if count == 0 {
            return Ok(Value::str(""));
        }
        if step == 1 {
            let st = start as usize;
            return Ok(Value::str(s.slice(st, st + count)));
        }
        if count == 1 {
            return Ok(char_value(s.char_at(start as usize)));
        }
        let text = s.as_str();
        let mut out = String::with_capacity(count);
        if s.is_ascii() {
            let b = text.as_bytes();
            let mut i = start;
            for _ in 0..count {
                out.push(b[i as usize] as char);
                i = i.wrapping_add(step);
            }
        } else {
            let chars: Vec<char> = text.chars().collect();
            let mut i = start;
            for _ in 0..count {
                out.push(chars[i as usize]);
                i = i.wrapping_add(step);
            }
        }
        return Ok(new_str(out));
    }
    if key.is_int() || crate::types::lookup(type_ref(key), "__index__").is_some() {
        let i = vm.index_value(key)?;
        return match crate::ops::seq::norm_index(i, s.char_len()) {
            Some(j) => Ok(char_value(s.char_at(j))),
            None => Err(PyErr::index_error("string index out of range")),
        };
    }
    Err(PyErr::type_error(format!("string indices must be integers, not '{}'", tname(key))))
}

fn str_getitem(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__getitem__", &args[1.min(args.len())..], kw, 1, 1)?;
    let s = slf(args, "__getitem__")?;
    str_getitem_value(vm, s, &args[1])
}

fn str_contains(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__contains__", &args[1.min(args.len())..], kw, 1, 1)?;
    let s = slf(args, "__contains__")?;
    match args[1].as_str() {
        Some(x) => Ok(Value::bool(s.as_str().contains(x))),
        None => Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            tname(&args[1])
        ))),
    }
}

fn str_iter(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("str.__iter__", args, kw)?;
    slf(args, "__iter__")?;
    Ok(Value::from_obj(PyObject::new(
        types().str_iterator.as_obj().unwrap(),
        Payload::Iter(Box::new(RefCell::new(crate::types::iter::IterState::Str { s: args[0].clone(), byte: 0 }))),
    )))
}

fn cmp(args: &[Value], name: &str, op: CmpOpKind) -> PyResult<Value> {
    let a = slf(args, name)?;
    check_arity(name, &args[1..], &[], 1, 1)?;
    let Some(b) = args.get(1).and_then(|v| v.as_pystr()) else { return Ok(notimpl()) };
    Ok(Value::bool(crate::ops::arith::cmp_ord(a.as_str().cmp(b.as_str()), op)))
}
fn str_eq(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__eq__", CmpOpKind::Eq)
}
fn str_ne(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__ne__", CmpOpKind::Ne)
}
fn str_lt(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__lt__", CmpOpKind::Lt)
}
fn str_le(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__le__", CmpOpKind::Le)
}
fn str_gt(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__gt__", CmpOpKind::Gt)
}
fn str_ge(_vm: &mut Vm, a: &[Value], _k: &[Value]) -> PyResult<Value> {
    cmp(a, "__ge__", CmpOpKind::Ge)
}

/// Whether `v` is an instance of a user class defining `name` (then the
/// builtin operator defers with NotImplemented instead of raising).
fn user_defines(v: &Value, name: &str) -> bool {
    let t = type_ref(v);
    t.type_data().heap && crate::types::lookup(t, name).is_some()
}

fn str_add(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__add__", &args[1.min(args.len())..], kw, 1, 1)?;
    let a = slf(args, "__add__")?;
    let Some(b) = args[1].as_pystr() else {
        if user_defines(&args[1], "__radd__") {
            return Ok(notimpl());
        }
        return Err(PyErr::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            tname(&args[1])
        )));
    };
    let mut s = String::with_capacity(a.as_str().len() + b.as_str().len());
    s.push_str(a.as_str());
    s.push_str(b.as_str());
    Ok(new_str(s))
}

/// `s * n` shared by `__mul__`/`__rmul__`.
fn repeat(vm: &mut Vm, s: &PyStr, n: &Value, reflected: bool) -> PyResult<Value> {
    if !n.is_int() {
        if crate::types::lookup(type_ref(n), "__index__").is_none() {
            if !reflected && user_defines(n, "__rmul__") {
                return Ok(notimpl());
            }
            return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", tname(n))));
        }
    }
    let count = match n.as_i64() {
        Some(c) => c,
        None if n.is_int() => return Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")),
        None => vm.index_value(n)?,
    };
    if count <= 0 || s.char_len() == 0 {
        return Ok(Value::str(""));
    }
    let total = s.as_str().len().checked_mul(count as usize);
    match total {
        Some(t) if t <= (1usize << 40) => Ok(new_str(s.as_str().repeat(count as usize))),
        _ => Err(PyErr::memory_error()),
    }
}

fn str_mul(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__mul__", &args[1.min(args.len())..], kw, 1, 1)?;
    let s = slf(args, "__mul__")?;
    repeat(vm, s, &args[1], false)
}

fn str_rmul(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__rmul__", &args[1.min(args.len())..], kw, 1, 1)?;
    let s = slf(args, "__rmul__")?;
    repeat(vm, s, &args[1], true)
}

fn str_mod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__mod__", &args[1.min(args.len())..], kw, 1, 1)?;
    let s = slf(args, "__mod__")?;
    let fmt = s.as_str().to_string();
    percent_format(vm, &fmt, &args[1])
}

fn str_rmod(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__rmod__", &args[1.min(args.len())..], kw, 1, 1)?;
    slf(args, "__rmod__")?;
    match args[1].as_str() {
        Some(f) => {
            let f = f.to_string();
            percent_format(vm, &f, &args[0])
        }
        None => Ok(notimpl()),
    }
}

fn str_format_dunder(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("__format__", &args[1.min(args.len())..], kw, 1, 1)?;
    let s = slf(args, "__format__")?;
    let Some(spec) = args[1].as_str() else {
        return Err(PyErr::type_error(format!(
            "__format__() argument must be str, not {}",
            tname(&args[1])
        )));
    };
    if spec.is_empty() {
        // An empty spec means `str(self)` (a subclass's `__str__` counts).
        if args[0].as_pystr_exact().is_none() {
            return vm.str(&args[0]);
        }
        return Ok(str_str_exact(&args[0], s));
    }
    crate::text::format_spec::format_str_spec(s.as_str(), spec, "str").map(new_str).map_err(to_pyerr)
}

fn str_str_exact(v: &Value, s: &PyStr) -> Value {
    if v.as_pystr_exact().is_some() {
        v.clone()
    } else {
        Value::str(s.as_str())
    }
}

fn str_getnewargs(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("str.__getnewargs__", args, kw)?;
    let s = slf(args, "__getnewargs__")?;
    Ok(Value::tuple(vec![Value::str(s.as_str())]))
}

fn str_sizeof(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    noargs("str.__sizeof__", args, kw)?;
    let s = slf(args, "__sizeof__")?;
    let n = s.char_len();
    if s.is_ascii() {
        return Ok(Value::int((48 + n + 1) as i64));
    }
    let kind = s.as_str().chars().map(|c| if (c as u32) < 256 { 1 } else if (c as u32) < 65536 { 2 } else { 4 }).max().unwrap_or(1);
    Ok(Value::int((72 + (n + 1) * kind) as i64))
}

// ---------------------------------------------------------------------
// Case and predicates
// ---------------------------------------------------------------------

/// CPython's check for methods without parameters.
fn no_args(name: &str, args: &[Value], kw: &[Value]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(PyErr::type_error(format!("str.{name}() takes no keyword arguments")));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error(format!("str.{name}() takes no arguments ({} given)", args.len() - 1)));
    }
    Ok(())
}

macro_rules! str_to_str {
    ($fname:ident, $name:literal, $f:path) => {
        fn $fname(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let s = slf(args, $name)?;
            no_args($name, args, kw)?;
            Ok(new_str($f(s.as_str())))
        }
    };
}
str_to_str!(str_upper, "upper", sm::upper);
str_to_str!(str_lower, "lower", sm::lower);
str_to_str!(str_title, "title", sm::title);
str_to_str!(str_capitalize, "capitalize", sm::capitalize);
str_to_str!(str_swapcase, "swapcase", sm::swapcase);
str_to_str!(str_casefold, "casefold", sm::casefold);

macro_rules! str_pred {
    ($fname:ident, $name:literal, $f:path) => {
        fn $fname(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
            let s = slf(args, $name)?;
            no_args($name, args, kw)?;
            Ok(Value::bool($f(s.as_str())))
        }
    };
}
str_pred!(str_isalnum, "isalnum", sm::isalnum);
str_pred!(str_isalpha, "isalpha", sm::isalpha);
str_pred!(str_isascii, "isascii", sm::isascii);
str_pred!(str_isdecimal, "isdecimal", sm::isdecimal);
str_pred!(str_isdigit, "isdigit", sm::isdigit);
str_pred!(str_isidentifier, "isidentifier", sm::isidentifier);
str_pred!(str_islower, "islower", sm::islower);
str_pred!(str_isnumeric, "isnumeric", sm::isnumeric);
str_pred!(str_isprintable, "isprintable", sm::isprintable);
str_pred!(str_isspace, "isspace", sm::isspace);
str_pred!(str_istitle, "istitle", sm::istitle);
str_pred!(str_isupper, "isupper", sm::isupper);

// ---------------------------------------------------------------------
// Searching
// ---------------------------------------------------------------------

fn search_args(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[Value],
) -> PyResult<(Value, Option<i64>, Option<i64>)> {
    slf(args, name)?;
    crate::args::no_kwargs(name, kw)?;
    let n = args.len() - 1;
    if n < 1 {
        return Err(PyErr::type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if n > 3 {
        return Err(PyErr::type_error(format!("{name}() takes at most 3 arguments ({n} given)")));
    }
    let st = opt_index(vm, &args.get(2).cloned())?;
    let en = opt_index(vm, &args.get(3).cloned())?;
    Ok((args[1].clone(), st, en))
}

fn str_find(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (sub, st, en) = search_args(vm, "find", args, kw)?;
    Ok(Value::int(sm::find(slf(args, "find")?.as_str(), need_str(&sub)?, st, en)))
}

fn str_rfind(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (sub, st, en) = search_args(vm, "rfind", args, kw)?;
    Ok(Value::int(sm::rfind(slf(args, "rfind")?.as_str(), need_str(&sub)?, st, en)))
}

fn str_index(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (sub, st, en) = search_args(vm, "index", args, kw)?;
    match sm::find(slf(args, "index")?.as_str(), need_str(&sub)?, st, en) {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::int(i)),
    }
}

fn str_rindex(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (sub, st, en) = search_args(vm, "rindex", args, kw)?;
    match sm::rfind(slf(args, "rindex")?.as_str(), need_str(&sub)?, st, en) {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::int(i)),
    }
}

fn str_count(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let (sub, st, en) = search_args(vm, "count", args, kw)?;
    Ok(Value::int(sm::count(slf(args, "count")?.as_str(), need_str(&sub)?, st, en) as i64))
}

fn starts_ends(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, ends: bool) -> PyResult<Value> {
    let (sub, st, en) = search_args(vm, name, args, kw)?;
    let s = slf(args, name)?.as_str();
    let test = |p: &str| if ends { sm::endswith(s, p, st, en) } else { sm::startswith(s, p, st, en) };
    if let Some(p) = sub.as_str() {
        return Ok(Value::bool(test(p)));
    }
    if let Some(t) = sub.as_tuple() {
        for x in t {
            match x.as_str() {
                Some(p) => {
                    if test(p) {
                        return Ok(Value::TRUE);
                    }
                }
                None => {
                    return Err(PyErr::type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        tname(x)
                    )))
                }
            }
        }
        return Ok(Value::FALSE);
    }
    Err(PyErr::type_error(format!(
        "{name} first arg must be str or a tuple of str, not {}",
        tname(&sub)
    )))
}

fn str_startswith(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    starts_ends(vm, args, kw, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    starts_ends(vm, args, kw, "endswith", true)
}

// ---------------------------------------------------------------------
// Splitting, joining, stripping
// ---------------------------------------------------------------------

fn strs_to_list(parts: Vec<&str>) -> Value {
    Value::list(parts.into_iter().map(Value::str).collect())
}

fn split_common(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, right: bool) -> PyResult<Value> {
    let s = slf(args, name)?;
    let [_, sep, maxsplit] = bind(name, args, kw, &["self", "sep=", "maxsplit="])?;
    let maxsplit = match &maxsplit {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let sep = match &sep {
        Some(v) if !v.is_none() => Some(
            v.as_str()
                .ok_or_else(|| PyErr::type_error(format!("must be str or None, not {}", tname(v))))?,
        ),
        _ => None,
    };
    let parts = if right { sm::rsplit(s.as_str(), sep, maxsplit) } else { sm::split(s.as_str(), sep, maxsplit) };
    Ok(strs_to_list(parts.map_err(to_pyerr)?))
}

fn str_split(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_common(vm, args, kw, "split", false)
}

fn str_rsplit(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    split_common(vm, args, kw, "rsplit", true)
}

fn str_splitlines(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = slf(args, "splitlines")?;
    let [_, keepends] = bind("splitlines", args, kw, &["self", "keepends="])?;
    let keep = match &keepends {
        Some(v) => cint_arg(vm, v)? != 0,
        None => false,
    };
    Ok(strs_to_list(sm::splitlines(s.as_str(), keep)))
}

/// Concatenate str items with `sep` (TypeError naming the first non-str).
pub fn join_strs(sep: &str, items: &[Value]) -> PyResult<String> {
    let mut total = sep.len() * items.len().saturating_sub(1);
    for (i, x) in items.iter().enumerate() {
        match x.as_str() {
            Some(s) => total += s.len(),
            None => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    tname(x)
                )))
            }
        }
    }
    let mut out = String::with_capacity(total);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(x.as_str().unwrap_or(""));
    }
    Ok(out)
}

fn str_join(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let sep = slf(args, "join")?;
    check_arity("join", &args[1..], kw, 1, 1)?;
    let it = &args[1];
    let joined = |items: &[Value]| -> PyResult<Value> {
        if items.len() == 1 && items[0].as_pystr_exact().is_some() {
            return Ok(items[0].clone());
        }
        join_strs(sep.as_str(), items).map(new_str)
    };
    if let Some(l) = it.as_list() {
        let l = l.borrow();
        return joined(&l);
    }
    if let Some(t) = it.as_tuple() {
        return joined(t);
    }
    let items = vm.collect(it).map_err(|e| {
        if e.matches(&types().exc.type_error) && crate::types::lookup(type_ref(it), "__iter__").is_none()
            && crate::types::lookup(type_ref(it), "__getitem__").is_none()
        {
            PyErr::type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    joined(&items)
}

fn strip_common(args: &[Value], kw: &[Value], name: &str, f: for<'a, 'b> fn(&'a str, Option<&'b str>) -> &'a str) -> PyResult<Value> {
    let s = slf(args, name)?;
    check_arity(name, &args[1..], kw, 0, 1)?;
    let chars = match args.get(1) {
        Some(v) if !v.is_none() => {
            Some(v.as_str().ok_or_else(|| PyErr::type_error(format!("{name} arg must be None or str")))?)
        }
        _ => None,
    };
    Ok(same_or_new(&args[0], f(s.as_str(), chars)))
}

fn str_strip(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "strip", sm::strip)
}
fn str_lstrip(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "lstrip", sm::lstrip)
}
fn str_rstrip(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    strip_common(args, kw, "rstrip", sm::rstrip)
}

fn partition_common(args: &[Value], kw: &[Value], name: &str, right: bool) -> PyResult<Value> {
    let s = slf(args, name)?;
    check_arity(name, &args[1..], kw, 1, 1)?;
    let sep = need_str(&args[1])?;
    let (a, b, c) = if right { sm::rpartition(s.as_str(), sep) } else { sm::partition(s.as_str(), sep) }
        .map_err(to_pyerr)?;
    Ok(Value::tuple(vec![same_or_new(&args[0], a), Value::str(b), same_or_new(&args[0], c)]))
}

fn str_partition(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_common(args, kw, "partition", false)
}
fn str_rpartition(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    partition_common(args, kw, "rpartition", true)
}

// ---------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------

fn str_replace(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = slf(args, "replace")?;
    let [_, old, new, count] = bind("replace", args, kw, &["self", "old", "new", "count=", "/"])?;
    let (old, new) = (old.unwrap(), new.unwrap());
    let o = old.as_str().ok_or_else(|| {
        PyErr::type_error(format!("replace() argument 1 must be str, not {}", tname(&old)))
    })?;
    let n = new.as_str().ok_or_else(|| {
        PyErr::type_error(format!("replace() argument 2 must be str, not {}", tname(&new)))
    })?;
    let count = match &count {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    if count == 0 || (!o.is_empty() && !s.as_str().contains(o)) {
        return Ok(str_str_exact(&args[0], s));
    }
    Ok(new_str(sm::replace(s.as_str(), o, n, count)))
}

fn str_removeprefix(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = slf(args, "removeprefix")?;
    check_arity("removeprefix", &args[1..], kw, 1, 1)?;
    let p = args[1].as_str().ok_or_else(|| {
        PyErr::type_error(format!("removeprefix() argument must be str, not {}", tname(&args[1])))
    })?;
    Ok(same_or_new(&args[0], sm::removeprefix(s.as_str(), p)))
}

fn str_removesuffix(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = slf(args, "removesuffix")?;
    check_arity("removesuffix", &args[1..], kw, 1, 1)?;
    let p = args[1].as_str().ok_or_else(|| {
        PyErr::type_error(format!("removesuffix() argument must be str, not {}", tname(&args[1])))
    })?;
    Ok(same_or_new(&args[0], sm::removesuffix(s.as_str(), p)))
}

fn str_expandtabs(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = slf(args, "expandtabs")?;
    let [_, tabsize] = bind("expandtabs", args, kw, &["self", "tabsize="])?;
    let t = match &tabsize {
        Some(v) => cint_arg(vm, v)?,
        None => 8,
    };
    Ok(new_str(sm::expandtabs(s.as_str(), t)))
}

fn width_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    ssize_arg(vm, v)
}

fn pad_common(vm: &mut Vm, args: &[Value], kw: &[Value], name: &str, f: fn(&str, i64, char) -> String) -> PyResult<Value> {
    let s = slf(args, name)?;
    check_arity(name, &args[1..], kw, 1, 2)?;
    let w = width_arg(vm, &args[1])?;
    let fill = fill_char(&args.get(2).cloned())?;
    if w <= s.char_len() as i64 {
        return Ok(str_str_exact(&args[0], s));
    }
    if w > (1 << 40) {
        return Err(PyErr::memory_error());
    }
    Ok(new_str(f(s.as_str(), w, fill)))
}

fn str_center(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kw, "center", sm::center)
}
fn str_ljust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kw, "ljust", sm::ljust)
}
fn str_rjust(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    pad_common(vm, args, kw, "rjust", sm::rjust)
}

fn str_zfill(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = slf(args, "zfill")?;
    check_arity("zfill", &args[1..], kw, 1, 1)?;
    let w = width_arg(vm, &args[1])?;
    if w <= s.char_len() as i64 {
        return Ok(str_str_exact(&args[0], s));
    }
    if w > (1 << 40) {
        return Err(PyErr::memory_error());
    }
    Ok(new_str(sm::zfill(s.as_str(), w)))
}

// ---------------------------------------------------------------------
// translate / maketrans
// ---------------------------------------------------------------------

fn str_maketrans(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    check_arity("maketrans", args, kw, 1, 3)?;
    let out = crate::types::dict::new_dict();
    if args.len() == 1 {
        let d = &args[0];
        let Some(dd) = d.as_dict() else {
            return Err(PyErr::type_error("if you give only one argument to maketrans it must be a dict"));
        };
        let items = dd.borrow().items();
        for (k, v) in items {
            let key = if let Some(s) = k.as_pystr() {
                if s.char_len() != 1 {
                    return Err(PyErr::value_error("string keys in translate table must be of length 1"));
                }
                Value::int(s.char_at(0) as i64)
            } else if k.is_int() {
                k.clone()
            } else {
                return Err(PyErr::type_error("keys in translate table must be strings or integers"));
            };
            crate::types::dict::dict_set(vm, &out, key, v)?;
        }
        return Ok(out);
    }
    let x = args[0].as_pystr().ok_or_else(|| {
        PyErr::type_error(format!("maketrans() argument 1 must be str, not {}", tname(&args[0])))
    })?;
    let y = args[1].as_pystr().ok_or_else(|| {
        PyErr::type_error(format!("maketrans() argument 2 must be str, not {}", tname(&args[1])))
    })?;
    if x.char_len() != y.char_len() {
        return Err(PyErr::value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
        crate::types::dict::dict_set(vm, &out, Value::int(a as i64), Value::int(b as i64))?;
    }
    if let Some(z) = args.get(2) {
        let z = z.as_str().ok_or_else(|| {
            PyErr::type_error(format!("maketrans() argument 3 must be str, not {}", tname(z)))
        })?;
        for c in z.chars() {
            crate::types::dict::dict_set(vm, &out, Value::int(c as i64), Value::NONE)?;
        }
    }
    Ok(out)
}

fn str_translate(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = slf(args, "translate")?;
    check_arity("translate", &args[1..], kw, 1, 1)?;
    let table = args[1].clone();
    let text = s.as_str().to_string();
    let mut out = String::with_capacity(text.len());
    // Memo of decisions per code point (small tables are the common case).
    let mut memo: std::collections::HashMap<char, Option<String>> = std::collections::HashMap::new();
    for c in text.chars() {
        if let Some(r) = memo.get(&c) {
            match r {
                Some(t) => out.push_str(t),
                None => {}
            }
            continue;
        }
        let key = Value::int(c as i64);
        let mapped = match vm.getitem(&table, &key) {
            Ok(v) => Some(v),
            Err(e) if e.matches(&types().exc.lookup_error) => None,
            Err(e) => return Err(e),
        };
        let r: Option<String> = match mapped {
            None => Some(c.to_string()),
            Some(v) if v.is_none() => None,
            Some(v) => {
                if let Some(st) = v.as_str() {
                    Some(st.to_string())
                } else if v.is_int() {
                    let cp = v.as_i64().unwrap_or(-1);
                    if !(0..0x110000).contains(&cp) {
                        return Err(PyErr::value_error("character mapping must be in range(0x110000)"));
                    }
                    Some(char::from_u32(cp as u32).unwrap_or('\u{FFFD}').to_string())
                } else {
                    return Err(PyErr::type_error("character mapping must return integer, None or str"));
                }
            }
        };
        if let Some(t) = &r {
            out.push_str(t);
        }
        memo.insert(c, r);
    }
    Ok(new_str(out))
}

// ---------------------------------------------------------------------
// encode
// ---------------------------------------------------------------------

fn str_encode(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let s = slf(args, "encode")?;
    let [_, encoding, errors] = bind("encode", args, kw, &["self", "encoding=", "errors="])?;
    let enc = match &encoding {
        None => "utf-8",
        Some(e) => e.as_str().ok_or_else(|| {
            PyErr::type_error(format!("encode() argument 'encoding' must be str, not {}", tname(e)))
        })?,
    };
    let errs = match &errors {
        None => "strict",
        Some(e) => e.as_str().ok_or_else(|| {
            PyErr::type_error(format!("encode() argument 'errors' must be str, not {}", tname(e)))
        })?,
    };
    let b = codec::encode(vm, s.as_str(), enc, errs)?;
    Ok(Value::bytes(b))
}

pub fn init(t: &Types) {
    let ty = &t.str;
    add_native(ty, "__new__", str_new, NativeKind::StaticMethod);
    add_method(ty, "__repr__", str_repr);
    add_method(ty, "__str__", str_str);
    add_method(ty, "__len__", str_len);
    add_method(ty, "__hash__", str_hash);
    add_method(ty, "__getitem__", str_getitem);
    add_method(ty, "__contains__", str_contains);
    add_method(ty, "__iter__", str_iter);
    add_method(ty, "__eq__", str_eq);
    add_method(ty, "__ne__", str_ne);
    add_method(ty, "__lt__", str_lt);
    add_method(ty, "__le__", str_le);
    add_method(ty, "__gt__", str_gt);
    add_method(ty, "__ge__", str_ge);
    add_method(ty, "__add__", str_add);
    add_method(ty, "__mul__", str_mul);
    add_method(ty, "__rmul__", str_rmul);
    add_method(ty, "__mod__", str_mod);
    add_method(ty, "__rmod__", str_rmod);
    add_method(ty, "__format__", str_format_dunder);
    add_method(ty, "__getnewargs__", str_getnewargs);
    add_method(ty, "__sizeof__", str_sizeof);
    add_method(ty, "upper", str_upper);
    add_method(ty, "lower", str_lower);
    add_method(ty, "title", str_title);
    add_method(ty, "capitalize", str_capitalize);
    add_method(ty, "swapcase", str_swapcase);
    add_method(ty, "casefold", str_casefold);
    add_method(ty, "isalnum", str_isalnum);
    add_method(ty, "isalpha", str_isalpha);
    add_method(ty, "isascii", str_isascii);
    add_method(ty, "isdecimal", str_isdecimal);
    add_method(ty, "isdigit", str_isdigit);
    add_method(ty, "isidentifier", str_isidentifier);
    add_method(ty, "islower", str_islower);
    add_method(ty, "isnumeric", str_isnumeric);
    add_method(ty, "isprintable", str_isprintable);
    add_method(ty, "isspace", str_isspace);
    add_method(ty, "istitle", str_istitle);
    add_method(ty, "isupper", str_isupper);
    add_method(ty, "find", str_find);
    add_method(ty, "rfind", str_rfind);
    add_method(ty, "index", str_index);
    add_method(ty, "rindex", str_rindex);
    add_method(ty, "count", str_count);
    add_method(ty, "startswith", str_startswith);
    add_method(ty, "endswith", str_endswith);
    add_method(ty, "split", str_split);
    add_method(ty, "rsplit", str_rsplit);
    add_method(ty, "splitlines", str_splitlines);
    add_method(ty, "join", str_join);
    add_method(ty, "strip", str_strip);
    add_method(ty, "lstrip", str_lstrip);
    add_method(ty, "rstrip", str_rstrip);
    add_method(ty, "partition", str_partition);
    add_method(ty, "rpartition", str_rpartition);
    add_method(ty, "replace", str_replace);
    add_method(ty, "removeprefix", str_removeprefix);
    add_method(ty, "removesuffix", str_removesuffix);
    add_method(ty, "expandtabs", str_expandtabs);
    add_method(ty, "center", str_center);
    add_method(ty, "ljust", str_ljust);
    add_method(ty, "rjust", str_rjust);
    add_method(ty, "zfill", str_zfill);
    add_native(ty, "maketrans", str_maketrans, NativeKind::StaticMethod);
    add_method(ty, "translate", str_translate);
    add_method(ty, "encode", str_encode);
    add_method(ty, "format", format::str_format);
    add_method(ty, "format_map", format::str_format_map);
    codec::init(t);
}
