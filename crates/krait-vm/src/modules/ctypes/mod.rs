//! `_ctypes`: the native half of the `ctypes` package (CPython's own
//! `Lib/ctypes/__init__.py` runs unchanged on top of it).
//!
//! Layout:
//! * `stg.rs`: per-class storage info (size, alignment, libffi type...) in
//!   a side table, and reading/writing C values of every format code.
//! * `cdata.rs`: instance state (`CData`: memory + keep-alive objects), the
//!   `_CData` base, `CArgObject`, class methods shared by the metaclasses.
//! * `simple.rs`, `structs.rs`, `array.rs`, `pointer.rs`, `cfunc.rs`: the
//!   metaclass and base class of each kind (`_SimpleCData`, `Structure`
//!   and `Union`, `Array`, `_Pointer`, `CFuncPtr`); `cfunc.rs` also holds
//!   foreign calls through libffi; `callback.rs` the libffi closures of
//!   `CFUNCTYPE(...)(pyfunc)`.
//! * `dll.rs`: `dlopen`/`dlsym`.
//!
//! The metaclasses are builtin subclasses of `type` whose `__new__` runs
//! `type.__new__` and then computes the new class's storage info; the base
//! classes are builtin types re-typed to their metaclass.

pub mod array;
pub mod callback;
pub mod cdata;
pub mod cfunc;
pub mod dll;
pub mod pointer;
pub mod simple;
pub mod stg;
pub mod structs;

use crate::object::{NativeKind, PyObject};
use crate::types::module::{add_function, new_module, set_attr};
use crate::types::{add_native, dict, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use cdata::{cdata_mem, cdata_stg, with_cdata, CArg};
use stg::tname;
use std::cell::UnsafeCell;

pub const NAMES: &[&str] = &["_ctypes"];

/// The module's classes and caches, built once.
pub struct Classes {
    pub cdata: Value,
    pub simple_meta: Value,
    pub struct_meta: Value,
    pub union_meta: Value,
    pub array_meta: Value,
    pub pointer_meta: Value,
    pub funcptr_meta: Value,
    pub simple: Value,
    pub structure: Value,
    pub union: Value,
    pub array: Value,
    pub pointer: Value,
    pub cfuncptr: Value,
    pub cfield: Value,
    pub carg: Value,
    pub cthunk: Value,
    pub argument_error: Value,
    pub unpickle: Value,
    pub pointer_type_cache: Value,
    pub array_cache: Value,
}

struct ClassSlot(UnsafeCell<Option<Classes>>);
// SAFETY: written once by the GIL holder at first import, read-only after.
unsafe impl Sync for ClassSlot {}
static CLASSES: ClassSlot = ClassSlot(UnsafeCell::new(None));

/// The module's classes (the module has been imported: ctypes objects exist).
pub fn classes() -> &'static Classes {
    // SAFETY: see ClassSlot.
    unsafe { (*CLASSES.0.get()).as_ref().expect("_ctypes used before import") }
}

fn meta_is(meta: &PyObject, base: &Value) -> bool {
    crate::types::is_subtype_ref(meta, base.as_obj().unwrap())
}

pub fn is_simple_meta(meta: &PyObject) -> bool {
    meta_is(meta, &classes().simple_meta)
}

fn build_classes(vm: &mut Vm) {
    // SAFETY: see ClassSlot.
    if unsafe { (*CLASSES.0.get()).is_some() } {
        return;
    }
    let t = types();
    let native = crate::modules::native::new_type;
    let cdata_t = cdata::make_cdata_type();
    let mk_meta = |name: &str, new: crate::object::NativeFn| {
        let m = crate::types::new_native_type("_ctypes", name, &t.type_, true);
        add_native(&m, "__new__", new, NativeKind::StaticMethod);
        cdata::add_meta_methods(&m);
        m
    };
    let simple_meta = mk_meta("PyCSimpleType", simple::meta_new);
    let struct_meta = mk_meta("PyCStructType", structs::struct_meta_new);
    let union_meta = mk_meta("UnionType", structs::union_meta_new);
    let array_meta = mk_meta("PyCArrayType", array::meta_new);
    let pointer_meta = mk_meta("PyCPointerType", pointer::meta_new);
    let funcptr_meta = mk_meta("PyCFuncPtrType", cfunc::meta_new);
    structs::add_fields_descriptor(&struct_meta);
    structs::add_fields_descriptor(&union_meta);
    crate::types::add_method(&pointer_meta, "set_type", pointer::meta_set_type);
    let base = |name: &str, meta: &Value| {
        let c = native("_ctypes", name, Some(&cdata_t));
        c.as_obj().unwrap().set_ty(meta.as_obj().unwrap());
        c
    };
    let simple_t = base("_SimpleCData", &simple_meta);
    let structure = base("Structure", &struct_meta);
    let union = base("Union", &union_meta);
    let array_t = base("Array", &array_meta);
    let pointer_t = base("_Pointer", &pointer_meta);
    let cfuncptr = base("CFuncPtr", &funcptr_meta);
    simple::init_base(&simple_t);
    structs::init_base(&structure);
    structs::init_base(&union);
    array::init_base(&array_t);
    pointer::init_base(&pointer_t);
    cfunc::init_base(&cfuncptr);
    let cfield = structs::make_cfield_type();
    let carg = cdata::make_carg_type();
    let argument_error = crate::modules::native::new_exception(vm, "ctypes", "ArgumentError", &[t.exc.exception.clone()]);
    let unpickle = crate::types::native_function("_unpickle", cdata::unpickle, NativeKind::Function, Value::NULL, None);
    let c = Classes {
        cdata: cdata_t,
        simple_meta,
        struct_meta,
        union_meta,
        array_meta,
        pointer_meta,
        funcptr_meta,
        simple: simple_t,
        structure,
        union,
        array: array_t,
        pointer: pointer_t,
        cfuncptr,
        cfield,
        carg,
        cthunk: crate::modules::native::new_type("_ctypes", "CThunkObject", None),
        argument_error,
        unpickle,
        pointer_type_cache: dict::new_dict(),
        array_cache: dict::new_dict(),
    };
    // SAFETY: see ClassSlot.
    unsafe { *CLASSES.0.get() = Some(c) };
}

// ------------------------------------------------------------ module functions

fn type_or_instance_stg(v: &Value) -> Option<std::rc::Rc<stg::StgInfo>> {
    if let Some(s) = stg::stg_of_value(v) {
        return Some(s);
    }
    cdata_stg(v)
}

fn m_sizeof(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("sizeof", args, kw, 1, 1)?;
    let v = &args[0];
    if let Some((_, n)) = cdata_mem(v) {
        return Ok(Value::int(n as i64));
    }
    match stg::stg_of_value(v) {
        Some(s) => Ok(Value::int(s.size as i64)),
        None => Err(PyErr::type_error("this type has no size")),
    }
}

fn m_alignment(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("alignment", args, kw, 1, 1)?;
    match type_or_instance_stg(&args[0]) {
        Some(s) => Ok(Value::int(s.align as i64)),
        None => Err(PyErr::type_error("no alignment info")),
    }
}

fn m_byref(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("byref", args, kw, 1, 2)?;
    let obj = &args[0];
    let Some((p, _)) = cdata_mem(obj) else {
        return Err(PyErr::type_error(format!("byref() argument must be a ctypes instance, not '{}'", tname(obj))));
    };
    let off = match args.get(1) {
        Some(o) => vm.index_value(o)?,
        None => 0,
    };
    Ok(cdata::new_carg(CArg::pointer((p as isize + off as isize) as usize, obj.clone())))
}

fn m_addressof(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("addressof", args, kw, 1, 1)?;
    match cdata_mem(&args[0]) {
        Some((p, _)) => Ok(stg::pointer_value(p as usize)),
        None => Err(PyErr::type_error("invalid type")),
    }
}

fn m_resize(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("resize", args, kw, 2, 2)?;
    let obj = &args[0];
    let size = vm.index_value(&args[1])?;
    let Some(st) = cdata_stg(obj) else {
        return Err(PyErr::type_error(format!("excepted ctypes instance")));
    };
    if size < st.size as i64 {
        return Err(PyErr::value_error(format!("minimum size is {}", st.size)));
    }
    let size = size as usize;
    let r = with_cdata(obj, |c| {
        if !c.owned {
            return Err(PyErr::value_error("Memory cannot be resized because this object doesn't own it"));
        }
        let cap = if c.heap_cap > 0 { c.heap_cap } else { 16 };
        if size <= cap {
            c.size = size;
            return Ok(());
        }
        let np = cdata::alloc_block(size);
        if np.is_null() {
            return Err(PyErr::memory_error());
        }
        // SAFETY: the new block is larger than the old contents; the old
        // heap block (if any) was allocated with heap_cap bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(c.ptr, np, c.size);
            if c.heap_cap > 0 {
                cdata::free_block(c.ptr, c.heap_cap);
            }
        }
        c.ptr = np;
        c.heap_cap = size;
        c.size = size;
        Ok(())
    });
    r.unwrap_or(Ok(()))?;
    Ok(Value::NONE)
}

thread_local! {
    /// The ctypes-private copy of errno (`use_errno=True` functions).
    pub static CTYPES_ERRNO: std::cell::Cell<i32> = const { std::cell::Cell::new(0) };
}

fn m_get_errno(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("get_errno", args, kw, 0, 0)?;
    Ok(Value::int(CTYPES_ERRNO.with(|e| e.get()) as i64))
}

fn m_set_errno(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("set_errno", args, kw, 1, 1)?;
    let n = vm.index_value(&args[0])?;
    let old = CTYPES_ERRNO.with(|e| e.replace(n as i32));
    Ok(Value::int(old as i64))
}

fn m_buffer_info(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("buffer_info", args, kw, 1, 1)?;
    let st = type_or_instance_stg(&args[0]).ok_or_else(|| PyErr::type_error("not a ctypes type or object"))?;
    let fmt = match st.kind {
        stg::Kind::Simple => format!("<{}", st.code as char),
        _ => "B".to_string(),
    };
    Ok(Value::tuple(vec![Value::string(fmt), Value::int(0), Value::tuple(vec![])]))
}

fn m_py_incref(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("Py_INCREF", args, kw, 1, 1)?;
    Ok(args[0].clone())
}

fn m_pyobj_from_ptr(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("PyObj_FromPtr", args, kw, 1, 1)?;
    let p = stg::int_as_pointer(&args[0])?;
    if p == 0 || p % 8 != 0 {
        return Err(PyErr::value_error("not an object address"));
    }
    // SAFETY: as in CPython, the caller vouches that `p` is the id() of a
    // live object (Krait's ids are object addresses).
    unsafe {
        let obj = p as *const PyObject;
        std::rc::Rc::increment_strong_count(obj);
        Ok(Value::from_obj(std::rc::Rc::from_raw(obj)))
    }
}

pub fn make(vm: &mut Vm, name: &str) -> Value {
    let _ = name;
    build_classes(vm);
    let c = classes();
    let m = new_module("_ctypes");
    set_attr(&m, "__version__", Value::str("1.1.0"));
    for (n, v) in [
        ("_SimpleCData", &c.simple),
        ("Structure", &c.structure),
        ("Union", &c.union),
        ("Array", &c.array),
        ("_Pointer", &c.pointer),
        ("CFuncPtr", &c.cfuncptr),
        ("ArgumentError", &c.argument_error),
        ("_pointer_type_cache", &c.pointer_type_cache),
    ] {
        set_attr(&m, n, v.clone());
    }
    for (n, v) in [
        ("FUNCFLAG_CDECL", stg::FUNCFLAG_CDECL as i64),
        ("FUNCFLAG_PYTHONAPI", stg::FUNCFLAG_PYTHONAPI as i64),
        ("FUNCFLAG_USE_ERRNO", stg::FUNCFLAG_USE_ERRNO as i64),
        ("FUNCFLAG_USE_LASTERROR", stg::FUNCFLAG_USE_LASTERROR as i64),
        ("RTLD_LOCAL", libc::RTLD_LOCAL as i64),
        ("RTLD_GLOBAL", libc::RTLD_GLOBAL as i64),
        ("CTYPES_MAX_ARGCOUNT", 1024),
    ] {
        set_attr(&m, n, Value::int(v));
    }
    set_attr(&m, "_memmove_addr", stg::pointer_value(libc::memmove as *const () as usize));
    set_attr(&m, "_memset_addr", stg::pointer_value(libc::memset as *const () as usize));
    set_attr(&m, "_cast_addr", stg::pointer_value(cfunc::special_addr(cfunc::Special::Cast)));
    set_attr(&m, "_string_at_addr", stg::pointer_value(cfunc::special_addr(cfunc::Special::StringAt)));
    set_attr(&m, "_wstring_at_addr", stg::pointer_value(cfunc::special_addr(cfunc::Special::WStringAt)));
    add_function(&m, "_unpickle", cdata::unpickle);
    add_function(&m, "sizeof", m_sizeof);
    add_function(&m, "alignment", m_alignment);
    add_function(&m, "byref", m_byref);
    add_function(&m, "addressof", m_addressof);
    add_function(&m, "resize", m_resize);
    add_function(&m, "get_errno", m_get_errno);
    add_function(&m, "set_errno", m_set_errno);
    add_function(&m, "buffer_info", m_buffer_info);
    add_function(&m, "Py_INCREF", m_py_incref);
    add_function(&m, "Py_DECREF", m_py_incref);
    add_function(&m, "PyObj_FromPtr", m_pyobj_from_ptr);
    add_function(&m, "POINTER", pointer::m_pointer_type);
    add_function(&m, "pointer", pointer::m_pointer);
    add_function(&m, "dlopen", dll::m_dlopen);
    add_function(&m, "dlclose", dll::m_dlclose);
    add_function(&m, "dlsym", dll::m_dlsym);
    add_function(&m, "call_function", cfunc::m_call_function);
    add_function(&m, "call_cdeclfunction", cfunc::m_call_function);
    let _ = type_ref;
    m
}
