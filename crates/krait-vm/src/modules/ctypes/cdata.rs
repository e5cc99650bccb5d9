//! The instance side shared by every ctypes class: `CData` (a block of C
//! memory, owned or borrowed from a base object, plus the objects that
//! must stay alive with it), the `_ctypes._CData` base class, `CArgObject`
//! (what `byref` and `from_param` return), and the class methods every
//! ctypes metaclass has (`from_address`, `from_buffer`, `in_dll`, `*`).

use super::stg::{self, tname, Keep, Kind, StgInfo};
use super::{classes, Classes};
use crate::object::{new_opaque, with_opaque, NativeData};
use crate::types::{dict, type_of, type_ref, types};
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use libffi::raw as ffi;
use std::rc::Rc;

/// The state of every ctypes instance.
pub struct CData {
    /// Address of the C data.
    pub ptr: *mut u8,
    pub size: usize,
    /// `ptr` was allocated here (freed on drop, resizable).
    pub owned: bool,
    /// The object whose memory this one shares (None if none).
    pub base: Value,
    /// Position in the base (for the keep-alive keys).
    pub index: isize,
    /// Number of keep-alive slots (`stg.length` at creation).
    pub length: usize,
    /// Objects kept alive (`_objects`): NULL until needed.
    pub objects: Value,
    /// NUL-terminated copies the memory (or a child's) points into, by key.
    pub hidden: Vec<(String, Box<[u8]>)>,
    pub stg: Rc<StgInfo>,
    /// Function pointer state (CFuncPtr instances).
    pub func: Option<Box<super::cfunc::FuncData>>,
    /// Owned memory: up to 16 bytes live here, larger blocks on the heap
    /// (`heap_cap` bytes, 16-aligned).
    pub inline: Inline,
    pub heap_cap: usize,
}

#[repr(align(16))]
#[derive(Default)]
pub struct Inline(pub [u8; 16]);

pub const ALIGN: usize = 16;

/// A zeroed heap block of `size` bytes for instance memory.
pub fn alloc_block(size: usize) -> *mut u8 {
    match std::alloc::Layout::from_size_align(size.max(1), ALIGN) {
        // SAFETY: non-zero size.
        Ok(l) => unsafe { std::alloc::alloc_zeroed(l) },
        Err(_) => std::ptr::null_mut(),
    }
}

/// Free a block from `alloc_block`.
///
/// # Safety
/// `p` came from `alloc_block(size)`.
pub unsafe fn free_block(p: *mut u8, size: usize) {
    if let Ok(l) = std::alloc::Layout::from_size_align(size.max(1), ALIGN) {
        std::alloc::dealloc(p, l)
    }
}

impl NativeData for CData {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.base);
        f(&self.objects);
        if let Some(fd) = &self.func {
            fd.traverse(f);
        }
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.objects, Value::NULL));
        if let Some(fd) = &mut self.func {
            fd.clear(out);
        }
    }
}

impl Drop for CData {
    fn drop(&mut self) {
        if self.owned && self.heap_cap > 0 && !self.ptr.is_null() {
            // SAFETY: allocated by alloc_block(heap_cap) for this object.
            unsafe { free_block(self.ptr, self.heap_cap) };
        }
    }
}

#[inline]
pub fn with_cdata<R>(v: &Value, f: impl FnOnce(&mut CData) -> R) -> Option<R> {
    with_opaque::<CData, R>(v, f)
}

/// Whether `v` is a ctypes instance.
pub fn is_cdata(v: &Value) -> bool {
    with_cdata(v, |_| ()).is_some()
}

/// Address and size of a ctypes instance.
#[inline]
pub fn cdata_mem(v: &Value) -> Option<(*mut u8, usize)> {
    with_cdata(v, |c| (c.ptr, c.size))
}

pub fn cdata_stg(v: &Value) -> Option<Rc<StgInfo>> {
    with_cdata(v, |c| c.stg.clone())
}

fn new_cdata(cls: &Value, stg: &Rc<StgInfo>, ptr: *mut u8, owned: bool, base: Value, index: isize) -> Value {
    stg.final_.set(true);
    new_opaque(
        cls,
        CData {
            ptr,
            size: stg.size,
            owned,
            base,
            index,
            length: stg.length,
            objects: Value::NULL,
            hidden: Vec::new(),
            stg: stg.clone(),
            func: None,
            inline: Inline::default(),
            heap_cap: 0,
        },
    )
}

/// A zeroed instance of `cls` owning its memory.
pub fn alloc_instance(cls: &Value, stg: &Rc<StgInfo>) -> Value {
    let size = stg.size;
    if size <= 16 {
        let v = new_cdata(cls, stg, std::ptr::null_mut(), true, Value::NONE, 0);
        // The block inside the (boxed, never moved) state.
        with_cdata(&v, |c| c.ptr = c.inline.0.as_mut_ptr());
        return v;
    }
    let ptr = alloc_block(size);
    if ptr.is_null() {
        return Value::NONE;
    }
    let v = new_cdata(cls, stg, ptr, true, Value::NONE, 0);
    with_cdata(&v, |c| c.heap_cap = size);
    v
}

/// An instance of `cls` owning a copy of the memory at `src`.
///
/// # Safety
/// `src` must be valid for `stg.size` bytes.
pub unsafe fn from_copy(cls: &Value, stg: &Rc<StgInfo>, src: *const u8) -> Value {
    let v = alloc_instance(cls, stg);
    if let Some((p, n)) = cdata_mem(&v) {
        std::ptr::copy_nonoverlapping(src, p, n);
    }
    v
}

/// An instance of `cls` viewing the memory at `ptr`, kept alive by `base`.
pub fn from_base(cls: &Value, stg: &Rc<StgInfo>, base: &Value, index: isize, ptr: *mut u8) -> Value {
    new_cdata(cls, stg, ptr, false, base.clone(), index)
}

/// An instance of `cls` at an arbitrary address (nothing owns it).
pub fn at_address(cls: &Value, stg: &Rc<StgInfo>, ptr: *mut u8) -> Value {
    new_cdata(cls, stg, ptr, false, Value::NONE, 0)
}

/// `cls.__new__(cls)` for Simple, Structure, Union and Array.
pub fn generic_new(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    let stg = stg::stg_of_value(&cls).ok_or_else(|| PyErr::type_error("abstract class"))?;
    Ok(alloc_instance(&cls, &stg))
}

// ------------------------------------------------------------ keep-alive

/// The root object whose `_objects` holds what `v`'s memory needs.
pub fn container(v: &Value) -> Value {
    let mut cur = v.clone();
    loop {
        let b = with_cdata(&cur, |c| c.base.clone()).unwrap_or(Value::NONE);
        if b.is_none() || b.is_null() {
            break;
        }
        cur = b;
    }
    with_cdata(&cur, |c| {
        if c.objects.is_null() {
            c.objects = if c.length > 0 { dict::new_dict() } else { Value::NONE };
        }
    });
    cur
}

/// What must stay alive with `v` (its container's `_objects`).
pub fn kept_objects(v: &Value) -> Value {
    let c = container(v);
    with_cdata(&c, |c| c.objects.clone()).unwrap_or(Value::NONE)
}

fn unique_key(target: &Value, index: isize) -> String {
    let mut s = format!("{:x}", index as i32 as u32);
    let mut cur = target.clone();
    loop {
        let Some((base, idx)) = with_cdata(&cur, |c| (c.base.clone(), c.index)) else { break };
        if base.is_none() || base.is_null() {
            break;
        }
        s.push_str(&format!(":{:x}", idx as i32 as u32));
        cur = base;
    }
    s
}

/// Keep `keep` alive as long as `target`'s memory (CPython's KeepRef).
pub fn keep_ref(vm: &mut Vm, target: &Value, index: isize, keep: Keep) -> PyResult<()> {
    if keep.visible.is_none() && keep.hidden.is_none() {
        return Ok(());
    }
    let root = container(target);
    let objs = with_cdata(&root, |c| c.objects.clone()).unwrap_or(Value::NONE);
    if objs.as_dict().is_none() || !type_of(&objs).is(&types().dict) {
        with_cdata(&root, |c| {
            c.objects = keep.visible;
            c.hidden.clear();
            if let Some(h) = keep.hidden {
                c.hidden.push((String::new(), h));
            }
        });
        return Ok(());
    }
    let key = unique_key(target, index);
    let hidden = keep.hidden;
    let old = with_cdata(&root, |c| {
        let pos = c.hidden.iter().position(|(k, _)| *k == key);
        let old = pos.map(|i| c.hidden.swap_remove(i));
        if let Some(h) = hidden {
            c.hidden.push((key.clone(), h));
        }
        old
    });
    // The old buffer may still be pointed to until the dict entry changes.
    dict::dict_set(vm, &objs, Value::string(key), keep.visible)?;
    drop(old);
    Ok(())
}

// ------------------------------------------------------------ reading and writing fields and items

/// CPython's `PyCData_get`: the value at `ptr` (inside `src`) of class `ty`.
/// `code_override` is a CField's own getter (char arrays as bytes/str).
pub fn cdata_get(vm: &mut Vm, ty: &Value, code_override: u8, src: &Value, index: isize, size: usize, ptr: *mut u8) -> PyResult<Value> {
    let _ = vm;
    if code_override != 0 {
        // SAFETY: `ptr` lies inside `src`'s memory, which `src` keeps alive.
        return unsafe { stg::get_value(code_override, false, ptr, size) };
    }
    let Some(stg) = stg::stg_of_value(ty) else {
        return Err(PyErr::type_error("abstract class"));
    };
    if stg.kind == Kind::Simple && !is_simple_subclass(ty) {
        // SAFETY: as above.
        return unsafe { stg::get_value(stg.code, stg.swapped, ptr, size) };
    }
    Ok(from_base(ty, &stg, src, index, ptr))
}

/// A subclass of a simple type (its instances are returned, not converted).
pub fn is_simple_subclass(ty: &Value) -> bool {
    let Some(o) = ty.as_obj() else { return false };
    let Some(td) = o.as_type() else { return false };
    if !super::is_simple_meta(type_ref(ty)) {
        return false;
    }
    let simple = classes().simple.clone();
    match td.bases.borrow().first() {
        Some(b) => !std::ptr::eq(&**b, simple.as_obj().unwrap()),
        None => false,
    }
}

/// CPython's `_PyCData_set`: store `value` at `ptr` as a `ty`; returns what
/// to keep alive.
pub fn cdata_set_raw(vm: &mut Vm, ty: &Value, code_override: u8, value: &Value, size: usize, ptr: *mut u8) -> PyResult<Keep> {
    if code_override != 0 {
        // SAFETY: `ptr` lies inside memory the caller keeps alive.
        return unsafe { stg::set_value(vm, code_override, false, ptr, value, size) };
    }
    let vstg = cdata_stg(value);
    let tstg = stg::stg_of_value(ty);
    let Some(_vs) = vstg else {
        if let Some(ts) = &tstg {
            if ts.kind == Kind::Simple {
                // SAFETY: as above.
                return unsafe { stg::set_value(vm, ts.code, ts.swapped, ptr, value, size) };
            }
        }
        if value.as_tuple().is_some() {
            let ob = match vm.call(ty, value.as_tuple().unwrap()) {
                Ok(o) => o,
                Err(e) => return Err(extend_error(vm, &types().exc.runtime_error, &format!("({}) ", type_name(ty)), &e)),
            };
            return cdata_set_raw(vm, ty, 0, &ob, size, ptr);
        }
        if value.is_none() && tstg.as_ref().map_or(false, |s| s.kind == Kind::Pointer) {
            // SAFETY: a pointer field.
            unsafe { stg::write_ptr(ptr, 0) };
            return Ok(Keep::none());
        }
        return Err(PyErr::type_error(format!("expected {} instance, got {}", type_name(ty), tname(value))));
    };
    if vm.isinstance(value, ty)? {
        let (src, n) = cdata_mem(value).unwrap();
        // SAFETY: both blocks are valid for `size` bytes (same type).
        unsafe { std::ptr::copy(src, ptr, size.min(n)) };
        return Ok(Keep::value(kept_objects(value)));
    }
    if let (Some(ts), Some(vs)) = (&tstg, cdata_stg(value)) {
        if ts.kind == Kind::Pointer && vs.kind == Kind::Array {
            if !vs.proto().is(&ts.proto()) {
                return Err(PyErr::type_error(format!("incompatible types, {} instance instead of {} instance", tname(value), type_name(ty))));
            }
            let (src, _) = cdata_mem(value).unwrap();
            // SAFETY: a pointer field.
            unsafe { stg::write_ptr(ptr, src as usize) };
            let keep = kept_objects(value);
            return Ok(Keep::value(Value::tuple(vec![keep, value.clone()])));
        }
    }
    Err(PyErr::type_error(format!("incompatible types, {} instance instead of {} instance", tname(value), type_name(ty))))
}

/// CPython's `PyCData_set`: store and keep alive.
pub fn cdata_set(vm: &mut Vm, dst: &Value, ty: &Value, code_override: u8, value: &Value, index: isize, size: usize, ptr: *mut u8) -> PyResult<()> {
    if !is_cdata(dst) {
        return Err(PyErr::type_error("not a ctype instance"));
    }
    let keep = cdata_set_raw(vm, ty, code_override, value, size, ptr)?;
    keep_ref(vm, dst, index, keep)
}

pub fn type_name(ty: &Value) -> String {
    match ty.as_obj().and_then(|o| o.as_type()) {
        Some(td) => td.name.borrow().clone(),
        None => tname(ty),
    }
}

/// `exc_type(prefix + "OrigType: message")`, as `_ctypes_extend_error`.
pub fn extend_error(vm: &mut Vm, exc_type: &Value, prefix: &str, e: &PyErr) -> PyErr {
    let cls = type_of(&e.exc);
    let cname = type_name(&cls);
    let msg = match vm.str_string(&e.exc) {
        Ok(s) => format!("{prefix}{cname}: {s}"),
        Err(_) => format!("{prefix}{cname}"),
    };
    PyErr::new(exc_type, msg)
}

// ------------------------------------------------------------ CArgObject

/// What `byref()` and `from_param()` return: a C value ready to be passed.
pub struct CArg {
    pub tag: u8,
    pub ffi: *mut ffi::ffi_type,
    /// The value (a scalar, or a pointer), little-endian.
    pub value: [u64; 2],
    /// A structure passed by value.
    pub big: Option<Box<[u8]>>,
    /// Kept alive while the argument is.
    pub obj: Value,
    pub hidden: Option<Box<[u8]>>,
    pub stg: Option<Rc<StgInfo>>,
}

impl NativeData for CArg {
    fn traverse(&self, f: &mut dyn FnMut(&Value)) {
        f(&self.obj)
    }
    fn clear(&mut self, out: &mut Vec<Value>) {
        out.push(std::mem::replace(&mut self.obj, Value::NONE))
    }
}

impl CArg {
    pub fn new(tag: u8, ffi: *mut ffi::ffi_type) -> CArg {
        CArg { tag, ffi, value: [0; 2], big: None, obj: Value::NONE, hidden: None, stg: None }
    }
    pub fn pointer(p: usize, obj: Value) -> CArg {
        let mut a = CArg::new(b'P', stg::ffi_pointer());
        a.value[0] = p as u64;
        a.obj = obj;
        a
    }
}

pub fn new_carg(a: CArg) -> Value {
    new_opaque(&classes().carg, a)
}

pub fn with_carg<R>(v: &Value, f: impl FnOnce(&mut CArg) -> R) -> Option<R> {
    with_opaque::<CArg, R>(v, f)
}

fn carg_repr(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let v = &args[0];
    let s = with_carg(v, |a| {
        let t = a.tag as char;
        match a.tag {
            b'b' => format!("<cparam '{t}' ({})>", a.value[0] as u8 as i8),
            b'B' => format!("<cparam '{t}' ({})>", a.value[0] as u8),
            b'h' => format!("<cparam '{t}' ({})>", a.value[0] as u16 as i16),
            b'H' => format!("<cparam '{t}' ({})>", a.value[0] as u16),
            b'i' => format!("<cparam '{t}' ({})>", a.value[0] as u32 as i32),
            b'I' => format!("<cparam '{t}' ({})>", a.value[0] as u32),
            b'l' | b'q' => format!("<cparam '{t}' ({})>", a.value[0] as i64),
            b'L' | b'Q' => format!("<cparam '{t}' ({})>", a.value[0]),
            b'd' => format!("<cparam '{t}' ({})>", crate::text::float_repr::float_repr(f64::from_bits(a.value[0]))),
            b'f' => format!("<cparam '{t}' ({})>", crate::text::float_repr::float_repr(f32::from_bits(a.value[0] as u32) as f64)),
            b'c' => {
                let c = a.value[0] as u8;
                if c.is_ascii_graphic() || c == b' ' {
                    format!("<cparam '{t}' ('{}')>", c as char)
                } else {
                    format!("<cparam '{t}' ('\\x{:02x}')>", c)
                }
            }
            b'z' | b'Z' | b'P' => format!("<cparam '{t}' ({:#x})>", a.value[0]),
            _ => format!("<cparam '{t}' at {:#x}>", v.id()),
        }
    });
    Ok(Value::string(s.unwrap_or_default()))
}

fn carg_obj(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(with_carg(&args[0], |a| a.obj.clone()).unwrap_or(Value::NONE))
}

pub fn make_carg_type() -> Value {
    let t = crate::modules::native::new_type("_ctypes", "CArgObject", None);
    crate::types::add_method(&t, "__repr__", carg_repr);
    crate::types::add_getset(&t, "_obj", carg_obj, None);
    t
}

// ------------------------------------------------------------ the _CData base class

fn cdata_from_outparam(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn cdata_b_base(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(with_cdata(&args[0], |c| c.base.clone()).unwrap_or(Value::NONE))
}

fn cdata_b_needsfree(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(Value::int(with_cdata(&args[0], |c| c.owned as i64).unwrap_or(0)))
}

fn cdata_objects(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let o = with_cdata(&args[0], |c| c.objects.clone()).unwrap_or(Value::NONE);
    Ok(if o.is_null() { Value::NONE } else { o })
}

fn cdata_hash(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let _ = args;
    Err(PyErr::type_error("unhashable type"))
}

/// The bytes of a ctypes instance.
pub fn cdata_bytes(v: &Value) -> Option<Vec<u8>> {
    let (p, n) = cdata_mem(v)?;
    // SAFETY: the instance's memory is valid for its size while `v` lives.
    Some(unsafe { std::slice::from_raw_parts(p, n) }.to_vec())
}

fn cdata_reduce(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let me = &args[0];
    let stg = cdata_stg(me).ok_or_else(|| PyErr::type_error("not a ctypes instance"))?;
    if stg.flags.get() & (stg::TYPEFLAG_ISPOINTER | stg::TYPEFLAG_HASPOINTER) != 0 {
        return Err(PyErr::value_error("ctypes objects containing pointers cannot be pickled"));
    }
    let d = match me.as_obj().and_then(|o| o.dict.borrow().clone()) {
        Some(d) => d,
        None => dict::new_dict(),
    };
    let data = Value::bytes(cdata_bytes(me).unwrap_or_default());
    let m = crate::import::import_module(vm, "_ctypes")?;
    let unpickle = vm.getattr_str(&m, "_unpickle")?;
    Ok(Value::tuple(vec![unpickle, Value::tuple(vec![type_of(me), Value::tuple(vec![d, data])])]))
}

fn cdata_setstate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("__setstate__", &args[1..], &[], 2, 2)?;
    let me = &args[0];
    let d = &args[1];
    if d.as_dict().is_none() {
        return Err(PyErr::type_error(format!("__setstate__() argument 1 must be dict, not {}", tname(d))));
    }
    let Some(data) = args[2].as_bytes().map(|b| b.to_vec()) else {
        return Err(PyErr::type_error(format!("__setstate__() argument 2 must be bytes, not {}", tname(&args[2]))));
    };
    let (p, n) = cdata_mem(me).ok_or_else(|| PyErr::type_error("not a ctypes instance"))?;
    // SAFETY: at most the instance's size is written.
    unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), p, data.len().min(n)) };
    let md = vm.getattr_str(me, "__dict__")?;
    vm.call_method(&md, "update", &[d.clone()])?;
    Ok(Value::NONE)
}

/// `_ctypes._unpickle(type, state)`.
pub fn unpickle(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("_unpickle", args, kw, 2, 2)?;
    let typ = &args[0];
    let new = vm.getattr_str(typ, "__new__")?;
    let obj = vm.call(&new, &[typ.clone()])?;
    let st = vm.getattr_str(&obj, "__setstate__")?;
    let state = vm.collect(&args[1])?;
    vm.call(&st, &state)?;
    Ok(obj)
}

pub fn make_cdata_type() -> Value {
    let t = crate::modules::native::new_type("_ctypes", "_CData", None);
    crate::types::add_method(&t, "__ctypes_from_outparam__", cdata_from_outparam);
    crate::types::add_method(&t, "__reduce__", cdata_reduce);
    crate::types::add_method(&t, "__setstate__", cdata_setstate);
    crate::types::add_method(&t, "__hash__", cdata_hash);
    crate::types::add_getset(&t, "_b_base_", cdata_b_base, None);
    crate::types::add_getset(&t, "_b_needsfree_", cdata_b_needsfree, None);
    crate::types::add_getset(&t, "_objects", cdata_objects, None);
    t
}

// ------------------------------------------------------------ metaclass methods

fn meta_self(args: &[Value]) -> PyResult<(Value, Rc<StgInfo>)> {
    let cls = args.first().cloned().unwrap_or(Value::NONE);
    let stg = stg::stg_of_value(&cls).ok_or_else(|| PyErr::type_error("abstract class"))?;
    Ok((cls, stg))
}

fn meta_from_address(_vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("from_address", &args[1..], kw, 1, 1)?;
    let a = &args[1];
    if !a.is_int() {
        return Err(PyErr::type_error("integer expected"));
    }
    let (cls, stg) = meta_self(args)?;
    let p = stg::int_as_pointer(a)?;
    Ok(at_address(&cls, &stg, p as *mut u8))
}

fn meta_from_buffer(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_c, obj, offset] = crate::args::bind("from_buffer", args, kw, &["cls", "obj", "offset=", "/"])?;
    let obj = obj.unwrap();
    let offset = match offset {
        Some(o) => vm.index_value(&o)?,
        None => 0,
    };
    let (cls, stg) = meta_self(args)?;
    // A writable buffer: a bytearray, or another ctypes instance.
    let (ptr, len, keep) = if let Some(crate::object::Payload::ByteArray(b)) = obj.as_obj().map(|o| &o.payload) {
        let mv = vm.call(&types().memoryview, &[obj.clone()])?;
        let mut bb = b.borrow_mut();
        (bb.as_mut_ptr(), bb.len(), mv)
    } else if let Some((p, n)) = cdata_mem(&obj) {
        (p, n, obj.clone())
    } else if matches!(obj.as_obj().map(|o| &o.payload), Some(crate::object::Payload::Bytes(_))) {
        return Err(PyErr::type_error("underlying buffer is not writable"));
    } else if let Some(crate::object::Payload::MemoryView(m)) = obj.as_obj().map(|o| &o.payload) {
        let m = m.borrow();
        match m.obj.as_obj().map(|o| &o.payload) {
            Some(crate::object::Payload::ByteArray(b)) => {
                let mut bb = b.borrow_mut();
                let start = m.start.min(bb.len());
                // SAFETY: start is within the bytearray.
                (unsafe { bb.as_mut_ptr().add(start) }, m.len.min(bb.len() - start), obj.clone())
            }
            _ => return Err(PyErr::type_error("underlying buffer is not writable")),
        }
    } else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", tname(&obj))));
    };
    if offset < 0 {
        return Err(PyErr::value_error("offset cannot be negative"));
    }
    let offset = offset as usize;
    if stg.size + offset > len {
        return Err(PyErr::value_error(format!("Buffer size too small ({} instead of at least {} bytes)", len, stg.size + offset)));
    }
    // SAFETY: offset + size is within the buffer.
    let r = at_address(&cls, &stg, unsafe { ptr.add(offset) });
    keep_ref(vm, &r, -1, Keep::value(keep))?;
    Ok(r)
}

fn meta_from_buffer_copy(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    let [_c, obj, offset] = crate::args::bind("from_buffer_copy", args, kw, &["cls", "obj", "offset=", "/"])?;
    let obj = obj.unwrap();
    let offset = match offset {
        Some(o) => vm.index_value(&o)?,
        None => 0,
    };
    let (cls, stg) = meta_self(args)?;
    let data = match cdata_bytes(&obj) {
        Some(d) => d,
        None => crate::types::bytes::buffer_bytes(&obj)
            .ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", tname(&obj))))?,
    };
    if offset < 0 {
        return Err(PyErr::value_error("offset cannot be negative"));
    }
    let offset = offset as usize;
    if stg.size + offset > data.len() {
        return Err(PyErr::value_error(format!("Buffer size too small ({} instead of at least {} bytes)", data.len(), stg.size + offset)));
    }
    let r = alloc_instance(&cls, &stg);
    let (p, _) = cdata_mem(&r).unwrap();
    // SAFETY: checked sizes.
    unsafe { std::ptr::copy_nonoverlapping(data.as_ptr().add(offset), p, stg.size) };
    Ok(r)
}

fn meta_in_dll(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("in_dll", &args[1..], kw, 2, 2)?;
    let (cls, stg) = meta_self(args)?;
    let dll = &args[1];
    let name = args[2].as_str().ok_or_else(|| PyErr::type_error(format!("in_dll() argument 2 must be str, not {}", tname(&args[2]))))?.to_string();
    let h = vm.getattr_str(dll, "_handle")?;
    if !h.is_int() {
        return Err(PyErr::type_error("the _handle attribute of the second argument must be an integer"));
    }
    let handle = stg::int_as_pointer(&h)?;
    let addr = super::dll::sym(handle, &name);
    match addr {
        Some(a) => Ok(at_address(&cls, &stg, a as *mut u8)),
        None => Err(PyErr::value_error(super::dll::dl_error(&format!("symbol '{name}' not found")))),
    }
}

/// `cls * n` and `n * cls`: the array type.
fn meta_mul(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let cls = &args[0];
    let n = &args[1];
    if !n.is_int() && crate::types::lookup(type_ref(n), "__index__").is_none() {
        return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", tname(n))));
    }
    let len = vm.index_value(n)?;
    if len < 0 {
        return Err(PyErr::value_error(format!("Array length must be >= 0, not {len}")));
    }
    super::array::array_type_for(vm, cls, len as usize)
}

/// CPython's `CDataType_from_param` (Structure, Union, Array, pointers).
pub fn generic_from_param(vm: &mut Vm, cls: &Value, value: &Value) -> PyResult<Value> {
    if vm.isinstance(value, cls)? {
        return Ok(value.clone());
    }
    if let Some(ob) = with_carg(value, |a| a.obj.clone()) {
        // byref(x): acceptable when x is an instance of the target type.
        let proto = stg::stg_of_value(cls).map(|s| s.proto()).unwrap_or(Value::NULL);
        if !proto.is_null() && !ob.is_none() && proto.as_obj().and_then(|o| o.as_type()).is_some() && vm.isinstance(&ob, &proto)? {
            return Ok(value.clone());
        }
        return Err(PyErr::type_error(format!("expected {} instance instead of pointer to {}", type_name(cls), tname(&ob))));
    }
    if let Some(ap) = as_parameter(vm, value)? {
        return nested(vm, |vm| generic_from_param(vm, cls, &ap));
    }
    Err(PyErr::type_error(format!("expected {} instance instead of {}", type_name(cls), tname(value))))
}

/// Run `f` one level deeper (conversions through `_as_parameter_` may loop).
pub fn nested<R>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> PyResult<R>) -> PyResult<R> {
    if vm.enter_call().is_err() {
        return Err(PyErr::recursion_error("maximum recursion depth exceeded while processing _as_parameter_"));
    }
    let r = f(vm);
    vm.leave_call();
    r
}

/// `value._as_parameter_`, if it has one.
pub fn as_parameter(vm: &mut Vm, value: &Value) -> PyResult<Option<Value>> {
    if value.is_small_int() || value.is_float() || value.is_none() {
        return Ok(None);
    }
    let n = crate::types::str::intern("_as_parameter_");
    vm.getattr_opt(value, &n)
}

fn meta_from_param(vm: &mut Vm, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::args::check_arity("from_param", &args[1..], kw, 1, 1)?;
    let cls = &args[0];
    let value = &args[1];
    let kind = stg::stg_of_value(cls).map(|s| s.kind);
    match kind {
        Some(Kind::Pointer) => super::pointer::pointer_from_param(vm, cls, value),
        Some(Kind::Simple) => super::simple::simple_from_param(vm, cls, value),
        _ => generic_from_param(vm, cls, value),
    }
}

pub fn add_meta_methods(meta: &Value) {
    use crate::types::add_method;
    add_method(meta, "from_address", meta_from_address);
    add_method(meta, "from_buffer", meta_from_buffer);
    add_method(meta, "from_buffer_copy", meta_from_buffer_copy);
    add_method(meta, "in_dll", meta_in_dll);
    add_method(meta, "from_param", meta_from_param);
    add_method(meta, "__mul__", meta_mul);
    add_method(meta, "__rmul__", meta_mul);
}

pub fn check_classes(_c: &Classes) {}
