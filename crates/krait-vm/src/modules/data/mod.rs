//! `binascii`, `zlib`, `_bz2`, `_lzma`, the hashes (`_md5`, `_sha1`, `_sha256`, `_sha512`, `_sha3`, `_blake2`), `_random`, `array`, `marshal`.

pub mod array;
pub mod binascii;
pub mod bz2;
pub mod hashes;
pub mod lzma;
pub mod marshal;
pub mod random;
pub mod stream;
pub mod zlib;

use crate::types::type_ref;
use crate::value::Value;
use crate::{PyErr, PyResult, Vm};
use num_bigint::BigInt;

/// The module names this group provides (listed only once they work).
pub const NAMES: &[&str] = &["binascii", "zlib", "_md5", "_sha1", "_sha256", "_sha512", "_sha3", "_blake2", "_random", "array", "marshal", "_bz2", "_lzma"];

/// Build the module `name` (one of `NAMES`).
pub fn make(vm: &mut Vm, name: &str) -> Value {
    match name {
        "binascii" => binascii::make_module(vm),
        "zlib" => zlib::make_module(vm),
        "array" => array::make_module(vm),
        "marshal" => marshal::make_module(vm),
        "_bz2" => bz2::make_module(vm),
        "_lzma" => lzma::make_module(vm),
        "_random" => random::make_module(vm),
        "_md5" | "_sha1" | "_sha256" | "_sha512" | "_sha3" | "_blake2" => hashes::make_module(vm, name),
        _ => crate::types::module::new_module(name),
    }
}

// ---------------------------------------------------------------- shared helpers

/// The type name of `v` (for messages).
pub(crate) fn tname(v: &Value) -> String {
    type_ref(v).type_name_str()
}

/// The bytes of a bytes-like object (bytes, bytearray, memoryview), copied.
pub(crate) fn bytes_like(v: &Value) -> Option<Vec<u8>> {
    crate::types::bytes::buffer_bytes(v).or_else(|| array::array_bytes(v))
}

/// A bytes-like argument, or CPython's TypeError.
pub(crate) fn need_bytes(v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", tname(v))))
}

/// An `ascii_buffer` argument: a bytes-like object or an ASCII-only str.
pub(crate) fn ascii_buffer(v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = v.as_str() {
        if !s.is_ascii() {
            return Err(PyErr::value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    bytes_like(v).ok_or_else(|| {
        PyErr::type_error(format!("argument should be bytes, buffer or ASCII string, not '{}'", tname(v)))
    })
}

/// An integer argument (via `__index__`) as a BigInt.
pub(crate) fn index_bigint(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = v.to_bigint() {
        return Ok(b);
    }
    if v.is_float() || crate::types::lookup(type_ref(v), "__index__").is_none() {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", tname(v))));
    }
    let r = vm.call_method(v, "__index__", &[])?;
    r.to_bigint()
        .ok_or_else(|| PyErr::type_error(format!("__index__ returned non-int (type {})", tname(&r))))
}

/// An integer argument reduced modulo 2**32 (C's `unsigned int` with bit masking).
pub(crate) fn u32_mask(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    if let Some(i) = v.as_i64() {
        return Ok(i as u32);
    }
    let b = index_bigint(vm, v)?;
    let m: BigInt = b & BigInt::from(0xffff_ffffu32);
    Ok(num_traits::ToPrimitive::to_u32(&m).unwrap_or(0))
}

/// A C `int` argument: OverflowError outside the 32-bit range.
pub(crate) fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    if v.is_float() {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let b = index_bigint(vm, v)?;
    match num_traits::ToPrimitive::to_i64(&b) {
        Some(i) if i > i32::MAX as i64 => Err(PyErr::overflow("signed integer is greater than maximum")),
        Some(i) if i < i32::MIN as i64 => Err(PyErr::overflow("signed integer is less than minimum")),
        Some(i) => Ok(i as i32),
        None => Err(PyErr::overflow("Python int too large to convert to C long")),
    }
}

/// A truth-value argument (`bool` converter: any object's truth).
pub(crate) fn truth(vm: &mut Vm, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => vm.truthy(v),
        None => Ok(default),
    }
}

/// `args[0]` (self), or a TypeError for an unbound call without it.
pub(crate) fn first(args: &[Value]) -> PyResult<&Value> {
    args.first().ok_or_else(|| PyErr::type_error("unbound method needs an argument"))
}

/// The class of `v` as a value.
pub(crate) fn type_of(v: &Value) -> Value {
    crate::types::type_of(v)
}

/// The first argument of an exception, if it is a str.
pub(crate) fn exc_message(e: &PyErr) -> Option<String> {
    match e.exc.as_obj().map(|o| &o.payload) {
        Some(crate::object::Payload::Exception(d)) => {
            let args = d.borrow().args.clone();
            args.as_tuple().and_then(|a| a.first().and_then(|v| v.as_str().map(|s| s.to_string())))
        }
        _ => None,
    }
}
