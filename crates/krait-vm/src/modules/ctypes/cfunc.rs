//! Function pointers: the `PyCFuncPtrType` metaclass (`_argtypes_`,
//! `_restype_`, `_flags_`), `CFuncPtr` instances (from a library symbol, an
//! address, or a Python callable), foreign calls through libffi, and
//! callbacks (libffi closures calling back into Python).
//!
//! The call path: each argument is converted straight into a C value slot
//! (the common `argtypes` of simple types skip `from_param` objects), the
//! libffi `Cif` is prepared once and kept on the function object while the
//! argument types stay the same, and the GIL is released around the call
//! (not for `PyDLL` functions). Callbacks find the calling thread's `Vm`
//! in a thread-local set around each foreign call, and take the GIL back.

use super::cdata::{self, as_parameter, cdata_mem, cdata_stg, extend_error, keep_ref, type_name, with_carg, with_cdata, CData};
use super::classes;
use super::stg::{self, tname, Ffi, Keep, Kind, StgInfo};
use crate::object::{NativeKind, Payload};
use crate::types::{add_getset, add_method, add_native, dict, type_of, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use libffi::raw as ffi;
use std::cell::Cell;
use std::rc::Rc;

const PARAMFLAG_FIN: i64 = 1;
const PARAMFLAG_FOUT: i64 = 2;
const PARAMFLAG_FLCID: i64 = 4;

/// How one declared argument is converted.
#[derive(Clone)]
enum Conv {
    /// The builtin `from_param` of a simple type: convert in place.
    Simple { code: u8, cls: Value },
    /// `c_char_p`/`c_wchar_p`/`c_void_p.from_param`.
    Native { tag: u8, cls: Value },
    /// Any other converter: call it, then convert its result.
    Call(Value),
}

/// How the result is converted.
enum Ret {
    /// No restype at all: a C int.
    Int,
    Void,
    Simple { code: u8, swapped: bool, size: usize },
    CData { cls: Value, stg: Rc<StgInfo> },
    Callable(Value),
}

/// A prepared call: converters, result kind and the libffi cif.
pub struct CallPlan {
    conv: Vec<Conv>,
    ret: Ret,
    rtype: *mut ffi::ffi_type,
    rsize: usize,
    keep_ret: Option<Rc<StgInfo>>,
    /// The argument types the cif was prepared for (and nfixed).
    sig: Vec<*mut ffi::ffi_type>,
    nfixed: usize,
    cif: Box<ffi::ffi_cif>,
    cif_ok: bool,
    /// Owners of aggregate argument types in `sig`.
    keep_args: Vec<Rc<StgInfo>>,
    checker: Value,
    /// The function has argtypes (even an empty list).
    declared: bool,
}

/// State of a CFuncPtr instance.
pub struct FuncData {
    pub argtypes: Value,
    pub converters: Vec<Value>,
    pub restype: Value,
    pub checker: Value,
    pub errcheck: Value,
    pub callable: Value,
    pub paramflags: Value,
    pub plan: Option<Box<CallPlan>>,
}

impl FuncData {
    fn new() -> FuncData {
        FuncData {
            argtypes: Value::NULL,
            converters: Vec::new(),
            restype: Value::NULL,
            checker: Value::NULL,
            errcheck: Value::NULL,
            callable: Value::NULL,
            paramflags: Value::NULL,
            plan: None,
        }
    }

    pub fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        for v in [&self.argtypes, &self.restype, &self.checker, &self.errcheck, &self.callable, &self.paramflags] {
            f(v);
        }
        for v in &self.converters {
            f(v);
        }
    }

    pub fn clear(&mut self, out: &mut Vec<Value>) {
        for v in [&mut self.argtypes, &mut self.restype, &mut self.checker, &mut self.errcheck, &mut self.callable, &mut self.paramflags] {
            out.push(std::mem::replace(v, Value::NULL));
        }
        out.append(&mut self.converters);
        self.plan = None;
    }
}

fn with_func<R>(v: &Value, f: impl FnOnce(&mut FuncData) -> R) -> Option<R> {
    with_cdata(v, |c| {
        let fd = c.func.get_or_insert_with(|| Box::new(FuncData::new()));
        f(fd)
    })
}

// ------------------------------------------------------------ special addresses

/// Functions of `ctypes/__init__.py` implemented here, reached through
/// their addresses (`_cast_addr`...).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Special {
    Cast,
    StringAt,
    WStringAt,
}

/// Distinct addresses standing for the special functions (never called).
static SPECIAL_ADDRS: [u64; 3] = [0x5ca1, 0x5ca2, 0x5ca3];

pub fn special_addr(s: Special) -> usize {
    let i = match s {
        Special::Cast => 0,
        Special::StringAt => 1,
        Special::WStringAt => 2,
    };
    &SPECIAL_ADDRS[i] as *const u64 as usize
}

fn special_of(addr: usize) -> Option<Special> {
    [Special::Cast, Special::StringAt, Special::WStringAt].into_iter().find(|s| special_addr(*s) == addr)
}

// ------------------------------------------------------------ the metaclass

/// Most arguments a function may take (CPython's limit).
pub const MAX_ARGCOUNT: usize = 1024;

fn converters_from_argtypes(vm: &mut Vm, ob: &Value) -> PyResult<Vec<Value>> {
    let items: Vec<Value> = match ob.as_obj().map(|o| &o.payload) {
        Some(Payload::Tuple(t)) => t.to_vec(),
        Some(Payload::List(l)) => l.borrow().clone(),
        _ => return Err(PyErr::type_error("_argtypes_ must be a sequence of types")),
    };
    if items.len() > MAX_ARGCOUNT {
        return Err(PyErr::new(
            &classes().argument_error,
            format!("_argtypes_ has too many arguments ({}), maximum is {}", items.len(), MAX_ARGCOUNT),
        ));
    }
    let n = crate::types::str::intern("from_param");
    let mut out = Vec::with_capacity(items.len());
    for (i, t) in items.iter().enumerate() {
        match vm.getattr_opt(t, &n)? {
            Some(c) => out.push(c),
            None => return Err(PyErr::type_error(format!("item {} in _argtypes_ has no from_param method", i + 1))),
        }
    }
    Ok(out)
}

fn check_restype(vm: &Vm, ob: &Value, what: &str) -> PyResult<()> {
    if !ob.is_none() && stg::stg_of_value(ob).is_none() && !vm.callable(ob) {
        return Err(PyErr::type_error(format!("{what} must be a type, a callable, or None")));
    }
    Ok(())
}

fn retval_checker(vm: &mut Vm, restype: &Value) -> PyResult<Value> {
    if restype.is_none() {
        return Ok(Value::NULL);
    }
    let n = crate::types::str::intern("_check_retval_");
    Ok(vm.getattr_opt(restype, &n)?.unwrap_or(Value::NULL))
}

/// `PyCFuncPtrType.__new__`.
pub fn meta_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = crate::types::type_::type_new(vm, args, kw)?;
    let d = cls.as_obj().unwrap().type_data().dict.clone();
    let flags = match dict::dict_get_str(&d, "_flags_") {
        Some(f) if f.is_int() => stg::int_mask(&f).unwrap_or(0) as u32,
        _ => return Err(PyErr::type_error("class must define _flags_ which must be an integer")),
    };
    let mut info = StgInfo::new(Kind::FuncPtr, 8, 8, Ffi::Static(stg::ffi_pointer()));
    info.length = 1;
    info.flags.set(stg::TYPEFLAG_ISPOINTER);
    info.fflags = flags;
    if let Some(a) = dict::dict_get_str(&d, "_argtypes_") {
        let conv = converters_from_argtypes(vm, &a)?;
        info.argtypes = a;
        *info.proto.borrow_mut() = Value::list(conv);
    }
    if let Some(r) = dict::dict_get_str(&d, "_restype_") {
        check_restype(vm, &r, "_restype_")?;
        info.checker = retval_checker(vm, &r)?;
        info.restype = r;
    }
    stg::set_stg(&cls, info);
    Ok(cls)
}

/// The class-level converters (kept in `proto` as a list).
fn class_converters(st: &StgInfo) -> Vec<Value> {
    st.proto().as_list().map(|l| l.borrow().clone()).unwrap_or_default()
}

// ------------------------------------------------------------ CFuncPtr instances

fn new_func(cls: &Value, st: &Rc<StgInfo>, addr: usize) -> Value {
    let v = cdata::alloc_instance(cls, st);
    if let Some((p, _)) = cdata_mem(&v) {
        // SAFETY: a function pointer object holds one pointer.
        unsafe { stg::write_ptr(p, addr) };
    }
    with_cdata(&v, |c| c.func = Some(Box::new(FuncData::new())));
    v
}

fn func_name_arg(v: &Value) -> PyResult<String> {
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    if let Some(b) = v.as_bytes() {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    Err(PyErr::type_error("function name must be string, bytes object or integer"))
}

fn check_outarg_type(arg: &Value, index: usize) -> PyResult<()> {
    if let Some(s) = stg::stg_of_value(arg) {
        if matches!(s.kind, Kind::Pointer | Kind::Array) || (s.kind == Kind::Simple && matches!(s.code, b'P' | b'z' | b'Z')) {
            return Ok(());
        }
    }
    Err(PyErr::type_error(format!("'out' parameter {} must be a pointer type, not {}", index, type_name(arg))))
}

fn validate_paramflags(vm: &mut Vm, st: &StgInfo, pf: &Value) -> PyResult<()> {
    let Some(items) = pf.as_tuple() else {
        return Err(PyErr::type_error("paramflags must be a tuple or None"));
    };
    let argtypes = if st.argtypes.is_null() { Vec::new() } else { vm.collect(&st.argtypes)? };
    if items.len() != argtypes.len() {
        return Err(PyErr::value_error("paramflags must have the same length as argtypes"));
    }
    for (i, item) in items.iter().enumerate() {
        let bad = || PyErr::type_error("paramflags must be a sequence of (int [,string [,value]]) tuples");
        let Some(t) = item.as_tuple() else { return Err(bad()) };
        if t.is_empty() || t.len() > 3 || !t[0].is_int() {
            return Err(bad());
        }
        if t.len() > 1 && !(t[1].is_none() || t[1].as_str().is_some()) {
            return Err(bad());
        }
        let flag = t[0].as_i64().unwrap_or(0);
        match flag & (PARAMFLAG_FIN | PARAMFLAG_FOUT | PARAMFLAG_FLCID) {
            0 | 1 | 5 | 3 => {}
            2 => check_outarg_type(&argtypes[i], i + 1)?,
            f => return Err(PyErr::type_error(format!("paramflag value {f} not supported"))),
        }
    }
    Ok(())
}

/// `CFuncPtr.__new__`: `()`, `(address)`, `((name, dll)[, paramflags])` or `(callable)`.
fn func_new(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let cls = args[0].clone();
    let npos = args.len() - kw.len();
    let pos = &args[1..npos];
    let st = match stg::stg_of_value(&cls) {
        Some(s) => s,
        None if pos.len() == 1 && !pos[0].is_int() && pos[0].as_tuple().is_none() && vm.callable(&pos[0]) => {
            return Err(PyErr::type_error("cannot construct instance of this class: no argtypes"));
        }
        None => return Err(PyErr::type_error("abstract class")),
    };
    if pos.is_empty() {
        return Ok(new_func(&cls, &st, 0));
    }
    if pos[0].as_tuple().is_some() {
        let spec = pos[0].as_tuple().unwrap().to_vec();
        let paramflags = pos.get(1).cloned().filter(|p| !p.is_none());
        if spec.len() != 2 {
            return Err(PyErr::type_error("illegal func_spec argument"));
        }
        let name = func_name_arg(&spec[0])?;
        let dll = spec[1].clone();
        let h = vm.getattr_str(&dll, "_handle")?;
        if !h.is_int() {
            return Err(PyErr::type_error("the _handle attribute of the second argument must be an integer"));
        }
        let handle = stg::int_as_pointer(&h)?;
        let Some(addr) = super::dll::sym(handle, &name) else {
            return Err(PyErr::attribute_error(super::dll::dl_error(&format!("function '{name}' not found"))));
        };
        if let Some(pf) = &paramflags {
            validate_paramflags(vm, &st, pf)?;
        }
        let f = new_func(&cls, &st, addr);
        with_func(&f, |fd| fd.paramflags = paramflags.unwrap_or(Value::NULL));
        keep_ref(vm, &f, 0, Keep::value(dll))?;
        return Ok(f);
    }
    if pos.len() == 1 && pos[0].is_int() {
        let addr = stg::int_as_pointer(&pos[0])?;
        return Ok(new_func(&cls, &st, addr));
    }
    if pos.len() > 2 {
        return Err(PyErr::type_error(format!("function takes at most 2 arguments ({} given)", pos.len())));
    }
    let callable = pos[0].clone();
    if !vm.callable(&callable) {
        return Err(PyErr::type_error("argument must be callable or integer function address"));
    }
    if st.argtypes.is_null() {
        return Err(PyErr::type_error("cannot construct instance of this class: no argtypes"));
    }
    let thunk = super::callback::make_thunk(vm, &callable, &st)?;
    let code = thunk.code as usize;
    // The closure lives in a CThunkObject kept in `_objects`, so whatever
    // keeps the function pointer's objects (a structure field) keeps it.
    let tobj = crate::object::new_opaque(&classes().cthunk, *thunk);
    let f = new_func(&cls, &st, code);
    with_func(&f, |fd| fd.callable = callable);
    keep_ref(vm, &f, 0, Keep::value(tobj))?;
    Ok(f)
}

fn func_init(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn func_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    Ok(Value::string(format!("<{} object at {:#x}>", type_name(&type_of(me)), me.id())))
}

fn func_bool(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let (p, _) = cdata_mem(&args[0]).ok_or_else(|| PyErr::type_error("not a function pointer"))?;
    // SAFETY: a function pointer object holds one pointer.
    Ok(Value::bool(unsafe { stg::read_ptr(p) } != 0))
}

fn func_stg(v: &Value) -> PyResult<Rc<StgInfo>> {
    cdata_stg(v).ok_or_else(|| PyErr::type_error("not a function pointer"))
}

fn restype_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let own = with_func(me, |fd| fd.restype.clone()).unwrap_or(Value::NULL);
    if !own.is_null() {
        return Ok(own);
    }
    let st = func_stg(me)?;
    Ok(if st.restype.is_null() { Value::NONE } else { st.restype.clone() })
}

fn restype_set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let ob = &args[1];
    if ob.is_null() {
        with_func(me, |fd| {
            fd.restype = Value::NULL;
            fd.checker = Value::NULL;
            fd.plan = None;
        });
        return Ok(Value::NONE);
    }
    check_restype(vm, ob, "restype")?;
    let checker = retval_checker(vm, ob)?;
    with_func(me, |fd| {
        fd.restype = ob.clone();
        fd.checker = checker;
        fd.plan = None;
    });
    Ok(Value::NONE)
}

fn argtypes_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let own = with_func(me, |fd| fd.argtypes.clone()).unwrap_or(Value::NULL);
    if !own.is_null() {
        return Ok(own);
    }
    let st = func_stg(me)?;
    Ok(if st.argtypes.is_null() { Value::NONE } else { st.argtypes.clone() })
}

fn argtypes_set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let ob = &args[1];
    if ob.is_null() || ob.is_none() {
        with_func(me, |fd| {
            fd.argtypes = Value::NULL;
            fd.converters.clear();
            fd.plan = None;
        });
        return Ok(Value::NONE);
    }
    let conv = converters_from_argtypes(vm, ob)?;
    with_func(me, |fd| {
        fd.argtypes = ob.clone();
        fd.converters = conv;
        fd.plan = None;
    });
    Ok(Value::NONE)
}

fn errcheck_get(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = with_func(&args[0], |fd| fd.errcheck.clone()).unwrap_or(Value::NULL);
    Ok(if v.is_null() { Value::NONE } else { v })
}

fn errcheck_set(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let ob = &args[1];
    if !ob.is_null() && !vm.callable(ob) {
        return Err(PyErr::type_error("the errcheck attribute must be callable"));
    }
    with_func(&args[0], |fd| fd.errcheck = ob.clone());
    Ok(Value::NONE)
}

pub fn init_base(t: &Value) {
    add_native(t, "__new__", func_new, NativeKind::StaticMethod);
    add_method(t, "__init__", func_init);
    add_method(t, "__call__", func_call);
    add_method(t, "__repr__", func_repr);
    add_method(t, "__bool__", func_bool);
    add_getset(t, "restype", restype_get, Some(restype_set));
    add_getset(t, "argtypes", argtypes_get, Some(argtypes_set));
    add_getset(t, "errcheck", errcheck_get, Some(errcheck_set));
}

// ------------------------------------------------------------ argument conversion

/// One C argument: its libffi type and value (or the address of the value).
struct Slot {
    ty: *mut ffi::ffi_type,
    val: [u64; 2],
    /// When set, the value lives here (a structure passed by value).
    at: *mut u8,
    keep: Value,
    hidden: Option<Box<[u8]>>,
    big: Option<Box<[u8]>>,
    stg: Option<Rc<StgInfo>>,
}

impl Slot {
    #[inline]
    fn scalar(ty: *mut ffi::ffi_type, v: u64) -> Slot {
        Slot { ty, val: [v, 0], at: std::ptr::null_mut(), keep: Value::NONE, hidden: None, big: None, stg: None }
    }
}

fn argument_error(vm: &mut Vm, i: usize, e: &PyErr) -> PyErr {
    let ae = classes().argument_error.clone();
    extend_error(vm, &ae, &format!("argument {}: ", i), e)
}

/// CPython's `ConvParam`: an argument without a declared type (or a
/// converter's result).
fn conv_param(vm: &mut Vm, obj: &Value, index: usize, depth: usize) -> PyResult<Slot> {
    if obj.is_none() {
        return Ok(Slot::scalar(stg::ffi_pointer(), 0));
    }
    if obj.is_int() {
        let v = match obj.as_i64() {
            Some(i) => i as u64,
            None => match obj.as_bigint_ref().and_then(|b| num_traits::ToPrimitive::to_u64(b)) {
                Some(u) => u,
                None => return Err(PyErr::overflow("int too long to convert")),
            },
        };
        return Ok(Slot::scalar(stg::ffi_sint(), v & 0xffff_ffff));
    }
    if obj.as_bytes().is_some() || obj.as_str().is_some() {
        return Ok(Slot::scalar(stg::ffi_pointer(), stg::mirror_ptr(obj).unwrap_or(0) as u64));
    }
    if let Some(s) = with_carg(obj, |a| {
        let mut s = Slot::scalar(a.ffi, 0);
        s.val = a.value;
        if let Some(b) = &a.big {
            s.big = Some(b.clone());
        }
        s.stg = a.stg.clone();
        s
    }) {
        let mut s = s;
        s.keep = obj.clone();
        return Ok(s);
    }
    if let Some((p, n, st)) = with_cdata(obj, |c: &mut CData| (c.ptr, c.size, c.stg.clone())) {
        let mut s = match st.kind {
            Kind::Simple => {
                let (_, _, ty) = stg::code_info(st.code).unwrap_or((8, 8, stg::ffi_pointer()));
                let mut s = Slot::scalar(ty, 0);
                // SAFETY: a simple value is at most 16 bytes.
                unsafe { std::ptr::copy_nonoverlapping(p, s.val.as_mut_ptr() as *mut u8, n.min(16)) };
                s
            }
            Kind::Struct | Kind::Union => {
                let mut s = Slot::scalar(st.ffi_ptr(), 0);
                s.at = p;
                s.stg = Some(st.clone());
                s
            }
            Kind::Array => Slot::scalar(stg::ffi_pointer(), p as u64),
            Kind::Pointer | Kind::FuncPtr => {
                // SAFETY: these hold one pointer.
                Slot::scalar(stg::ffi_pointer(), unsafe { stg::read_ptr(p) } as u64)
            }
        };
        s.keep = obj.clone();
        return Ok(s);
    }
    if let Some(ap) = as_parameter(vm, obj)? {
        return cdata::nested(vm, |vm| conv_param(vm, &ap, index, depth + 1));
    }
    Err(PyErr::type_error(format!("Don't know how to convert parameter {index}")))
}

/// Convert argument `i` (0-based) with declared converter `c`.
fn convert(vm: &mut Vm, c: &Conv, value: &Value, i: usize) -> PyResult<Slot> {
    match c {
        Conv::Simple { code, cls } => {
            // Fast path: plain numbers convert in place.
            if value.is_small_int() || value.is_float() || !vm.isinstance(value, cls)? {
                let (_, _, ty) = stg::code_info(*code).unwrap();
                let mut s = Slot::scalar(ty, 0);
                // SAFETY: 16 bytes hold any simple value.
                match unsafe { stg::set_value(vm, *code, false, s.val.as_mut_ptr() as *mut u8, value, 0) } {
                    Ok(k) => {
                        s.keep = k.visible;
                        s.hidden = k.hidden;
                        return Ok(s);
                    }
                    Err(_) => {
                        let r = match as_parameter(vm, value)? {
                            Some(ap) => super::simple::simple_from_param(vm, cls, &ap),
                            None => Err(PyErr::type_error("wrong type")),
                        };
                        let r = r.map_err(|e| argument_error(vm, i + 1, &e))?;
                        return conv_param(vm, &r, i + 1, 0).map_err(|e| argument_error(vm, i + 1, &e));
                    }
                }
            }
            conv_param(vm, value, i + 1, 0).map_err(|e| argument_error(vm, i + 1, &e))
        }
        Conv::Native { tag, cls } => {
            let r = match tag {
                b'P' => super::simple::void_p_from_param(vm, cls, value),
                _ => {
                    let f = vm.getattr_str(cls, "from_param")?;
                    vm.call(&f, &[value.clone()])
                }
            };
            let r = r.map_err(|e| argument_error(vm, i + 1, &e))?;
            conv_param(vm, &r, i + 1, 0).map_err(|e| argument_error(vm, i + 1, &e))
        }
        Conv::Call(f) => {
            let r = vm.call(f, &[value.clone()]).map_err(|e| argument_error(vm, i + 1, &e))?;
            conv_param(vm, &r, i + 1, 0).map_err(|e| argument_error(vm, i + 1, &e))
        }
    }
}

fn classify(conv: &Value) -> Conv {
    if let Some(o) = conv.as_obj() {
        if let Payload::Native(nf) = &o.payload {
            if nf.name == "from_param" && !nf.bound.is_null() {
                if let Some(st) = stg::stg_of_value(&nf.bound) {
                    if st.kind == Kind::Simple && crate::types::lookup(nf.bound.as_obj().unwrap(), "from_param").is_none() {
                        return Conv::Simple { code: st.code, cls: nf.bound.clone() };
                    }
                }
            }
        }
    }
    if let Some((tag, cls)) = super::simple::converter_kind(conv) {
        if tag == b'P' {
            return Conv::Native { tag, cls };
        }
    }
    Conv::Call(conv.clone())
}

fn make_plan(vm: &mut Vm, converters: Option<&[Value]>, restype: &Value, checker: &Value) -> PyResult<Box<CallPlan>> {
    let _ = vm;
    let declared = converters.is_some();
    let conv: Vec<Conv> = converters.unwrap_or(&[]).iter().map(classify).collect();
    let (ret, rtype, rsize, keep_ret) = if restype.is_null() {
        (Ret::Int, stg::ffi_sint(), 8, None)
    } else if restype.is_none() {
        (Ret::Void, stg::ffi_void(), 8, None)
    } else if let Some(rs) = stg::stg_of_value(restype) {
        if rs.kind == Kind::Simple && !cdata::is_simple_subclass(restype) {
            (Ret::Simple { code: rs.code, swapped: rs.swapped, size: rs.size }, rs.ffi_ptr(), rs.size.max(8), Some(rs.clone()))
        } else {
            let rt = match rs.kind {
                Kind::Array => stg::ffi_pointer(),
                _ => rs.ffi_ptr(),
            };
            (Ret::CData { cls: restype.clone(), stg: rs.clone() }, rt, rs.size.max(8), Some(rs.clone()))
        }
    } else {
        (Ret::Callable(restype.clone()), stg::ffi_sint(), 8, None)
    };
    Ok(Box::new(CallPlan {
        conv,
        ret,
        rtype,
        rsize,
        keep_ret,
        sig: Vec::new(),
        nfixed: 0,
        cif: Box::new(zeroed_cif()),
        cif_ok: false,
        keep_args: Vec::new(),
        checker: checker.clone(),
        declared,
    }))
}

pub(super) fn zeroed_cif() -> ffi::ffi_cif {
    // SAFETY: ffi_cif is plain data, filled by ffi_prep_cif before use.
    unsafe { std::mem::zeroed() }
}

// ------------------------------------------------------------ the call

thread_local! {
    /// The interpreter of the thread inside a foreign call (for callbacks).
    pub(super) static CUR_VM: Cell<*mut Vm> = const { Cell::new(std::ptr::null_mut()) };
    /// Whether that call released the GIL.
    pub(super) static GIL_RELEASED: Cell<bool> = const { Cell::new(false) };
}

/// Call the C function at `fptr` with prepared slots.
fn ffi_invoke(vm: &mut Vm, plan: &mut CallPlan, fptr: usize, slots: &mut [Slot], nfixed: usize, flags: u32, rbuf: *mut u8) -> PyResult<()> {
    // The cif, reused while the argument types stay the same.
    let same = plan.cif_ok && plan.nfixed == nfixed && plan.sig.len() == slots.len() && plan.sig.iter().zip(slots.iter()).all(|(a, s)| *a == s.ty);
    if !same {
        plan.sig = slots.iter().map(|s| s.ty).collect();
        plan.keep_args = slots.iter().filter_map(|s| s.stg.clone()).collect();
        plan.nfixed = nfixed;
        // SAFETY: the type arrays live in `plan` with the cif.
        let st = unsafe {
            if nfixed < slots.len() && nfixed > 0 {
                ffi::ffi_prep_cif_var(&mut *plan.cif, ffi::ffi_abi_FFI_DEFAULT_ABI, nfixed as u32, slots.len() as u32, plan.rtype, plan.sig.as_mut_ptr())
            } else {
                ffi::ffi_prep_cif(&mut *plan.cif, ffi::ffi_abi_FFI_DEFAULT_ABI, slots.len() as u32, plan.rtype, plan.sig.as_mut_ptr())
            }
        };
        if st != ffi::ffi_status_FFI_OK {
            plan.cif_ok = false;
            return Err(PyErr::runtime_error("ffi_prep_cif failed"));
        }
        plan.cif_ok = true;
    }
    let mut avalues: [*mut std::ffi::c_void; 8] = [std::ptr::null_mut(); 8];
    let mut avec: Vec<*mut std::ffi::c_void> = Vec::new();
    let av: *mut *mut std::ffi::c_void = if slots.len() <= 8 {
        for (i, s) in slots.iter_mut().enumerate() {
            avalues[i] = slot_addr(s);
        }
        avalues.as_mut_ptr()
    } else {
        avec = slots.iter_mut().map(slot_addr).collect();
        avec.as_mut_ptr()
    };
    let cif: *mut ffi::ffi_cif = &mut *plan.cif;
    let use_errno = flags & stg::FUNCFLAG_USE_ERRNO != 0;
    let release = flags & stg::FUNCFLAG_PYTHONAPI == 0
        && crate::gil::THREADED.load(std::sync::atomic::Ordering::Relaxed)
        && !crate::gil::FINALIZING.load(std::sync::atomic::Ordering::Relaxed);
    let prev_vm = CUR_VM.with(|c| c.replace(vm as *mut Vm));
    let prev_rel = GIL_RELEASED.with(|c| c.replace(release));
    let my_errno = if use_errno { super::CTYPES_ERRNO.with(|e| e.get()) } else { 0 };
    if release {
        crate::gil::release();
    }
    // SAFETY: the cif matches the slots; the function pointer is the
    // caller's responsibility, as in C.
    unsafe {
        let saved = if use_errno {
            let e = libc::__errno_location();
            let s = *e;
            *e = my_errno;
            s
        } else {
            0
        };
        let f: unsafe extern "C" fn() = std::mem::transmute(fptr);
        ffi::ffi_call(cif, Some(f), rbuf as *mut std::ffi::c_void, av);
        if use_errno {
            let e = libc::__errno_location();
            let now = *e;
            *e = saved;
            super::CTYPES_ERRNO.with(|c| c.set(now));
        }
    }
    if release {
        crate::gil::mark_interactive();
        crate::gil::acquire(true);
    }
    CUR_VM.with(|c| c.set(prev_vm));
    GIL_RELEASED.with(|c| c.set(prev_rel));
    drop(avec);
    Ok(())
}

#[inline]
fn slot_addr(s: &mut Slot) -> *mut std::ffi::c_void {
    if !s.at.is_null() {
        s.at as *mut std::ffi::c_void
    } else if let Some(b) = &mut s.big {
        b.as_mut_ptr() as *mut std::ffi::c_void
    } else {
        s.val.as_mut_ptr() as *mut std::ffi::c_void
    }
}

/// The Python value of the result in `rbuf`.
fn get_result(vm: &mut Vm, ret: &Ret, rbuf: *const u8, checker: &Value) -> PyResult<Value> {
    let v = match ret {
        Ret::Int => {
            // SAFETY: libffi stored at least an ffi_arg.
            Value::int(unsafe { stg::read_uint(rbuf, 4, false) } as u32 as i32 as i64)
        }
        Ret::Void => return Ok(Value::NONE),
        // SAFETY: as above (small results are widened to an ffi_arg).
        Ret::Simple { code, swapped, size } => unsafe { stg::get_value(*code, *swapped, rbuf, *size)? },
        // SAFETY: rbuf holds the whole result.
        Ret::CData { cls, stg } => unsafe { cdata::from_copy(cls, stg, rbuf) },
        Ret::Callable(f) => {
            // SAFETY: as above.
            let i = unsafe { stg::read_uint(rbuf, 4, false) } as u32 as i32 as i64;
            return vm.call(f, &[Value::int(i)]);
        }
    };
    if checker.is_null() {
        return Ok(v);
    }
    vm.call(checker, &[v])
}

/// `CFuncPtr.__call__`.
fn func_call(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let npos = args.len() - kw.len();
    let inargs = &args[1..npos];
    let kwvals = &args[npos..];
    let Some((p, st, has_fd)) = with_cdata(me, |c| (c.ptr, c.stg.clone(), c.func.is_some())) else {
        return Err(PyErr::type_error("not a function pointer"));
    };
    if !has_fd {
        with_cdata(me, |c| c.func = Some(Box::new(FuncData::new())));
    }
    // SAFETY: a function pointer object holds one pointer.
    let fptr = unsafe { stg::read_ptr(p) };
    // Take the plan out of the object for the duration of the call (a
    // callback may call the same function again: it then builds its own).
    let (plan, paramflags, errcheck, converters_own, has_own_conv) = with_func(me, |fd| {
        (fd.plan.take(), fd.paramflags.clone(), fd.errcheck.clone(), if fd.argtypes.is_null() { Vec::new() } else { fd.converters.clone() }, !fd.argtypes.is_null())
    })
    .unwrap();
    let mut plan = match plan {
        Some(p) => p,
        None => {
            let converters = if has_own_conv {
                Some(converters_own)
            } else if !st.argtypes.is_null() {
                Some(class_converters(&st))
            } else {
                None
            };
            let (restype, checker) = with_func(me, |fd| (fd.restype.clone(), fd.checker.clone())).unwrap();
            let (restype, checker) = if restype.is_null() { (st.restype.clone(), st.checker.clone()) } else { (restype, checker) };
            make_plan(vm, converters.as_deref(), &restype, &checker)?
        }
    };
    let r = call_with_plan(vm, me, &st, &mut plan, fptr, inargs, kw, kwvals, &paramflags, &errcheck);
    with_func(me, |fd| {
        if fd.plan.is_none() {
            fd.plan = Some(plan);
        }
    });
    r
}

#[allow(clippy::too_many_arguments)]
fn call_with_plan(
    vm: &mut Vm,
    me: &Value,
    st: &StgInfo,
    plan: &mut CallPlan,
    fptr: usize,
    inargs: &[Value],
    kwnames: &[Value],
    kwvals: &[Value],
    paramflags: &Value,
    errcheck: &Value,
) -> PyResult<Value> {
    // Output parameters (paramflags).
    let mut outmask = 0u64;
    let mut inoutmask = 0u64;
    let mut numretvals = 0usize;
    let built;
    let callargs: &[Value] = if !paramflags.is_null() && paramflags.as_tuple().map_or(false, |t| !t.is_empty()) {
        built = build_callargs(vm, st, me, paramflags, inargs, kwnames, kwvals, &mut outmask, &mut inoutmask, &mut numretvals)?;
        &built
    } else {
        inargs
    };
    let nconv = plan.conv.len();
    let has_argtypes = plan.declared;
    if has_argtypes && callargs.len() < nconv {
        let s = if nconv == 1 { "" } else { "s" };
        return Err(PyErr::type_error(format!("this function takes at least {} argument{} ({} given)", nconv, s, callargs.len())));
    }
    if callargs.len() > MAX_ARGCOUNT {
        return Err(PyErr::new(
            &classes().argument_error,
            format!("too many arguments ({}), maximum is {}", callargs.len(), MAX_ARGCOUNT),
        ));
    }
    if let Some(sp) = special_of(fptr) {
        return call_special(vm, plan, sp, callargs);
    }
    if fptr == 0 {
        return Err(PyErr::value_error("NULL function pointer"));
    }
    let mut slots: Vec<Slot> = Vec::with_capacity(callargs.len());
    for (i, a) in callargs.iter().enumerate() {
        let s = if i < nconv {
            let c = plan.conv[i].clone();
            convert(vm, &c, a, i)?
        } else {
            conv_param(vm, a, i + 1, 0).map_err(|e| argument_error(vm, i + 1, &e))?
        };
        slots.push(s);
    }
    let mut small = [0u64; 4];
    let mut bigbuf: Vec<u64> = Vec::new();
    let rbuf: *mut u8 = if plan.rsize <= 32 {
        small.as_mut_ptr() as *mut u8
    } else {
        bigbuf.resize(plan.rsize.div_ceil(8) + 1, 0);
        bigbuf.as_mut_ptr() as *mut u8
    };
    let nfixed = if has_argtypes { nconv } else { slots.len() };
    ffi_invoke(vm, plan, fptr, &mut slots, nfixed, st.fflags, rbuf)?;
    drop(slots);
    let checker = plan.checker.clone();
    let result = get_result(vm, &plan.ret, rbuf, &checker)?;
    let _ = &plan.keep_ret;
    let result = if !errcheck.is_null() {
        let ca = Value::tuple(callargs.to_vec());
        let v = vm.call(errcheck, &[result, me.clone(), ca.clone()])?;
        if !v.is(&ca) {
            return Ok(v);
        }
        // errcheck returned the arguments: continue with the out values.
        Value::NONE
    } else {
        result
    };
    if numretvals == 0 {
        return Ok(result);
    }
    build_result(vm, callargs, outmask, inoutmask, numretvals)
}

#[allow(clippy::too_many_arguments)]
fn build_callargs(
    vm: &mut Vm,
    st: &StgInfo,
    me: &Value,
    paramflags: &Value,
    inargs: &[Value],
    kwnames: &[Value],
    kwvals: &[Value],
    outmask: &mut u64,
    inoutmask: &mut u64,
    numretvals: &mut usize,
) -> PyResult<Vec<Value>> {
    let own = with_func(me, |fd| fd.argtypes.clone()).unwrap_or(Value::NULL);
    let argtypes_v = if own.is_null() { st.argtypes.clone() } else { own };
    let argtypes = if argtypes_v.is_null() { Vec::new() } else { vm.collect(&argtypes_v)? };
    let flags = paramflags.as_tuple().unwrap().to_vec();
    let mut out = Vec::with_capacity(argtypes.len());
    let mut idx = 0usize;
    let get_arg = |vm: &mut Vm, idx: &mut usize, name: Option<&Value>, defval: Option<&Value>| -> PyResult<Value> {
        let _ = vm;
        if *idx < inargs.len() {
            *idx += 1;
            return Ok(inargs[*idx - 1].clone());
        }
        if let Some(n) = name.filter(|n| !n.is_none()) {
            if let Some(k) = kwnames.iter().position(|k| k.as_str() == n.as_str()) {
                *idx += 1;
                return Ok(kwvals[k].clone());
            }
        }
        if let Some(d) = defval {
            return Ok(d.clone());
        }
        match name.filter(|n| !n.is_none()) {
            Some(n) => Err(PyErr::type_error(format!("required argument '{}' missing", n.as_str().unwrap_or("?")))),
            None => Err(PyErr::type_error("not enough arguments")),
        }
    };
    for (i, item) in flags.iter().enumerate().take(argtypes.len()) {
        let t = item.as_tuple().unwrap_or(&[]).to_vec();
        let flag = t.first().and_then(|f| stg::int_mask(f)).unwrap_or(0) as i64;
        let name = t.get(1);
        let defval = t.get(2);
        match flag & (PARAMFLAG_FIN | PARAMFLAG_FOUT | PARAMFLAG_FLCID) {
            5 => out.push(defval.cloned().unwrap_or(Value::int(0))),
            3 => {
                *inoutmask |= 1 << i;
                *numretvals += 1;
                out.push(get_arg(vm, &mut idx, name, defval)?);
            }
            0 | 1 => out.push(get_arg(vm, &mut idx, name, defval)?),
            2 => {
                if let Some(d) = defval {
                    out.push(d.clone());
                } else {
                    let ob = &argtypes[i];
                    let ds = stg::stg_of_value(ob).ok_or_else(|| PyErr::runtime_error("NULL stgdict unexpected"))?;
                    if ds.kind == Kind::Simple {
                        return Err(PyErr::type_error(format!("{} 'out' parameter must be passed as default value", type_name(ob))));
                    }
                    let v = if ds.kind == Kind::Array { vm.call(ob, &[])? } else { vm.call(&ds.proto(), &[])? };
                    out.push(v);
                }
                *outmask |= 1 << i;
                *numretvals += 1;
            }
            f => return Err(PyErr::value_error(format!("paramflag {f} not yet implemented"))),
        }
    }
    let actual = inargs.len() + kwnames.len();
    if actual != idx {
        return Err(PyErr::type_error(format!("call takes exactly {} arguments ({} given)", idx, actual)));
    }
    Ok(out)
}

fn build_result(vm: &mut Vm, callargs: &[Value], outmask: u64, inoutmask: u64, numretvals: usize) -> PyResult<Value> {
    let mut out = Vec::new();
    for (i, v) in callargs.iter().enumerate().take(64) {
        let bit = 1u64 << i;
        if bit & inoutmask != 0 {
            out.push(v.clone());
        } else if bit & outmask != 0 {
            out.push(vm.call_method(v, "__ctypes_from_outparam__", &[])?);
        }
        if out.len() == numretvals {
            break;
        }
    }
    if numretvals == 1 {
        return Ok(out.pop().unwrap_or(Value::NONE));
    }
    Ok(Value::tuple(out))
}

fn call_special(vm: &mut Vm, plan: &mut CallPlan, sp: Special, callargs: &[Value]) -> PyResult<Value> {
    let first = match callargs.first() {
        Some(a) => {
            let s = match plan.conv.first().cloned() {
                Some(c) => convert(vm, &c, a, 0)?,
                None => conv_param(vm, a, 1, 0)?,
            };
            s.val[0] as usize
        }
        None => return Err(PyErr::type_error("this function takes at least 1 argument (0 given)")),
    };
    match sp {
        Special::Cast => {
            if callargs.len() < 3 {
                return Err(PyErr::type_error("this function takes at least 3 arguments"));
            }
            super::pointer::cast(vm, first, &callargs[1], &callargs[2])
        }
        Special::StringAt | Special::WStringAt => {
            let size = match callargs.get(1) {
                Some(s) => stg::index_mask(vm, s)? as u32 as i32 as i64,
                None => -1,
            };
            if first == 0 {
                return Err(PyErr::value_error("NULL pointer access"));
            }
            let p = first as *const u8;
            if sp == Special::StringAt {
                if size < -1 {
                    return Err(PyErr::new(&types().exc.system_error, "Negative size passed to PyBytes_FromStringAndSize"));
                }
                // SAFETY: the caller vouches for the memory, as in C.
                let b = unsafe { if size == -1 { stg::read_c_string(p) } else { std::slice::from_raw_parts(p, size as usize).to_vec() } };
                Ok(Value::bytes(b))
            } else {
                if size < -1 {
                    return Err(PyErr::new(&types().exc.system_error, "Negative size passed to PyUnicode_FromWideChar"));
                }
                // SAFETY: as above.
                let s = unsafe { if size == -1 { stg::read_wide_string(p)? } else { stg::read_wide_n(p, size as usize)? } };
                Ok(Value::string(s))
            }
        }
    }
}

/// `_ctypes.call_function(address, args)`.
pub fn m_call_function(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("call_function", args, kw, 2, 2)?;
    let fptr = stg::int_as_pointer(&args[0])?;
    let Some(a) = args[1].as_tuple().map(|t| t.to_vec()) else {
        return Err(PyErr::type_error(format!("call_function() argument 2 must be tuple, not {}", tname(&args[1]))));
    };
    let mut plan = make_plan(vm, None, &Value::NULL, &Value::NULL)?;
    let mut slots = Vec::new();
    for (i, x) in a.iter().enumerate() {
        slots.push(conv_param(vm, x, i + 1, 0).map_err(|e| argument_error(vm, i + 1, &e))?);
    }
    let mut rbuf = [0u64; 4];
    let n = slots.len();
    ffi_invoke(vm, &mut plan, fptr, &mut slots, n, stg::FUNCFLAG_CDECL, rbuf.as_mut_ptr() as *mut u8)?;
    get_result(vm, &plan.ret, rbuf.as_ptr() as *const u8, &Value::NULL)
}
