//! Simple types: the `PyCSimpleType` metaclass (reads `_type_`), the
//! `_SimpleCData` base (`value`, repr, truth) and the `from_param`
//! conversions of simple types (`c_int.from_param`, `c_char_p.from_param`...).

use super::cdata::{self, as_parameter, cdata_mem, cdata_stg, keep_ref, with_carg, with_cdata, CArg};
use super::classes;
use super::stg::{self, Ffi, Kind, StgInfo};
use crate::object::NativeKind;
use crate::types::{add_getset, add_method, add_native, type_of};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::rc::Rc;

/// `PyCSimpleType.__new__`: `type.__new__`, then the storage info from `_type_`.
pub fn meta_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = crate::types::type_::type_new(vm, args, kw)?;
    if !is_ctypes_class(&cls, &args[0]) {
        return Ok(cls);
    }
    let n_type = crate::types::str::intern("_type_");
    let proto = match vm.getattr_opt(&cls, &n_type)? {
        Some(p) => p,
        None => return Err(PyErr::attribute_error("class must define a '_type_' attribute")),
    };
    let Some(s) = proto.as_str() else {
        return Err(PyErr::type_error("class must define a '_type_' string attribute"));
    };
    if s.chars().count() != 1 {
        return Err(PyErr::value_error("class must define a '_type_' attribute which must be a string of length 1"));
    }
    let code = s.as_bytes()[0];
    if !s.is_ascii() || !stg::SIMPLE_TYPE_CHARS.as_bytes().contains(&code) {
        return Err(PyErr::attribute_error(format!(
            "class must define a '_type_' attribute which must be\na single character string containing one of '{}'.",
            stg::SIMPLE_TYPE_CHARS
        )));
    }
    let Some((size, align, ffi)) = stg::code_info(code) else {
        return Err(PyErr::value_error(format!("_type_ '{s}' not supported")));
    };
    let mut info = StgInfo::new(Kind::Simple, size, align, Ffi::Static(ffi));
    info.code = code;
    *info.proto.borrow_mut() = proto.clone();
    if matches!(code, b'z' | b'Z' | b'P' | b'O') {
        info.flags.set(stg::TYPEFLAG_ISPOINTER);
    }
    stg::set_stg(&cls, info);
    let direct = direct_simple(&cls);
    if direct {
        let from_param: Option<crate::object::NativeFn> = match code {
            b'z' => Some(c_char_p_from_param),
            b'Z' => Some(c_wchar_p_from_param),
            b'P' => Some(c_void_p_from_param),
            _ => None,
        };
        if let Some(f) = from_param {
            add_native(&cls, "from_param", f, NativeKind::ClassMethod);
        }
        // The other byte order: `__ctype_be__` (this machine is little-endian).
        if args[0].is(&classes().simple_meta) && stg::has_swapped(code) {
            let name = format!("{}_be", args[1].as_str().unwrap_or("?"));
            let swapped = crate::types::type_::type_new(vm, &[args[0].clone(), Value::string(name), args[2].clone(), args[3].clone()], &[])?;
            let mut sinfo = StgInfo::new(Kind::Simple, size, align, Ffi::Static(ffi));
            sinfo.code = code;
            sinfo.swapped = true;
            *sinfo.proto.borrow_mut() = proto.clone();
            stg::set_stg(&swapped, sinfo);
            vm.setattr(&cls, &Value::str("__ctype_be__"), swapped.clone())?;
            vm.setattr(&cls, &Value::str("__ctype_le__"), cls.clone())?;
            vm.setattr(&swapped, &Value::str("__ctype_le__"), cls.clone())?;
            vm.setattr(&swapped, &Value::str("__ctype_be__"), swapped.clone())?;
        }
    }
    Ok(cls)
}

/// Whether `type.__new__` made a class of our metaclass (a metaclass
/// conflict resolution may have built another kind).
pub fn is_ctypes_class(cls: &Value, _meta: &Value) -> bool {
    cls.as_obj().map_or(false, |o| o.as_type().is_some())
}

/// A class deriving directly from `_SimpleCData`.
fn direct_simple(cls: &Value) -> bool {
    let simple = &classes().simple;
    cls.as_obj()
        .and_then(|o| o.as_type())
        .map_or(false, |td| td.bases.borrow().first().map_or(false, |b| std::ptr::eq(&**b, simple.as_obj().unwrap())))
}

fn stg_self(v: &Value) -> PyResult<(*mut u8, usize, Rc<StgInfo>)> {
    with_cdata(v, |c| (c.ptr, c.size, c.stg.clone())).ok_or_else(|| PyErr::type_error("not a ctypes instance"))
}

fn simple_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if npos > 2 {
        return Err(PyErr::type_error(format!("__init__ expected at most 1 argument, got {}", npos - 1)));
    }
    if npos == 2 {
        set_value(vm, &args[0], &args[1])?;
    }
    Ok(Value::NONE)
}

pub fn set_value(vm: &mut Vm, me: &Value, value: &Value) -> PyResult<()> {
    let (p, _n, st) = stg_self(me)?;
    // SAFETY: the instance's memory holds a value of its type.
    let keep = unsafe { stg::set_value(vm, st.code, st.swapped, p, value, st.size)? };
    keep_ref(vm, me, 0, keep)
}

pub fn get_value(me: &Value) -> PyResult<Value> {
    let (p, n, st) = stg_self(me)?;
    // SAFETY: as above.
    let _ = n;
    unsafe { stg::get_value(st.code, st.swapped, p, st.size) }
}

fn simple_value_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    get_value(&args[0])
}

fn simple_value_set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args[1].is_null() {
        return Err(PyErr::type_error("can't delete attribute"));
    }
    set_value(vm, &args[0], &args[1])?;
    Ok(Value::NONE)
}

fn simple_repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let cls = type_of(me);
    let name = cdata::type_name(&cls);
    if !direct_simple(&cls) {
        return Ok(Value::string(format!("<{} object at {:#x}>", name, me.id())));
    }
    let v = get_value(me)?;
    let r = vm.repr_string(&v)?;
    Ok(Value::string(format!("{name}({r})")))
}

fn simple_bool(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (p, n) = cdata_mem(&args[0]).ok_or_else(|| PyErr::type_error("not a ctypes instance"))?;
    // SAFETY: the instance's memory.
    let b = unsafe { std::slice::from_raw_parts(p, n) };
    Ok(Value::bool(b.iter().any(|&x| x != 0)))
}

fn simple_from_outparam(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    if cdata::is_simple_subclass(&type_of(me)) {
        return Ok(me.clone());
    }
    get_value(me)
}

pub fn init_base(t: &Value) {
    add_native(t, "__new__", cdata::generic_new, NativeKind::StaticMethod);
    add_method(t, "__init__", simple_init);
    add_getset(t, "value", simple_value_get, Some(simple_value_set));
    add_method(t, "__repr__", simple_repr);
    add_method(t, "__bool__", simple_bool);
    add_method(t, "__ctypes_from_outparam__", simple_from_outparam);
}

// ------------------------------------------------------------ from_param

/// A CArg holding `value` converted to the simple format `code`.
pub fn simple_carg(vm: &mut Vm, code: u8, value: &Value) -> PyResult<CArg> {
    let (_, _, ffi) = stg::code_info(code).ok_or_else(|| PyErr::type_error("wrong type"))?;
    let mut a = CArg::new(code, ffi);
    let mut buf = [0u64; 2];
    // SAFETY: 16 bytes hold any simple value.
    let keep = unsafe { stg::set_value(vm, code, false, buf.as_mut_ptr() as *mut u8, value, 0)? };
    a.value = buf;
    a.obj = keep.visible;
    a.hidden = keep.hidden;
    Ok(a)
}

/// `PyCSimpleType.from_param`.
pub fn simple_from_param(vm: &mut Vm, cls: &Value, value: &Value) -> PyResult<Value> {
    if vm.isinstance(value, cls)? {
        return Ok(value.clone());
    }
    let st = stg::stg_of_value(cls).ok_or_else(|| PyErr::type_error("wrong type"))?;
    match simple_carg(vm, st.code, value) {
        Ok(a) => Ok(cdata::new_carg(a)),
        Err(_) => {
            if let Some(ap) = as_parameter(vm, value)? {
                return cdata::nested(vm, |vm| simple_from_param(vm, cls, &ap));
            }
            Err(PyErr::type_error("wrong type"))
        }
    }
}

fn item_code(v: &Value) -> Option<u8> {
    let st = cdata_stg(v)?;
    let item = st.proto();
    stg::stg_of_value(&item).filter(|s| s.kind == Kind::Simple).map(|s| s.code)
}

fn bytes_carg(obj: &Value) -> Value {
    let mut a = CArg::new(b'z', stg::ffi_pointer());
    a.value[0] = stg::mirror_ptr(obj).unwrap_or(0) as u64;
    a.obj = obj.clone();
    cdata::new_carg(a)
}

fn str_carg(obj: &Value) -> Value {
    let mut a = CArg::new(b'Z', stg::ffi_pointer());
    a.value[0] = stg::mirror_ptr(obj).unwrap_or(0) as u64;
    a.obj = obj.clone();
    cdata::new_carg(a)
}

fn char_pointer_from_param(vm: &mut Vm, cls: &Value, value: &Value, wide: bool) -> PyResult<Value> {
    if value.is_none() {
        return Ok(value.clone());
    }
    if !wide {
        if value.as_bytes().is_some() {
            return Ok(bytes_carg(value));
        }
    } else if value.as_str().is_some() {
        return Ok(str_carg(value));
    }
    if vm.isinstance(value, cls)? {
        return Ok(value.clone());
    }
    let want = if wide { b'u' } else { b'c' };
    if let Some(st) = cdata_stg(value) {
        if matches!(st.kind, Kind::Array | Kind::Pointer) && item_code(value) == Some(want) {
            return Ok(value.clone());
        }
    }
    if let Some(ob) = with_carg(value, |a| a.obj.clone()) {
        if cdata_stg(&ob).map_or(false, |s| s.kind == Kind::Simple && s.code == want) {
            return Ok(value.clone());
        }
    }
    if let Some(ap) = as_parameter(vm, value)? {
        return cdata::nested(vm, |vm| char_pointer_from_param(vm, cls, &ap, wide));
    }
    Err(PyErr::type_error("wrong type"))
}

fn c_char_p_from_param(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("from_param", &args[1..], kw, 1, 1)?;
    char_pointer_from_param(vm, &args[0], &args[1], false)
}

fn c_wchar_p_from_param(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("from_param", &args[1..], kw, 1, 1)?;
    char_pointer_from_param(vm, &args[0], &args[1], true)
}

/// `c_void_p.from_param`.
pub fn void_p_from_param(vm: &mut Vm, cls: &Value, value: &Value) -> PyResult<Value> {
    if value.is_none() {
        return Ok(value.clone());
    }
    if value.is_int() {
        let p = stg::int_as_pointer(value)?;
        return Ok(cdata::new_carg(CArg::pointer(p, Value::NONE)));
    }
    if value.as_bytes().is_some() {
        return Ok(bytes_carg(value));
    }
    if value.as_str().is_some() {
        return Ok(str_carg(value));
    }
    if vm.isinstance(value, cls)? {
        return Ok(value.clone());
    }
    if let Some(st) = cdata_stg(value) {
        match st.kind {
            Kind::Array | Kind::Pointer => return Ok(value.clone()),
            Kind::FuncPtr => {
                let (p, _) = cdata_mem(value).unwrap();
                // SAFETY: a function pointer object holds a pointer.
                let f = unsafe { stg::read_ptr(p) };
                return Ok(cdata::new_carg(CArg::pointer(f, value.clone())));
            }
            Kind::Simple if matches!(st.code, b'z' | b'Z') => {
                let (p, _) = cdata_mem(value).unwrap();
                // SAFETY: as above.
                let q = unsafe { stg::read_ptr(p) };
                let mut a = CArg::pointer(q, value.clone());
                a.tag = b'Z';
                return Ok(cdata::new_carg(a));
            }
            _ => {}
        }
    }
    if with_carg(value, |a| a.tag == b'P') == Some(true) {
        return Ok(value.clone());
    }
    if let Some(ap) = as_parameter(vm, value)? {
        return cdata::nested(vm, |vm| void_p_from_param(vm, cls, &ap));
    }
    Err(PyErr::type_error("wrong type"))
}

fn c_void_p_from_param(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("from_param", &args[1..], kw, 1, 1)?;
    void_p_from_param(vm, &args[0], &args[1])
}

/// Which `from_param` a bound converter is, for the fast call path.
pub fn converter_kind(conv: &Value) -> Option<(u8, Value)> {
    let o = conv.as_obj()?;
    let crate::object::Payload::Native(nf) = &o.payload else { return None };
    let f = nf.func as usize;
    let tag = if f == c_char_p_from_param as *const () as usize {
        b'z'
    } else if f == c_wchar_p_from_param as *const () as usize {
        b'Z'
    } else if f == c_void_p_from_param as *const () as usize {
        b'P'
    } else {
        return None;
    };
    Some((tag, nf.bound.clone()))
}
