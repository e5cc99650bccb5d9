//! Storage information of ctypes classes ("StgInfo", CPython's StgDict):
//! size, alignment, libffi type, the format code of simple types, the item
//! or target type of arrays and pointers, and the prototype of function
//! pointer types. Kept in a side table keyed by the class object's address
//! (a `Weak` in each entry keeps the address from being reused while the
//! entry exists), so a class lookup is one hash probe.
//!
//! Also here: reading and writing C values of every simple format code
//! (CPython's "field descriptors": `getfunc`/`setfunc`), with bit fields
//! and swapped byte order.

use crate::gil::GilCell;
use crate::object::PyObject;
use crate::types::type_ref;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use libffi::raw as ffi;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Simple,
    Struct,
    Union,
    Array,
    Pointer,
    FuncPtr,
}

pub const TYPEFLAG_ISPOINTER: u32 = 0x100;
pub const TYPEFLAG_HASPOINTER: u32 = 0x200;
pub const TYPEFLAG_HASUNION: u32 = 0x400;
pub const TYPEFLAG_HASBITFIELD: u32 = 0x800;

pub const FUNCFLAG_CDECL: u32 = 0x1;
pub const FUNCFLAG_PYTHONAPI: u32 = 0x4;
pub const FUNCFLAG_USE_ERRNO: u32 = 0x8;
pub const FUNCFLAG_USE_LASTERROR: u32 = 0x10;

/// The `_type_` codes a simple class may name.
pub const SIMPLE_TYPE_CHARS: &str = "cbBhHiIlLdfuzZqQPXOv?g";

/// A libffi type: one of libffi's static ones, or an aggregate we own.
pub enum Ffi {
    Static(*mut ffi::ffi_type),
    Owned(Box<FfiAgg>),
}

/// An aggregate libffi type (a struct, or an array laid out as a struct);
/// `keep` holds the element types' owners.
pub struct FfiAgg {
    pub ty: ffi::ffi_type,
    pub elements: Vec<*mut ffi::ffi_type>,
    pub keep: Vec<Rc<StgInfo>>,
}

impl Ffi {
    pub fn ptr(&self) -> *mut ffi::ffi_type {
        match self {
            Ffi::Static(p) => *p,
            Ffi::Owned(b) => &b.ty as *const ffi::ffi_type as *mut ffi::ffi_type,
        }
    }

    /// An aggregate of `elements` (a null pointer is appended), with the
    /// given size and alignment (libffi keeps them: it lays out only
    /// aggregates whose size is 0).
    pub fn aggregate(elements: Vec<*mut ffi::ffi_type>, keep: Vec<Rc<StgInfo>>, size: usize, align: usize) -> Ffi {
        let mut agg = Box::new(FfiAgg { ty: Default::default(), elements, keep });
        agg.elements.push(std::ptr::null_mut());
        agg.ty.size = size;
        agg.ty.alignment = align as u16;
        agg.ty.type_ = ffi::FFI_TYPE_STRUCT as u16;
        agg.ty.elements = agg.elements.as_mut_ptr();
        Ffi::Owned(agg)
    }
}

/// Storage information of one ctypes class.
pub struct StgInfo {
    pub kind: Kind,
    pub size: usize,
    pub align: usize,
    /// Number of items (arrays), fields (structures), 1 (pointers).
    pub length: usize,
    /// Format code of simple types (`b'i'`, ...), else 0.
    pub code: u8,
    /// Simple types with the other byte order (`__ctype_be__`).
    pub swapped: bool,
    pub ffi: Ffi,
    /// Arrays: the item type; pointers: the target type (NULL while
    /// incomplete); simple types: the `_type_` string.
    pub proto: RefCell<Value>,
    pub flags: Cell<u32>,
    /// Instances exist or subclasses were made: `_fields_` may no longer change.
    pub final_: Cell<bool>,
    /// Function pointer types: `_argtypes_` (NULL if none), `_restype_`
    /// (NULL if none), `_restype_._check_retval_` and `_flags_`.
    pub argtypes: Value,
    pub restype: Value,
    pub checker: Value,
    pub fflags: u32,
    /// Structures built with `_pack_`/`_swappedbytes_`: for subclasses.
    pub big_endian: bool,
}

impl StgInfo {
    pub fn new(kind: Kind, size: usize, align: usize, ffi: Ffi) -> StgInfo {
        StgInfo {
            kind,
            size,
            align,
            length: 0,
            code: 0,
            swapped: false,
            ffi,
            proto: RefCell::new(Value::NULL),
            flags: Cell::new(0),
            final_: Cell::new(false),
            argtypes: Value::NULL,
            restype: Value::NULL,
            checker: Value::NULL,
            fflags: 0,
            big_endian: false,
        }
    }

    pub fn proto(&self) -> Value {
        self.proto.borrow().clone()
    }

    pub fn ffi_ptr(&self) -> *mut ffi::ffi_type {
        self.ffi.ptr()
    }
}

// ------------------------------------------------------------ the side table

struct Entry {
    _alive: Weak<PyObject>,
    info: Rc<StgInfo>,
}

struct Table {
    map: HashMap<usize, Entry, BuildAddrHasher>,
    purge_at: usize,
}

#[derive(Default, Clone, Copy)]
struct BuildAddrHasher;
#[derive(Default)]
struct AddrHasher(u64);
impl std::hash::Hasher for AddrHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x100000001b3);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (n as u64 >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}
impl std::hash::BuildHasher for BuildAddrHasher {
    type Hasher = AddrHasher;
    fn build_hasher(&self) -> AddrHasher {
        AddrHasher(0)
    }
}

static TABLE: GilCell<RefCell<Option<Table>>> = GilCell::new(RefCell::new(None));

/// The storage info of class `cls`, if it is a ctypes class with one.
#[inline]
pub fn stg_of_type(cls: &PyObject) -> Option<Rc<StgInfo>> {
    let key = cls as *const PyObject as usize;
    TABLE.with(|t| t.borrow().as_ref().and_then(|t| t.map.get(&key).map(|e| e.info.clone())))
}

pub fn stg_of_value(cls: &Value) -> Option<Rc<StgInfo>> {
    let o = cls.as_obj()?;
    o.as_type()?;
    stg_of_type(o)
}

/// The storage info of an instance's class.
pub fn stg_of_instance(v: &Value) -> Option<Rc<StgInfo>> {
    stg_of_type(type_ref(v))
}

/// Attach (or replace) the storage info of `cls`.
pub fn set_stg(cls: &Value, info: StgInfo) -> Rc<StgInfo> {
    let o = cls.to_obj().expect("set_stg on an immediate");
    let key = &*o as *const PyObject as usize;
    let info = Rc::new(info);
    let old = TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let t = t.get_or_insert_with(|| Table { map: HashMap::with_hasher(BuildAddrHasher), purge_at: 256 });
        let old = t.map.insert(key, Entry { _alive: Rc::downgrade(&o), info: info.clone() });
        let mut dead = Vec::new();
        if t.map.len() >= t.purge_at {
            let gone: Vec<usize> = t.map.iter().filter(|(_, e)| e._alive.strong_count() == 0).map(|(k, _)| *k).collect();
            for k in gone {
                if let Some(e) = t.map.remove(&k) {
                    dead.push(e);
                }
            }
            t.purge_at = (t.map.len() * 2).max(256);
        }
        (old, dead)
    });
    // Entries are dropped outside the table borrow (they may free Values).
    drop(old);
    info
}

// ------------------------------------------------------------ format codes

/// Size, alignment and libffi type of a simple format code.
pub fn code_info(code: u8) -> Option<(usize, usize, *mut ffi::ffi_type)> {
    // Addresses of libffi's static type descriptors.
    {
        Some(match code {
            b'b' => (1, 1, &raw mut ffi::ffi_type_sint8),
            b'B' => (1, 1, &raw mut ffi::ffi_type_uint8),
            b'c' => (1, 1, &raw mut ffi::ffi_type_sint8),
            b'?' => (1, 1, &raw mut ffi::ffi_type_uint8),
            b'h' | b'v' => (2, 2, &raw mut ffi::ffi_type_sint16),
            b'H' => (2, 2, &raw mut ffi::ffi_type_uint16),
            b'i' => (4, 4, &raw mut ffi::ffi_type_sint32),
            b'I' => (4, 4, &raw mut ffi::ffi_type_uint32),
            b'u' => (4, 4, &raw mut ffi::ffi_type_sint32),
            b'l' | b'q' => (8, 8, &raw mut ffi::ffi_type_sint64),
            b'L' | b'Q' => (8, 8, &raw mut ffi::ffi_type_uint64),
            b'f' => (4, 4, &raw mut ffi::ffi_type_float),
            b'd' => (8, 8, &raw mut ffi::ffi_type_double),
            b'g' => (16, 16, &raw mut ffi::ffi_type_longdouble),
            b'z' | b'Z' | b'P' | b'O' => (8, 8, &raw mut ffi::ffi_type_pointer),
            _ => return None,
        })
    }
}

pub fn ffi_pointer() -> *mut ffi::ffi_type {
    &raw mut ffi::ffi_type_pointer
}

pub fn ffi_void() -> *mut ffi::ffi_type {
    &raw mut ffi::ffi_type_void
}

pub fn ffi_sint() -> *mut ffi::ffi_type {
    &raw mut ffi::ffi_type_sint32
}

/// Codes whose values have a swapped-byte-order variant.
pub fn has_swapped(code: u8) -> bool {
    matches!(code, b'h' | b'H' | b'i' | b'I' | b'l' | b'L' | b'q' | b'Q' | b'f' | b'd')
}

pub fn is_int_code(code: u8) -> bool {
    matches!(code, b'b' | b'B' | b'h' | b'H' | b'i' | b'I' | b'l' | b'L' | b'q' | b'Q' | b'?' | b'c' | b'u')
}

fn signed_code(code: u8) -> bool {
    matches!(code, b'b' | b'h' | b'i' | b'l' | b'q' | b'c' | b'u')
}

// ------------------------------------------------------------ conversions

pub(crate) fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

/// The low 64 bits of an int (two's complement), as `PyLong_AsUnsignedLongLongMask`.
pub fn int_mask(v: &Value) -> Option<u64> {
    if let Some(i) = v.as_small_int() {
        return Some(i as u64);
    }
    if v.is_bool() {
        return Some(v.is_true_singleton() as u64);
    }
    let b = v.as_bigint_ref()?;
    if let Some(i) = b.to_i64() {
        return Some(i as u64);
    }
    let m: BigInt = b & BigInt::from(u64::MAX);
    m.to_u64()
}

/// `operator.index(v)` reduced to its low 64 bits (CPython's integer setters).
pub fn index_mask(vm: &mut Vm, v: &Value) -> PyResult<u64> {
    if let Some(m) = int_mask(v) {
        return Ok(m);
    }
    match crate::types::lookup(type_ref(v), "__index__") {
        Some(f) => {
            let r = vm.call(&f, &[v.clone()])?;
            if !r.is_int() {
                return Err(PyErr::type_error(format!("__index__ returned non-int (type {})", tname(&r))));
            }
            Ok(int_mask(&r).unwrap_or(0))
        }
        None => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tname(v)))),
    }
}

/// `PyFloat_AsDouble`: floats, `__float__`, then `__index__`.
pub fn as_double(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = crate::types::float::float_of(v) {
        return Ok(f);
    }
    if let Some(i) = v.as_small_int() {
        return Ok(i as f64);
    }
    if v.is_int() {
        return crate::types::int::bigint_to_f64(&v.to_bigint().unwrap_or_default());
    }
    let tr = type_ref(v);
    if let Some(f) = crate::types::lookup(tr, "__float__") {
        let r = vm.call(&f, &[v.clone()])?;
        return match crate::types::float::float_of(&r) {
            Some(x) => Ok(x),
            None => Err(PyErr::type_error(format!("{}.__float__ returned non-float (type {})", tname(v), tname(&r)))),
        };
    }
    if crate::types::lookup(tr, "__index__").is_some() {
        let i = vm.index_value(v);
        return match i {
            Ok(i) => Ok(i as f64),
            Err(e) => Err(e),
        };
    }
    Err(PyErr::type_error(format!("must be real number, not {}", tname(v))))
}

/// `PyLong_AsVoidPtr` for an int value.
pub fn int_as_pointer(v: &Value) -> PyResult<usize> {
    if let Some(i) = v.as_i64() {
        return Ok(i as usize);
    }
    if let Some(b) = v.as_bigint_ref() {
        if let Some(u) = b.to_u64() {
            return Ok(u as usize);
        }
    }
    Err(PyErr::overflow("int too big to convert"))
}

pub fn pointer_value(p: usize) -> Value {
    if p <= i64::MAX as usize {
        Value::int(p as i64)
    } else {
        Value::bigint(BigInt::from(p as u64))
    }
}

// ------------------------------------------------------------ long double

/// An f64 as the x87 80-bit extended format (16 bytes, little-endian).
pub fn f64_to_f80(x: f64) -> [u8; 16] {
    let bits = x.to_bits();
    let sign = (bits >> 63) as u16;
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (e80, mant): (u16, u64) = if exp == 0 {
        if frac == 0 {
            (0, 0)
        } else {
            // Subnormal f64 (frac * 2^-1074): normalise the mantissa.
            let s = frac.leading_zeros() as i32;
            ((15372 - s) as u16, frac << s)
        }
    } else if exp == 0x7ff {
        (0x7fff, (1u64 << 63) | (frac << 11))
    } else {
        ((exp - 1023 + 16383) as u16, (1u64 << 63) | (frac << 11))
    };
    let mut out = [0u8; 16];
    out[..8].copy_from_slice(&mant.to_le_bytes());
    out[8..10].copy_from_slice(&((sign << 15) | e80).to_le_bytes());
    out
}

/// The x87 80-bit extended value at `b` as the nearest f64.
pub fn f80_to_f64(b: &[u8]) -> f64 {
    let mant = u64::from_le_bytes(b[..8].try_into().unwrap());
    let se = u16::from_le_bytes([b[8], b[9]]);
    let sign = if se & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = (se & 0x7fff) as i32;
    if exp == 0 && mant == 0 {
        return sign * 0.0;
    }
    if exp == 0x7fff {
        return if mant << 1 == 0 { sign * f64::INFINITY } else { f64::NAN };
    }
    // value = mant * 2^(exp - 16383 - 63)
    let e = exp - 16383 - 63;
    sign * crate::types::int_methods::ldexp_exact(mant as f64, e)
}

// ------------------------------------------------------------ raw memory

/// Read `n` bytes (1..=8) at `p` as a little-endian u64 (with `swapped`, big-endian).
///
/// # Safety
/// `p` must be valid for `n` bytes.
pub unsafe fn read_uint(p: *const u8, n: usize, swapped: bool) -> u64 {
    let mut w = [0u8; 8];
    std::ptr::copy_nonoverlapping(p, w.as_mut_ptr(), n);
    if swapped {
        w[..n].reverse();
    }
    u64::from_le_bytes(w)
}

/// # Safety
/// `p` must be valid for `n` bytes.
pub unsafe fn write_uint(p: *mut u8, n: usize, v: u64, swapped: bool) {
    let mut w = v.to_le_bytes();
    if swapped {
        w[..n].reverse();
    }
    std::ptr::copy_nonoverlapping(w.as_ptr(), p, n);
}

/// # Safety
/// `p` must be valid for a pointer read.
pub unsafe fn read_ptr(p: *const u8) -> usize {
    std::ptr::read_unaligned(p as *const usize)
}

/// # Safety
/// `p` must be valid for a pointer write.
pub unsafe fn write_ptr(p: *mut u8, v: usize) {
    std::ptr::write_unaligned(p as *mut usize, v)
}

/// Bit field position of a CField `size` (CPython encodes bits << 16 | offset).
#[inline]
pub fn bitfield(size: usize) -> Option<(u32, u32)> {
    let bits = (size >> 16) as u32;
    if bits == 0 {
        None
    } else {
        Some((bits, (size & 0xffff) as u32))
    }
}

fn sign_extend(v: u64, nbytes: usize) -> i64 {
    let shift = 64 - nbytes * 8;
    ((v << shift) as i64) >> shift
}

/// A value to keep alive with the memory just written (CPython's setfunc
/// result): `visible` is what `_objects` shows, `hidden` a NUL-terminated
/// buffer the memory points into.
pub struct Keep {
    pub visible: Value,
    pub hidden: Option<Box<[u8]>>,
}

impl Keep {
    pub fn none() -> Keep {
        Keep { visible: Value::NONE, hidden: None }
    }
    pub fn value(v: Value) -> Keep {
        Keep { visible: v, hidden: None }
    }
}

/// NUL-terminated copies of the bytes (char) and str (wchar_t) objects whose
/// address was handed to C, keyed by object address: a copy lives as long
/// as its object, as a pointer into a CPython bytes object does. (Krait's
/// bytes are not NUL-terminated.)
struct Mirror {
    alive: Weak<PyObject>,
    buf: Box<[u8]>,
}

struct Mirrors {
    map: HashMap<usize, Mirror, BuildAddrHasher>,
    purge_at: usize,
}

static MIRRORS: GilCell<RefCell<Option<Mirrors>>> = GilCell::new(RefCell::new(None));

/// The address of a NUL-terminated copy of bytes `v` (or of the wchar_t
/// form of str `v`), valid while `v` lives.
pub fn mirror_ptr(v: &Value) -> Option<usize> {
    let o = v.to_obj()?;
    let key = &*o as *const PyObject as usize;
    let hit = MIRRORS.with(|m| m.borrow().as_ref().and_then(|m| m.map.get(&key).map(|e| e.buf.as_ptr() as usize)));
    if hit.is_some() {
        return hit;
    }
    let buf = if let Some(b) = v.as_bytes() {
        c_string(b)
    } else if let Some(s) = v.as_str() {
        wide_string(s)
    } else {
        return None;
    };
    let p = buf.as_ptr() as usize;
    let dead = MIRRORS.with(|m| {
        let mut m = m.borrow_mut();
        let m = m.get_or_insert_with(|| Mirrors { map: HashMap::with_hasher(BuildAddrHasher), purge_at: 1024 });
        m.map.insert(key, Mirror { alive: Rc::downgrade(&o), buf });
        let mut dead = Vec::new();
        if m.map.len() >= m.purge_at {
            let gone: Vec<usize> = m.map.iter().filter(|(_, e)| e.alive.strong_count() == 0).map(|(k, _)| *k).collect();
            for k in gone {
                if let Some(e) = m.map.remove(&k) {
                    dead.push(e);
                }
            }
            m.purge_at = (m.map.len() * 2).max(1024);
        }
        dead
    });
    drop(dead);
    Some(p)
}

/// A NUL-terminated copy of `b`.
pub fn c_string(b: &[u8]) -> Box<[u8]> {
    let mut v = Vec::with_capacity(b.len() + 1);
    v.extend_from_slice(b);
    v.push(0);
    v.into_boxed_slice()
}

/// A NUL-terminated wchar_t (UCS-4) copy of `s`, as bytes.
pub fn wide_string(s: &str) -> Box<[u8]> {
    let mut v = Vec::with_capacity((s.len() + 1) * 4);
    for c in s.chars() {
        v.extend_from_slice(&(c as u32).to_le_bytes());
    }
    v.extend_from_slice(&[0, 0, 0, 0]);
    v.into_boxed_slice()
}

/// The C string at `p` (up to its NUL).
///
/// # Safety
/// `p` must point to a NUL-terminated string.
pub unsafe fn read_c_string(p: *const u8) -> Vec<u8> {
    let n = libc::strlen(p as *const libc::c_char);
    std::slice::from_raw_parts(p, n).to_vec()
}

/// The wide string at `p` (up to its NUL).
///
/// # Safety
/// `p` must point to a NUL-terminated wchar_t string.
pub unsafe fn read_wide_string(p: *const u8) -> PyResult<String> {
    let mut out = String::new();
    let mut q = p as *const u32;
    loop {
        let c = std::ptr::read_unaligned(q);
        if c == 0 {
            break;
        }
        out.push(wchar_to_char(c)?);
        q = q.add(1);
    }
    Ok(out)
}

pub fn wchar_to_char(c: u32) -> PyResult<char> {
    char::from_u32(c).ok_or_else(|| {
        if c > 0x10ffff {
            PyErr::value_error(format!("character U+{c:x} is not in range [U+0000; U+10ffff]"))
        } else {
            PyErr::value_error(format!("character U+{c:x} is a surrogate (not supported by Krait's str)"))
        }
    })
}

/// Wide chars of `n` wchar_t at `p` (stopping at none).
///
/// # Safety
/// `p` must be valid for `n` wchar_t.
pub unsafe fn read_wide_n(p: *const u8, n: usize) -> PyResult<String> {
    let mut out = String::new();
    for i in 0..n {
        let c = std::ptr::read_unaligned((p as *const u32).add(i));
        out.push(wchar_to_char(c)?);
    }
    Ok(out)
}

/// CPython's getfunc: the Python value of the C value at `p`.
/// `size` is the CField size (bit field encoded) or the type size.
///
/// # Safety
/// `p` must be valid for the value's size.
pub unsafe fn get_value(code: u8, swapped: bool, p: *const u8, size: usize) -> PyResult<Value> {
    let bf = bitfield(size);
    Ok(match code {
        b'?' => Value::bool(*p != 0),
        // VARIANT_BOOL: a short, true when nonzero.
        b'v' => Value::bool(read_uint(p, 2, false) != 0),
        b'b' | b'B' | b'h' | b'H' | b'i' | b'I' | b'l' | b'L' | b'q' | b'Q' => {
            let n = code_info(code).unwrap().0;
            let raw = read_uint(p, n, swapped);
            let signed = signed_code(code);
            let v: i128 = match bf {
                Some((bits, low)) => {
                    let up = raw << (64 - low - bits);
                    if signed {
                        ((up as i64) >> (64 - bits)) as i128
                    } else {
                        (up >> (64 - bits)) as i128
                    }
                }
                None => {
                    if signed {
                        sign_extend(raw, n) as i128
                    } else {
                        raw as i128
                    }
                }
            };
            if let Ok(i) = i64::try_from(v) {
                Value::int(i)
            } else {
                Value::bigint(BigInt::from(v))
            }
        }
        b'c' => Value::bytes(vec![*p]),
        b'u' => {
            let c = read_uint(p, 4, false) as u32;
            crate::types::str::char_value(wchar_to_char(c)?)
        }
        b'f' => {
            let raw = read_uint(p, 4, swapped) as u32;
            Value::float(f32::from_bits(raw) as f64)
        }
        b'd' => {
            let raw = read_uint(p, 8, swapped);
            Value::float(f64::from_bits(raw))
        }
        b'g' => Value::float(f80_to_f64(std::slice::from_raw_parts(p, 10))),
        b'z' => {
            let q = read_ptr(p);
            if q == 0 {
                Value::NONE
            } else {
                Value::bytes(read_c_string(q as *const u8))
            }
        }
        b'Z' => {
            let q = read_ptr(p);
            if q == 0 {
                Value::NONE
            } else {
                Value::string(read_wide_string(q as *const u8)?)
            }
        }
        b'P' => {
            let q = read_ptr(p);
            if q == 0 {
                Value::NONE
            } else {
                pointer_value(q)
            }
        }
        b'O' => {
            let bits = read_ptr(p) as u64;
            if bits == 0 {
                return Err(PyErr::value_error("PyObject is NULL"));
            }
            // SAFETY: the memory holds the bits of a Value kept alive by `_objects`.
            let v = std::mem::ManuallyDrop::new(std::mem::transmute::<u64, Value>(bits));
            (*v).clone()
        }
        // Char array fields: bytes up to the first NUL.
        b's' => {
            let b = std::slice::from_raw_parts(p, size);
            let n = b.iter().position(|&c| c == 0).unwrap_or(size);
            Value::bytes(b[..n].to_vec())
        }
        b'U' => {
            let n = size / 4;
            let mut s = String::new();
            for i in 0..n {
                let c = std::ptr::read_unaligned((p as *const u32).add(i));
                if c == 0 {
                    break;
                }
                s.push(wchar_to_char(c)?);
            }
            Value::string(s)
        }
        _ => Value::NONE,
    })
}

/// Store an integer of `code`'s width at `p`, into bit field `bf` if any.
///
/// # Safety
/// `p` must be valid for the value's size.
pub unsafe fn store_int(code: u8, swapped: bool, p: *mut u8, size: usize, v: u64) {
    let n = code_info(code).map_or(8, |c| c.0);
    match bitfield(size) {
        None => write_uint(p, n, v, swapped),
        Some((bits, low)) => {
            let old = read_uint(p, n, swapped);
            let mask: u64 = if bits >= 64 { u64::MAX } else { ((1u64 << bits) - 1) << low };
            let new = (old & !mask) | ((v << low) & mask);
            write_uint(p, n, new, swapped)
        }
    }
}

/// CPython's setfunc: store `value` at `p` as a C value of `code`.
///
/// # Safety
/// `p` must be valid for the value's size.
pub unsafe fn set_value(vm: &mut Vm, code: u8, swapped: bool, p: *mut u8, value: &Value, size: usize) -> PyResult<Keep> {
    match code {
        b'b' | b'B' | b'h' | b'H' | b'i' | b'I' | b'l' | b'L' | b'q' | b'Q' => {
            let v = index_mask(vm, value)?;
            store_int(code, swapped, p, size, v);
            Ok(Keep::none())
        }
        b'?' => {
            // As CPython: a whole byte, even for a bit field.
            let b = vm.truthy(value)?;
            *p = b as u8;
            Ok(Keep::none())
        }
        b'v' => {
            let b = vm.truthy(value)?;
            write_uint(p, 2, if b { 0xffff } else { 0 }, false);
            Ok(Keep::none())
        }
        b'c' => {
            let b: Option<u8> = match value.as_obj().map(|o| &o.payload) {
                Some(crate::object::Payload::Bytes(b)) if b.len() == 1 => Some(b[0]),
                Some(crate::object::Payload::ByteArray(b)) if b.borrow().len() == 1 => Some(b.borrow()[0]),
                _ if value.is_int() && !value.is_bool() => match value.as_i64() {
                    Some(i) if (0..256).contains(&i) => Some(i as u8),
                    _ => None,
                },
                _ => None,
            };
            match b {
                Some(c) => {
                    *p = c;
                    Ok(Keep::none())
                }
                None => Err(PyErr::type_error("one character bytes, bytearray or integer expected")),
            }
        }
        b'u' => {
            let Some(s) = value.as_str() else {
                return Err(PyErr::type_error(format!("unicode string expected instead of {} instance", tname(value))));
            };
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => {
                    write_uint(p, 4, c as u64, false);
                    Ok(Keep::none())
                }
                _ => Err(PyErr::type_error("one character unicode string expected")),
            }
        }
        b'f' => {
            let x = as_double(vm, value)? as f32;
            write_uint(p, 4, x.to_bits() as u64, swapped);
            Ok(Keep::none())
        }
        b'd' => {
            let x = as_double(vm, value)?;
            write_uint(p, 8, x.to_bits(), swapped);
            Ok(Keep::none())
        }
        b'g' => {
            let x = as_double(vm, value)?;
            let b = f64_to_f80(x);
            std::ptr::copy_nonoverlapping(b.as_ptr(), p, 16);
            Ok(Keep::none())
        }
        b'z' => {
            if value.is_none() {
                write_ptr(p, 0);
                return Ok(Keep::none());
            }
            if value.as_bytes().is_some() {
                write_ptr(p, mirror_ptr(value).unwrap_or(0));
                return Ok(Keep::value(value.clone()));
            }
            if value.is_int() {
                write_ptr(p, int_as_pointer(value)?);
                return Ok(Keep::none());
            }
            Err(PyErr::type_error(format!("bytes or integer address expected instead of {} instance", tname(value))))
        }
        b'Z' => {
            if value.is_none() {
                write_ptr(p, 0);
                return Ok(Keep::none());
            }
            if value.is_int() {
                write_ptr(p, int_as_pointer(value)?);
                return Ok(Keep::none());
            }
            if value.as_str().is_none() {
                return Err(PyErr::type_error(format!("unicode string or integer address expected instead of {} instance", tname(value))));
            }
            write_ptr(p, mirror_ptr(value).unwrap_or(0));
            Ok(Keep::value(value.clone()))
        }
        b'P' => {
            if value.is_none() {
                write_ptr(p, 0);
                return Ok(Keep::none());
            }
            if value.is_int() {
                write_ptr(p, int_mask(value).unwrap_or(0) as usize);
                return Ok(Keep::none());
            }
            Err(PyErr::type_error("cannot be converted to pointer"))
        }
        b'O' => {
            write_ptr(p, value.bits() as usize);
            Ok(Keep::value(value.clone()))
        }
        b's' => {
            let Some(b) = value.as_bytes() else {
                return Err(PyErr::type_error(format!("expected bytes, {} found", tname(value))));
            };
            // Up to the first NUL (as strlen), plus the NUL if it fits.
            let n = b.iter().position(|&c| c == 0).unwrap_or(b.len());
            if n > size {
                return Err(PyErr::value_error(format!("bytes too long ({}, maximum length {})", n, size)));
            }
            std::ptr::copy_nonoverlapping(b.as_ptr(), p, n);
            if n < size {
                *p.add(n) = 0;
            }
            Ok(Keep::none())
        }
        b'U' => {
            let Some(s) = value.as_str() else {
                return Err(PyErr::type_error(format!("unicode string expected instead of {} instance", tname(value))));
            };
            let n = s.chars().count();
            let max = size / 4;
            if n > max {
                return Err(PyErr::value_error(format!("string too long ({}, maximum length {})", n, max)));
            }
            for (i, c) in s.chars().enumerate() {
                write_uint(p.add(i * 4), 4, c as u64, false);
            }
            if n < max {
                write_uint(p.add(n * 4), 4, 0, false);
            }
            Ok(Keep::none())
        }
        _ => Err(PyErr::type_error("unsupported type code")),
    }
}

/// Whether a value is one of ours (`type(v)` has storage info).
pub fn is_cdata_type(v: &Value) -> bool {
    stg_of_value(v).is_some()
}
