//! Pointers: the `PyCPointerType` metaclass, `POINTER()` (cached in
//! `_pointer_type_cache`), `pointer()`, `_Pointer` instances (`contents`,
//! indexing, slicing) and `cast()`.

use super::cdata::{self, cdata_get, cdata_mem, cdata_set, cdata_stg, keep_ref, kept_objects, type_name, with_carg, with_cdata, CArg};
use super::classes;
use super::stg::{self, tname, Ffi, Keep, Kind, StgInfo};
use crate::object::{NativeKind, Payload};
use crate::types::{add_getset, add_method, add_native, dict, type_of, type_ref};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use std::rc::Rc;

fn pointer_info(proto: Value) -> StgInfo {
    let mut info = StgInfo::new(Kind::Pointer, 8, 8, Ffi::Static(stg::ffi_pointer()));
    info.length = 1;
    info.flags.set(stg::TYPEFLAG_ISPOINTER);
    *info.proto.borrow_mut() = proto;
    info
}

fn check_proto(proto: &Value) -> PyResult<()> {
    if proto.as_obj().and_then(|o| o.as_type()).is_none() {
        return Err(PyErr::type_error("_type_ must be a type"));
    }
    if stg::stg_of_value(proto).is_none() {
        return Err(PyErr::type_error("_type_ must have storage info"));
    }
    Ok(())
}

/// `PyCPointerType.__new__`: `_type_` (from the class body) is the target.
pub fn meta_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    let proto = if npos == 4 { args[3].as_dict().and(dict::dict_get_str(&args[3], "_type_")) } else { None };
    if let Some(p) = &proto {
        check_proto(p)?;
    }
    let cls = crate::types::type_::type_new(vm, args, kw)?;
    stg::set_stg(&cls, pointer_info(proto.clone().unwrap_or(Value::NULL)));
    Ok(cls)
}

/// `PointerType.set_type(type)`: complete an incomplete pointer type.
pub fn meta_set_type(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("set_type", &args[1..], kw, 1, 1)?;
    let cls = &args[0];
    let proto = &args[1];
    check_proto(proto)?;
    let Some(st) = stg::stg_of_value(cls) else {
        return Err(PyErr::type_error("abstract class"));
    };
    *st.proto.borrow_mut() = proto.clone();
    vm.setattr(cls, &Value::str("_type_"), proto.clone())?;
    Ok(Value::NONE)
}

/// `POINTER(cls)`.
pub fn m_pointer_type(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("POINTER", args, kw, 1, 1)?;
    pointer_type(vm, &args[0])
}

pub fn pointer_type(vm: &mut Vm, cls: &Value) -> PyResult<Value> {
    let cache = classes().pointer_type_cache.clone();
    if let Some(t) = dict::dict_get(vm, &cache, cls)? {
        return Ok(t);
    }
    let meta = classes().pointer_meta.clone();
    let base = Value::tuple(vec![classes().pointer.clone()]);
    let (result, key) = if let Some(s) = cls.as_str() {
        let ns = dict::new_dict();
        let t = vm.call(&meta, &[Value::string(format!("LP_{s}")), base, ns])?;
        let key = Value::int(t.id());
        (t, key)
    } else if cls.as_obj().and_then(|o| o.as_type()).is_some() {
        let ns = dict::new_dict();
        dict::dict_set_str(&ns, "_type_", cls.clone());
        let name = format!("LP_{}", type_name(cls));
        let t = vm.call(&meta, &[Value::string(name), base, ns])?;
        (t, cls.clone())
    } else {
        return Err(PyErr::type_error("must be a ctypes type"));
    };
    dict::dict_set(vm, &cache, key, result.clone())?;
    Ok(result)
}

/// `pointer(obj)`.
pub fn m_pointer(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("pointer", args, kw, 1, 1)?;
    let t = type_of(&args[0]);
    let pt = pointer_type(vm, &t)?;
    vm.call(&pt, &[args[0].clone()])
}

fn ptr_self(v: &Value) -> PyResult<(*mut u8, Rc<StgInfo>)> {
    with_cdata(v, |c| (c.ptr, c.stg.clone())).ok_or_else(|| PyErr::type_error("not a ctypes pointer"))
}

fn target(st: &StgInfo) -> PyResult<(Value, Rc<StgInfo>)> {
    let proto = st.proto();
    let ps = stg::stg_of_value(&proto).ok_or_else(|| PyErr::type_error("Cannot create instance: has no _type_"))?;
    Ok((proto, ps))
}

fn pointer_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    let st = stg::stg_of_value(&cls).ok_or_else(|| PyErr::type_error("Cannot create instance: has no _type_"))?;
    if st.proto().is_null() {
        return Err(PyErr::type_error("Cannot create instance: has no _type_"));
    }
    Ok(cdata::alloc_instance(&cls, &st))
}

fn pointer_init(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let npos = args.len() - kw.len();
    if npos > 2 {
        return Err(PyErr::type_error(format!("POINTER expected at most 1 argument, got {}", npos - 1)));
    }
    if npos == 2 {
        set_contents(vm, &args[0], &args[1])?;
    }
    Ok(Value::NONE)
}

fn set_contents(vm: &mut Vm, me: &Value, value: &Value) -> PyResult<()> {
    let (p, st) = ptr_self(me)?;
    let (proto, _) = target(&st)?;
    // As CPython: any ctypes instance is accepted, other objects must be a `proto`.
    if !cdata::is_cdata(value) {
        let _ = vm.isinstance(value, &proto)?;
        return Err(PyErr::type_error(format!("expected {} instead of {}", type_name(&proto), tname(value))));
    }
    let (dst, _) = cdata_mem(value).unwrap();
    // SAFETY: a pointer object holds one pointer.
    unsafe { stg::write_ptr(p, dst as usize) };
    keep_ref(vm, me, 1, Keep::value(value.clone()))?;
    let keep = kept_objects(value);
    keep_ref(vm, me, 0, Keep::value(keep))
}

fn contents_get(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let (p, st) = ptr_self(me)?;
    // SAFETY: a pointer object holds one pointer.
    let q = unsafe { stg::read_ptr(p) };
    if q == 0 {
        return Err(PyErr::value_error("NULL pointer access"));
    }
    let (proto, ps) = target(&st)?;
    let _ = vm;
    Ok(cdata::from_base(&proto, &ps, me, 0, q as *mut u8))
}

fn contents_set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    if args[1].is_null() {
        return Err(PyErr::type_error("Pointer does not support item deletion"));
    }
    set_contents(vm, &args[0], &args[1])?;
    Ok(Value::NONE)
}

fn pointer_bool(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (p, _) = ptr_self(&args[0])?;
    // SAFETY: as above.
    Ok(Value::bool(unsafe { stg::read_ptr(p) } != 0))
}

fn index_arg(vm: &mut Vm, key: &Value) -> PyResult<i64> {
    if !key.is_int() && crate::types::lookup(type_ref(key), "__index__").is_none() {
        return Err(PyErr::type_error("Pointer indices must be integer"));
    }
    vm.subscript_index(key)
}

fn pointer_getitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let key = &args[1];
    let (p, st) = ptr_self(me)?;
    // SAFETY: as above.
    let q = unsafe { stg::read_ptr(p) } as *mut u8;
    let (proto, ps) = target(&st)?;
    if let Some(Payload::Slice { start, stop, step }) = key.as_obj().map(|o| &o.payload) {
        let (start, stop, step) = (start.clone(), stop.clone(), step.clone());
        let step = if step.is_none() { 1 } else { vm.index_value(&step)? };
        if step == 0 {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        let start = if start.is_none() {
            if step < 0 {
                return Err(PyErr::value_error("slice start is required for step < 0"));
            }
            0
        } else {
            vm.index_value(&start)?
        };
        if stop.is_none() {
            return Err(PyErr::value_error("slice stop is required"));
        }
        let stop = vm.index_value(&stop)?;
        let len = if (step > 0 && start > stop) || (step < 0 && start < stop) {
            0
        } else if step > 0 {
            (stop - start - 1) / step + 1
        } else {
            (stop - start + 1) / step + 1
        };
        let idx: Vec<i64> = (0..len).map(|k| start + k * step).collect();
        if ps.kind == Kind::Simple && ps.code == b'c' {
            // SAFETY: the caller vouches for the pointed-to memory, as in C.
            let b: Vec<u8> = idx.iter().map(|&i| unsafe { *q.offset(i as isize) }).collect();
            return Ok(Value::bytes(b));
        }
        if ps.kind == Kind::Simple && ps.code == b'u' {
            let mut s = String::new();
            for &i in &idx {
                // SAFETY: as above.
                let c = unsafe { stg::read_uint(q.offset(i as isize * 4), 4, false) } as u32;
                s.push(stg::wchar_to_char(c)?);
            }
            return Ok(Value::string(s));
        }
        let mut out = Vec::new();
        for &i in &idx {
            // SAFETY: as above.
            out.push(cdata_get(vm, &proto, 0, me, i as isize, ps.size, unsafe { q.offset(i as isize * ps.size as isize) })?);
        }
        return Ok(Value::list(out));
    }
    let i = index_arg(vm, key)?;
    if q.is_null() {
        return Err(PyErr::value_error("NULL pointer access"));
    }
    // SAFETY: as above.
    cdata_get(vm, &proto, 0, me, i as isize, ps.size, unsafe { q.offset(i as isize * ps.size as isize) })
}

fn pointer_setitem(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let i = index_arg(vm, &args[1])?;
    let (p, st) = ptr_self(me)?;
    // SAFETY: as above.
    let q = unsafe { stg::read_ptr(p) } as *mut u8;
    if q.is_null() {
        return Err(PyErr::value_error("NULL pointer access"));
    }
    let (proto, ps) = target(&st)?;
    // SAFETY: the caller vouches for the pointed-to memory.
    cdata_set(vm, me, &proto, 0, &args[2], i as isize, ps.size, unsafe { q.offset(i as isize * ps.size as isize) })?;
    Ok(Value::NONE)
}

fn pointer_delitem(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Err(PyErr::type_error("Pointer does not support item deletion"))
}

pub fn init_base(t: &Value) {
    add_native(t, "__new__", pointer_new, NativeKind::StaticMethod);
    add_method(t, "__init__", pointer_init);
    add_getset(t, "contents", contents_get, Some(contents_set));
    add_method(t, "__bool__", pointer_bool);
    add_method(t, "__getitem__", pointer_getitem);
    add_method(t, "__setitem__", pointer_setitem);
    add_method(t, "__delitem__", pointer_delitem);
}

/// `PyCPointerType.from_param`.
pub fn pointer_from_param(vm: &mut Vm, cls: &Value, value: &Value) -> PyResult<Value> {
    if value.is_none() {
        return Ok(value.clone());
    }
    let st = stg::stg_of_value(cls).ok_or_else(|| PyErr::type_error("abstract class"))?;
    let proto = st.proto();
    if !proto.is_null() && vm.isinstance(value, &proto)? {
        if let Some((p, _)) = cdata_mem(value) {
            return Ok(cdata::new_carg(CArg::pointer(p as usize, value.clone())));
        }
    }
    if let Some(vs) = cdata_stg(value) {
        if matches!(vs.kind, Kind::Pointer | Kind::Array) && !proto.is_null() {
            let vp = vs.proto();
            if !vp.is_null() && vm.issubclass(&vp, &proto)? {
                return Ok(value.clone());
            }
        }
    }
    cdata::generic_from_param(vm, cls, value)
}

/// The `cast(obj, typ)` primitive: `ptr` is obj converted to a pointer.
pub fn cast(vm: &mut Vm, ptr: usize, src: &Value, typ: &Value) -> PyResult<Value> {
    let ok = stg::stg_of_value(typ).map_or(false, |s| match s.kind {
        Kind::Pointer | Kind::FuncPtr => true,
        Kind::Simple => matches!(s.code, b'z' | b'Z' | b'P'),
        _ => false,
    });
    if !ok {
        let r = if typ.as_obj().and_then(|o| o.as_type()).is_some() { type_name(typ) } else { vm.repr_string(typ)? };
        return Err(PyErr::type_error(format!("cast() argument 2 must be a pointer type, not {r}")));
    }
    let result = vm.call(typ, &[])?;
    if cdata::is_cdata(src) {
        cdata::container(src);
        let objs = with_cdata(src, |c| {
            if c.objects.is_none() {
                c.objects = dict::new_dict();
            }
            c.objects.clone()
        })
        .unwrap_or(Value::NULL);
        with_cdata(&result, |c| c.objects = objs.clone());
        if !objs.is_null() && objs.as_dict().is_some() {
            dict::dict_set(vm, &objs, Value::int(src.id()), src.clone())?;
        }
    }
    let (p, _) = cdata_mem(&result).unwrap();
    // SAFETY: every pointer type holds one pointer.
    unsafe { stg::write_ptr(p, ptr) };
    Ok(result)
}

pub fn carg_pointer(v: &Value) -> Option<usize> {
    with_carg(v, |a| a.value[0] as usize)
}
